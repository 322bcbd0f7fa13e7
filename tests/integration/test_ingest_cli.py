"""`counterclaim ingest` as operators run it: a process configured by COUNTERCLAIM_FEEDS, with
/healthz, /readyz and /metrics, scraped by a real Prometheus that loads the deployed rules and
answers every query of the dashboard's ingest row; SIGTERM ends it cleanly."""

from __future__ import annotations

import asyncio
import json
import signal
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import orjson
import pytest
import yaml

from services.testing.feeds import Entry, page, rss
from services.testing.ingest_process import IngestProcess
from services.testing.processes import collect, topic_env, worker_env
from services.testing.prometheus import PrometheusServer
from services.testing.site import RSS_TYPE, TEXT_TYPE, Resource, Site

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]

ROOT = Path(__file__).resolve().parents[2]
WHEN = datetime(2022, 5, 9, 6, 0, tzinfo=UTC)
STORY = ("The ferry across the lake resumed service on Tuesday after the ice had melted.\n\n"
         "Fishermen said the catch was smaller than last spring and that prices at the harbour "
         "market had risen by a fifth.")


def ingest_row_queries() -> list[str]:
    dash = json.loads((ROOT / "deploy/grafana/dashboards/counterclaim.json").read_text())
    exprs = [t["expr"] for p in dash["panels"] for t in p.get("targets", [])
             if "counterclaim_ingest_" in t["expr"]]
    assert len(exprs) >= 5
    return [e.replace("$__rate_interval", "1m") for e in exprs]


async def get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http, http.get(
            url, timeout=aiohttp.ClientTimeout(total=2)) as r:
        return r.status, await r.text()


async def wait_status(url: str, status: int, process: IngestProcess, timeout_s: float) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert process.alive(), process.log_text()[-3000:]
        try:
            got, body = await get(url)
            if got == status:
                return body
        except (aiohttp.ClientError, OSError, TimeoutError):
            pass
        await asyncio.sleep(0.1)
    raise AssertionError(f"{url} never answered {status}:\n{process.log_text()[-3000:]}")


async def test_ingest_process_endpoints_prometheus_and_clean_stop(
    broker: str, topic_prefix: str, tmp_path: Path
) -> None:
    site = Site()
    site.add("/robots.txt", Resource(b"User-agent: *\nDisallow: /members/\n", TEXT_TYPE))
    site.add("/news/ferry.html", Resource(page("Lake News", "Ferry resumes", STORY, WHEN)))
    site.add("/feeds/good.xml", Resource(rss("Lake News", site.url("/"), [
        Entry("Ferry resumes", site.url("/news/ferry.html"), "Ferry summary.", published=WHEN),
        Entry("Members only", site.url("/members/secret.html"), "A members' story summary.",
              published=WHEN),
    ]), RSS_TYPE, conditional=True))
    site.add("/feeds/broken.xml", Resource(b"down", RSS_TYPE, status=503))
    await site.start()
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(yaml.safe_dump({
        "poll_interval_s": 0.5, "backoff_max_s": 1, "host_interval_s": 0.01,
        "feeds": [{"name": "Lake News", "url": site.url("/feeds/good.xml")},
                  {"name": "Broken", "url": site.url("/feeds/broken.xml")}]}))
    env = worker_env(broker, **topic_env(topic_prefix), COUNTERCLAIM_FEEDS=str(feeds))
    process = IngestProcess(env, tmp_path / "ingest.log").start()
    base = f"http://127.0.0.1:{process.metrics_port}"
    try:
        assert json.loads(await wait_status(base + "/healthz", 200, process, 30)) == {"alive": True}
        ready = json.loads(await wait_status(base + "/readyz", 200, process, 30))
        assert ready["ready"] and ready["joined"] and ready["tables_recovered"]
        values = await collect(broker, f"{topic_prefix}.articles", lambda v: len(v) >= 2, 30,
                               settle_s=1.0)
        bodies = sorted(orjson.loads(v)["body"] for v in values)
        assert bodies == sorted([STORY, "A members' story summary."])

        scrape = {"job_name": "counterclaim-ingest", "scrape_interval": "1s",
                  "scrape_timeout": "1s",
                  "static_configs": [{"targets": [f"127.0.0.1:{process.metrics_port}"]}]}
        config = {"global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
                  "rule_files": [str(ROOT / "deploy/prometheus/rules.yml")],
                  "scrape_configs": [scrape]}
        with PrometheusServer(config, tmp_path / "prom") as prom:
            deadline = time.monotonic() + 30
            two = 'count_over_time(up{job="counterclaim-ingest"}[5m]) >= 2'
            scraped = prom.query(two)
            while not scraped and time.monotonic() < deadline:
                await asyncio.sleep(0.5)
                scraped = prom.query(two)
            assert scraped, "Prometheus never scraped the ingester twice"
            # rate() needs two samples with a change between them: the broken feed keeps
            # failing, the good one keeps answering 304.
            await asyncio.sleep(1.5)
            empty = [q for q in ingest_row_queries() if not prom.query(q)]
            assert empty == [], f"dashboard ingest queries with no data: {empty}"
            produced = prom.query(
                'counterclaim_ingest_articles_produced_total{feed="Lake News"}')
            assert [float(r["value"][1]) for r in produced] == [2.0]
            robots = prom.query('counterclaim_ingest_robots_disallowed_total{feed="Lake News"}')
            assert [float(r["value"][1]) for r in robots] == [1.0]
            failing = prom.query(
                'counterclaim_ingest_feed_failing_since_timestamp_seconds{feed="Broken"}')
            assert failing and float(failing[0]["value"][1]) > 0
            rules = {r["name"] for g in prom.api("rules")["groups"] for r in g["rules"]}
            assert "CounterclaimFeedFailing" in rules
        assert "/members/secret.html" not in {r.path for r in site.requests}
    finally:
        code = process.stop(timeout=15, sig=signal.SIGTERM)
        await site.stop()
    assert code == 0, process.log_text()[-3000:]
    lines: list[dict[str, Any]] = [json.loads(x) for x in process.log_text().splitlines() if x]
    events = {line["event"] for line in lines}
    assert {"ingest starting", "feed polled", "feed poll failed", "ingest stopped"} <= events
    failed = [line for line in lines if line["event"] == "feed poll failed"]
    assert all(line["feed"] == "Broken" and line["detail"] == "HTTP 503" for line in failed)
