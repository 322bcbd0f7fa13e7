"""One pass of the automata over an article: every known name and cue word, with offsets."""

from __future__ import annotations

import re
from operator import itemgetter
from typing import NamedTuple

from services.classifier.automaton import Automaton
from services.classifier.lexicon import Entry, Kind, Lexicon
from services.classifier.text import fold_typography


class Mention(NamedTuple):
    """A tuple, not a frozen dataclass: an article makes dozens and a tuple is built in less
    than half the time."""

    start: int
    end: int
    entry: Entry
    surface: str


def scan(lexicon: Lexicon, body: str, norm: str) -> list[Mention]:
    """Leftmost-longest whole-word matches; acronyms and proper names checked for case."""
    folded = fold_typography(body)
    vocabulary = scan_vocabulary(lexicon, folded, norm)
    names = scan_details(lexicon, folded, norm, scan_names(lexicon, folded, vocabulary))
    return scan_places(lexicon, folded, names)


# `folded` below is the article body with typographic quotes and dashes folded
# (text.fold_typography); `norm` is its lower case. Both keep the body's offsets.


def scan_vocabulary(lexicon: Lexicon, folded: str, norm: str) -> list[Mention]:
    """The cheap pass: cue words, weapons, organs and written-out group names."""
    return _matches(lexicon.automaton, folded, norm)


def scan_names(lexicon: Lexicon, folded: str, found: list[Mention]) -> list[Mention]:
    """Countries, demonyms, named organs and acronyms, merged with what was found before."""
    return _merge(found + _matches(lexicon.names_automaton, folded, folded))


def scan_details(lexicon: Lexicon, folded: str, norm: str, found: list[Mention]) -> list[Mention]:
    """Organ words, titles, assets and damage words, for articles past the gates."""
    return _merge(found + _matches(lexicon.details_automaton, folded, norm))


def scan_places(lexicon: Lexicon, folded: str, found: list[Mention]) -> list[Mention]:
    """The costly pass over about 100,000 city and region names, for articles worth reading."""
    return _merge(found + _matches(lexicon.places_automaton, folded, folded))


_START = itemgetter(0)
_END = itemgetter(1)


def _merge(found: list[Mention]) -> list[Mention]:
    """Non-overlapping matches, leftmost-longest, except that a longer match overlapping a
    shorter one from the left wins ('the Gulf' + 'Gulf of Aden' is the Gulf of Aden)."""
    # By start, longest first: two stable sorts on C key functions cost half a lambda key.
    found.sort(key=_END, reverse=True)
    found.sort(key=_START)
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            last = kept[-1]
            if mention.end - mention.start > last.end - last.start and mention.end > last.end:
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


def _matches(automaton: Automaton[tuple[Entry, ...]], folded: str, text: str) -> list[Mention]:
    """Whole-word matches (every match of an overlapping automaton, for _merge to choose)."""
    found: list[Mention] = []
    size = len(text)
    payloads = automaton.payloads
    hidden: list[tuple[int, int]] = []
    for index, start, end in automaton.find(text):
        # Whole words only (inlined: this loop sees every fragment hit in the article).
        if start > 0:
            ch = text[start - 1]
            if ch.isalnum() or ch == "_":
                continue
        if end < size:
            ch = text[end]
            if ch.isalnum() or ch == "_":
                if not text[start:end].isalnum():  # several words, cut mid-word: whole ones under it?
                    hidden.append((start, min(size, end + _LONGEST_TAIL)))
                continue
        surface = folded[start:end]
        entries = payloads[index]
        first = entries[0]
        if first.exact is None and not first.capitalised:  # it fits: skip the call
            found.append(Mention(start, end, first, surface))
            continue
        entry = _first_fitting(entries, surface)
        if entry is not None and not (entry.kind is Kind.GROUP and _MODEL_NUMBER.match(text, end)):
            found.append(Mention(start, end, entry, surface))  # ('JAS 39 Gripen' is a jet)
    if hidden:
        return _merge(found + [m for a, b in hidden
                               for m in _whole(automaton, folded, text, automaton.every(text, a, b))])
    return found


_MODEL_NUMBER = re.compile(r"[ -]\d{1,3}\b")  # a name followed by a model number names a weapon
_LONGEST_TAIL = 40  # characters a term found under a cut one may run past its end


def _whole(automaton: Automaton[tuple[Entry, ...]], folded: str, text: str,
           hits: list[tuple[int, int, int]]) -> list[Mention]:
    """The whole-word matches among every match, each with its fitting entry."""
    found: list[Mention] = []
    size = len(text)
    for index, start, end in hits:
        if (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")) or (
                end < size and (text[end].isalnum() or text[end] == "_")):
            continue
        surface = folded[start:end]
        entry = _first_fitting(automaton.payloads[index], surface)
        if entry is not None:
            found.append(Mention(start, end, entry, surface))
    return found


def _first_fitting(entries: tuple[Entry, ...], surface: str) -> Entry | None:
    for entry in entries:
        if entry.exact is not None and surface != entry.exact:
            continue
        if entry.capitalised and not surface[:1].isupper():
            continue
        return entry
    return None
