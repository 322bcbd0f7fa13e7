"""The labelled files as one stream, in the order a feed would deliver it.

Several files mix into one stream sorted by publication date (stable: ties keep file order).
An article without a date takes the day its incident was first reported (a feed would carry
one), else the latest incident day its labels name, else `default_day`, so that scores do not
depend on the day the evaluation runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from services.evaluation.labels import Labelled

_DAY = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")


def first_seen(records: Sequence[Labelled]) -> dict[str, str]:
    """Incident -> the earliest publication date of an article mainly about it."""
    seen: dict[str, str] = {}
    for record in records:
        if record.published_at and record.incident_id:
            known = seen.get(record.incident_id)
            seen[record.incident_id] = min(known, record.published_at) if known else record.published_at
    return seen


def as_day(text: str | None) -> date | None:
    """"2022-05-07", "2022-05-07T10:00:00Z" or "2022-05" (its first day) -> a date."""
    match = _DAY.match(text or "")
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        return date(int(year), int(month), int(day or 1))
    except ValueError:
        return None


def _label_day(record: Labelled) -> date | None:
    days = [as_day(e.incident_date) for e in record.labels.events or ()]
    known = [d for d in days if d is not None]
    return max(known) if known else None


def in_stream_order(records: Sequence[Labelled], default_day: date) -> list[Labelled]:
    """Every record dated (see the module doc), sorted by its publication date."""
    seen = first_seen(records)
    dated: list[tuple[str, Labelled]] = []
    for record in records:
        when = record.published_at
        if not when:
            day = as_day(seen.get(record.incident_id or "")) or _label_day(record) or default_day
            when = day.isoformat()
            record = Labelled(article=record.article.model_copy(update={"published_at": day}),
                              incident_id=record.incident_id, labels=record.labels,
                              published_at=when)
        dated.append((when, record))
    dated.sort(key=lambda pair: pair[0])
    return [record for _, record in dated]
