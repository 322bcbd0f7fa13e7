"""Raids and border clashes told by the raiders and the raided: 'invaded the border region',
units that 'report in a video that' they crossed, the unit named again by its head noun ('the
legion writes on Telegram that ...'), and a target state's toll of its own dead ('the deaths
of 23 of its soldiers'). Written here in our own words. Each case says whether it failed
before its change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: 'invaded' was no word of attack
    "a group that says it invaded a region claims an incursion": (
        "The Freedom of Russia Legion said its fighters had invaded the Kursk region of Russia "
        "on Tuesday morning.",
        [("claim", "RU", "Freedom of Russia Legion")], [],
    ),
    # failed before: 'report in a video that' was no verb of saying
    "units that report in a video claim what they report": (
        "The Russian Volunteer Corps and the Freedom of Russia Legion report in a video that they "
        "invaded the Bryansk region of Russia again.",
        [("claim", "RU", "")], [],
    ),
    # guard: others' 'report that' is no claim of theirs
    "witnesses who report a crossing claim nothing": (
        "Villagers report that armed men crossed into the Kursk region of Russia at dawn.",
        [], [("claim", "RU", "")],
    ),
    # failed before: 'the volunteer corps' was nobody, and a state named in the clause spoke
    "a group named again by its head noun speaks as itself": (
        "The Russian Volunteer Corps is made up of Russians who fight for Ukraine. The volunteer corps "
        "writes on Telegram that its gunners shelled the town hall of Grayvoron, where Russian "
        "troops were dug in.",
        [("claim", "RU", "Russian Volunteer Corps")], [("confirmation", "RU", "Russia")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_incursion_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])



TOLL_CASES: dict[str, Shape] = {
    # failed before: 'the deaths of 23 of its soldiers' counted no one, so a toll a third of the
    # one claimed was no answer; now it contests the claimed toll (three times or more)
    "a toll a third of the claimed one, confirmed by the target, contests it": (
        "The Taliban claimed on Sunday that their fighters killed 70 Pakistani soldiers in "
        "overnight border clashes. Pakistan's army confirmed the deaths of 23 of its soldiers in "
        "the clashes.",
        [("claim", "PK", "Taliban"), ("denial", "PK", "Pakistan")], [],
    ),
    # guard: a toll somewhat lower than the claimed one confirms it, as tolls often differ
    "a toll somewhat lower than the claimed one confirms it": (
        "The Taliban claimed on Sunday that their fighters killed 30 Pakistani soldiers in "
        "overnight border clashes. Pakistan's army confirmed the deaths of 23 of its soldiers in "
        "the clashes.",
        [("claim", "PK", "Taliban"), ("confirmation", "PK", "Pakistan")], [("denial", "PK", "Pakistan")],
    ),
    # failed before: 'G, which claimed the attack, said ...' gave 'said' no speaker, and 'as
    # many as 173' counted no one, so the army's ten dead answered nothing
    "a group's toll said after a relative clause is weighed against the army's": (
        "Burundi's army said ten of its peacekeepers were killed at the base in Somalia. "
        "Al-Shabaab, which claimed responsibility for the raid, said that its fighters killed "
        "as many as 170 Burundian soldiers.",
        [("claim", "BI", "al-Shabaab"), ("denial", "BI", "Burundi")], [],
    ),
}


@pytest.mark.parametrize("name", sorted(TOLL_CASES))
def test_toll_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, TOLL_CASES[name])
