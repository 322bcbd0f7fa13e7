"""Which articles the extractor can read; the rest are counted and skipped, never misread."""

from __future__ import annotations

import re

from schemas.article import Article

READABLE = frozenset({"en"})
_ENGLISH_FUNCTION_WORDS = re.compile(r"\b(?:the|and|of|to|in|that|was|said|with|for|on)\b", re.I)


def reads_language(article: Article) -> str | None:
    """None when we read the article; otherwise the language (or 'unknown') it is in."""
    declared = (article.language or "").strip().lower().replace("_", "-").split("-")[0]
    if declared:
        return None if declared in READABLE else declared
    sample = article.body[:2000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters == 0:
        return "unknown"
    latin = sum(ch.isascii() and ch.isalpha() for ch in sample)
    words = max(1, len(sample.split()))
    function_words = len(_ENGLISH_FUNCTION_WORDS.findall(sample))
    if latin / letters > 0.85 and function_words / words > 0.08:
        return None
    return "unknown"
