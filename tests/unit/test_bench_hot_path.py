"""The changes the benchmark's profile led to, checked for what they must not change."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

from schemas.event import EventKind
from services.adapters.classify import freeze_heap
from services.adapters.correlate import StateCache
from services.common.codec import encode
from services.common.faust_transport import DEFAULT_FETCH_MAX_WAIT_MS, ShortFetchTransport
from services.common.settings import load_settings
from services.correlator.state import CountryState
from services.pipeline import Pipeline
from services.runtime import build_runtime
from tests.unit.factories import event


def test_cache_returns_the_decoded_state_only_for_the_same_bytes_object() -> None:
    cache = StateCache()
    state = CountryState(country="TJ")
    raw = encode(state)
    cache.remember(b"TJ", raw, state)
    assert cache.load(b"TJ", raw) is state
    copy = bytes(bytearray(raw))  # equal content, another object: e.g. recovered from changelog
    assert copy is not raw
    reparsed = cache.load(b"TJ", copy)
    assert reparsed is not state and reparsed == state
    assert cache.load(b"TJ", None) is None and cache.load(b"TJ", b"") is None


def test_folding_through_the_cache_equals_parsing_every_time(pipeline: Pipeline) -> None:
    """The table holds exactly the bytes it held before; only the parsing is skipped."""
    events = [
        event(EventKind.CLAIM, day=date(2022, 5, d), count=d) for d in (1, 3, 20)
    ] + [event(EventKind.DENIAL, actor="Tajikistan", day=date(2022, 5, d)) for d in (2, 21)]
    table_a: dict[bytes, bytes] = {}
    table_b: dict[bytes, bytes] = {}
    cache = StateCache()
    alerts_a, alerts_b = [], []
    for e in events:
        raw_a = table_a.get(b"TJ")
        state_a, out_a = pipeline.correlate(
            CountryState.model_validate_json(raw_a) if raw_a else None, e)
        table_a[b"TJ"] = encode(state_a)
        state_b, out_b = pipeline.correlate(cache.load(b"TJ", table_b.get(b"TJ")), e)
        table_b[b"TJ"] = raw_b = encode(state_b)
        cache.remember(b"TJ", raw_b, state_b)
        alerts_a += out_a
        alerts_b += out_b
    assert table_a == table_b
    assert [encode(a) for a in alerts_a] == [encode(a) for a in alerts_b]
    assert len(alerts_a) >= 2


async def test_worker_consumer_waits_briefly_for_fetches() -> None:
    """Faust's 1.5 s fetch wait is replaced on the consumer the worker builds."""
    rt = build_runtime(load_settings(kafka_bootstrap="127.0.0.1:1", metrics_port=0))
    transport = rt.app.transport
    assert isinstance(transport, ShortFetchTransport)
    assert transport.fetch_max_wait_ms == DEFAULT_FETCH_MAX_WAIT_MS < 1500
    thread = rt.app.consumer._thread
    consumer = thread._create_worker_consumer(transport)
    try:
        assert consumer._fetch_max_wait_ms == DEFAULT_FETCH_MAX_WAIT_MS
    finally:
        await consumer.stop()
        thread.thread_loop.close()  # made with the thread, which never started here


def test_freeze_heap_takes_existing_objects_out_of_collections() -> None:
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    try:
        freeze_heap()
        assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()


def test_worker_data_directory_is_not_the_working_directory(tmp_path: Path) -> None:
    """Faust's default, '<app_id>-data' in the cwd, left a checkout full of empty folders."""
    rt = build_runtime(load_settings(kafka_bootstrap="127.0.0.1:1", metrics_port=0))
    datadir = Path(rt.app.conf.datadir)
    assert datadir.is_absolute() and Path.cwd() not in (datadir, *datadir.parents)
    chosen = load_settings(kafka_bootstrap="127.0.0.1:1", data_dir=str(tmp_path / "a" / "faust"))
    assert Path(build_runtime(chosen).app.conf.datadir) == tmp_path / "a" / "faust"
    assert (tmp_path / "a" / "faust").is_dir()  # Faust would make only the last level, at start
