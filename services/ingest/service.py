"""`counterclaim ingest`: the ingester's composition root and process lifecycle.

Same settings, logs and ops endpoints as the worker: /metrics, /healthz (alive while the
ingester runs), /readyz (200 once connected to Kafka with the seen set loaded), served before
anything else starts so liveness answers while the broker is still unreachable.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
import time
from dataclasses import dataclass, field

from prometheus_client import disable_created_metrics

from services.common.health import OpsServer, Readiness
from services.common.logging import get_logger
from services.common.reach import client_lines_held, is_unreachable, unreachable
from services.common.settings import Settings
from services.ingest.config import FeedsFile, FeedsFileError, load_feeds
from services.ingest.http import Http, RobotsCache
from services.ingest.ingester import Ingester
from services.ingest.metrics import IngestMetrics
from services.ingest.store import KafkaSink, ensure_ingest_topics, load_seen, seen_topic

log = get_logger(__name__)

CONNECT_RETRY_MAX_S = 30.0


@dataclass
class IngestService:
    settings: Settings
    feeds: FeedsFile
    metrics: IngestMetrics = field(default_factory=IngestMetrics.create)
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    connected: bool = False
    seen_loaded: bool = False
    crashed: bool = False

    def readiness(self) -> Readiness:
        """The worker's /readyz shape: joined = connected to Kafka, tables_recovered = the seen
        set is loaded; never rebalancing (the ingester is in no consumer group)."""
        return Readiness(joined=self.connected, tables_recovered=self.seen_loaded,
                         rebalancing=False, stopping=self.stop.is_set(), generation=0)

    def alive(self) -> bool:
        return not self.crashed

    async def run(self) -> None:
        """Until `stop` is set: connect (retrying), load the seen set, poll every feed."""
        names = [f.name for f in self.feeds.feeds]
        self.metrics.prime(names)
        server = None
        if self.settings.metrics_port:
            server = OpsServer(self.settings.metrics_host, self.settings.metrics_port,
                               self.metrics.registry, ready=self.readiness, live=self.alive)
            await server.start()
            log.info("ops endpoints listening", host=server.host, port=server.port,
                     paths=["/metrics", "/healthz", "/readyz"])
        http = Http(self.feeds.user_agent, self.feeds.timeout_s, self.feeds.host_interval_s)
        sink = KafkaSink(self.settings)
        try:
            if not await self._connect(sink):
                return
            self.connected = True
            retention_s = self.feeds.seen_retention_days * 86_400
            seen = await load_seen(self.settings, not_before=time.time() - retention_s)
            self.seen_loaded = True
            log.info("ingest starting", feeds=names, topic=self.settings.topic_articles,
                     seen_topic=seen_topic(self.settings), seen_keys=len(seen))
            await http.start()
            ingester = Ingester(self.feeds, http, RobotsCache(http, self.feeds.robots_ttl_s),
                                sink, seen, self.metrics)
            await ingester.run(self.stop)
        except Exception:
            self.crashed = True
            raise
        finally:
            await http.close()
            if self.connected:
                with contextlib.suppress(Exception):
                    await sink.flush()
            await sink.stop()  # also when Kafka never answered: the client holds sockets
            if server is not None:
                await server.stop()
            log.info("ingest stopped")

    async def _connect(self, sink: KafkaSink) -> bool:
        """Create the topics and start the producer, retrying while the broker is away."""
        attempt = 0
        while not self.stop.is_set():
            try:
                with client_lines_held(self.settings.log_level):
                    await ensure_ingest_topics(self.settings, self.feeds.seen_retention_days)
                    await sink.start()
                return True
            except Exception as exc:
                attempt += 1
                wait = min(CONNECT_RETRY_MAX_S, 0.5 * 2 ** attempt)
                what = unreachable(self.settings) if is_unreachable(exc) else "Kafka refused us."
                log.warning(f"{what} Retrying in {wait:g}s; not ready meanwhile",
                            bootstrap=self.settings.kafka_bootstrap,
                            error=f"{type(exc).__name__}: {exc}", retry_in_s=wait)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.stop.wait(), timeout=wait)
        return False


def run_ingest(settings: Settings, feeds_path: str | None) -> int:
    path = feeds_path or settings.feeds
    if not path:
        print("counterclaim ingest: no feeds file: pass --feeds FILE or set COUNTERCLAIM_FEEDS",
              file=sys.stderr)
        return 2
    try:
        feeds = load_feeds(path)
    except FeedsFileError as exc:
        print(f"counterclaim ingest: {exc}", file=sys.stderr)
        return 2
    disable_created_metrics()  # type: ignore[no-untyped-call]
    try:
        return asyncio.run(_main(settings, feeds))
    except Exception:  # logged as one JSON record, like every other line the process writes
        log.exception("ingest crashed")
        return 1


async def _main(settings: Settings, feeds: FeedsFile) -> int:
    service = IngestService(settings, feeds)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, service.stop.set)
    await service.run()
    return 0
