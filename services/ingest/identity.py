"""Article ids and dedupe keys, and the seen set they are checked against.

A story is the same when its canonical URL is (`url:` key; also the page's own rel=canonical and
the address a redirect ended at) or when its text is (`text:` key, over the text with case,
punctuation and spacing folded away), so a syndicated copy under another URL is skipped too.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

ID_PREFIX = "ing-"
_WORDS = re.compile(r"\w+")


def _digest(text: str, size: int = 24) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:size]


def article_id(canonical: str) -> str:
    """Stable id from a canonical URL: the same page always gets the same id (96 bits)."""
    return ID_PREFIX + _digest(canonical)


def url_key(canonical: str) -> str:
    return "url:" + _digest(canonical, 32)


def normalise_text(text: str) -> str:
    """Words only, case-folded: the same story with other quotes or line breaks folds alike."""
    return " ".join(_WORDS.findall(text.casefold()))


def text_key(body: str) -> str | None:
    """None for a text too short to tell stories apart (a headline-only item)."""
    normal = normalise_text(body)
    if len(normal) < 80:
        return None
    return "text:" + _digest(normal, 32)


def item_key(feed_url: str, guid: str) -> str:
    """For items without a link: the feed's own id for the item, within that feed."""
    return "guid:" + _digest(f"{feed_url}\n{guid}", 32)


@dataclass
class SeenSet:
    """Keys of stories already produced, with when each was first seen (Unix time). Pure: the
    Kafka adapter loads and persists it; `prune` keeps memory bounded on a long run."""

    seen_at: dict[str, float] = field(default_factory=dict)

    def __contains__(self, key: object) -> bool:
        return key in self.seen_at

    def first_seen(self, keys: Iterable[str | None]) -> str | None:
        """The first of `keys` already seen, or None when the story is new."""
        for key in keys:
            if key is not None and key in self.seen_at:
                return key
        return None

    def add(self, keys: Iterable[str | None], at: float = 0.0) -> list[str]:
        """Record `keys`; return the ones that were new (those need persisting)."""
        new = [k for k in dict.fromkeys(keys) if k is not None and k not in self.seen_at]
        for key in new:
            self.seen_at[key] = at
        return new

    def discard(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.seen_at.pop(key, None)

    def prune(self, before: float) -> int:
        """Forget keys first seen before `before`; a story that old is not re-published."""
        old = [k for k, at in self.seen_at.items() if at < before]
        self.discard(old)
        return len(old)

    def __len__(self) -> int:
        return len(self.seen_at)


def key_kind(key: str) -> str:
    """`url`, `text` or `guid`: the metrics label for why an item was a duplicate."""
    return key.split(":", 1)[0]
