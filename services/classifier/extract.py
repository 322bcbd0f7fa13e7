"""Article -> events: who claims, denies, confirms or reports which attack, where and when.

Pure: no I/O, no clock. The Faust agent, `counterclaim classify` and `counterclaim replay`
all call `classify`, so the stream and a file replay read articles identically.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from schemas.article import Article
from schemas.event import ActorType, Event, EventKind, Evidence, IncidentTime, Location
from services.classifier.dates import DateMention, find_dates, vague_recent
from services.classifier.language import reads_language
from services.classifier.lexicon import PLACE_KINDS, Kind, Lexicon
from services.classifier.scan import Mention, scan
from services.classifier.text import Sentence, normalise, split_sentences

_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "a dozen": 12,
    "dozen": 12, "a single": 1, "single": 1,
}
_COUNT_BEFORE = re.compile(
    r"(?P<n>\d{1,4}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")\s+(?:[a-z-]+\s+){0,2}$"
)
_NEGATED_STANCE = re.compile(
    r"\b(?:not|never|neither|nor|no one|nobody|n't|without|refused to|declined to|yet to|could not be)"
    r"\s+(?:\w+\s+){0,3}?(?:independently\s+)?"
    r"(?:deny|denied|denying|confirm|confirmed|confirming|verify|verified|claim|claimed|reject|rejected)\b"
)
_NOT_OCCURRED = re.compile(
    r"\b(?:denied any|no (?:\w+ ){0,2}(?:rockets?|missiles?|drones?|shells?|projectiles?|attack)"
    r"|(?:did not|didn't|never|had not|hadn't|have not|haven't) (?:\w+ )?(?:land|landed|fall|fell|"
    r"hit|cross|crossed|happen|happened|occur|occurred|take place|took place|strike|struck)"
    r"|did not happen|never happened|no such|fabricat\w*|false|baseless|untrue|not true|groundless"
    r"|unfounded|fake)\b"
)
_ONLY_OTHER = re.compile(
    r"\bonly (?:a few |some |several )?(?P<w>bullets?|gunfire|small[- ]arms|shots|stray bullets"
    r"|shells?|mortars?|projectiles?)\b"
)
_NO_DAMAGE = re.compile(
    r"\bno (?:\w+ )?(?:damage|casualties|injuries|victims|one was (?:hurt|injured|killed))"
    r"|without (?:causing )?(?:any )?(?:damage|casualties)|nobody was (?:hurt|injured|killed)\b"
)
_SAID_IT_DID = re.compile(
    r"\b(?:said|says|saying|announced|stated|declared|boasted)\s+(?:that\s+)?"
    r"(?:it|its\s+(?:\w+\s+)?(?:fighters|militants|forces|members|units|mujahideen|soldiers)|they)\s+"
    r"(?:had\s+|have\s+)?(?:fired|launched|attacked|targeted|struck|hit|shelled|carried out|conducted"
    r"|shot down|downed|bombed)\b"
)
_ANAPHOR_GROUP = re.compile(
    r"\b(?:the group|the militants|militants|the jihadists|jihadists|the extremists|the terrorists"
    r"|the organi[sz]ation|the movement|the rebels|its|it|they|their)\b"
)
_ANAPHOR_STATE = re.compile(
    r"\b(?:the ministry|the government|officials|the officials|authorities|the authorities|the army"
    r"|the military|the spokesman|the spokesperson|the agency|the directorate|the border guards?"
    r"|the press (?:service|secretary|centre|center)|he|she|it)\b"
)
_FROM_BEFORE = re.compile(r"(?:\bfrom|\bout of|\bacross from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")
_BORDER_AFTER = re.compile(r"(?:-[\w]+)*\s+(?:border|frontier|borders)\b|-\w+\s+(?:border|frontier)")
_TARGET_BEFORE = re.compile(
    r"(?:\binto|\bat|\bon|\bagainst|\btoward|\btowards|\btargeting|\btargeted|\bover|\bnear|\bhit"
    r"|\bstruck|\bstrike on|\battack on|\battacks on|\bfell in|\blanded in|\blanded on)\s+"
    r"(?:the\s+|a\s+)?(?:[\w-]+\s+){0,4}$"
)
_HYPOTHETICAL = re.compile(r"\b(?:if|would|could|might|whether|threatened to|vowed to|warned)\b")
_SPORT_OR_MARKET = re.compile(
    r"\b(?:shares|stocks|prices|market|index|goal|match|league|striker|coach|penalty|launch pad"
    r"|space ?craft|satellite|orbit|baikonur|cosmodrome|spacex|soyuz|proton)\b"
)


@dataclass
class _Context:
    """What earlier sentences established, for pronouns and undated sentences."""

    groups: list[str] = field(default_factory=list)
    last_group: str | None = None
    last_claimant: str | None = None
    last_state: str | None = None
    last_target: str | None = None
    paragraph: int = -1
    paragraph_date: IncidentTime | None = None
    first_date: IncidentTime | None = None


@dataclass(frozen=True)
class ClassifyResult:
    events: list[Event]
    skipped_language: str | None = None  # set when the article is in a language we do not read


def classify(article: Article, lexicon: Lexicon, fallback_day: date) -> ClassifyResult:
    """Every statement about an attack in the article, one event each, in text order."""
    language = reads_language(article)
    if language is not None:
        return ClassifyResult(events=[], skipped_language=language)
    body = article.body
    norm = normalise(body)
    published = article.publication_date(fallback_day)
    mentions = scan(lexicon, body, norm)
    if not _worth_reading(mentions):
        return ClassifyResult(events=[])
    branch_of = _branches(lexicon, mentions)
    ctx = _Context()
    events: list[Event] = []
    by_sentence = _group_by_sentence(split_sentences(body), mentions)
    for sentence, ms in by_sentence:
        events.extend(
            _read_sentence(article, lexicon, published, sentence, norm, ms, ctx, branch_of)
        )
    return ClassifyResult(events=_merge(events))


def _worth_reading(mentions: list[Mention]) -> bool:
    """Early rejection: no weapon or attack word, or no one who could claim or deny, no events."""
    kinds = {m.entry.kind for m in mentions}
    violent = Kind.WEAPON in kinds or Kind.ATTACK in kinds
    speaker = bool(kinds & {Kind.GROUP, Kind.ORGAN, Kind.NAMED_ORGAN})
    return violent and speaker


def _branches(lexicon: Lexicon, mentions: list[Mention]) -> dict[str, str]:
    """A bare 'IS' or 'Daesh' means the branch the article names elsewhere, if exactly one."""
    named = {m.entry.value for m in mentions if m.entry.kind is Kind.GROUP}
    out: dict[str, str] = {}
    for name in named:
        group = lexicon.groups[name]
        if group.parent and group.parent in named:
            out.setdefault(group.parent, name)
    return out


def _group_by_sentence(
    sentences: list[Sentence], mentions: list[Mention]
) -> list[tuple[Sentence, list[Mention]]]:
    out: list[tuple[Sentence, list[Mention]]] = []
    i = 0
    for sentence in sentences:
        while i < len(mentions) and mentions[i].start < sentence.start:
            i += 1
        j = i
        while j < len(mentions) and mentions[j].end <= sentence.end:
            j += 1
        out.append((sentence, mentions[i:j]))
        i = j
    return out


@dataclass(frozen=True)
class _StateActor:
    start: int
    country: str
    label: str


_CLAUSE_BREAK = re.compile(r",\s+(?:but|while|whereas|although)\s+|;\s+|\s+but\s+(?=\w+\s+(?:of\s+)?\w+)")


def _clauses(sentence: Sentence, low: str) -> list[tuple[int, int]]:
    """Contrasting clauses ('X denied ..., but Y confirmed ...') are read one at a time."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(low):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(low)))
    return [(s, e) for s, e in spans if e > s]


