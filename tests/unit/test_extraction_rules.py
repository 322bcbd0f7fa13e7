"""Each rule family of the extractor, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from schemas.article import Article
from schemas.event import ActorType, Event, EventKind
from services.pipeline import Pipeline, Replay

PUB = date(2023, 3, 10)  # a Friday


def read(pipeline: Pipeline, body: str, published: date = PUB, **extra: str) -> list[Event]:
    article = Article(id="t", body=body, published_at=published, **extra)
    return pipeline.classify(article, published).events


def kinds(events: list[Event]) -> set[tuple[str, str | None]]:
    return {(e.kind.value, e.target_country) for e in events}


# --- claims ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "body",
    [
        "The Houthis claimed responsibility for a drone attack on Abu Dhabi airport on March 8.",
        "Ansar Allah said on Wednesday it had attacked an oil depot in Jeddah with missiles.",
        "In a statement on Telegram, the Houthi movement said its forces fired three ballistic "
        "missiles at Riyadh.",
        "The strike on the Jeddah oil depot, claimed by the Houthis, set two tanks on fire.",
        "ISIS-K, an enemy of the Taliban, claimed it launched rockets into Uzbekistan.",
    ],
)
def test_claim_phrasings(pipeline: Pipeline, body: str) -> None:
    claims = [e for e in read(pipeline, body) if e.kind is EventKind.CLAIM]
    assert len(claims) == 1
    assert claims[0].actor_type is ActorType.NON_STATE
    assert claims[0].target_country in {"AE", "SA", "UZ"}


def test_aliases_resolve_to_one_canonical_group(pipeline: Pipeline) -> None:
    for alias in ("ISKP", "IS-K", "ISIS-K", "Daesh-Khorasan", "Islamic State Khurasan Province"):
        events = read(pipeline, f"{alias} claimed it fired rockets into Tajikistan on March 9.")
        assert [e.actor for e in events] == ["Islamic State Khorasan Province"], alias


def test_bare_is_resolves_to_the_branch_the_article_names(pipeline: Pipeline) -> None:
    body = ("Islamic State Khorasan Province is active in Afghanistan. "
            "IS claimed it fired seven rockets into Tajikistan on March 9.")
    claims = [e for e in read(pipeline, body) if e.kind is EventKind.CLAIM]
    assert [c.actor for c in claims] == ["Islamic State Khorasan Province"]
    assert claims[0].count == 7


def test_state_accusation_is_not_a_group_claim(pipeline: Pipeline) -> None:
    events = read(pipeline, "Pakistan's army said TTP fighters fired mortars from Afghan soil.")
    assert not [e for e in events if e.kind is EventKind.CLAIM]


def test_claim_about_something_else_is_not_an_attack_claim(pipeline: Pipeline) -> None:
    body = ("The Houthis said the blockade was an attack on Yemen's people, claiming that the "
            "coalition was starving civilians.")
    assert not [e for e in read(pipeline, body) if e.kind is EventKind.CLAIM]


# --- denials --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("body", "occurred", "weapon"),
    [
        ("Uzbek officials denied that any rockets had landed on Uzbek territory.", False, "rockets"),
        ("Tajikistan's border guards said only bullets were shot across the border.", True,
         "bullets"),
        ("In a statement, Tajikistan said gunfire, not rockets, crossed into Tajik territory.", True,
         "bullets"),
        ("The Uzbek defence ministry called the reports of a rocket attack false.", False, "rockets"),
        ("Uzbek officials insisted that nothing had landed on their territory after the rocket "
         "claims.", False, "rockets"),
    ],
)
def test_denial_phrasings(pipeline: Pipeline, body: str, occurred: bool, weapon: str) -> None:
    denials = [e for e in read(pipeline, body) if e.kind is EventKind.DENIAL]
    assert len(denials) == 1, read(pipeline, body)
    d = denials[0]
    assert d.actor_type is ActorType.STATE
    assert d.target_country in {"UZ", "TJ"}
    assert d.occurred is occurred
    assert d.weapon == weapon


def test_passive_denial_names_the_state(pipeline: Pipeline) -> None:
    body = "The drone attack on the airport, claimed by the Houthis, was denied by the UAE."
    denials = [e for e in read(pipeline, body) if e.kind is EventKind.DENIAL]
    assert [d.actor_country for d in denials] == ["AE"]


@pytest.mark.parametrize(
    "body",
    [
        "Uzbek officials did not deny that rockets had landed near Termez.",
        "The Tajik border service neither confirmed nor denied the rocket attack.",
    ],
)
def test_negated_denials_are_not_denials(pipeline: Pipeline, body: str) -> None:
    assert not [e for e in read(pipeline, body) if e.kind is EventKind.DENIAL]


def test_group_denying_a_state_accusation_is_not_a_state_denial(pipeline: Pipeline) -> None:
    body = ("Israel's army said it repelled an infiltration from Lebanon. Hezbollah denied its "
            "fighters had opened fire across the border with Israel.")
    denials = [e for e in read(pipeline, body) if e.kind is EventKind.DENIAL]
    hezbollah = [d for d in denials if d.actor == "Hezbollah"]
    assert hezbollah and all(d.actor_type is ActorType.NON_STATE for d in hezbollah)
    # Israel's 'repelled' is its own account of the attack's effect, never of its occurrence.
    assert all(d.contested == "effect" for d in denials if d.actor_type is ActorType.STATE)
    assert list(Replay(pipeline).feed(Article(id="h", body=body, published_at=PUB), PUB)) == []


# --- confirmations and reports ----------------------------------------------------------------

def test_third_party_confirmation(pipeline: Pipeline) -> None:
    body = ("ISKP claimed it fired rockets at Termez on March 8. Taliban officials later confirmed "
            "that an attack had taken place.")
    events = read(pipeline, body)
    assert ("confirmation", "UZ") in kinds(events)
    confirmation = next(e for e in events if e.kind is EventKind.CONFIRMATION)
    assert confirmation.actor.startswith("Taliban")
    assert confirmation.attacker == "Islamic State Khorasan Province"


def test_state_report_of_an_attack_on_itself(pipeline: Pipeline) -> None:
    body = "Uzbekistan's foreign ministry said five rockets fired from Afghanistan fell on Termez."
    events = read(pipeline, body)
    assert kinds(events) == {("attack_report", "UZ")}
    assert events[0].origin_country == "AF"
    assert events[0].count == 5


# --- places ---------------------------------------------------------------------------------

def test_target_and_origin(pipeline: Pipeline) -> None:
    body = "ISKP claimed it fired seven rockets from Afghan soil into Tajikistan on March 9."
    claim = read(pipeline, body)[0]
    assert (claim.target_country, claim.origin_country) == ("TJ", "AF")


def test_city_alternate_name_resolves_to_country(pipeline: Pipeline) -> None:
    claim = read(pipeline, "ISKP claimed it fired rockets at Termiz on March 9.")[0]
    assert claim.target_country == "UZ"
    assert claim.location is not None and claim.location.name == "Termiz"


def test_supporter_adjectives_are_not_places(pipeline: Pipeline) -> None:
    body = "The Iran-backed Houthis claimed a drone attack on Abu Dhabi on March 9."
    assert kinds(read(pipeline, body)) == {("claim", "AE")}


# --- time -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("on March 7", date(2023, 3, 7), date(2023, 3, 7)),
        ("on Tuesday", date(2023, 3, 7), date(2023, 3, 7)),
        ("yesterday", date(2023, 3, 9), date(2023, 3, 9)),
        ("on December 30", date(2022, 12, 30), date(2022, 12, 30)),
        ("last week", date(2023, 2, 27), date(2023, 3, 5)),
    ],
)
def test_incident_time_is_resolved_against_publication(
    pipeline: Pipeline, phrase: str, start: date, end: date
) -> None:
    claim = read(pipeline, f"ISKP claimed it fired rockets into Tajikistan {phrase}.")[0]
    assert (claim.incident_time.start, claim.incident_time.end) == (start, end)
    assert claim.incident_time.exact is (start == end)


def test_undated_claim_gets_an_interval_not_a_day(pipeline: Pipeline) -> None:
    claim = read(pipeline, "ISKP claimed it fired rockets into Tajikistan.")[0]
    assert claim.incident_time.exact is False
    assert claim.incident_time.start < claim.incident_time.end == PUB


def test_recalled_claim_attaches_to_its_own_day(pipeline: Pipeline) -> None:
    body = ("Rockets hit Termez this week. On April 18 last year, ISKP had claimed it fired "
            "rockets at Termez.")
    claim = next(e for e in read(pipeline, body) if e.kind is EventKind.CLAIM)
    assert claim.incident_time.start == date(2022, 4, 18)


# --- ordinary news raises nothing -------------------------------------------------------------

@pytest.mark.parametrize(
    "body",
    [
        "Shares in the drone maker rocketed after the ministry denied reports of a takeover.",
        "The striker fired a shot past the keeper and the coach denied any rift with the club.",
        "A Proton rocket blasted off from Baikonur carrying a satellite into orbit.",
        "The foreign ministry denied the reports of a cabinet reshuffle on Tuesday.",
        "Police said a man was shot in a robbery in Tashkent; officials denied any link to "
        "militants.",
    ],
)
def test_everyday_news_gives_no_alertable_event(pipeline: Pipeline, body: str) -> None:
    events = read(pipeline, body)
    assert not [e for e in events if e.kind in (EventKind.CLAIM, EventKind.DENIAL)]


# --- languages ------------------------------------------------------------------------------

def test_unread_languages_are_skipped_not_misread(pipeline: Pipeline) -> None:
    article = Article(id="es", body="El Frente Polisario aseguró haber bombardeado posiciones.",
                      language="es", published_at=PUB)
    result = pipeline.classify(article, PUB)
    assert result.events == []
    assert result.skipped_language == "es"
    undeclared = Article(id="ru", body="Боевики заявили о ракетном обстреле.", published_at=PUB)
    assert pipeline.classify(undeclared, PUB).skipped_language == "unknown"
