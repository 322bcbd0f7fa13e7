"""A statement from a reading: whose attack it is about (the target), who attacked, from where.

A claim's target is the ground or asset named as hit, else the article's; a denial, report or
confirmation is about the speaker's own ground unless it is the accused or speaks for another.
"""

from __future__ import annotations

import re
from dataclasses import replace

from schemas.event import EventKind, Evidence, IncidentTime
from services.classifier.accidents import unanswered_accident
from services.classifier.clauses import Clause
from services.classifier.context import Memory, Voice
from services.classifier.denier import (
    accused_of,
    agent_state,
    answers_another_state,
    came_from,
    hit_accuser,
)
from services.classifier.events import Statement
from services.classifier.frames import Frame
from services.classifier.group_ground import group_ground
from services.classifier.lexicon import Kind, Lexicon
from services.classifier.sides import acting, names_own_victim, on_itself
from services.classifier.slots import attacker_in, casualties, casualty_span, weapon_and_count
from services.classifier.stance import PASSIVE_LOSS, Reading
from services.classifier.targets import find_target

# a merchant ship is nobody's target until the text names its flag or operator state
_MERCHANT_SHIP = re.compile(r"\b(?:container ship|cargo ship|bulk carrier|oil tanker|tanker|merchant"
                            r" (?:ship|vessel)|commercial (?:ship|vessel)|freighter|car carrier)s?\b")


_ASSET = (r"(?:[\w-]+\s{1,3}){0,2}?(?:bases?|warships?|ships?|vessels?|aircraft|jets?|troops|soldiers|forces"
          r"|positions?|posts?|facilit(?:y|ies)|embass(?:y|ies)|airports?|destroyers?|carriers?|airfields?)")
# what the speaker of a denial calls 'its' own, hit in the claim it denies
_ITS_OWN_HIT = re.compile(
    rf"\b(?:on|at|against|hit|struck|targeted|attacked)\s{{1,3}}(?:one\s{{1,3}}of\s{{1,3}})?(?:its|their)"
    rf"\s{{1,3}}{_ASSET}\b|\b(?:one\s{{1,3}}of\s{{1,3}})?(?:its|their)\s{{1,3}}{_ASSET}\s{{1,3}}"
    r"(?:[\w-]+\s{1,3}){0,3}?(?:was|were|had been|has been|have been|had come|came|come)\s{1,3}"
    r"(?:under|hit|struck|targeted|attacked|damaged|destroyed|shot)\b",
    re.IGNORECASE,
)


