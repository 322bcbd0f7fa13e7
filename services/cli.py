"""`counterclaim` command line: thin adapters around the pure pipeline and the Faust runtime."""

from __future__ import annotations

import argparse
import asyncio
import sys
import traceback
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from services.common.lines import InputError, Progress, Summary, open_input
from services.common.logging import configure_logging, get_logger
from services.common.settings import ConfigError, Settings, load_settings

log = get_logger("counterclaim")
DEBUG_HELP = "debug logs, and the Python traceback of an error"


def _sub_parser(common: argparse.ArgumentParser) -> type[argparse.ArgumentParser]:
    class SubParser(argparse.ArgumentParser):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("parents", [common])
            super().__init__(*args, **kwargs)

    return SubParser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"counterclaim: {exc}", file=sys.stderr)
        return 2
    if args.debug:
        settings = settings.model_copy(update={"log_level": "debug"})
    configure_logging(settings.log_level, settings.log_format)
    try:
        code: int = args.handler(args, settings)
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        return _failed(args.command, exc, settings)


def _failed(command: str, exc: Exception, settings: Settings) -> int:
    """One line a person can act on; the traceback only with --debug (or LOG_LEVEL=debug)."""
    if settings.log_level == "debug":
        traceback.print_exception(exc)
    if isinstance(exc, InputError | FileNotFoundError):
        print(f"counterclaim {command}: {exc}", file=sys.stderr)
        return 2
    from aiokafka.errors import KafkaConnectionError

    from services.common.reach import unreachable

    if isinstance(exc, KafkaConnectionError):
        print(f"counterclaim {command}: {unreachable(settings)}", file=sys.stderr)
        return 1
    hint = "" if settings.log_level == "debug" else " (--debug shows the traceback)"
    print(f"counterclaim {command}: failed: {type(exc).__name__}: {exc}{hint}", file=sys.stderr)
    return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counterclaim",
        description="Alerts when an armed group's claim of an attack is contradicted by a state.",
    )
    parser.add_argument("--debug", action="store_true", help=DEBUG_HELP)
    # Also after the command (`counterclaim produce --debug FILE`), without resetting the flag.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=DEBUG_HELP)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_sub_parser(common))

    p = sub.add_parser("worker", help="run the Faust worker (all stages)")
    p.set_defaults(handler=_worker)

    p = sub.add_parser("ingest", help="poll RSS/Atom feeds and produce their articles")
    p.add_argument("--feeds", default=None,
                   help="feeds file (YAML); default: COUNTERCLAIM_FEEDS")
    p.set_defaults(handler=_ingest)

    p = sub.add_parser("produce", help="publish Article JSON lines to the articles topic")
    p.add_argument("file", help="JSON-lines file, or - for stdin")
    p.add_argument("--strict", action="store_true", help="exit 1 when any line was skipped")
    p.set_defaults(handler=_produce)

    for name, handler, text in (
        ("classify", _classify, "print the events of each article as JSON lines"),
        ("replay", _replay, "classify + correlate without a broker; print alerts as JSON lines"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("file", help="JSON-lines file of articles, or - for stdin")
        p.add_argument("--default-date", type=date.fromisoformat, default=None,
                       help="publication date for articles without one (default: today, UTC)")
        p.set_defaults(handler=handler)

    p = sub.add_parser("evaluate", help="score counterclaim on labelled articles")
    p.add_argument("files", nargs="+", metavar="LABELLED.jsonl",
                   help="labelled articles (JSON lines, see the README); several mix into one stream")
    p.add_argument("--claimants", choices=["non_state", "state", "all"], default="non_state",
                   help="incidents to count: claims by armed groups (default), by states, or all")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--verbose", action="store_true", help="list missed incidents and false alerts")
    p.add_argument("--min-recall", type=float, default=0.0, help="exit 1 below this incident recall")
    p.add_argument("--min-precision", type=float, default=0.0,
                   help="exit 1 below this alert precision")
    p.add_argument("--default-date", type=date.fromisoformat, default=None,
                   help="date of undated articles that name no incident (default 2022-01-01)")
    p.set_defaults(handler=_evaluate)

    p = sub.add_parser("schemas", help="write the JSON Schemas of the wire contracts")
    p.add_argument("directory", type=Path)
    p.set_defaults(handler=_schemas)

    p = sub.add_parser("webhook-test", help="send a signed sample alert to a webhook URL")
    p.add_argument("url")
    p.add_argument("--secret", default=None)
    p.add_argument("--format", choices=["native", "cloudevents", "alertmanager"], default="native")
    p.add_argument("--timeout", type=float, default=10.0)
    p.set_defaults(handler=_webhook_test)

    p = sub.add_parser("bench", help="measure extraction, pass-through and pipeline throughput")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--quick", action="store_true", help="smaller runs (for tests)")
    p.set_defaults(handler=_bench)

    p = sub.add_parser("demo", help="embedded broker + worker + webhook receiver + sample news")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the alerts")
    p.add_argument("--feeds", action="store_true",
                   help="start from RSS/Atom feeds on a local web server, via `counterclaim ingest`")
    p.set_defaults(handler=_demo)
    return parser


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    from services.worker import run_worker

    return run_worker(settings)


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from services.ingest.service import run_ingest

    return run_ingest(settings, args.feeds)


def _produce(args: argparse.Namespace, settings: Settings) -> int:
    from services.producer import produce_file

    summary = Summary()
    produced, skipped = asyncio.run(produce_file(settings, args.file, summary))
    print(f"{summary.line(summary.sources, languages=False)}; {produced} produced to "
          f"{settings.topic_articles}", file=sys.stderr)
    return 1 if (args.strict and skipped) else 0


def _offline(args: argparse.Namespace, settings: Settings, replay: bool) -> int:
    """classify / replay: bad or failing lines are reported by number and skipped; one
    summary line at the end."""
    from services.offline import classify_lines, replay_lines
    from services.runtime import pipeline_for

    run = replay_lines if replay else classify_lines
    today = datetime.now(UTC).date()
    with open_input(args.file) as source:  # a missing file or a directory: said at once
        pipeline = pipeline_for(settings)
        progress = Progress("replay" if replay else "classify", source)
        tally = run(_ticking(source, progress), pipeline, args.default_date or today, today,
                    sys.stdout, sys.stderr, settings.max_article_bytes)
        progress.done()
    sys.stdout.flush()
    summary = Summary(read=tally.read, skipped=tally.reasons, languages=tally.languages,
                      sources=[source])
    print(summary.line(summary.sources), file=sys.stderr)
    return 0


def _ticking(lines: Iterable[bytes], progress: Progress) -> Iterator[bytes]:
    for line in lines:
        progress.tick()
        yield line


def _classify(args: argparse.Namespace, settings: Settings) -> int:
    return _offline(args, settings, replay=False)


def _replay(args: argparse.Namespace, settings: Settings) -> int:
    return _offline(args, settings, replay=True)




def _evaluate(args: argparse.Namespace, settings: Settings) -> int:
    from services.evaluation.command import DEFAULT_DAY, Options, run_evaluate

    return run_evaluate(Options(files=args.files, claimants=args.claimants, as_json=args.json,
                                verbose=args.verbose, min_recall=args.min_recall,
                                min_precision=args.min_precision,
                                default_day=args.default_date or DEFAULT_DAY), settings)


def _schemas(args: argparse.Namespace, settings: Settings) -> int:
    from schemas.export import write_all

    for path in write_all(args.directory):
        print(path, file=sys.stderr)
    return 0


def _webhook_test(args: argparse.Namespace, settings: Settings) -> int:
    from services.alerter.webhook_test import run_webhook_test

    return run_webhook_test(args.url, secret=args.secret, fmt=args.format, timeout_s=args.timeout)


def _bench(args: argparse.Namespace, settings: Settings) -> int:
    from services.bench.run import run_bench

    return run_bench(as_json=args.json, quick=args.quick)


def _demo(args: argparse.Namespace, settings: Settings) -> int:
    if args.feeds:
        from services.demo.feeds_run import run_feeds_demo

        return run_feeds_demo(timeout_s=args.timeout)
    from services.demo.run import run_demo

    return run_demo(timeout_s=args.timeout)


if __name__ == "__main__":
    raise SystemExit(main())
