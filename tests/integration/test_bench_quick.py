"""`counterclaim bench --quick` end to end: a real broker, a real pass-through worker and a real
`counterclaim worker`, and a report with every figure the issue asks for."""

from __future__ import annotations

import json
from typing import Any

import pytest

from services.bench.run import Plan, collect, render

pytestmark = [pytest.mark.integration, pytest.mark.timeout(240)]

FIGURES = (
    "extraction_articles_per_s",
    "extraction_peak_rss_mb",
    "passthrough_msgs_per_s",
    "pipeline_articles_per_s",
    "pipeline_over_passthrough",
    "worker_peak_rss_mb",
    "ingest_pages_per_s",
)


@pytest.fixture(scope="module")
def report(broker: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    data = collect(Plan.quick(), tmp_path_factory.mktemp("bench"), bootstrap=broker)
    parsed: dict[str, Any] = json.loads(json.dumps(data))  # what --json prints
    return parsed


def test_every_figure_is_present_and_positive(report: dict[str, Any]) -> None:
    for key in FIGURES:
        assert isinstance(report[key], int | float) and report[key] > 0, key
    latency = report["latency_ms"]
    assert set(latency) >= {"p50", "p95", "p99"}
    assert 0 < latency["p50"] <= latency["p95"] <= latency["p99"] <= latency["max"]
    machine = report["machine"]
    assert machine["nproc"] >= 1 and machine["cpu_model"]


def test_ratios_are_computed_from_the_same_run(report: dict[str, Any]) -> None:
    expected = report["pipeline_articles_per_s"] / report["passthrough_msgs_per_s"]
    assert report["pipeline_over_passthrough"] == pytest.approx(expected, rel=0.01)
    expected = report["extraction_articles_per_s"] / report["passthrough_msgs_per_s"]
    assert report["extraction_over_passthrough"] == pytest.approx(expected, rel=0.01)


def test_every_relevant_article_offered_live_was_timed_to_an_alert(
    report: dict[str, Any],
) -> None:
    pipeline = report["details"]["pipeline"]
    assert pipeline["latency_relevant"] >= 5
    assert pipeline["latency_samples"] == pipeline["latency_relevant"]
    assert pipeline["alerts_seen"] >= pipeline["latency_relevant"]
    assert pipeline["dead_letters"] == 0
    assert pipeline["offered_rate"] == pytest.approx(report["pipeline_articles_per_s"] / 2,
                                                     rel=0.01)
    extraction = report["details"]["extraction"]
    assert extraction["relevant_with_events"] == extraction["relevant"] > 0


def test_targets_are_checked_and_the_table_names_them(report: dict[str, Any]) -> None:
    met = report["targets"]["met"]
    assert set(met) == {"extraction_articles_per_s", "worker_peak_rss_mb",
                        "pipeline_over_passthrough", "latency_p99_ms"}
    assert met["pipeline_over_passthrough"] == (report["pipeline_over_passthrough"] >= 0.6)
    text = render(report)
    assert f"{report['pipeline_articles_per_s']:,.0f} a/s" in text
    assert "pass-through" in text and "p99" in text and report["machine"]["cpu_model"] in text


def test_quick_plan_stays_small() -> None:
    quick, full = Plan.quick(), Plan.full()
    assert quick.extraction_articles * 5 <= full.extraction_articles
    assert quick.backlog_for(10_000) <= quick.backlog_articles < full.backlog_for(10_000)


def test_ingest_throughput_covers_every_page(report: dict[str, Any]) -> None:
    ingest = report["details"]["ingest"]
    assert ingest["articles_produced"] == ingest["pages"] == 300
    assert ingest["pages_per_s"] == pytest.approx(ingest["pages"] / ingest["seconds"], rel=0.01)
    assert ingest["page_kb_mean"] > 3  # the ~3 KB story plus the page around it
    assert "ingest: feed item -> page -> article" in render(report)
