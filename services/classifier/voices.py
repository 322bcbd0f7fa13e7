"""Who is speaking: the subject of a saying, read from the words before (or after) its verb.

The speaker is the head of the subject, not the nearest name: 'Yemen's Houthi rebels said' is
the Houthis; 'Danish shipping company Maersk denied' is Maersk (speaking as a Danish company);
'the Islamic Resistance in Iraq, a coalition of pro-Iran groups, said' is the Resistance, not
Iran. A state speaks through a named organ ('the IDF'), a country or capital as the subject
('Kyiv denied'), or a country that qualifies an organ word ('Uzbek officials', 'Russia's
defence ministry'). Groups speak through their names, media outlets and spokesmen.
"""

from __future__ import annotations

import re

from services.classifier.clauses import Clause
from services.classifier.context import AFFILIATE, Memory, Voice
from services.classifier.datelines import dateline_length
from services.classifier.halves import half_named
from services.classifier.lexicon import Kind, Lexicon
from services.classifier.organs import (
    is_modifier,
    organ_voice,
    owner_before,
    owner_in_content,
    owner_of_hit,
    remember_organs,
)
from services.classifier.scan import Mention
from services.classifier.subjects import GROUPS_OF, bare_subject, listed_after
from services.classifier.voice_makers import (
    company_voice,
    group_voice,
    newcomer,
    state_voice,
    unnamed_group,
)
from services.classifier.voice_words import NOT_NAMES, names_organ, statement_author

# Each word is taken once, atomically: 'yesterday' is also '\w+day' and 'early' also
# '[a-z]+ly', and a plain group let a subject of such words fail in 2^n ways (a run of forty
# 'yesterday' took days of CPU in the long property run).
_ADVERBIAL = re.compile(
    r"^\s*(?>(?:on|late|early|earlier|later|in|at|by|during|meanwhile|however|separately|also"
    r"|and|but|then|still|overnight|yesterday|today|last|this|afterwards|moreover|instead|previously"
    r"|a|an|the|statement|tweet|post|video|message|posted|brief|televised|separate|joint|his|her"
    r"|their|its|following|after|before|hours|days|minutes|report|reports|contrast|turn|response"
    r"|morning|evening|night|afternoon|week|\w+day|\d+\w*|[a-z]+ly|,)\b[\s,]*)+$"
)
_GROUP_ANAPHOR = re.compile(
    r"\b(?:the|this|that|both|these)\s+(?:\w+\s+)?(?:groups?|militants|militia|movement|rebels|organi[sz]ation"
    r"|jihadists|insurgents|fighters|outfit|faction|terrorists|extremists|alliance|coalition"
    r"|islamists|guerrillas|guerillas|corps|legion|brigades?|battalions?|partisans|volunteers)\b"
    r"|\b(?:it|they)\b|\bthe group's\b|\bits\s+(?:spokes\w+|statement|media|channel|website)\b"
)
_STATE_ANAPHOR = re.compile(
    r"\b(?:the|its|their|the country's|the kingdom's)\s+(?:\w+\s+)?(?:ministry|army|military"
    r"|government|authorities|officials?|navy|forces|command|agency|administration"
    r"|office|embassy|presidency|guards?|service|statement|kremlin)\b|\b(?:officials|authorities)\b"
    r"|^the\s+(?:kingdom|emirate|republic|country)$"
)
_LAND_ANAPHOR = re.compile(r"^the\s+(?:kingdom|emirate|republic)$")
_COALITION = re.compile(r"^(?:the|a)\s+(?:[\w-]+\s+){0,2}?coalition(?:'s)?\b(?!\s+of\b)")
_TIES_BEFORE = re.compile(
    r"\b(?:ties to|tied to|links to|linked to|backed by|allied (?:with|to)|affiliated (?:with|to)"
    r"|close to|loyal to|supported by|aligned with|allies of|ally of|splinter of|rival of"
    r"|rivals of|enemy of|opposed to)\s{1,3}(?:the\s{1,3})?(?:[\w'-]+\s{1,3}){0,2}$"
)
_GENERIC_GROUP = re.compile(
    r"\b(?:armed groups?|armed organi[sz]ations?|militant groups?|militias?|militants|rebels?"
    r"|insurgents?|jihadists?|jihadist group|terror(?:ist)? group|extremist group|armed wing"
    r"|military wing|paramilitary|coalition of [\w-]+ (?:armed )?groups|the group's \w+)\b"
)
_WATCHERS = re.compile(r"\b(?:monitor\w*|intelligence group|rights group|research group|think tank"
                       r"|watchdog|advocacy group|analysts?)\b")
