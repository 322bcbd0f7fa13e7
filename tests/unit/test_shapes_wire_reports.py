"""Wire reports that tell the attack first and the claim after: a bare 'claimed responsibility'
about the border guards killed before it, a group's name written without its hyphen, a
neighbour's ministry passing on the claim, an officer named by rank after his country. Written
here in our own words. Each case says whether it failed before its change or is a guard that
keeps the change in bounds."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: no attack word in the claim's sentence, so the article was never read, and
    # 'Iranian border guards' were no asset, so the scene named no country
    "a bare 'claimed responsibility' after the guards killed is a claim on their state": (
        "Nine Iranian border guards were killed near the frontier with Pakistan on Tuesday. "
        "Jaish al-Adl claimed responsibility.",
        [("claim", "IR", "Jaish al-Adl")], [],
    ),
    # failed before: 'Jaish al Adl' without its hyphen matched no group
    "a group's name without the hyphen after its particle is the group": (
        "Nine Iranian border guards were killed on Tuesday. Jaish al Adl claimed responsibility "
        "for the attack.",
        [("claim", "IR", "Jaish al-Adl")], [],
    ),
    # failed before: the claim a Pakistani spokeswoman passed on was put on Pakistan
    "a neighbour passing on a group's claim does not make itself the target": (
        "Nine Iranian border guards were killed by militants on Tuesday. A spokeswoman for "
        "Pakistan's foreign ministry said Jaish al-Adl had claimed responsibility.",
        [("claim", "IR", "Jaish al-Adl")], [("claim", "PK", "Jaish al-Adl")],
    ),
    # guard: a state rejecting a claim about its own ground still holds the claim to it
    "a state rejecting a claim about strikes on its ground keeps the claim on itself": (
        "Pakistani jets struck targets across the border. The Taliban rejected Pakistani claims "
        "that the strikes had killed dozens of militants.",
        [("claim", "AF", "Pakistan")], [],
    ),
    # failed before: 'Rwandan Brigadier X' named no organ, so nobody denied
    "an officer named by rank after his state's demonym speaks for it": (
        "Islamic State said it killed Rwandan troops in Mozambique. Rwandan Brigadier Jean "
        "Mugabo denied the claim.",
        [("denial", "RW", "Rwanda")], [],
    ),
    # failed before: the same with the country's possessive
    "an officer named by rank after his state's possessive speaks for it": (
        "Islamic State said it killed Rwandan troops in Mozambique. Rwanda's Colonel Jean "
        "Mugabo denied the claim.",
        [("denial", "RW", "Rwanda")], [],
    ),
    # failed before: the same with 'General' after the demonym
    "a general named after his state's demonym denies for it": (
        "Ukraine's military said it hit a Russian air base. Russian General Ivan Petrov said all "
        "the missiles were shot down.",
        [("claim", "RU", "Ukraine"), ("denial", "RU", "Russia")], [],
    ),
    # guard: a group's officer named by rank after the group is the group's, not a state's
    "a group's brigadier is the group's": (
        "Houthi Brigadier Yahya Saree said the group fired missiles at Eilat in Israel.",
        [("claim", "IL", "Houthi")], [("claim", "IL", "Yemen")],
    ),
    # failed before: 'has created safe havens near its borders', refuted, is no attack denied
    "refuting that a group has safe havens on its ground denies no attack": (
        "Indian officials assert that the rebels have set up safe havens near Myanmar's border, a "
        "claim Naypyidaw refutes.",
        [], [("denial", "MM", "Myanmar")],
    ),
    # guard: strikes on hideouts are still attacks
    "a state claiming its jets struck hideouts abroad still claims a strike": (
        "Pakistan's army said its jets struck militant hideouts inside Iran on Thursday.",
        [("claim", "IR", "Pakistan")], [],
    ),
    # failed before: 'said earlier that' put 'earlier' before what the anchored shapes read
    "'said earlier that a drone had targeted' the place is the group's claim": (
        "Kenya denied that its airport in Wajir had been attacked. Al-Shabaab media said earlier "
        "that a drone had targeted the airport.",
        [("claim", "KE", "al-Shabaab"), ("denial", "KE", "Kenya")], [],
    ),
    # failed before: the same with 'said on Tuesday that'
    "'said on Tuesday that a drone had targeted' is the group's claim": (
        "Hezbollah said on Tuesday that a drone had targeted an Israeli base in Safed.",
        [("claim", "IL", "Hezbollah")], [],
    ),
    # guard: Western sources counting a state's dead are not that state speaking
    "Western military sources are nobody's state": (
        "Al-Shabaab said it overran a base of Ugandan troops in Somalia. Uganda's army denied the "
        "base was overrun. Western military sources said at least 30 soldiers from Uganda had "
        "been killed.",
        [("claim", "UG", "al-Shabaab"), ("denial", "UG", "Uganda")], [("confirmation", "UG", "Uganda")],
    ),
    # failed before: 'the army' named no state; the soldiers it lost name it
    "'X soldiers were killed ..., the army said' is X's report": (
        "Three Afghan border guards were killed when Iranian troops opened fire across the "
        "frontier, the army's spokesman said.",
        [("attack_report", "AF", "Afghanistan")], [("attack_report", "IR", "Iran")],
    ),
    # guard: the army that says it killed another's soldiers is not their state
    "an army saying it killed another's soldiers does not speak for them": (
        "Our forces killed three Iranian border guards who fired first, the army's spokesman said.",
        [], [("attack_report", "IR", "Iran")],
    ),
    # failed before: 'say' after 'the' was read as a noun ('have their say')
    "'the Houthis say they hit' a ship is the group's claim": (
        "The Houthis say they hit an Israeli ship in the Red Sea on Friday.",
        [("claim", "IL", "Houthi")], [],
    ),
    # guard: 'have their say' is still a noun
    "'have their say' says nothing": (
        "Militants will have their say on the attack on the Israeli ship, the Houthis said.",
        [], [("claim", "IL", "Houthi")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_wire_report_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
