"""Datelines that name the city's country ('NAIROBI, Kenya (AP) -', 'MOGADISHU, Somalia -')
are where a story was filed, never a target nor part of a speaker's name; land a state annexed
is that state's ground. Written here in our own words. Each case says whether it failed before
its change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.classifier.datelines import dateline_length, dateline_spans
from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # guard: the dateline's country is not the target of a claim that names none
    "a dateline naming the city's country is no target": (
        "NAIROBI, Kenya (AP) \u2014 Burundi's president accused Rwanda of backing the rebels "
        "behind an attack last week on a village near Burundi's border with Congo. The rebel "
        "group RED-Tabara took responsibility for the attack in a post on X.",
        [], [("claim", "KE", "")],
    ),
    # failed before: 'KYIV (Reuters) - Ukraine said' had the dateline inside the subject, and
    # nobody spoke
    "a state named right after a dateline speaks": (
        "KYIV (Reuters) - Ukraine on Thursday said it had struck a military airfield in "
        "Russian-occupied Crimea.",
        [("claim", "RU", "Ukraine")], [],
    ),
    # guard (fails once the dateline is known, without 'annexed' as held land): with the story
    # filed from Kyiv, 'the Russia-annexed Crimean peninsula' is not Ukraine's own ground
    "land a state annexed is that state's ground": (
        "KYIV, Ukraine - Ukraine on Thursday said it had struck a military airfield on the "
        "Russia-annexed Crimean peninsula.",
        [("claim", "RU", "Ukraine")], [("claim", "UA", "Ukraine")],
    ),
    # failed before: a dateline of a day and an agency ('July 7 (Reuters) -') hid the speaker
    "a state named after a day-and-agency dateline speaks": (
        "July 7 (Reuters) \u2013 Russia announced on Sunday that it had struck two air defence "
        "launchers in Ukraine.",
        [("claim", "UA", "Russia")], [],
    ),
    # failed before: 'hit decoys' was no answer to the claimed strike
    "a strike on decoys denies the claimed effect": (
        "Russia said on Sunday it had struck two air defence launchers in Ukraine. Ukraine's air "
        "force commander said on Sunday that Russia had hit decoy launchers.",
        [("denial", "UA", "Ukraine")], [],
    ),
    # guard: a short subject in capitals is a name, not a dateline
    "a group's acronym opening a sentence is not a dateline": (
        "YPG denied Turkish defence ministry reports of losses in its ranks in northern Syria.",
        [], [("denial", "TR", "T")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_dateline_and_held_land_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])


@pytest.mark.parametrize(("text", "dateline"), [
    ("NAIROBI, Kenya (AP) \u2014 Burundi's president said", "NAIROBI, Kenya (AP) \u2014 "),
    ("MOGADISHU, Somalia - The army said", "MOGADISHU, Somalia - "),
    ("ISLAMABAD, Pakistan: The army said", "ISLAMABAD, Pakistan: "),
    ("DUBAI, June 19 (Reuters) - The army said", "DUBAI, June 19 (Reuters) - "),
    ("July 7 (Reuters) \u2013 Russia said", "July 7 (Reuters) \u2013 "),
])
def test_datelines_with_the_city_country(text: str, dateline: str) -> None:
    assert dateline_length(text) == len(dateline)
    assert dateline_spans(text) == [(0, len(dateline))]


@pytest.mark.parametrize("text", ["YPG denied the reports.", "Kenya, al Shabaab dispute Somalia base attack"])
def test_a_sentence_is_no_dateline(text: str) -> None:
    assert dateline_length(text) == 0 and dateline_spans(text) == []
