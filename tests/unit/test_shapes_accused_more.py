"""More of the accused: 'rejected allegations that its military fired on Thai troops' denies the
speaker's own act, so it answers for the side hit and claims nothing. Written here in our own words. Each case says
whether it failed before its change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: 'its military' after a bare 'allegations that' was not the speaker's own
    "a denial of allegations about 'its military' is the accused's": (
        "Cambodia rejected allegations that its military fired on Thai troops patrolling the "
        "border.",
        [("denial", "TH", "Cambodia")], [("denial", "KH", "Cambodia")],
    ),
    # guard: after 'X's claims that it', the pronoun is the claimant's
    "a pronoun after another's claim is the claimant's": (
        "Thailand said Cambodian troops fired on its soldiers. Cambodia rejected the Thai claims "
        "that it fired on Thai soldiers.",
        [("attack_report", "TH", "Thailand")], [("claim", "TH", "Cambodia")],
    ),
    # failed before: the allegation inside the denial was read as the denier's own claim
    "the allegation a state rejects is not its claim": (
        "PHNOM PENH: Cambodia rejected allegations that its military fired on Thai troops "
        "patrolling their border, the information minister told AFP on Tuesday.",
        [("denial", "TH", "Cambodia")], [("claim", "TH", "Cambodia")],
    ),
}


NAMED_CHARGES: dict[str, Shape] = {
    # failed before: 'the Indian claim that its air force ...' was read as a charge against the
    # denier ('its' = Pakistan's), so the denial answered India instead of the strike on Pakistan
    "a charge with its maker named keeps the maker's 'its'": (
        "Pakistan firmly denied the Indian claim that its air force had shot down a Pakistani "
        "F-16 jet.",
        [("denial", "PK", "Pakistan"), ("claim", "PK", "India")], [("denial", "IN", "Pakistan")],
    ),
    # failed before: a capital with an adverb before the verb was no subject
    "a capital that denies firmly still speaks for its state": (
        "Islamabad categorically denied the Indian claim that its air force had shot down a "
        "Pakistani F-16 jet.",
        [("denial", "PK", "Pakistan")], [],
    ),
}


AGAINST_THEIRS: dict[str, Shape] = {
    # failed before: a state rejecting a 'narrative about an alleged attack against Guyanese
    # troops' was read as denying an attack on itself
    "rejecting an alleged attack against another's troops answers for that country": (
        "Venezuela categorically rejects the hoax promoted by the government of Guyana, which seeks "
        "to spread a false narrative about an alleged attack against Guyanese troops.",
        [("denial", "GY", "Venezuela")], [("denial", "VE", "Venezuela")],
    ),
    # guard: an attack against its own troops, denied, is its own ground's denial
    "denying an attack against its own troops stays its own": (
        "Guyana's army said reports of an attack against Guyanese troops on the Cuyuni river were "
        "false.",
        [("denial", "GY", "Guyana")], [],
    ),
}

TABLES = (CASES, NAMED_CHARGES, AGAINST_THEIRS)
ALL: dict[str, Shape] = {name: case for table in TABLES for name, case in table.items()}
assert len(ALL) == sum(map(len, TABLES))  # no case shadows another


@pytest.mark.parametrize("name", sorted(ALL))
def test_accused_more_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, ALL[name])
