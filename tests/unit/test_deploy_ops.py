"""The worker's operational pieces without a broker: readiness rules, lag arithmetic, the
/metrics /healthz /readyz server, metric priming, and the compose stack's sample receiver."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, NamedTuple

import aiohttp
import pytest
from prometheus_client import generate_latest

from services.common.broker import free_port
from services.common.health import OpsServer, Readiness, alive, readiness
from services.common.lag import measure_lag, publish_lag
from services.common.metrics import DEAD_LETTER_STAGES, EVENT_KINDS, Metrics, exposed_names
from services.testing.sample_receiver import serve


class TP(NamedTuple):
    topic: str
    partition: int


def _app(**over: Any) -> SimpleNamespace:
    base: dict[str, Any] = {
        "rebalancing_count": 1, "rebalancing": False, "should_stop": False,
        "consumer_generation_id": 3, "crashed": False,
        "tables": SimpleNamespace(actives_ready=True),
    }
    base.update(over)
    return SimpleNamespace(**base)


# --- readiness ------------------------------------------------------------------------------

def test_ready_when_joined_recovered_and_not_rebalancing() -> None:
    state = readiness(_app())
    assert state.ready
    assert state.as_dict() == {"ready": True, "joined": True, "tables_recovered": True,
                               "rebalancing": False, "stopping": False, "generation": 3}


@pytest.mark.parametrize("over, reason", [
    ({"rebalancing_count": 0}, "joined"),
    ({"tables": SimpleNamespace(actives_ready=False)}, "tables_recovered"),
    ({"rebalancing": True}, "rebalancing"),
    ({"should_stop": True}, "stopping"),
])
def test_not_ready_for_each_missing_condition(over: dict[str, Any], reason: str) -> None:
    state = readiness(_app(**over))
    assert not state.ready
    body = state.as_dict()
    assert body["ready"] is False
    assert body[reason] is (reason in {"rebalancing", "stopping"})


def test_a_fresh_app_is_not_ready_and_crashed_is_not_alive() -> None:
    assert not readiness(SimpleNamespace()).ready
    assert alive(_app())
    assert not alive(_app(crashed=True))


# --- consumer lag ---------------------------------------------------------------------------

class FakeConsumer:
    def __init__(self) -> None:
        self._assignment = {TP("articles", 0), TP("articles", 1), TP("articles", 2),
                            TP("app-correlation-state-changelog", 0),
                            TP("app-__assignor-__leader", 0)}
        self._committed_offset = {TP("articles", 0): 7, TP("articles", 2): 50}
        self.highwater = {TP("articles", 0): 10, TP("articles", 1): 5, TP("articles", 2): 40,
                          TP("app-correlation-state-changelog", 0): 999,
                          TP("app-__assignor-__leader", 0): 0}
        self.asked_earliest: list[TP] = []

    def assignment(self) -> set[TP]:
        return self._assignment

    async def highwaters(self, *tps: TP) -> dict[TP, int]:
        return {tp: self.highwater[tp] for tp in tps}

    async def earliest_offsets(self, *tps: TP) -> dict[TP, int]:
        self.asked_earliest.extend(tps)
        return dict.fromkeys(tps, 2)


async def test_lag_is_highwater_minus_committed_for_the_named_topics() -> None:
    consumer = FakeConsumer()
    lags = await measure_lag(consumer, ["articles"])
    # p0: 10 - 7; p1: never committed, so from the earliest offset (2); p2: caught up (never < 0).
    assert lags == {("articles", 0): 3, ("articles", 1): 3, ("articles", 2): 0}
    assert consumer.asked_earliest == [TP("articles", 1)]


async def test_lag_of_nothing_assigned_is_empty() -> None:
    consumer = FakeConsumer()
    consumer._assignment = set()
    assert await measure_lag(consumer, ["articles"]) == {}


def test_publish_lag_sets_partitions_and_drops_revoked_ones() -> None:
    metrics = Metrics.create()
    gauge = metrics.consumer_lag
    first = publish_lag(gauge, "app", {("articles", 0): 4, ("articles", 1): 9})
    second = publish_lag(gauge, "app", {("articles", 1): 2}, previous=first)
    assert second == {("articles", 1)}
    text = generate_latest(metrics.registry).decode()
    assert 'counterclaim_consumer_lag{group="app",partition="1",topic="articles"} 2.0' in text
    assert 'partition="0"' not in text


# --- metrics registry -----------------------------------------------------------------------

def test_prime_exports_known_labels_at_zero() -> None:
    metrics = Metrics.create()
    metrics.prime(receivers=["ops"])
    text = generate_latest(metrics.registry).decode()
    for stage in DEAD_LETTER_STAGES:
        assert f'counterclaim_dead_letters_total{{stage="{stage}"}} 0.0' in text
    for kind in EVENT_KINDS:
        assert f'counterclaim_events_total{{kind="{kind}"}} 0.0' in text
    assert 'counterclaim_webhook_failures_total{receiver="ops"} 0.0' in text
    assert 'counterclaim_articles_rejected_total{reason="invalid"} 0.0' in text


def test_exposed_names_cover_every_metric_with_prometheus_naming() -> None:
    names = exposed_names(Metrics.create())
    assert all(name.startswith("counterclaim_") for name in names)
    assert names["counterclaim_webhook_latency_seconds_bucket"] == {"receiver", "le"}
    assert names["counterclaim_consumer_lag"] == {"group", "topic", "partition"}
    counters = {n.removeprefix("counterclaim_").removesuffix("_total")
                for n in names if n.endswith("_total")}
    assert counters == {
        "articles_consumed", "articles_rejected", "articles_skipped_language", "events",
        "alerts_raised", "alerts_updated", "webhook_attempts", "webhook_deliveries",
        "webhook_failures", "webhook_superseded", "dead_letters"}
    assert {"counterclaim_processing_latency_seconds_count", "counterclaim_worker_ready",
            "counterclaim_correlation_state_events"} <= set(names)


# --- the ops HTTP server --------------------------------------------------------------------

@dataclass
class _Switches:
    """What the server's ready/live callbacks report; the test flips them mid-run."""

    ready: Readiness
    live: bool


