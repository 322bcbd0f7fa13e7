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
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from services.bench.corpus import CorpusConfig, generate
from services.bench.extraction import ExtractionResult, run_isolated
from services.bench.ingest import IngestResult, measure_ingest
from services.bench.passthrough import PassthroughResult, measure_passthrough
from services.bench.pipeline import Offered, PipelineResult, measure_pipeline
from services.common.broker import BrokerUnavailable, EmbeddedBroker, tansu_binary

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
    extraction_max_s: float  # a slow extractor is timed on fewer articles, not for longer
    backlog_articles: int  # upper bound; see `backlog_for`
    backlog_s: float  # aim: the pipeline drains its backlog in about this long
    latency_s: float
    relevant_share: float = 0.03
    ingest_pages: int = 2_000  # served as summary-only feed items: one page fetch each

    @classmethod
    def full(cls) -> Plan:
        return cls(extraction_articles=20_000, extraction_max_s=12.0, backlog_articles=30_000,
                   backlog_s=15.0, latency_s=20.0)

    @classmethod
    def quick(cls) -> Plan:
        return cls(extraction_articles=2_000, extraction_max_s=4.0, backlog_articles=4_000,
                   backlog_s=4.0, latency_s=4.0, relevant_share=0.05, ingest_pages=300)

    def backlog_for(self, extraction_per_s: float) -> int:
        """The pipeline is no faster than its extractor: size the backlog so a slow build still
        finishes the whole benchmark in minutes, while a fast one gets enough records to time."""
        return max(min(self.backlog_articles, 2_000), min(self.backlog_articles,
                                                           int(extraction_per_s * self.backlog_s)))


def _broker_version() -> str:
    try:
        out = subprocess.run([tansu_binary(), "--version"], capture_output=True, timeout=10,
                             check=False).stdout.decode().strip()
    except (OSError, subprocess.SubprocessError, BrokerUnavailable):
        out = ""
    return out or "tansu"


def machine(bootstrap: str | None = None) -> dict[str, Any]:
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
        "broker": f"{_broker_version()} (memory storage, loopback)" if bootstrap is None
        else f"external at {bootstrap}",
        "load_avg_1m_at_start": round(os.getloadavg()[0], 2),
    }


def _offered(config: CorpusConfig, first: int) -> list[Offered]:
    return [
        Offered(item.article.id, item.article.id.encode(), item.to_json(), item.relevant)
        for item in generate(config, first=first)
    ]


async def _broker_phases(
    bootstrap: str, plan: Plan, backlog_size: int, workdir: Path, prefix: str,
) -> tuple[PassthroughResult, PipelineResult, IngestResult]:
    backlog = _offered(CorpusConfig(size=backlog_size, relevant_share=plan.relevant_share), 0)

    def live(count: int) -> list[Offered]:
        """The corpus continues where the backlog ended: new ids, later days."""
        return _offered(CorpusConfig(size=count, relevant_share=plan.relevant_share),
                        backlog_size)

    records = [(a.key, a.value) for a in backlog]
    before = await measure_passthrough(bootstrap, records, workdir, prefix=f"{prefix}-a")
    pipeline = await measure_pipeline(bootstrap, backlog, live, workdir, plan.latency_s,
                                      prefix=prefix)
    after = await measure_passthrough(bootstrap, records, workdir, prefix=f"{prefix}-b")
    ingest = await measure_ingest(bootstrap, prefix, workdir, pages=plan.ingest_pages)
    return PassthroughResult.mean([before, after]), pipeline, ingest


def collect(plan: Plan, workdir: Path, bootstrap: str | None = None) -> dict[str, Any]:
    """Run every phase and return the report as one dict (the `--json` object).

    Without `bootstrap` the benchmark starts its own Tansu broker (memory only, so it starts
    empty and leaves nothing behind); with one, it uses that broker under fresh topic names.
    """
    started = time.monotonic()
    host = machine(bootstrap)  # before we load the machine ourselves
    extraction = run_isolated(CorpusConfig(size=plan.extraction_articles,
                                           relevant_share=plan.relevant_share),
                              max_seconds=plan.extraction_max_s)
    backlog_size = plan.backlog_for(extraction.articles_per_s)
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    if bootstrap is not None:
        passthrough, pipeline, ingest = asyncio.run(
            _broker_phases(bootstrap, plan, backlog_size, workdir, prefix))
    else:
        with EmbeddedBroker(log_path=workdir / "broker.log") as broker:
            passthrough, pipeline, ingest = asyncio.run(
                _broker_phases(broker.bootstrap, plan, backlog_size, workdir, prefix))
    return report(extraction, passthrough, pipeline, plan, host, time.monotonic() - started,
                  ingest=ingest)


