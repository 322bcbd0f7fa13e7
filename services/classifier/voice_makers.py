"""The three kinds of voice, made from the data: an armed group, a state, a company."""

from __future__ import annotations

import re

from services.classifier.clauses import Clause
from services.classifier.context import Memory, Voice
from services.classifier.lexicon import Kind, Lexicon
from services.classifier.scan import Mention


def group_voice(lexicon: Lexicon, group_id: str) -> Voice:
    group = lexicon.groups.get(group_id)
    return Voice("group", group_id, lexicon.group_name(group_id),
                 group.base_country if group else None, group.de_facto_state if group else None,
                 group.insurgency_in if group else None)


def unnamed_group(lexicon: Lexicon, states: list[Mention]) -> Voice | None:
    """'An Iraqi armed group said': a group the article does not name, known by the country its
    demonym gives; without one there is nobody to hold to the claim."""
    demonym = next((m for m in states if m.entry.role in ("demonym", "name")), None)  # 'Iraq militia'
    if demonym is None:
        return None
    code = demonym.entry.value
    name = f"unnamed armed group ({lexicon.country_names.get(code, code)})"
    return Voice("group", f"unnamed-{code}", name, code)


# 'Thaereen Brigade, a hardened militia group', 'a little-known group calling itself the True
# Promise Brigades': a group the data does not know yet, named in the subject
_NEWCOMER = re.compile(
    r"\b(?P<a>[A-Z][\w'-]+(?:\s(?:al-|of\s(?:the\s)?|the\s)?[A-Z][\w'-]+){0,4}),\s(?:an?|the)\s(?:[\w-]+\s){0,3}?"
    r"(?:militia|armed|militant|rebel|insurgent|jihadist|paramilitary|extremist)"
    r"|\bcalling\sitself\s(?:the\s)?[\"\u201c']?(?P<b>[A-Z][\w'-]+(?:\s(?:al-|of\s(?:the\s)?|the\s)?[A-Z][\w'-]+){0,5})"
    # 'the Eastern Brigades said': a name whose head only armed groups wear
    r"|^\W{0,3}(?:[Tt]he\s)?(?P<c>(?:[A-Z][\w'-]+\s){1,3}(?:Brigades|Battalions|Mujahideen|Resistance))\b"
)


def newcomer(subject: str) -> Voice | None:
    """A group named in its own subject that no entry of the data covers."""
    found = _NEWCOMER.search(subject)
    if found is None:
        return None
    name = found.group("a") or found.group("b") or found.group("c")
    return Voice("group", f"new-{name.lower()}", name, None)


def state_voice(lexicon: Lexicon, code: str) -> Voice:
    return Voice("state", code, lexicon.country_names.get(code, code), code)


def company_voice(company: Mention, ms: list[Mention], memory: Memory) -> Voice:
    """A company speaks as the home the article gives it ('Danish shipping company Maersk')."""
    name = company.entry.value
    named = next((m.entry.value for m in ms if m.entry.kind is Kind.STATE and m.end <= company.start), None)
    if named:  # 'Danish shipping company Maersk'; not 'Maersk denies ... a Yemeni militia'
        memory.company_country[name] = named
    return Voice("company", name, name, company.entry.country or memory.company_country.get(name))


# a state organ named like a firm ('Saudi Aramco', 'ADNOC'), not a ministry or an army
_NOT_FIRM = re.compile(r"\b(?:ministry|army|forces?|guards?|service|command|agency|police|navy|corps"
                       r"|office|council|committee|staff|directorate|government|media|news|tv)\b", re.I)


def firm_named(clause: Clause, lexicon: Lexicon, memory: Memory) -> Voice | None:
    """The last company a clause names, for a later 'the company said'."""
    for m in reversed(clause.mentions):
        if m.entry.kind is Kind.COMPANY:
            return company_voice(m, [], memory)
        if m.entry.kind is Kind.STATE and m.entry.role == "organ" and not _NOT_FIRM.search(m.surface):
            return state_voice(lexicon, m.entry.value)
    return None
