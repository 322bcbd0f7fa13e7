"""The shipped labelled sample: well formed, and the README shows what `evaluate` prints on it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import orjson
import pytest

import services.runtime
from services.common.settings import Settings
from services.evaluation.command import evaluate, load
from services.evaluation.report import render_text
from services.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "services/evaluation/data/sample.jsonl"
README_BLOCK = re.compile(
    r"<!-- evaluate: (?P<file>\S+) -->\n```\n\$ \.venv/bin/counterclaim evaluate (?P=file)\n"
    r"(?P<table>.*?)\n```", re.S)


def test_sample_labels_are_well_formed_and_quote_their_articles() -> None:
    records, problems = load([str(ROOT / SAMPLE)])
    assert problems == []
    assert len(records) >= 30
    assert len({r.article.id for r in records}) == len(records)
    for line in (ROOT / SAMPLE).read_bytes().splitlines():
        data = orjson.loads(line)
        for label in data["labels"].get("events") or ():
            for text in label["evidence"]:
                assert text in data["body"], (data["id"], text)
    categories = {r.labels.incident_category for r in records if r.is_labelled}
    assert {"A", "B", "C"} <= categories
    assert any(not r.is_labelled for r in records)


def test_readme_table_is_what_evaluate_prints_on_the_sample(
        pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    # The session's pipeline is the one `evaluate` builds from default settings.
    monkeypatch.setattr(services.runtime, "pipeline_for", lambda settings: pipeline)
    records, _ = load([str(ROOT / SAMPLE)])
    report = evaluate(records, Settings(), "non_state", date.today())
    block = README_BLOCK.search((ROOT / "README.md").read_text())
    assert block is not None and block["file"] == SAMPLE
    assert block["table"] == render_text(report), (
        "README's evaluate table is stale: paste the output of "
        f"`.venv/bin/counterclaim evaluate {SAMPLE}`")
