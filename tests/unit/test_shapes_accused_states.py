"""A state that denies what another state alleges it did answers as the accused: the denial is
about the accuser's country ('dismissed Armenia's ceasefire breach allegations', 'rejected
charges from Venezuela that its troops crossed', 'said it did not target Polish sites', 'denied
it had sent drones over Venezuela'). Written here in our own words. Each case says whether it
failed before its change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: another state's allegations, dismissed, were read as an attack on the speaker
    "a state dismissing another's allegations answers as the accused": (
        "Azerbaijan's defence ministry dismissed Armenia's allegations of cross-border shelling "
        "as fake.",
        [("denial", "AM", "Azerbaijan")], [("denial", "AZ", "Azerbaijan")],
    ),
    # failed before: 'army units' alleged shelling' was not the speaker's own act
    "the speaker's army units' alleged shelling, called false, is its own act denied": (
        "The allegation by the Armenian defence ministry about the Azerbaijani army units' alleged "
        "shelling of Armenian positions is false, the Azerbaijani ministry said.",
        [("denial", "AM", "Azerbaijan")], [("denial", "AZ", "Azerbaijan")],
    ),
    # failed before: 'charges from Venezuela' named no accuser
    "charges from a state, rejected, are answered as the accused": (
        "Colombian authorities rejected charges from Venezuela that their troops had crossed the "
        "border.",
        [("denial", "VE", "Colombia")], [("denial", "CO", "Colombia")],
    ),
    # failed before: 'did not target' (the bare verb) was no act of its own denied
    "'did not target' another country's sites is the accused's denial": (
        "Poland said it shot down drones that entered its airspace. Russia's defence ministry said "
        "its forces did not target any sites in Poland.",
        [("denial", "PL", "Russia")], [("denial", "RU", "Russia")],
    ),
    # failed before: 'had sent spy drones over' was no act of its own
    "a state denying it sent drones over a neighbour answers as the accused": (
        "Colombia dismissed claims that it had sent spy drones over neighbouring Venezuela.",
        [("denial", "VE", "Colombia")], [("denial", "CO", "Colombia")],
    ),
    # guard: another state's claims of a strike on the speaker, dismissed, stay about itself
    "another state's claims of a strike on the speaker stay its own denial": (
        "Ukraine dismissed Russia's claims that its missiles had destroyed a Patriot system in "
        "Kyiv.",
        [("denial", "UA", "Ukraine")], [("denial", "RU", "Ukraine")],
    ),
    # failed before: 'and did not confirm Q' made a second frame whose subject swallowed P, so
    # the speaker's own frame was read as only relaying it and nothing was said
    "'said P and did not confirm Q' keeps P the speaker's": (
        "Afghan officials said a Tajik aircraft had bombed an Afghan border district. A spokesman "
        "for Tajik border guards said Tajikistan had not carried out any bombing and did not "
        "confirm the death of two border guards.",
        [("denial", "AF", "Tajikistan")], [],
    ),
    # failed before: 'had not conducted any operations' was no act of its own denied
    "a state that 'had not conducted any operations' near another's border is the accused": (
        "Afghan officials said a Russian aircraft had bombed an Afghan border district. Russia "
        "said its military aircraft had not conducted any operations near Afghanistan's border.",
        [("denial", "AF", "Russia")], [("denial", "RU", "Russia")],
    ),
    # failed before (with the rule above too loose): a listener's name ('VOA Somali Service')
    # followed by 'that the allegations' was read as Somalia's allegations
    "a listener named before 'that the allegations' accuses nobody": (
        "Al-Shabaab said it killed 167 Ethiopian soldiers. Ethiopia's ambassador told the VOA "
        "Somali Service that the allegations by al-Shabaab were propaganda.",
        [("denial", "ET", "Ethiopia")], [("denial", "SO", "Ethiopia")],
    ),
    # failed before: the attack it was part of ('on Ukraine') outranked the sites it denied
    # aiming at
    "the accused's denial is about the country it says it did not target": (
        "Poland said it shot down drones that entered its airspace. The Russian army said it did "
        "not target Polish sites in an overnight drone attack on Ukraine.",
        [("denial", "PL", "Russia")], [("denial", "UA", "Russia")],
    ),
    # failed before: of two states denying together, only the last one named spoke
    "two states denying together each deny": (
        "Afghan officials said an aircraft bombed a border district. Russia and Tajikistan denied "
        "carrying out any air strike on Afghan territory.",
        [("denial", "AF", "Russia"), ("denial", "AF", "Tajikistan")], [],
    ),
    # guard: two states reporting together are not multiplied (one report stands)
    "two states reporting a launch together are not each a speaker": (
        "South Korea and Japan said North Korea fired a ballistic missile into the sea on Sunday.",
        [], [("attack_report", "JP", "Japan")],
    ),
    # failed before: 'no South Korean drone has entered ...', said by South Korea, was read as
    # nothing (a negated noun phrase of its own side's act)
    "'no drone of ours has entered' is the accused's denial": (
        "North Korea said South Korean drones flew over Pyongyang. No South Korean military drone "
        "has entered North Korean airspace, the South Korean military said.",
        [("denial", "KP", "South Korea")], [("denial", "KR", "South Korea")],
    ),
    # guard: 'no drone had entered its airspace', said by the target, is its own denial
    "'no drone entered its airspace', said by the target, stays its denial": (
        "Ukraine said its drones struck Kursk. Russia said no drone had entered its airspace.",
        [("denial", "RU", "Russia")], [],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_accused_state_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
