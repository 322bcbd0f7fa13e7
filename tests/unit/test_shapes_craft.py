"""Aircraft and the questions officials leave open: a state's aircraft named once ('a
Ruritanian fighter jet') is what a later 'the plane' means; an official unsure 'where exactly
they hit' asserts no strike of its own. Written here in our own words. Each case says whether
it failed before its change or is a guard that keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

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
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_craft_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
