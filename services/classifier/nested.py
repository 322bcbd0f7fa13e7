"""Claims reported as nouns inside other statements: "the Front's claim that ...", "claims by
the Front that ...", "denied Hezbollah claims that ...", "... as the Front claimed", "an attack
claimed by G"."""

from __future__ import annotations

import re

from services.classifier.clauses import Clause
from services.classifier.frame_model import Cue, Frame, phrase_end
from services.classifier.lexicon import Kind
from services.classifier.scan import Mention

_NO_CONTENT = re.compile(r"\s{0,3}(?:[,;.]|(?:and|but|as|which|while)\b)")
_THAT_AFTER = re.compile(r"\s{0,3}(?:that|of|about|to have)\s")
_NESTED = re.compile(
    r"(?:'s?\s{1,3}(?:\w+\s{1,3})?(?:claims?|assertions?)\b"
    r"|\b(?:claims?|assertions?|statements?|announcements?)\s{1,3}(?:(?:late\s{1,3}|early\s{1,3})?on"
    r"\s{1,3}\w+\s{1,3})?that\b"
    r"|\b(?:statements?|announcements?)\s{1,3}by\s{1,3}"
    r"|\breports?\s{1,3}(?:of|that)\b|\binformation\s{1,3}of\s{1,3}(?=the\s{1,3}[\w-]+\s{1,3}(?:[\w-]+\s{1,3})?"
    r"(?:ministry|army|side|military|government)\b)"
    r"|\bclaims?\s{1,3}(?:made\s{1,3})?(?:by|of|from)\s{1,3}"
    r"|\bas\s{1,3}(?:[\w'-]+\s{1,3}){1,6}?(?:had\s{1,3}|has\s{1,3})?claimed\b"
    r"|\b(?:a|an)\s{1,3}(?:[\w'-]+\s{1,3}){0,2}claimed\s{1,3}by\b"
    r"|\b(?:statements?|information|reports?|news|allegations?)\s{1,3}(?:[\w-]+\s{1,3})?(?:issued"
    r"|spread|disseminated|circulated|made|published|released|put out|propagated|peddled|aired"
    r"|broadcast)\s{1,3}by\s{1,3})"
)
# 'claim of killing', 'claim of an attack', 'claims of deadly attack'
_ACT_AFTER_OF = re.compile(r"(?:[a-z]+ing|an?|the|its|their|(?:[\w-]+\s{1,3}){0,2}(?:attacks?|strikes?|raids?"
                           r"|assaults?|ambush\w*))\b")
# 'the information spread by the Armenian side about the alleged destruction of ... is false'
_THAT = re.compile(r"\sthat\s")
_ABOUT = re.compile(r"\s(?:about|on|regarding|concerning|of|that)\s")
_ACTING_HEAD = re.compile(r"(?:the\s)?[\w-]+\s(?:[\w-]+\s){0,2}?(?:army|forces|troops|units|military"
                          r"|artillery)(?:'s?|s')?\s(?:[\w-]+\s)?(?:alleged\s)?(?:shelling|attacks?|fire|firing"
                          r"|strikes?|provocation)")
_CALLED_FALSE = re.compile(r"\s(?:is|are|was|were)\s[\"']?(?:[\w-]+\s)?(?:false|untrue|baseless|groundless"
                          r"|fake|lies|not true|incorrect|fabricat\w*)\b")


_SPEAKER_GOES_ON = re.compile(r"[\s,]{0,3}(?:saying|adding|calling|describing|insisting|stressing"
                              r"|noting)\b")
_DENIED_BEFORE = re.compile(r"\b(?:den(?:y|ies|ied|ying)|reject\w*|dismiss\w*|refut\w*)\s{1,3}"
                            r"(?:as\s{1,3}[\w\"'-]+\s{1,3})?(?:(?:the|a|an)\s{1,3})?$")
_AGENT_BEFORE = re.compile(r"\bby\s{1,3}(?:the\s{1,3})?$")
_FIGHTERS_AFTER = re.compile(r"(?:'s?)?\s{1,3}(?:fighters|militants|insurgents|gunmen|rebels|rockets|missiles"
                             r"|drones)\b")


def _attacker_in(clause: Clause, start: int) -> Mention | None:
    """'refuted claims that 57 soldiers were killed when their camp was attacked by al-Shabaab':
    a claim nobody is said to make is the claim of the group the text names as attacking."""
    for m in clause.within(start, clause.end):
        if m.entry.kind is Kind.GROUP and (_AGENT_BEFORE.search(clause.sub(m.start - 12, m.start))
                                           or _FIGHTERS_AFTER.match(clause.sub(m.end, m.end + 14))):
            return m
    return None