def report(extraction: ExtractionResult, passthrough: PassthroughResult,
           pipeline: PipelineResult, plan: Plan, host: dict[str, Any],
           wall_s: float, ingest: IngestResult | None = None) -> dict[str, Any]:
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
        "ingest_pages_per_s": round(ingest.pages_per_s, 1) if ingest else None,
        "machine": host,
        "details": {
            "quick": plan == Plan.quick(),
            "relevant_share": plan.relevant_share,
            "extraction": asdict(extraction),
            "passthrough": asdict(passthrough),
            "pipeline": {k: v for k, v in asdict(pipeline).items() if k != "worker_log"},
            "ingest": asdict(ingest) if ingest else None,
        },
        "targets": {"values": TARGETS, "met": checks},
        "wall_s": round(wall_s, 1),
    }


def render(data: dict[str, Any]) -> str:
    """The human table: figures side by side, each with the target it is checked against."""
    d = data["details"]
    pipe, ext, pas = d["pipeline"], d["extraction"], d["passthrough"]
    lat = data["latency_ms"]
    met = data["targets"]["met"]
    m = data["machine"]

    def ok(name: str) -> str:
        return "ok  " if met[name] else "MISS"

    runs = " / ".join(f"{r:,.0f}" for r in pas.get("runs") or ())
    rows = [
        f"counterclaim bench: {m['nproc']} x {m['cpu_model']}, Python {m['python']}, "
        f"Faust {m['faust']}, {m['broker']}; load {m['load_avg_1m_at_start']} at start",
        "",
        f"{'':40}{'throughput':>12}{'peak RSS':>10}   target",
        f"{'extraction (classify, one core)':40}{ext['articles_per_s']:>8,.0f} a/s"
        f"{ext['peak_rss_mb']:>7.0f} MB   {ok('extraction_articles_per_s')} >= 5,000 a/s",
        f"{'Faust pass-through agent, one worker':40}{pas['msgs_per_s']:>8,.0f} m/s"
        f"{pas['worker_peak_rss_mb']:>7.0f} MB   mean of runs {runs}",
        f"{'pipeline worker, articles -> alerts':40}{data['pipeline_articles_per_s']:>8,.0f} a/s"
        f"{pipe['worker_peak_rss_mb']:>7.0f} MB   {ok('worker_peak_rss_mb')} RSS <= 300 MB",
        "",
        f"{'pipeline / pass-through':40}{data['pipeline_over_passthrough']:>8.2f}"
        f"{'':16}{ok('pipeline_over_passthrough')} >= 0.60",
        f"{'extraction / pass-through':40}{data['extraction_over_passthrough']:>8.2f}",
        *_ingest_rows(d.get("ingest")),
        "",
        "latency: article handed to the producer -> first alert citing it, read from the alerts "
        "topic",
        f"  at {pipe['offered_rate']:,.0f} articles/s offered (half the maximum; "
        f"{pipe['achieved_rate']:,.0f} achieved) for {pipe['latency_articles']:,} articles; "
        f"{pipe['latency_samples']} of {pipe['latency_relevant']} relevant ones timed",
        f"  p50 {lat.get('p50', 0):,.0f} ms   p95 {lat.get('p95', 0):,.0f} ms   "
        f"p99 {lat.get('p99', 0):,.0f} ms   max {lat.get('max', 0):,.0f} ms"
        f"{'':14}{ok('latency_p99_ms')} p99 <= 250 ms",
        "",
        f"corpus: ~3 KB English articles, {d['relevant_share']:.0%} relevant. Extraction timed on "
        f"{ext['articles']:,} ({ext['relevant_with_events']}/{ext['relevant']} relevant read, "
        f"{ext['irrelevant_with_events']} others with events). Throughput: backlog of "
        f"{pipe['articles']:,} articles, 10%-90% of it. Worker ready in {pipe['startup_s']:.1f} s; "
        f"{pipe['alerts_seen']:,} alert records; {pipe['dead_letters']:.0f} dead letters.",
        f"wall time {data['wall_s']:.0f} s",
    ]
    return "\n".join(rows)


def _ingest_rows(ingest: dict[str, Any] | None) -> list[str]:
    if not ingest:
        return []
    return [
        "",
        f"{'ingest: feed item -> page -> article':40}{ingest['pages_per_s']:>8,.0f} p/s"
        f"{'':16}{ingest['pages']:,} pages of ~{ingest['page_kb_mean']:.0f} KB from a local "
        f"server, {ingest['feeds']} feeds",
        "  (fetch, trafilatura main-text extraction, dedupe, article + seen keys to Kafka)",
    ]


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