def _read_sentence(
    article: Article,
    lexicon: Lexicon,
    published: date,
    sentence: Sentence,
    norm: str,
    ms: list[Mention],
    ctx: _Context,
    branch_of: dict[str, str],
) -> list[Event]:
    low = norm[sentence.start : sentence.end]
    if sentence.paragraph != ctx.paragraph:
        ctx.paragraph = sentence.paragraph
        ctx.paragraph_date = None
    found = find_dates(low, published)
    dates = [d for d in found if not d.speech]
    said = [d.time.end for d in found if d.speech]
    incident = _incident_time(dates, ctx, min(said) if said else published)
    events: list[Event] = []
    for c_start, c_end in _clauses(sentence, low):
        a, b = sentence.start + c_start, sentence.start + c_end
        clause = Sentence(a, b, sentence.text, sentence.paragraph)
        cms = [m for m in ms if a <= m.start and m.end <= b]
        clow = norm[a:b]
        groups = [m for m in cms if m.entry.kind is Kind.GROUP]
        states = _state_actors(cms, clow, a)
        for g in groups:
            name = branch_of.get(g.entry.value, g.entry.value)
            ctx.last_group = name
            if name not in ctx.groups:
                ctx.groups.append(name)
        kinds = {m.entry.kind for m in cms}
        violent = Kind.WEAPON in kinds or Kind.ATTACK in kinds
        if violent and not _SPORT_OR_MARKET.search(clow):
            events.extend(_stances(
                article, lexicon, published, clause, sentence, clow, cms, groups, states, ctx,
                branch_of, incident,
            ))
        if states:
            ctx.last_state = states[-1].country
    return events


