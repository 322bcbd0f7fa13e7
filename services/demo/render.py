"""Plain-text rendering of alerts and webhook deliveries for an analyst reading the demo.

One card per alert, at its final version: the incident, the why, every statement with the
version it arrived in, then the history (one line per version, the webhook deliveries of each
version under it). ASCII only, so the output survives any terminal encoding and a copy into a
ticket.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping, Sequence

from schemas.alert import Alert, EventRef
from services.testing.receiver import Received

WIDTH = 96
RULE = "=" * WIDTH


def country_label(code: str, names: Mapping[str, str]) -> str:
    name = names.get(code)
    return f"{name} ({code})" if name else code


def _wrap(text: str, indent: str, first: str | None = None) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent if first is None else first,
                         subsequent_indent=indent, break_on_hyphens=False)


def _incident_window(alert: Alert) -> str:
    if alert.incident_start == alert.incident_end:
        return alert.incident_start.isoformat()
    return f"{alert.incident_start.isoformat()} to {alert.incident_end.isoformat()}"


def _refs(alert: Alert) -> list[EventRef]:
    return [*alert.claims, *alert.denials, *alert.confirmations]


def arrived_in(versions: Sequence[Alert]) -> dict[str, int]:
    """Statement (event id) -> the first version that carried it."""
    first: dict[str, int] = {}
    for alert in sorted(versions, key=lambda a: a.version):
        for ref in _refs(alert):
            first.setdefault(ref.event_id, alert.version)
    return first


def _ref_lines(ref: EventRef, version: int | None) -> list[str]:
    what = f"{ref.count} {ref.weapon}" if ref.weapon and ref.count else (ref.weapon or "")
    source = ref.source or "unknown outlet"
    head = f"{ref.actor} - {source}, published {ref.published_at.isoformat()}, article {ref.article_id}"
    if what:
        head += f" - {what}"
    mark = f"v{version}" if version is not None else "  "
    return [
        _wrap(head, "       ", first=f"  {mark:<4} "),
        _wrap(f'"{ref.evidence.text.strip()}"', "         "),
    ]


def _section(title: str, refs: list[EventRef], first: Mapping[str, int]) -> list[str]:
    if not refs:
        return [f"{title}: none"]
    lines = [f"{title} ({len(refs)}):"]
    for ref in refs:
        lines.extend(_ref_lines(ref, first.get(ref.event_id)))
    return lines


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def version_line(alert: Alert, previous: Alert | None) -> str:
    """What one version added, and from which outlets: `v2  +1 claim (Kabul Evening Dispatch)`."""
    known = {r.event_id for r in _refs(previous)} if previous else set()
    parts, outlets = [], []
    for word, refs in (("claim", alert.claims), ("denial", alert.denials),
                       ("confirmation", alert.confirmations)):
        new = [r for r in refs if r.event_id not in known]
        if new:
            parts.append("+" + _plural(len(new), word))
            outlets += [r.source or r.article_id for r in new if (r.source or r.article_id) not in outlets]
    added = ", ".join(parts) or "no new statement"
    return f"v{alert.version}  {added}" + (f" ({', '.join(outlets)})" if outlets else "")


def format_delivery(received: Received, status: int) -> str:
    """One POST as the receiver saw it: the key a subscriber dedupes on, and what arrived."""
    headers = {k.lower(): v for k, v in received.headers.items()}
    try:
        body = json.loads(received.body)
        about = "" if isinstance(body, dict) and "alert_id" in body else " (not an alert)"
    except ValueError:
        about = " (not JSON)"
    return (f">> webhook: POST {received.path} -> HTTP {status} | Idempotency-Key: "
            f"{headers.get('idempotency-key', '(none)')} | {len(received.body)} bytes{about}")


def format_card(versions: Sequence[Alert], deliveries: Mapping[int, Sequence[Received]],
                names: Mapping[str, str], status: int) -> str:
    """The alert at its last version, then its history with each version's deliveries."""
    ordered = sorted({a.version: a for a in versions}.values(), key=lambda a: a.version)
    alert = ordered[-1]
    first = arrived_in(ordered)
    place = alert.location.name if alert.location and alert.location.name else None
    target = country_label(alert.target_country, names)
    where = f"{place}, {target}" if place else target
    lines = [
        RULE,
        f"ALERT: {target}  |  {alert.alert_id}  |  version {alert.version}  |  "
        f"{alert.status.value}",
        RULE,
        f"Incident:    {_incident_window(alert)}, {where}",
        f"Attacker:    {alert.attacker} ({alert.claimant_type.value.replace('_', '-')})",
        f"In conflict: {', '.join(alert.contradictions)}",
        _wrap(alert.why, "             ", first="Why:         "),
    ]
    lines += _section("Claims", alert.claims, first)
    lines += _section("Denials", alert.denials, first)
    lines += _section("Confirmations", alert.confirmations, first)
    lines.append(f"History ({_plural(len(ordered), 'version')}; vN above = the version a "
                 "statement arrived in):")
    previous: Alert | None = None
    for version in ordered:
        lines.append("  " + version_line(version, previous))
        lines += ["      " + format_delivery(r, status) for r in deliveries.get(version.version, ())]
        previous = version
    return "\n".join(lines)
