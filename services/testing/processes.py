"""Run a real `counterclaim worker` process against a broker, and wait on topics.

Used by the integration tests, the demo and the benchmark: the same code path users run.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from services.common.broker import free_port


def worker_env(bootstrap: str, **extra: str) -> dict[str, str]:
    """Environment for a worker that is ready in seconds on a fresh broker."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COUNTERCLAIM_")}
    env.update(
        {
            "COUNTERCLAIM_KAFKA_BOOTSTRAP": bootstrap,
            "COUNTERCLAIM_WEB_PORT": str(free_port()),
            "COUNTERCLAIM_METRICS_PORT": str(free_port()),
            "COUNTERCLAIM_METRICS_HOST": "127.0.0.1",
            "COUNTERCLAIM_BROKER_SESSION_TIMEOUT_S": "6",
            "COUNTERCLAIM_BROKER_HEARTBEAT_INTERVAL_S": "1",
            "COUNTERCLAIM_BROKER_REBALANCE_TIMEOUT_S": "6",
            "COUNTERCLAIM_LOG_FORMAT": "json",
        }
    )
    env.update(extra)
    return env


def topic_env(prefix: str, app_id: str | None = None) -> dict[str, str]:
    """COUNTERCLAIM_* settings that give a worker its own app id and topics, so runs that
    share one broker never see each other's records."""
    return {
        "COUNTERCLAIM_APP_ID": app_id or prefix,
        "COUNTERCLAIM_TOPIC_ARTICLES": f"{prefix}.articles",
        "COUNTERCLAIM_TOPIC_EVENTS": f"{prefix}.events",
        "COUNTERCLAIM_TOPIC_ALERTS": f"{prefix}.alerts",
        "COUNTERCLAIM_TOPIC_DEAD_LETTERS": f"{prefix}.dead-letters",
    }


@dataclass
class WorkerProcess:
    env: Mapping[str, str]
    log_path: Path
    process: subprocess.Popen[bytes] | None = None
    _log: IO[bytes] | None = field(default=None, repr=False)

    def start(self) -> WorkerProcess:
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "services.cli", "worker"],
            env=dict(self.env), stdout=self._log, stderr=self._log, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        return self

    @property
    def metrics_port(self) -> int:
        return int(self.env["COUNTERCLAIM_METRICS_PORT"])

    @property
    def web_port(self) -> int:
        return int(self.env["COUNTERCLAIM_WEB_PORT"])

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float = 20.0, sig: int = signal.SIGTERM) -> int | None:
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        code = self.process.returncode
        self.process = None
        if self._log is not None:
            self._log.close()
        return code

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


async def create_topics(bootstrap: str, names: list[str], partitions: int = 3) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        new = [NewTopic(n, num_partitions=partitions, replication_factor=1)
               for n in names if n not in existing]
        if new:
            await admin.create_topics(new)
    finally:
        await admin.close()


async def produce(bootstrap: str, topic: str, records: list[tuple[bytes | None, bytes]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for key, value in records:
            await producer.send(topic, key=key, value=value)
        await producer.flush()
    finally:
        await producer.stop()


async def collect(
    bootstrap: str,
    topic: str,
    until: Callable[[list[bytes]], bool],
    timeout_s: float,
    settle_s: float = 0.0,
) -> list[bytes]:
    """Read `topic` from the start until `until(values)` holds (then `settle_s` more) or time out."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
        enable_auto_commit=False, group_id=None,
    )
    await consumer.start()
    values: list[bytes] = []
    deadline = time.monotonic() + timeout_s
    settle_until: float | None = None
    try:
        while time.monotonic() < deadline:
            if settle_until is not None and time.monotonic() >= settle_until:
                break
            batch = await consumer.getmany(timeout_ms=200)
            for records in batch.values():
                values.extend(r.value for r in records if r.value is not None)
            if settle_until is None and until(values):
                settle_until = time.monotonic() + settle_s
    finally:
        await consumer.stop()
    return values


async def wait_for(predicate: Callable[[], bool], timeout_s: float, interval: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        await asyncio.sleep(interval)
    return predicate()
