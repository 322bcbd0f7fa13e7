"""Which articles the extractor can read; the rest are counted and skipped, never misread."""

from __future__ import annotations

import re

from schemas.article import Article

READABLE = frozenset({"en"})
_ENGLISH = re.compile(
    r"\b(?:the|and|of|to|that|was|were|said|with|for|it|its|is|are|had|has|into|from|by|at|on)\b",
    re.I,
)
# Frequent words of other Latin-script languages that English text almost never contains.
_OTHER_LATIN = re.compile(
    r"\b(?:el|los|las|del|por|una|que|y|le|les|des|et|est|une|der|die|das|und|ist|nicht|não|os"
    r"|com|uma|het|een|ve|bir|ile|dan|yang|dengan|oraz|się)\b",
    re.I,
)


def reads_language(article: Article) -> str | None:
    """None when we read the article; otherwise its language, or 'unknown' when undeclared."""
    declared = (article.language or "").strip().lower().replace("_", "-").split("-")[0]
    if declared:
        return None if declared in READABLE else declared
    sample = article.body[:3000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters == 0:
        return "unknown"
    latin = sum(ch.isascii() and ch.isalpha() for ch in sample)
    if latin / letters < 0.9:
        return "unknown"
    english = len(_ENGLISH.findall(sample))
    other = len(_OTHER_LATIN.findall(sample))
    return None if english > other else "unknown"
