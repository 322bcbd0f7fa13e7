"""The bundled sample articles and the alerts an offline replay derives from them.

The demo and the end-to-end tests both need "what should the stream end up with"; computing it
with `Replay` (the same classify + correlate code, no broker) keeps that answer in step with the
extractor instead of freezing today's output into a fixture.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib import resources

from schemas.alert import Alert
from schemas.article import Article
from services.common.codec import decode_article
from services.pipeline import Pipeline, Replay

SAMPLES_FILE = "sample_articles.jsonl"


@dataclass(frozen=True)
class Sample:
    """One bundled article: the exact bytes to publish and the parsed model."""

    raw: bytes
    article: Article


def load_samples() -> list[Sample]:
    """Read the package-data file, so the demo works from an installed wheel, not only a clone."""
    text = resources.files("services.demo").joinpath("data", SAMPLES_FILE).read_bytes()
    samples: list[Sample] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        try:
            samples.append(Sample(raw=line, article=decode_article(line)))
        except ValueError as exc:  # a broken bundled file is a packaging bug: say where
            raise ValueError(f"{SAMPLES_FILE} line {number}: {exc}") from exc
    return samples


def evidence_ids(alert: Alert) -> frozenset[str]:
    """Every statement behind an alert; two versions with the same set carry the same news."""
    return frozenset(
        ref.event_id for ref in (*alert.claims, *alert.denials, *alert.confirmations)
    )


def replay_final(samples: list[Sample], pipeline: Pipeline | None = None) -> dict[str, Alert]:
    """The last version of each alert an offline replay of `samples` (in order) produces."""
    replay = Replay(pipeline or Pipeline.build())
    final: dict[str, Alert] = {}
    for sample in samples:
        # Every bundled article carries its date; the fallback only guards a future edit.
        fallback = sample.article.publication_date(date(2022, 5, 10))
        for alert in replay.feed(sample.article, fallback):
            final[alert.alert_id] = alert
    return final