async def test_ops_server_serves_metrics_liveness_and_readiness() -> None:
    metrics = Metrics.create()
    metrics.articles_consumed.inc(3)
    state = _Switches(ready=Readiness(True, False, False, False, 1), live=True)
    server = OpsServer("127.0.0.1", free_port(), metrics.registry,
                       ready=lambda: state.ready, live=lambda: state.live)
    await server.start()
    base = f"http://127.0.0.1:{server.port}"
    try:
        async with aiohttp.ClientSession() as http:
            async with http.get(f"{base}/metrics") as r:
                assert r.status == 200
                assert r.headers["Content-Type"].startswith("text/plain; version=0.0.4")
                assert "counterclaim_articles_consumed_total 3.0" in await r.text()
            accept = {"Accept": "application/openmetrics-text; version=1.0.0"}
            async with http.get(f"{base}/metrics", headers=accept) as r:
                assert r.headers["Content-Type"].startswith("application/openmetrics-text")
                assert (await r.text()).rstrip().endswith("# EOF")
            async with http.get(f"{base}/readyz") as r:
                assert r.status == 503
                assert (await r.json())["tables_recovered"] is False
            async with http.get(f"{base}/healthz") as r:
                assert r.status == 200 and (await r.json()) == {"alive": True}
            state.ready = Readiness(True, True, False, False, 2)
            state.live = False
            async with http.get(f"{base}/readyz") as r:
                assert r.status == 200 and (await r.json())["ready"] is True
            async with http.get(f"{base}/healthz") as r:
                assert r.status == 503
    finally:
        await server.stop()


# --- the compose stack's sample receiver ----------------------------------------------------

async def test_sample_receiver_prints_each_post_as_one_json_line() -> None:
    out = io.StringIO()
    port = free_port()
    runner = await serve("127.0.0.1", port, out)
    try:
        async with aiohttp.ClientSession() as http:
            async with http.post(f"http://127.0.0.1:{port}/alertmanager/ops",
                                 json={"status": "firing"},
                                 headers={"Idempotency-Key": "a:1", "X-Extra": "y"}) as r:
                assert r.status == 200
            async with http.post(f"http://127.0.0.1:{port}/hook", data=b"not json") as r:
                assert r.status == 200
            async with http.get(f"http://127.0.0.1:{port}/healthz") as r:
                assert r.status == 200
    finally:
        await runner.cleanup()
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["path"] for line in lines] == ["/alertmanager/ops", "/hook"]
    assert lines[0]["body"] == {"status": "firing"}
    assert lines[0]["headers"]["idempotency-key"] == "a:1"
    assert lines[0]["headers"]["x-extra"] == "y"
    assert lines[1]["body"] == "not json"
