"""The article-level pass over one article's events (events.settle): what a state's report
beside a group's claim is."""

from __future__ import annotations

from schemas.event import ActorType, Event, EventKind, Evidence
from services.classifier.events import settle
from tests.unit.factories import event


def _said(text: str, kind: EventKind, actor: str = "Tajikistan") -> Event:
    return event(kind, actor=actor, article="a1").model_copy(
        update={"evidence": Evidence(text=text, start=0, end=len(text))})


def test_a_report_beside_a_groups_claim_confirms_it() -> None:
    claim = event(EventKind.CLAIM, article="a1")
    report = _said("The border guards said rockets hit a post.", EventKind.ATTACK_REPORT)
    kinds = [e.kind for e in settle([claim, report])]
    assert kinds == [EventKind.CLAIM, EventKind.CONFIRMATION]


def test_a_state_that_denies_the_claim_tells_its_own_account_not_a_confirmation() -> None:
    """'The army dismissed the claim ... the militants tried to storm the camp and were
    repelled': the account is the denial's, so the alert does not list the state as confirming."""
    claim = event(EventKind.CLAIM, article="a1")
    denial = _said("The army dismissed the claim as propaganda.", EventKind.DENIAL)
    account = _said("The militants tried to storm the camp and were repelled.", EventKind.ATTACK_REPORT)
    kinds = sorted(e.kind.value for e in settle([claim, denial, account]))
    assert kinds == ["claim", "denial"]


def test_a_state_that_says_it_confirms_confirms_even_beside_its_denial() -> None:
    claim = event(EventKind.CLAIM, article="a1")
    denial = _said("The army dismissed the toll as propaganda.", EventKind.DENIAL)
    confirmed = _said("The governor confirmed that militants attacked the post.", EventKind.ATTACK_REPORT)
    kinds = sorted(e.kind.value for e in settle([claim, denial, confirmed]))
    assert kinds == ["claim", "confirmation", "denial"]


def test_a_report_that_says_it_confirms_a_claimed_attack_is_a_confirmation() -> None:
    """'I can confirm that the base was attacked': a report whose words confirm, told beside a
    state's claim on the same attack, is the confirmation an analyst reads it as (a plain report
    beside a state's claim stays the target's account of an exchange)."""
    claim = event(EventKind.CLAIM, actor="Iran", actor_type=ActorType.STATE, actor_country="IR",
                  article="a1")
    report = _said("An official said he could confirm that the post was attacked.", EventKind.ATTACK_REPORT)
    kinds = [e.kind for e in settle([claim, report])]
    assert kinds == [EventKind.CLAIM, EventKind.CONFIRMATION]


def test_a_plain_report_beside_a_states_claim_confirms_it() -> None:
    """'Iran said its missiles hit the camps ... Pakistan said two children were killed': the
    target tells of the attack the other state claims."""
    claim = event(EventKind.CLAIM, actor="Iran", actor_type=ActorType.STATE, actor_country="IR",
                  article="a1")
    report = _said("An official said the post was attacked.", EventKind.ATTACK_REPORT)
    assert [e.kind for e in settle([claim, report])] == [EventKind.CLAIM, EventKind.CONFIRMATION]


def test_a_report_beside_a_states_claim_it_denies_stays_its_own_account() -> None:
    """Kramatorsk: the state denies the claimed 600 dead and tells what was hit instead."""
    claim = event(EventKind.CLAIM, actor="Russia", actor_type=ActorType.STATE, actor_country="RU",
                  article="a1")
    report = _said("The governor said two schools were damaged.", EventKind.ATTACK_REPORT)
    denial = _said("The army said the claim was false.", EventKind.DENIAL)
    kinds = [e.kind for e in settle([claim, report, denial])]
    assert EventKind.ATTACK_REPORT in kinds and EventKind.CONFIRMATION not in kinds


def test_a_report_that_says_it_confirms_with_no_claim_stays_a_report() -> None:
    report = _said("An official confirmed that the post was attacked.", EventKind.ATTACK_REPORT)
    assert [e.kind for e in settle([report])] == [EventKind.ATTACK_REPORT]


def test_a_state_that_denies_part_of_the_claim_but_counts_its_dead_confirms() -> None:
    """'Militants killed 15 soldiers', then 'he denied the claim that they held the camp': the
    losses conceded are a confirmation even beside the denial of the rest."""
    claim = event(EventKind.CLAIM, article="a1")
    denial = _said("The army denied that the militants held the camp.", EventKind.DENIAL)
    losses = _said("Militants killed 15 soldiers at the camp, the army said.", EventKind.ATTACK_REPORT)
    losses = losses.model_copy(update={"casualties": 15})
    kinds = sorted(e.kind.value for e in settle([claim, denial, losses]))
    assert kinds == ["claim", "confirmation", "denial"]


def test_losses_told_beside_an_accident_account_stay_part_of_the_denial() -> None:
    """'A hard landing in bad weather; two crew were injured': the injuries belong to the
    accident the state tells instead of the attack, not to a confirmation."""
    claim = event(EventKind.CLAIM, article="a1")
    denial = _said("The ministry said the helicopter made a hard landing in bad weather.", EventKind.DENIAL)
    hurt = _said("Two crew members were slightly injured, the ministry said.", EventKind.ATTACK_REPORT)
    hurt = hurt.model_copy(update={"casualties": 2})
    kinds = sorted(e.kind.value for e in settle([claim, denial, hurt]))
    assert kinds == ["claim", "denial"]


def test_an_answer_naming_a_state_attacker_keeps_it_beside_a_groups_claim() -> None:
    """'Pakistani air strikes on Iran killed four children', beside a recalled Islamic State
    claim: the state's report names a state attacker, which no group's claim replaces (failed
    before: the group's name was put in its place)."""
    claim = event(EventKind.CLAIM, actor="Islamic State", target="IR", article="a1")
    claim = claim.model_copy(update={"attacker": "Islamic State"})
    report = event(EventKind.CONFIRMATION, actor="Iran", target="IR", article="a1").model_copy(
        update={"attacker": "Pakistan"})
    settled = settle([claim, report], frozenset({"Pakistan"}))
    assert [e.attacker for e in settled if e.kind is EventKind.CONFIRMATION] == ["Pakistan"]
    group_named = report.model_copy(update={"attacker": "Boko Haram"})
    assert "Islamic State" in [e.attacker for e in settle([claim, group_named]) if e.actor == "Iran"]


def test_a_smaller_toll_is_weighed_against_the_same_attackers_claim_only() -> None:
    """Seven dead in Pakistan's strikes against a group's claim of 90 dead in a bombing: not a
    smaller toll of the same attack (failed before: it became a denial of the count)."""
    claim = event(EventKind.CLAIM, actor="Islamic State", target="IR", article="a1")
    claim = claim.model_copy(update={"attacker": "Islamic State", "casualties": 90})
    report = event(EventKind.CONFIRMATION, actor="Iran", target="IR", article="a1").model_copy(
        update={"attacker": "Pakistan", "casualties": 7})
    assert EventKind.DENIAL not in [e.kind for e in settle([claim, report], frozenset({"Pakistan"}))]
    same = report.model_copy(update={"attacker": "Islamic State"})
    assert EventKind.DENIAL in [e.kind for e in settle([claim, same])]
