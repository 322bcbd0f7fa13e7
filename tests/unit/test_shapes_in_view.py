"""What a statement is depends on what else the article holds: an interception told with no
claim in view is a report of an attack, told beside a claim it answers it; a base 'destroyed by
missiles' is a hit, not missiles destroyed; a known company speaks for its home. Written here in our own words. Each case says
whether it failed before its change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: 'shot down a drone', with nobody claiming it, was read as a denial
    "an interception with no claim in view is the state's report of an attack": (
        "The Israeli army said its jets shot down a drone launched from Lebanon near the port of "
        "Haifa on Tuesday.",
        [("attack_report", "IL", "Israel")], [("denial", "IL", "Israel")],
    ),
    # guard: beside a group's claim of the same days, the same words answer the claim
    "an interception beside a claim of those days denies its effect": (
        "Hezbollah said on Tuesday it had hit a naval base near Haifa with a drone. The Israeli "
        "army said its jets shot down a drone launched from Lebanon near the port of Haifa on "
        "Tuesday.",
        [("denial", "IL", "Israel"), ("claim", "IL", "Hezbollah")], [],
    ),
    # guard: a claim on a base the state hosts is in view too ('intercepted the missiles aimed
    # at the American base on its soil' answers Tehran's claim on the Americans)
    "an interception beside a claim on a hosted base still answers it": (
        "Iran's Revolutionary Guards said on Monday they had fired missiles at the US base of "
        "Al Udeid. Qatar said on Monday its air defences intercepted the missiles.",
        [("denial", "QA", "Qatar")], [("attack_report", "QA", "Qatar")],
    ),
    # failed before: 'destroyed by missiles' was read as missiles destroyed, an interception
    "bases destroyed by missiles are hit, not missiles stopped": (
        "The Revolutionary Guards said the camps were hit and destroyed by missiles and drones, "
        "state media reported.",
        [], [("denial", "IR", "Iran")],
    ),
    # failed before: a company known to the data took the country of the attacker named after it
    "a known company speaks for its own home, not the attacker's": (
        "Maersk denies Houthi claim its container ship was hit by Yemeni militia",
        [("denial", "DK", "Maersk")], [("denial", "YE", "Maersk")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_in_view_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
