"""Which offsets are safe to commit while deliveries finish out of order (pure).

A record's offset may be committed only once it and every record before it in its partition
were delivered or dead-lettered; so after a crash the consumer re-reads from the oldest
unfinished record, and no alert version is skipped.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field


@dataclass
class _Partition:
    pending: set[int] = field(default_factory=set)
    next_offset: int | None = None  # one past the highest offset seen
    committed: int | None = None  # what we last reported as committed


@dataclass
class OffsetTracker:
    """Per partition: offsets begun and not yet done; the commit point is the oldest of them."""

    _parts: dict[Hashable, _Partition] = field(default_factory=dict)

    def begin(self, partition: Hashable, offset: int) -> None:
        part = self._parts.setdefault(partition, _Partition())
        part.pending.add(offset)
        if part.next_offset is None or offset + 1 > part.next_offset:
            part.next_offset = offset + 1

    def done(self, partition: Hashable, offset: int) -> None:
        """Unknown partitions (revoked meanwhile) are ignored: their new owner re-reads them."""
        part = self._parts.get(partition)
        if part is not None:
            part.pending.discard(offset)

    def position(self, partition: Hashable) -> int | None:
        """The offset to commit: the oldest unfinished one, else one past the newest seen."""
        part = self._parts.get(partition)
        if part is None or part.next_offset is None:
            return None
        return min(part.pending) if part.pending else part.next_offset

    def to_commit(self) -> dict[Hashable, int]:
        """Positions that moved since `committed` was last called for them."""
        moved = {}
        for key, part in self._parts.items():
            pos = self.position(key)
            if pos is not None and pos != part.committed:
                moved[key] = pos
        return moved

    def committed(self, offsets: dict[Hashable, int]) -> None:
        for key, offset in offsets.items():
            part = self._parts.get(key)
            if part is not None:
                part.committed = offset

    def forget(self, partitions: list[Hashable]) -> None:
        for key in partitions:
            self._parts.pop(key, None)

    def in_flight(self, partition: Hashable | None = None) -> int:
        if partition is not None:
            part = self._parts.get(partition)
            return len(part.pending) if part else 0
        return sum(len(p.pending) for p in self._parts.values())
