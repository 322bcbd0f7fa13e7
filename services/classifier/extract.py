"""Article -> events: who claims, denies, confirms or reports which attack, where and when.

A pipeline of small pure steps: sentences -> clauses -> frames (speaker, verb, content) ->
statements (stance, proposition) -> events. No I/O, no clock: the Faust agent,
`counterclaim classify` and `counterclaim replay` all call `classify`, so the stream and a
file replay read articles identically.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date

from schemas.article import Article
from schemas.event import Event, Evidence
from services.classifier.context import Voice
from services.classifier.datelines import byline_spans, dateline_spans
from services.classifier.events import settle, to_event
from services.classifier.language import reads_language
from services.classifier.lexicon import Kind, Lexicon
from services.classifier.priming import prime
from services.classifier.quotes import opens_quote
from services.classifier.reader import Reader
from services.classifier.scan import (
    Mention,
    scan_details,
    scan_names,
    scan_places,
    scan_vocabulary,
)
from services.classifier.text import AS_SPACE, Sentence, fold_typography, lower_same_length, split_sentences


@dataclass(frozen=True)
class ClassifyResult:
    events: list[Event]
    skipped_language: str | None = None  # set when the article is in a language we do not read


_STANCE = frozenset({Kind.CLAIM, Kind.DENY, Kind.CONFIRM, Kind.FALSITY, Kind.SAY, Kind.DEFEAT})
_VIOLENT = frozenset({Kind.WEAPON, Kind.ATTACK, Kind.FALSITY, Kind.DEFEAT})
_POINTED = frozenset({Kind.CLAIM, Kind.DENY, Kind.CONFIRM, Kind.FALSITY})  # more than 'said'
_ACTORS = frozenset({Kind.GROUP, Kind.STATE, Kind.COMPANY})
MAX_SENTENCE_CHARS = 1_500
MAX_SENTENCE_MENTIONS = 80
_ARMED = re.compile(r"\b(?:[Ff]orces|[Tt]roops|[Aa]rmy|[Mm]ilitary|[Aa]ir [Ff]orce|[Nn]avy|[Ss]oldiers"
                    r"|[Mm]ilitants?|[Ww]arplanes|[Aa]ir [Dd]efen[cs]es?|[Aa]rtillery"
                    # what armies hit: 'said it hit a Russian ammunition depot'
                    r"|[Aa]mmunition|[Dd]epots?|[Aa]ir ?[Bb]ases?|[Aa]irfields?|[Cc]ommand [Pp]osts?"
                    r"|[Rr]adars?|[Ll]aunchers?|[Ww]arships?|[Bb]arracks|[Rr]efiner(?:y|ies)"
                    # 'said it struck a Russian landing ship', 'an Israeli spy base', 'border posts'
                    r"|(?:[Ll]anding|[Nn]aval|[Pp]atrol) (?:ships?|vessels?|boats?)|[Bb]ases"
                    r"|(?:[Mm]ilitary|[Ss]py|[Aa]rmy) (?:base|post|headquarters)"
                    r"|(?:[Bb]order|[Mm]ilitary|[Aa]rmy|[Ff]orward) (?:posts?|positions))\b")
_NEAR = 400  # characters: a statement about an attack names its speaker within a few sentences


def classify(article: Article, lexicon: Lexicon, fallback_day: date) -> ClassifyResult:
    """Every statement about an attack in the article, one event each, in text order."""
    language = reads_language(article)
    if language is not None:
        return ClassifyResult(events=[], skipped_language=language)
    head = headline(article.title)
    offset = len(head) + 2 if head else 0
    body = f"{head}\n\n{article.body}" if head else article.body
    folded = fold_typography(body)
    norm = lower_same_length(folded)
    vocabulary = scan_vocabulary(lexicon, folded, norm)
    if not _may_be_relevant(vocabulary):
        return ClassifyResult(events=[])
    mentions = scan_names(lexicon, folded, vocabulary)
    if not _worth_reading(mentions, folded):
        return ClassifyResult(events=[])
    mentions = scan_places(lexicon, folded, scan_details(lexicon, folded, norm, mentions))
    datelines = [(a + offset, b + offset) for a, b in dateline_spans(folded[offset:])]
    home = next((m.entry.country for m in mentions if m.entry.country and m.entry.kind in (
        Kind.STATE, Kind.PLACE) and any(a <= m.start < b for a, b in datelines)), None)
    home = home or _dateline_home(lexicon, folded, datelines)
    bylines = [(a + offset, b + offset) for a, b in byline_spans(folded[offset:])]
    mentions = _outside(mentions, datelines + bylines)
    published = article.publication_date(fallback_day)
    memory = prime(mentions, norm, lexicon, folded)
    memory.home = home
    if home:  # a story filed from Bogota names Colombia: its towns are known places
        memory.named.add(home)
    events: list[Event] = []
    states: set[str] = set()  # attackers named as states ('Pakistani air strikes')
    starts = [m.start for m in mentions]
    held: list[tuple[Sentence, list[Mention]]] = []  # quoted sentences awaiting their speaker
    inside, paragraph = False, -1
    speaking: Voice | None = None  # who speaks in a quotation still open ('X told Y, "P. Q."')
    for whole in split_sentences(body):
        if whole.paragraph != paragraph:
            inside, paragraph, held, speaking = False, whole.paragraph, [], None
        sentence = _bounded(whole)
        i = bisect_left(starts, sentence.start)
        j = bisect_left(starts, sentence.end)
        ms = [m for m in mentions[i:j] if m.end <= sentence.end][:MAX_SENTENCE_MENTIONS]
        reader = Reader(norm, folded, published, lexicon, memory)
        statements, voice = reader.sentence(sentence, ms)
        memory.last_place = next((m.entry.country for m in reversed(ms) if m.entry.kind is Kind.PLACE
                                  and m.entry.country), memory.last_place)
        if sentence is not whole:  # read in part, cited whole (the pipeline clips the text)
            cited = Evidence(text=whole.text, start=whole.start, end=whole.end)
            statements = [replace(s, evidence=cited) for s in statements]
        opened, still = opens_quote(folded[sentence.start : sentence.end], inside)
        still = still and folded[whole.end : whole.end + 1] != '"'  # 'morning."': closed right after
        if inside and voice is None and speaking is not None:
            statements.extend(reader.quoted(sentence, ms, speaking))
        elif opened and still and voice is None:
            held.append((sentence, ms))
        elif held and voice is not None:
            for quoted, quoted_ms in held:
                statements.extend(reader.quoted(quoted, quoted_ms, voice))
            held = []
        inside = still
        if not still:
            speaking = None
        elif not opened:  # the quotation opened after this sentence's attribution
            speaking = voice
        events.extend(to_event(article, published, s) for s in statements)
        states.update(s.attacker.name for s in statements if s.attacker is not None and s.attacker.is_state)
    return ClassifyResult(events=[_in_part(e, offset) for e in settle(events, frozenset(states))])


TITLE_MAX_CHARS = 1_000


def headline(title: str | None) -> str:
    """The title as one line read before the body (headlines often carry the denial: 'Kenya
    denies al-Shabaab claim of attack'). Same length as the title up to TITLE_MAX_CHARS, so
    offsets into it hold; '' when there is none."""
    if not title or not title.strip():
        return ""
    return title[:TITLE_MAX_CHARS].translate(AS_SPACE)


def _in_part(event: Event, offset: int) -> Event:
    """Evidence offsets into the part of the article that holds the sentence."""
    if not offset:
        return event
    evidence = event.evidence
    if evidence.start < offset:
        cited = evidence.model_copy(update={"part": "title", "end": min(evidence.end, offset - 2)})
    else:
        cited = evidence.model_copy(update={"start": evidence.start - offset,
                                            "end": evidence.end - offset})
    return event.model_copy(update={"evidence": cited})


def _bounded(sentence: Sentence) -> Sentence:
    """A sentence as far as it is read: prose sentences are a few hundred characters; a
    'sentence' of tens of thousands (a pasted table, a run of one word) is read only so far,
    which keeps the time per article linear in its length."""
    if sentence.end - sentence.start <= MAX_SENTENCE_CHARS:
        return sentence
    end = sentence.start + MAX_SENTENCE_CHARS
    return Sentence(sentence.start, end, sentence.text[:MAX_SENTENCE_CHARS], sentence.paragraph)


def _dateline_home(lexicon: Lexicon, folded: str, datelines: list[tuple[int, int]]) -> str | None:
    """'PESHAWAR:' is written in capitals that the city names do not match as written."""
    for a, b in datelines:
        words = folded[a:b].title()
        for m in scan_places(lexicon, words, scan_names(lexicon, words, [])):
            if m.entry.country and m.entry.kind in (Kind.STATE, Kind.PLACE):
                return m.entry.country
    return None


def _outside(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    if not spans:
        return mentions
    return [m for m in mentions if not any(a <= m.start < b for a, b in spans)]


def _worth_reading(mentions: list[Mention], text: str) -> bool:
    """Early rejection: one sentence with an attack word, an actor and a word of stance.

    Sentence bounds come from the nearest full stops or line breaks (cheap string searches);
    most everyday news, even with 'missiles' and 'the ministry said', has no such sentence.
    """
    actors = [m.start for m in mentions if m.entry.kind in _ACTORS]
    groups = [m.start for m in mentions if m.entry.kind is Kind.GROUP]
    stances = [m.start for m in mentions if m.entry.kind in _STANCE]
    pointed = [m.start for m in mentions if m.entry.kind in _POINTED]
    if not actors or not stances:
        return False
    for m in mentions:  # 'Jaish al-Adl claimed responsibility.': the claim names the act
        if m.entry.kind is Kind.CLAIM and m.surface.endswith(("responsibility", "credit")):
            start = max(text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start)) + 1
            if _within(groups, start, m.start):
                return True
    for m in mentions:
        if m.entry.kind not in _VIOLENT:
            continue
        start = max(text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start)) + 1
        ends = [e for e in (text.find(". ", m.end), text.find("\n", m.end)) if e >= 0]
        end = min(ends) if ends else len(text)
        if not _within(actors, start, end):
            continue
        # 'The Front said it hit ...' passes; 'killed' beside a state only with 'claimed', or
        # with armed forces in the sentence ('said its forces had struck a command post').
        plain = m.entry.role != "weak" or _within(groups, start, end) or bool(
            _ARMED.search(text, start, end))
        if _within(stances if plain else pointed, start, end):
            return True
    return False


def _within(positions: list[int], start: int, end: int) -> bool:
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def _may_be_relevant(vocabulary: list[Mention]) -> bool:
    """Before looking for names: an attack word with a word of stance close by."""
    stances = [m.start for m in vocabulary if m.entry.kind in _STANCE]
    return bool(stances) and any(
        m.entry.kind in _VIOLENT and _near(stances, m.start) for m in vocabulary
    )


def _near(positions: list[int], at: int) -> bool:
    i = bisect_left(positions, at - _NEAR)
    return i < len(positions) and positions[i] <= at + _NEAR
