"""A made-up alert for `webhook-test` and the documented examples: fictional names only
(country code ZZ is reserved for user assignment), so nobody mistakes it for a real alert."""

from __future__ import annotations

from datetime import date

from schemas.alert import Alert, AlertStatus, EventRef
from schemas.event import ActorType, Evidence, Location


def sample_alert(version: int = 1) -> Alert:
    claim = EventRef(
        event_id="sample-article-1:claim:0",
        article_id="sample-article-1",
        source="Example Wire",
        url="https://example.org/news/sample-claim",
        published_at=date(2024, 3, 2),
        actor="Sample Armed Group",
        actor_type=ActorType.NON_STATE,
        weapon="rocket",
        count=4,
        incident_start=date(2024, 3, 1),
        incident_end=date(2024, 3, 1),
        evidence=Evidence(
            text="The Sample Armed Group said it fired four rockets at Sampletown on Friday.",
            start=0, end=75,
        ),
    )
    denial = EventRef(
        event_id="sample-article-2:denial:0",
        article_id="sample-article-2",
        source="Example Daily",
        url="https://example.org/news/sample-denial",
        published_at=date(2024, 3, 2),
        actor="Ministry of Defence of Zedland",
        actor_type=ActorType.STATE,
        incident_start=date(2024, 3, 1),
        incident_end=date(2024, 3, 1),
        evidence=Evidence(
            text="Zedland's defence ministry said no rockets struck its territory.",
            start=0, end=64,
        ),
    )
    return Alert(
        alert_id="sample-0000000000000001",
        version=version,
        status=AlertStatus.FIRING,
        target_country="ZZ",
        attacker="Sample Armed Group",
        claimant_type=ActorType.NON_STATE,
        location=Location(name="Sampletown", country="ZZ"),
        incident_start=date(2024, 3, 1),
        incident_end=date(2024, 3, 1),
        claims=[claim],
        denials=[denial],
        contradictions=["occurrence"],
        why=("Sample Armed Group claims 4 rockets on Sampletown, ZZ on 2024-03-01 (Example Wire). "
             "Ministry of Defence of Zedland denies it (Example Daily): occurrence. "
             "This is a sample alert from `counterclaim webhook-test`."),
    )
