"""The demo's alert card: one per alert at its final version, its history one line per
version, and each webhook delivery under the version it carried."""

from __future__ import annotations

import re

from schemas.alert import Alert
from services.alerter.sample import sample_alert
from services.demo.render import format_card, version_line
from services.testing.receiver import Received


def _versions() -> tuple[Alert, Alert]:
    first = sample_alert(1)
    extra = first.claims[0].model_copy(update={"event_id": "sample-article-3:claim:0",
                                               "article_id": "sample-article-3",
                                               "source": "Third Outlet"})
    second = first.model_copy(update={"version": 2, "claims": [*first.claims, extra]})
    return first, second


def _delivery(key: str) -> Received:
    return Received(path="/hook", headers={"Idempotency-Key": key}, body=b'{"alert_id": "x"}')


def test_version_lines_say_what_each_version_added() -> None:
    first, second = _versions()
    assert version_line(first, None) == "v1  +1 claim, +1 denial (Example Wire, Example Daily)"
    assert version_line(second, first) == "v2  +1 claim (Third Outlet)"


def test_one_card_at_the_final_version_with_deliveries_under_their_version() -> None:
    first, second = _versions()
    card = format_card([second, first], {1: [_delivery(f"{first.alert_id}:1")],
                                         2: [_delivery(f"{first.alert_id}:2")]},
                       {"ZZ": "Zedland"}, 200)
    assert card.count("ALERT: Zedland (ZZ)") == 1 and "version 2" in card.splitlines()[1]
    assert re.search(r"^  v1   Sample Armed Group - Example Wire", card, re.M)
    assert re.search(r"^  v2   Sample Armed Group - Third Outlet", card, re.M)
    history = card.split("History (2 versions", 1)[1].splitlines()[1:]
    assert history[0].startswith("  v1  +1 claim, +1 denial")
    assert history[1].strip().startswith(">> webhook: POST /hook -> HTTP 200 | Idempotency-Key: "
                                         f"{first.alert_id}:1 |")
    assert history[2].startswith("  v2  +1 claim (Third Outlet)")
    assert f"{first.alert_id}:2 |" in history[3]
