"""A library's repeated message is written once per window, then with the count held back;
our own lines always pass. The clock is a list we move by hand."""

from __future__ import annotations

import logging

from services.common.logging import RepeatFilter


def _record(name: str, msg: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord(name, logging.ERROR, __file__, 1, msg, args, None)


def _filter(now: list[float]) -> RepeatFilter:
    return RepeatFilter(window_s=30.0, clock=lambda: now[0])


def test_the_same_library_template_is_held_back_inside_the_window() -> None:
    now = [0.0]
    repeats = _filter(now)
    assert repeats.filter(_record("aiokafka", "Unable connect to node with id %s", 1))
    now[0] = 0.1
    assert not repeats.filter(_record("aiokafka", "Unable connect to node with id %s", 2))
    now[0] = 29.9
    assert not repeats.filter(_record("aiokafka", "Unable connect to node with id %s", 3))


def test_after_the_window_the_line_says_how_many_were_held_back() -> None:
    now = [0.0]
    repeats = _filter(now)
    repeats.filter(_record("aiokafka.consumer.fetcher", "Failed fetch from %s", 7))
    for step in range(1, 5):
        now[0] = step
        repeats.filter(_record("aiokafka.consumer.fetcher", "Failed fetch from %s", 7))
    now[0] = 31.0
    record = _record("aiokafka.consumer.fetcher", "Failed fetch from %s", 8)
    assert repeats.filter(record)
    assert record.getMessage() == "Failed fetch from 8 [4 like it in the last 30 s held back]"


def test_other_templates_and_other_loggers_are_not_held_back() -> None:
    now = [0.0]
    repeats = _filter(now)
    assert repeats.filter(_record("aiokafka", "Unable to update metadata from %s", 1))
    assert repeats.filter(_record("aiokafka", "Heartbeat failed: %s", "x"))
    assert repeats.filter(_record("faust", "Unable to update metadata from %s", 1))


def test_our_own_lines_always_pass() -> None:
    now = [0.0]
    repeats = _filter(now)
    for _ in range(3):
        assert repeats.filter(_record("services.worker", "worker not ready"))
