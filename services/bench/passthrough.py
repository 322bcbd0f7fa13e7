"""The framework's ceiling: a naive Faust agent that reads one topic and writes another.

It runs as its own worker process (`python -m services.bench.passthrough ...`) with Faust's
defaults, one `await send()` per record, like the first agent anyone writes. The benchmark
compares the pipeline worker against it on the same broker and the same records.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiokafka import AIOKafkaConsumer

from services.bench.measure import (
    ProcessWatch,
    produce_backlog,
    steady_rate,
)
from services.common.broker import free_port, stop_process
from services.common.logging import configure_logging
from services.common.settings import default_datadir
from services.testing.processes import create_topics


@dataclass(frozen=True)
class PassthroughResult:
    records: int
    msgs_per_s: float
    seconds: float
    worker_peak_rss_mb: float
    runs: tuple[float, ...] = ()  # each run's rate, when `msgs_per_s` is their mean

    @classmethod
    def mean(cls, runs: list[PassthroughResult]) -> PassthroughResult:
        """One figure from runs that bracket the pipeline's, so a busy spell on a shared
        machine weighs on both sides of the ratio rather than on one."""
        return cls(
            records=sum(r.records for r in runs),
            msgs_per_s=sum(r.msgs_per_s for r in runs) / len(runs),
            seconds=sum(r.seconds for r in runs),
            worker_peak_rss_mb=max(r.worker_peak_rss_mb for r in runs),
            runs=tuple(r.msgs_per_s for r in runs),
        )


def build_app(bootstrap: str, app_id: str, source: str, sink: str, web_port: int,
              partitions: int) -> Any:
    """Faust defaults except what a fresh test broker needs to join quickly."""
    import faust

    datadir = default_datadir(app_id)  # not the working directory
    Path(datadir).mkdir(parents=True, exist_ok=True)
    app = faust.App(
        app_id,
        broker=f"kafka://{bootstrap}",
        datadir=datadir,
        store="memory://",
        autodiscover=False,
        topic_partitions=partitions,
        web_port=web_port,
        web_host="127.0.0.1",
        broker_session_timeout=6,
        broker_heartbeat_interval=1,
        broker_rebalance_timeout=6,
        consumer_auto_offset_reset="earliest",
        key_serializer="raw",
        value_serializer="raw",
    )
    source_topic = app.topic(source, key_type=bytes, value_type=bytes, partitions=partitions)
    sink_topic = app.topic(sink, key_type=bytes, value_type=bytes, partitions=partitions)

    @app.agent(source_topic, name="passthrough")
    async def forward(stream: Any) -> None:
        async for event in stream.events():
            await sink_topic.send(key=event.key, value=event.value)

    return app


def main(argv: list[str] | None = None) -> int:
    import faust

    parser = argparse.ArgumentParser(prog="python -m services.bench.passthrough")
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--app-id", default="bench-passthrough")
    parser.add_argument("--source", required=True)
    parser.add_argument("--sink", required=True)
    parser.add_argument("--web-port", type=int, default=0)
    parser.add_argument("--partitions", type=int, default=3)
    args = parser.parse_args(argv)
    app = build_app(args.bootstrap, args.app_id, args.source, args.sink,
                    args.web_port or free_port(), args.partitions)

    class _Worker(faust.Worker):
        """Logging set up exactly as the pipeline worker's, so neither pays for more of it.

        (faust.Worker(loglevel="warning") leaves the root logger at DEBUG, which makes every
        aiokafka request build a log record: a handicap the baseline must not carry.)
        """

        def _setup_logging(self) -> None:
            configure_logging("info", "json")

        def on_setup_root_logger(self, logger: Any, level: int) -> None:
            return None

    _Worker(app, loglevel="info", redirect_stdouts=False).execute_from_commandline()
    return 0


async def measure_passthrough(
    bootstrap: str, values: list[tuple[bytes, bytes]], workdir: Path,
    prefix: str = "bench", partitions: int = 3, timeout_s: float = 120.0,
) -> PassthroughResult:
    """Preload `values` as a backlog, start the agent, time its output at steady state.

    The rate comes from the sink records' own timestamps (stamped by the agent's producer at
    send time), between 10% and 90% of the records, so start-up and the tail do not count.
    """
    source, sink = f"{prefix}.passthrough.in", f"{prefix}.passthrough.out"
    await create_topics(bootstrap, [source, sink], partitions)
    await produce_backlog(bootstrap, source, values)
    consumer = AIOKafkaConsumer(
        sink, bootstrap_servers=bootstrap, auto_offset_reset="earliest", group_id=None,
        enable_auto_commit=False, fetch_max_wait_ms=20,
    )
    await consumer.start()
    log = (workdir / "passthrough.log").open("ab")
    process = subprocess.Popen(  # noqa: ASYNC220 - started once, before timing begins
        [sys.executable, "-m", "services.bench.passthrough", "--bootstrap", bootstrap,
         "--app-id", f"{prefix}-passthrough", "--source", source, "--sink", sink,
         "--partitions", str(partitions)],
        stdout=log, stderr=log, stdin=subprocess.DEVNULL, start_new_session=True,
    )
    watch = ProcessWatch(process.pid)
    stamps: list[float] = []
    deadline = time.monotonic() + timeout_s
    try:
        while len(stamps) < len(values) and time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"pass-through worker exited ({process.returncode}); "
                                   f"see {workdir / 'passthrough.log'}")
            batch = await consumer.getmany(timeout_ms=200)
            for records in batch.values():
                stamps.extend(r.timestamp / 1000.0 for r in records)
            watch.sample()
        if len(stamps) < len(values):
            raise RuntimeError(f"pass-through moved {len(stamps)}/{len(values)} records "
                               f"in {timeout_s}s")
        peak = watch.peak_rss_mb()
    finally:
        await consumer.stop()
        stop_process(process, timeout=15.0)
        log.close()
    stamps.sort()
    rate, seconds = steady_rate(stamps)
    return PassthroughResult(records=len(values), msgs_per_s=rate, seconds=seconds,
                             worker_peak_rss_mb=peak)



if __name__ == "__main__":
    raise SystemExit(main())
