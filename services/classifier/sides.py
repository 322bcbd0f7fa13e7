"""Whose side a statement is on: does the speaker's own side attack ('the Indian army
conducted strikes', 'al-Shabaab fighters overran'), does the content name someone else's
territory, and is a state's report about attacks on itself."""

from __future__ import annotations

import re

from schemas.event import EventKind
from services.classifier.clauses import Clause
from services.classifier.context import Memory, Voice
from services.classifier.denier import agent_state, defends
from services.classifier.disowning import US_PRONOUN
from services.classifier.frames import Frame
from services.classifier.lexicon import Kind, Lexicon
from services.classifier.scan import Mention
from services.classifier.slots import casualty_span
from services.classifier.stance import PASSIVE_LOSS, Reading, Sides
from services.classifier.targets import find_target

# 'said (on Monday) that (the country's) Houthis ...': the subject of what is said
_OPENS_CONTENT = re.compile(r"^[\s,]{0,3}(?:(?:[\w-]+\s{1,3}){0,5}?that\s{1,3})?"
                            r"(?:alleged(?:ly)?\s{1,3}|claimed\s{1,3}|claiming\s{1,3})?"  # 'that alleged X'
                            r"(?:the\s{1,3}(?:[\w-]+'s\s{1,3})?)?$")
_VICTIM_BEFORE = re.compile(r"\b(?:on|against|at|targeting|targeted|into|hit|struck|of|which|that"
                            r"|where|whom)\s{1,3}(?:the\s{1,3}|a\s{1,3})?(?:[\w'-]+\s{1,3}){0,2}$")
# The speaker's own side as the subject of an act of attack: 'the Ukrainian Navy hit',
# 'Indian artillery fire killed', 'al-Shabaab fighters overran'.
_OWN_ACTS = re.compile(
    r"(?:'s?)?(?:\s{0,3}\([^)]{1,12}\))?\s{1,3}(?:(?!(?:been|was|were|is|are|not|never)\b)[\w-]+\s{1,3}){0,4}?"
    r"(?:had\s{1,3}|has\s{1,3}|have\s{1,3})?(?:also\s{1,3}|successfully\s{1,3}|reportedly\s{1,3})?\"?"
    r"(?:attacked|struck|hit|fired|launched|shelled|bombed|shot down|targeted|caused|carried out"
    r"|conducted|undertook|raided|overran|stormed|seized|captured|sank|disabled|breached|infiltrated"
    r"|crossed into|used\s{1,3}(?:[\w-]+\s{1,3}){1,4}?to\s{1,3}(?:destroy|strike|hit|target|attack|shoot down"
    r"|down)"  # 'the air force used hypersonic missiles to destroy ...'
    r"|ambushed|blew up|detonated|took control|initiated|mounted|staged|executed|unleashed|t(?:aken|ook) out"
    # 'Armenian soldiers killed in Azerbaijani fire' (a headline's passive) is no act
    r"|(?:killed|destroyed|damaged|downed)(?!\s{1,3}(?:in|by|when|during|after|as|while|on)\b))\b"
    r"|'s\s{1,3}(?:[\w-]+\s{1,3}){0,2}(?:strikes?|attacks?|raids?|bombardment|shelling|operation)"
    r"\s{1,3}(?:on|against|at|in)\b"
)
_IN_A_BEFORE = re.compile(r"\b(?:in|during)\s{1,3}(?:an?|the)\s{1,3}$")
_PLACE_BEFORE = re.compile(r"\b(?:in|inside|within)\s{1,3}(?:the\s{1,3})?$")
_MEMBERS_OF = re.compile(r"\b(?:forces|units?|navy|army|fighters|members|troops|brigades?|wing)"
                        r"\s{1,3}of\s{1,3}(?:the\s{1,3})?$")  # 'the naval forces of the Yemeni ...'
# the speaker's side as the agent: 'launched by', 'missiles by Iran targeted', 'a ship hit by'
_BY_OWN = re.compile(r"\b(?:conducted|carried out|launched|fired|staged|mounted|attacked|hit|struck"
                     r"|targeted|shelled|bombed|shot down|downed|destroyed|damaged|missiles?|drones?"
                     r"|rockets?|strikes?|airstrikes?|attacks?|raids?|shelling)\s{1,3}by\s{1,3}"
                     r"(?:the\s{1,3})?$")


