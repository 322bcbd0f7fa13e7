"""Reading one sentence: frames -> speakers -> stances -> statements.

The reader keeps the article's memory (who spoke last, which attack the article is about) as
it moves through the text; everything it decides is a pure function of the text read so far.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from schemas.event import EventKind, IncidentTime
from services.classifier.clauses import Clause, split_clauses
from services.classifier.co_speakers import co_speakers
from services.classifier.context import Memory, Voice
from services.classifier.denier import (
    agent_state,
    own_asset_hit,
    told_against_a_claim,
)
from services.classifier.events import Statement
from services.classifier.frames import Cue, Frame, find_frames
from services.classifier.group_acts import SELF_ATTACK
from services.classifier.lexicon import Kind, Lexicon
from services.classifier.scan import Mention
from services.classifier.sides import sides_of
from services.classifier.stance import read
from services.classifier.statements import build_statement
from services.classifier.text import Sentence
from services.classifier.timing import incident_time
from services.classifier.voice_makers import firm_named, group_voice
from services.classifier.voices import opening_voice, speaker

# A denial by normality names no attack: 'the situation in Termez is calm'. The vocabulary's
# defeat terms ('normally', 'as usual', 'not affected') open a sentence already; these words
# stay out of it, where they would open the first gate of every article that used them.
_NORMALITY = re.compile(r"\b(?:normal\w*|calm|under (?:\w+ )?control|intact|secure|safely"
                        r"|no (?:\w+ ){0,2}(?:troops|soldiers|forces) (?:ha[ds] |have )?(?:entered|crossed)"
                        r"|there (?:is|are|was|were) no (?:\w+ )?(?:enem(?:y|ies)|breakthrough)"
                        r"|not (?:disrupt|interrupt)\w*"
                        r"|(?:civilian|residential|private|family) (?:home|house|residence|farm))\b")
_CUES = frozenset({Kind.SAY, Kind.CLAIM, Kind.DENY, Kind.CONFIRM})
# A sentence may hold a statement about an attack: attack words, or a denial of 'the claim'.
TELLING = frozenset({Kind.WEAPON, Kind.ATTACK, Kind.FALSITY, Kind.DEFEAT, Kind.DENY,
                     Kind.CONFIRM, Kind.CLAIM, Kind.DAMAGE})


@dataclass
class Reader:
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
        telling = any(m.entry.kind in TELLING for m in ms) or bool(
            _NORMALITY.search(self.norm, sentence.start, sentence.end))
        out: list[Statement] = []
        last: Voice | None = None
        if not any(m.entry.kind in _CUES for m in ms):
            return out, last  # no verb of saying, claiming or denying: nobody speaks here
        opener: Voice | None = None
        for clause in self.clauses(sentence, ms):
            previous: Voice | None = None
            heard: list[tuple[Frame, Voice]] = []
            frames = find_frames(clause)
            for frame in frames:
                voice = _voice(clause, frame, self.lexicon, memory, previous or opener)
                if frame.leading:  # its speaker is the subject of the next verb
                    voice = _next_voice(clause, frame, frames, self.lexicon, memory) or voice
                if voice is None:
                    continue
                if not frame.nested:
                    previous = last = voice
                    memory.spoke(voice)
                elif voice.is_group:
                    memory.last_group = voice  # 'answered a claim by G. The group said ...'
                heard.append((frame, voice))
                heard.extend((frame, other) for other in co_speakers(clause, frame, voice, self.lexicon))
            memory.last_firm = firm_named(clause, self.lexicon, memory) or memory.last_firm
            if clause.start == sentence.start:  # 'Russia evacuated the crew, but refuted ...'
                opener = opening_voice(clause, self.lexicon, memory)
            if not telling:
                continue
            # Claims quoted inside a statement first: the statement answers them.
            for frame, voice in sorted(heard, key=lambda fv: not fv[0].nested):
                if frame.relay:
                    continue
                out.extend(self.read(clause, frame, voice, when, _enclosing(frame, heard)))
        out.sort(key=lambda s: s.anchor)
        return _strongest(out), last

    def quoted(self, sentence: Sentence, ms: list[Mention], voice: Voice) -> list[Statement]:
        """A sentence of a quotation whose speaker a later sentence names."""
        if not any(m.entry.kind in TELLING for m in ms):
            return []
        when = incident_time(self.norm[sentence.start : sentence.end], self.published,
                             sentence.paragraph, self.memory)
        out: list[Statement] = []
        for clause in self.clauses(sentence, ms):
            frame = Frame(Cue.SAY, "", clause.start, clause.start, None, (clause.start, clause.end))
            out.extend(self.read(clause, frame, voice, when, None))
        return out

    def read(self, clause: Clause, frame: Frame, voice: Voice, when: IncidentTime,
             outer: Voice | None) -> list[Statement]:
        if _HABIT_BEFORE.search(clause.sub(frame.verb_start - 40, frame.verb_start)):
            return []  # 'has in the past denied ... casualties': a habit, not this statement
        sides = sides_of(clause, frame, voice, self.lexicon, self.memory)
        reading = read(frame, voice, frame.said(clause), sides)
        if reading is None:
            return []
        if reading.kind is EventKind.CLAIM and (agent_state(clause, frame.content) not in (
                None, voice.country) or (frame.nested and voice.is_state and not sides.own_attack
                                         and own_asset_hit(clause, frame, voice, self.lexicon, self.memory))
                                         or (voice.is_group and _struck_by_a_state(clause, frame))):
            # 'the Taliban's claim that air strikes by Pakistani jets killed ...': an accusation,
            # the speaker's report of an attack on its side, not a claim of its own
            reading = replace(reading, kind=EventKind.ATTACK_REPORT)
        elif (reading.kind in (EventKind.ATTACK_REPORT, EventKind.CONFIRMATION) and voice.is_state
              and told_against_a_claim(clause, frame)):
            reading = replace(reading, kind=EventKind.DENIAL, occurred=False)
        statement = build_statement(clause, frame, voice, reading, when, self.lexicon, self.memory, outer)
        if statement is None:
            return []
        if statement.kind is EventKind.CLAIM and statement.territory not in (None, statement.origin):
            # An attack on an asset abroad is also an attack on the ground it stood on: the
            # claim answers to either state's denial ('an Israeli base in Erbil').
            ground = replace(statement, target=statement.territory, territory=None,
                             anchor=statement.anchor + 1, location=None)
            return [statement, ground]
        return [statement]


_ISSUED = re.compile(r"\s(?:issued|released|lodged|published|sent|made)\s{1,3}(?:an?|its)\s{1,3}"
                     r"(?:[\w-]+\s{1,3}){0,2}(?:statement|protest|condemnation|complaint|communiqu\w+)\b")
# monitors that pass on groups' own statements ('according to SITE Intelligence Group')
_IMPERSONAL = re.compile(r"^it\s+(?:(?:has|had|have)\s+(?:\w+\s+)?been|(?:is|was)(?:\s+\w+ly|\s+earlier)?)$")
_MONITOR = re.compile(r"\b(?:site|monitor\w*|intelligence group|amaq|telegram|media arm|propaganda)\b")
_GROUP_ACTS = re.compile(r"(?:'s?)?\s{1,3}(?:(?:fighters|militants|members|gunmen)\s{1,3})?"
                         r"(?:had\s{1,3}|have\s{1,3})?(?:fired|launched|attacked|struck|shelled|stormed"
                         r"|raided|killed|ambushed)\b")
_DOCUMENT = re.compile(r"^(?:an?|the|its|their)\s+(?:[\w-]+\s+)?(?:video|statement|post|message|footage"
                       r"|clip|communiqu\w*|audio|recording)\b")
_HABIT_BEFORE = re.compile(
    r"\b(?:in the past|repeatedly|routinely|often|frequently|regularly|always|usually|habitually"
    r"|(?:has|have) long)\b[^,.;:\"]{0,30}$"
)
_RANK = {EventKind.DENIAL: 0, EventKind.CLAIM: 1, EventKind.CONFIRMATION: 2,
         EventKind.ATTACK_REPORT: 3}


# 'their compatriots were massacred during strikes by Congolese forces': whose strikes they are
_STRIKES_BY = re.compile(r"\b(?:strikes?|air\s?strikes?|attacks?|shelling|bombardments?|raids?|bombing)"
                         r"\s{1,3}(?:carried\s{1,3}out\s{1,3})?by\s{1,3}(?:the\s{1,3})?$")


def _struck_by_a_state(clause: Clause, frame: Frame) -> bool:
    """What a group 'claims' happened to it in another's strikes is an accusation, not its act."""
    return not SELF_ATTACK.search(clause.sub(*frame.content)) and any(
        m.entry.kind is Kind.STATE and _STRIKES_BY.search(clause.sub(m.start - 40, m.start))
        for m in clause.within(*frame.content))  # (its home state's forces too: not the group's act)


