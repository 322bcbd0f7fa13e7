"""Attribution frames: who says what in a clause.

A frame is a verb of saying, claiming, denying or confirming with the words that name its
speaker and the words that carry its content:

    X said (that) P          X denied P            X claimed responsibility for P
    "P," X said              P, said X             P, according to X / according to X, P
    P, a claim denied by X   G's claim that P      a claim by G that P     as G claimed
"""

from __future__ import annotations

import re
from dataclasses import replace

from services.classifier import frame_model
from services.classifier.clauses import Clause
from services.classifier.frame_model import MAX_FRAMES, Cue, Frame, phrase_end, quotes_around_names
from services.classifier.frame_verbs import ACTED, VERB
from services.classifier.inversions import appositive_tail, inverted
from services.classifier.lexicon import Kind
from services.classifier.listeners import listener_end, source_end
from services.classifier.nested import nested_claims
from services.classifier.not_said import group_verb, says_nothing

__all__ = ["MAX_FRAMES", "Cue", "Frame", "find_frames", "phrase_end"]

_NEGATION = re.compile(
    r"\b(?:not|never|neither|nor|n't|no one|nobody|refused to|declined to|yet to|unable to|short of"
    r"|without|could not|would not|did not|does not|do not)\s+(?:\w+\s+){0,2}$"
)
# 'the group made this claim when the U.S. acknowledged P': a subordinator starts the subject
_HARD_LEFT = re.compile(r'[":;]|\b(?:that|which|who|while|after|when|because|whereas|although)\b'
                        r'|\bas\b(?= )|,\s{1,3}(?:and|but)\b')
_GLOSS = re.compile(r"\b(?:or|as|called|dubbed|named|meaning)\s{1,3}(?:the\s{1,3})?\"[^\"]{1,40}\"?,?$"
                    r"|\b(?:or|as|called|dubbed|named|meaning)\s{1,3}(?:the\s{1,3})?\"$")
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been|being)\s{1,3}$")  # 'was reported by X'
_HARD_QUOTE = re.compile(r'[":;]')
_AGENT = re.compile(r"\s{1,3}(?:(?:quickly|swiftly|later|also|strongly|flatly)\s{1,3})?by\s{1,3}"
                    r"(?![a-z]+ing\b)")
_QUOTE_VERBS = ("quoted", "cited", "quoting", "citing")
_QUOTING = re.compile(r"\s{1,3}([^,;\"]{2,80}?)\s{1,3}as\s{1,3}(?:saying|stating|telling|claiming"
                      r"|announcing)\b(?:\s{1,3}that)?")
_LEADING = re.compile(r"(?:^|[,;:-]|\b(?:while|after|before|when|by|in)"
                      # 'In a statement claiming responsibility, the group's agency said ...'
                      r"|\b(?:in|with)\s{1,3}(?:a|an|its|their|the)\s{1,3}(?:[\w-]+\s{1,3}){0,2}"
                      r"(?:statement|message|video|post|communiqu\w*|announcement))\s{0,3}$")
# 'The spokesman, Turki al-Maliki, said the missiles were intercepted': a clause after the verb
# is what was said, not an inverted subject ('..., said the spokesman').
_FINITE_AHEAD = re.compile(r"[^,.;:\"(]{0,80}?\b(?:was|were|is|are|had|has|have|did|does|will"
                           r"|would|could|can)\b")
# 'announced early on Tuesday, March 12, that they had crossed': what follows the time is said
_THAT_AFTER_TAIL = re.compile(r"[^.;\"]{0,60}?,\s{0,3}(?:that|saying|adding|stating)\b")
_PRONOUN_OPENS = re.compile(r"\s{0,3}(?:that|it|its|they|their|we|our|he|she|his|her)\b")
_DOCUMENT_VERBS = frozenset({"published", "posted", "released", "showed", "issued"})
_COORDINATED = re.compile(r"(?:\band|\bbut|\bthen|\byet)\s{1,3}(?:(?:later|also|then|quickly|flatly"
                          r"|strongly|further|(?:did|does|do)\s{1,3}not)\s{1,3})?$")  # 'and did not confirm
