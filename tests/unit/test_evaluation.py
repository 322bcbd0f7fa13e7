"""`counterclaim evaluate`'s pure parts: country names, labels, stream order and scores."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date

import pycountry
import pytest

from schemas.alert import Alert, EventRef
from schemas.event import ActorType, EventKind
from services.evaluation.countries import CountryMapper, to_iso
from services.evaluation.labels import Labelled, Problem, parse, read_labelled
from services.evaluation.report import Report, as_json, render_text
from services.evaluation.scoring import latest_versions, score_events, score_incidents
from services.evaluation.stream import as_day, in_stream_order
from tests.unit.factories import event


@pytest.mark.parametrize(("name", "code"), [
    ("Kenya", "KE"), ("Denmark", "DK"), ("Uganda", "UG"), ("Burundi", "BI"),
    ("Russia", "RU"), ("Turkey", "TR"), ("Türkiye", "TR"), ("South Korea", "KR"),
    ("North Korea", "KP"), ("DR Congo", "CD"), ("Democratic Republic of the Congo", "CD"),
    ("Congo", "CG"), ("United Arab Emirates", "AE"), ("UAE", "AE"), ("the Netherlands", "NL"),
    ("Côte d’Ivoire", "CI"), ("Ivory Coast", "CI"), ("Iran", "IR"), ("Syria", "SY"),
    ("Republic of Moldova", "MD"), ("Bolivia", "BO"), ("Holy See", "VA"), ("US", "US"),
    ("IRN", "IR"),
])
def test_country_names_as_labels_write_them(name: str, code: str) -> None:
    assert to_iso(name) == code


def test_every_iso_country_name_maps_to_its_code() -> None:
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                assert to_iso(value) == country.alpha_2, value


def test_ambiguous_and_unknown_names_are_reported_not_guessed() -> None:
    mapper = CountryMapper()
    assert mapper.codes("Korea") == frozenset()
    assert mapper.codes(["Kenya", "Atlantis"]) == {"KE"}
    assert mapper.codes("Uzbekistan; Tajikistan") == {"UZ", "TJ"}
    assert mapper.codes(None) == frozenset()
    assert mapper.unknown == {"Korea", "Atlantis"}


def _line(id: str, published: str | None = "2024-01-02", incident: str | None = "I1",
          events: Sequence[Mapping[str, object]] | None = None, **labels: object) -> bytes:
    label_doc: dict[str, object] = dict(labels)
    if events is not None:
        label_doc["events"] = [dict(e) for e in events]
    record: dict[str, object] = {"id": id, "body": "Some text.", "published_at": published,
                                 "incident_id": incident, "labels": label_doc}
    return json.dumps(record).encode()


def test_bad_lines_are_reported_with_their_number() -> None:
    lines = [b'{"id": "a", "body": "x"}', b"", b"not json",
             _line("b", events=[{"kind": "rumour"}]), _line("c", events=[])]
    items = list(read_labelled(lines, "f.jsonl"))
    problems = [str(i) for i in items if isinstance(i, Problem)]
    assert problems[0] == "f.jsonl: line 1: skipped: no `labels`: not a labelled article"
    assert problems[1].startswith("f.jsonl: line 3: skipped: not JSON")
    assert problems[2].startswith("f.jsonl: line 4: skipped: labels.events.0.kind")
    assert [i.article.id for i in items if isinstance(i, Labelled)] == ["c"]


def test_an_article_speaks_about_its_incident_recalled_ones_and_referenced_ones() -> None:
    record = parse(_line("a", incident="I1", background_incidents=["I0"], events=[
        {"kind": "claim", "target_country": "Kenya", "incident_ref": "I2; I3"}]))
    assert record.is_labelled
    assert record.incidents() == {"I0", "I1", "I2", "I3"}
    assert not parse(_line("b", incident=None)).is_labelled


def test_stream_order_and_dates_for_undated_articles() -> None:
    records = [parse(line) for line in (
        _line("late", "2024-03-01", incident="I9"),
        _line("undated-incident", None, incident="I1"),
        _line("first", "2024-01-05", incident="I1"),
        _line("undated-labelled", None, incident=None,
              events=[{"kind": "claim", "incident_date": "2023-07"}]),
        _line("undated-background", None, incident=None),
    )]
    stream = in_stream_order(records, date(2022, 1, 1))
    assert [r.article.id for r in stream] == [
        "undated-background", "undated-labelled", "undated-incident", "first", "late"]
    assert [r.article.published_at for r in stream[:3]] == [
        date(2022, 1, 1), date(2023, 7, 1), date(2024, 1, 5)]
    assert as_day("2024-02-30") is None and as_day("2024-02-03T10:00:00Z") == date(2024, 2, 3)


def _records() -> list[Labelled]:
    claim = {"kind": "claim", "target_country": "Kenya"}
    denial = {"kind": "denial", "target_country": "Kenya"}
    return [parse(line) for line in (
        _line("c1", incident="I1", category="C", incident_category="A",
              claimant_type="non_state", events=[claim]),
        _line("d1", incident="I1", category="A", incident_category="A",
              claimant_type="non_state", events=[denial]),
        _line("c2", incident="I2", category="A", incident_category="A",
              claimant_type="state", events=[claim, denial]),
        _line("b1", incident="I3", category="B", incident_category="B",
              claimant_type="non_state", events=[claim]),
        _line("bg", incident=None),
    )]


def _alert(alert_id: str, claims: list[str], denials: list[str], country: str = "KE",
           version: int = 1) -> Alert:
    def ref(article: str, kind: EventKind) -> EventRef:
        return EventRef.of(event(kind, target=country, article=article))
    return Alert(alert_id=alert_id, version=version, target_country=country, attacker="G",
                 claimant_type=ActorType.NON_STATE, incident_start=date(2024, 1, 1),
                 incident_end=date(2024, 1, 1),
                 claims=[ref(a, EventKind.CLAIM) for a in claims],
                 denials=[ref(a, EventKind.DENIAL) for a in denials],
                 contradictions=["occurrence"], why="w")


def test_event_scores_over_article_kind_and_country() -> None:
    events = [event(EventKind.CLAIM, target="KE", article="c1"),
              event(EventKind.CLAIM, target="UG", article="c2"),  # wrong country
              event(EventKind.DENIAL, target="KE", article="d1"),
              event(EventKind.CLAIM, target="KE", article="bg")]  # background: not scored
    scores = score_events(_records(), events, CountryMapper())
    by_kind = {k.kind: k for k in scores.kinds}
    assert (by_kind["claim"].precision.hits, by_kind["claim"].precision.total) == (1, 2)
    assert (by_kind["claim"].recall.hits, by_kind["claim"].recall.total) == (1, 3)
    assert (by_kind["denial"].recall.hits, by_kind["denial"].recall.total) == (1, 2)
    assert by_kind["confirmation"].precision.value is None
    assert scores.unlabelled_events == 1
    assert scores.micro_f1 == pytest.approx(2 * 2 / (5 + 3))


def test_incident_scores_true_false_and_duplicate_alerts() -> None:
    alerts = [
        _alert("a1", ["c1"], ["d1"]),
        _alert("a1", ["c1"], ["d1"], version=2),  # a later version: still one alert
        _alert("a2", ["c1"], ["d1"]),  # a second alert for I1: a duplicate
        _alert("a3", ["c1"], ["d1"], country="UG"),  # wrong country: false
        _alert("a4", ["b1"], ["b1"]),  # a confirmed incident: false
        _alert("a5", ["bg"], ["d1"]),  # built on background news: false
    ]
    assert latest_versions(alerts)["a1"].version == 2
    scores = score_incidents(_records(), alerts, "non_state", CountryMapper())
    assert (scores.recall.hits, scores.recall.total) == (1, 1)
    assert (scores.precision.hits, scores.precision.total) == (2, 5)
    assert scores.duplicates == 1
    assert [f.alert_id for f in scores.false_alerts] == ["a3", "a4", "a5"]
    assert scores.false_per_1000 == pytest.approx(3 * 1000 / 5)
    everything = score_incidents(_records(), alerts, "all", CountryMapper())
    assert (everything.recall.hits, everything.recall.total) == (1, 2)
    assert everything.missed == ["I2"]


def test_report_as_text_and_json() -> None:
    records = _records()
    mapper = CountryMapper()
    report = Report(articles=len(records), labelled=4,
                    events=score_events(records, [], mapper),
                    incidents=score_incidents(records, [_alert("a1", ["c1"], ["d1"])],
                                              "non_state", mapper))
    text = render_text(report, verbose=True)
    assert text.splitlines()[0] == "5 articles: 4 labelled, 1 background"
    assert "  incidents found (recall)" in text and "1/1  1.00" in text
    data = as_json(report)
    assert data["incidents"]["recall"] == {"hits": 1, "total": 1, "value": 1.0}
    assert data["incidents"]["found"] == {"I1": ["a1"]}
    assert json.loads(json.dumps(data)) == data
