"""When statements contradict each other, and how to say why in plain language."""

from __future__ import annotations

from collections import Counter

from schemas.alert import Alert, AlertStatus, EventRef
from schemas.event import ActorType, Event, Location
from services.correlator.state import Incident


def contradicted_slots(claims: tuple[Event, ...], denials: tuple[Event, ...]) -> list[str]:
    """The slots in conflict between what was claimed and what the state says."""
    slots: list[str] = []
    claimed_weapons = {c.weapon for c in claims if c.weapon}
    claimed_counts = {c.count for c in claims if c.count}
    claimed_casualties = max((c.casualties for c in claims if c.casualties), default=0)
    for d in denials:
        if (d.casualties is not None and claimed_casualties >= 2 * max(d.casualties, 1)
                and "count" not in slots):
            slots.append("count")
        if not d.occurred and "occurrence" not in slots:
            slots.append("occurrence")
        if d.weapon and claimed_weapons and d.weapon not in claimed_weapons and "weapon" not in slots:
            slots.append("weapon")
        if (
            d.count is not None and claimed_counts and d.count not in claimed_counts
            and "count" not in slots
        ):
            slots.append("count")
        if d.damage is False and any(c.damage for c in claims) and "damage" not in slots:
            slots.append("damage")
        if d.occurred and d.contested in ("effect", "harm") and "effect" not in slots:
            slots.append("effect")  # 'intercepted', 'fell in open areas': not what was claimed
        claimed_places = {c.location.name for c in claims if c.location and c.location.name}
        if (
            d.location and d.location.name and claimed_places
            and d.location.name not in claimed_places and "place" not in slots
        ):
            slots.append("place")
    return slots or ["occurrence"]


def is_alert(incident: Incident, state_claimants: bool) -> bool:
    if not incident.claims or not incident.denials:
        return False
    return state_claimants or not incident.state_claim


def build_alert(incident: Incident, version: int) -> Alert:
    slots = contradicted_slots(incident.claims, incident.denials)
    return Alert(
        alert_id=incident.incident_id,
        version=version,
        status=AlertStatus.FIRING,
        target_country=incident.target_country,
        attacker=incident.attacker,
        claimant_type=ActorType.STATE if incident.state_claim else ActorType.NON_STATE,
        location=_location(incident),
        incident_start=incident.window_start,
        incident_end=incident.window_end,
        claims=[EventRef.of(e) for e in incident.claims],
        denials=[EventRef.of(e) for e in incident.denials],
        confirmations=[EventRef.of(e) for e in incident.confirmations],
        contradictions=slots,
        why=explain(incident, slots),
    )


def _location(incident: Incident) -> Location:
    named = Counter(
        (e.location.name, e.location.admin_region)
        for e in incident.claims
        if e.location and e.location.name
    )
    if named:
        (name, region), _ = named.most_common(1)[0]
        return Location(name=name, admin_region=region, country=incident.target_country)
    return Location(country=incident.target_country)


def explain(incident: Incident, slots: list[str]) -> str:
    """'X claims ...; Y denies it: ...' naming the sources, the slots in conflict, and who confirmed."""
    claim = _best(incident.claims)
    what = _describe(claim.weapon, claim.count)
    where = claim.location.name if claim.location and claim.location.name else None
    target = f"{where}, {incident.target_country}" if where else incident.target_country
    when = _when(incident)
    sources = _sources(incident.claims)
    parts = [f"{incident.attacker} claims {what} on {target} {when} ({sources})."]
    for denial in _distinct_speakers(incident.denials):
        parts.append(f"{denial.actor} contradicts it: {_denial_summary(denial, claim)} "
                     f"({_sources((denial,))}).")
    parts.append("In conflict: " + ", ".join(_slot_text(s, incident) for s in slots) + ".")
    if incident.confirmations:
        who = ", ".join(sorted({c.actor for c in incident.confirmations}))
        parts.append(f"Confirmed that an attack occurred: {who}.")
    return " ".join(parts)


def _best(events: tuple[Event, ...]) -> Event:
    return max(events, key=lambda e: (e.weapon is not None, e.count is not None,
                                      e.incident_time.exact, -len(e.event_id)))


def _describe(weapon: str | None, count: int | None) -> str:
    if weapon and count:
        return f"an attack with {count} {weapon}"
    if weapon:
        return f"an attack with {weapon}"
    return "an attack"


def _when(incident: Incident) -> str:
    if incident.window_start == incident.window_end:
        return f"on {incident.window_start.isoformat()}"
    return f"between {incident.window_start.isoformat()} and {incident.window_end.isoformat()}"


def _sources(events: tuple[Event, ...]) -> str:
    names = sorted({e.source or e.article_id for e in events})
    if len(names) > 3:
        return ", ".join(names[:3]) + f" and {len(names) - 3} more"
    return ", ".join(names)


def _distinct_speakers(events: tuple[Event, ...]) -> list[Event]:
    seen: dict[str, Event] = {}
    for e in events:
        seen.setdefault(e.actor, e)
    return list(seen.values())


def _denial_summary(denial: Event, claim: Event) -> str:
    if denial.weapon and claim.weapon and denial.weapon != claim.weapon and denial.occurred:
        return f"says only {denial.weapon} crossed, not {claim.weapon}"
    if not denial.occurred:
        return f"says no {claim.weapon or 'attack'} hit its territory"
    if denial.damage is False:
        return "says there was no damage"
    return "denies the claim"


def _slot_text(slot: str, incident: Incident) -> str:
    claim = _best(incident.claims)
    denial = incident.denials[0]
    if slot == "weapon":
        stated = next((d.weapon for d in incident.denials if d.weapon), "?")
        return f"weapon (claimed {claim.weapon}, stated {stated})"
    if slot == "count":
        hurt = next((d.casualties for d in incident.denials if d.casualties is not None), None)
        if hurt is not None:
            most = max((c.casualties or 0) for c in incident.claims)
            return f"casualties (claimed {most}, stated {hurt})"
        count = next((d.count for d in incident.denials if d.count is not None), None)
        return f"count (claimed {claim.count}, stated {count})"
    if slot == "damage":
        return "damage (claimed, denied)"
    if slot == "effect":
        return "effect (claimed a hit, stated it was stopped or did no harm)"
    if slot == "place":
        return f"place (claimed {claim.location.name if claim.location else '?'}, stated " \
               f"{denial.location.name if denial.location else '?'})"
    return "occurrence (claimed it happened, stated it did not)"