# 'said (at a press conference in Rawalpindi) that P': where it was said is not what was said
_THAT = re.compile(r"\s{0,3}(?:(?:at|in|during|on)\s(?:an?|the|its|his|her)\s(?:[\w-]+\s){0,2}?(?:press"
                   r"\s(?:conference|briefing)|briefing|news\sconference|interview|statement|speech"
                   r"|address)(?:\s(?:in|at|on)\s[\w'-]+(?:\s[\w'-]+)?)?\s{1,3}that\s|that\s|:\s{0,3}"
                   r"|,\s{0,3})?")



def find_frames(clause: Clause) -> list[Frame]:
    """Every frame of the clause, outer frames first; a frame's content may hold nested ones."""
    frames: list[Frame] = []
    for match in VERB.finditer(clause.low):
        v0, v1 = clause.start + match.start(), clause.start + match.end()
        if any(f.verb in ("quoted", "quoting") and f.verb_end <= v0 < f.content[0] for f in frames):
            continue  # the 'saying' of 'quoted X as saying'
        cue = Cue(next(name for name, value in match.groupdict().items() if value))
        before = clause.low[max(0, match.start() - 40) : match.start()]
        verb = match.group(0)
        if says_nothing(clause.low, match.end(), before, cue, verb) and not group_verb(clause, v0, verb):
            continue
        frame = _frame(clause, cue, verb, v0, v1, bool(_NEGATION.search(before)), frames)
        if frame is not None:
            frames.append(frame)
        if len(frames) >= MAX_FRAMES:
            break  # no clause of prose holds more; a run of 'denied denied ...' must stay linear
    nested = [n for n in nested_claims(clause, frames)  # 'an attack claimed by G': read once
              if not any(f.cue is Cue.CLAIM and f.verb_start < n.verb_end and n.verb_start < f.verb_end
                         for f in frames)]
    frames.extend(nested[:MAX_FRAMES])
    return [_bounded(clause, _relay(f, frames), frames) for f in frames]


# 'said they had targeted a ship, a day after CENTCOM said ...': what follows is the other's
_THEN_SPEAKER = re.compile(r"(?:,\s{0,3})?(?:(?:a|an|one|two|three|several|\d+)\s{1,3}(?:days?|hours?"
                           r"|weeks?)\s{1,3}|(?:shortly|hours|days|weeks|soon|just)\s{1,3})?(?:after|before"
                           r"|since|while|when)\s{0,3}$")
_WHICH = re.compile(r"\s{0,3},\s{0,3}(?:which|who)\s{1,3}(?:had\s{1,3}|has\s{1,3}|also\s{1,3})?")
_PRONOUN_LAST = re.compile(r"[a-z]{3,}\s{1,3}(it|they)\s{1,3}$")
_RELATIVE_SPEAKER = re.compile(r"(?:\bwhich|\bwhat|\bwho|\bwhom)\s{0,3}$")
_ASIDE_END = re.compile(r"\s-\s|[,;)]")


def _bounded(clause: Clause, frame: Frame, frames: list[Frame]) -> Frame:
    """Another speaker's relative clause inside a content is not this speaker's word: 'it
    disabled a ship in the attack - which Moscow claims it thwarted - in the port': Kyiv did
    not say 'thwarted'. The aside runs to the next dash, comma or bracket."""
    c0, c1 = frame.content
    for other in frames:  # 'G claimed P, according to the US monitor SITE': P ends at the source
        if (other is not frame and other.subject is not None and other.subject[0] >= other.verb_end
                and other.content[0] <= c0 < other.verb_start < c1 and other.content[1] <= other.verb_start):
            c1 = other.verb_start
            frame = replace(frame, content=(c0, c1))
    for other in frames:
        if (other is frame or other.nested or other.subject is None or other.leading
                or not c0 < other.subject[0] < c1 or other.content[0] < other.verb_end):
            continue
        before = clause.sub(c0, other.subject[0])
        if frame.cue is not Cue.DENY and (then := _THEN_SPEAKER.search(before)) is not None:
            return replace(frame, content=(c0, c0 + then.start()))  # 'P, a day after Y said Q'
        relative = _RELATIVE_SPEAKER.search(before)
        if relative:
            rest = clause.sub(other.verb_end, c1)
            stop = _ASIDE_END.search(rest)
            end = other.verb_end + stop.start() if stop else c1
            return replace(frame, aside=(c0 + relative.start(), end))
    return frame


