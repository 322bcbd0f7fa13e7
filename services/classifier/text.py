"""Sentence segmentation with character offsets, and offset-preserving normalisation."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Every character `\s` matches, as one space (for `str.translate`): same length, so offsets hold.
AS_SPACE = {c: " " for c in range(0x3001) if chr(c).isspace()}

_ABBREVIATIONS = frozenset(
    [
        "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "prof", "sen", "rep", "gov",
        "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "approx",
        "est", "brig", "adm", "cmdr", "cdr", "lieut", "cpl", "pvt",
    ]
)
# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before
# white space and an upper-case letter, digit or opening quote; paragraphs always end one.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’')\]]?\s+(?=[\"“‘(\[]?[A-Z0-9\u0080-\uFFFF])|\n\s*\n|\n")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(body: str) -> list[Sentence]:
    """Split into sentences that keep their offsets into `body`; abbreviations do not split."""
    sentences: list[Sentence] = []
    start = 0
    paragraph = 0
    for match in _BOUNDARY.finditer(body):
        piece = body[start : match.start()]
        if "\n" not in match.group(0) and _ends_with_abbreviation(piece):
            continue
        _append(sentences, body, start, match.start(), paragraph)
        if "\n" in match.group(0):
            paragraph += 1
        start = match.end()
    _append(sentences, body, start, len(body), paragraph)
    return sentences


def _ends_with_abbreviation(piece: str) -> bool:
    tail = piece.rstrip(".!?\"”’') ").rsplit(None, 1)
    if not tail:
        return False
    word = tail[-1].lower().strip("(\"'“‘")
    if word == "x" and piece.rstrip(".!?\"”’') ").lower().endswith((" on x", " to x")):
        return False  # 'said on X. He added': the platform, not an initial
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or bool(_INITIALS.match(word))


_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]$")  # 'Air Chief Marshal A.P. Singh': initials, no end


def _append(out: list[Sentence], body: str, start: int, end: int, paragraph: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, body[start:end], paragraph))


def fold_typography(text: str) -> str:
    """Typographic quotes and dashes as ASCII, case kept; same length as `text`."""
    return text if text.isascii() else text.translate(_QUOTES)  # most wire copy is ASCII already


def lower_same_length(text: str) -> str:
    """`text.lower()`, except characters whose lower case is longer ('İ') stay as they are.

    Offsets found in the result index the original, which evidence spans rely on.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def ascii_fold(text: str) -> str:
    """'Takhār' -> 'Takhar', for matching gazetteer names that carry diacritics."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# 'said earlier that ...', 'said on Monday that ...': what is said starts at 'that'
LEADING_ADVERBIAL = re.compile(r"^\s{0,3}(?:(?:earlier|later|also|again|then|yesterday|today|previously"
                               r"|separately|late|early|on\s{1,3}\w+|last\s{1,3}\w+|this\s{1,3}\w+),?\s{1,3}){1,3}(?=that\b)")
