"""Who speaks when a claim rides on an act ('the group attacked a base, claiming it killed 66'),
when nobody does ('it was reported that ...'), and where a claim ends when a source is named
after it ('..., according to the US monitor SITE'). Written here in our own words. Each case
says whether it failed before its change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: the participle was read as opening the sentence, and the claim fell to
    # whoever spoke last
    "a participle after an act is claimed by the act's subject": (
        "Al-Shabaab fighters were seen near the border. The militant group attacked a Kenyan "
        "army base on Friday, claiming it killed 40 soldiers.",
        [("claim", "KE", "al-Shabaab")], [("claim", "KE", "Kenya"), ("claim", "SO", "")],
    ),
    # guard: the same with the group named
    "a named group's act with a participle is its claim": (
        "Al-Shabaab attacked a Kenyan army base in Somalia on Friday, claiming it killed 40 "
        "soldiers.",
        [("claim", "KE", "al-Shabaab")], [],
    ),
    # guard: a participle that opens the sentence still leaves the speaking to the next verb
    "a leading participle is not a claim by what follows it": (
        "Speaking on Friday, Kenya's army spokesman said militants attacked a camp in Lamu and "
        "were repelled.",
        [], [("claim", "KE", "Kenya")],
    ),
    # failed before: 'it' was read as the group the article names
    "hearsay with an impersonal 'it' is nobody's claim": (
        "Al-Shabaab fighters are active in Lamu. It had earlier been reported that al-Shabaab "
        "militants had attacked a police camp in Lamu on Monday night.",
        [], [("claim", "KE", "al-Shabaab")],
    ),
    # guard: 'it has claimed' is the group speaking
    "a group's 'it has claimed' still speaks": (
        "Al-Shabaab said on Sunday it raided a village. It has claimed that it attacked a police "
        "camp in Lamu.",
        [("claim", "KE", "al-Shabaab")], [],
    ),
    # failed before: the monitor's country, named after the claim, became a second target
    "a source named after a claim is not what was hit": (
        "Al-Shabaab claimed that it sent two car bombs against an Ethiopian military base, "
        "according to the United States monitoring group SITE.",
        [("claim", "ET", "al-Shabaab")], [("claim", "US", "al-Shabaab")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_act_and_hearsay_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