def _incident_time(dates: list[DateMention], ctx: _Context, published: date) -> IncidentTime:
    if dates:
        chosen = dates[0].time
        if chosen.exact:
            ctx.paragraph_date = chosen
            if ctx.first_date is None:
                ctx.first_date = chosen
        return chosen
    if ctx.paragraph_date is not None:
        return ctx.paragraph_date
    if ctx.first_date is not None and (published - ctx.first_date.end).days <= 7:
        return ctx.first_date
    return vague_recent(published)


def _state_actors(ms: list[Mention], low: str, offset: int) -> list[_StateActor]:
    """State speakers: named organs, country-qualified organs, or a country as the subject."""
    out: list[_StateActor] = []
    places = [m for m in ms if m.entry.kind in (Kind.COUNTRY, Kind.DEMONYM)]
    for m in ms:
        kind = m.entry.kind
        if kind is Kind.NAMED_ORGAN and m.entry.country:
            out.append(_StateActor(m.start, m.entry.country, m.surface))
        elif kind is Kind.ORGAN:
            owner = _owner_country(m, places, low, offset)
            if owner is not None:
                out.append(_StateActor(m.start, owner, m.surface))
    for p in places:
        # "Tajikistan denied ...", "The UAE said ...": the country itself as the speaker.
        after = low[p.end - offset : p.end - offset + 40]
        if re.match(
            r"(?:'s)?\s*(?:,[^,]{0,40},\s*)?(?:has |had |have |also |however |later |swiftly |quickly )*"
            r"(?:denied|denies|rejected|rejects|dismissed|refuted|said|says|confirmed|confirms|"
            r"reported|announced|stated|insisted|called)\b",
            after,
        ):
            out.append(_StateActor(p.start, p.entry.value, p.surface))
    out.sort(key=lambda s: s.start)
    return out


def _owner_country(organ: Mention, places: list[Mention], low: str, offset: int) -> str | None:
    """'Uzbek officials', 'Tajikistan's border guards', 'the ministry of defence of Tajikistan'."""
    for p in reversed(places):
        gap = organ.start - p.end
        if 0 <= gap <= 40:
            between = low[p.end - offset : organ.start - offset]
            if "," not in between and not re.search(r"\b(?:and|but|by|from|to|with|into)\b", between):
                return p.entry.value
    for p in places:
        gap = p.start - organ.end
        if 0 <= gap <= 60:
            between = low[organ.end - offset : p.start - offset]
            if re.fullmatch(r"\s*(?:[\w'-]+\s+){0,6}?(?:of|at|in)\s+(?:the\s+)?", between):
                return p.entry.value
    return None


