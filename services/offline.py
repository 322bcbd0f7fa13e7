"""`counterclaim classify` and `replay` over JSON lines, without a broker.

One bad article never aborts a file: a line that is too large, not an Article, or that the
extractor fails on is reported on the error stream as `line N: skipped: reason` and the next
line is read. The stream does the same with dead letters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import IO

from pydantic import BaseModel

from schemas.article import Article
from services.common.codec import DecodeError, decode_article
from services.common.lines import reason_kind
from services.pipeline import Pipeline, Replay


@dataclass
class Tally:
    read: int = 0
    skipped: int = 0
    written: int = 0
    reasons: Counter[str] = field(default_factory=Counter)  # kind of skip -> lines
    languages: Counter[str] = field(default_factory=Counter)  # unread language -> articles


def articles(lines: Iterable[bytes], max_bytes: int, err: IO[str],
             tally: Tally) -> Iterator[tuple[int, Article]]:
    """Each readable article with its line number; every other non-blank line is reported."""
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        tally.read += 1
        if len(line) > max_bytes:
            skip(err, tally, number, f"line of {len(line)} bytes is over the limit of "
                                     f"{max_bytes} (COUNTERCLAIM_MAX_ARTICLE_BYTES)")
            continue
        try:
            yield number, decode_article(line)
        except DecodeError as exc:
            skip(err, tally, number, str(exc))


def skip(err: IO[str], tally: Tally, number: int, reason: str, kind: str | None = None) -> None:
    tally.skipped += 1
    tally.reasons[kind or reason_kind(reason)] += 1
    one_line = " ".join(reason.split())
    err.write(f"line {number}: skipped: {one_line}\n")


def _unread(tally: Tally, language: str | None) -> None:
    if language is not None:
        tally.languages[language] += 1


def _write(out: IO[str], tally: Tally, models: Iterable[BaseModel]) -> None:
    for model in models:
        out.write(model.model_dump_json() + "\n")
        tally.written += 1


def classify_lines(lines: Iterable[bytes], pipeline: Pipeline, fallback_day: date,
                   record_day: date, out: IO[str], err: IO[str], max_bytes: int) -> Tally:
    """Events of each article as JSON lines."""
    tally = Tally()
    for number, article in articles(lines, max_bytes, err, tally):
        try:
            result = pipeline.classify(article, fallback_day, record_day)
        except Exception as exc:  # one article's failure is that article's, not the file's
            skip(err, tally, number, f"{type(exc).__name__}: {exc}", "extractor failed")
            continue
        _unread(tally, result.skipped_language)
        _write(out, tally, result.events)
    return tally


def replay_lines(lines: Iterable[bytes], pipeline: Pipeline, fallback_day: date,
                 record_day: date, out: IO[str], err: IO[str], max_bytes: int) -> Tally:
    """Alert versions, in input order, as JSON lines (a later line supersedes an earlier
    one with the same alert_id)."""
    tally = Tally()
    replay = Replay(pipeline)
    for number, article in articles(lines, max_bytes, err, tally):
        try:
            result = pipeline.classify(article, fallback_day, record_day)
            alerts = [alert for event in result.events for alert in replay.feed_event(event)]
        except Exception as exc:
            skip(err, tally, number, f"{type(exc).__name__}: {exc}", "extractor failed")
            continue
        _unread(tally, result.skipped_language)
        _write(out, tally, alerts)
    return tally
