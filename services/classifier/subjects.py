"""Who the subject of a saying is, when it is more than a name: 'Moscow made the claim on
Tuesday, saying ...' (the capital is all of it), 'two groups ... took credit for it, the X Corps
and the Y Legion' (the groups are listed at the end)."""

from __future__ import annotations

import re

from services.classifier.clauses import Clause
from services.classifier.context import Memory, Voice
from services.classifier.lexicon import Kind, Lexicon
from services.classifier.scan import Mention
from services.classifier.voice_makers import group_voice
from services.classifier.voice_words import FUNCTION_WORDS

_MADE_STATEMENT = re.compile(r"\s{1,3}(?:(?:has|had|also)\s{1,3})?(?:made|issued|released|put out|published"
                             r"|posted|gave)\s{1,3}(?:the|a|an|its)\s{1,3}(?:[\w-]+\s{1,3})?(?:claim|statement"
                             r"|announcement|assertion)\b")


GROUPS_OF = re.compile(r"\b(?:two|three|several|both)\s+(?:[\w-]+\s+)?groups\b")
_LIST_TAIL = re.compile(r",\s{1,3}(?:the\s{1,3})?$")


def listed_after(clause: Clause, content: tuple[int, int] | None, lexicon: Lexicon,
                  memory: Memory) -> Voice | None:
    """The groups a sentence names in a list at its end, after the claim it reports."""
    if content is None:
        return None
    named = [m for m in clause.within(*content) if m.entry.kind is Kind.GROUP]
    if not named or clause.sub(named[-1].end, clause.end).strip(" .;\"'") or not _LIST_TAIL.search(
            clause.sub(named[0].start - 12, named[0].start)):
        return None
    return group_voice(lexicon, memory.branch(named[0].entry.value, ""))


_ARMED_NOUNS = frozenset({"militia", "militias", "militants", "militant", "rebels", "rebel", "insurgents",
                          "jihadists", "group", "groups", "fighters", "gunmen"})


_ASIDE = re.compile(r"\([^()]{0,40}\)")


def bare_subject(low: str, m: Mention, start: int) -> bool:
    """A country or capital that is the whole subject: 'Pakistan', 'the UAE', 'Kyiv'.

    A capital followed by a name is a person ('Sofia Petrov'), not a government. A demonym
    counts only when it is all there is: the owner of 'an Armenian claim that ...'."""
    if m.entry.role == "demonym":
        return not low.replace(low[m.start - start : m.end - start], "", 1).strip(" ,'\"")
    if m.entry.role not in ("name", "capital"):
        return False
    lead = low[: m.start - start].strip(" ,'\"")
    if _MADE_STATEMENT.match(low, m.end - start) and lead in ("", "the"):
        return True  # 'Moscow made the claim on Tuesday, saying ...': the whole subject
    if m.entry.role == "capital" and re.match(r"\s{1,3}[a-z]", low[m.end - start :]) and not re.match(
            r"\s{1,3}(?:\w+ly|has|had|have|also|on|later|earlier|said|says|denied|claimed"
            r"|rejected|confirmed|dismissed)\b", low[m.end - start :]):
        return False
    rest = (low[: m.start - start] + " " + low[m.end - start :]).replace("'s", " ")
    rest = _ASIDE.sub(" ", rest)  # 'Ukraine on Thursday (April 14) claimed': a date aside
    words = [w for w in re.findall(r"[a-z0-9-]+", rest) if w not in FUNCTION_WORDS
             and not w.endswith(("day", "ly"))]
    return len(words) <= 1 and not (words and words[0] in _ARMED_NOUNS)  # 'Iraq militia': a group