def _stances(
    article: Article,
    lexicon: Lexicon,
    published: date,
    clause: Sentence,
    sentence: Sentence,
    low: str,
    ms: list[Mention],
    groups: list[Mention],
    states: list[_StateActor],
    ctx: _Context,
    branch_of: dict[str, str],
    incident: IncidentTime,
) -> list[Event]:
    kinds = {m.entry.kind for m in ms}
    base = clause.start
    claimant = _claimant(groups, low, ctx, branch_of)
    place = _places(ms, low, base)
    weapon, count = _weapon(ms, low, base)
    claim_target = _claim_target(place, claimant, lexicon, ctx)
    damage_stated = Kind.DAMAGE in kinds and not _NO_DAMAGE.search(low)
    out: list[Event] = []

    def emit(kind: EventKind, actor: str, actor_type: ActorType, actor_country: str | None,
             target: str | None, *, occurred: bool = True, damage: bool | None = None,
             weapon_override: str | None = None) -> None:
        if target is None:
            return
        origin = place.origin
        if origin is None and claimant and kind is not EventKind.DENIAL:
            origin = lexicon.groups[claimant].base_country
        location = place.location if place.location and place.location.country == target else None
        out.append(
            _event(
                article, published, kind, actor, actor_type, actor_country, claimant, target,
                origin if origin != target else None, location or Location(country=target),
                incident, weapon_override or weapon, count, damage, occurred, sentence,
                clause.start,
            )
        )

    claim_cue = _first_of(ms, Kind.CLAIM, base)
    said_it = _SAID_IT_DID.search(low)
    is_claim = (claim_cue is not None or bool(said_it) or _statement_by_group(kinds, low)) and not (
        claim_cue is not None and _HYPOTHETICAL.search(low[max(0, claim_cue - 25) : claim_cue])
    )
    only = _ONLY_OTHER.search(low)
    deny_cue = _first_of(ms, Kind.DENY, base)
    if deny_cue is None and only:
        deny_cue = only.start()
    if deny_cue is None and Kind.FALSITY in kinds and (claim_cue is not None or "report" in low):
        deny_cue = _first_of(ms, Kind.FALSITY, base)
    is_denial = deny_cue is not None and not _negated_cue(low, ("den", "reject", "refut", "dismiss"))
    confirm_cue = _first_of(ms, Kind.CONFIRM, base)
    is_confirm = confirm_cue is not None and not _negated_cue(
        low, ("confirm", "acknowledg", "admit", "verif"))

    specific = weapon is not None or place.target is not None or incident.exact
    if is_claim and specific and claimant is not None and not _negated_cue(low, ("claim",)):
        emit(EventKind.CLAIM, claimant, ActorType.NON_STATE, None, claim_target)
    elif is_claim and claim_cue is not None and states and not is_denial and not is_confirm:
        state = _nearest(states, claim_cue)
        target = _claim_target(place, None, lexicon, ctx, exclude=state.country)
        emit(EventKind.CLAIM, _state_name(lexicon, state), ActorType.STATE, state.country, target)
    if is_denial and deny_cue is not None:
        speaker = _speaker(states, groups, deny_cue, low, ctx, branch_of, base)
        if speaker is not None:
            name, actor_type, country = _canonical(lexicon, speaker)
            target = (
                country if actor_type is ActorType.STATE and country
                else place.target or claim_target or ctx.last_target
            )
            emit(
                EventKind.DENIAL, name, actor_type, country, target,
                occurred=_still_occurred(low, only is not None, _first_of(ms, Kind.DENY, base)),
                damage=False if _NO_DAMAGE.search(low) else None,
                weapon_override=_canonical_weapon(lexicon, only.group("w")) if only else None,
            )
    if is_confirm and not is_denial and confirm_cue is not None:
        speaker = _speaker(states, groups, confirm_cue, low, ctx, branch_of, base)
        if speaker is not None and speaker[0] == claimant:
            claimant = ctx.last_claimant if ctx.last_claimant != speaker[0] else None
        if speaker is not None and claimant is not None:
            name, actor_type, country = _canonical(lexicon, speaker)
            target = place.target or claim_target or ctx.last_target or (
                country if actor_type is ActorType.STATE else None)
            emit(EventKind.CONFIRMATION, name, actor_type, country, target,
                 damage=True if damage_stated else None)
    if not out and not is_claim and not is_denial and not is_confirm and states:
        reporter = states[0]
        target = place.target
        if (
            target == reporter.country
            and Kind.WEAPON in kinds
            and Kind.ATTACK in kinds
            and not _HYPOTHETICAL.search(low)
        ):
            emit(EventKind.ATTACK_REPORT, _state_name(lexicon, reporter), ActorType.STATE,
                 reporter.country, target, damage=True if damage_stated else None)
    for e in out:
        ctx.last_target = e.target_country
        if e.kind is EventKind.CLAIM and e.actor_type is ActorType.NON_STATE:
            ctx.last_claimant = e.actor
    return out


