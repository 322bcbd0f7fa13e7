"""`counterclaim produce` as a user runs it, against a real broker: a gzipped file with a
byte-order mark and a bad line; every good article lands on the topic, and one summary line
says what happened."""

from __future__ import annotations

import asyncio
import codecs
import gzip
import json
import os
import sys
from pathlib import Path

import pytest

from services.testing.processes import collect, topic_env

pytestmark = pytest.mark.integration

SAMPLES = Path(__file__).resolve().parents[2] / "services/demo/data/sample_articles.jsonl"


async def test_produce_a_gzipped_file_and_sum_up(broker: str, topic_prefix: str,
                                                 tmp_path: Path) -> None:
    lines = SAMPLES.read_bytes().splitlines()
    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(gzip.compress(codecs.BOM_UTF8 + b"\r\n".join([*lines, b"{oops"]) + b"\r\n"))
    topics = topic_env(topic_prefix)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("COUNTERCLAIM_")},
           **topics, "COUNTERCLAIM_KAFKA_BOOTSTRAP": broker}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "services.cli", "produce", str(path), env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _, err = await asyncio.wait_for(proc.communicate(), timeout=60)
    text = err.decode()
    assert proc.returncode == 0, text
    topic = topics["COUNTERCLAIM_TOPIC_ARTICLES"]
    assert text.strip().splitlines()[-1] == (
        f"{len(lines) + 1} articles read, 1 skipped (1 not JSON); {len(lines)} produced to {topic}")
    values = await collect(broker, topic, lambda v: len(v) >= len(lines), 30, settle_s=1)
    assert sorted(json.loads(v)["id"] for v in values) == sorted(
        json.loads(line)["id"] for line in lines)