def sides_of(clause: Clause, frame: Frame, voice: Voice, lexicon: Lexicon, memory: Memory) -> Sides:
    """Does the speaker's own side attack ('the Indian army conducted strikes', 'a Ukrainian
    sea drone damaged ...'), and does the content name someone else's territory or assets?"""
    if voice.kind == "company":
        return Sides()
    own = False
    for m in clause.within(*frame.content):
        if not _same_side(m, voice, memory):
            continue
        before = clause.sub(m.start - 40, m.start)
        lead = clause.sub(frame.content[0], m.start)
        opens = not lead.strip(' ,"') or _OPENS_CONTENT.match(lead)  # 'said (that) X hit'

        if defends(clause, m):
            continue  # 'missiles were shot down by Russian air defence': a defence, no attack
        if _BY_OWN.search(clause.sub(m.start - 30, m.start)):
            own = True
            break
        if _VICTIM_BEFORE.search(before) and not _MEMBERS_OF.search(before) and not opens:
            continue  # 'a ship that Houthi forces hit'; but 'said that Houthi forces hit'
        if _IN_A_BEFORE.search(before) and _OWN_STRIKE.match(clause.sub(m.end, m.end + 70)):
            own = True  # 'were killed in an IRGC missile strike', said by Iran: its own strike
            break
        if _PLACE_BEFORE.search(before):
            continue  # 'al-Shabaab militants in Kenya have killed': where, not who
        if _OWN_ACTS.match(clause.sub(m.end, m.end + 70)):
            own = True
            break
    if voice.is_group:
        agent = agent_state(clause, frame.content) if voice.governs and not own else None
        return Sides(own_attack=own, foreign_agent=agent not in (None, voice.governs)
                     or (not own and _their_strikes(clause, frame, voice, memory)))
    other = find_target(clause, frame.content, lexicon, memory, frozenset({voice.country}))
    foreign = other.strength >= 2
    if foreign and not own:
        own = _unowned_strike(clause, frame, voice)
    own = own or _group_sites_hit(clause, frame)
    return Sides(own_attack=own, foreign_target=foreign, none_of_ours=_none_of_ours(clause, frame, voice))


# 'no South Korean military drone has entered North Korean skies', said by South Korea: its own
# side's act, denied (the accused), not an attack on itself denied
_NO_BEFORE = re.compile(r"^\W{0,3}(?:that\s{1,3})?no\s{1,3}$")
_CROSSED_AFTER = re.compile(r"[^.;]{0,60}?\b(?:has|have|had)\s{1,3}(?:ever\s{1,3})?(?:entered|crossed"
                            r"|violated|flown|fired|attacked|struck|strayed)\b")


def _none_of_ours(clause: Clause, frame: Frame, voice: Voice) -> bool:
    first = next(iter(clause.within(*frame.content)), None)
    return (first is not None and first.entry.kind is Kind.STATE and first.entry.value == voice.country
            and _NO_BEFORE.match(clause.sub(frame.content[0], first.start)) is not None
            and _CROSSED_AFTER.match(clause.sub(first.end, first.end + 90)) is not None)


# 'a strike by the Kinzhal system destroyed a Patriot in Kyiv', said by Russia; 'air strikes
# had hit camps in Afghanistan', said by Pakistan: a strike whose owner goes unnamed, on
# someone else's ground, is the speaker's own
_UNOWNED_STRIKE = re.compile(
    # (a bare 'a drone struck a base housing US troops', told by a neighbour, is its report)
    r"^\s{0,3}\"?(?:that\s{1,3})?(?:(?:a|an|the)\s{1,3})?(?:[\w-]+\s{1,3}){0,5}?(?:(?:air)?strikes?\s{1,3}(?:by"
    r"|(?:missiles?|drones?)\s{1,3}by)\s{1,3}(?:an?\s{1,3}|the\s{1,3})?(?:[\w-]+\s{1,3}){0,4}?|(?:air)?strikes?\s{1,3}"
    r"|(?:attacks?|strikes?)\s{1,3}with\s{1,3}(?:an?\s{1,3}|the\s{1,3})?(?:[\w-]+\s{1,3}){0,2}?(?:missiles?"
    r"|drones?)\s{1,3}|(?:fighter\s{1,3})?(?:jets?|warplanes?|f-\d{2}s?|fighters?|bombers?)\s{1,3})"
    r"(?:has\s{1,3}|had\s{1,3}|have\s{1,3})?(?:destroyed|hit|struck|damaged|sank|downed"
    r"|eliminated|targeted|pounded)\b"
    # 'an air strike on Ukrainian training facilities has resulted in the liquidation of ...'
    r"|^\s{0,3}\"?(?:that\s{1,3})?(?:an?\s{1,3}|the\s{1,3})?(?:[\w-]+\s{1,3})?strikes?(?P<on>\s{1,3}on\s{1,3})"
    r"[^,;]{1,80}?\s(?:has|have|had)\s{1,3}(?:resulted in|led to|killed|destroyed|eliminated)\b"
)


