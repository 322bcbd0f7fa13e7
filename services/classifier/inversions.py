"""Speakers named after the verb: '"P," said Lt. Col. A. B., the army's spokesman.', 'P, said a
spokesman for the army.', 'P, said Yahya Saree, a spokesman for the group.'"""

from __future__ import annotations

import re

from services.classifier.frame_model import phrase_end

_TITLED = re.compile(r",\s{1,3}(?:a|an|the|its|their)\s{1,3}(?:[\w-]+\s{1,3}){0,2}?(?:spokes\w+|minister"
                     r"|commander|official|chief|head|adviser|advisor|envoy|ambassador|governor)\b")
_TAIL_WORDS = 16


def appositive_tail(low: str, start: int) -> bool:
    """'"P," said Lt. Col. A. B., the army's spokesman.' / '... said an army spokeswoman, who
    asked not to be named.': after an opening quote, the rest of the clause is a short speaker
    phrase (titles with full stops, an appositive or a relative clause), with no quotation."""
    rest = low[start:].rstrip(' ."')
    return bool(rest.strip()) and '"' not in rest and len(rest.split()) <= _TAIL_WORDS and "," in rest


def inverted(low: str, base: int, v0: int, v1: int, named: bool = False) -> tuple[int, int] | None:
    """The speaker after the verb, when the verb follows a comma or quote and a short noun
    phrase ends the clause."""
    if not low[: v0 - base].rstrip().endswith((",", '"')):
        return None
    rest = low[v1 - base :].rstrip(' ."')
    if appositive_tail(low, v1 - base) and _TITLED.search(rest):  # 'P, said Y. Saree, a spokesman'
        return (v1, v1 + len(rest))
    end = phrase_end(low, v1 - base)
    phrase = low[v1 - base : end]
    if end < len(low.rstrip(' ."')) - 1 or not 0 < len(phrase.split()) <= 10:
        return None
    if re.search(r"\b(?:that|it|they|he|she)\b", phrase[:12]):
        return None  # 'P, said that ...': not an inversion
    if not named and not re.match(r"\s{0,3}(?:a|an|the|his|her|its|their|one|[a-z]+'s)\b", phrase):
        return None  # a speaker is a noun phrase: 'said the ministry', 'said Pakistan's army'
    return (v1, base + end)