def nested_claims(clause: Clause, frames: list[Frame]) -> list[Frame]:
    """Claims reported as nouns inside other statements: "the Front's claim that ...",
    "claims by the Front that ...", "... as the Front claimed", "an attack claimed by G"."""
    out: list[Frame] = []
    for match in _NESTED.finditer(clause.low):
        m0, m1 = clause.start + match.start(), clause.start + match.end()
        text = match.group(0)
        if text.startswith("report") and text.endswith(("of", "that")):
            # 'denies Syrian report of downed jet': the Syrian state's claim
            owner = next((m for m in clause.mentions if m0 - 2 <= m.end <= m0
                          and m.entry.kind in (Kind.GROUP, Kind.STATE)), None)
            if owner is None or not _DENIED_BEFORE.search(clause.sub(owner.start - 30, owner.start)):
                # 'said reports that Islamic State rockets had hit Termez were false': the
                # attacker's claim, as the reports tell it, called false
                acting = _attacker_in(clause, m1) if _CALLED_FALSE.search(clause.low, match.end()) else None
                if acting is None:
                    continue  # 'denied reports that P': nobody named makes them; 'Israeli reports
                    # that ...' outside a denial are the press's
                owner = acting
            subject, content = (owner.start, owner.end), (m1, clause.end)
        elif (text.startswith("claim") and text.endswith("of ")
              and _ACT_AFTER_OF.match(clause.low, match.end()) is not None):
            # 'rejects Afghan Taliban claim of killing 58 soldiers': the owner stands before the noun
            owner = next((m for m in clause.mentions if m0 - 2 <= m.end <= m0
                          and m.entry.kind in (Kind.GROUP, Kind.STATE)), None)
            if owner is None or not _DENIED_BEFORE.search(clause.sub(owner.start - 30, owner.start)):
                continue  # 'despite Houthi claims of targeting ships': a noun, answered by nobody
            subject, content = (owner.start, owner.end), (m1, clause.end)
        elif text.endswith("that") and not text.startswith("'"):  # 'Hezbollah claims that P'
            owner = next((m for m in clause.mentions if m0 - 2 <= m.end <= m0
                          and m.entry.kind in (Kind.GROUP, Kind.STATE)), None)
            if not text.startswith(("claim", "assertion")) and (
                    owner is None or not _DENIED_BEFORE.search(clause.sub(owner.start - 30, owner.start))):
                continue  # 'said in a statement that P': the speaker's own saying
            owner = owner or _attacker_in(clause, m1)
            if owner is None:
                continue  # 'the claim that P': nobody named makes it
            subject = (owner.start, owner.end)
            content = (m1, clause.end)
        elif text.startswith("'"):
            if any(m.entry.kind is Kind.GROUP for m in clause.within(m0, m1)):
                continue  # "Lebanon's Hezbollah claims a drone attack": the group's own verb
            owner = next((m for m in clause.mentions if m.end == m0 or m.end == m0 - 1), None)
            subject = (owner.start, owner.end) if owner else (max(clause.start, m0 - 40), m0)
            that = _THAT_AFTER.match(clause.low, match.end())
            if that is None and _NO_CONTENT.match(clause.low, match.end()):
                continue  # "rebuffed Israel's attack claim and said ...": what follows is the denier's
            content = (clause.start + that.end() if that else m1, clause.end)
        elif text.startswith("as "):
            subject = (m0 + 3, m1)
            content = (clause.start, m0)
        elif text.startswith(("statement", "announcement")) and text.rstrip().endswith("by"):
            if not _DENIED_BEFORE.search(clause.sub(m0 - 30, m0)):
                continue  # 'according to a statement by the ministry': a source
            stop = phrase_end(clause.low, match.end())
            cut = clause.low.find(" that ", match.end(), stop)
            if cut < 0:
                continue
            subject = (m1, clause.start + cut)
            content = (clause.start + cut + 6, clause.end)
        elif text.rstrip().endswith("by") and "claim" not in text:
            # 'spread by the representative of the ministry that P': 'that' opens P, not 'of'
            about = _THAT.search(clause.low, match.end()) or _ABOUT.search(clause.low, match.end())
            if about is None:
                continue
            false = _CALLED_FALSE.search(clause.low, about.end())
            if false is not None:
                content = (clause.start + about.end(), clause.start + false.start())
            elif _DENIED_BEFORE.search(clause.sub(m0 - 40, m0)):
                # 'dismissed as untrue the information disseminated by X that P': P is X's
                content = (clause.start + about.end(), clause.end)
            else:
                continue  # 'a statement issued by the ISPR': a source, not a claim answered
            if _ACTING_HEAD.match(clause.low, about.end()):
                continue  # 'about the Azerbaijani army units' alleged shelling': an accusation
            subject = (m1, clause.start + about.start())
            if not any(m.entry.kind in (Kind.GROUP, Kind.STATE) for m in clause.within(*subject)):
                named = next((m for m in clause.within(*content) if m.entry.kind is Kind.GROUP), None)
                if named is None:
                    continue  # 'spread by some Telegram channels': nobody to hold to it
                subject = (named.start, named.end)
        elif "claimed" in text and text.rstrip().endswith("by"):
            stop = phrase_end(clause.low, match.end())
            subject = (m1, clause.start + stop)
            content = (m0, m1)
        else:
            stop = phrase_end(clause.low, match.end())
            cut = clause.low.find(" that ", match.end(), stop)
            if cut >= 0:
                subject = (m1, clause.start + cut)
                content = (clause.start + cut + 6, clause.end)
            elif _SPEAKER_GOES_ON.match(clause.low, stop) and not any(
                    m.entry.kind is Kind.GROUP for m in clause.within(m1, clause.start + stop)):
                continue  # 'denied claims made by India, saying P': P is the denier's, not India's
            else:
                subject = (m1, clause.start + stop)
                content = (clause.start + stop, clause.end)
        if any(f.cue is Cue.CLAIM and f.verb_start == m0 for f in frames):
            continue
        out.append(Frame(Cue.CLAIM, "claim", m0, m1, subject, content, nested=True))
    return out