def build_statement(
    clause: Clause, frame: Frame, voice: Voice, reading: Reading, when: IncidentTime,
    lexicon: Lexicon, memory: Memory, outer: Voice | None,
) -> Statement | None:
    content = frame.content
    if reading.kind is EventKind.CLAIM:
        exclude = frozenset({voice.country})
        target = find_target(clause, content, lexicon, memory, exclude)
        if target.strength <= 2 and _denier_hit(clause, content, frame, outer, target.country):
            target = replace(target, country=outer.country if outer else None, strength=3, territory=None)
        if target.country is None:
            home = find_target(clause, content, lexicon, memory)
            if voice.is_group:  # a group's own country, if nothing else
                target = home if home.strength >= 2 else target
            elif home.country != voice.country or home.strength < 2:  # not on its own soil
                held = group_ground(clause, content, lexicon, exclude)  # 'on PKK positions'
                target = replace(target, country=held) if held else target
        # 'the Taliban rejected Pakistani claims that the strikes killed militants': the ground
        # of the state (or the governing group) whose statement the claim sits in
        fallback = (outer.governs if frame.nested else None) if outer and outer.is_group else (
            outer.country if outer else None)
        if fallback is not None and fallback not in memory.scene and memory.scene_target(set(exclude)):
            fallback = None  # a neighbour passing on a claim on the ground the article says was hit
        if target.country is None and fallback is None and _MERCHANT_SHIP.search(clause.sub(*content)):
            return None  # 'targeted a container ship': no flag or operator named, no target
        if (frame.nested and outer is not None and outer.is_state
                and _ITS_OWN_HIT.search(clause.sub(*content))):
            # 'denied claims that one of its bases in Kuwait came under attack': the denier's base
            target = replace(target, country=outer.country)
        # a group whose earlier claims here were on its own country: this one is too
        again = memory.main_target(set()) if voice.is_group else None
        country = (target.country or fallback
                   or (again if again == voice.country else memory.main_target(set(exclude)))
                   or memory.scene_target(set(exclude)))
        if voice.is_state and country == voice.country:
            return None  # 'its forces destroyed the drone' over its own ground: defence, no strike
        attacker: Voice | None = voice
        origin = target.origin or voice.country
    else:
        if reading.kind is EventKind.DENIAL and answers_another_state(clause, frame, voice):
            return None  # 'contradicting a Russian account': it affirms its own version
        if reading.kind is EventKind.DENIAL and voice.is_state and _others_defence(clause, content, voice):
            return None  # 'Kyiv claimed to have intercepted six missiles, which Moscow denied
        if (reading.kind is EventKind.DENIAL and memory.claimant is None
                and unanswered_accident(clause.sentence.text.lower())):
            return None  # an accident told as news, before any claim
        agent = agent_state(clause, content)  # 'that Pakistan carried out strikes in ...'
        target = find_target(clause, content, lexicon, memory, frozenset({agent} - {voice.country}))
        accuser = (accused_of(clause, content, voice, target.country, memory, reading.accused)
                   or hit_accuser(clause, content, voice, target)
                   if reading.kind is EventKind.DENIAL and voice.is_state else None)
        if accuser is None and reading.kind is EventKind.DENIAL and voice.is_state and (
                reading.accused or came_from(clause, content, voice)):
            return None  # 'militants from Pakistan attacked Saravan, a claim Pakistan rejected'
        country = accuser or _spoken_for(voice, target.country, memory)
        if reading.accused and country in (voice.country, voice.governs):
            return None  # 'the Houthis deny targeting any ship': not about an attack on Yemen
        if reading.kind is not EventKind.DENIAL and voice.is_state and not on_itself(
                clause, content, voice, reading) and not (
                reading.kind is EventKind.CONFIRMATION and _the_attack_on_it(clause, content, voice, memory)
        ) and not _its_loss_after_claim(clause, content, voice, memory):
            return None  # a state reports attacks on itself; of others' it reports nothing
        if (reading.kind is not EventKind.DENIAL and voice.is_state and accuser is None
                and _another_state_hit(clause, content, voice, target.country, target.strength)):
            return None  # 'accused G of a drone attack on a base in Chad', told by Sudan: Chad's
        attacker = attacker_in(clause, content, lexicon, memory, voice.country)
        origin = target.origin or (attacker.country if attacker else None)
    if country is None:
        return None
    if reading.kind is EventKind.CLAIM:
        memory.claimant = voice
    memory.targets[country] += 1
    memory.last_target = country
    # a state another speaker says attacked ('Sudanese air raids killed 17', South Sudan said)
    memory.last_attacker = (attacker.country if attacker is not None and attacker.is_state
                            and attacker.country != voice.country else None)
    weapon, count = weapon_and_count(clause, content)
    location = target.location if target.location and target.location.country == country else None
    sentence = clause.sentence
    return Statement(
        kind=reading.kind, voice=voice, attacker=attacker, target=country, origin=origin,
        location=location, time=when,
        weapon=lexicon.weapon(reading.weapon) if reading.weapon else weapon, count=count,
        casualties=casualties(clause, content), damage=reading.damage,
        occurred=reading.occurred,
        contested=_contested(reading),
        evidence=Evidence(text=sentence.text, start=sentence.start, end=sentence.end),
        anchor=frame.verb_start,
        territory=target.territory if reading.kind is EventKind.CLAIM else None,
        home_ground=(reading.kind is EventKind.CLAIM and voice.is_group and target.origin is None
                     and country in (voice.country, voice.home) and not memory.came_from - {country}
                     and target.territory is None and not _abroad(clause, content, country)),
    )


# 'in northern Iraq': where an attack a group claims on its home state's forces took place
_IN_REGION_OF = re.compile(r"\b(?:in|inside)\s{1,3}(?:the\s{1,3})?(?:(?:north|south)(?:-?(?:east|west))?"
                           r"(?:ern)?|(?:east|west)(?:ern)?|central)\s{1,3}$")


def _abroad(clause: Clause, content: tuple[int, int], home: str) -> bool:
    """'shot down a Turkish helicopter in northern Iraq': its home state's forces, hit abroad."""
    return any(m.entry.kind is Kind.STATE and m.entry.role == "name" and m.entry.value != home
               and _IN_REGION_OF.search(clause.sub(m.start - 30, m.start)) for m in clause.within(*content))


def _contested(reading: Reading) -> str | None:
    if reading.kind is not EventKind.DENIAL:
        return None
    if not reading.occurred:
        return "occurrence"
    return reading.partial or "effect"


def _spoken_for(voice: Voice, named: str | None, memory: Memory) -> str | None:
    """Whose attack a denial, report or confirmation is about.

    A state speaks about attacks on itself; a company about its own assets; a group that
    governs de facto (confirming what hit a neighbour) about the article's target.
    """
    if voice.is_group:
        if voice.governs and memory.last_target == voice.governs:
            return voice.governs  # the Taliban answering Pakistan's claim of strikes in Afghanistan
        if named:
            return named
        return memory.last_target if memory.last_target != voice.country else memory.main_target(
            {voice.country})
    if voice.kind == "company" and named:
        return named  # 'a U.S.-flagged ship it operates': the ship's state, not the parent's
    return voice.country


