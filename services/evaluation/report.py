"""The evaluation as a table for people and as one JSON object for programs.

The table holds only what the labels and the pipeline decide (no timings, no paths), so the
same files give the same table on any machine: the README's copy is checked by a test.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from services.evaluation.scoring import EventScores, IncidentScores, Ratio

WIDTH = 44


@dataclass(frozen=True)
class Report:
    articles: int
    labelled: int
    events: EventScores
    incidents: IncidentScores
    languages: Counter[str] = field(default_factory=Counter)
    failed: list[tuple[str, str]] = field(default_factory=list)
    unknown_countries: list[str] = field(default_factory=list)


def _ratio(r: Ratio) -> str:
    value = f"{r.value:.2f}" if r.value is not None else "-"
    return f"{f'{r.hits}/{r.total}':>7} {value:>5}"


def _row(label: str, *cells: str) -> str:
    return f"  {label:<{WIDTH - 2}}" + "".join(f"{c:>13}   " for c in cells).rstrip()


def render_text(report: Report, verbose: bool = False) -> str:
    ev, inc = report.events, report.incidents
    lines = [
        f"{report.articles} articles: {report.labelled} labelled, "
        f"{report.articles - report.labelled} background",
        f"{'events (article, kind, target country)':<{WIDTH}}{'precision':>13}   {'recall':>13}",
    ]
    lines += [_row(k.kind, _ratio(k.precision), _ratio(k.recall)) for k in ev.kinds]
    lines += [
        _row("micro-F1", f"{ev.micro_f1:.2f}"),
        _row("events read in background articles", str(ev.unlabelled_events)),
        f"incidents (claimants: {inc.claimants})",
        _row("incidents found (recall)", _ratio(inc.recall)),
        _row("alert precision", _ratio(inc.precision)),
        _row("duplicate alerts", str(inc.duplicates)),
        _row("false alerts", str(len(inc.false_alerts))),
        _row("false alerts per 1,000 articles", f"{inc.false_per_1000:.1f}"),
    ]
    if report.languages:
        langs = ", ".join(f"{lang} {n}" for lang, n in sorted(report.languages.items()))
        count = sum(report.languages.values())
        lines.append(f"not read (language): {count} article{'' if count == 1 else 's'} ({langs})")
    if report.failed:
        lines.append(f"failed: {len(report.failed)} articles the extractor could not read")
    if verbose:
        lines += [f"missed incident: {i}" for i in inc.missed]
        lines += [f"false alert: {f.alert_id} ({f.target_country}) claims {f.claim_articles} "
                  f"denials {f.denial_articles}" for f in inc.false_alerts]
        lines += [f"failed article: {a}: {why}" for a, why in report.failed]
    return "\n".join(lines)


def _ratio_json(r: Ratio) -> dict[str, Any]:
    return {"hits": r.hits, "total": r.total, "value": r.value}


def as_json(report: Report) -> dict[str, Any]:
    ev, inc = report.events, report.incidents
    return {
        "articles": report.articles,
        "labelled": report.labelled,
        "events": {
            "kinds": {k.kind: {"precision": _ratio_json(k.precision), "recall": _ratio_json(k.recall)}
                      for k in ev.kinds},
            "micro_f1": ev.micro_f1,
            "in_background_articles": ev.unlabelled_events,
        },
        "incidents": {
            "claimants": inc.claimants,
            "recall": _ratio_json(inc.recall),
            "alert_precision": _ratio_json(inc.precision),
            "duplicates": inc.duplicates,
            "false_alerts": len(inc.false_alerts),
            "false_alerts_per_1000_articles": inc.false_per_1000,
            "missed": inc.missed,
            "found": {i: ids for i, ids in sorted(inc.found_by.items())},
            "false": [{"alert_id": f.alert_id, "target_country": f.target_country,
                       "claim_articles": f.claim_articles, "denial_articles": f.denial_articles}
                      for f in inc.false_alerts],
        },
        "unread_languages": dict(sorted(report.languages.items())),
        "failed_articles": [{"article_id": a, "reason": why} for a, why in report.failed],
        "unknown_countries": report.unknown_countries,
    }
