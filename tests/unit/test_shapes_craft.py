"""Aircraft and exchanges between states: a state's aircraft named once ('a Jordanian
warplane') is what a later 'the plane' means; 'all jets returned safely' denies a shoot-down;
'we used air power against military targets' is a strike; an official unsure 'where exactly
they hit' asserts none; a news agency's country is not what was hit; a state's denial after
its own claim answers the other side. Written here in our own words. Each case says whether
it failed before its change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape, read, said

CASES: dict[str, Shape] = {
    # failed before: 'the plane' named no one, so the claim went to the last state named
    "a plane named once with its state is that state's when named alone": (
        "A Jordanian warplane that came down in Syria on Wednesday was not hit by Islamic "
        "State, US officials said. Islamic State said that its fighters shot down the plane "
        "with a missile.",
        [("claim", "JO", "Islamic State")], [("claim", "US", "Islamic State")],
    ),
    # guard: two states' aircraft in one dogfight: 'the jet' is nobody's in particular
    "in a dogfight between two air forces 'the jet' names neither": (
        "Indian and Pakistani jets clashed over Kashmir on Wednesday. A Pakistani jet and an "
        "Indian jet were lost. The militants of Jaish-e-Mohammed said they had filmed the jet "
        "falling.",
        [], [("claim", "IN", "Jaish"), ("claim", "PK", "Jaish")],
    ),
    # guard: a demonym and a plane across a line break are no aircraft of that state
    "a country ending one line and a plane opening the next are apart": (
        "Plane down over Syria, says Turkey\n\nSyria plane losses mount as Islamic State said it "
        "shot down the plane near Raqqa.",
        [], [("claim", "TR", "Islamic State")],
    ),
    # failed before: 'where exactly they hit' was read as the state's own strike
    "an official unsure where missiles hit claims no strike": (
        "Iran fired missiles at Erbil overnight. A US defence official said they were uncertain "
        "how many missiles were fired and where exactly they hit.",
        [], [("claim", "IQ", "United States")],
    ),
    # guard: a state that says its own jets hit a target still claims the strike
    "a state whose jets it says hit a camp abroad still claims it": (
        "Turkey's defence ministry said its jets hit PKK shelters in northern Iraq on Monday.",
        [("claim", "IQ", "T")], [],
    ),
    # failed before: aircraft coming home safely was no statement about an attack
    "all jets returning safely denies a claimed shoot-down": (
        "Ruritania said its air defences had shot down a Thai fighter jet on Thursday. The Thai "
        "air force said all its jets returned to base safely after the mission.",
        [("denial", "TH", "Thailand")], [],
    ),
    # guard: a claimant's own troops coming back safely after its raid deny nothing
    "soldiers returning safely after their own raid deny nothing": (
        "Indian officials said troops killed several militants across the Line of Control and "
        "that its soldiers returned safely.",
        [], [("denial", "IN", "India")],
    ),
    # failed before: 'used air power against' was no act, so the army only reported
    "'we used air power against military targets' is the state's strike": (
        "Thai and Cambodian troops clashed along the border on Thursday. \"We have used air "
        "power against military targets in Cambodia,\" a Thai army spokesman told reporters.",
        [("claim", "KH", "Thailand")], [("attack_report", "TH", "Thailand")],
    ),
    # failed before: "China's ... news agency" made the strike on India a report about China
    "a news agency's country is not what an attack it reports hit": (
        "China's state news agency said Pakistani jets destroyed an Indian air defence system "
        "in Punjab, according to a Chinese newspaper.",
        [], [("attack_report", "CN", "China")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_craft_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])


def test_a_state_denying_after_its_own_claim_answers_the_other_side(pipeline: Pipeline) -> None:
    """Failed before: the denial's attacker was the last claimant, the speaker itself."""
    events = read(pipeline,
                  '"We have used air power against military targets in Cambodia," a Thai army '
                  "spokesman said on Thursday. The army later said all its jets returned to base "
                  "safely. Cambodia said its forces had shot down a Thai jet.")
    denials = [e for e in events if e.kind.value == "denial" and e.target_country == "TH"]
    assert denials, said(events)
    assert all(e.attacker != "Thailand" for e in denials), [e.attacker for e in denials]
