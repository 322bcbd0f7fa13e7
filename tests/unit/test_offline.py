"""`counterclaim classify` and `replay` never abort a file for one article: an extractor
failure, a bad or an oversized line is a skipped line with its number and reason."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from services.cli import main
from services.offline import classify_lines, replay_lines
from services.pipeline import Pipeline
from tests.unit.test_seed_classify import SEED

DAY = date(2022, 5, 10)


class Exploding:
    """A pipeline whose extractor fails on one article, as a bug would."""

    def __init__(self, real: Pipeline) -> None:
        self.real = real

    def classify(self, article: Any, fallback: date, record: date | None = None) -> Any:
        if article.id == "boom":
            raise RuntimeError("extractor bug")
        return self.real.classify(article, fallback, record)

    def correlate(self, *args: Any) -> Any:
        return self.real.correlate(*args)


def _line(article_id: str, body: str) -> bytes:
    return json.dumps({"id": article_id, "body": body, "published_at": "2022-05-10"}).encode()


@pytest.mark.parametrize("run", [classify_lines, replay_lines])
def test_one_failing_article_is_skipped_with_its_reason(pipeline: Pipeline, run: Any) -> None:
    lines = [_line("boom", SEED), b"", b"{oops", _line("big", "x" * 5_000), _line("seed", SEED)]
    out, err = io.StringIO(), io.StringIO()
    tally = run(lines, Exploding(pipeline), DAY, DAY, out, err, 4_096)
    reported = err.getvalue().splitlines()
    assert len(reported) == 3
    assert reported[0] == "line 1: skipped: RuntimeError: extractor bug"
    assert reported[1].startswith("line 3: skipped: not JSON")
    assert reported[2] == (f"line 4: skipped: line of {len(lines[3])} bytes is over the limit "
                           "of 4096 (COUNTERCLAIM_MAX_ARTICLE_BYTES)")
    assert (tally.read, tally.skipped) == (4, 3)
    assert tally.written >= 2 and "seed" in out.getvalue()  # the last line was still read


def test_cli_classify_goes_on_after_an_article_with_an_impossible_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "articles.jsonl"
    odd = json.dumps({"id": "odd", "body": "ISKP claimed it fired rockets into Tajikistan "
                      "999999 days ago.", "published_at": "0001-01-01"})
    path.write_text("\n".join([odd, "[1, 2]", _line("seed", SEED).decode()]) + "\n")
    assert main(["classify", str(path)]) == 0
    captured = capsys.readouterr()
    assert '"article_id":"seed"' in captured.out
    assert "line 2: skipped: expected a JSON object" in captured.err