def _relay(frame: Frame, frames: list[Frame]) -> Frame:
    """An outer frame whose content opens with another speaker's frame only relays it; so does
    a trailing one whose content holds another's whole frame ('"P," the army said, Xinhua
    reported'; 'G told the UN that P, according to a US official')."""
    c0 = frame.content[0]
    trailing = frame.cue is Cue.SAY and frame.content[1] <= frame.verb_start
    if trailing and any(o is not frame and not o.nested and o.subject is not None and o.cue is not Cue.DENY
                        and not o.verb.endswith("ing")  # 'the statement alleging that P' is quoted
                        and c0 <= o.verb_start and o.verb_end <= frame.content[1] for o in frames):
        return replace(frame, relay=True)
    for other in frames:
        if frame.leading or frame.cue is Cue.DENY:
            break  # 'denied the reports spread by X claiming that ...' denies them
        if (other is frame or other.nested or other.subject is None
                or other.verb_start <= frame.verb_start or other.content[0] < other.verb_start
                or other.verb in _DOCUMENT_VERBS):
            continue
        short = other.subject[1] - other.subject[0] <= 60  # 'media say [the ministry] said'
        if short and c0 - 2 <= other.subject[0] <= c0 + 12 and other.verb_start < frame.content[1]:
            return Frame(frame.cue, frame.verb, frame.verb_start, frame.verb_end, frame.subject,
                         frame.content, frame.negated, frame.nested, relay=True)
    return frame


