"""A claim that names no target ('claimed responsibility for the attack') is about the state
the article tells was hit, in whatever words it tells it: 'Benin suffered an assault'. Sentences
in our own words; each case says whether it failed before its change or is a guard."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: the state that 'suffered' the raid was only named, so the claim had no target
    "a claim of 'the attack' is on the state that suffered it": (
        "Benin has suffered a string of deadly raids near its northern border. JNIM claimed "
        "responsibility for the attack on an army post on Thursday.",
        [("claim", "BJ", "Jama'at Nusrat")], [],
    ),
    # guard: a state that suffered other attacks is not where the claimed one was
    "the place the claim names wins over a state's past suffering": (
        "Nigeria has suffered years of attacks by Boko Haram. ISWAP claimed responsibility for an "
        "attack on an army base in Niger on Monday.",
        [("claim", "NE", "Islamic State West Africa")], [("claim", "NG", "Islamic State West Africa")],
    ),
    # failed before: 'Niger state' read as the country Niger, a cross-border claim
    "'Niger state' is Nigeria's, so ISWAP's claim there is domestic": (
        "ISWAP claimed responsibility for the attack on a military checkpoint in Suleja, Niger "
        "state.",
        [], [("claim", "NE", "Islamic State West Africa")],
    ),
    # failed before: Juba, South Sudan's capital, inside "Somalia's Lower Juba region"
    "a capital's name inside another country's region is that country's": (
        "Al-Shabaab said it attacked a Kenyan army base in Somalia's Lower Juba region.",
        [], [("claim", "SS", "al-Shabaab")],
    ),
    # guard: a group's claim in a region its own country names stays that country's
    "a region named with its own country's possessive keeps that country": (
        "Al-Shabaab said it killed Kenyan soldiers in Kenya's Lamu county.",
        [("claim", "KE", "al-Shabaab")], [],
    ),
    # guard: the country Niger is still Niger
    "the country Niger is still Niger": (
        "ISWAP said it attacked an army base in Niger.",
        [("claim", "NE", "Islamic State West Africa")], [],
    ),
    # failed before: 'but none were killed' against a claim of nine dead was no denial
    "'six were injured but none were killed' contests the claimed toll": (
        "Al-Shabaab said it killed nine Kenyan soldiers in a roadside bombing in Lamu. A Kenya "
        "Defence Forces spokesman told Reuters that six soldiers were injured in the explosion "
        "but none were killed.",
        [("denial", "KE", "Kenya")], [],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_context_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
