"""Whom a speaker told: 'told reporters', 'told AFP', 'told a news conference in Kabul that'.

What was told begins after the listener; taking a fixed number of words instead ate the subject
of 'told reporters the group had fired ...'."""

from __future__ import annotations

import re

from services.classifier.clauses import Clause
from services.classifier.datelines import AGENCIES

_TOLD_THAT = re.compile(r"\s{0,3}(?:[\w.'-]+\s{1,3}){0,4}?(?:that\b|:)")
# 'quoted X' / 'cited X' without 'as saying': up to 'that' (above), or up to four words of source
_FEW_WORDS = re.compile(r"\s{0,3}(?:[\w.'-]+\s{0,3}){0,4}")
# whom a speaker 'told': reporters, an outlet, a briefing ('told AFP the group had fired ...')
_LISTENER = re.compile(
    r"\s{0,3}(?:(?:the|a|an|local|foreign|state|state-run|state-owned|national|private|pro-[\w-]+)"
    r"\s{1,3}){0,2}(?:[\w.'-]+\s{1,3}){0,2}?(?:reporters|journalists|newsmen|media|press|correspondents?"
    r"|news\s{1,3}agency|agency|newspaper|daily|television|tv|radio|channel|broadcaster|outlet|website"
    r"|(?:news\s{1,3})?conference|briefing|lawmakers|parliament|diplomats|bbc|cnn"
    r"|al\s{1,3}jazeera|al\s{1,3}arabiya|ria\s{1,3}novosti|fars|tasnim|voa|associated\s{1,3}press"
    r"|bloomberg|sky\s{1,3}news|" + AGENCIES + r")\b"
    r"(?:\s{1,3}(?:news\s{1,3})?(?:agency|newspaper|daily|television|tv|radio|channel|website))?"
    r"(?:\s{1,3}(?:(?:late\s{1,3}|early\s{1,3})?on|in|from|by)\s{1,3}(?!(?:an?|the)\b)[\w-]+)*"
    r"(?:\s{1,3}that\b)?"
)
_NAMED_LISTENER = re.compile(r"\s{0,3}(?:The\s{1,3})?[A-Z][\w.'-]*(?:\s{1,3}[A-Z][\w.'-]*){0,2}"
                             r"(?=\s{1,3}[a-z])")


# '..., Hiwa told The New Arab in an interview conducted over email.': how it was told, to the end
_HOW_TOLD = re.compile(r"\s{0,3}(?:,\s{0,3})?(?:in|during|on|by|over|via)\s{1,3}(?:an?\s{1,3}|the\s{1,3})?"
                       r"(?:[\w-]+\s{1,3}){0,2}?(?:interview|call|phone|telephone|email|e-mail|message"
                       r"|condition of anonymity)\b[^.;:\"]{0,60}?[\s.\"]*$")


def listener_end(clause: Clause, after: int) -> int:
    """Where what was told begins: past 'reporters', 'AFP', 'a news conference in Kabul that'."""
    low = clause.low
    found = (_LISTENER.match(low, after) or _TOLD_THAT.match(low, after)
             or _NAMED_LISTENER.match(clause.text, after))
    end = found.end() if found else after
    how = _HOW_TOLD.match(low, end)
    return how.end() if how is not None else end


def source_end(low: str, after: int) -> int:
    """Where what was quoted begins, after 'quoted'/'cited' and its source."""
    found = _TOLD_THAT.match(low, after) or _FEW_WORDS.match(low, after)
    return found.end() if found else after
