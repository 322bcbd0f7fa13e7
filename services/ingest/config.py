"""The feeds file (YAML): which feeds to poll and how politely to crawl.

Validated once at start; a typo in a key or a bad value stops the ingester with a message that
names the entry and the field, instead of a feed silently never being polled.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, ValidationError, model_validator

DEFAULT_USER_AGENT = "counterclaim-ingest/0.1"  # operators should add a contact URL


class FeedsFileError(ValueError):
    """The feeds file cannot be used; the message says where and why."""


class FeedConfig(BaseModel):
    """One feed. `fetch_page`: "auto" fetches the page when an item carries only a summary."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1, max_length=100, pattern=r"^[^\n\r\t]+$")
    url: AnyHttpUrl
    poll_interval_s: float | None = Field(default=None, gt=0, le=86_400)
    language: str | None = Field(default=None, pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*$",
                                 description="hint: ISO 639-1 code of the feed's articles")
    fetch_page: bool | Literal["auto"] = "auto"


class FeedsFile(BaseModel):
    """The whole file: crawl settings shared by every feed, then the `feeds:` list."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    user_agent: str = Field(default=DEFAULT_USER_AGENT, min_length=1, max_length=300)
    poll_interval_s: float = Field(default=300.0, gt=0, le=86_400,
                                   description="default for feeds that do not set their own")
    timeout_s: float = Field(default=20.0, gt=0, le=300, description="one HTTP request, total")
    backoff_max_s: float = Field(default=1800.0, gt=0, le=86_400,
                                 description="longest wait between polls of a failing feed")
    host_interval_s: float = Field(default=1.0, ge=0, le=600,
                                   description="least time between two requests to one host")
    max_page_bytes: int = Field(default=2_000_000, ge=1_000)
    max_feed_bytes: int = Field(default=5_000_000, ge=1_000)
    robots_ttl_s: float = Field(default=3600.0, gt=0, description="how long robots.txt is kept")
    page_attempts: int = Field(default=3, ge=1, le=20,
                               description="page fetches before an item falls back to its summary")
    seen_retention_days: float = Field(
        default=30.0, gt=0, le=3650,
        description="a story seen longer ago than this may be produced again if a feed repeats it")
    feeds: list[FeedConfig] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_names(self) -> FeedsFile:
        names = [feed.name for feed in self.feeds]
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise ValueError(f"feed names must be unique (they label the metrics): {repeated}")
        return self

    def interval(self, feed: FeedConfig) -> float:
        return feed.poll_interval_s if feed.poll_interval_s is not None else self.poll_interval_s


def parse_feeds(text: str, origin: str = "feeds file") -> FeedsFile:
    """Validate YAML text; `origin` names the file in error messages."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise FeedsFileError(f"{origin}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise FeedsFileError(f"{origin}: expected a mapping with a top-level `feeds:` list")
    try:
        return FeedsFile.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = _location(data, err["loc"])
            problems.append(f"{where}: {err['msg']}")
        raise FeedsFileError(f"{origin}: " + "; ".join(problems)) from exc


def load_feeds(path: str | Path) -> FeedsFile:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FeedsFileError(f"cannot read feeds file {path}: {exc.strerror or exc}") from exc
    return parse_feeds(text, origin=str(path))


def _location(data: dict[str, object], loc: tuple[int | str, ...]) -> str:
    """`feeds[2] (name: X).url` rather than pydantic's bare tuple."""
    parts: list[str] = []
    for index, part in enumerate(loc):
        if isinstance(part, int):
            label = f"[{part}]"
            if loc[:index] == ("feeds",):
                feeds = data.get("feeds")
                if isinstance(feeds, list) and part < len(feeds) and isinstance(feeds[part], dict):
                    name = feeds[part].get("name")
                    if name:
                        label += f" (name: {name})"
            parts.append(label)
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts) or "<top level>"
