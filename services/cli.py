"""`counterclaim` command line: thin adapters around the pure pipeline and the Faust runtime."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from services.common.lines import Progress, open_input
from services.common.logging import configure_logging, get_logger
from services.common.settings import ConfigError, Settings, load_settings

log = get_logger("counterclaim")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"counterclaim: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level, settings.log_format)
    try:
        code: int = args.handler(args, settings)
        return code
    except FileNotFoundError as exc:
        print(f"counterclaim: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counterclaim",
        description="Alerts when an armed group's claim of an attack is contradicted by a state.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

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

    produced, skipped = asyncio.run(produce_file(settings, args.file))
    print(f"produced {produced} articles to {settings.topic_articles}; skipped {skipped} bad lines",
          file=sys.stderr)
    return 1 if (args.strict and skipped) else 0


def _offline(args: argparse.Namespace, settings: Settings, replay: bool) -> int:
    """classify / replay: bad or failing lines are reported by number and skipped."""
    from services.offline import classify_lines, replay_lines
    from services.runtime import pipeline_for

    run = replay_lines if replay else classify_lines
    today = datetime.now(UTC).date()
    progress = Progress("replay" if replay else "classify")
    with open_input(args.file) as handle:
        tally = run(_ticking(handle, progress), pipeline_for(settings),
                    args.default_date or today, today, sys.stdout, sys.stderr,
                    settings.max_article_bytes)
    progress.done()
    sys.stdout.flush()
    if tally.skipped:
        print(f"{tally.skipped} of {tally.read} lines skipped", file=sys.stderr)
    return 0


def _ticking(lines: Iterable[bytes], progress: Progress) -> Iterator[bytes]:
    for line in lines:
        progress.tick()
        yield line


def _classify(args: argparse.Namespace, settings: Settings) -> int:
    return _offline(args, settings, replay=False)


def _replay(args: argparse.Namespace, settings: Settings) -> int:
    return _offline(args, settings, replay=True)


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
