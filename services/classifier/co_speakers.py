"""States that deny together: 'Russia and Tajikistan denied carrying out any air strike',
'officials in both Tajikistan and Russia denied ...'. Each state named in a pair joined by
'and' in the subject denies the same thing; the reader reads the frame once for each. Only
denials: 'South Korea and Japan said the North fired a missile' would multiply a report that
one of them makes."""

from __future__ import annotations

import re
from itertools import pairwise

from services.classifier.clauses import Clause
from services.classifier.context import Voice
from services.classifier.frames import Cue, Frame
from services.classifier.lexicon import Kind, Lexicon
from services.classifier.voice_makers import state_voice

_JOINED = re.compile(r"\s{0,3},?\s{0,3}(?:and|&)\s{1,3}(?:the\s{1,3})?")
_NAMING = frozenset({"name", "demonym", "capital"})


def co_speakers(clause: Clause, frame: Frame, voice: Voice, lexicon: Lexicon) -> list[Voice]:
    """The other states joined to the speaking state by 'and' in the subject."""
    if frame.subject is None or frame.nested or frame.cue is not Cue.DENY or not voice.is_state:
        return []
    states = [m for m in clause.within(*frame.subject)
              if m.entry.kind is Kind.STATE and m.entry.role in _NAMING]
    others: list[str] = []
    for a, b in pairwise(states):
        if not _JOINED.fullmatch(clause.sub(a.end, b.start)):
            continue
        for code in (a.entry.value, b.entry.value):
            if code != voice.country and code not in others:
                others.append(code)
    return [state_voice(lexicon, code) for code in others]