_NEUTRAL_ANAPHOR = re.compile(
    r"^(?:he|she|it|they|the\s+(?:[\w-]+\s+)?(?:spokes\w+|official|statement|source|commander"
    r"|officer))$"
)
_POSSESSIVE = re.compile(r"(?:its|their)\b")
_ORGANISH = re.compile(
    r"\b(?:officials?|sources?|media|television|tv|agency|authority|commander|chief|minister|ministry|president"
    r"|governor|envoy|ambassador|spokes\w+|army|armies|military|militaries|forces?|navy|government"
    r"|governments|authorities"
    r"|administration|office|command|statement|guards?|police|service|intelligence|diplomat"
    r"|presidency|cabinet|embassy|mission|officer|account|version|staff|headquarters"
    r"|guards?|corps|advis[eo]r|council|cent(?:er|re)|head|director|bureau|inspector|secretary)\b"
)
_ARMED_ORGAN = re.compile(r"\b(?:army|military|armed forces|defen[cs]e|border guards?|media wing)\b")
_THIRD_PARTY = re.compile(r"\b(?:western|foreign|diplomatic|un|international|independent|humanitarian|aid)"
                          r"\s{1,3}(?:[\w-]+\s{1,3})?(?:sources?|officials?|diplomats?|observers?|monitors?)\b"
                          # bodies of many states speak for none: 'the UN Security Council condemned'
                          r"|\b(?:united\s{1,3}nations|security\s{1,3}council|european\s{1,3}union|african\s{1,3}union"
                          r"|arab\s{1,3}league|nato|red\s{1,3}cross|human\s{1,3}rights\s{1,3}watch|amnesty)\b")
# 'Rwandan Brigadier Ronald Rwivanga', "Pakistan's Lt Gen Ahmed": an officer of that state's forces
_RANK_AFTER = re.compile(r"(?:'s?)?\s{1,3}(?:(?:army|military|senior|retired)\s{1,3})?(?:general|gen"
                         r"|brigadier|colonel|col|lieutenant|lt|admiral|commodore)\b\.?\s{1,3}[a-z]")
_OPERATOR = re.compile(r"\b(?:operator|owner|owners|shipping (?:company|line|firm)|charterer"
                       r"|ship ?manager|managers)\b")
_CIVIC = re.compile(
    r"\b(?:airports?|port authority|ports? operator|harbou?r master|governor|mayor|regional"
    r" (?:administration|officials|authorities|council)|municipality|(?:city|local) council"
    r"|local (?:authorities|officials)|emergency services|police|(?:county|district|regional"
    r"|provincial) commissioner|(?:sub-)?prefect|district (?:administrator|chief|officer|head)"
    r"|head of (?:an?|the) (?:\w+ )?(?:sub-?)?district)\b"
)
_PERSON = re.compile(r"\b[A-Z][a-z'\-]{2,}\b")
_UNKNOWN_FIRM = re.compile(r"\b(?:[A-Z][\w&'-]+\s{1,3}){1,3}(?:Maritime|Shipping|Holdings|Navigation"
                           r"|Tankers|Shipmanagement|Ship Management|Logistics|Ltd|Inc|Corp|Corporation)\b")
