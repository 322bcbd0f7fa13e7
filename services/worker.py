"""`counterclaim worker`: the Faust worker with our logging and the metrics endpoint."""

from __future__ import annotations

import asyncio
from typing import Any

import faust
from prometheus_client import start_http_server

from services.common.logging import configure_logging, get_logger
from services.common.settings import Settings
from services.common.topics import TopicLayoutError, ensure_topics
from services.runtime import build_runtime

log = get_logger(__name__)


class _Worker(faust.Worker):
    """Faust's worker, but its log lines go through structlog like ours."""

    counterclaim_settings: Settings

    def _setup_logging(self) -> None:
        settings = self.counterclaim_settings
        configure_logging(settings.log_level, settings.log_format)

    def on_setup_root_logger(self, logger: Any, level: int) -> None:
        return None


def run_worker(settings: Settings) -> int:
    try:
        counts = asyncio.run(ensure_topics(settings))
    except TopicLayoutError as exc:
        log.error("topic layout", error=str(exc))
        return 2
    runtime = build_runtime(settings, partitions=counts[settings.topic_events])
    if settings.metrics_port:
        start_http_server(settings.metrics_port, settings.metrics_host,
                          registry=runtime.metrics.registry)
    log.info("worker starting", bootstrap=settings.kafka_bootstrap, app_id=settings.app_id,
             receivers=[r.label for r in settings.receivers])
    worker = _Worker(runtime.app, loglevel=settings.log_level, redirect_stdouts=False)
    worker.counterclaim_settings = settings
    worker.execute_from_commandline()
    return 0
