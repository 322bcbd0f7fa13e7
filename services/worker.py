"""`counterclaim worker`: the Faust worker with our logging, metrics and health endpoints."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import threading
from types import TracebackType
from typing import Any

import faust
import mode
from prometheus_client import CollectorRegistry, disable_created_metrics

from services.common.health import (
    OpsServer,
    Readiness,
    StuckWatch,
    alive,
    consumer_diagnostics,
    progress_marker,
    readiness,
    task_stacks,
)
from services.common.lag import (
    Partition,
    committed_offsets,
    measure_lag,
    publish_lag,
    rewind,
)
from services.common.logging import configure_logging, get_logger
from services.common.reach import backoff, client_lines_held, is_unreachable, unreachable
from services.common.settings import Settings
from services.common.topics import TopicLayoutError, ensure_topics
from services.correlator.state import CountryState
from services.runtime import Runtime, build_runtime

log = get_logger(__name__)

REFRESH_INTERVAL_S = 5.0
STALL_WARN_S = 30.0  # a commit moves every few seconds while records wait


class _Worker(faust.Worker):
    """Faust's worker, but its log lines go through structlog like ours, and it prints nothing.

    Faust's terminal spinner and its "OK ^" go to stdout as raw text; with JSON logs every line
    a collector reads must be JSON, so the worker is quiet and has no spinner.
    """

    counterclaim_settings: Settings

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, quiet=True, **kwargs)
        self.spinner = None

    def _setup_logging(self) -> None:
        settings = self.counterclaim_settings
        configure_logging(settings.log_level, settings.log_format)
        logging.captureWarnings(True)
        threading.excepthook = _log_thread_exception
        sys.excepthook = _log_uncaught_exception

    def on_setup_root_logger(self, logger: Any, level: int) -> None:
        return None


def _log_thread_exception(args: threading.ExceptHookArgs) -> None:
    """Uncaught errors in threads (Faust runs its consumer in one) as log records, not raw
    tracebacks on stderr, so a log collector still reads one JSON object per line."""
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    log.error("uncaught exception in thread", thread=getattr(args.thread, "name", None),
              exc_info=(args.exc_type, args.exc_value, args.exc_traceback))


def _log_uncaught_exception(exc_type: type[BaseException], exc: BaseException,
                            tb: TracebackType | None) -> None:
    log.critical("uncaught exception", exc_info=(exc_type, exc, tb))


class OpsService(mode.Service):
    """Serves /metrics, /healthz and /readyz, and refreshes the gauges nothing else sets.

    A Worker service, not an app service: Faust starts app services only after table recovery,
    and liveness must answer before that.
    """

    def __init__(self, runtime: Runtime, interval_s: float = REFRESH_INTERVAL_S,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.runtime = runtime
        self.interval_s = interval_s
        settings = runtime.settings
        self.server: OpsServer | None = None
        if settings.metrics_port:
            self.server = OpsServer(
                settings.metrics_host, settings.metrics_port, runtime.metrics.registry,
                ready=self.readiness, live=self.alive,
            )
        self._lag_partitions: set[Partition] = set()
        self._state_countries: set[str] = set()
        self._state_generation: int | None = None
        self._was_ready = False
        self.watch = StuckWatch(settings.stuck_after_s)
        self._said_stuck = False
        # Ready, records waiting, and no commit moving: said once per stall, with what the
        # consumer is doing, so a stall after a rebalance can be told from a slow worker.
        self.stall = StuckWatch(STALL_WARN_S)
        self._said_stall = False
        self._said_stalled_long = False

    def readiness(self) -> Readiness:
        return readiness(self.runtime.app)

    def alive(self) -> bool:
        """Not crashed, not stuck in recovery or a rebalance, and not ready-but-stalled (records
        waiting, no offset moving) for `stuck_after_s`: a restart resumes from the last commit."""
        state = self.readiness()
        self.watch.observe(state.ready, progress_marker(self.runtime.app, state))
        stuck = self.watch.stuck()
        if stuck and not self._said_stuck:
            log.error("worker stuck: no progress in recovery or rebalance; liveness fails",
                      stalled_s=round(self.watch.stalled_s(), 1), **state.as_dict())
        self._said_stuck = stuck
        stalled = state.ready and self.stall.stalled_s() > self.runtime.settings.stuck_after_s
        if stalled and not self._said_stalled_long:
            log.error("worker stalled while ready; liveness fails",
                      stalled_s=round(self.stall.stalled_s(), 1))
        self._said_stalled_long = stalled
        return alive(self.runtime.app) and not self.crashed and not stuck and not stalled

    async def on_start(self) -> None:
        self.runtime.metrics.worker_ready.set(0)
        if self.server is not None:
            await self.server.start()
            log.info("ops endpoints listening", host=self.server.host, port=self.server.port,
                     paths=["/metrics", "/healthz", "/readyz"])

    async def on_stop(self) -> None:
        self.runtime.metrics.worker_ready.set(0)
        if self.server is not None:
            await self.server.stop()

    @mode.Service.task
    async def _refresh_loop(self) -> None:
        while not self.should_stop:
            try:
                await self.refresh()
            except Exception as exc:  # a failed refresh must not take the endpoints down
                log.warning("metrics refresh failed", error=f"{type(exc).__name__}: {exc}")
            await self.sleep(self.interval_s)

    async def refresh(self) -> None:
        """Readiness gauge, consumer lag per partition, correlation state sizes."""
        self.alive()  # keeps the stuck watch current between probes
        state = self.readiness()
        metrics = self.runtime.metrics
        metrics.worker_ready.set(1 if state.ready else 0)
        if state.ready != self._was_ready:
            log.info("worker ready" if state.ready else "worker not ready", **state.as_dict())
            self._was_ready = state.ready
        if not state.ready:
            self.stall.observe(True, None)  # a rebalance is not a stall; the clock starts after
            return
        app = self.runtime.app
        settings = self.runtime.settings
        sources = (settings.topic_articles, settings.topic_events, settings.topic_alerts)
        lags = await measure_lag(app.consumer, sources)
        self._lag_partitions = publish_lag(metrics.consumer_lag, settings.app_id, lags,
                                           self._lag_partitions)
        await self._watch_progress(lags)
        self._refresh_state_sizes(full=self._state_generation != state.generation)
        self._state_generation = state.generation

    async def _watch_progress(self, lags: dict[Partition, int]) -> None:
        """Ready, records waiting, no commit moving for STALL_WARN_S: say what the consumer is
        doing, then seek each waiting partition back to its committed offset. Seen after a
        rebalance under load: the survivor idled, nothing unacked, commits still (most likely
        its fetch position had passed records it dropped as the old generation's).
        Re-reading from the commit is what a restart would do (at least once: duplicates are
        deduplicated downstream), without the restart."""
        app = self.runtime.app
        behind = sum(lags.values())
        committed = committed_offsets(app.consumer)
        self.stall.observe(behind == 0, tuple(sorted(committed.items())))
        stalled = self.stall.stuck()
        if stalled and not self._said_stall:
            log.warning("worker ready but not progressing: records wait and no offset moves; "
                        "rewinding to the committed offsets",
                        behind=behind, stalled_s=round(self.stall.stalled_s(), 1),
                        agents=task_stacks(("classify", "correlate", "Agent", "_execute_actor")),
                        **consumer_diagnostics(app))
            await rewind(app.consumer, {tp: committed[tp] for tp, lag in lags.items()
                                        if lag > 0 and tp in committed})
        elif self._said_stall and not stalled:
            log.info("worker progressing again", behind=behind)
        self._said_stall = stalled

    def _refresh_state_sizes(self, full: bool) -> None:
        """After a rebalance, read every held country's state once; else just drop leavers.

        The correlator sets the gauge on every event; this covers the countries recovered from
        the changelog (no event yet) and those whose partitions moved to another worker.
        """
        gauge = self.runtime.metrics.correlation_state_size
        held: set[str] = set()
        for key in list(self.runtime.state.keys()):
            country = key.decode() if isinstance(key, bytes) else str(key)
            held.add(country)
            if full:
                raw = self.runtime.state.get(key)
                if raw:
                    gauge.labels(country).set(CountryState.model_validate_json(raw).size())
        for country in self._state_countries - held:
            with contextlib.suppress(KeyError):
                gauge.remove(country)
        self._state_countries = held


def run_worker(settings: Settings) -> int:
    try:
        counts = asyncio.run(topics_when_reachable(settings))
    except TopicLayoutError as exc:
        log.error("topic layout", error=str(exc))
        return 2
    except asyncio.CancelledError:  # SIGTERM while waiting for Kafka
        log.info("stopped before Kafka could be reached")
        return 0
    disable_created_metrics()  # type: ignore[no-untyped-call]
    runtime = build_runtime(settings, partitions=counts[settings.topic_events])
    runtime.metrics.prime(receivers=[r.label for r in settings.receivers])
    log.info("worker starting", bootstrap=settings.kafka_bootstrap, app_id=settings.app_id,
             receivers=[r.label for r in settings.receivers])
    ops = OpsService(runtime)
    worker = _Worker(runtime.app, ops, loglevel=settings.log_level, redirect_stdouts=False)
    worker.counterclaim_settings = settings
    worker.execute_from_commandline()
    return 0


async def topics_when_reachable(settings: Settings) -> dict[str, int]:
    """The topics' partition counts, once Kafka answers. Until then: one log line per attempt
    naming the address and what to check, attempts 1, 2, 4 ... 30 s apart, /healthz 200 and
    /readyz 503 (not ready) on the ops port, and SIGTERM stops the wait."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    if task is not None:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signal.SIGTERM, task.cancel)
    server: OpsServer | None = None
    delays = backoff()
    try:
        while True:
            try:
                with client_lines_held(settings.log_level):
                    return await ensure_topics(settings)
            except Exception as exc:
                if not is_unreachable(exc):
                    raise
                if server is None:
                    server = await _waiting_server(settings)
                wait = next(delays)
                log.warning(f"{unreachable(settings)} Retrying in {wait:g}s; not ready meanwhile",
                            bootstrap=settings.kafka_bootstrap, retry_in_s=wait,
                            error=f"{type(exc).__name__}: {exc}")
                await asyncio.sleep(wait)
    finally:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.remove_signal_handler(signal.SIGTERM)
        if server is not None:
            await server.stop()


async def _waiting_server(settings: Settings) -> OpsServer | None:
    """/healthz (alive) and /readyz (503: not joined) while the worker waits for Kafka."""
    if not settings.metrics_port:
        return None
    waiting = Readiness(joined=False, tables_recovered=False, rebalancing=False, stopping=False,
                        generation=0)
    server = OpsServer(settings.metrics_host, settings.metrics_port, CollectorRegistry(),
                       ready=lambda: waiting, live=lambda: True)
    await server.start()
    return server