# 'missiles targeted two bases of the militant group Jaish al-Adl', said by a state about another's
# ground: strikes on a group's sites, whose owner goes unnamed, are the speaker's own
_GROUP_SITES_HIT = re.compile(
    r"^\s{0,3}\"?(?:that\s{1,3})?(?:(?:its|the)\s{1,3})?(?:missiles?|drones?|rockets?)(?:\s{1,3}and\s{1,3}(?:missiles?"
    r"|drones?))?\s{1,3}(?:had\s{1,3}|have\s{1,3})?(?:struck|hit|targeted|destroyed|pounded)\s{1,3}(?:the\s{1,3})?"
    r"(?:[\w-]+\s{1,3})?(?:bases?|headquarters|hideouts?|positions?|camps?|strongholds?)\s{1,3}(?:of|belonging"
    r"\s{1,3}to)\s{1,3}")


# 'the strikes killed eight civilians', said by the Taliban after Pakistan claimed them
_THE_STRIKES = re.compile(r"^\s{0,3}\"?(?:that\s{1,3})?the\s{1,3}(?:[\w-]+\s{1,3})?(?:strikes?|air\s?strikes?"
                          r"|attacks?|raids?|bombardment|bombing|shelling)\b")


def _their_strikes(clause: Clause, frame: Frame, voice: Voice, memory: Memory) -> bool:
    """A governing group telling of 'the strikes' a state has just claimed on its country answers
    for that country, as its state would."""
    claimant = memory.claimant
    return (voice.governs is not None and claimant is not None and claimant.is_state
            and claimant.country != voice.governs and memory.last_target == voice.governs
            and _THE_STRIKES.match(clause.sub(*frame.content)) is not None)


def _group_sites_hit(clause: Clause, frame: Frame) -> bool:
    sites = _GROUP_SITES_HIT.match(clause.sub(*frame.content))
    at = frame.content[0] + sites.end() if sites is not None else 0
    return sites is not None and any(m.entry.kind is Kind.GROUP for m in clause.within(at, at + 60))


def _unowned_strike(clause: Clause, frame: Frame, voice: Voice) -> bool:
    match = _UNOWNED_STRIKE.match(clause.sub(*frame.content))
    if match is None:
        return False
    subject_end = frame.content[0] + (match.start("on") if match.group("on") else match.end())
    return not any(m.entry.kind in (Kind.STATE, Kind.GROUP) and m.entry.country != voice.country
                   for m in clause.within(frame.content[0], subject_end))


def _same_side(m: Mention, voice: Voice, memory: Memory) -> bool:
    """'Al-Shabaab fighters', said by al-Shabaab; 'Ukrainian drones', said by Ukraine."""
    if voice.is_group:
        if voice.governs and m.entry.kind is Kind.STATE:  # 'the Yemeni armed forces', said
            return m.entry.value == voice.governs        # by the Houthis who hold Sanaa
        return m.entry.kind is Kind.GROUP and memory.branch(m.entry.value) == voice.key
    return m.entry.kind is Kind.STATE and m.entry.value == voice.country


_OWN_VICTIM = re.compile(
    r"\b(?:its|our|their|the country's|the kingdom's)\s{1,3}(?:own\s{1,3})?(?:[\w-]+\s{1,3})?"
    r"(?:territory|airspace|soil|soldiers|troops|forces|servicem[ae]n|citizens|people|civilians"
    r"|cities|city|towns?|villages?|bases?|posts?|positions?|ships?|vessels?|facilities|border)\b"
    r"|\b(?:the country's|the kingdom's)\s{1,3}(?:far\s{1,3})?(?:(?:north|south)(?:-?(?:east|west))?"
    r"|east|west|(?:nor|sou)thern|eastern|western|capital)\b"
    r"|\b(?:of|into|across|against)\s{1,3}the\s{1,3}(?:kingdom|country)\b(?!'s)|\bwe\b|\b" + US_PRONOUN
)


def _about_itself(clause: Clause, content: tuple[int, int], voice: Voice) -> bool:
    """Does a state's report name its own territory, people or assets as what was hit?

    Not when its own name is the one acting ('the Russian army's strike destroyed five jets')
    or the dead are named as another state's ('600 Ukrainian servicemen were killed')."""
    if names_own_victim(clause, content):
        return True
    counted = casualty_span(clause, content)
    if counted is not None and not any(
            m.entry.kind is Kind.STATE and m.entry.value != voice.country
            for m in clause.within(*counted)):
        return True  # 'two soldiers were killed': its own losses, counted
    return any(m.entry.kind in (Kind.STATE, Kind.PLACE, Kind.COMPANY)
               and voice.country in (m.entry.country, m.entry.operator) and not acting(clause, m)
               and not _teller(clause, m)
               for m in clause.within(*content)) or _from_abroad(clause, content, voice)


