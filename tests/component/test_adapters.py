"""The agents' handlers, with the real pipeline and stand-in topics and table whose
acknowledgements the test controls: an input is finished (and may be acked, then committed)
only once everything it produced is acknowledged; alerts are published before the state that
remembers them is written; a failed produce ends as a dead letter, never as a silent commit."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pytest

from schemas.dead_letter import DeadLetter
from schemas.event import EventKind
from services.adapters import acks
from services.adapters.classify import handle_article
from services.adapters.correlate import StateCache, handle_event
from services.common.codec import encode
from services.common.metrics import Metrics
from services.common.settings import load_settings
from services.pipeline import Pipeline
from services.runtime import Runtime
from tests.unit.factories import event
from tests.unit.test_seed_classify import SEED

STAMP = datetime(2022, 5, 10, 12, tzinfo=UTC).timestamp()


@dataclass
class Journal:
    """What was produced, in order: (what, key)."""

    entries: list[tuple[str, bytes]] = field(default_factory=list)
    fail: dict[str, int] = field(default_factory=dict)  # what -> sends still to fail
    hold: dict[str, asyncio.Future[None]] = field(default_factory=dict)  # what -> gate

    def ack(self, what: str, key: bytes) -> asyncio.Future[Any]:
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        if self.fail.get(what, 0) > 0:
            self.fail[what] -= 1
            future.set_exception(RuntimeError(f"{what}: broker said no"))
            return future
        self.entries.append((what, key))
        gate = self.hold.get(what)
        if gate is None:
            future.set_result(None)
        else:
            gate.add_done_callback(lambda _: future.set_result(None))
        return future

    def kinds(self) -> list[str]:
        return [what for what, _ in self.entries]


@dataclass
class Topic:
    name: str
    journal: Journal
    values: list[bytes] = field(default_factory=list)

    async def send(self, key: bytes, value: bytes, **_: Any) -> asyncio.Future[Any]:
        self.values.append(value)
        return self.journal.ack(self.name, key)


@dataclass
class Table:
    journal: Journal
    data: dict[bytes, bytes] = field(default_factory=dict)
    last_write: Any = None

    def get(self, key: bytes) -> bytes | None:
        return self.data.get(key)

    def __setitem__(self, key: bytes, value: bytes) -> None:
        self.data[key] = value
        self.last_write = self.journal.ack("state", key)


@dataclass
class Message:
    topic: str = "articles"
    partition: int = 0
    offset: int = 7
    key: bytes = b"k"
    timestamp: float = STAMP


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(acks, "FIRST_PAUSE_S", 0.001)


@pytest.fixture
def journal() -> Journal:
    return Journal()


@pytest.fixture
def rt(pipeline: Pipeline, journal: Journal) -> Runtime:
    return Runtime(settings=load_settings(), app=None, pipeline=pipeline,
                   metrics=Metrics.create(), deliverer=None,  # type: ignore[arg-type]
                   articles=None, events=Topic("events", journal),
                   alerts=Topic("alerts", journal), dead_letters=Topic("dead", journal),
                   state=Table(journal))


def _seed() -> bytes:
    return json.dumps({"id": "seed", "body": SEED, "published_at": "2022-05-10"}).encode()


def _dead(rt: Runtime) -> list[DeadLetter]:
    return [DeadLetter.model_validate_json(v) for v in rt.dead_letters.values]


async def test_article_is_finished_only_when_its_events_are_acknowledged(
    rt: Runtime, journal: Journal
) -> None:
    gate: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    journal.hold["events"] = gate
    task = asyncio.create_task(handle_article(rt, Message(), _seed()))
    await asyncio.sleep(0.05)
    assert journal.kinds() and set(journal.kinds()) == {"events"}
    assert not task.done()  # not acknowledged yet: the article must not be acked
    gate.set_result(None)
    await asyncio.wait_for(task, 1)
    assert _dead(rt) == []


async def test_a_failed_event_publish_is_retried(rt: Runtime, journal: Journal) -> None:
    journal.fail["events"] = 2
    await handle_article(rt, Message(), _seed())
    assert "events" in journal.kinds() and _dead(rt) == []


async def test_events_never_published_become_a_dead_letter(rt: Runtime, journal: Journal) -> None:
    journal.fail["events"] = 100
    await handle_article(rt, Message(), _seed())
    [letter] = _dead(rt)
    assert letter.reason.startswith("events not published: events: RuntimeError")
    assert letter.original() == _seed() and (letter.topic, letter.offset) == ("articles", 7)


async def test_a_dead_letter_is_retried_until_the_broker_has_it(
    rt: Runtime, journal: Journal
) -> None:
    journal.fail["dead"] = 6  # more than the attempts any other record gets
    await handle_article(rt, Message(), b"{not json")
    assert journal.kinds() == ["dead"]
    assert journal.fail["dead"] == 0


async def test_alerts_are_published_before_the_state_that_remembers_them(
    rt: Runtime, journal: Journal
) -> None:
    cache = StateCache()
    claim = event(EventKind.CLAIM)
    denial = event(EventKind.DENIAL, actor="Tajikistan")
    await handle_event(rt, Message(topic="events"), encode(claim), cache)
    assert journal.kinds() == ["state"]  # a claim alone: no alert
    await handle_event(rt, Message(topic="events"), encode(denial), cache)
    assert journal.kinds() == ["state", "alerts", "state"]


async def test_an_alert_never_published_leaves_the_state_unchanged(
    rt: Runtime, journal: Journal
) -> None:
    cache = StateCache()
    await handle_event(rt, Message(topic="events"), encode(event(EventKind.CLAIM)), cache)
    before = rt.state.get(b"TJ")
    journal.fail["alerts"] = 100
    denial = event(EventKind.DENIAL, actor="Tajikistan")
    await handle_event(rt, Message(topic="events"), encode(denial), cache)
    assert rt.state.get(b"TJ") == before  # nothing remembered: a replay raises it again
    [letter] = _dead(rt)
    assert letter.stage == "correlate" and letter.reason.startswith("alerts not published")
    journal.fail.clear()
    await handle_event(rt, Message(topic="events"), encode(denial), cache)
    assert journal.kinds()[-2:] == ["alerts", "state"]


async def test_an_event_dated_after_its_record_time_is_dead_lettered(
    rt: Runtime, journal: Journal
) -> None:
    future = event(EventKind.CLAIM, day=date(2099, 1, 1))
    await handle_event(rt, Message(topic="events"), encode(future))
    [letter] = _dead(rt)
    assert "dated after its record time" in letter.reason
    assert "state" not in journal.kinds()
