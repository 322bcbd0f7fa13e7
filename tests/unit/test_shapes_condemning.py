"""A state that condemns or denounces an attack on itself reports it; a report 'quoting X as
announcing P' carries X's statement; bodies of many states (the UN Security Council) speak for
none. Written here in our own words. Each case says whether it failed before its change or is a
guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: 'denouncing' opened no statement
    "a state denouncing the violation of its airspace reports an attack on itself": (
        "Afghanistan issued a sharp protest on Thursday, denouncing what it called the violation "
        "of its airspace by Tajikistan.",
        [("attack_report", "AF", "Afghanistan")], [],
    ),
    # failed before: 'condemned' opened no statement
    "a state condemning a strike on its post reports it": (
        "The Chadian army condemned the drone strike on its border post at Tine, which killed two "
        "soldiers.",
        [("attack_report", "TD", "Chad")], [],
    ),
    # failed before: 'quoting X as announcing P' was nobody's statement
    "a report quoting state media as announcing a strike carries the state's claim": (
        "It came hours after a Reuters report quoting Tajik state media as announcing it had "
        "targeted two bases belonging to the militant group Jamaat Ansarullah in Afghanistan.",
        [("claim", "AF", "Tajikistan")], [],
    ),
    # guard (failed before as a wrong speaker): the Security Council is no state, even beside one
    "the Security Council condemning an attack speaks for no state": (
        "The Islamic State claimed a bombing in Kerman. The UN Security Council condemned the "
        "cowardly attack and offered condolences to the Iranian government.",
        [("claim", "IR", "Islamic State")], [("confirmation", "IR", "Iran"), ("attack_report", "IR", "Iran")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_condemning_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
