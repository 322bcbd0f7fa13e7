"""How a state tells of attacks on itself and of its own strikes: 'the kingdom's south', land
another state administers, the army named by its demonym after 'said that the', losses
inflicted, a ship named after a place, a helicopter brought down. Written here in our
own words. Each case says whether it failed before its change or is a guard that keeps the
change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: 'the kingdom's south' named no country, so the report had no target
    "a state's report of a hit on 'the kingdom's south' is about itself": (
        "Saudi state television said late on Monday that a Houthi drone had struck the "
        "kingdom's south.",
        [("attack_report", "SA", "Saudi")], [],
    ),
    # failed before: the same, told as 'the north of the country'
    "a hit in 'the north of the country' is the speaker's own ground": (
        "Pakistan's foreign ministry said that mortar shells fired from across the border had "
        "landed in the north of the country.",
        [("attack_report", "PK", "Pakistan")], [],
    ),
    # failed before: 'said that the Indian Army struck' was read as a report of an attack on India
    "a state's army named after 'said that the' is its own side striking": (
        "India's defence ministry said that the Indian Army struck militant hideouts in "
        "Pakistan on Thursday night.",
        [("claim", "PK", "India")], [("attack_report", "IN", "India")],
    ),
    # failed before: 'Iraqi-controlled Kurdistan' was read as a name describing Kurdistan
    "land a state controls is that state's ground": (
        "The Revolutionary Guards said they fired missiles at separatist bases in "
        "Iraqi-controlled Kurdistan.",
        [("claim", "IQ", "Iran")], [],
    ),
    # guard: a group a state backs is still not that state's land
    "a state that backs a group is not where the group was hit": (
        "Israel's army said its jets struck Iranian-backed militia sites in eastern Syria.",
        [("claim", "SY", "Israel")], [("claim", "IR", "Israel")],
    ),
    # failed before: neither 'inflicted' nor 'caused heavy damage' was an act of attack
    "losses inflicted and damage caused are strikes the speaker claims": (
        "Azerbaijan's defence ministry claimed on Tuesday that its units caused heavy damage to "
        "Armenian positions near the border. Armenia's defence ministry said its forces had "
        "inflicted losses on Azerbaijani units that tried to advance.",
        [("claim", "AM", "Azerbaijan"), ("claim", "AZ", "Armenia")], [],
    ),
    # guard: losses inflicted on the speaker are a report, not its strike
    "losses inflicted on the speaker's own troops are no claim of its own": (
        "Armenia's defence ministry said Azerbaijani artillery inflicted losses on its troops "
        "near the village of Sotk.",
        [], [("claim", "AZ", "Armenia")],
    ),
    # failed before: 'the Maersk Gibraltar' was read as a strike on Gibraltar
    "a ship named after a place does not make that place a target": (
        "The Houthis claimed on Thursday that they had struck the container ship Maersk "
        "Gibraltar with a drone in the Red Sea.",
        [], [("claim", "GI", "Houthi")],
    ),
    # failed before: 'brought down' was no act of attack, so the denial denied nothing
    "rejecting claims that a helicopter was brought down is a denial": (
        "The PKK said on Wednesday its fighters had attacked Turkish troops in northern Iraq. "
        "Turkey's defence ministry rejected claims on Thursday that one of its helicopters was "
        "brought down in the region.",
        [("denial", "TR", "T")], [],
    ),
    # guard: a plane brought down by the weather, with no armed actor in the story, is nothing
    "an airliner brought down by a storm is nothing": (
        "The airline rejected claims on Thursday that one of its planes was brought down by a "
        "storm near Istanbul, saying the aircraft had made a hard landing.",
        [], [("denial", "TR", "T")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_report_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
