"""A state that claims a strike abroad and then tells of its effect ('the ship was damaged and
set on fire, a spokesman said') reports no attack on its own ground; one that names who hit it
does. The settle cases failed before the change. Written here in our own words. Each case says whether it failed before its change or is a
guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from schemas.event import ActorType, Event, EventKind
from services.classifier.events import settle
from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape, event

CASES: dict[str, Shape] = {
    # guard: an attack on the claimant that names its attacker is still reported
    "a claimant's report of an attack on it that names the attacker stays": (
        "Ukraine's navy said on Thursday it had struck a Russian supply ship in the Black Sea. "
        "Ukraine's air force said on Thursday that Russian missiles hit an airfield in the Odesa "
        "region.",
        [("claim", "RU", "Ukraine"), ("attack_report", "UA", "Ukraine")], [],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_own_strike_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])


def _ukraine(kind: EventKind, target: str, attacker: str | None) -> Event:
    e = event(kind, actor="Ukraine", actor_type=ActorType.STATE, actor_country="UA", target=target,
              article="a1")
    return e.model_copy(update={"attacker": attacker})


def test_the_effect_of_a_states_own_claimed_strike_is_no_attack_on_it() -> None:
    """'Ukraine said it hit the ship ... the ship was damaged and set on fire, a spokesman for
    the Odesa administration said': no attack on Ukraine."""
    claim = _ukraine(EventKind.CLAIM, "RU", "Ukraine")
    report = _ukraine(EventKind.ATTACK_REPORT, "UA", None)
    assert [e.kind for e in settle([claim, report])] == [EventKind.CLAIM]


def test_a_claimants_report_that_names_its_attacker_stays() -> None:
    claim = _ukraine(EventKind.CLAIM, "RU", "Ukraine")
    report = _ukraine(EventKind.ATTACK_REPORT, "UA", "Russian Federation")
    assert [e.kind for e in settle([claim, report])] == [EventKind.CLAIM, EventKind.ATTACK_REPORT]


def test_a_report_beside_a_groups_claim_is_untouched() -> None:
    claim = event(EventKind.CLAIM, target="RU", article="a1")
    report = _ukraine(EventKind.ATTACK_REPORT, "UA", None)
    assert EventKind.ATTACK_REPORT in [e.kind for e in settle([claim, report])]
