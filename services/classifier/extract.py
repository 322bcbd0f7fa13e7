"""Article -> events: who claims, denies, confirms or reports which attack, where and when.

Pure: no I/O, no clock. The Faust agent, `counterclaim classify` and `counterclaim replay`
all call `classify`, so the stream and a file replay read articles identically.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, timedelta

from schemas.article import Article
from schemas.event import ActorType, Event, EventKind, Evidence, IncidentTime, Location
from services.classifier.dates import DateMention, find_dates, vague_recent
from services.classifier.language import reads_language
from services.classifier.lexicon import PLACE_KINDS, Kind, Lexicon
from services.classifier.scan import Mention, scan_names, scan_places, scan_vocabulary
from services.classifier.speakers import Speaker, nearest_before, passive_agent, speakers
from services.classifier.text import Sentence, fold_typography, lower_same_length, split_sentences

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
    r"\b(?:said|says|say|saying|announced|stated|declared|boasted)\s+"
    r"(?:(?:on|in|late|early|last)\s+\w+\s+|\w+day\s+)?(?:that\s+)?"
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
    r"|\bto|\bin the direction of|\bheading towards?"
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
    state_paragraph: int = -1
    sentence_dated: bool = False
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
    folded = fold_typography(body)
    norm = lower_same_length(folded)
    published = article.publication_date(fallback_day)
    vocabulary = scan_vocabulary(lexicon, folded, norm)
    if not _may_be_relevant(vocabulary):
        return ClassifyResult(events=[])
    mentions = scan_names(lexicon, folded, vocabulary)
    if not _worth_reading(mentions):
        return ClassifyResult(events=[])
    mentions = scan_places(lexicon, folded, mentions)
    branch_of = _branches(lexicon, mentions)
    ctx = _Context()
    events: list[Event] = []
    by_sentence = _group_by_sentence(split_sentences(body), mentions)
    for sentence, ms in by_sentence:
        events.extend(
            _read_sentence(article, lexicon, published, sentence, norm, ms, ctx, branch_of)
        )
    return ClassifyResult(events=_merge(_reports_as_confirmations(events)))


def _reports_as_confirmations(events: list[Event]) -> list[Event]:
    """A target state reporting the very attack a group claims confirms that claim."""
    claims = [e for e in events
              if e.kind is EventKind.CLAIM and e.actor_type is ActorType.NON_STATE]

    def claimed(report: Event) -> bool:
        return any(c.target_country == report.target_country
                   and c.incident_time.overlaps(report.incident_time, 1) for c in claims)

    return [
        e.model_copy(update={"kind": EventKind.CONFIRMATION})
        if e.kind is EventKind.ATTACK_REPORT and claimed(e) else e
        for e in events
    ]


# A bare "officials" speaks for no one until a country or named organ qualifies it.
_ACTOR_KINDS = frozenset({Kind.GROUP, Kind.NAMED_ORGAN, Kind.COUNTRY, Kind.DEMONYM})
_STANCE_WORDS = frozenset({Kind.CLAIM, Kind.DENY, Kind.FALSITY, Kind.CONFIRM, Kind.STATEMENT})
_NEAR = 400  # characters: a statement about an attack names its speaker within a few sentences


def _worth_reading(mentions: list[Mention]) -> bool:
    """Early rejection: an event needs an attack word (or a 'false reports' denial) with an
    actor and a word of saying, claiming or denying close by. Most everyday news has none."""
    actors = [m.start for m in mentions if m.entry.kind in _ACTOR_KINDS]
    stances = [m.start for m in mentions if m.entry.kind in _STANCE_WORDS]
    if not actors or not stances:
        return False
    for m in mentions:
        if m.entry.kind in (Kind.WEAPON, Kind.ATTACK, Kind.FALSITY) and _near(actors, m.start) \
                and _near(stances, m.start):
            return True
    return False


def _may_be_relevant(vocabulary: list[Mention]) -> bool:
    """Before looking for names: an attack word with a word of stance close by."""
    stances = [m.start for m in vocabulary if m.entry.kind in _STANCE_WORDS]
    return bool(stances) and any(
        m.entry.kind in (Kind.WEAPON, Kind.ATTACK, Kind.FALSITY) and _near(stances, m.start)
        for m in vocabulary
    )


def _near(positions: list[int], at: int) -> bool:
    i = bisect_left(positions, at - _NEAR)
    return i < len(positions) and positions[i] <= at + _NEAR


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


# `(?<!\s)`: a run of white space is tried once, from its start, not from each of its characters.
_CLAUSE_BREAK = re.compile(
    r",\s+(?:but|while|whereas|although)\s+|;\s+|(?<!\s)\s+but\s+(?=\w+\s+(?:of\s+)?\w+)")


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
    ctx.sentence_dated = bool(dates)
    events: list[Event] = []
    if not ms and "correspond" not in low:
        return events  # nothing named and no 'reports ... do not correspond to reality'
    for c_start, c_end in _clauses(sentence, low):
        a, b = sentence.start + c_start, sentence.start + c_end
        clause = Sentence(a, b, sentence.text, sentence.paragraph)
        cms = [m for m in ms if a <= m.start and m.end <= b]
        clow = norm[a:b]
        for m in cms:
            if m.entry.kind is Kind.GROUP:
                name = branch_of.get(m.entry.value, m.entry.value)
                ctx.last_group = name
                if name not in ctx.groups:
                    ctx.groups.append(name)
        kinds = {m.entry.kind for m in cms}
        violent = bool(kinds & {Kind.WEAPON, Kind.ATTACK}) or (
            (Kind.FALSITY in kinds or "correspond" in clow) and bool(_REPORTS_FALSE.search(clow))
        )
        if violent and not _SPORT_OR_MARKET.search(clow):
            events.extend(_stances(
                article, lexicon, published, clause, sentence, clow, cms, ctx, branch_of, incident,
            ))
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



def _stances(
    article: Article,
    lexicon: Lexicon,
    published: date,
    clause: Sentence,
    sentence: Sentence,
    low: str,
    ms: list[Mention],
    ctx: _Context,
    branch_of: dict[str, str],
    incident: IncidentTime,
) -> list[Event]:
    kinds = {m.entry.kind for m in ms}
    base = clause.start
    voices = speakers(lexicon, ms, low, base, branch_of)
    states = [v for v in voices if v.state]
    place = _places(ms, low, base)
    weapon, count = _weapon(ms, low, base)
    damage_stated = Kind.DAMAGE in kinds and not _NO_DAMAGE.search(low)
    out: list[Event] = []
    attacker: list[str | None] = [None]
    when = [incident]

    def emit(kind: EventKind, actor: str, actor_type: ActorType, actor_country: str | None,
             target: str | None, *, occurred: bool = True, damage: bool | None = None,
             weapon_override: str | None = None) -> None:
        if target is None:
            return
        origin = place.origin
        group = attacker[0]
        if origin is None and group and kind is not EventKind.DENIAL and group in lexicon.groups:
            origin = lexicon.groups[group].base_country
        location = place.location if place.location and place.location.country == target else None
        out.append(
            _event(
                article, published, kind, actor, actor_type, actor_country, group, target,
                origin if origin != target else None, location or Location(country=target),
                when[0], weapon_override or weapon, count, damage, occurred, sentence,
                clause.start,
            )
        )

    deny_cue = _denial_cue(ms, low, base, states)
    confirm_cue = _confirm_cue(ms, low, base)
    claimant = _claim(lexicon, ms, low, base, voices, ctx, deny_cue, confirm_cue)
    if claimant is not None:
        name, is_state, country = claimant
        definite = bool(_DEFINITE_ATTACK.search(low)) and ctx.last_target is not None
        specific = weapon is not None or place.target is not None or incident.exact or definite
        if specific and not is_state:
            attacker[0] = name
            if not ctx.sentence_dated and _RECALLED.search(low):
                when[0] = IncidentTime(start=published - timedelta(days=120),
                                       end=published - timedelta(days=15), exact=False)
            emit(EventKind.CLAIM, name, ActorType.NON_STATE, None,
                 _claim_target(place, name, lexicon, ctx))
        elif specific and is_state and country:
            emit(EventKind.CLAIM, name, ActorType.STATE, country,
                 _claim_target(place, None, lexicon, ctx, exclude=country))
    if attacker[0] is None:
        attacker[0] = ctx.last_claimant or (ctx.groups[0] if ctx.groups else None)

    if deny_cue is not None:
        cue, cue_end, only = deny_cue
        speaker = _who(voices, low, cue, cue_end, ctx, lexicon)
        if speaker is not None:
            name, is_state, country = speaker
            denied_for: str | None
            if is_state and country:
                denied_for = country
            else:
                base_of = lexicon.groups[name].base_country if name in lexicon.groups else None
                denied_for = place.target or next(
                    (c for c in place.countries if c != base_of), None) or ctx.last_target
            emit(
                EventKind.DENIAL, name, ActorType.STATE if is_state else ActorType.NON_STATE,
                country if is_state else None, denied_for,
                occurred=_still_occurred(low, only is not None, _first_of(ms, Kind.DENY, base)),
                damage=False if _NO_DAMAGE.search(low) else None,
                weapon_override=_canonical_weapon(lexicon, only) if only else None,
            )

    if confirm_cue is not None:
        cue, cue_end = confirm_cue
        speaker = _who(voices, low, cue, cue_end, ctx, lexicon)
        if speaker is not None and speaker[0] != (claimant[0] if claimant else None):
            name, is_state, country = speaker
            named = next((v.name for v in voices if not v.state and v.name != name), None)
            attacker[0] = named or (attacker[0] if attacker[0] != name else None)
            confirmed_for = (
                place.target or _claim_target(place, attacker[0], lexicon, ctx)
                or (country if is_state else None)
            )
            emit(EventKind.CONFIRMATION, name, ActorType.STATE if is_state else ActorType.NON_STATE,
                 country if is_state else None, confirmed_for, damage=True if damage_stated else None)

    if not out and claimant is None and deny_cue is None and confirm_cue is None:
        reporter = next((s for s in states if s.voiced), None)
        home: str | None = reporter.country if reporter else (
            ctx.last_state if ctx.state_paragraph == sentence.paragraph else None)
        said_by: str | None = reporter.name if reporter else (
            lexicon.country_names.get(home, home) if home else None)
        struck: str | None = place.target or (home if _OWN_TERRITORY.search(low) else None)
        if (
            home and said_by and struck == home
            and (Kind.WEAPON in kinds or _INCURSION.search(low)) and Kind.ATTACK in kinds
            and not _HYPOTHETICAL.search(low)
        ):
            emit(EventKind.ATTACK_REPORT, said_by, ActorType.STATE, home, struck,
                 damage=True if damage_stated else None)

    for v in voices:
        if v.state and v.voiced and v.country:
            ctx.last_state = v.country
            ctx.state_paragraph = sentence.paragraph
    for e in out:
        ctx.last_target = e.target_country
        if e.kind is EventKind.CLAIM and e.actor_type is ActorType.NON_STATE:
            ctx.last_claimant = e.actor
    return out


# A claim recalled in passing ("X had claimed these attacks", "prior to this ...") is about an
# earlier incident: without a date it gets an interval well before publication, never today.
_RECALLED = re.compile(
    r"\b(?:had|previously|earlier|formerly)\s+(?:\w+\s+)?(?:claimed|alleged|taken responsibility)"
    r"|^(?:prior to this|before this|previously|earlier)\b"
)
_DEFINITE_ATTACK = re.compile(
    r"\b(?:the|this|that|these|those|both)\s+(?:two\s+|latest\s+|recent\s+)?"
    r"(?:attacks?|strikes?|bombings?|operations?|shelling|incident)\b"
)
_OWN_TERRITORY = re.compile(
    r"\b(?:its|our|their)\s+(?:own\s+)?(?:territory|airspace|soil|border)\b"
    r"|\b(?:israeli|uzbek|tajik|saudi|emirati|iraqi|syrian|turkish|iranian|pakistani|afghan"
    r"|lebanese|jordanian|russian|ukrainian)\s+(?:territory|airspace|soil)\b"
)
_INCURSION = re.compile(r"\b(?:infiltrat\w*|incursion|crossed the (?:border|frontier|blue line))\b")
_NOT_OTHER = re.compile(
    r"\b(?P<w>bullets?|gunfire|small[- ]arms(?: fire)?|shots|shells?|mortars?|projectiles?)\W{0,3}"
    r"\s*,?\s*(?:and\s+)?(?:not|rather than|instead of)\s+(?:rockets?|missiles?|drones?)\b"
)
_NOTHING_HAPPENED = re.compile(
    r"\b(?:nothing|no\s+(?:\w+\s+)?(?:rockets?|missiles?|drones?|shells?|projectiles?))\s+"
    r"(?:had\s+|has\s+|have\s+|was\s+|were\s+)?(?:landed|fell|hit|struck|crossed|reached|been fired)"
    r"|\bno\s+(?:\w+\s+){0,2}(?:attack|strike|shelling)\s+(?:had\s+|has\s+)?(?:taken|took)\s+place"
    r"|\bbusiness as usual\b|\bno military activity\b"
)
_REPORTS_FALSE = re.compile(
    r"\b(?:false|fake|baseless|fabricated|untrue|groundless|unfounded)\s+(?:\w+\s+)?"
    r"(?:reports?|claims?|information|allegations?|news)\b"
    r"|\b(?:reports?|claims?|information|allegations?)\b.{0,80}\b(?:false|untrue|fabricat\w*|baseless"
    r"|not true|lies|do not correspond to (?:the )?reality|does not correspond to (?:the )?reality)\b"
)
_CLAIM_CONTENT = re.compile(
    r"\b(?:responsibility|attack\w*|fired|launch\w*|target\w*|struck|strikes?|hit|shell\w*"
    r"|bomb\w*|rockets?|missiles?|drones?|operations?|raid|assault|downed|shot down)\b"
)
_ATTRIBUTION = re.compile(
    r"\b(?:the group|it|the militants|the militia|the movement) said\b|\bsaid in a statement\b"
    r"|\baccording to (?:the )?(?:site|amaq|a statement|its|the group|a group statement)"
    r"|\b(?:amaq|telegram channel|press release|propaganda)\b"
)
_GROUP_ACTS = re.compile(
    r"^(?:'s)?\s*(?:\([^)]{0,40}\)\s*)?(?:[\w-]+\s+){0,4}?(?:had\s+|have\s+)?(?:fired|launched"
    r"|attacked|targeted|struck|shelled|bombed|carried out)\b"
)


def _claim(
    lexicon: Lexicon,
    ms: list[Mention],
    low: str,
    base: int,
    voices: list[Speaker],
    ctx: _Context,
    deny_cue: tuple[int, int, str | None] | None,
    confirm_cue: tuple[int, int] | None,
) -> tuple[str, bool, str | None] | None:
    """Who claims the attack in this clause: (name, is a state, state's country), if anyone."""
    cue_m = next((m for m in ms if m.entry.kind is Kind.CLAIM), None)
    if cue_m is not None and not _negated_cue(low, ("claim",)):
        cue, cue_end = cue_m.start - base, cue_m.end - base
        if not _HYPOTHETICAL.search(low[max(0, cue - 25) : cue]):
            agent = passive_agent(voices, low, cue_end)
            subject = agent or _subject_before(voices, low, cue)
            content = (
                "responsib" in cue_m.surface.lower()
                or bool(_CLAIM_CONTENT.search(low[cue_end:]))
                or (agent is not None and bool(_CLAIM_CONTENT.search(low[:cue])))
            )
            if subject is None and ctx.last_group and _ANAPHOR_GROUP.search(low[:cue]):
                subject = Speaker(0, 0, ctx.last_group, False, None, True)
            if subject is not None and content:
                if not subject.state:
                    return subject.name, False, None
                if deny_cue is None and confirm_cue is None:
                    return subject.name, True, subject.country
    said = _SAID_IT_DID.search(low)
    if said is not None:
        subject = nearest_before(voices, said.start(), reach=140)
        if subject is None and ctx.last_group and _ANAPHOR_GROUP.search(low[: said.start()]):
            return ctx.last_group, False, None
        if subject is not None and not subject.state:
            return subject.name, False, None
    if _ATTRIBUTION.search(low):
        for v in voices:
            if not v.state and _GROUP_ACTS.match(low[v.end :]) and not re.search(
                r"\bby\s+(?:the\s+)?$", low[max(0, v.start - 10) : v.start]
            ):
                return v.name, False, None
    return None


def _subject_before(voices: list[Speaker], low: str, cue: int) -> Speaker | None:
    """The grammatical subject before a verb, skipping an appositive:
    'ISKP, an enemy of the Taliban, claimed ...' is ISKP's claim."""
    head = low[:cue].rstrip()
    if head.endswith(","):
        opening = head[:-1].rfind(",")
        if opening > 0:
            subject = nearest_before(voices, opening, reach=90)
            if subject is not None:
                return subject
    return nearest_before(voices, cue, reach=90)


def _denial_cue(
    ms: list[Mention], low: str, base: int, states: list[Speaker]
) -> tuple[int, int, str | None] | None:
    """(start, end, the other weapon for 'only bullets') of the denial in this clause, if any."""
    if _negated_cue(low, ("den", "reject", "refut", "dismiss", "rebu")):
        return None
    for pattern in (_ONLY_OTHER, _NOT_OTHER):
        match = pattern.search(low)
        if match:
            return match.start(), match.end(), match.group("w")
    verb = next((m for m in ms if m.entry.kind is Kind.DENY), None)
    if verb is not None:
        return verb.start - base, verb.end - base, None
    falsity = _REPORTS_FALSE.search(low)
    if falsity:
        return falsity.start(), falsity.end(), None
    nothing = _NOTHING_HAPPENED.search(low)
    if nothing and any(s.voiced for s in states):
        return nothing.start(), nothing.end(), None
    return None


def _confirm_cue(ms: list[Mention], low: str, base: int) -> tuple[int, int] | None:
    if _negated_cue(low, ("confirm", "acknowledg", "admit", "verif")):
        return None
    verb = next((m for m in ms if m.entry.kind is Kind.CONFIRM), None)
    if verb is not None:
        return verb.start - base, verb.end - base
    fact = re.search(r"\bwas in fact\b|\bindeed (?:fired|launched|carried out)\b", low)
    return (fact.start(), fact.end()) if fact else None


def _who(
    voices: list[Speaker], low: str, cue: int, cue_end: int, ctx: _Context, lexicon: Lexicon
) -> tuple[str, bool, str | None] | None:
    """The voice behind a denial or confirmation: passive agent, the subject before the cue,
    a voiced state elsewhere in the clause, or the state the previous sentences quoted."""
    agent = passive_agent(voices, low, cue_end)
    if agent is not None:
        return agent.name, agent.state, agent.country
    subject = nearest_before([v for v in voices if v.voiced or not v.state], cue)
    if subject is not None and (subject.voiced or cue - subject.end <= 40):
        return subject.name, subject.state, subject.country
    voiced = [v for v in voices if v.voiced]
    if voiced:
        return voiced[0].name, voiced[0].state, voiced[0].country
    if ctx.last_state and _ANAPHOR_STATE.search(low[: cue + 1]):
        return lexicon.country_names.get(ctx.last_state, ctx.last_state), True, ctx.last_state
    return None


def _still_occurred(low: str, only_other: bool, deny_verb: int | None) -> bool:
    """Does the denial leave the attack itself standing? 'Only bullets', 'no damage': yes."""
    if only_other:
        return True
    if _NOT_OCCURRED.search(low) or _NOTHING_HAPPENED.search(low) or _REPORTS_FALSE.search(low):
        return False
    if _NO_DAMAGE.search(low) or re.search(r"\bden\w*\b.{0,60}\b(?:damage|casualt|injur)", low):
        return True
    if deny_verb is not None and re.search(r"\b(?:involvement|responsibility|role)\b", low):
        return True  # denying who did it is not denying that it happened
    return deny_verb is None


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


@dataclass(frozen=True)
class _Places:
    target: str | None
    origin: str | None
    countries: tuple[str, ...]  # every country named, in order, border compounds included
    location: Location | None


_NOT_A_PLACE_AFTER = re.compile(r"-(?:linked|backed|aligned|allied|supported|sponsored|led|based|funded)\b")


def _places(ms: list[Mention], low: str, base: int) -> _Places:
    """Where it landed or was aimed (target) and where it was fired from (origin)."""
    target: str | None = None
    origin: str | None = None
    countries: list[str] = []
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
        if _NOT_A_PLACE_AFTER.match(after):
            continue
        if code not in countries:
            countries.append(code)
        if _BORDER_AFTER.match(after):
            continue
        if _FROM_BEFORE.search(before):
            origin = origin or code
            continue
        if (
            target == code and location is not None and location.name is None
            and m.entry.kind in (Kind.CITY, Kind.ADMIN1)
        ):
            location = _location(m, code, region)
        if target is None and _TARGET_BEFORE.search(before) and code != origin:
            target = code
            location = _location(m, code, region)
    if origin is not None and origin in countries and target is None:
        countries.remove(origin)
    return _Places(target=target, origin=origin, countries=tuple(countries), location=location)


def _location(m: Mention, code: str, region: dict[str, str]) -> Location:
    if m.entry.kind is Kind.CITY:
        return Location(name=m.surface, admin_region=region.get(code), country=code)
    if m.entry.kind is Kind.ADMIN1:
        return Location(name=m.surface, admin_region=m.entry.value, country=code)
    return Location(admin_region=region.get(code), country=code)


def _claim_target(
    place: _Places, group: str | None, lexicon: Lexicon, ctx: _Context, exclude: str | None = None
) -> str | None:
    home = lexicon.groups[group].base_country if group in lexicon.groups else None
    if place.target and place.target not in (place.origin, exclude):
        return place.target
    others = [c for c in place.countries if c not in (place.origin, exclude, home)]
    if others:
        return others[0]
    if not place.countries and ctx.last_target not in (exclude, None):
        return ctx.last_target
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

