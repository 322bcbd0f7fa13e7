"""The watches behind liveness and the 'not progressing' line, on a clock the test turns."""

from __future__ import annotations

from types import SimpleNamespace

from services.common.health import StuckWatch, consumer_diagnostics


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_watch_fires_only_when_nothing_moves_for_longer_than_its_limit() -> None:
    clock = Clock()
    watch = StuckWatch(30.0, clock=clock)
    watch.observe(False, (("articles", 0), 10))
    clock.now = 29.0
    watch.observe(False, (("articles", 0), 10))
    assert not watch.stuck()
    clock.now = 31.0
    watch.observe(False, (("articles", 0), 10))
    assert watch.stuck() and watch.stalled_s() == 31.0
    watch.observe(False, (("articles", 0), 12))  # an offset moved: the stall is over
    assert not watch.stuck()
    clock.now = 100.0
    watch.observe(True, (("articles", 0), 12))  # nothing waiting: never stalled
    assert not watch.stuck()


def test_consumer_diagnostics_reads_what_exists_and_names_what_does_not() -> None:
    consumer = SimpleNamespace(
        assignment=lambda: {("articles", 1), ("articles", 0)},
        _paused_partitions={("articles", 1)},
        _active_partitions={("articles", 0)},
        _buffered_partitions=set(),
        _unacked_messages=[object(), object()],
    )
    app = SimpleNamespace(consumer=consumer, flow_control=SimpleNamespace(is_active=lambda: False))
    assert consumer_diagnostics(app) == {
        "assigned": ["articles:0", "articles:1"], "paused": ["articles:1"],
        "active": ["articles:0"], "buffered": [], "flow_active": False, "unacked": 2,
    }
    bare = consumer_diagnostics(SimpleNamespace(consumer=SimpleNamespace(assignment=_raises)))
    assert bare == {"assigned": None, "paused": None, "active": None, "buffered": None,
                    "flow_active": None, "unacked": None}


def _raises() -> set[tuple[str, int]]:
    raise RuntimeError("between generations")


async def test_task_stacks_say_where_a_named_task_waits() -> None:
    import asyncio

    from services.common.health import task_stacks

    gate = asyncio.Event()

    async def correlate_forever() -> None:
        await gate.wait()

    task = asyncio.ensure_future(correlate_forever())
    await asyncio.sleep(0)
    try:
        stacks = task_stacks(("correlate_forever",))
        assert len(stacks) == 1
        (frames,) = stacks.values()
        assert any(f.endswith("correlate_forever") for f in frames)
        assert any(f.endswith(" wait") for f in frames)  # down into Event.wait
        assert frames[-1].startswith("<")  # the awaited future itself, past the last frame
        assert task_stacks(("no_such_task",)) == {}
    finally:
        gate.set()
        await task


async def test_rewind_seeks_waiting_partitions_back_to_their_commit() -> None:
    from services.common.lag import rewind

    seeks: list[tuple[tuple[str, int], int]] = []

    async def seek(tp: tuple[str, int], offset: int) -> None:
        seeks.append((tp, offset))

    consumer = SimpleNamespace(assignment=lambda: {("a.articles", 0), ("a.events", 1)}, seek=seek)
    await rewind(consumer, {("a.events", 1): 40, ("a.articles", 0): 7, ("a.articles", 9): 3})
    assert seeks == [(("a.articles", 0), 7), (("a.events", 1), 40)]  # 9 is not ours any more