def names_own_victim(clause: Clause, content: tuple[int, int]) -> bool:
    """'its soldiers', 'attacked us'; not 'the US' written in capitals (the text is lower-cased)."""
    for m in _OWN_VICTIM.finditer(clause.sub(*content)):
        at = content[0] - clause.start + m.start()
        if m.group() != "us" or clause.text[at:at + 2] != "US":
            return True
    return False


# '..., according to Chinese news outlet Global Times', "China's Xinhua news agency said":
# who tells it, not who was hit
_SOURCE_BEFORE = re.compile(r"\baccording\s{1,3}to\s{1,3}(?:[\w-]+\s{1,3}){0,3}$")
_TELLER_AFTER = re.compile(r"(?:'s)?\s{1,3}(?:[\w-]+\s{1,3}){0,2}?(?:news\s{1,3}agency|media|outlet"
                           r"|newspaper|television|broadcaster)\b")


def _teller(clause: Clause, m: Mention) -> bool:
    return bool(_SOURCE_BEFORE.search(clause.sub(m.start - 40, m.start))
                or _TELLER_AFTER.match(clause.sub(m.end, m.end + 40)))


# 'two drones launched from Lebanon struck an army post': the only other state named is where
# the attack came from, so what it hit is the speaker's
_LAUNCHED_FROM = re.compile(r"\b(?:launched|fired|flown|sent|coming|came|crossed|crossing|infiltrated)"
                            r"\s{1,3}(?:over\s{1,3})?from\s{1,3}(?:the\s{1,3})?$")
# 'rockets crossed from Lebanon': into the speaker's ground, or it would not be telling it
_LANDED = re.compile(r"\b(?:struck|hit|landed|exploded|crashed|slammed|damaged|inflicted)\b"
                     r"|\b(?:crossed|crossing|infiltrated)\s{1,3}(?:over\s{1,3})?from\b"
                     r"|\bfailed\s{1,3}to\s{1,3}(?:shoot\s{1,3}(?:it\s{1,3}|them\s{1,3})?down|intercept|stop)\b"
                     # 'rockets were fired from Lebanon toward the Galilee': aimed at its ground
                     r"|\b(?:fired|launched)\s{1,3}from\s{1,3}(?:[\w-]+\s{1,3}){1,3}?(?:toward|towards|at|into)\b")


def _from_abroad(clause: Clause, content: tuple[int, int], voice: Voice) -> bool:
    foreign = [m for m in clause.within(*content) if m.entry.kind in (Kind.STATE, Kind.PLACE)
               and m.entry.country not in (None, voice.country)]
    return bool(foreign) and all(_LAUNCHED_FROM.search(clause.sub(m.start - 30, m.start))
                                 for m in foreign) and bool(_LANDED.search(clause.sub(*content)))


def on_itself(clause: Clause, content: tuple[int, int], voice: Voice, reading: Reading) -> bool:
    """A state's report or confirmation about attacks on itself. What it confirms without
    naming anyone else ('confirmed that a drone had been shot down') is its own loss."""
    if _about_itself(clause, content, voice):
        return True
    return (reading.kind is EventKind.CONFIRMATION and bool(PASSIVE_LOSS.search(clause.sub(*content)))
            and not any(m.entry.kind in (Kind.STATE, Kind.PLACE)
                        and m.entry.country not in (None, voice.country)
                        for m in clause.within(*content)))


_OWN_STRIKE = re.compile(r"(?:'s?)?\s{1,3}(?:[\w'-]+\s{1,3}){0,2}?(?:strikes?|attacks?|raids?"
                         r"|shelling|bombardment|operation|missiles?|drones?)\b(?!\s{1,3}(?:on|at|against)"
                         r"\s{1,3}(?:its|their|our)\b)")


def acting(clause: Clause, m: Mention) -> bool:
    """'the Russian army's strike', 'Ukrainian forces launched': the attacker, not the hit."""
    after = clause.sub(m.end, m.end + 70)
    if _OWN_STRIKE.match(after):
        return True  # 'as a result of the Russian strike'
    return not _VICTIM_BEFORE.search(clause.sub(m.start - 40, m.start)) and bool(
        _OWN_ACTS.match(after))