def _frame(clause: Clause, cue: Cue, verb: str, v0: int, v1: int, negated: bool,
           earlier: list[Frame]) -> Frame | None:
    low, base = clause.low, clause.start
    if verb == "according to":
        stop = phrase_end(low, v1 - base)
        described = _DESCRIBED.match(low, stop)  # 'according to X, which tracks ...': about X
        # 'P, according to X, and Q': X vouches for what came before, not for Q
        joined = _JOINED.match(low, stop) and len(low[: v0 - base].split()) >= 4
        rest = ((base + stop, clause.end) if stop < len(low) - 3 and not described and not joined
                else (clause.start, v0))
        return Frame(cue, verb, v0, v1, (v1, base + stop), rest, negated)
    agent = _AGENT.match(low, v1 - base)
    if agent and (cue is not Cue.SAY or _PASSIVE_AUX.search(low, max(0, v0 - base - 16), v0 - base)):
        stop = phrase_end(low, agent.end())
        return Frame(cue, verb, v0, v1, (base + agent.end(), base + stop), (clause.start, v0),
                     negated)
    comma_before = low[: v0 - base].rstrip().endswith(",")
    after_said = bool(earlier) and not earlier[-1].nested and comma_before  # '"P," said X, adding Q'
    acted = ACTED.search(low, 0, v0 - base) if comma_before and not earlier else None
    if acted and verb.endswith("ing") and acted.start() > 2:  # 'G attacked X, claiming P': G claims
        return Frame(cue, verb, v0, v1, (base, base + acted.start()), (base + acted.start(), clause.end),
                     negated)  # the act and what is claimed of it
    if (verb.split()[0].endswith("ing") and _LEADING.search(low[max(0, v0 - base - 30) : v0 - base])
            and not after_said):  # 'Speaking to reporters, X said': the next verb's subject speaks
        that = _THAT.match(low, v1 - base)
        end = low.find(",", v1 - base)
        stop = base + (end if end > 0 else len(low))
        return Frame(cue, verb, v0, v1, None, (base + (that.end() if that else v1 - base), stop),
                     negated, leading=True)
    if earlier and ((verb.endswith("ing") and comma_before)
                    or _COORDINATED.search(low[max(0, v0 - base - 30) : v0 - base])):
        return _continued(clause, cue, verb, v0, v1, negated)  # 'X said P, adding that Q'
    left = _left_limit(clause, v0, earlier, appositive=comma_before)
    subject: tuple[int, int] | None
    if left >= v0 - 1 or not low[left - base : v0 - base].strip(" ,"):
        opened = low[: v0 - base].rstrip().endswith((",", '"'))
        tail_end = len(low.rstrip(' ."'))
        short = phrase_end(low, v1 - base) >= tail_end - 1 or appositive_tail(low, v1 - base)
        if opened and short and tail_end - (v1 - base) > 2 and not _FINITE_AHEAD.match(low, v1 - base):
            return Frame(cue, verb, v0, v1, (v1, base + tail_end), (clause.start, v0), negated)
        subject = None
    elif _AUX_OPENS.match(low, left - base) and _RELATIVE_BEFORE.search(low, 0, left - base):
        # 'the coalition that has been fighting the group for years said': the relative clause
        # describes the subject, which is the noun before 'that'
        subject = _relative_head(low, base, left + 1) or (left, v0)
    else:
        pronoun = _PRONOUN_LAST.search(low, left - base, v0 - base)
        # 'damage caused by the two missiles it said the Houthis fired': a reduced relative
        # clause whose subject is the pronoun alone
        subject = (base + pronoun.start(1), v0) if pronoun else (left, v0)
    said_before = earlier[-1] if earlier else None
    if (said_before is not None and said_before.subject is not None and not said_before.nested
            and _WHICH.fullmatch(clause.sub(said_before.subject[1], said_before.verb_start))
            and comma_before):
        subject = said_before.subject  # 'G, which claimed the attack, said P': G says P
    after = v1 - base
    quoting = _QUOTING.match(low, after) if verb in _QUOTE_VERBS else None
    if quoting:  # 'SABA quoted a Houthi military source as saying P': the source speaks
        source = (base + quoting.start(1), base + quoting.end(1))
        return Frame(cue, verb, v0, v1, source, (base + quoting.end(), clause.end), negated,
                     quoter=subject)
    if verb in ("told", "tells", "informed"):
        after = listener_end(clause, after)
    elif verb in _QUOTE_VERBS:
        after = source_end(low, after)
    tail = frame_model.TAIL.match(low[after:])
    said_after = (_FINITE_AHEAD.match(low, after) is not None
                  or _PRONOUN_OPENS.match(low, after) is not None)
    said_after = said_after or _THAT_AFTER_TAIL.match(low, after) is not None
    trailing = tail is not None and not said_after and (
        tail.end() >= len(low[after:].rstrip(" .")) or low[after:][: tail.end()].rstrip().endswith(","))
    if trailing and subject is not None:
        cut = max(low.rfind(",", 0, v0 - base), low.rfind('"', 0, v0 - base))
        if not low[cut + 1 : v0 - base].strip():  # '"P," Ali Ahmed, an army spokesman, said'
            cut = low.rfind('"', 0, v0 - base)  # the comma closed an appositive: the quote bounds
        start = base + cut + 1 if cut >= subject[0] - base else subject[0]
        if start - clause.start > 8:  # '"P," the ministry said' / 'P, a spokesman said'
            return Frame(cue, verb, v0, v1, (start, v0), (clause.start, start), negated)
    quoted = frame_model.quote_first(low, v0 - base)  # '"P," X said in a statement after ...'
    if quoted and subject is not None and cue is Cue.SAY and not said_after:
        return Frame(cue, verb, v0, v1, (base + quoted, v0), (clause.start, base + quoted), negated)
    if subject is not None and not low[subject[0] - base : v0 - base].strip(' ,"'):
        subject = None
    if subject is None:
        subject = _relative_head(low, base, v0)  # 'a Russian account that said P'
    after_verb = None
    if cue is Cue.SAY and not said_after:
        named = any(v1 <= m.start <= v1 + 2 and m.entry.kind in (Kind.STATE, Kind.GROUP)
                    for m in clause.mentions)  # 'P, said Pakistan Foreign Office.'
        after_verb = inverted(low, base, v0, v1, named)
    if after_verb is not None:  # 'P, said a spokesman for the army.'
        return Frame(cue, verb, v0, v1, after_verb, (clause.start, v0), negated)
    that = _THAT.match(low, after)
    start = base + (that.end() if that else after)
    return Frame(cue, verb, v0, v1, subject, (start, clause.end), negated)


