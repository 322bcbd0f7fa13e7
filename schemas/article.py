"""The input contract: one news article as upstream feeds publish it."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Article(BaseModel):
    """A news article. Unknown fields are ignored so feeds can carry their own extras."""

    model_config = ConfigDict(frozen=True, extra="ignore", str_strip_whitespace=False)

    id: str = Field(min_length=1, max_length=512, description="Stable id from the feed")
    body: str = Field(min_length=1, description="Full text of the article")
    title: str | None = None
    source: str | None = Field(default=None, description="Outlet name")
    url: str | None = None
    language: str | None = Field(
        default=None, description="ISO 639-1 code; when absent the extractor guesses"
    )
    published_at: date | datetime | None = Field(
        default=None,
        description="RFC 3339 date-time or a date; when absent, the Kafka record time is used",
    )

    @field_validator("id")
    @classmethod
    def _id_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("id must not be blank")
        return value

    @field_validator("body")
    @classmethod
    def _body_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("body must not be blank")
        return value

    def publication_date(self, fallback: date) -> date:
        """The day the article speaks from; `fallback` is the record time's date."""
        if isinstance(self.published_at, datetime):
            return self.published_at.date()
        if isinstance(self.published_at, date):
            return self.published_at
        return fallback
