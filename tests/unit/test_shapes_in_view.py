"""What a statement is depends on what else the article holds: an interception told with no
claim in view is a report of an attack, told beside a claim it answers it; a base 'destroyed by
missiles' is a hit, not missiles destroyed; a known company speaks for its home;
'12 others were wounded' adds to a toll. Written here in our own words. Each case says
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
    # failed before: 'others' was no count of people, so the state's toll said nothing
    "a toll of 'others' wounded confirms the claimed attack": (
        "Islamic State claimed an attack on a military base in Niger. Niger's military said 12 "
        "others were wounded in the attack.",
        [("confirmation", "NE", "Niger")], [("denial", "NE", "Niger")],
    ),
    # guard: 'others' adds to a toll; it never concedes fewer than claimed
    "'others' wounded against a claim of 71 dead is no smaller toll": (
        "Islamic State claimed an attack on a military base in Niger that killed 71 soldiers. "
        "Niger's military said 12 others were wounded in the attack.",
        [("confirmation", "NE", "Niger")], [("denial", "NE", "Niger")],
    ),
    # guard: two wounded against a claim of 40 dead still contests the count
    "two wounded against a claim of forty dead contests the toll": (
        "Islamic State claimed an attack on a military base in Niger that killed 40 soldiers. "
        "Niger's military said two soldiers were wounded in the attack.",
        [("denial", "NE", "Niger")], [],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_in_view_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
