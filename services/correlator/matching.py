"""Which incident a statement is about: same target (the state key), same attacker family,
same time.

Windows are on incident time. When both sides name the day, they must agree within two days
(reports of one night differ by a day): attacks by one group on one country a week apart stay
two incidents. A denial or confirmation that names the attacker only answers claims by that
attacker (or its branches).
"""

from __future__ import annotations

from datetime import date, timedelta

from schemas.event import Event, IncidentTime
from services.correlator.state import Incident

EXACT_SLACK_DAYS = 2


def exact_days(incident: Incident) -> set[date]:
    return {c.incident_time.start for c in incident.claims if c.incident_time.exact}


def same_time(time: IncidentTime, incident: Incident, window_days: int) -> bool:
    window = IncidentTime(start=incident.window_start, end=incident.window_end, exact=False)
    if not time.overlaps(window, window_days):
        return False
    days = exact_days(incident)
    if time.exact and days:
        return any(abs((time.start - day).days) <= EXACT_SLACK_DAYS for day in days)
    if time.exact:  # a named day outside the days the incident's claims could mean is another attack
        return (incident.window_start - timedelta(days=EXACT_SLACK_DAYS) <= time.start
                <= incident.window_end + timedelta(days=EXACT_SLACK_DAYS))
    return True


def answers(event: Event, incident: Incident, family: str | None, window_days: int) -> bool:
    """Does this denial or confirmation speak about this incident?"""
    if not same_time(event.incident_time, incident, window_days):
        return False
    return family is None or same_family(family, incident.attacker_family)


UNNAMED = "unnamed armed group"


def same_family(family: str, other: str) -> bool:
    """'An Iraqi militia' and the group the article names elsewhere may be one attacker: a group
    nobody names joins any group's incident (and any group joins one that started unnamed)."""
    return family == other or (family.startswith(UNNAMED) != other.startswith(UNNAMED))
