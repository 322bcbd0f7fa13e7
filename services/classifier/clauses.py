"""Sentences into clauses: the unit a statement is read from.

Contrasting and coordinated clauses ('X denied ..., but Y confirmed ...'; 'A said ...; B said
...') carry separate statements; a clause keeps its offsets into the article body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.classifier.scan import Mention
from services.classifier.text import Sentence

# ', but that ...' continues what was said: 'said the Kyiv regime had tried ..., but that all
# attacks were repelled'. Bounded gaps only: a run of white space must never make a split pattern backtrack.
_BREAK = re.compile(
    r";[ \t]{0,8}|,[ \t]{1,8}(?:but|while|whereas|although|though)[ \t]{1,8}(?!that\b)"
    r"|[ \t]{1,8}but[ \t]{1,8}(?=(?:the|a|an|his|its|their|[a-z]+'s)\b)"
    r"|\.[ \t]{1,8}however,?[ \t]{1,8}"
)


@dataclass(frozen=True, slots=True)
class Clause:
    start: int  # offsets into the article body
    end: int
    low: str  # lower-cased, typography folded; low[i] is body[start + i]
    text: str  # as written (typography folded): for case-sensitive cues
    mentions: tuple[Mention, ...]
    sentence: Sentence
    index: int  # clause number within its sentence

    def sub(self, start: int, end: int) -> str:
        """Lower-cased text between two absolute offsets, clipped to the clause."""
        return self.low[max(0, start - self.start) : max(0, end - self.start)]

    def within(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]


def split_clauses(
    sentence: Sentence, low: str, folded: str, mentions: list[Mention]
) -> list[Clause]:
    """`low`/`folded`: the sentence's lower-cased and folded text; `mentions` inside it."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BREAK.finditer(low):
        if _inside_quote(low, match.start()):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(low)))
    out: list[Clause] = []
    for a, b in spans:
        if b <= a:
            continue
        s, e = sentence.start + a, sentence.start + b
        own = tuple(m for m in mentions if s <= m.start and m.end <= e)
        out.append(Clause(s, e, low[a:b], folded[a:b], own, sentence, len(out)))
    return out


def _inside_quote(low: str, at: int) -> bool:
    return low.count('"', 0, at) % 2 == 1
