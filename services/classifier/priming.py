"""What the whole article says before any sentence is read: its groups, its main group,
the home states it gives companies, where it says things were hit."""

from __future__ import annotations

import re
from collections import Counter

from services.classifier.context import Memory
from services.classifier.group_ground import DESCRIBES_AFTER
from services.classifier.lexicon import Kind, Lexicon
from services.classifier.scan import Mention
from services.classifier.targets import scene
from services.classifier.voice_makers import group_voice, state_voice


def prime(mentions: list[Mention], norm: str, lexicon: Lexicon, folded: str = "") -> Memory:
    provinces, affiliates = _branches(lexicon, mentions)
    memory = Memory(branch_of=provinces, affiliates=affiliates)
    _company_homes(mentions, memory)
    memory.named = {m.entry.value for m in mentions if m.entry.kind is Kind.STATE}
    memory.main_group = _main_group(mentions, norm, memory)
    memory.coalition_lead = _coalition_lead(mentions, norm)
    if folded:
        _introduced_persons(mentions, folded, lexicon, memory)
        memory.ships = _flagged_ships(mentions, folded)
        memory.craft = _one_air_force(mentions, folded)
    memory.scene = scene(mentions, norm, lexicon, memory)
    memory.came_from = {m.entry.country for m in mentions if m.entry.kind in (Kind.STATE, Kind.PLACE)
                        and m.entry.country and _CAME_FROM.search(norm, max(0, m.start - 50), m.start)}
    return memory


# 'militants who had crossed over from Afghanistan', 'militants based in Afghanistan': the
# attackers came from abroad, whatever the group's home (a group's claim on its home country is
# domestic only when nothing says so)
_CAME_FROM = re.compile(
    r"\b(?:crossed\s{1,3}(?:over\s{1,3}|the\s{1,3}border\s{1,3})?(?:in\s{0,3})?from|infiltrated\s{1,3}from"
    r"|(?:militants|fighters|attackers|terrorists|insurgents|gunmen)\s{1,3}(?:based|sheltering|hiding)"
    r"\s{1,3}in|from\s{1,3}across\s{1,3}the\s{1,3}border\s{1,3}in"
    # 'a deadly cross-border raid from Afghanistan', 'an incursion from Afghan soil'
    r"|cross-border\s{1,3}(?:[\w\"'-]+\s{1,3}){0,3}?from|(?:raids?|incursions?|infiltration)\s{1,3}"
    r"(?:[\w\"'-]+\s{1,3}){0,2}?from)\s{1,3}(?:the\s{1,3}"
    r"|neighbou?ring\s{1,3})?(?:[\w'-]+\s{1,3}){0,2}$"
)


def _branches(lexicon: Lexicon, mentions: list[Mention]) -> tuple[dict[str, str], dict[str, str]]:
    """A bare 'IS' or 'Daesh' means the province the article names elsewhere, if just one; 'the
    al-Qaeda affiliate' means any one branch or member it names. Returns (provinces, any)."""
    named = {m.entry.value for m in mentions if m.entry.kind is Kind.GROUP}
    children: dict[str, set[str]] = {}
    provinces: dict[str, set[str]] = {}
    for group_id in named:
        group = lexicon.groups.get(group_id)
        parent = lexicon.groups.get(group.parent) if group and group.parent else None
        # 'al-Qaeda's West Africa affiliate' is JNIM, whose parent is al-Qaeda's Maghreb branch
        grand = lexicon.groups.get(parent.parent) if parent and parent.parent else None
        if group and parent and parent.id not in named and grand and grand.id in named:
            children.setdefault(grand.id, set()).add(group_id)
        if group is None or parent is None or parent.id not in named:
            continue
        children.setdefault(parent.id, set()).add(group_id)
        # a province of its parent ('Islamic State' in 'Islamic State Khorasan Province'), not
        # a member of an alliance ('Kataib Hezbollah' in the Islamic Resistance in Iraq)
        if parent.name.split(" (")[0].lower() in group.name.lower():
            provinces.setdefault(parent.id, set()).add(group_id)
    # Two named ('Kataib Hezbollah, Nujaba and other factions') leave the parent itself
    return ({parent: min(ids) for parent, ids in provinces.items() if len(ids) == 1},
            {parent: min(ids) for parent, ids in children.items() if len(ids) == 1})


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
        counts[memory.branch(m.entry.value)] += 3 if speaks else 1
    return counts.most_common(1)[0][0] if counts else None