def _still_occurred(low: str, only_other: bool, deny_verb: int | None) -> bool:
    """Does the denial leave the attack itself standing? 'Only bullets', 'no damage': yes."""
    if only_other:
        return True
    if _NOT_OCCURRED.search(low):
        return False
    if _NO_DAMAGE.search(low) or re.search(r"\bden\w*\b.{0,60}\b(?:damage|casualt|injur)", low):
        return True
    if deny_verb is not None and re.search(r"\b(?:involvement|responsibility|role)\b", low):
        return True  # denying who did it is not denying that it happened
    return deny_verb is None


def _canonical(
    lexicon: Lexicon, speaker: tuple[str, ActorType, str | None]
) -> tuple[str, ActorType, str | None]:
    """A state speaks by its country's name; the organ's own words stay in the evidence."""
    _, actor_type, country = speaker
    if actor_type is ActorType.STATE and country:
        return lexicon.country_names.get(country, country), actor_type, country
    return speaker


def _state_name(lexicon: Lexicon, state: _StateActor) -> str:
    return lexicon.country_names.get(state.country, state.country)


def _first_of(ms: list[Mention], kind: Kind, base: int) -> int | None:
    for m in ms:
        if m.entry.kind is kind:
            return m.start - base
    return None


def _negated_cue(low: str, stems: tuple[str, ...]) -> bool:
    for match in _NEGATED_STANCE.finditer(low):
        if any(stem in match.group(0) for stem in stems):
            return True
    return bool(re.search(r"\bneither confirm\w* nor den\w*", low))


def _statement_by_group(kinds: set[Kind], low: str) -> bool:
    """'An IS press release said its militants fired ...' is a claim without the word claim."""
    return Kind.STATEMENT in kinds and Kind.GROUP in kinds and bool(
        re.search(r"\b(?:press release|statement|communiqu\w+|telegram|amaq|video)\b", low)
    ) and bool(re.search(r"\b(?:its|their)\s+(?:\w+\s+)?(?:fighters|militants|forces|mujahideen"
                         r"|members|drone|drones|rockets|missiles)\b", low))


@dataclass(frozen=True)
class _Places:
    target: str | None
    origin: str | None
    any_country: str | None
    location: Location | None


def _places(ms: list[Mention], low: str, base: int) -> _Places:
    """Where it landed or was aimed (target) and where it was fired from (origin)."""
    target: str | None = None
    origin: str | None = None
    any_country: str | None = None
    location: Location | None = None
    region: dict[str, str] = {}
    for m in ms:
        if m.entry.kind is Kind.ADMIN1 and m.entry.country:
            region.setdefault(m.entry.country, m.entry.value)
    for m in ms:
        if m.entry.kind not in PLACE_KINDS or not m.entry.country:
            continue
        code = m.entry.country
        before = low[max(0, m.start - base - 60) : m.start - base]
        after = low[m.end - base : m.end - base + 30]
        if _BORDER_AFTER.match(after) or (before.endswith("-") and _BORDER_AFTER.match(after)):
            continue
        if _FROM_BEFORE.search(before):
            origin = origin or code
            continue
        if any_country is None:
            any_country = code
        if (
            target == code and location is not None and location.name is None
            and m.entry.kind in (Kind.CITY, Kind.ADMIN1)
        ):
            location = _location(m, code, region)
        if target is None and _TARGET_BEFORE.search(before) and code != origin:
            target = code
            location = _location(m, code, region)
    return _Places(target=target, origin=origin, any_country=any_country, location=location)


def _location(m: Mention, code: str, region: dict[str, str]) -> Location:
    if m.entry.kind is Kind.CITY:
        return Location(name=m.surface, admin_region=region.get(code), country=code)
    if m.entry.kind is Kind.ADMIN1:
        return Location(name=m.surface, admin_region=m.entry.value, country=code)
    return Location(admin_region=region.get(code), country=code)


