"""'The North' and 'the South' in a story that names both halves of a divided country: the
Koreas ('the North's Foreign Ministry'), the Sudans. Nothing when only one half is named."""

from __future__ import annotations

import re

from services.classifier.context import Memory

_HALF = re.compile(r"\bthe\s{1,3}(north|south)(?:'s)?(?:\s|$)")
# each half, with the other half that must also be named for the word to mean it
_HALVES: dict[str, tuple[tuple[str, str], ...]] = {
    "north": (("KP", "KR"), ("SD", "SS")),
    "south": (("KR", "KP"), ("SS", "SD")),
}


def half_named(subject: str, memory: Memory) -> str | None:
    """The state 'the North' or 'the South' (lower-cased subject) stands for, if the article
    has named both halves."""
    match = _HALF.search(subject)
    if match is None:
        return None
    return next((half for half, other in _HALVES[match.group(1)]
                 if half in memory.named and other in memory.named), None)
