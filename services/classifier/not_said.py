"""Verbs of saying that say nothing: nouns ('the claim'), labels ('what it called'), asides
('which Iran says'), standing views ('has long denied') and participles ('confirmed dead')."""

from __future__ import annotations

import re

from services.classifier.clauses import Clause
from services.classifier.frame_model import Cue
from services.classifier.lexicon import Kind

_ASIDE = re.compile(r"(?:[,(]\s{0,3}(?:which|who|whom)|\b(?:group|organi[sz]ation|militia|movement"
                    r"|faction|outfit)\s{1,3}(?:that|which))\s{1,3}(?:[\w'.-]+\s{1,3}){1,4}$")
# 'has long said', 'has occasionally reported', 'routinely denies': a habit, not a statement
_LONG_HELD = re.compile(r"\b(?:(?:has|have|had)\s{1,3}(?:long|occasionally|often|regularly|routinely"
                        r"|frequently|sometimes|always)|routinely|generally|usually|typically"
                        r"|often|regularly|frequently|sometimes|always)\s{1,3}$")
# 'Israel has said on several occasions that ...': the habit named after the verb
_HABIT_AFTER = re.compile(r"\s{1,3}(?:on\s{1,3}(?:several|many|numerous|multiple|previous|past"
                          r"|other)\s{1,3}occasions|many times|in the past)\b")
_WHAT_IT = re.compile(r"\b(?:what|which)\s{1,3}(?:it|he|she|they|the\s{1,3}\w+)\s{1,3}$")
_NOUN_FORMS = frozenset({"claim", "claims", "dispute", "disputes", "reports", "report",
                         "states", "say", "statement"})
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|its|their|his|her|this|that|these|those|such|any|our|of|no|and|whose)"
    r"|'s?)\s{1,3}(?:[\w-]+\s{1,3})?$|\b(?:false|media|news|unconfirmed|initial|recent|earlier"
    r"|conflicting|fake|press|local|unverified|baseless|similar|previous)\s{1,3}$"
)
# 'denied Hezbollah claims that', 'rejected as untrue reports that': what is answered is a noun
_ANSWERED = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|rejects|reject|rejecting|dismissed|dismisses"
    r"|dismissing|refuted|refutes|refuting|disputed|disputes|rebuffed|confirmed|confirms"
    r"|acknowledged)\s{1,3}(?:as\s{1,3}[\w-]+\s{1,3})?(?:[\w'-]+\s{1,3}){0,2}$"
)
_NOUN_AFTER = re.compile(r"\s{1,3}(?:said|say|says|suggest|suggested|indicate|indicated|claimed|by|of"
                         r"|from|made|about|were|was|are|is|supporting|confirming|corroborating)\b")
# '15 militants confirmed dead', 'two reported missing': a participle of state, nobody speaks
_STATE_OF = re.compile(r"\s{1,3}(?:dead|killed|missing|wounded|injured)\b")


_PLURAL_SUBJECT = re.compile(r"\b(?:the\s{1,3})?[a-z-]{3,}[^'s\W]s\s{1,3}$")
_ASIDE_NEXT = r"(?:\s{0,3},\s{0,3}(?:however|though|meanwhile|also)\s{0,3},)?"  # 'claim, however, that'
_THAT_NEXT = re.compile(_ASIDE_NEXT + r"\s{1,3}that\b")
# what follows a verb of claiming, never a noun: a subject pronoun, 'responsibility', 'to have'
_CLAUSE_NEXT = re.compile(_ASIDE_NEXT + r"\s{1,3}(?:that\s{1,3})?(?:it|they|he|she|its|their|his"
                          r"|to\s{1,3}have|responsibility|credit)\b")
_DETERMINED = re.compile(r"(?:\b(?:its|their|his|her|our|these|those|such|any|no|of|whose)|'s?)\s{1,3}"
                         r"(?:[\w-]+\s{1,3})?$")
