"""A record no stage could process, kept whole so nothing is lost."""

from __future__ import annotations

import base64

from pydantic import BaseModel, ConfigDict, Field


class DeadLetter(BaseModel):
    model_config = ConfigDict(frozen=True)

    stage: str = Field(description="classify | correlate | alert | deliver | produce")
    reason: str
    original_b64: str = Field(description="The original record value, base64")
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    key_b64: str | None = None
    receiver: str | None = Field(default=None, description="Webhook receiver, for deliveries")

    @classmethod
    def of(
        cls,
        stage: str,
        reason: str,
        original: bytes,
        *,
        topic: str | None = None,
        partition: int | None = None,
        offset: int | None = None,
        key: bytes | None = None,
        receiver: str | None = None,
    ) -> DeadLetter:
        return cls(
            stage=stage,
            reason=reason[:2000],
            original_b64=base64.b64encode(original).decode("ascii"),
            topic=topic,
            partition=partition,
            offset=offset,
            key_b64=base64.b64encode(key).decode("ascii") if key is not None else None,
            receiver=receiver,
        )

    def original(self) -> bytes:
        return base64.b64decode(self.original_b64)
