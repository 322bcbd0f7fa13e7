"""Scores of what the pipeline said against what people labelled. Pure: no I/O.

Events are compared as (article, kind, target country) over the labelled articles. Incidents:
an alert is true when the articles of its claims and those of its denials share an incident
labelled A (a claim contradicted by the target state) in the alert's country; it counts for
the incident most of its articles are mainly about, and a second alert for one incident is a
duplicate. Every other alert is false, wherever it came from (background news included).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from schemas.alert import Alert
from schemas.event import Event
from services.evaluation.countries import CountryMapper
from services.evaluation.labels import KINDS, Labelled, refs

Claimants = Literal["non_state", "state", "all"]
Key = tuple[str, str, str | None]  # article id, kind, ISO country (None: none named)


@dataclass(frozen=True)
class Ratio:
    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(frozen=True)
class KindScore:
    kind: str
    precision: Ratio
    recall: Ratio


@dataclass(frozen=True)
class EventScores:
    kinds: list[KindScore]
    micro_f1: float
    unlabelled_events: int  # events read from background articles: not scored, but telling


@dataclass(frozen=True)
class FalseAlert:
    alert_id: str
    target_country: str
    claim_articles: list[str]
    denial_articles: list[str]


@dataclass(frozen=True)
class IncidentScores:
    claimants: Claimants
    recall: Ratio  # incidents found / labelled A incidents of these claimants
    precision: Ratio  # true alerts / alerts
    duplicates: int
    false_alerts: list[FalseAlert]
    articles: int
    missed: list[str]
    found_by: dict[str, list[str]] = field(default_factory=dict)  # incident -> alert ids

    @property
    def false_per_1000(self) -> float:
        return 1000 * len(self.false_alerts) / self.articles if self.articles else 0.0


def _keys(article_id: str, kind: str, codes: frozenset[str]) -> Iterable[Key]:
    if not codes:
        yield article_id, kind, None
    for code in codes:
        yield article_id, kind, code


def score_events(records: Sequence[Labelled], events: Iterable[Event],
                 mapper: CountryMapper) -> EventScores:
    labelled = {r.article.id for r in records if r.is_labelled}
    gold: set[Key] = set()
    for record in records:
        for label in record.labels.events or ():
            gold.update(_keys(record.article.id, label.kind, mapper.codes(label.target_country)))
    predicted: set[Key] = set()
    unlabelled = 0
    for event in events:
        if event.article_id not in labelled:
            unlabelled += 1
            continue
        codes = frozenset({event.target_country}) if event.target_country else frozenset()
        predicted.update(_keys(event.article_id, event.kind.value, codes))
    kinds = []
    for kind in KINDS:
        g = {k for k in gold if k[1] == kind}
        p = {k for k in predicted if k[1] == kind}
        kinds.append(KindScore(kind, Ratio(len(g & p), len(p)), Ratio(len(g & p), len(g))))
    both = len(gold) + len(predicted)
    f1 = 2 * len(gold & predicted) / both if both else 1.0
    return EventScores(kinds=kinds, micro_f1=f1, unlabelled_events=unlabelled)


def latest_versions(alerts: Iterable[Alert]) -> dict[str, Alert]:
    """What a subscriber holds at the end: the highest version of every alert."""
    latest: dict[str, Alert] = {}
    for alert in alerts:
        known = latest.get(alert.alert_id)
        if known is None or alert.version >= known.version:
            latest[alert.alert_id] = alert
    return latest


@dataclass(frozen=True)
class _Incidents:
    about: dict[str, set[str]]  # article id -> incidents it speaks about
    countries: dict[str, set[str]]  # incident -> target countries its statements name
    contested: set[str]  # incidents labelled A
    claimant: dict[str, str]  # incident -> claimant type, from its A articles
    primary: dict[str, str | None]  # article id -> the incident it is mainly about


def _incidents(records: Sequence[Labelled], mapper: CountryMapper) -> _Incidents:
    about: dict[str, set[str]] = {}
    countries: dict[str, set[str]] = defaultdict(set)
    category: dict[str, str | None] = {}
    claimant: dict[str, str] = {}
    for record in records:
        about[record.article.id] = record.incidents()
        for label in record.labels.events or ():
            for ref in refs(label, record.incident_id):
                countries[ref] |= mapper.codes(label.target_country)
        if record.incident_id:
            category[record.incident_id] = record.labels.incident_category
            if record.labels.category == "A" and record.labels.claimant_type:
                claimant[record.incident_id] = record.labels.claimant_type
    return _Incidents(about=about, countries=countries,
                      contested={i for i, c in category.items() if c == "A"},
                      claimant=claimant,
                      primary={r.article.id: r.incident_id for r in records})


def score_incidents(records: Sequence[Labelled], alerts: Iterable[Alert], claimants: Claimants,
                    mapper: CountryMapper) -> IncidentScores:
    known = _incidents(records, mapper)
    wanted = {i for i in known.contested
              if claimants == "all" or known.claimant.get(i) == claimants}
    latest = latest_versions(alerts)
    found_by: dict[str, list[str]] = defaultdict(list)
    false_alerts: list[FalseAlert] = []
    for alert_id, alert in sorted(latest.items()):
        claims = {ref.article_id for ref in alert.claims}
        denials = {ref.article_id for ref in alert.denials}
        incident = _incident_of(alert, claims, denials, known)
        if incident is None:
            false_alerts.append(FalseAlert(alert_id, alert.target_country, sorted(claims),
                                           sorted(denials)))
        else:
            found_by[incident].append(alert_id)
    found = wanted & set(found_by)
    return IncidentScores(
        claimants=claimants,
        recall=Ratio(len(found), len(wanted)),
        precision=Ratio(len(latest) - len(false_alerts), len(latest)),
        duplicates=sum(len(ids) - 1 for ids in found_by.values()),
        false_alerts=false_alerts,
        articles=len(records),
        missed=sorted(wanted - found),
        found_by=dict(found_by),
    )


def _incident_of(alert: Alert, claims: set[str], denials: set[str],
                 known: _Incidents) -> str | None:
    """The labelled A incident this alert is about, or None when it is false."""
    def union(articles: set[str]) -> set[str]:
        return set().union(*(known.about.get(a, set()) for a in articles))

    shared = union(claims) & union(denials) & known.contested
    matching = [i for i in shared
                if not known.countries.get(i) or alert.target_country in known.countries[i]]
    if not matching:
        return None
    mainly = Counter(known.primary.get(a) for a in claims | denials)
    return max(matching, key=lambda i: (mainly[i], i))
