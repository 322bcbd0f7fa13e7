"""A record no stage could process, kept (whole, or its first bytes when it is too large to
fit in a dead letter) so nothing is lost silently."""

from __future__ import annotations

import base64

from pydantic import BaseModel, ConfigDict, Field

# Base64 grows a value by a third: 256 KiB of original is ~350 KB of dead letter, well under
# the broker's 1 MB message limit.
MAX_ORIGINAL_BYTES = 262_144


class DeadLetter(BaseModel):
    model_config = ConfigDict(frozen=True)

    stage: str = Field(description="classify | correlate | alert | deliver | produce")
    reason: str
    original_b64: str = Field(
        description="The original record value, base64; only its first bytes when clipped")
    original_size: int | None = Field(default=None, description="Bytes in the original value")
    original_clipped: bool = Field(
        default=False, description="True when original_b64 holds only a prefix of the original")
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
        max_original_bytes: int = MAX_ORIGINAL_BYTES,
    ) -> DeadLetter:
        """`max_original_bytes`: keep at most this much of the original, so the dead letter
        itself always fits in a Kafka message."""
        kept = original[:max_original_bytes]
        return cls(
            stage=stage,
            reason=reason[:2000],
            original_b64=base64.b64encode(kept).decode("ascii"),
            original_size=len(original),
            original_clipped=len(kept) < len(original),
            topic=topic,
            partition=partition,
            offset=offset,
            key_b64=base64.b64encode(key[:1024]).decode("ascii") if key is not None else None,
            receiver=receiver,
        )

    def original(self) -> bytes:
        return base64.b64decode(self.original_b64)