_LED_COALITION = re.compile(r"[\s-]{1,3}led\s{1,3}(?:military\s{1,3}|\w+\s{1,3})?coalition\b")


def _coalition_lead(mentions: list[Mention], norm: str) -> str | None:
    """'the Saudi-led coalition' (an organ in the data, or any '<state>-led coalition'): a bare
    'the coalition' speaks for that state. Two leaders named mean neither."""
    leads = {m.entry.value for m in mentions if m.entry.kind is Kind.STATE and (
        _LED_COALITION.match(norm, m.end) or "coalition" in norm[m.start : m.end])}
    return leads.pop() if len(leads) == 1 else None


_NAME_AFTER = re.compile(r"\s{1,3}((?:[A-Z][a-z'\-]+\s{1,3}){0,2}[A-Z][a-z'\-]{2,})\b")
_OWNER_GAP = 40
_BREAK = re.compile(r"[.;!?\n]")
_PERSON_WORD = re.compile(r"\b[A-Z][a-z'\-]{2,}\b")


def _introduced_persons(mentions: list[Mention], folded: str, lexicon: Lexicon,
                        memory: Memory) -> None:
    """'Uzbek defence ministry spokesman Bakhrom Zulfikorov': wherever the article introduces a
    spokesman by his state or group, a later '..., Zulfikorov said' speaks for it, even when
    the introduction itself said nothing."""
    owner: Mention | None = None
    for m in mentions:
        if m.entry.kind in (Kind.STATE, Kind.GROUP):
            if m.entry.role == "spokesman":  # 'Yahya Saree' known: a later 'Saree claimed'
                speaks_for = (group_voice if m.entry.kind is Kind.GROUP else state_voice)(
                    lexicon, m.entry.value)
                for name in _PERSON_WORD.findall(folded, m.start, m.end)[1:]:
                    memory.persons.setdefault(name, speaks_for)
            # 'the Iranian-backed group's spokesperson Yahya Saree' is not Iran's
            owner = None if DESCRIBES_AFTER.match(folded, m.end) else m
            continue
        titled = m.entry.kind is Kind.TITLE or (m.entry.kind is Kind.SAY
                                                and m.surface.lower().startswith("spokes"))
        if not titled or owner is None or m.start - owner.end > _OWNER_GAP or _BREAK.search(
                folded, owner.end, m.start):
            continue  # 'Tehran arms the group. Coalition spokesman Turki al-Malki': not Iran's
        named = _NAME_AFTER.match(folded, m.end)
        if named is None:
            continue
        voice = (group_voice(lexicon, owner.entry.value) if owner.entry.kind is Kind.GROUP
                 else state_voice(lexicon, owner.entry.value))
        for name in named.group(1).split():
            memory.persons.setdefault(name, voice)


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


# 'the Cyprus-flagged Olvia tanker', 'Liberia-flagged oil tanker Chios Lion': the ship's name
_FLAGGED_NAME = re.compile(r"-flagged\s{1,3}(?:[a-z][\w-]*\s{1,3}){0,4}?([A-Z][\w-]+"
                           r"(?:\s{1,3}[A-Z][a-z][\w-]*){0,2})")


def _flagged_ships(mentions: list[Mention], folded: str) -> dict[str, str]:
    """Ships the article names with their flag: a later 'the Olvia' is that state's ship."""
    ships: dict[str, str] = {}
    for m in mentions:
        if m.entry.kind is Kind.STATE and m.entry.country:
            named = _FLAGGED_NAME.match(folded, m.end)
            if named:
                ships.setdefault(named.group(1).lower(), m.entry.country)
    return ships


# 'a Jordanian F-16 warplane', 'the Pakistan Air Force jet': a state's aircraft
_CRAFT_AFTER = re.compile(r"(?:'s)?[ \t]{1,3}(?:air[ \t]{1,3}force[ \t]{1,3})?(?:[\w-]+[ \t]{1,3}){0,2}?"
                          r"(?:warplanes?|planes?|jets?|fighters?|aircraft|F-16s?|MiG-\d+s?|helicopters?)\b",
                          re.IGNORECASE)


def _one_air_force(mentions: list[Mention], folded: str) -> str | None:
    """The one state whose aircraft the article names: a later 'the plane' is its. None when
    several states' aircraft are named (a dogfight), or none."""
    owners = {m.entry.country for m in mentions
              if m.entry.kind is Kind.STATE and m.entry.country and _CRAFT_AFTER.match(folded, m.end)}
    return owners.pop() if len(owners) == 1 else None
