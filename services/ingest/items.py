"""Feed documents -> plain `FeedItem`s: feedparser's liberal dicts read once, at the edge.

feedparser handles RSS 0.9x/1.0/2.0 and Atom and sanitises embedded HTML; what comes out of
here is text and a UTC datetime, so the mapping to an Article never sees feedparser types.
"""

from __future__ import annotations

import calendar
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import feedparser

_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "section", "article", "tr", "table", "pre", "hr", "figure", "figcaption", "dd", "dt",
})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


class MalformedFeed(ValueError):
    """Not a feed feedparser can read any item from."""


@dataclass(frozen=True)
class FeedItem:
    """One item of a feed, as text. `content` is None when the feed carries only a summary."""

    link: str | None
    guid: str | None
    title: str | None
    summary: str | None
    content: str | None
    published: datetime | None
    language: str | None


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    language: str | None
    items: list[FeedItem]
    warning: str | None = None  # feedparser recovered from a problem (e.g. bad encoding)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment, one blank line between blocks (paragraphs stay paragraphs)."""
    parser = _TextExtractor()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = html_to_text(value) if "<" in value or "&" in value else value.strip()
    return text or None


def _when(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def _content(entry: Any) -> str | None:
    """The item's full text when the feed carries one (content:encoded, Atom <content>)."""
    parts = [c.get("value") for c in entry.get("content") or () if isinstance(c, dict)]
    texts = [t for t in (_text(p) for p in parts) if t]
    return "\n\n".join(texts) or None


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed document; relative links resolve against `url`. Never touches the network
    (the bytes go in as a stream, so feedparser cannot mistake them for a URL to fetch)."""
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    problem = parsed.get("bozo_exception")
    if not parsed.get("version") and not parsed.entries:
        reason = f"{type(problem).__name__}: {problem}" if problem else "no feed found"
        raise MalformedFeed(f"not an RSS or Atom feed ({reason})")
    feed = parsed.get("feed", {})
    feed_language = feed.get("language")
    items = []
    for entry in parsed.entries:
        content = _content(entry)
        summary = _text(entry.get("summary"))
        items.append(FeedItem(
            link=entry.get("link") or None,
            guid=entry.get("id") or None,
            title=_text(entry.get("title")),
            summary=summary if summary != content else None,
            content=content,
            published=_when(entry),
            language=(entry.get("content") or [{}])[0].get("language") or feed_language,
        ))
    warning = f"{type(problem).__name__}: {problem}" if parsed.get("bozo") and problem else None
    return ParsedFeed(title=_text(feed.get("title")), language=feed_language, items=items,
                      warning=warning)
