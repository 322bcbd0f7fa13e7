"""Article -> events: who claims, denies, confirms or reports which attack, where and when.

A pipeline of small pure steps: sentences -> clauses -> frames (speaker, verb, content) ->
statements (stance, proposition) -> events. No I/O, no clock: the Faust agent,
`counterclaim classify` and `counterclaim replay` all call `classify`, so the stream and a
file replay read articles identically.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date

from schemas.article import Article
from schemas.event import Event, EventKind, Evidence, IncidentTime
from services.classifier.clauses import Clause, split_clauses
from services.classifier.context import Memory, Voice
from services.classifier.datelines import dateline_spans
from services.classifier.events import Statement, settle, to_event
from services.classifier.frames import Cue, Frame, find_frames
from services.classifier.language import reads_language
from services.classifier.quotes import opens_quote
from services.classifier.lexicon import Kind, Lexicon
from services.classifier.scan import Mention, scan_names, scan_places, scan_vocabulary
from services.classifier.slots import attacker_in, weapon_and_count
from services.classifier.stance import Reading, Sides, read
from services.classifier.targets import find_target, scene
from services.classifier.text import Sentence, fold_typography, lower_same_length, split_sentences
from services.classifier.timing import incident_time
from services.classifier.voices import speaker


@dataclass(frozen=True)
class ClassifyResult:
    events: list[Event]
    skipped_language: str | None = None  # set when the article is in a language we do not read


_STANCE = frozenset({Kind.CLAIM, Kind.DENY, Kind.CONFIRM, Kind.FALSITY, Kind.SAY, Kind.DEFEAT})
_VIOLENT = frozenset({Kind.WEAPON, Kind.ATTACK, Kind.FALSITY, Kind.DEFEAT})
# A sentence may hold a statement about an attack: attack words, or a denial of 'the claim'.
_TELLING = frozenset({Kind.WEAPON, Kind.ATTACK, Kind.FALSITY, Kind.DEFEAT, Kind.DENY,
                      Kind.CONFIRM, Kind.CLAIM})
_ACTORS = frozenset({Kind.GROUP, Kind.STATE, Kind.COMPANY})
_NEAR = 400  # characters: a statement about an attack names its speaker within a few sentences


def classify(article: Article, lexicon: Lexicon, fallback_day: date) -> ClassifyResult:
    """Every statement about an attack in the article, one event each, in text order."""
    language = reads_language(article)
    if language is not None:
        return ClassifyResult(events=[], skipped_language=language)
    body = article.body
    folded = fold_typography(body)
    norm = lower_same_length(folded)
    vocabulary = scan_vocabulary(lexicon, folded, norm)
    if not _may_be_relevant(vocabulary):
        return ClassifyResult(events=[])
    mentions = scan_names(lexicon, folded, vocabulary)
    if not _worth_reading(mentions):
        return ClassifyResult(events=[])
    mentions = _outside(scan_places(lexicon, folded, mentions), dateline_spans(folded))
    published = article.publication_date(fallback_day)
    memory = Memory(branch_of=_branches(lexicon, mentions))
    _company_homes(mentions, memory)
    memory.named = {m.entry.value for m in mentions if m.entry.kind is Kind.STATE}
    memory.main_group = _main_group(mentions, norm, memory)
    memory.scene = scene(mentions, norm, lexicon, memory)
    events: list[Event] = []
    starts = [m.start for m in mentions]
    held: list[tuple[Sentence, list[Mention]]] = []  # quoted sentences awaiting their speaker
    inside, paragraph = False, -1
    for sentence in split_sentences(body):
        if sentence.paragraph != paragraph:
            inside, paragraph, held = False, sentence.paragraph, []
        i = bisect_left(starts, sentence.start)
        j = bisect_left(starts, sentence.end)
        ms = [m for m in mentions[i:j] if m.end <= sentence.end]
        reader = _Reader(norm, folded, published, lexicon, memory)
        statements, voice = reader.sentence(sentence, ms)
        opened, still = opens_quote(folded[sentence.start : sentence.end], inside)
        if opened and still and voice is None:
            held.append((sentence, ms))
        elif held and voice is not None:
            for quoted, quoted_ms in held:
                statements.extend(reader.quoted(quoted, quoted_ms, voice))
            held = []
        inside = still
        events.extend(to_event(article, published, s) for s in statements)
    return ClassifyResult(events=settle(events))


@dataclass
class _Reader:
    norm: str
    folded: str
    published: date
    lexicon: Lexicon
    memory: Memory

    def clauses(self, sentence: Sentence, ms: list[Mention]) -> list[Clause]:
        low = self.norm[sentence.start : sentence.end]
        return split_clauses(sentence, low, self.folded[sentence.start : sentence.end], ms)

    def sentence(self, sentence: Sentence, ms: list[Mention]) -> tuple[list[Statement], Voice | None]:
        """The statements of one sentence, and the last speaker it names."""
        memory = self.memory
        when = incident_time(self.norm[sentence.start : sentence.end], self.published,
                             sentence.paragraph, memory)
        for m in ms:
            if m.entry.kind is Kind.GROUP and m.entry.value not in memory.groups_named:
                memory.groups_named.append(m.entry.value)
        telling = any(m.entry.kind in _TELLING for m in ms)
        out: list[Statement] = []
        last: Voice | None = None
        for clause in self.clauses(sentence, ms):
            previous: Voice | None = None
            heard: list[tuple[Frame, Voice]] = []
            for frame in find_frames(clause):
                voice = _voice(clause, frame, self.lexicon, memory, previous)
                if voice is None:
                    continue
                if not frame.nested:
                    previous = last = voice
                    memory.spoke(voice)
                heard.append((frame, voice))
            if not telling:
                continue
            # Claims quoted inside a statement first: the statement answers them.
            for frame, voice in sorted(heard, key=lambda fv: not fv[0].nested):
                if frame.relay:
                    continue
                statement = self.read(clause, frame, voice, when, _enclosing(frame, heard))
                if statement is not None:
                    out.append(statement)
        out.sort(key=lambda s: s.anchor)
        return out, last

    def quoted(self, sentence: Sentence, ms: list[Mention], voice: Voice) -> list[Statement]:
        """A sentence of a quotation whose speaker a later sentence names."""
        if not any(m.entry.kind in _TELLING for m in ms):
            return []
        when = incident_time(self.norm[sentence.start : sentence.end], self.published,
                             sentence.paragraph, self.memory)
        out: list[Statement] = []
        for clause in self.clauses(sentence, ms):
            frame = Frame(Cue.SAY, "", clause.start, clause.start, None, (clause.start, clause.end))
            statement = self.read(clause, frame, voice, when, None)
            if statement is not None:
                out.append(statement)
        return out

    def read(self, clause: Clause, frame: Frame, voice: Voice, when: IncidentTime,
             outer: Voice | None) -> Statement | None:
        reading = read(frame, voice, clause.sub(*frame.content),
                       _sides(clause, frame, voice, self.lexicon, self.memory))
        if reading is None:
            return None
        return _statement(clause, frame, voice, reading, when, self.lexicon, self.memory, outer)


def _enclosing(frame: Frame, heard: list[tuple[Frame, Voice]]) -> Voice | None:
    """The speaker of the statement a nested claim sits in ('X rejected G's claim that P')."""
    for other, voice in heard:
        if other is not frame and other.content[0] <= frame.verb_start < other.content[1]:
            return voice
    return None


def _voice(clause: Clause, frame: Frame, lexicon: Lexicon, memory: Memory,
           previous: Voice | None) -> Voice | None:
    if frame.subject is None:
        return previous or memory.last_voice  # 'X reported ..., but said ...'
    return speaker(clause, frame.subject[0], frame.subject[1], lexicon, memory, frame.content)


def _statement(
    clause: Clause, frame: Frame, voice: Voice, reading: Reading, when: IncidentTime,
    lexicon: Lexicon, memory: Memory, outer: Voice | None,
) -> Statement | None:
    content = frame.content
    if reading.kind is EventKind.CLAIM:
        exclude = frozenset({voice.country})
        target = find_target(clause, content, lexicon, memory, exclude)
        fallback = outer.country if outer is not None and not outer.is_group else None
        country = (target.country or fallback or memory.main_target(set(exclude))
                   or memory.scene_target(set(exclude)))
        attacker: Voice | None = voice
        origin = target.origin or voice.country
    else:
        target = find_target(clause, content, lexicon, memory)
        country = _spoken_for(voice, target.country, memory)
        if (reading.kind is not EventKind.DENIAL and not voice.is_group and target.strength >= 2
                and target.country != voice.country):
            return None  # a state telling of an attack on someone else reports nothing of its own
        attacker = attacker_in(clause, content, lexicon, memory)
        origin = target.origin or (attacker.country if attacker else None)
    if country is None:
        return None
    if reading.kind is EventKind.CLAIM:
        memory.claimant = voice
    memory.targets[country] += 1
    memory.last_target = country
    weapon, count = weapon_and_count(clause, content)
    location = target.location if target.location and target.location.country == country else None
    sentence = clause.sentence
    return Statement(
        kind=reading.kind, voice=voice, attacker=attacker, target=country, origin=origin,
        location=location, time=when,
        weapon=reading.weapon or weapon, count=count, damage=reading.damage,
        occurred=reading.occurred,
        contested=_contested(reading),
        evidence=Evidence(text=sentence.text, start=sentence.start, end=sentence.end),
        anchor=frame.verb_start,
    )


_VICTIM_BEFORE = re.compile(r"\b(?:on|against|at|targeting|targeted|into|hit|struck|of)\s{1,3}"
                            r"(?:the\s{1,3}|a\s{1,3})?(?:[\w'-]+\s{1,3}){0,2}$")


def _sides(clause: Clause, frame: Frame, voice: Voice, lexicon: Lexicon, memory: Memory) -> Sides:
    """Does the speaker's own side attack ('the Indian army conducted strikes', 'a Ukrainian
    sea drone damaged ...'), and does the content name someone else's territory or assets?"""
    if not voice.is_state:
        return Sides()
    own = False
    ms = clause.within(*frame.content)
    for i, m in enumerate(ms):
        if m.entry.kind is not Kind.STATE or m.entry.value != voice.country:
            continue
        if _VICTIM_BEFORE.search(clause.sub(m.start - 40, m.start)):
            continue
        if any(n.entry.kind in (Kind.WEAPON, Kind.ATTACK) and n.start - m.end <= 50
               for n in ms[i + 1 : i + 5]):
            own = True
            break
    other = find_target(clause, frame.content, lexicon, memory, frozenset({voice.country}))
    return Sides(own_attack=own, foreign_target=other.strength >= 2)


def _contested(reading: Reading) -> str | None:
    if reading.kind is not EventKind.DENIAL:
        return None
    if not reading.occurred:
        return "occurrence"
    return reading.partial or "effect"


def _spoken_for(voice: Voice, named: str | None, memory: Memory) -> str | None:
    """Whose attack a denial, report or confirmation is about.

    A state speaks about attacks on itself; a company about its own assets; a group that
    governs de facto (confirming what hit a neighbour) about the article's target.
    """
    if voice.is_group:
        if named:
            return named
        return memory.last_target if memory.last_target != voice.country else memory.main_target(
            {voice.country})
    return voice.country


def _outside(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    if not spans:
        return mentions
    return [m for m in mentions if not any(a <= m.start < b for a, b in spans)]


def _branches(lexicon: Lexicon, mentions: list[Mention]) -> dict[str, str]:
    """A bare 'IS' or 'Daesh' means the branch the article names elsewhere, if just one."""
    named = {m.entry.value for m in mentions if m.entry.kind is Kind.GROUP}
    out: dict[str, str] = {}
    for group_id in named:
        group = lexicon.groups.get(group_id)
        if group and group.parent and group.parent in named:
            out.setdefault(group.parent, group_id)
    return out


_OBJECT_BEFORE = re.compile(
    r"\b(?:against|destroy|defeat|fight|fighting|war on|war with|ties to|tied to|linked to"
    r"|backed by|allied with|aligned with|close to|targeting|targeted|strikes? on|attacks? on"
    r"|enemy of|rival)\s{1,3}(?:the\s{1,3})?$"
)
_RUN_AFTER = re.compile(r"-(?:run|led|controlled|held|affiliated|linked|backed|aligned)\b")


def _main_group(mentions: list[Mention], norm: str, memory: Memory) -> str | None:
    """The group the article is about: named most, and most often as the one who speaks."""
    counts: Counter[str] = Counter()
    for i, m in enumerate(mentions):
        if m.entry.kind is not Kind.GROUP or _OBJECT_BEFORE.search(norm[max(0, m.start - 30) : m.start]) \
                or _RUN_AFTER.match(norm, m.end):
            continue  # 'war against Hamas', 'ties to Hamas', 'Hamas-run ministry': not its story
        speaks = any(n.entry.kind in (Kind.CLAIM, Kind.SAY) and 0 <= n.start - m.end < 60
                     for n in mentions[i + 1 : i + 6])
        counts[memory.branch_of.get(m.entry.value, m.entry.value)] += 3 if speaks else 1
    return counts.most_common(1)[0][0] if counts else None


def _company_homes(mentions: list[Mention], memory: Memory) -> None:
    """'Danish shipping company Maersk': the article names the company's home state."""
    for i, m in enumerate(mentions):
        if m.entry.kind is not Kind.COMPANY:
            continue
        for prior in reversed(mentions[max(0, i - 3) : i]):
            if prior.entry.kind is Kind.STATE and m.start - prior.end <= 40 and prior.entry.role in (
                    "demonym", "name"):
                memory.company_country.setdefault(m.entry.value, prior.entry.value)
                break


def _worth_reading(mentions: list[Mention]) -> bool:
    """Early rejection: an attack word with an actor and a word of stance close by."""
    actors = [m.start for m in mentions if m.entry.kind in _ACTORS]
    stances = [m.start for m in mentions if m.entry.kind in _STANCE]
    if not actors or not stances:
        return False
    return any(m.entry.kind in _VIOLENT and _near(actors, m.start) and _near(stances, m.start)
               for m in mentions)


def _may_be_relevant(vocabulary: list[Mention]) -> bool:
    """Before looking for names: an attack word with a word of stance close by."""
    stances = [m.start for m in vocabulary if m.entry.kind in _STANCE]
    return bool(stances) and any(
        m.entry.kind in _VIOLENT and _near(stances, m.start) for m in vocabulary
    )


def _near(positions: list[int], at: int) -> bool:
    i = bisect_left(positions, at - _NEAR)
    return i < len(positions) and positions[i] <= at + _NEAR
