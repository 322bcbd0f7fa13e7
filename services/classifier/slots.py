"""The slots of an attack proposition besides its target: weapon, count, attacker."""

from __future__ import annotations

import re

from services.classifier.clauses import Clause
from services.classifier.context import Memory, Voice
from services.classifier.lexicon import Kind, Lexicon

_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "a dozen": 12, "dozen": 12, "a single": 1, "single": 1,
    "dozens": 24, "hundreds": 200, "thirteen": 13, "fourteen": 14, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a hundred": 100, "scores": 40, "several": 3,
}
_NUM = r"\d{1,5}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True))
_COUNT_BEFORE = re.compile(r"(?P<n>" + _NUM + r")\s{1,3}(?:[a-z-]{1,20}\s{1,3}){0,2}$")


def weapon_and_count(clause: Clause, span: tuple[int, int]) -> tuple[str | None, int | None]:
    for m in clause.within(*span):
        if m.entry.kind is Kind.WEAPON:
            match = _COUNT_BEFORE.search(clause.sub(m.start - 30, m.start))
            count = None
            if match:
                raw = match.group("n")
                count = int(raw) if raw.isdigit() else _NUMBERS.get(raw)
            return m.entry.value, count
    return None, None


def attacker_in(clause: Clause, span: tuple[int, int], lexicon: Lexicon, memory: Memory,
                speaker: str | None = None) -> Voice | None:
    """The group (or state) a statement says attacked; else the article's last claimant.

    `speaker`: the state making the statement, never the attacker it speaks of ('our
    military repelled an attack')."""
    from services.classifier.voice_makers import group_voice, state_voice

    named = {memory.branch(m.entry.value)
             for m in clause.within(*span) if m.entry.kind is Kind.GROUP}
    if len(named) == 1:
        return group_voice(lexicon, named.pop())
    if named:  # 'a clash between the Taliban and IS': the claimant, if it is one of them
        for known in (memory.claimant.key if memory.claimant else None, memory.main_group):
            if known in named:
                return group_voice(lexicon, known)
        return None
    for m in clause.within(*span):
        after = clause.sub(m.end, m.end + 40)
        if m.entry.kind is Kind.STATE and m.entry.value != speaker and re.match(
            r"^(?:'s?)?\s{1,3}(?:[\w-]+\s{1,3}){0,2}?(?:missiles?|drones?|rockets?|attacks?"
            r"|(?:air)?strikes?|raids?|bombing|bombardment|forces|troops|army|military|shelling|artillery"
            r"|jets|aircraft|warplanes)\b",
            after,
        ):
            return state_voice(lexicon, m.entry.value)
    if memory.claimant is not None and (speaker is None or memory.claimant.country != speaker
                                        or memory.claimant.is_group):
        return memory.claimant  # not the speaker's own claim: it answers someone else's
    if memory.main_group is not None:
        return group_voice(lexicon, memory.main_group)
    return None


_PEOPLE = (r"(?:soldiers|troops|servicem[ae]n|service members|personnel|people|civilians|officers"
           r"|policem[ae]n|police officers|guards|fighters|militants|crew members|sailors|peacekeepers"
           r"|marines|conscripts|others)")
_PERSON = (r"(?:soldier|serviceman|servicewoman|service member|civilian|officer|policeman"
           r"|police officer|guard|fighter|militant|crew member|sailor|peacekeeper|marine|conscript"
           r"|person)")
_HURT = (r"(?:killed|dead|died|wounded|injured|hurt|martyred|perished|slain|sustained injuries"
         r"|lost (?:their|his|her) li(?:ves|fe))")
