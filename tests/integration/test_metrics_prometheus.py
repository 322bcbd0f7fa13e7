"""A real Prometheus scrapes a real worker on a real broker; after a known input every series
the operators rely on is there with the value the input implies.

The expected counts come from the pure pipeline run offline on the same articles, so the test
follows the extractor as it evolves instead of hard-coding what it finds today.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import yaml
from aiohttp import web

from schemas.alert import Alert
from schemas.article import Article
from services.common.broker import free_port
from services.common.metrics import DEAD_LETTER_STAGES, EVENT_KINDS
from services.pipeline import Pipeline, Replay
from services.testing.processes import WorkerProcess, produce, worker_env
from services.testing.prometheus import PrometheusServer

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2022, 5, 10)

# Our own wording: a claim, the state's denial of it, a French article (skipped) and junk.
CLAIM = Article(
    id="ops-claim-1", published_at=date(2022, 5, 8), source="Wire",
    body=("Islamic State Khorasan Province (ISKP) claimed responsibility on Sunday for firing "
          "four rockets into Tajikistan from Afghanistan's Takhar province on May 7."))
DENIAL = Article(
    id="ops-denial-1", published_at=date(2022, 5, 9), source="Wire",
    body=("Tajikistan's border guard service denied on Monday that any rockets had been fired "
          "into Tajikistan from Afghanistan, saying only small-arms fire had crossed the border."))
FRENCH = Article(
    id="ops-fr-1", language="fr", source="Fil",
    body="Le service des gardes-frontières a démenti tout tir de roquettes sur son territoire.")
MALFORMED = b'{"id": "broken", "body": '


class Hooks:
    """Two webhook receivers in one server: /ok answers 200, /fail answers a final 400."""

    def __init__(self) -> None:
        self.port = free_port()
        self.ok: list[bytes] = []
        self.failed: list[bytes] = []
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        async def ok(request: web.Request) -> web.Response:
            self.ok.append(await request.read())
            return web.json_response({"ok": True})

        async def fail(request: web.Request) -> web.Response:
            self.failed.append(await request.read())
            return web.json_response({"error": "rejected"}, status=400)

        app = web.Application()
        app.router.add_post("/ok", ok)
        app.router.add_post("/fail", fail)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def receivers(self) -> str:
        return json.dumps([
            {"name": "ok", "url": f"http://127.0.0.1:{self.port}/ok"},
            {"name": "broken", "url": f"http://127.0.0.1:{self.port}/fail", "max_attempts": 2},
        ])


async def wait_ready(worker: WorkerProcess, timeout_s: float = 90.0) -> dict[str, Any]:
    url = f"http://127.0.0.1:{worker.metrics_port}/readyz"
    deadline = time.monotonic() + timeout_s
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            assert worker.alive(), f"worker exited:\n{worker.log_text()[-3000:]}"
            try:
                async with http.get(url, timeout=aiohttp.ClientTimeout(total=2)) as r:
                    if r.status == 200:
                        body: dict[str, Any] = await r.json()
                        return body
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise AssertionError(f"worker not ready in {timeout_s}s:\n{worker.log_text()[-3000:]}")


def scrape_config(metrics_port: int, workdir: Path) -> dict[str, Any]:
    """deploy/prometheus/prometheus.yml with the target, intervals and paths made local."""
    deployed = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
    job = next(j for j in deployed["scrape_configs"] if j["job_name"] == "counterclaim")
    job.update(scrape_interval="1s", scrape_timeout="1s",
               static_configs=[{"targets": [f"127.0.0.1:{metrics_port}"]}])
    return {
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
        "rule_files": [str(ROOT / "deploy/prometheus/rules.yml")],
        "scrape_configs": [job],
    }


def dashboard_queries() -> list[str]:
    """The dashboard's panel queries with Grafana's variables filled in as Grafana would."""
    dash = json.loads((ROOT / "deploy/grafana/dashboards/counterclaim.json").read_text())
    panels = [p for top in dash["panels"] for p in [top, *top.get("panels", [])]]
    exprs = [t["expr"] for p in panels for t in p.get("targets", [])
             if "counterclaim_ingest_" not in t["expr"]]  # test_ingest_cli.py checks those
    assert exprs
    return [e.replace("$__rate_interval", "1m").replace("$__interval", "1m")
             .replace("$instance", ".*") for e in exprs]


def expectations(topics: dict[str, str]) -> tuple[dict[str, float], int]:
    """PromQL -> value the known input must produce, and the number of alert versions."""
    pipeline = Pipeline.build()
    replay = Replay(pipeline)
    kinds: Counter[str] = Counter()
    alerts: list[Alert] = []
    for article in (CLAIM, DENIAL):
        kinds.update(e.kind.value for e in pipeline.classify(article, DAY).events)
        alerts.extend(replay.feed(article, DAY))
    assert alerts, "the input must raise an alert for the test to mean anything"
    raised = sum(1 for a in alerts if a.version == 1)
    n = len(alerts)
    job = 'job="counterclaim"'
    want: dict[str, float] = {
        f"up{{{job}}}": 1,
        f"counterclaim_worker_ready{{{job}}}": 1,
        f"counterclaim_articles_consumed_total{{{job}}}": 4,
        f'counterclaim_articles_rejected_total{{{job}, reason="invalid"}}': 1,
        f'counterclaim_articles_rejected_total{{{job}, reason="error"}}': 0,
        f'counterclaim_articles_skipped_language_total{{{job}, language="fr"}}': 1,
        f"counterclaim_alerts_raised_total{{{job}}}": raised,
        f"counterclaim_alerts_updated_total{{{job}}}": n - raised,
        f"counterclaim_processing_latency_seconds_count{{{job}}}": n,
        f'counterclaim_webhook_attempts_total{{{job}, receiver="ok"}}': n,
        f'counterclaim_webhook_deliveries_total{{{job}, receiver="ok"}}': n,
        f'counterclaim_webhook_failures_total{{{job}, receiver="ok"}}': 0,
        f'counterclaim_webhook_latency_seconds_count{{{job}, receiver="ok"}}': n,
        f'counterclaim_webhook_attempts_total{{{job}, receiver="broken"}}': n,
        f'counterclaim_webhook_deliveries_total{{{job}, receiver="broken"}}': 0,
        f'counterclaim_webhook_failures_total{{{job}, receiver="broken"}}': n,
        f'counterclaim_dead_letters_total{{{job}, stage="classify"}}': 1,
        f'counterclaim_dead_letters_total{{{job}, stage="deliver"}}': n,
        f'count(counterclaim_consumer_lag{{{job}, topic="{topics["articles"]}"}})': 3,
        f'sum(counterclaim_consumer_lag{{{job}, topic="{topics["articles"]}"}})': 0,
        f'count(counterclaim_consumer_lag{{{job}, topic="{topics["events"]}"}})': 3,
        f'sum(counterclaim_consumer_lag{{{job}, topic="{topics["events"]}"}})': 0,
    }
    for stage in set(DEAD_LETTER_STAGES) - {"classify", "deliver"}:
        want[f'counterclaim_dead_letters_total{{{job}, stage="{stage}"}}'] = 0
    for kind in EVENT_KINDS:
        want[f'counterclaim_events_total{{{job}, kind="{kind}"}}'] = kinds[kind]
    for country, state in replay.states.items():
        want[f'counterclaim_correlation_state_events{{{job}, country="{country}"}}'] = state.size()
    return want, n


def differences(prom: PrometheusServer, want: dict[str, float]) -> dict[str, Any]:
    got: dict[str, Any] = {}
    for promql, value in want.items():
        result = prom.query(promql)
        seen = [float(r["value"][1]) for r in result]
        if seen != [value]:
            got[promql] = (seen, value)
    return got


async def test_prometheus_scrapes_the_expected_series_from_a_running_worker(
    broker: str, topic_prefix: str, tmp_path: Path
) -> None:
    topics = {name: f"{topic_prefix}.{name}" for name in
              ("articles", "events", "alerts", "dead-letters")}
    want, n_alerts = expectations(topics)
    hooks = Hooks()
    await hooks.start()
    env = worker_env(
        broker,
        COUNTERCLAIM_APP_ID=f"{topic_prefix}-app",
        COUNTERCLAIM_TOPIC_ARTICLES=topics["articles"],
        COUNTERCLAIM_TOPIC_EVENTS=topics["events"],
        COUNTERCLAIM_TOPIC_ALERTS=topics["alerts"],
        COUNTERCLAIM_TOPIC_DEAD_LETTERS=topics["dead-letters"],
        COUNTERCLAIM_WEBHOOKS=hooks.receivers(),
    )
    worker = WorkerProcess(env, tmp_path / "worker.log").start()
    try:
        await wait_ready(worker)
        # One key: one partition, so the stream sees the articles in the order replayed above.
        records: list[tuple[bytes | None, bytes]] = [
            (b"ops", a.model_dump_json().encode()) for a in (CLAIM, DENIAL, FRENCH)]
        records.append((b"ops", MALFORMED))
        await produce(broker, topics["articles"], records)
        with PrometheusServer(scrape_config(worker.metrics_port, tmp_path / "prom"),
                              tmp_path / "prom") as prom:
            deadline = time.monotonic() + 90
            diff = differences(prom, want)
            while diff and time.monotonic() < deadline:
                assert worker.alive(), worker.log_text()[-3000:]
                await asyncio.sleep(1.0)
                diff = differences(prom, want)
            assert diff == {}, f"series differ (got, want): {diff}"

            # The rules file the stack deploys loaded into this Prometheus too.
            groups = prom.api("rules")["groups"]
            loaded = {rule["name"] for group in groups for rule in group["rules"]}
            deployed = yaml.safe_load((ROOT / "deploy/prometheus/rules.yml").read_text())
            assert loaded == {r["alert"] for g in deployed["groups"] for r in g["rules"]}
            latency = prom.query('counterclaim_processing_latency_seconds_sum{job="counterclaim"}')
            assert 0 < float(latency[0]["value"][1]) < 60 * n_alerts

            # Every dashboard query is PromQL this Prometheus accepts, and finds data here.
            # rate() and increase() need two samples in their window: the values above can be
            # right after the first scrape, so wait for a second one before asking.
            two_scrapes = 'count_over_time(up{job="counterclaim"}[5m]) >= 2'
            scraped_twice = prom.query(two_scrapes)
            while not scraped_twice and time.monotonic() < deadline + 30:
                await asyncio.sleep(0.5)
                scraped_twice = prom.query(two_scrapes)
            assert scraped_twice, "Prometheus never scraped the worker twice"
            empty = [expr for expr in dashboard_queries() if not prom.query(expr)]
            assert empty == [], f"dashboard queries with no data: {empty}"
            instances = prom.api("label/instance/values",
                                 **{"match[]": "counterclaim_worker_ready"})
            assert instances == [f"127.0.0.1:{worker.metrics_port}"]
        assert len(hooks.ok) == n_alerts and len(hooks.failed) == n_alerts
    finally:
        code = worker.stop()
        await hooks.stop()
    assert code == 0, worker.log_text()[-3000:]

    # Every line the worker wrote is JSON, and alert lines carry the alert id.
    lines = [json.loads(line) for line in worker.log_text().splitlines() if line.strip()]
    alert_lines = [line for line in lines if line.get("event") == "alert"]
    assert len(alert_lines) == n_alerts
    assert all(line["alert_id"].startswith("cc-") for line in alert_lines)
