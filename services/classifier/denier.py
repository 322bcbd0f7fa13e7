"""Whether a state that denies is the target answering a claim, or another party: the accused
('strikes by Pakistani forces', 'militants from Pakistan attacked ...', a claim Pakistan rejected)
or a state contradicting another state's account of its own operation."""

from __future__ import annotations

import re

from services.classifier.clauses import Clause
from services.classifier.context import Voice
from services.classifier.frames import Frame
from services.classifier.lexicon import Kind

_ACCOUNT_AFTER = re.compile(r"(?:'s)?\s{1,3}(?:[\w-]+\s{1,3})?(?:account|version|statement|denial"
                            r"|narrative)s?\b")  # not 'assertion': 'rejected X's assertion that P' denies P


def answers_another_state(clause: Clause, frame: Frame, voice: Voice) -> bool:
    """'contradicting a Russian account': the speaker affirms its own version of another state's
    attack; it denies nothing about an attack on itself."""
    head = frame.content[0] + 40
    return any(m.entry.kind is Kind.STATE and m.entry.value != voice.country
               and _ACCOUNT_AFTER.match(clause.sub(m.end, m.end + 40))
               for m in clause.within(frame.content[0], head))


# 'strikes by Pakistani forces', 'blamed Pakistan for', 'accused Iran of': the speaker accused
# (not 'intercepted by Israel', 'a position held by Cameroonian soldiers': those are the target)
_ACCUSED_BEFORE = re.compile(r"\b(?:(?:(?:air|drone)?strikes?|attacks?|raids?|shelling|fire|bombing"
                             r"|bombardment|drones?|rockets?|missiles?|shells?)\s{1,3}(?:[\w-]+\s{1,3})?by"
                             r"|blam\w+|accus\w+)\s{1,3}(?:the\s{1,3})?$")
_FROM_BEFORE = re.compile(r"\b(?:(?:came|come|comes|coming|crossed|crossing|infiltrated|launched|fired"
                         r"|operat\w+|based|attacks?)\s{1,3}(?:[\w-]+\s{1,3}){0,3}?(?:from|out of)"
                         r"|(?:operat\w+|based)\s{1,3}(?:[\w-]+\s{1,3}){0,2}?in"  # not 'an attack on X in'
                         r"|across from)\s{1,3}(?:the\s{1,3})?$")


def came_from(clause: Clause, content: tuple[int, int], voice: Voice) -> bool:
    """What the speaker denies has the attack coming from its own soil, or done by its own forces
    ('strikes by Pakistani forces', 'blamed Pakistan for'): the accused speaks."""
    return any(m.entry.kind is Kind.STATE and m.entry.value == voice.country
               and (_FROM_BEFORE.search(clause.sub(m.start - 60, m.start))
                    or _ACCUSED_BEFORE.search(clause.sub(m.start - 40, m.start)))
               for m in clause.within(*content))
