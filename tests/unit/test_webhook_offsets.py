"""Commit points while deliveries finish out of order: never past an unfinished record."""

from __future__ import annotations

from services.alerter.offsets import OffsetTracker


def test_commit_waits_for_the_oldest_unfinished_record() -> None:
    t = OffsetTracker()
    for offset in (10, 11, 12, 13):
        t.begin("p0", offset)
    assert t.position("p0") == 10
    t.done("p0", 12)
    t.done("p0", 11)
    assert t.position("p0") == 10  # 10 still in flight: a crash now must re-read 10..13
    t.done("p0", 10)
    assert t.position("p0") == 13
    t.done("p0", 13)
    assert t.position("p0") == 14  # all done: the next record to read
    assert t.in_flight() == 0


def test_partitions_are_independent() -> None:
    t = OffsetTracker()
    t.begin("p0", 5)
    t.begin("p1", 7)
    t.done("p1", 7)
    assert t.to_commit() == {"p0": 5, "p1": 8}
    assert t.in_flight("p0") == 1 and t.in_flight("p1") == 0


def test_to_commit_reports_only_moves() -> None:
    t = OffsetTracker()
    t.begin("p0", 0)
    first = t.to_commit()
    assert first == {"p0": 0}
    t.committed(first)
    assert t.to_commit() == {}
    t.done("p0", 0)
    assert t.to_commit() == {"p0": 1}


def test_revoked_partitions_are_forgotten_and_late_completions_ignored() -> None:
    t = OffsetTracker()
    t.begin("p0", 3)
    t.forget(["p0"])
    t.done("p0", 3)  # a delivery that finished after its partition moved away
    assert t.position("p0") is None
    assert t.to_commit() == {}


def test_unknown_partition_has_nothing_to_commit() -> None:
    assert OffsetTracker().position("nowhere") is None