def _claim_target(
    place: _Places, group: str | None, lexicon: Lexicon, ctx: _Context, exclude: str | None = None
) -> str | None:
    home = lexicon.groups[group].base_country if group else None
    if place.target and place.target not in (place.origin, exclude):
        return place.target
    if place.any_country and place.any_country not in (place.origin, exclude, home):
        return place.any_country
    if place.any_country is None and ctx.last_target not in (exclude, None):
        return ctx.last_target
    return None


def _claimant(
    groups: list[Mention], low: str, ctx: _Context, branch_of: dict[str, str]
) -> str | None:
    if groups:
        return branch_of.get(groups[0].entry.value, groups[0].entry.value)
    if ctx.last_group and _ANAPHOR_GROUP.search(low):
        return ctx.last_group
    return None


def _nearest(states: list[_StateActor], cue: int) -> _StateActor:
    before = [s for s in states if s.start <= cue]
    return before[-1] if before else states[0]


def _speaker(
    states: list[_StateActor],
    groups: list[Mention],
    cue: int,
    low: str,
    ctx: _Context,
    branch_of: dict[str, str],
    base: int,
) -> tuple[str, ActorType, str | None] | None:
    """Who denies or confirms: a group right before the cue ('Hezbollah denied'), else a state
    speaker in the sentence, else the state the previous sentences were quoting."""
    for g in reversed(groups):
        end = g.end - base
        if end <= cue and cue - end <= 30 and not any(end <= s.start < cue for s in states):
            return branch_of.get(g.entry.value, g.entry.value), ActorType.NON_STATE, None
    if states:
        state = _nearest(states, cue)
        return state.label, ActorType.STATE, state.country
    if ctx.last_state and _ANAPHOR_STATE.search(low[: cue + 1]):
        return ctx.last_state, ActorType.STATE, ctx.last_state
    return None


def _weapon(ms: list[Mention], low: str, base: int) -> tuple[str | None, int | None]:
    for m in ms:
        if m.entry.kind is Kind.WEAPON:
            match = _COUNT_BEFORE.search(low[max(0, m.start - base - 30) : m.start - base])
            count = None
            if match:
                raw = match.group("n")
                count = int(raw) if raw.isdigit() else _NUMBERS.get(raw)
            return m.entry.value, count
    return None, None


def _canonical_weapon(lexicon: Lexicon, surface: str) -> str:
    return lexicon.weapon_of.get(surface.replace("-", " "), lexicon.weapon_of.get(surface, surface))


def _event(
    article: Article,
    published: date,
    kind: EventKind,
    actor: str,
    actor_type: ActorType,
    actor_country: str | None,
    attacker: str | None,
    target: str,
    origin: str | None,
    location: Location | None,
    incident: IncidentTime,
    weapon: str | None,
    count: int | None,
    damage: bool | None,
    occurred: bool,
    sentence: Sentence,
    clause_start: int,
) -> Event:
    digest = hashlib.sha1(
        f"{article.id}|{kind.value}|{clause_start}|{target}".encode()
    ).hexdigest()[:16]
    return Event(
        event_id=digest,
        article_id=article.id,
        source=article.source,
        url=article.url,
        published_at=published,
        kind=kind,
        actor=actor,
        actor_type=actor_type,
        actor_country=actor_country,
        attacker=attacker,
        target_country=target,
        origin_country=origin,
        location=location,
        incident_time=incident,
        weapon=weapon,
        count=count,
        damage=damage,
        occurred=occurred,
        evidence=Evidence(text=sentence.text, start=sentence.start, end=sentence.end),
    )


def _merge(events: list[Event]) -> list[Event]:
    """One event per statement: the same kind, actor and target about overlapping days."""
    kept: list[Event] = []
    for event in events:
        twin = next(
            (
                k for k in kept
                if k.kind is event.kind and k.actor == event.actor
                and k.target_country == event.target_country
                and k.incident_time.overlaps(event.incident_time, 0)
            ),
            None,
        )
        if twin is None:
            kept.append(event)
        elif _richer(event, twin):
            kept[kept.index(twin)] = event
    return kept


def _richer(a: Event, b: Event) -> bool:
    def score(e: Event) -> int:
        return (e.weapon is not None) + (e.count is not None) + 2 * e.incident_time.exact + (
            e.location is not None and e.location.name is not None)
    return score(a) > score(b)


_ = timedelta  # re-exported for callers computing windows
