"""One pass of the automaton over an article: every known name and cue word, with offsets."""

from __future__ import annotations

from dataclasses import dataclass

from services.classifier.lexicon import Entry, Lexicon


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entry: Entry
    surface: str


def scan(lexicon: Lexicon, body: str, norm: str) -> list[Mention]:
    """Leftmost-longest whole-word matches; acronyms and proper names checked for case."""
    found: list[Mention] = []
    for last, (key, entries) in lexicon.automaton.iter_long(norm):
        end = last + 1
        start = end - len(key)
        if (start > 0 and _wordish(norm[start - 1])) or (end < len(norm) and _wordish(norm[end])):
            continue
        surface = body[start:end]
        entry = _first_fitting(entries, surface)
        if entry is not None:
            found.append(Mention(start, end, entry, surface))
    return found


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _first_fitting(entries: tuple[Entry, ...], surface: str) -> Entry | None:
    for entry in entries:
        if entry.exact is not None and surface != entry.exact:
            continue
        if entry.capitalised and not surface[:1].isupper():
            continue
        return entry
    return None