_FIRM_ANAPHOR = re.compile(r"^(?:the|its)\s+(?:[\w-]+\s+)?(?:company|firm|operator|oil giant|owner)$")
_SIDE = re.compile(r"the\s{1,3}[\w-]+\s{1,3}side")  # 'the Armenian side': its government


def speaker(
    clause: Clause, start: int, end: int, lexicon: Lexicon, memory: Memory,
    content: tuple[int, int] | None = None,
) -> Voice | None:
    """The voice named by the subject words in [start, end) of the clause (absolute offsets)."""
    if start == clause.start:  # 'KYIV (Reuters) - Ukraine said': the dateline is no part of it
        start += dateline_length(clause.text[: end - clause.start])
    low = clause.sub(start, end)
    for m in clause.within(start, end):
        if m.entry.role == "spokesman" and m.entry.kind in (Kind.GROUP, Kind.STATE):
            # 'the spokesman for the Yemeni armed forces, Yahya Saree,', 'the coalition
            # spokesman, Turki al-Maliki,': the man named, not the title
            named = (group_voice(lexicon, memory.branch(m.entry.value))
                     if m.entry.kind is Kind.GROUP else state_voice(lexicon, m.entry.value))
            _remember_person(clause, m.start, m.end, named, memory)
            return named
    head = _ANSWERED_NOUN.match(low)
    if head:  # 'a claim Dhaka rejected': the speaker follows the noun it answers
        start, low = start + head.end(), low[head.end():]
    segments = _described_away(clause, _segments(low, start))
    if not segments and (author := statement_author(low, clause.sub(clause.start, start), memory)):
        return author  # 'A statement on Saturday rejects ...': the voice just heard
    appositive = low.rstrip().endswith(",")
    order = segments if appositive else list(reversed(segments))
    if not any(m.entry.kind is Kind.GROUP for m in clause.within(start, end)):
        order.sort(key=lambda seg: not names_organ(clause, seg))  # 'Liyu police, the forces of X state'
    for seg_start, seg_end in order:
        voice = _segment_voice(clause, seg_start, seg_end, lexicon, memory, content)
        if voice is not None:  # 'Iraq's adviser, Qasim Hamdani,': the name in any piece is his
            _remember_person(clause, start, end, voice, memory)
            remember_organs(clause.sub(start, end), voice, memory)
            return voice
    if memory.last_group is None and memory.main_group is None and not any(
            m.entry.kind in (Kind.GROUP, Kind.STATE) for m in clause.within(start, end)):
        return newcomer(clause.text[start - clause.start : end - clause.start])  # 'Thaereen
    return None  # Brigade, a hardened militia group, claimed ...': a group the data lacks