_AUX_OPENS = re.compile(r"\s{0,3}(?:has|have|had|is|are|was|were)\b")
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s{0,3}$")
_RELATIVE = re.compile(r"(?:^|[,;:\"]|\b(?:of|by|from|with|to)\b)\s{0,3}([^,;:\"]{3,60}?)(?:\s{0,3},)?\s{1,3}"
                       r"(?:that|which|who)\s{1,3}$")  # 'the Front, which claimed P'


def _relative_head(low: str, base: int, v0: int) -> tuple[int, int] | None:
    """The noun a relative 'that/which/who' stands for, when it is the verb's subject."""
    match = _RELATIVE.search(low, max(0, v0 - base - 90), v0 - base)
    return (base + match.start(1), base + match.end(1)) if match else None


def _continued(clause: Clause, cue: Cue, verb: str, v0: int, v1: int, negated: bool) -> Frame:
    """A participle after a comma continues the previous speaker's statement."""
    that = _THAT.match(clause.low, v1 - clause.start)
    start = clause.start + (that.end() if that else v1 - clause.start)
    return Frame(cue, verb, v0, v1, None, (start, clause.end), negated)


def _left_limit(clause: Clause, v0: int, earlier: list[Frame], appositive: bool) -> int:
    """Where the subject of a verb can start: after a quote, 'that', or an earlier verb.

    Before an appositive ('X, commenting on the claim that ..., said') only quotes and earlier
    verbs bound the subject: the words between the commas describe it.
    """
    low = clause.low[: v0 - clause.start]
    limit = clause.start
    matches = list((_HARD_QUOTE if appositive else _HARD_LEFT).finditer(low))
    if (len(matches) >= 2 and matches[-1].group(0) == matches[-2].group(0) == '"'
            and not low[matches[-1].end():].strip(" ,") and _ASIDE_QUOTE.search(low, 0, matches[-2].start())
            and len(low[matches[-2].end() : matches[-1].start()].split()) <= 4):
        matches = matches[:-2]  # 'the agency, citing "informed sources," denied': an aside
    around_names = quotes_around_names(clause, matches)
    for i, match in enumerate(matches):
        if match.group(0) == '"' and _GLOSS.search(low, 0, match.end()):
            continue  # 'Jaish al-Adl, or the "Army of Justice," claimed': a name glossed
        if i in around_names:
            continue  # 'a spokesman for the "Legion of Freedom of Russia" said': part of the subject
        limit = clause.start + match.end()
    for frame in earlier:
        if frame.verb_end <= v0 and not frame.nested:
            limit = max(limit, frame.verb_end)
    return limit


_DESCRIBED = re.compile(r",\s{0,3}(?:which|who|whose)\b")
_ASIDE_QUOTE = re.compile(r"\b(?:citing|quoting|dubbed|calling)\s{1,3}$")
_JOINED = re.compile(r"\s{0,3}[,;]\s{0,3}(?:and|but|while|whereas|although|though)\b")
