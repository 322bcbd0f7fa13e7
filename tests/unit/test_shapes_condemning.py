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


GOVERNING: dict[str, Shape] = {
    # failed before: a governing group telling of 'the strikes' a state just claimed on its country
    # was read as a group's own statement, which claims nothing
    "a governing group tells of the strikes a state claimed on its country": (
        "Pakistan's military said it carried out strikes on TTP hideouts inside Afghanistan. The "
        "Taliban government said the strikes killed eight civilians.",
        [("claim", "AF", "Pakistan"), ("confirmation", "AF", "Taliban")], [],
    ),
    # guard: the same words with no state's claim in view are the group's to tell of elsewhere
    "a governing group's 'the strikes' with no claim in view is no answer": (
        "The Taliban government said the strikes killed eight civilians in Gaza.",
        [], [("confirmation", "AF", "Taliban"), ("attack_report", "AF", "Taliban")],
    ),
    # failed before: 'confirmed the strikes' (plural) was not the attack just claimed
    "a state confirming 'the strikes' just claimed on it": (
        "The Revolutionary Guards said they struck the headquarters of armed groups in Iraq's "
        "Kurdistan region. The Kurdistan Regional Government confirmed the strikes.",
        [("confirmation", "IQ", "Iraq")], [],
    ),
}


GOT_THROUGH: dict[str, Shape] = {
    # failed before: 'made several attempts to intercept ... but failed to shoot it down' was read
    # as an interception, a denial; it concedes the hit
    "attempts to intercept that failed concede the hit": (
        "The Houthis claimed a missile attack on Ben Gurion airport. Israel's military said it made "
        "several attempts to intercept the missile fired from Yemen but failed to shoot it down.",
        [("claim", "IL", "Houthi"), ("confirmation", "IL", "Israel")], [("denial", "IL", "Israel")],
    ),
    # failed before: 'the interception systems' named in a review was read as an interception
    "interception systems named in a review deny nothing": (
        "The Houthis claimed a missile attack on Ben Gurion airport. \"No fault was found in the operation "
        'of the interception systems," the Israeli military said.',
        [], [("denial", "IL", "Israel")],
    ),
    # guard: an interception told as done is still a denial of the hit
    "an interception told as done denies the hit": (
        "The Houthis claimed a missile attack on Ben Gurion airport. Israel's military said the missile "
        "was intercepted over the desert.",
        [("denial", "IL", "Israel")], [],
    ),
    # guard (failed before in a longer article): what a group says was done to its people in a
    # state's strikes is no claim of its own
    "a group telling of strikes by a state on its people claims nothing": (
        "The Congolese army accused M23 rebels of shelling Uvira. M23 spokesman Lawrence Kanyuka "
        "claimed that their compatriots were massacred in Kamanyola during strikes by Congolese "
        "coalition forces.",
        [], [("claim", "CD", "March 23")],
    ),
}


STATE_MEDIA_TOLLS: dict[str, Shape] = {
    # failed before: 'killed in an IRGC missile strike', told by Iran's media, was nobody's strike
    "a toll 'in an IRGC missile strike', told by Iran's media, is Iran's claim": (
        "An Iranian state media outlet claimed that more than 80 Americans were killed in an "
        "Islamic Revolutionary Guard Corps missile strike on US forces in Iraq on Wednesday.",
        [("claim", "US", "Iran")], [],
    ),
    # failed before: 'no reports of US casualties' denied nothing ('of' sat between)
    "'no reports of US casualties' against a claimed toll denies it": (
        "An Iranian state media outlet claimed that more than 80 Americans were killed in an "
        "Islamic Revolutionary Guard Corps missile strike on US forces in Iraq on Wednesday. The "
        "US said there were no reports of US casualties from the strike.",
        [("denial", "US", "United States")], [("confirmation", "US", "United States")],
    ),
    # guard: a toll in another's strike, told by the state hit, is its report
    "a toll in a foreign strike, told by the state hit, is a report": (
        "Iraq said three soldiers were killed in a Turkish drone strike near Sinjar on Wednesday.",
        [("attack_report", "IQ", "Iraq")], [("claim", "IQ", "Iraq")],
    ),
}

UNDER_FIRE: dict[str, Shape] = {
    # failed before: 'came under fire' named no attack
    "a post that came under fire from across the border is a report": (
        "Pakistan's army said one of its posts in the Kurram district came under fire from across "
        "the Afghan border.",
        [("attack_report", "PK", "Pakistan")], [],
    ),
    # guard: a minister under fire from critics is no attack
    "a minister under fire from critics is no attack": (
        "Pakistan's defence minister came under fire from opposition lawmakers on Monday over the "
        "budget for new drones.",
        [], [("attack_report", "PK", "Pakistan")],
    ),
}

TABLES = (CASES, GOVERNING, GOT_THROUGH, STATE_MEDIA_TOLLS, UNDER_FIRE)
ALL: dict[str, Shape] = {name: case for table in TABLES for name, case in table.items()}
assert len(ALL) == sum(map(len, TABLES))  # no case shadows another


@pytest.mark.parametrize("name", sorted(ALL))
def test_condemning_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, ALL[name])
