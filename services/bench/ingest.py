"""Ingest throughput: pages per second through the real ingester, from a local web site.

The generated corpus (~3 KB English articles) is served as news pages with navigation, sidebar
and footer, listed in RSS feeds that carry only summaries, so every item costs a page fetch, a
trafilatura main-text extraction, the dedupe checks and a Kafka write (article and seen keys).
Per-host spacing is off: the figure is the ingester's own ceiling, not a polite crawl rate. The
site runs in its own process, so its CPU is not billed to the ingester.
"""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from datetime import time as day_time
from pathlib import Path

from services.bench.corpus import CorpusConfig, generate
from services.common.broker import stop_process
from services.common.settings import Settings
from services.ingest.config import FeedsFile
from services.ingest.service import IngestService
from services.testing.feeds import Entry, page, rss
from services.testing.site import RSS_TYPE, Resource, Site, save


@dataclass(frozen=True)
class IngestResult:
    pages: int
    feeds: int
    seconds: float
    pages_per_s: float
    articles_produced: int
    page_kb_mean: float


def _site(pages: int, feeds: int) -> tuple[Site, list[str], float]:
    site = Site()
    entries: list[list[Entry]] = [[] for _ in range(feeds)]
    size = 0
    for n, item in enumerate(generate(CorpusConfig(size=pages, relevant_share=0.03))):
        a = item.article
        published = datetime.combine(a.publication_date(datetime.now(UTC).date()), day_time(),
                                     tzinfo=UTC)
        html = page(a.source or "Bench News", a.title or a.id, a.body, published)
        size += len(html)
        path = f"/news/{n}.html"
        site.add(path, Resource(html))
        summary = a.body.split(". ", 1)[0] + "."
        entries[n % feeds].append(Entry(a.title or a.id, site.url(path), summary,
                                        published=published, guid=a.id))
    urls = []
    for f, items in enumerate(entries):
        urls.append(site.add(f"/feeds/{f}.xml", Resource(rss(f"Bench {f}", site.url("/"), items),
                                                          RSS_TYPE)))
    return site, urls, size / max(1, pages) / 1024


def _serve(site: Site, workdir: Path, timeout_s: float = 30.0) -> subprocess.Popen[bytes]:
    """The site in its own process, once it answers."""
    path = workdir / "ingest-site.json"
    save(site.resources, path)
    log = (workdir / "ingest-site.log").open("ab")
    process = subprocess.Popen([sys.executable, "-m", "services.testing.site", str(path),
                                "--port", str(site.port)], stdout=log, stderr=log,
                               stdin=subprocess.DEVNULL)
    log.close()
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the bench site exited with {process.returncode}")
        try:
            with urllib.request.urlopen(site.url("/robots.txt"), timeout=1):
                pass
        except urllib.error.HTTPError:
            return process  # 404: it answers
        except OSError:
            time.sleep(0.05)
            continue
        return process
    stop_process(process, timeout=5)
    raise RuntimeError("the bench site did not answer")


async def measure_ingest(bootstrap: str, prefix: str, workdir: Path, pages: int = 1000,
                         feeds: int = 8, timeout_s: float = 300.0) -> IngestResult:
    site, urls, kb = _site(pages, feeds)
    server = await asyncio.to_thread(_serve, site, workdir)
    quiet = logging.getLogger("services.ingest")
    level = quiet.level
    quiet.setLevel(logging.WARNING)  # the bench prints its own report
    config = FeedsFile.model_validate({
        "poll_interval_s": 3600, "host_interval_s": 0, "timeout_s": 30,
        "feeds": [{"name": f"bench-{i}", "url": url} for i, url in enumerate(urls)],
    })
    settings = Settings(kafka_bootstrap=bootstrap, app_id=f"{prefix}-ingest",
                        topic_articles=f"{prefix}.ingest-articles", partitions=1, metrics_port=0)
    service = IngestService(settings, config)
    task = asyncio.create_task(service.run())

    def produced() -> int:
        registry = service.metrics.registry
        return int(sum(registry.get_sample_value("counterclaim_ingest_articles_produced_total",
                                                 {"feed": f"bench-{i}"}) or 0
                       for i in range(feeds)))

    try:
        deadline = time.monotonic() + timeout_s
        while not service.seen_loaded:
            if task.done() or time.monotonic() > deadline:
                raise RuntimeError(f"the ingester did not start: {task}")
            await asyncio.sleep(0.01)
        started = time.monotonic()
        while produced() < pages:
            if task.done() or time.monotonic() > deadline:
                raise RuntimeError(f"ingested {produced()} of {pages} pages in time")
            await asyncio.sleep(0.05)
        seconds = time.monotonic() - started
    finally:
        service.stop.set()
        await asyncio.wait_for(task, 30)
        stop_process(server, timeout=5)
        quiet.setLevel(level)
    return IngestResult(pages=pages, feeds=feeds, seconds=round(seconds, 3),
                        pages_per_s=pages / seconds, articles_produced=produced(),
                        page_kb_mean=round(kb, 1))
