"""Consumer lag per assigned partition, measured from inside the worker.

Lag is the partition's high watermark (next offset to be written) minus the group's committed
offset (next offset to process), the figure Kafka's own tools report. Only the topics the agents
read count: table changelogs are written by the worker and read back only during recovery, so
their "lag" would grow forever and mean nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable, Mapping
from typing import Any

from prometheus_client import Gauge

Partition = tuple[str, int]


def _key(tp: Any) -> Partition:
    return (str(tp[0]), int(tp[1]))


def committed_offsets(consumer: Any) -> dict[Partition, int]:
    """Faust's record of its last commit per partition (None until it first commits/seeks).

    Faust keeps this on the consumer (`_committed_offset`) and updates it on every commit; it has
    no public accessor, so read it defensively.
    """
    raw: Mapping[Any, int | None] = getattr(consumer, "_committed_offset", None) or {}
    return {_key(tp): offset for tp, offset in dict(raw).items() if offset is not None}


async def measure_lag(
    consumer: Any, topics: Iterable[str], timeout_s: float = 10.0
) -> dict[Partition, int]:
    """Records behind the end, for every assigned partition of `topics`.

    Callers name the topics their agents read, which leaves out what Faust assigns for itself
    (table changelogs, the `-__assignor-__leader` topic).
    """
    wanted = set(topics)
    tps = sorted((tp for tp in consumer.assignment() if tp[0] in wanted), key=_key)
    if not tps:
        return {}
    highwaters = {
        _key(tp): high
        for tp, high in (await asyncio.wait_for(consumer.highwaters(*tps), timeout_s)).items()
    }
    committed = committed_offsets(consumer)
    uncommitted = [tp for tp in tps if _key(tp) not in committed]
    earliest: dict[Partition, int] = {}
    if uncommitted:
        found = await asyncio.wait_for(consumer.earliest_offsets(*uncommitted), timeout_s)
        earliest = {_key(tp): offset for tp, offset in found.items() if offset is not None}
    lags: dict[Partition, int] = {}
    for tp in tps:
        key = _key(tp)
        high = highwaters.get(key)
        if high is None:
            continue
        base = committed.get(key, earliest.get(key, 0))
        lags[key] = max(0, int(high) - int(base))
    return lags


def publish_lag(gauge: Gauge, group: str, lags: Mapping[Partition, int],
                previous: Iterable[Partition] = ()) -> set[Partition]:
    """Set the gauge per partition of consumer `group`; drop partitions no longer assigned here.

    Returns the partitions now exported, to pass back as `previous` next time.
    """
    for topic, partition in set(previous) - set(lags):
        with contextlib.suppress(KeyError):
            gauge.remove(group, topic, str(partition))
    for (topic, partition), lag in lags.items():
        gauge.labels(group, topic, str(partition)).set(lag)
    return set(lags)


async def rewind(consumer: Any, offsets: Mapping[Partition, int]) -> None:
    """Seek each partition back to `offsets` (its committed offset), so its records after the
    commit are read again; a partition no longer assigned is left alone."""
    assigned = {_key(tp): tp for tp in consumer.assignment()}
    for key, offset in sorted(offsets.items()):
        tp = assigned.get(key)
        if tp is not None:
            await consumer.seek(tp, offset)