_CASUALTIES = re.compile(
    r"(?:(?P<n>" + _NUM + r")(?:\s{1,3}(?:more|other|of (?:its|their|our))?)?\s{1,3}"
    r"(?:[a-z-]{1,20}\s{1,3}){0,2}" + _PEOPLE + r"\b[^.;]{0,40}?\b" + _HURT
    + r"|(?:(?P<s>an?|one|a single)\s{1,3}(?:[a-z-]{1,20}\s{1,3})?" + _PERSON + r"\b[^.;]{0,40}?\b"
    + _HURT + r"|(?:killed|killing|wounded|wounding|injured|injuring)\s{1,3}(?P<k>an?|one)\s{1,3}"
    r"(?:[a-z-]{1,20}\s{1,3})?" + _PERSON + r")\b"
    r"|(?:deaths?|killing) of\s{1,3}(?:at least\s{1,3})?(?P<d>" + _NUM + r")\s{1,3}"
    r"(?:of\s{1,3}(?:its|their|our)\s{1,3})?(?:[a-z-]{1,20}\s{1,3})?"
    + _PEOPLE + r"\b"
    r"|(?:death\s{1,3})?toll\s{1,3}(?:was|is|stood at|stands at|rose to|of|at)\s{1,3}(?:at least\s{1,3})?"
    r"(?P<t>" + _NUM + r")\b"
    r"|(?:lost|losing)\s{1,3}(?:at least\s{1,3})?(?P<l>" + _NUM + r")\s{1,3}(?:[a-z-]{1,20}\s{1,3})?"
    r"(?:soldiers|troops|servicem[ae]n|service members|personnel|officers|policemen|guards"
    r"|sailors|crew members|peacekeepers|marines)\b"
    r"|(?:killed|killing|killing at least|wounded|wounding|injured|injuring)\s{1,3}(?:at least\s{1,3}"
    r"|more than\s{1,3}|some\s{1,3}|about\s{1,3}|as many as\s{1,3}|up to\s{1,3}|nearly\s{1,3}"
    r"|around\s{1,3}|over\s{1,3})?(?P<m>" + _NUM + r")\b)"
)


# 'a week after the group killed five guards', 'in retaliation for the killing of 11 officers':
# a count that belongs to the earlier event the statement answers, not to this one
_EARLIER = re.compile(r"\b(?:after|following|since|(?:retaliation|revenge|reprisal) for|response to"
                      r"|avenge)\s{1,3}(?:[\w'-]+\s{1,3}){0,4}$")


# 'killed 10 al-Shabaab militants': the enemy's dead are nobody's conceded or claimed losses
_ENEMY = (r"(?:militants?|fighters?|terrorists?|insurgents?|attackers?|jihadists?|rebels?|assailants?"
          r"|gunmen)\b")
_ENEMY_DEAD = re.compile(r"\b" + _ENEMY)
_ENEMY_AFTER = re.compile(r"\s{1,3}(?:[\w'-]+\s{1,3}){0,2}" + _ENEMY)


def _count_match(low: str) -> re.Match[str] | None:
    for match in _CASUALTIES.finditer(low):
        if _ENEMY_DEAD.search(match.group(0)) or _ENEMY_AFTER.match(low, match.end()):
            continue
        if not _EARLIER.search(low[max(0, match.start() - 50) : match.start()]):
            return match
    return None


def casualty_span(clause: Clause, span: tuple[int, int]) -> tuple[int, int] | None:
    """Where the first count of dead or wounded is, in clause offsets."""
    match = _count_match(clause.sub(*span))
    if match is None:
        return None
    start = max(span[0], clause.start)
    return start + match.start(), start + match.end()


def casualties(clause: Clause, span: tuple[int, int]) -> int | None:
    """'killed forty soldiers', '54 soldiers had been killed', 'two soldiers were wounded'."""
    return count_casualties(clause.sub(*span))


# 'in retaliation for Israeli strikes on Beirut that killed 22 people': the toll of what the
# attack answered, not of the attack
_MOTIVE_TAIL = re.compile(r"\b(?:in\s{1,3}(?:retaliation|revenge|response)\s{1,3}(?:for|to)"
                          r"|to\s{1,3}avenge)\b")


def count_casualties(low: str) -> int | None:
    """The first count of dead or wounded in lower-cased text; 'a soldier' is one, 'a few' none."""
    motive = _MOTIVE_TAIL.search(low)
    match = _count_match(low[: motive.start()] if motive else low)
    if match is None:
        return None
    if match.group("s") or match.group("k"):
        return 1
    raw = match.group("n") or match.group("m") or match.group("t") or match.group("l") or match.group("d")
    return int(raw) if raw.isdigit() else _NUMBERS.get(raw)


# 'it had lost 12 soldiers': the speaker's own dead, counted
LOST_MEN = re.compile(r"\b(?:lost|losing)\s{1,3}(?:\d+|[a-z]+)\s{1,3}(?:[\w-]+\s{1,3})?(?:soldiers|troops"
                      r"|servicem[ae]n|personnel|guards|officers)\b")
