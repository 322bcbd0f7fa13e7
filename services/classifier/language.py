"""Which articles the extractor can read; the rest are counted and skipped, never misread."""

from __future__ import annotations

from itertools import repeat

from schemas.article import Article

READABLE = frozenset({"en"})
_PUNCT = ".,;:!?\"'()[]“”‘’«»-"
_ENGLISH_WORDS = frozenset({
    "the", "and", "of", "to", "that", "was", "were", "said", "with", "for", "it", "its", "is",
    "are", "had", "has", "into", "from", "by", "at", "on",
})
# Frequent words of other Latin-script languages that English text almost never contains.
_OTHER_LATIN_WORDS = frozenset({
    "el", "los", "las", "del", "por", "una", "que", "y", "le", "les", "des", "et", "est", "une",
    "der", "die", "das", "und", "ist", "nicht", "não", "os", "com", "uma", "het", "een", "ve",
    "bir", "ile", "dan", "yang", "dengan", "oraz", "się",
})


def reads_language(article: Article) -> str | None:
    """None when we read the article; otherwise its language, or 'unknown' when undeclared."""
    declared = (article.language or "").strip().lower().replace("_", "-").split("-")[0]
    if declared:
        return None if declared in READABLE else declared
    sample = article.body[:1200]  # about 200 words: enough to tell, cheap on the hot path
    if not sample.isascii():
        letters = sum(map(str.isalpha, sample))
        if letters == 0:
            return "unknown"
        latin = sum(map(str.isalpha, sample.encode("ascii", "ignore").decode()))
        if latin / letters < 0.9:
            return "unknown"
    # counted in C (map over the words), not in a Python loop: a quarter of a feed declares no
    # language, and this runs on each of those articles
    words = list(map(str.strip, sample.lower().split(), repeat(_PUNCT)))
    english = sum(map(_ENGLISH_WORDS.__contains__, words))
    other = sum(map(_OTHER_LATIN_WORDS.__contains__, words))
    return None if english > other else "unknown"
