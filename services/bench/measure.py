"""Measuring instruments shared by the pass-through and pipeline runs.

Rates are taken at steady state (between 10% and 90% of the records) so worker start-up, group
join and the tail do not count; peaks of memory come from the kernel's own high-water mark.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from aiokafka import AIOKafkaProducer


@dataclass
class ProcessWatch:
    """Peak RSS of another process: VmHWM from /proc, read while it is still alive."""

    pid: int
    _peak_kb: int = 0

    def sample(self) -> None:
        try:
            text = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return
        for line in text.splitlines():
            if line.startswith("VmHWM:"):
                self._peak_kb = max(self._peak_kb, int(line.split()[1]))
                return

    def peak_rss_mb(self) -> float:
        self.sample()
        return self._peak_kb / 1024.0


def steady_rate(stamps: Sequence[float], low: float = 0.1, high: float = 0.9) -> tuple[float, float]:
    """(records per second, seconds) between the `low` and `high` quantiles of sorted stamps."""
    n = len(stamps)
    if n < 10:
        raise ValueError(f"too few records to time ({n})")
    i, j = int(n * low), int(n * high) - 1
    seconds = stamps[j] - stamps[i]
    if seconds <= 0:
        raise ValueError("records were stamped within one clock tick; use more records")
    return (j - i) / seconds, seconds


@dataclass
class CounterCurve:
    """(time, value) samples of a monotonic counter, and the rate between two of its levels."""

    points: list[tuple[float, float]] = field(default_factory=list)

    def add(self, at: float, value: float) -> None:
        self.points.append((at, value))

    def crossing(self, level: float) -> float | None:
        """When the counter reached `level`, linearly interpolated between two samples."""
        previous: tuple[float, float] | None = None
        for at, value in self.points:
            if value >= level:
                if previous is None or value == previous[1]:
                    return at
                t0, v0 = previous
                return t0 + (at - t0) * (level - v0) / (value - v0)
            previous = (at, value)
        return None

    def rate(self, total: float, low: float = 0.1, high: float = 0.9) -> tuple[float, float]:
        a, b = self.crossing(total * low), self.crossing(total * high)
        if a is None or b is None or b <= a:
            raise ValueError("the counter did not pass both levels")
        return total * (high - low) / (b - a), b - a


def percentiles(values: Sequence[float], qs: Sequence[float]) -> dict[str, float]:
    """Nearest-rank percentiles, e.g. qs=(50, 95, 99) -> {'p50': ..., ...}."""
    if not values:
        raise ValueError("no samples")
    ordered = sorted(values)
    out: dict[str, float] = {}
    for q in qs:
        rank = max(1, math.ceil(q / 100.0 * len(ordered)))
        out[f"p{q:g}"] = ordered[rank - 1]
    return out


async def produce_backlog(bootstrap: str, topic: str, records: Sequence[tuple[bytes, bytes]],
                          ) -> None:
    """Write records as fast as the client batches them (untimed set-up for a backlog run)."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=5, acks=1,
                                max_batch_size=512 * 1024, max_request_size=4 * 1024 * 1024)
    await producer.start()
    try:
        pending = [await producer.send(topic, key=key, value=value) for key, value in records]
        await producer.flush()
        for future in pending:
            future.result()
    finally:
        await producer.stop()


async def produce_paced(
    bootstrap: str, topic: str, records: Sequence[tuple[bytes, bytes]], rate: float,
    on_send: Callable[[int, float], None],
) -> float:
    """Offer records at a fixed `rate` per second; `on_send(index, wall_time)` stamps each.

    Each record leaves with no linger, the way a live feed publishes. Returns the rate achieved.
    """
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=0, acks=1)
    await producer.start()
    try:
        # Metadata and connections first, or the first records wait on them on our clock.
        await producer.partitions_for(topic)
        start = time.perf_counter()
        sent = 0
        while sent < len(records):
            due = min(len(records), int((time.perf_counter() - start) * rate) + 1)
            while sent < due:
                key, value = records[sent]
                on_send(sent, time.time())
                await producer.send(topic, key=key, value=value)
                sent += 1
            await asyncio.sleep(max(0.0, start + sent / rate - time.perf_counter()))
        elapsed = time.perf_counter() - start
        await producer.flush()
    finally:
        await producer.stop()
    return len(records) / elapsed if elapsed > 0 else float(len(records))
