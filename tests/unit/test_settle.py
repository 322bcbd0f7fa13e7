"""The article-level pass over one article's events (events.settle): what a state's report
beside a group's claim is."""

from __future__ import annotations

from schemas.event import Event, EventKind, Evidence
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
