"""Who is speaking in a clause: groups and states that say, claim, deny or confirm.

An organ or a country is a speaker only when the text makes it one ("Uzbek officials said",
"according to the IDF", "denied by the UAE"); 'an Uzbek military base' is a place, not a voice.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from services.classifier.lexicon import Kind, Lexicon
from services.classifier.scan import Mention

SPEECH_VERBS = (
    r"said|says|say|saying|told|tells|denied|denies|deny|denying|rejected|rejects|refuted|dismissed"
    r"|confirmed|confirms|acknowledged|admitted|admits|reported|reports|announced|announces"
    r"|stated|states|insisted|insists|claimed|claims|claim|claiming|alleged|alleges|asserted"
    r"|wrote|added|explained|maintained|maintains|called|described|warned|noted|posted|tweeted"
    r"|issued|published|released|took|takes|assumed|accepted|asked|quoted|cited|rebuffed"
)
# After the speaker: optional possessive/parenthetical/appositive/adverbs, then a speech verb.
_SPEAKS_AFTER = re.compile(
    r"(?:'s?)?\s*(?:\([^)]{0,60}\)\s*)?(?:,[^,;]{0,80},\s*)?"
    r"(?:(?:has|had|have|also|however|later|swiftly|quickly|reportedly|officially|finally|earlier"
    r"|again|then|on|in|a|an|the|its|their|\w+day|\w+ly|statement|spokes\w*|press|service|post"
    r"|posted|published|release|channel|agency|telegram|said|told)\s+){0,6}"
    rf"(?:{SPEECH_VERBS})\b"
)
_SPEAKS_BEFORE = re.compile(
    r"(?:according to|said|says|told|by|quoted|quoting|citing|statement from|statement by)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,3}$"
)
_STANCE_BY = re.compile(
    r"\b(?:denied|rejected|refuted|dismissed|disputed|confirmed|acknowledged)\s+(?:\w+\s+){0,3}?"
    r"by\s+(?:both\s+)?(?:the\s+)?$"
)
_NOT_A_VOICE_AFTER = re.compile(
    r"\s*(?:'s\s+)?(?:military\s+|army\s+|border\s+)?(?:base|bases|unit|units|post|posts|position"
    r"|positions|installation|facility|facilities|target|targets|vehicle|vehicles|convoy|personnel"
    r"|troops|soldiers|territory|soil|airspace|side|city|town|village|area|region|province|district)\b"
)


@dataclass(frozen=True, slots=True)
class Speaker:
    start: int  # offsets relative to the clause
    end: int
    name: str  # canonical group name, or the state's country name
    state: bool
    country: str | None  # the state's ISO code; a group's de facto state, if any
    voiced: bool  # the text makes it speak (not merely mentioned)


def speakers(
    lexicon: Lexicon, ms: list[Mention], low: str, base: int, branch_of: dict[str, str]
) -> list[Speaker]:
    out: list[Speaker] = []
    places = [m for m in ms if m.entry.kind in (Kind.COUNTRY, Kind.DEMONYM)]
    starts = [p.start for p in places]
    for m in ms:
        kind = m.entry.kind
        start, end = m.start - base, m.end - base
        if kind is Kind.GROUP:
            name = branch_of.get(m.entry.value, m.entry.value)
            out.append(Speaker(start, end, name, False, None, _voiced(low, start, end)))
        elif kind is Kind.NAMED_ORGAN and m.entry.country:
            if _NOT_A_VOICE_AFTER.match(low[end:]):
                continue
            out.append(Speaker(start, end, _country_name(lexicon, m.entry.country), True,
                               m.entry.country, _voiced(low, start, end)))
        elif kind is Kind.ORGAN:
            owner = _owner_country(m, places, starts, low, base)
            if owner is None or _NOT_A_VOICE_AFTER.match(low[end:]):
                continue
            voiced = _voiced(low, start, end)
            if voiced:
                out.append(Speaker(start, end, _country_name(lexicon, owner), True, owner, True))
        elif (
            kind in (Kind.COUNTRY, Kind.DEMONYM) and m.entry.country
            and _SPEAKS_AFTER.match(low[end:]) and not re.match(r"\s*'s\s", low[end:])
        ):
            # "Tajikistan denied", "The UAE said": the country itself as the voice.
            out.append(Speaker(start, end, _country_name(lexicon, m.entry.country), True,
                               m.entry.country, True))
        elif (
            kind in (Kind.COUNTRY, Kind.DEMONYM) and m.entry.country
            and _STANCE_BY.search(low[max(0, start - 60) : start])
        ):
            # "... was denied by the UAE": the agent of a passive stance verb.
                out.append(Speaker(start, end, _country_name(lexicon, m.entry.country), True,
                                   m.entry.country, True))
    out.sort(key=lambda s: s.start)
    return _dedupe(out, low)


def _dedupe(found: list[Speaker], low: str) -> list[Speaker]:
    """'Uzbek presidential spokesman Sherzod Asadov' is one voice, not three."""
    out: list[Speaker] = []
    for s in found:
        if (
            out and out[-1].name == s.name and out[-1].state == s.state
            and s.start - out[-1].end < 40 and "," not in low[out[-1].end : s.start]
        ):
            prev = out[-1]
            out[-1] = Speaker(prev.start, s.end, s.name, s.state, s.country, prev.voiced or s.voiced)
        else:
            out.append(s)
    return out


def _voiced(low: str, start: int, end: int) -> bool:
    return bool(_SPEAKS_AFTER.match(low[end:])) or bool(
        _SPEAKS_BEFORE.search(low[max(0, start - 50) : start])
    )


def _country_name(lexicon: Lexicon, code: str) -> str:
    return lexicon.country_names.get(code, code)


_LONGEST_PLACE = 200  # characters: no country or demonym mention is longer


def _owner_country(organ: Mention, places: list[Mention], starts: list[int], low: str,
                   base: int) -> str | None:
    """'Uzbek officials', 'Tajikistan's border guards', 'the ministry of defence of Tajikistan'.

    Only the places near the organ are looked at (`starts` is sorted), so a sentence naming
    thousands of places costs no more per organ than one naming a few.
    """
    near = bisect_left(starts, organ.start - 45 - _LONGEST_PLACE)
    for p in reversed(places[near : bisect_right(starts, organ.start)]):
        gap = organ.start - p.end
        if 0 <= gap <= 45:
            between = low[p.end - base : organ.start - base]
            if "," not in between and not re.search(
                r"\b(?:and|but|by|from|to|with|into|on|at|against|near)\b", between
            ):
                return p.entry.country
    for p in places[bisect_left(starts, organ.end) : bisect_right(starts, organ.end + 70)]:
        gap = p.start - organ.end
        if 0 <= gap <= 70:
            between = low[organ.end - base : p.start - base]
            if re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:[\w'-]+\s+){0,7}?(?:of|at|in)\s+(?:the\s+)?",
                            between):
                return p.entry.country
    return None


def nearest_before(found: list[Speaker], cue: int, *, reach: int = 10_000) -> Speaker | None:
    """The last speaker ending at or before `cue`, within `reach`; `found` is sorted by start."""
    for s in reversed(found[: bisect_right(found, cue, key=lambda v: v.start)]):
        if s.end <= cue:
            return s if cue - s.end <= reach else None
    return None


def passive_agent(found: list[Speaker], low: str, cue_end: int) -> Speaker | None:
    """'denied by the UAE', 'claimed by the Houthis', 'the claim by IS', 'claims of ISKP'."""
    match = re.match(r"\w*\s+(?:\w+\s+){0,2}?(?:by|of|from)\s+(?:both\s+)?(?:the\s+)?", low[cue_end:])
    if not match:
        return None
    after = cue_end + match.end()
    first = bisect_left(found, after, key=lambda v: v.start)  # `found` is sorted by start
    if first < len(found) and found[first].start <= after + 45:
        return found[first]
    return None
