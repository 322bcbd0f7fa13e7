"""Bare organs ('the Defence Ministry said') speak for the state the article last named with
that organ: in a TASS report that quoted 'the Russian Defence Ministry' and then 'the Ukrainian
General Staff', a later 'the Defence Ministry' is still Russia's."""

from __future__ import annotations

import re

from services.classifier.context import Memory, Voice

_HEAD = re.compile(
    r"\b(?:(?:defen[cs]e|foreign|interior|home) ministry|ministry of (?:defen[cs]e|foreign affairs"
    r"|interior)|general staff|air force|border (?:guards?|service)|armed forces|army|military"
    r"|navy|ministry|government)\b"
)


def remember_organs(low: str, voice: Voice, memory: Memory) -> None:
    """`low`: the subject words that named `voice`."""
    if not voice.is_state:
        return
    for head in _HEAD.findall(low):
        memory.organs[head] = voice
        if head.endswith("ministry") and head != "ministry":
            memory.organs["ministry"] = voice


def organ_voice(low: str, memory: Memory) -> Voice | None:
    """The state a bare organ was last heard for, if the article named it with one."""
    for head in _HEAD.findall(low):
        if head in memory.organs:
            return memory.organs[head]
    return None