def _strongest(statements: list[Statement]) -> list[Statement]:
    """One stance per speaker and target in a sentence: 'said the missiles were intercepted,
    adding that it stood ready' is a denial, not a denial and a report."""
    best: dict[tuple[str, str], Statement] = {}
    for s in statements:
        key = (s.voice.key, s.target)
        if key not in best or _RANK[s.kind] < _RANK[best[key].kind]:
            best[key] = s
    keep = {id(s) for s in best.values()}
    # 'denied the allegations, stating that Pakistan had conducted no operation inside
    # Afghanistan': a state that denies striking abroad is not also denying being hit at home
    abroad = {s.voice.key for s in statements if s.kind is EventKind.DENIAL and s.voice.is_state
              and s.target != s.voice.country}
    return [s for s in statements if (id(s) in keep or s.kind is EventKind.CLAIM) and not (
        s.kind is EventKind.DENIAL and s.voice.key in abroad and s.target == s.voice.country)]


def _next_voice(clause: Clause, frame: Frame, frames: list[Frame], lexicon: Lexicon,
                memory: Memory) -> Voice | None:
    for other in frames:
        if other.verb_start > frame.verb_start and not other.nested and other.subject:
            return speaker(clause, max(other.subject[0], frame.content[1]), other.subject[1],
                           lexicon, memory, other.content)
    if clause.sub(clause.start, frame.verb_start).rstrip().endswith(","):
        # 'Russia's ministry gave a different version, saying ...': the main clause's subject;
        # 'X denied claims made by Y, saying ...': X, whose denial the clause's verb is
        denier = next((f for f in frames if f.cue is Cue.DENY and not f.nested and f.subject
                       and f.verb_start < frame.verb_start), None)
        if denier is not None:
            return speaker(clause, clause.start, denier.verb_start, lexicon, memory, denier.content)
        # 'X issued a protest on Thursday, denouncing ...': X, not the whole clause before
        issued = _ISSUED.search(clause.sub(clause.start, frame.verb_start))
        end = clause.start + issued.start() if issued else frame.verb_start
        return speaker(clause, clause.start, end, lexicon, memory, frame.content)
    return None


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
    named = clause.sub(*frame.subject).strip(" ,")
    if _IMPERSONAL.match(named):
        return None  # 'it was reported that G attacked': hearsay, nobody's statement
    voice = speaker(clause, frame.subject[0], frame.subject[1], lexicon, memory, frame.content)
    if voice is None and _DOCUMENT.match(named):
        # 'the TTP released a video claiming to show ...': the video is the TTP's; '"P," read
        # the statement', after 'a statement issued by the ISPR': the last speaker's
        bare = frame.verb == "read" and len(named.split()) <= 3
        return previous or (memory.last_voice if bare else None)
    if voice is None and frame.quoter is not None:  # 'Iranian media quoted a police official'
        voice = speaker(clause, frame.quoter[0], frame.quoter[1], lexicon, memory, frame.content)
    if voice is None and _MONITOR.search(clause.sub(*frame.subject)):
        # 'IS militants fired seven rockets at ..., according to SITE Intelligence Group': the
        # monitor relays the group's own account
        actor = next((m for m in clause.within(frame.content[0], frame.content[0] + 40)
                      if m.entry.kind is Kind.GROUP), None)
        if actor is not None and _GROUP_ACTS.match(clause.sub(actor.end, actor.end + 60)):
            voice = group_voice(lexicon, memory.branch(actor.entry.value))
    return voice
