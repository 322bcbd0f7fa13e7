"""Statements into events, and the article-level pass that settles their kinds.

One event per statement; nested statements (a denial quoting a claim) give one each. A state
reporting an attack that a claim in the same article names confirms that claim; the same
statement made twice in an article is one event.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from schemas.article import Article
from schemas.event import ActorType, Event, EventKind, Evidence, IncidentTime, Location
from services.classifier.accidents import ACCIDENT
from services.classifier.context import Voice
from services.classifier.denial_cues import NOT_DESTROYED, defeated
from services.classifier.lesser_accounts import LESSER

_ACTOR_TYPES = {"group": ActorType.NON_STATE, "state": ActorType.STATE,
                "company": ActorType.COMPANY}


@dataclass(frozen=True, slots=True)
class Statement:
    """Everything an event needs, gathered while reading one frame."""

    kind: EventKind
    voice: Voice
    attacker: Voice | None
    target: str
    origin: str | None
    location: Location | None
    time: IncidentTime
    weapon: str | None
    count: int | None
    casualties: int | None
    damage: bool | None
    occurred: bool
    contested: str | None
    evidence: Evidence
    anchor: int  # the frame's verb offset: tells statements of one sentence apart
    territory: str | None = None  # for a claim on an asset abroad: the state of the ground
    home_ground: bool = False  # a group's claim on the country it is based in: domestic


def to_event(article: Article, published_at: object, statement: Statement) -> Event:
    s = statement
    key = f"{article.id}|{s.kind.value}|{s.anchor}|{s.target}|{s.voice.key}"
    attacker = s.attacker.name if s.attacker is not None else None
    # a group that governs a state's territory de facto (the Taliban, the Houthis) answers for
    # that state when what it answers is an attack on it
    governing = s.voice.is_group and s.voice.governs == s.target and s.kind is not EventKind.CLAIM
    return Event(
        event_id=hashlib.sha1(key.encode()).hexdigest()[:16],
        article_id=article.id,
        source=article.source,
        url=article.url,
        published_at=published_at,
        kind=s.kind,
        actor=s.voice.name,
        actor_type=ActorType.STATE if governing else _ACTOR_TYPES[s.voice.kind],
        actor_country=s.target if governing else s.voice.country if s.voice.kind != "group" else None,
        attacker=attacker,
        target_country=s.target,
        origin_country=s.target if s.home_ground else s.origin if s.origin != s.target else None,
        location=s.location,
        incident_time=s.time,
        weapon=s.weapon,
        count=s.count,
        casualties=s.casualties,
        damage=s.damage,
        occurred=s.occurred,
        contested=s.contested,
        evidence=s.evidence,
    )


def settle(events: list[Event], state_attackers: frozenset[str] = frozenset()) -> list[Event]:
    """Reports of an attack a group claimed become confirmations; repeated statements merge.

    'No casualties' alone is read against what the same speaker says elsewhere in the
    article: beside 'intercepted' it denies the claimed effect; beside 'struck a building' it
    is part of a report that the attack happened.
    """
    events = [e for e in events if not _self_denied(e, events)]
    claims = [e for e in events if e.kind is EventKind.CLAIM]
    events = [_harm(e, events, claims) if e.contested == "harm" else e for e in events]
    events = [_answering(_fewer(e, claims, events), claims, state_attackers) for e in events]
    # a report beside a group's claim confirms it; beside a state's claim of a strike it
    # confirms it too, unless the reporting state also denies: then it is its own account of
    # an exchange between states (Kramatorsk's governor against a claim of 600 dead)
    settled = []
    for e in events:
        if _own_strike_told(e, claims):
            continue
        if e.kind is EventKind.ATTACK_REPORT and any(
                _same_attack(c, e) and (c.actor_type is not ActorType.STATE or not _state_denies(e, events))
                for c in claims):
            if _denies_too(e, events):
                continue  # the denier's own account of what happened, part of its denial
            e = e.model_copy(update={"kind": EventKind.CONFIRMATION})
        elif (e.kind is EventKind.ATTACK_REPORT and _CONFIRMED.search(e.evidence.text)
              and any(_same_attack(c, e) for c in claims)):
            e = e.model_copy(update={"kind": EventKind.CONFIRMATION})  # 'I can confirm that ...'
        elif _stopped(e) and not any(c.incident_time.overlaps(e.incident_time, 3) for c in claims):
            # 'shot down a drone near Haifa', with no claim of those days in view (a claim on a
            # base the state hosts is one): the state reports an attack
            # it stopped; it still contests a claim made elsewhere (the correlator reads
            # `contested`), but here it is a report, not an answer
            e = e.model_copy(update={"kind": EventKind.ATTACK_REPORT})
        settled.append(e)
    return _merge([e for e in settled if not _one_of_several(e, settled)])


# 'a third drone', 'the remaining missiles': one of several weapons ('another attack' is not)
_SOME_OF_THEM = re.compile(r"\b(?:an?\s+(?:second|third|fourth|fifth)|another|the other|the remaining"
                           r"|one of (?:the|them))\b(?:\s+[\w-]+){0,2}?\s+(?:drones?|missiles?|rockets?"
                           r"|shells?|projectiles?|uavs?|targets?|boats?|them)\b", re.IGNORECASE)


def _one_of_several(event: Event, events: list[Event]) -> bool:
    """'A third drone was intercepted', from a state that says the two others struck its post:
    it stopped part of an attack it concedes did harm; that contests no claim."""
    if event.kind is not EventKind.DENIAL or event.contested != "effect" or not _SOME_OF_THEM.search(
            event.evidence.text):
        return False
    return any(e.kind in (EventKind.CONFIRMATION, EventKind.ATTACK_REPORT) and e.actor == event.actor
               and _same_attack(e, event) and e.occurred for e in events)


_CONFIRMED = re.compile(r"\b(?:confirm(?:s|ed|ing)?|acknowledg(?:es|ed|ing))\b", re.IGNORECASE)


def _self_denied(claim: Event, events: list[Event]) -> bool:
    """'Cambodia rejected allegations that its military fired': the allegation is another's; a
    speaker never denies its own claim in the same sentence."""
    return claim.kind is EventKind.CLAIM and any(
        e.kind is EventKind.DENIAL and e.actor == claim.actor and e.evidence.start == claim.evidence.start
        for e in events)


def _own_strike_told(report: Event, claims: list[Event]) -> bool:
    """'The ship was damaged and set on fire, a spokesman said', from the state that claims the
    strike on it: the claimed strike's effect, not an attack on the speaker's own ground. A report
    that names who attacked it stays one (wars run both ways)."""
    return (report.kind is EventKind.ATTACK_REPORT and report.actor_type is ActorType.STATE
            and report.attacker is None and report.target_country == report.actor_country
            and any(c.actor_type is ActorType.STATE and c.actor_country == report.actor_country
                    and c.target_country != report.actor_country
                    and c.incident_time.overlaps(report.incident_time, 3) for c in claims))


def _stopped(event: Event) -> bool:
    """An attack the state says it stopped ('intercepted', 'repelled') or that did little ('minor
    damage'), not an effect it denies outright ('did not destroy its system')."""
    text = event.evidence.text.lower()
    return (event.kind is EventKind.DENIAL and event.contested == "effect" and event.occurred is True
            and (defeated(text) or LESSER.search(text) is not None) and not NOT_DESTROYED.search(text))


def _state_denies(report: Event, events: list[Event]) -> bool:
    return any(e.kind is EventKind.DENIAL and e.actor_country == report.actor_country
               and _same_attack(e, report) for e in events)


def _denies_too(report: Event, events: list[Event]) -> bool:
    """A state that denies the claim and tells what did happen ('the militants tried to breach
    the camp; our soldiers repelled them') gives its own account, not a confirmation. Losses it
    counts ('15 soldiers were killed') confirm the attack, unless it tells an accident instead ('a
    hard landing ... two crew were injured')."""
    if _CONFIRMED.search(report.evidence.text):
        return False  # 'the commissioner confirmed there had been an attack': said as such
    if report.actor_type is not ActorType.STATE:
        return False
    denials = [e for e in events if e.kind is EventKind.DENIAL and e.actor_country == report.actor_country
               and _same_attack(e, report) and not _SOME_OF_THEM.search(e.evidence.text)]
    if report.casualties and not any(ACCIDENT.search(e.evidence.text.lower()) for e in denials):
        return False
    return bool(denials)


def _same_attack(a: Event, b: Event) -> bool:
    """Two statements about one attack: the same target, days at most three apart."""
    return a.target_country == b.target_country and a.incident_time.overlaps(b.incident_time, 3)


def _fewer(event: Event, claims: list[Event], events: list[Event]) -> Event:
    """'Two soldiers were wounded' against a claim of forty killed: a state that concedes far
    fewer casualties than claimed (a third or less) contests the count (a partial denial);
    four dead against nine claimed is a confirmation that differs, as tolls often do.

    The count is the most the same speaker concedes about the attack ('five guards were
    killed ... two others were wounded' concedes five), against claims about the same days."""
    if event.kind not in (EventKind.ATTACK_REPORT, EventKind.CONFIRMATION) or not event.casualties:
        return event
    if _MORE_BESIDE.search(event.evidence.text):
        return event  # '12 others were wounded': added to a toll told elsewhere, not a smaller one
    claimed = [c.casualties for c in claims if c.casualties and _same_attack(c, event)
               and (event.attacker is None or c.attacker in (None, event.attacker))]  # not another's
    conceded = max([e.casualties for e in events
                    if e.kind in (EventKind.ATTACK_REPORT, EventKind.CONFIRMATION) and e.casualties
                    and e.actor == event.actor and _same_attack(e, event)], default=event.casualties)
    if claimed and max(claimed) >= 3 * conceded:
        return event.model_copy(update={"kind": EventKind.DENIAL, "contested": "count"})
    return event


_MORE_BESIDE = re.compile(r"\b(?:\d+|[a-z]+)\s{1,3}others\b", re.IGNORECASE)


def _answering(event: Event, claims: list[Event], state_attackers: frozenset[str]) -> Event:
    """A state's answer set beside one group's claim answers that group, whatever other group's
    name the state gives it ('Boko Haram' for the ISWAP that claimed). An answer that names no
    group is left to the correlator, which lets it answer any group."""
    answer = event.kind in (EventKind.DENIAL, EventKind.CONFIRMATION)
    if not answer or event.actor_type is not ActorType.STATE:
        return event
    attackers = {c.attacker for c in claims if c.attacker and c.actor_type is ActorType.NON_STATE
                 and _same_attack(c, event)}
    if (len(attackers) != 1 or event.attacker is None or event.attacker == event.actor
            or event.attacker in attackers or event.attacker in state_attackers):
        return event
    return event.model_copy(update={"attacker": attackers.pop()})


_CLAIMED_HARM = re.compile(r"\b(?:casualties|killed|killing|dead|wounded|injured|injuring)\b", re.IGNORECASE)
# 'in retaliation for Mekki's killing': the claim's motive, not harm it claims to have done
_MOTIVE_BEFORE = re.compile(r"\b(?:retaliation|response|revenge|reprisal|avenge|after)\b[^.;]{0,40}$",
                            re.IGNORECASE)


def _claims_harm(text: str) -> bool:
    return any(not _MOTIVE_BEFORE.search(text, 0, m.start()) for m in _CLAIMED_HARM.finditer(text))


def _harm(event: Event, events: list[Event], claims: list[Event]) -> Event:
    if any(c.target_country == event.target_country and (
            c.casualties or _claims_harm(c.evidence.text)) for c in claims):
        # 'no one was killed' against a claim of nine dead: the toll is what is contested
        return event.model_copy(update={"contested": "count"})
    if event.damage is True:  # 'causing damage but no casualties', against no claim of harm:
        return event.model_copy(update={"kind": EventKind.ATTACK_REPORT, "contested": None})  # a report
    same = [e for e in events if e.actor == event.actor and e is not event
            and e.target_country == event.target_country]
    if any(e.kind is EventKind.DENIAL and e.contested != "harm" for e in same):
        return event.model_copy(update={"contested": "effect"})
    if any(e.kind in (EventKind.ATTACK_REPORT, EventKind.CONFIRMATION) for e in same):
        return event.model_copy(update={"kind": EventKind.ATTACK_REPORT, "contested": None,
                                        "occurred": True})
    if _CASUALTY_WORDS.search(event.evidence.text) and not _DAMAGE_WORDS.search(event.evidence.text):
        # 'there were no reported casualties', against claims of no harm: nothing contested
        return event.model_copy(update={"kind": EventKind.ATTACK_REPORT, "contested": None,
                                        "occurred": True})
    return event.model_copy(update={"contested": "effect"})


_CASUALTY_WORDS = re.compile(r"\b(?:casualt\w*|injur\w*|hurt|killed|dead|deaths|fatalit\w*|wounded)\b",
                             re.IGNORECASE)
_DAMAGE_WORDS = re.compile(r"\b(?:damages?|damaged|destroyed|hit|struck|intact|unharmed|undamaged)\b",
                        re.IGNORECASE)


def _merge(events: list[Event]) -> list[Event]:
    """One event per statement: the same kind, actor and target about overlapping days."""
    kept: list[Event] = []
    for event in events:
        twin = next(
            (
                k for k in kept
                if k.kind is event.kind and k.actor == event.actor
                and k.target_country == event.target_country
                and k.incident_time.overlaps(event.incident_time, 0)
            ),
            None,
        )
        if twin is None:
            kept.append(event)
        elif (_richness(event), len(event.evidence.text)) > (_richness(twin), len(twin.evidence.text)):
            # on a tie the fuller sentence: the body's claim, not the headline's that echoes it
            kept[kept.index(twin)] = event
    return kept


def _richness(e: Event) -> int:
    return ((e.weapon is not None) + (e.count is not None) + 2 * e.incident_time.exact
            + (e.location is not None and e.location.name is not None) + (not e.occurred))