# An organ or its people before a present-tense verb: its subject, not a compound noun
_ORGAN_VERBS = frozenset({"say", "reports", "states", "claim", "claims"})
_ORGAN_SUBJECT = re.compile(
    r"(?:\bthe|'s)\s{1,3}(?:[\w-]+\s{1,3})?(?:army|military|ministry|government|police|authorities"
    r"|officials|spokes(?:man|woman|person)|command|navy|air force|presidency|embassy|coalition"
    r"|pentagon|kremlin|group|movement|militants|rebels|insurgents|jihadists)\s{1,3}$"
)
_SOURCES_AFTER = re.compile(r"\W{0,3}sources?\b")
_ADJECTIVES = frozenset({"disputed", "alleged", "claimed", "reported", "confirmed", "denied",
                         "admitted", "declared", "stated", "announced", "acknowledged"})
_DETERMINER = re.compile(r"\b(?:a|an|the|its|their|this|that|these|those)\s{1,3}$")


def says_nothing(low: str, end: int, before: str, cue: Cue, verb: str) -> bool:
    """`low`: the clause; `end`: where the verb ends in it; `before`: up to 40 characters
    before the verb."""
    if verb in ("confirmed", "reported") and _STATE_OF.match(low, end):
        return True
    if verb == "informed" and _SOURCES_AFTER.match(low, end):
        return True  # 'citing "informed sources"': an adjective
    if cue in (Cue.SAY, Cue.CLAIM) and _ASIDE.search(before):
        return True  # 'the group, which Iran says operates from Pakistan, said ...': an aside
    if verb in _ADJECTIVES and _DETERMINER.search(before):
        return True  # 'a disputed temple', 'the alleged attack': a describing word
    if _LONG_HELD.search(before) or _HABIT_AFTER.match(low, end):
        return True  # 'commanders have long said', 'Caracas has long denied': a standing view
    if _WHAT_IT.search(before):
        return True  # 'dismissed what it called propaganda': a label, not a statement
    if verb == "claim" and _PLURAL_SUBJECT.search(before) and _THAT_NEXT.match(low, end):
        return False  # 'the Houthis claim, however, that ...': a plural subject's verb
    if (verb in ("claim", "claims") and _CLAUSE_NEXT.match(low, end) and not _DETERMINED.search(before)
            and not _ANSWERED.search(before)):
        return False  # 'the group claims it shot down', 'the rebels claim responsibility'
    if verb in _ORGAN_VERBS and _ORGAN_SUBJECT.search(before) and not _NOUN_AFTER.match(low, end):
        return False  # 'the ministry reports that', 'Kenya's army says', 'the officials say'
    return verb in _NOUN_FORMS and bool(  # 'the claim', 'media reports say': a noun, read as
        _NOUN_BEFORE.search(before) or _NOUN_AFTER.match(low, end)  # a nested claim instead
        or _ANSWERED.search(before))


def group_verb(clause: Clause, v0: int, verb: str) -> bool:
    """"Lebanon's Hezbollah claims a drone attack", '(The) Houthis say they hit a ship': the group
    named right before is the subject."""
    if verb not in ("claims", "say") or _NOUN_NEXT.match(clause.low, v0 - clause.start + len(verb)):
        return False  # 'Houthi claims of possessing ...': a noun
    if verb == "say" and _THE_BEFORE.search(clause.sub(v0 - 40, v0)):
        return any(m.entry.kind is Kind.GROUP and 0 <= v0 - m.end <= 1 for m in clause.mentions)
    return any(m.entry.kind is Kind.GROUP and 0 <= v0 - m.end <= 1
               and not _DETERMINER_BEFORE.search(clause.sub(m.start - 12, m.start))
               for m in clause.mentions)


# 'the Houthis say', 'Houthis say': a name as the whole subject
_THE_BEFORE = re.compile(r"(?:^|\bthe\s{1,3}|[.;:\"]\s{0,3})[\w'-]+\s{1,3}$")
_NOUN_NEXT = re.compile(r"\s{1,3}(?:of|about|by|made|that|were|are|was|is|have|has|and|to)\b|\s{0,3}[,.;:]")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|despite|of|and|over|about|amid|on|these|those|its|their"
                                r"|such|any|no)\s{1,3}$")
