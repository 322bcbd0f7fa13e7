"""Whose organ speaks. A bare organ ('the Defence Ministry said') speaks for the state the
article last named with that organ: in a TASS report that quoted 'the Russian Defence Ministry'
and then 'the Ukrainian General Staff', a later 'the Defence Ministry' is still Russia's. Else
for the country just named ('an attack on Israel, where the army said') or the side whose
forces defend in what it says."""

from __future__ import annotations

import re

from services.classifier.clauses import Clause
from services.classifier.context import Memory, Voice
from services.classifier.denial_cues import FALSITY
from services.classifier.lexicon import Kind, Lexicon
from services.classifier.scan import Mention
from services.classifier.targets import find_target
from services.classifier.voice_makers import state_voice

_HEAD = re.compile(
    r"\b(?:(?:defen[cs]e|foreign|interior|home) ministry|ministry of (?:defen[cs]e|foreign affairs"
    r"|interior)|general staff|air force|border (?:guards?|service)|armed forces|army|military"
    r"|navy|ministry|government)\b"
)


def remember_organs(low: str, voice: Voice, memory: Memory) -> None:
    """`low`: the subject words that named `voice`."""
    if voice.kind == "company":
        return  # a group's ministry too: 'the Sahrawi Ministry of Defence' ... 'the ministry added'
    heads = [_key(head) for head in _HEAD.findall(low)]
    # 'Defence Minister Sergei Shoigu' speaks for his ministry: 'the defence ministry said' is his
    heads += [f"{_key(m)} ministry" for m in _MINISTER.findall(low)]
    for head in heads:
        memory.organs[head] = voice
        if "ministry" in head and head != "ministry":
            memory.organs["ministry"] = voice


_MINISTER = re.compile(r"\b(defen[cs]e|foreign|interior) minister\b")


def _key(head: str) -> str:
    return head.replace("defense", "defence")


def organ_voice(low: str, memory: Memory) -> Voice | None:
    """The state a bare organ was last heard for, if the article named it with one."""
    for head in _HEAD.findall(low):
        if _key(head) in memory.organs:
            return memory.organs[_key(head)]
        if "ministry" in head and "ministry" in memory.organs:
            return memory.organs["ministry"]  # 'his ministry said ...', then 'the defence ministry said'
    return None


_MODIFIER_AFTER = re.compile(r"^-(?:backed|aligned|allied|linked|supported|sponsored|based|funded"
                             r"|led|run|controlled|held|made|affiliated|occupied|administered)\b")


# where attackers came from, where it happened: 'from Afghanistan', 'in northern Iraq'
_FROM = re.compile(r"\b(?:from|by|out of|in(?:\s{1,3}(?:north|south|east|west)\w*|\s{1,3}neighbou?ring)?|near"
                   r"|borders?\s{1,3}with"
                   r"(?:\s{1,3}[\w'-]+(?:\s{1,3}[\w'-]+)?\s{1,3}and)?)\s{1,3}(?:the\s{1,3})?$")


def is_modifier(clause: Clause, m: Mention) -> bool:
    """'Iran-backed', 'pro-Iran', 'Somali-based': a country that describes, not speaks."""
    after = clause.sub(m.end, m.end + 14)
    before = clause.sub(m.start - 5, m.start)
    return bool(_MODIFIER_AFTER.match(after)) or before.endswith(("pro-", "anti-"))


def owner_before(clause: Clause, start: int, lexicon: Lexicon) -> Voice | None:
    """'... a drone attack against Israel, where the military said': the country just named, not
    a neighbour ('... near the borders with Niger and Burkina Faso, the government said')."""
    for m in reversed(clause.within(clause.start, start)):
        opener = m.entry.role == "capital" and _IN_OPENER.fullmatch(clause.sub(clause.start, m.start))
        paired = "-" in (clause.sub(m.start - 1, m.start), clause.sub(m.end, m.end + 1))
        if (m.entry.kind is Kind.STATE and m.entry.role in ("name", "capital") and start - m.end < 30
                and not is_modifier(clause, m) and not paired  # 'the Ethiopia-Somalia border town'
                and (opener or not _FROM.search(clause.sub(m.start - 24, m.start)))):
            return state_voice(lexicon, m.entry.value)
    return None


_IN_OPENER = re.compile(r"\W{0,3}in\s{1,3}")  # 'In Naypyitaw, a military spokesman said': whose


