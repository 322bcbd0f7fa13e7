"""Plain-text rendering of alerts and webhook deliveries for an analyst reading the demo.

ASCII only, so the output survives any terminal encoding and a copy into a ticket.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping

from schemas.alert import Alert, EventRef
from services.testing.receiver import Received

WIDTH = 96
RULE = "=" * WIDTH


def country_label(code: str, names: Mapping[str, str]) -> str:
    name = names.get(code)
    return f"{name} ({code})" if name else code


def _wrap(text: str, indent: str, first: str | None = None) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent if first is None else first,
                         subsequent_indent=indent)


def _incident_window(alert: Alert) -> str:
    if alert.incident_start == alert.incident_end:
        return alert.incident_start.isoformat()
    return f"{alert.incident_start.isoformat()} to {alert.incident_end.isoformat()}"


def _ref_lines(ref: EventRef, new: bool) -> list[str]:
    what = f"{ref.count} {ref.weapon}" if ref.weapon and ref.count else (ref.weapon or "")
    source = ref.source or "unknown outlet"
    head = f"{ref.actor} - {source}, published {ref.published_at.isoformat()} [{ref.article_id}]"
    if what:
        head += f" - {what}"
    mark = "+" if new else "-"
    return [
        _wrap(head, "    ", first=f"  {mark} "),
        _wrap(f'"{ref.evidence.text.strip()}"', "      "),
    ]


def _section(title: str, refs: list[EventRef], known: frozenset[str]) -> list[str]:
    if not refs:
        return [f"{title}: none"]
    lines = [f"{title} ({len(refs)}):"]
    for ref in refs:
        lines.extend(_ref_lines(ref, ref.event_id not in known))
    return lines


def format_alert(
    alert: Alert, names: Mapping[str, str], previous: Alert | None = None
) -> str:
    """The whole alert; on an update, evidence new since `previous` is marked with '+'."""
    shown = previous or alert  # a first version has nothing to mark as new
    known = frozenset(r.event_id for r in (*shown.claims, *shown.denials, *shown.confirmations))
    kind = "NEW ALERT" if previous is None else "ALERT UPDATE"
    place = alert.location.name if alert.location and alert.location.name else None
    target = country_label(alert.target_country, names)
    where = f"{place}, {target}" if place else target
    lines = [
        RULE,
        f"{kind}: {target}  |  {alert.alert_id}  |  version {alert.version}  |  "
        f"{alert.status.value}",
        RULE,
        f"Incident:    {_incident_window(alert)}, {where}",
        f"Attacker:    {alert.attacker} ({alert.claimant_type.value.replace('_', '-')})",
        f"In conflict: {', '.join(alert.contradictions)}",
        _wrap(alert.why, "             ", first="Why:         "),
    ]
    if previous is not None:
        lines.append(f"(updates version {previous.version}; '+' marks new evidence)")
    lines += _section("Claims", alert.claims, known)
    lines += _section("Denials", alert.denials, known)
    lines += _section("Confirmations", alert.confirmations, known)
    return "\n".join(lines)


def format_delivery(received: Received, status: int, names: Mapping[str, str]) -> str:
    """One POST as the receiver saw it: what arrived, and the key a subscriber dedupes on."""
    headers = {k.lower(): v for k, v in received.headers.items()}
    try:
        body = json.loads(received.body)
        about = (f"{country_label(str(body['target_country']), names)} alert "
                 f"{body['alert_id']} v{body['version']}")
    except (ValueError, KeyError, TypeError):
        about = "a body that is not an alert"
    return (
        f"  >> WEBHOOK delivery: POST {received.path} -> HTTP {status} | {about} "
        f"({len(received.body)} bytes)\n"
        f"     Idempotency-Key: {headers.get('idempotency-key', '(none)')} | "
        f"Content-Type: {headers.get('content-type', '?')} | "
        f"User-Agent: {headers.get('user-agent', '?')}"
    )
