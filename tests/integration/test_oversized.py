"""Oversized input is never lost silently and never stops the worker or `produce`.

A 1 MB article and an 800 KB invalid record end as dead letters that keep the reason, where
the record was and a clipped prefix of it; two 600 KB claims end in a correct alert with
clipped evidence; the article after them is processed. Real broker, a real worker.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer

from schemas.alert import Alert
from schemas.dead_letter import MAX_ORIGINAL_BYTES, DeadLetter
from services.common.settings import load_settings
from services.pipeline import EVIDENCE_MAX_CHARS
from services.producer import produce_file
from services.testing.processes import (
    WorkerProcess,
    collect,
    create_topics,
    topic_env,
    worker_env,
)
from services.testing.stream import final_alerts
from tests.unit.test_seed_classify import SEED

pytestmark = [pytest.mark.integration, pytest.mark.timeout(150)]

FILLER = " ".join(["and the group said its fighters were ready for more"] * 11_500)
DENIAL = ("Tajikistan border guards denied on May 8 that any rockets had crossed from "
          "Afghanistan, saying only bullets hit the posts.")


def _doc(article_id: str, body: str, day: str = "2022-05-08") -> bytes:
    return json.dumps({"id": article_id, "body": body, "published_at": day}).encode()


async def test_oversized_records_end_as_dead_letters_or_clipped_alerts(
    broker: str, topic_prefix: str, tmp_path: Path
) -> None:
    topics = topic_env(topic_prefix)
    env = worker_env(broker, COUNTERCLAIM_MAX_ARTICLE_BYTES="900000", **topics)
    articles = topics["COUNTERCLAIM_TOPIC_ARTICLES"]
    await create_topics(broker, [articles])
    huge = _doc("huge", "ISKP claimed it fired rockets into Tajikistan " + "x" * 999_800)
    invalid = b"{not json " + b"y" * 800_000
    claims = [_doc(f"long-{n}", "ISKP claimed that it fired seven rockets into Tajikistan "
                   f"on May 7, {FILLER}.") for n in range(2)]
    assert len(huge) > 900_000 and all(550_000 < len(c) < 900_000 for c in claims)
    records = [(b"huge", huge), (b"invalid", invalid), *((b"TJ", c) for c in claims),
               (b"TJ", _doc("denial", DENIAL)), (b"TJ", _doc("seed", SEED, "2022-05-10"))]
    worker = WorkerProcess(env, tmp_path / "worker.log").start()
    producer = AIOKafkaProducer(bootstrap_servers=broker, acks="all",
                                max_request_size=1_048_576)
    await producer.start()
    try:
        for key, value in records:
            await producer.send_and_wait(articles, key=key, value=value)

        def cites_seed(values: list[bytes]) -> bool:
            return any("seed" in {c.article_id for c in a.claims}
                       for a in final_alerts(values).values())

        alerts = final_alerts(await collect(broker, topics["COUNTERCLAIM_TOPIC_ALERTS"],
                                            cites_seed, 90, settle_s=2))
        dead = [DeadLetter.model_validate_json(v) for v in await collect(
            broker, topics["COUNTERCLAIM_TOPIC_DEAD_LETTERS"], lambda v: len(v) >= 2, 30,
            settle_s=1)]
        assert worker.alive(), worker.log_text()[-3000:]
    finally:
        await producer.stop()
        await asyncio.to_thread(worker.stop)

    by_original = {d.original_size: d for d in dead}
    assert set(by_original) == {len(huge), len(invalid)}
    for original, letter in ((huge, by_original[len(huge)]), (invalid, by_original[len(invalid)])):
        assert letter.original_clipped and letter.original() == original[:MAX_ORIGINAL_BYTES]
        assert letter.topic == articles and letter.offset is not None
        assert letter.partition is not None and letter.stage == "classify"
    assert "over the limit" in by_original[len(huge)].reason
    assert "not JSON" in by_original[len(invalid)].reason

    tj: Alert = next(a for a in alerts.values() if a.target_country == "TJ")
    long_claims = [c for c in tj.claims if c.article_id.startswith("long-")]
    assert len(long_claims) == 2
    for ref in long_claims:
        assert len(ref.evidence.text) == EVIDENCE_MAX_CHARS  # clipped ...
        assert ref.evidence.end - ref.evidence.start > 500_000  # ... offsets kept whole
    assert len(tj.model_dump_json()) < 100_000
    assert any(c.article_id == "seed" for a in alerts.values() for c in a.claims)


async def test_produce_skips_bad_and_oversized_lines_and_sends_the_rest(
    broker: str, topic_prefix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    topic = f"{topic_prefix}.articles"
    await create_topics(broker, [topic])
    lines = [_doc("first", "A first article."), _doc("big", "z" * 300_000), b"not json",
             _doc("last", "A last article.")]
    path = tmp_path / "articles.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    settings = load_settings(kafka_bootstrap=broker, topic_articles=topic)
    produced, skipped = await produce_file(settings, str(path))
    assert (produced, skipped) == (2, 2)
    err = capsys.readouterr().err
    assert "line 2: skipped: article of 300" in err and "line 3: skipped:" in err
    got = await collect(broker, topic, lambda v: len(v) >= 2, 20, settle_s=1)
    assert sorted(json.loads(v)["id"] for v in got) == ["first", "last"]