_ACTS_AFTER = re.compile(
    r"(?:'s?)?\s{1,3}(?:[\w'-]+\s{1,3}){0,2}?(?:had\s{1,3}|has\s{1,3}|have\s{1,3})?(?:launched"
    r"|fired|attacked|struck|targeted|shelled|bombed|sent|carried out|conducted|tried|attempted)\b"
)


# 'Russian warships destroyed the boats, the ministry said': forces that defend are the speaker's.
# 'two Pakistani soldiers were killed ..., the army said': the army that lost them speaks
_LOST_AFTER = re.compile(r"\s{1,3}(?:army\s{1,3}|military\s{1,3}|border\s{1,3})?(?:soldiers|troops|guards"
                         r"|personnel|servicem[ae]n|policem[ae]n|sailors)\s{1,3}(?:were|had\s{1,3}been"
                         r"|have\s{1,3}been)\s{1,3}(?:killed|wounded|injured|martyred)\b")
_ORGAN_DEFENDS = re.compile(r"\W{0,2}\s{1,3}(?:[^\s,.;:\"]+\s{1,3}){0,8}?(?:intercepted|shot down|downed"
                            r"|repelled|repulsed|thwarted|foiled|stopped)\b")
_DEFENDS_AFTER = re.compile(
    r"\s{1,3}(?:[\w-]+\s{1,3}){0,2}(?:warships?|forces|troops|air defen[cs]es?|air defen[cs]e (?:systems?"
    r"|units?|forces)|military|army|navy|border guards?|units?|soldiers|servicemen|jets|pilots"
    r"|warplanes|sailors|crews?)\s{1,3}(?:[^\s,.;:\"]+\s{1,3}){0,8}?(?:intercepted|destroyed|shot down"
    r"|downed|repelled|repulsed|thwarted|foiled|stopped|neutrali[sz]ed|returned fire|responded)\b"
)


_STRUCK_BEFORE = re.compile(
    r"\b(?:targeting|targeted|attacking|attacked|hitting|hit|struck|striking|against"
    r"|(?:attacks?|strikes?|raids?|assaults?) (?:on|at))\s{1,3}(?:an?\s{1,3}|the\s{1,3})?"
    r"(?:[\w'-]+\s{1,3})?$"
)


def owner_in_content(clause: Clause, content: tuple[int, int] | None,
                      lexicon: Lexicon, defenders_only: bool = False, losses: bool = False) -> Voice | None:
    """'The UAE intercepted two missiles, its ministry said': the UAE; or the side that defends;
    with `losses` (an army speaks), the side whose soldiers were killed."""
    if content is None:
        return None
    for m in clause.within(*content):
        after = clause.sub(m.end, m.end + 120)
        own_forces = (m.entry.role == "demonym" and (
            _DEFENDS_AFTER.match(after) or (losses and _LOST_AFTER.match(after)))) or (
            m.entry.role == "organ" and _ORGAN_DEFENDS.match(after))  # 'the ENDF ... repelled'
        named = m.entry.role in ("name", "capital", "organ") and not defenders_only
        if m.entry.kind is Kind.STATE and (named or own_forces):
            if re.search(r"\b(?:from|by|borders?\s{1,3}with)\s{1,3}(?:the\s{1,3})?$",
                         clause.sub(m.start - 20, m.start)):
                continue  # where the attack came from or the neighbour named, not who speaks
            if _MODIFIER_AFTER.match(clause.sub(m.end, m.end + 20)):
                continue  # 'Pakistan-occupied Kashmir', 'Iran-backed': a describing word
            if _ACTS_AFTER.match(clause.sub(m.end, m.end + 60)):
                continue  # 'the Armed Forces of Ukraine launched boats ..., the ministry said'
            if _STRUCK_BEFORE.search(clause.sub(m.start - 40, m.start)):
                continue  # 'allegations about targeting a Mossad headquarters': what was hit
            return state_voice(lexicon, m.entry.value)
    return None


def owner_of_hit(clause: Clause, content: tuple[int, int] | None, lexicon: Lexicon,
                 memory: Memory) -> Voice | None:
    """'The Ministry of Information says reports about strikes on Pakistani military sites are
    false': a ministry no text names the state of answers for the state whose assets it names."""
    if content is None or not FALSITY.search(clause.sub(*content)):
        return None  # only a denial speaks for the side hit ('CNN reported that 20 Ugandan
        # soldiers were killed' is not Uganda's word)
    hit = find_target(clause, content, lexicon, memory)
    return state_voice(lexicon, hit.country) if hit.country and hit.strength >= 3 else None
