"""`counterclaim evaluate LABELLED.jsonl...`: score counterclaim on labelled news.

Reads the files (bad lines reported by number and skipped), mixes them into one stream, runs
the pipeline in-process and prints the scores: a table on stdout (or one JSON object with
`--json`), problems and a summary line on stderr.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

import orjson

from services.common.lines import Progress, Source, Summary, open_input
from services.common.settings import Settings
from services.evaluation.countries import CountryMapper
from services.evaluation.labels import Labelled, Problem, read_labelled
from services.evaluation.report import Report, as_json, render_text
from services.evaluation.run import run_pipeline
from services.evaluation.scoring import Claimants, score_events, score_incidents
from services.evaluation.stream import in_stream_order

# Undated articles that name no incident take this day: the shared corpora's scorer's choice,
# kept so that both scorers put every article at the same place in the stream.
DEFAULT_DAY = date(2022, 1, 1)


@dataclass(frozen=True)
class Options:
    files: Sequence[str]
    claimants: Claimants = "non_state"
    as_json: bool = False
    verbose: bool = False
    min_recall: float = 0.0
    min_precision: float = 0.0
    default_day: date = DEFAULT_DAY


def load(files: Sequence[str], sources: list[Source] | None = None,
         ) -> tuple[list[Labelled], list[Problem]]:
    records: list[Labelled] = []
    problems: list[Problem] = []
    for path in files:
        with open_input(path) as handle:
            if sources is not None:
                sources.append(handle)
            for item in read_labelled(handle, handle.name):
                if isinstance(item, Problem):
                    problems.append(item)
                else:
                    records.append(item)
    return records, problems


def evaluate(records: Sequence[Labelled], settings: Settings, claimants: Claimants,
             today: date, default_day: date = DEFAULT_DAY,
             progress: Progress | None = None) -> Report:
    """Score `records`. State claims alert only when the settings allow them, so scoring
    state-claimed incidents turns that on (`COUNTERCLAIM_STATE_CLAIMANTS`)."""
    from services.runtime import pipeline_for

    if claimants != "non_state" and not settings.state_claimants:
        settings = settings.model_copy(update={"state_claimants": True})
    stream = in_stream_order(records, default_day)
    outcome = run_pipeline(stream, pipeline_for(settings), today,
                           progress.tick if progress is not None else None)
    mapper = CountryMapper()
    return Report(
        articles=len(records),
        labelled=sum(1 for r in records if r.is_labelled),
        events=score_events(records, outcome.events, mapper),
        incidents=score_incidents(records, outcome.alerts, claimants, mapper),
        languages=outcome.languages,
        failed=outcome.failed,
        unknown_countries=sorted(mapper.unknown),
    )


def run_evaluate(options: Options, settings: Settings) -> int:
    """0, or 1 when a `--min-*` threshold is not met, 2 when no labelled article was read."""
    started = time.monotonic()
    summary = Summary()
    records, problems = load(options.files, summary.sources)
    for problem in problems:
        print(problem, file=sys.stderr)
        summary.skip(problem.reason)
    summary.read = len(records) + len(problems)
    if not records:
        print("counterclaim evaluate: no labelled articles in "
              + ", ".join(options.files), file=sys.stderr)
        print(summary.line(summary.sources), file=sys.stderr)
        return 2
    progress = Progress("evaluate", total=len(records))
    report = evaluate(records, settings, options.claimants, datetime.now(UTC).date(),
                      options.default_day, progress)
    progress.done()
    if report.unknown_countries:
        print("counterclaim evaluate: label countries with no ISO code (statements about them "
              f"never match): {', '.join(report.unknown_countries)}", file=sys.stderr)
    if options.as_json:
        print(orjson.dumps(as_json(report)).decode())
    else:
        print(render_text(report, verbose=options.verbose))
    sys.stdout.flush()
    summary.languages.update(report.languages)
    print(f"{summary.line(summary.sources)}; scored in {time.monotonic() - started:.1f}s",
          file=sys.stderr)
    recall = report.incidents.recall.value
    precision = report.incidents.precision.value
    met = ((recall is None or recall >= options.min_recall)
           and (precision or 0.0) >= options.min_precision)
    return 0 if met else 1