# 'confirmed the attack', 'said militants attacked the base': the attack the article is about
_DEFINITE = re.compile(r"\b(?:the|that|this)\s{1,3}(?:[\w-]+\s{1,3})?(?:attacks?|assault|raids?|strikes?|base"
                       r"|camp|post|outpost|incident)\b|\bthere\s{1,3}(?:had\s{1,3}been|has\s{1,3}been|was)\s{1,3}an?"
                       r"\s{1,3}(?:[\w-]+\s{1,3})?attack\b")


# another side's claim to have stopped the speaker's weapons: 'Kyiv claimed to have intercepted'
_STOPPED_CLAIM = re.compile(r"^\W{0,3}(?:has\s{1,3}|had\s{1,3})?(?:also\s{1,3})?(?:claim\w*|said|says)\s{1,3}"
                            r"(?:to\s{1,3}have\s{1,3}|(?:that\s{1,3})?(?:it|they)\s{1,3}(?:had\s{1,3})?)"
                            r"(?:intercept\w*|shot\s{1,3}down|downed|repel\w*|repuls\w*)\b")


def _others_defence(clause: Clause, content: tuple[int, int], voice: Voice) -> bool:
    """The attacker denying that the other side stopped its strike: no denial of an attack on it."""
    return any(m.entry.kind is Kind.STATE and m.entry.country not in (None, voice.country)
               and _STOPPED_CLAIM.match(clause.sub(m.end, m.end + 60)) for m in clause.within(*content))


def _denier_hit(clause: Clause, content: tuple[int, int], frame: Frame, outer: Voice | None,
                home: str | None) -> bool:
    """'Kenya refuted claims that 57 soldiers were killed at their camp in Somalia': soldiers no
    one else owns, in a claim a state denies, are the denier's, not the group's home ground."""
    return (frame.nested and outer is not None and outer.is_state and outer.country != home
            and any(m.entry.kind is Kind.ASSET for m in clause.within(*content))
            and not any(m.entry.kind is Kind.STATE and m.entry.role == "demonym"
                        for m in clause.within(*content)))


def _another_state_hit(clause: Clause, content: tuple[int, int], voice: Voice, hit: str | None,
                       strength: int) -> bool:
    """A state telling of an attack on ground or assets it names as another country's ('a base
    in Chad'), not its own people there: that country's attack, which the teller only reports."""
    counted = casualty_span(clause, content)  # 'lost nine soldiers in northern Iraq': its own dead
    if counted is not None and not any(m.entry.kind is Kind.STATE and m.entry.role == "demonym"
                                       and m.entry.country == hit  # 'two Nigerien gendarmes'
                                       for m in clause.within(counted[0], counted[1] + 30)):
        return False
    named = clause.within(*content)
    return (hit not in (None, voice.country) and strength >= 2 and not names_own_victim(clause, content)
            and any(m.entry.kind is Kind.STATE and m.entry.role in ("name", "demonym")
                    and m.entry.country == hit and not acting(clause, m) for m in named)
            and not any(m.entry.kind in (Kind.STATE, Kind.PLACE) and m.entry.country == voice.country
                        and not acting(clause, m) for m in named))  # its own ground named too


_RELATIVE = re.compile(r"\b(?:that|which)\s{1,3}$")  # 'the building that was hit': told in passing


def _its_loss_after_claim(clause: Clause, content: tuple[int, int], voice: Voice, memory: Memory) -> bool:
    """'The Israeli military said a building was hit', right after a group's claim of an attack
    on Israel, naming no other country: what was hit is its own, in the claimed attack."""
    claimant = memory.claimant
    told = clause.sub(*content)
    return (claimant is not None and claimant.key != voice.key and memory.last_target == voice.country
            and any(not _RELATIVE.search(told, 0, m.start()) for m in PASSIVE_LOSS.finditer(told))
            and not any(m.entry.country not in (None, voice.country) for m in clause.within(*content)))


def _the_attack_on_it(clause: Clause, content: tuple[int, int], voice: Voice, memory: Memory) -> bool:
    """A state confirming 'the attack' (or 'that there had been an attack') right after a
    statement about its own ground, naming no other country, confirms that attack."""
    return (memory.last_target == voice.country and bool(_DEFINITE.search(clause.sub(*content)))
            and not any(m.entry.country not in (None, voice.country) for m in clause.within(*content)))