def _described_away(clause: Clause, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'JNIM, the al-Qaeda affiliate active in the Sahel, said': the piece naming a group only
    to describe another ('affiliate', 'branch', 'ally') does not speak when another piece names one."""
    def groups(seg: tuple[int, int]) -> list[bool]:
        return [bool(AFFILIATE.match(clause.sub(m.end, m.end + 30))) for m in clause.within(*seg)
                if m.entry.kind is Kind.GROUP]
    if not any(False in groups(seg) for seg in segments):
        return segments
    return [seg for seg in segments if not (groups(seg) and all(groups(seg)))]


_ANSWERED_NOUN = re.compile(r"\s{0,3}(?:a|an|the|this|that)\s{1,3}(?:claims?|reports?|assertions?"
                            r"|accounts?|versions?|allegations?)\s{1,3}(?:that\s{1,3}|which\s{1,3})?"
                            r"(?=\S)")
_RELATIVE_PIECE = re.compile(r"\s{0,3}(?:who|whom|whose|which)\b")


def _segments(low: str, base: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of the subject, without adverbial ones ('On Sunday,') or relative
    clauses ('..., who was tasked by the government with investigating the Iranian strikes')."""
    out: list[tuple[int, int]] = []
    pos = 0
    for piece in low.split(","):
        if piece.strip() and not _ADVERBIAL.match(piece) and not _RELATIVE_PIECE.match(piece):
            out.append((base + pos, base + pos + len(piece)))
        pos += len(piece) + 1
    return out


def _segment_voice(
    clause: Clause, start: int, end: int, lexicon: Lexicon, memory: Memory,
    content: tuple[int, int] | None,
) -> Voice | None:
    ms = [m for m in clause.within(start, end)
          if (m.entry.kind is Kind.GROUP and not _TIES_BEFORE.search(clause.sub(start, m.start)))
          or (m.entry.kind is not Kind.GROUP and not is_modifier(clause, m))]
    low = clause.sub(start, end)
    groups = [m for m in ms if m.entry.kind is Kind.GROUP]
    if groups:
        last = groups[-1]
        return group_voice(lexicon, memory.branch(last.entry.value, clause.sub(last.end, last.end + 30)))
    companies = [m for m in ms if m.entry.kind is Kind.COMPANY]
    if companies:
        return company_voice(companies[-1], ms, memory)
    states = _unplaced([m for m in ms if m.entry.kind is Kind.STATE], clause, start)
    operator = _OPERATOR.search(low)
    if operator and states:  # 'the ship's British operator', 'a Greek shipping company'
        country = states[-1].entry.value
        return Voice("company", f"{country} {operator.group(0)}",
                     f"{states[-1].surface} {operator.group(0)}", country)
    organ_term = any(m.entry.kind is Kind.ORGAN for m in ms)  # 'the State Committee for ...'
    for m in reversed(states):
        if (m.entry.role in ("organ", "spokesman") or _ORGANISH.search(low) or organ_term
                or _RANK_AFTER.match(clause.sub(m.end, m.end + 40))
                or bare_subject(low, m, start) or _SIDE.fullmatch(low.strip(" ,\"'"))):
            return state_voice(lexicon, m.entry.value)
    if [m for m in ms if m.entry.kind is Kind.AGENCY] and not states:
        return None
    for m in ms:  # 'Abu Dhabi airport said', 'the governor of Belgorod said'
        civic = m.entry.kind is Kind.PLACE or (m.entry.kind is Kind.STATE and m.entry.role in (
            "capital", "name"))
        if civic and m.entry.country and _CIVIC.search(low):
            return state_voice(lexicon, m.entry.country)
    for name in _PERSON.findall(clause.text[start - clause.start : end - clause.start]):
        if name in memory.persons:
            return memory.persons[name]
    stripped = low.strip(" ,\"'")
    if memory.last_firm is not None and _FIRM_ANAPHOR.match(stripped):
        return memory.last_firm  # 'Saudi Aramco ..., but the company said'
    if _COALITION.search(stripped):
        # 'the coalition' the article named as led by a state; else the one defending the
        # ground the article's claims are about (a coalition answering for its own members)
        lead = memory.coalition_lead or memory.main_target(set())
        if lead is not None:
            return state_voice(lexicon, lead)
    if _GROUP_ANAPHOR.search(stripped) and not _STATE_ANAPHOR.search(stripped):
        if stripped in ("it", "they") and memory.last_voice is not None:
            return memory.last_voice
        if memory.last_group is not None:
            return memory.last_group
        if memory.main_group is not None:
            return group_voice(lexicon, memory.main_group)
    if (half := half_named(stripped, memory)) is not None:
        return state_voice(lexicon, half)  # "the North's Foreign Ministry", the Koreas named
    if _LAND_ANAPHOR.match(stripped) and memory.last_target:
        return state_voice(lexicon, memory.last_target)  # 'G said it struck Riyadh, but the kingdom said'
    firm = _UNKNOWN_FIRM.search(clause.text[start - clause.start : end - clause.start])
    if firm is not None and not states:  # 'a Zodiac Maritime spokesman': a firm we do not know,
        return Voice("company", firm.group(0), firm.group(0), None)  # not the last state named
    if _THIRD_PARTY.search(stripped):
        return None  # 'Western military sources', 'diplomatic sources': nobody's state
    if _STATE_ANAPHOR.search(stripped) or _ORGANISH.search(stripped) or organ_term:
        possessive = bool(_POSSESSIVE.match(stripped))
        owner = None if possessive else organ_voice(stripped, memory)
        owner = owner or owner_before(clause, start, lexicon)
        owner = owner or owner_in_content(clause, content, lexicon, defenders_only=not possessive,
                                          losses=bool(_ARMED_ORGAN.search(stripped)))
        place = memory.last_place or memory.last_target
        if owner is None and _CIVIC.search(stripped) and place:
            # 'the regional governor said' after a claimed strike in Bryansk: of the place named
            owner = state_voice(lexicon, place)
        if owner is None and memory.last_state is None:
            # 'the Foreign Office' in a story filed from Islamabad: the dateline's, then the content's
            home = memory.home or memory.last_target
            owner = state_voice(lexicon, home) if home else owner_in_content(clause, content, lexicon)
            owner = owner or owner_of_hit(clause, content, lexicon, memory)
        return owner or memory.last_state
    listed = listed_after(clause, content, lexicon, memory) if GROUPS_OF.search(stripped) else None
    if listed is not None:
        return listed  # 'two groups of volunteers took credit for it, the X Corps and the Y Legion'
    main = group_voice(lexicon, memory.main_group) if memory.main_group is not None else None
    # 'an Iraqi militia group', in a story about the Houthis: another group, not the main one
    elsewhere = main is not None and any(m.entry.value not in (main.country, main.governs) for m in states)
    if _GENERIC_GROUP.search(stripped) and main is not None and not elsewhere:
        return main  # 'an Iraqi coalition of armed groups'
    unnamed = _GENERIC_GROUP.search(stripped) or re.search(r"\b(?:groups?|factions?)\b", stripped)
    if unnamed and _WATCHERS.search(stripped):
        return None  # 'the US monitoring group SITE', 'a rights group': they watch, not fight
    if unnamed and (elsewhere or (memory.last_group is None and memory.main_group is None)):
        return unnamed_group(lexicon, states)  # 'an Iraqi militia said': a group nobody names
    if _NEUTRAL_ANAPHOR.match(stripped):
        return memory.last_voice
    return None


_PLACED_IN = re.compile(r"\b(?:in|at|(?:ambassador|envoy|embassy|mission)\s{1,3}to)\s{1,3}(?:the\s{1,3})?$")


def _unplaced(states: list[Mention], clause: Clause, start: int) -> list[Mention]:
    """'the Chinese embassy in Islamabad', 'Turkish troops in Syria', 'Ethiopia's ambassador to
    Somalia': a state named after 'in', 'at' or an envoy's 'to' is where the speaker sits, once
    another state has said whose it is."""
    return states[:1] + [m for m in states[1:] if not _PLACED_IN.search(clause.sub(start, m.start))]


def _remember_person(clause: Clause, start: int, end: int, voice: Voice, memory: Memory) -> None:
    """'Pentagon spokesperson Patrick Ryder said' lets a later 'Ryder said' speak for the US."""
    for name in _PERSON.findall(clause.text[start - clause.start : end - clause.start]):
        if name not in NOT_NAMES and name.lower() not in voice.name.lower():
            memory.persons[name] = voice


def opening_voice(clause: Clause, lexicon: Lexicon, memory: Memory) -> Voice | None:
    """The state or group a sentence opens with: the subject of its later subject-less verbs."""
    first = next(iter(clause.within(clause.start, clause.start + 12)), None)
    if first is None or first.entry.kind not in (Kind.STATE, Kind.GROUP) or first.entry.role == "demonym":
        return None  # 'An Iraqi coalition of armed groups claimed': a demonym describes
    return speaker(clause, first.start, first.end, lexicon, memory)
