"""The ingester in deploy/ and docker-compose.yml: its service, scrape job, alert rule and
dashboard row agree with the code (settings, metric names, the sample feeds file)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import yaml

from services.common.metrics import exposed_names
from services.common.settings import Settings
from services.ingest.config import FeedConfig, FeedsFile, load_feeds, parse_feeds
from services.ingest.metrics import IngestMetrics

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
PROM = ROOT / "deploy" / "prometheus"
DASHBOARD = ROOT / "deploy" / "grafana" / "dashboards" / "counterclaim.json"


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text())


def test_compose_ingest_service_reads_the_sample_feeds_file(monkeypatch) -> None:
    services = _yaml(COMPOSE)["services"]
    ingest = services["ingest"]
    assert ingest["command"] == ["ingest"] and ingest["image"] == services["worker"]["image"]
    assert ingest["depends_on"]["kafka-init"]["condition"] == "service_completed_successfully"
    assert "sample-feeds" in ingest["depends_on"]
    env = ingest["environment"]
    for key in [k for k in os.environ if k.startswith("COUNTERCLAIM_")]:
        monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, str(value))
    settings = Settings()
    mounts = dict(v.rsplit(":", 1)[0].split(":", 1) for v in ingest["volumes"])
    assert mounts["./deploy/ingest/feeds.yaml"] == settings.feeds
    assert load_feeds(ROOT / "deploy" / "ingest" / "feeds.yaml").feeds
    # The same topics as the worker reads.
    worker = services["worker"]["environment"]
    assert settings.topic_articles == worker["COUNTERCLAIM_TOPIC_ARTICLES"]
    assert settings.app_id == worker["COUNTERCLAIM_APP_ID"]
    assert "/readyz" in " ".join(ingest["healthcheck"]["test"])
    assert ingest["ports"] == [f"9109:{settings.metrics_port}"]
    sample = services["sample-feeds"]
    assert sample["entrypoint"][-1] == "services.demo.feeds_site"
    assert "http://sample-feeds:8081" in sample["command"]


def test_prometheus_scrapes_the_ingester() -> None:
    config = _yaml(PROM / "prometheus.yml")
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    targets = [t for sc in jobs["counterclaim-ingest"]["static_configs"] for t in sc["targets"]]
    port = _yaml(COMPOSE)["services"]["ingest"]["environment"]["COUNTERCLAIM_METRICS_PORT"]
    assert targets == [f"ingest:{port}"]


def test_feed_failing_rule_watches_the_failing_since_gauge() -> None:
    rules = {r["alert"]: r for g in _yaml(PROM / "rules.yml")["groups"] for r in g["rules"]}
    rule = rules["CounterclaimFeedFailing"]
    assert "counterclaim_ingest_feed_failing_since_timestamp_seconds" in rule["expr"]
    assert "3600" in rule["expr"]
    assert "{{ $labels.feed }}" in rule["annotations"]["summary"]


def test_ingest_down_rule_and_worker_down_does_not_hide_ingest_alerts() -> None:
    rules = {r["alert"]: r for g in _yaml(PROM / "rules.yml")["groups"] for r in g["rules"]}
    assert rules["CounterclaimIngestDown"]["expr"] == 'up{job="counterclaim-ingest"} == 0'
    config = _yaml(ROOT / "deploy" / "alertmanager" / "alertmanager.yml")
    (inhibit,) = [r for r in config["inhibit_rules"]
                  if 'alertname="CounterclaimWorkerDown"' in r["source_matchers"]]
    excluded = [m for m in inhibit["target_matchers"] if m.startswith("alertname!~")]
    assert excluded and all(name in excluded[0] for name in
                            ("CounterclaimFeedFailing", "CounterclaimIngestDown"))


def test_dashboard_has_an_ingest_row_over_ingest_metrics_only() -> None:
    panels = json.loads(DASHBOARD.read_text())["panels"]
    titles = [p["title"] for p in panels]
    row = titles.index("Ingest (feeds)")
    below = panels[row + 1:]
    assert below and all(p["type"] != "row" for p in below)  # the last row
    exprs = " ".join(t["expr"] for p in below for t in p["targets"])
    names = {f.name for m in vars(IngestMetrics.create()).values() if hasattr(m, "describe")
             for f in m.describe()}
    for needle in ("counterclaim_ingest_articles_produced_total",
                   "counterclaim_ingest_duplicates_skipped_total",
                   "counterclaim_ingest_fetch_errors_total",
                   "counterclaim_ingest_items_seen_total",
                   "counterclaim_ingest_feed_polls_total",
                   "counterclaim_ingest_feed_last_success_timestamp_seconds"):
        assert needle in exprs
        assert needle.removesuffix("_total") in names


def _readme_ingest_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## Ingesting feeds")
    return text[start:text.index("\n## ", start + 1)]


def test_readme_documents_the_feeds_file_and_its_example_is_valid() -> None:
    section = _readme_ingest_section()
    for name in FeedsFile.model_fields:
        assert f"`{name}`" in section or name == "feeds", name
    for name in FeedConfig.model_fields:
        assert f"`feeds[].{name}`" in section, name
    example = section.split("```yaml", 1)[1].split("```", 1)[0]
    feeds = parse_feeds(example)
    assert [f.name for f in feeds.feeds] == ["Central Asia Wire", "Pamir Herald"]


def test_readme_lists_every_ingest_metric() -> None:
    section = _readme_ingest_section()
    documented = set(re.findall(r"`(counterclaim_ingest_[a-z_]+)`", section))
    exposed = {name.removesuffix("_total") for name in exposed_names(IngestMetrics.create())
               if not name.endswith(("_bucket", "_count", "_sum"))}
    assert {name.removesuffix("_total") for name in documented} == exposed
