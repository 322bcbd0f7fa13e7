"""The shape of an attribution frame, shared by the steps that find frames and read them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from services.classifier.clauses import Clause
from services.classifier.lexicon import Kind

MAX_FRAMES = 12  # statements read from one clause


class Cue(StrEnum):
    SAY = "say"
    CLAIM = "claim"
    DENY = "deny"
    CONFIRM = "confirm"


@dataclass(frozen=True, slots=True)
class Frame:
    cue: Cue
    verb: str
    verb_start: int  # absolute offsets
    verb_end: int
    subject: tuple[int, int] | None  # where the speaker is named
    content: tuple[int, int]  # what is said
    negated: bool = False
    nested: bool = False  # a claim reported inside another statement ('G's claim that P')
    relay: bool = False  # only passes on a statement of another speaker ('media say G claimed')
    leading: bool = False  # 'While rebuffing the claim, X said ...': the speaker comes after
    quoter: tuple[int, int] | None = None  # 'state media quoted an official as saying': who quoted
    aside: tuple[int, int] | None = None  # another speaker's relative clause inside the content

    def said(self, clause: Clause) -> str:
        """The content as this speaker says it: an aside in another's voice blanked out."""
        text = clause.sub(*self.content)
        if self.aside is None:
            return text
        a0, a1 = self.aside[0] - self.content[0], self.aside[1] - self.content[0]
        return text[:a0] + " " * (a1 - a0) + text[a1:]


def phrase_end(low: str, start: int) -> int:
    """The end of a short noun phrase: the next comma, full stop, quote or 80 characters."""
    stop = start
    limit = min(len(low), start + 80)
    while stop < limit and low[stop] not in ',.;:"(':
        stop += 1
    return stop


def quotes_around_names(clause: Clause, matches: list[re.Match[str]]) -> set[int]:
    """Indices of quote pairs that enclose a group's name (offsets are within the clause)."""
    names = [(m.start - clause.start, m.end - clause.start) for m in clause.mentions
             if m.entry.kind is Kind.GROUP]
    pairs = set()
    for i, (a, b) in enumerate(pairwise(matches)):
        if (a.group(0) == b.group(0) == '"' and b.start() - a.end() <= 60
                and any(a.end() <= start and end <= b.start() for start, end in names)):
            pairs |= {i, i + 1}
    return pairs


_QUOTE_FIRST = re.compile(r'\s{0,3}"[^"]{8,}?[,.!?]"\s{1,3}')


def quote_first(low: str, verb_at: int) -> int | None:
    """'"No rockets fell," the border service said in a statement after G claimed it': where the
    quotation that a clause opens with ends, when only its speaker's words stand before the verb."""
    opening = _QUOTE_FIRST.match(low)
    if opening is None or opening.end() > verb_at or len(low[opening.end() : verb_at].split()) > 10:
        return None
    return opening.end()


# where a statement's trailing attribution ends: 'P, the ministry said (on Monday) (in a statement).'
# Words split only at spaces, and each piece taken once (atomic): with '\s{0,3}' between word
# pieces one word could be cut in many ways, and 'on the on the ...' cost 0.7 s a clause. The
# events of every labelled article are the same either way.
TAIL = re.compile(
    r"^(?:[ ,]{0,3}(?>(?:(?:in\s{1,3}(?:response|reply|reaction)\s{1,3}to|responding\s{1,3}to)\s{1,3}"
    r"[^.;\",]{1,160}"  # 'P, X said on Friday in response to the North's claims of ...'
    r"|(?:on|in|to|via|through|at|by|from|after|before|during|with|carried by"
    r"|published by|posted on|issued by)\s{1,3}(?:(?:the|a|an|its|his|her|their|this|that)\s{1,3})?"
    r"[\w.'-]+(?:\s{1,3}(?!in\s{1,3}(?:response|reply|reaction)\b)[\w.'-]+){0,2}\s{0,3}"
    r"|late|early|later|earlier|also|again|then|yesterday"
    r"|today|tonight|overnight|separately|\w+day|\w+ly|\d{1,4}"
    r"|told\s{1,3}[\w.'-]+(?:\s{1,3}[\w.'-]+)?)\b)){0,8}"
    r"[ ,]{0,3}(?:[.,]|$)"
)
