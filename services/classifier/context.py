"""What earlier sentences of an article established: who spoke, about which attack, when.

Pronouns ('it said', 'the group said', 'the ministry added'), bare surnames ('Ryder said') and
undated sentences are read against this memory, which only moves forward through the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from schemas.event import IncidentTime


@dataclass(frozen=True, slots=True)
class Voice:
    """Who makes a statement: an armed group, a state (any of its organs) or a company."""

    kind: str  # "group" | "state" | "company"
    key: str  # group id | ISO code | company name
    name: str  # canonical name to show
    country: str | None  # the state spoken for; a company's (named) home; a group's base
    governs: str | None = None  # a group that holds a state's territory de facto (Taliban: AF)
    home: str | None = None  # a group's own country, when it fights there from a base abroad

    @property
    def is_state(self) -> bool:
        return self.kind == "state"

    @property
    def is_group(self) -> bool:
        return self.kind == "group"


AFFILIATE = re.compile(r"(?:-(?:linked|affiliated|allied|aligned)|'s?(?:\s{1,3}[\w-]+){0,3}?)?\s{1,3}"
                       r"(?:affiliate|branch|franchise"
                       r"|offshoot|arm|wing|province|faction|ally)\b")


@dataclass
class Memory:
    last_group: Voice | None = None
    last_state: Voice | None = None
    last_voice: Voice | None = None
    persons: dict[str, Voice] = field(default_factory=dict)  # surname -> who they speak for
    organs: dict[str, Voice] = field(default_factory=dict)  # 'defence ministry' -> whose, last
    company_country: dict[str, str] = field(default_factory=dict)  # as the article names it
    groups_named: list[str] = field(default_factory=list)  # group ids in order of mention
    branch_of: dict[str, str] = field(default_factory=dict)  # parent id -> the branch named
    affiliates: dict[str, str] = field(default_factory=dict)  # parent id -> any one child named
    main_group: str | None = None  # the group the article names most
    home: str | None = None  # where the story was filed (its dateline): whose bare organs speak
    targets: Counter[str] = field(default_factory=Counter)  # targets of claims so far
    claimant: Voice | None = None  # the last claimant
    last_target: str | None = None  # the target of the last statement read
    last_attacker: str | None = None  # the state it said attacked, if a state did
    scene: Counter[str] = field(default_factory=Counter)  # where the article says things were hit
    named: set[str] = field(default_factory=set)  # countries the article names (not places)
    came_from: set[str] = field(default_factory=set)  # where it says attackers came from
    last_place: str | None = None  # the country of the last town or region a sentence named
    craft: str | None = None  # the one state whose aircraft the article names
    ships: dict[str, str] = field(default_factory=dict)  # 'olvia' -> 'CY' ('the Cyprus-flagged Olvia')
    last_firm: Voice | None = None  # the last company named: 'the company said' speaks for it
    coalition_lead: str | None = None  # the state of 'the Saudi-led coalition', if the article names one
    paragraph: int = -1
    paragraph_time: IncidentTime | None = None
    first_time: IncidentTime | None = None

    def spoke(self, voice: Voice) -> None:
        self.last_voice = voice
        if voice.is_group:
            self.last_group = voice
        elif voice.is_state:
            self.last_state = voice

    def branch(self, group_id: str, after: str = "") -> str:
        """The group a mention means: its province named elsewhere, or, for 'the al-Qaeda
        affiliate', the one child the article names."""
        if group_id in self.branch_of:
            return self.branch_of[group_id]
        if group_id in self.affiliates and AFFILIATE.match(after):
            return self.affiliates[group_id]
        return group_id

    def main_target(self, exclude: set[str | None]) -> str | None:
        for code, _ in self.targets.most_common():
            if code not in exclude:
                return code
        return None

    def scene_target(self, exclude: set[str | None]) -> str | None:
        for code, _ in self.scene.most_common():
            if code not in exclude:
                return code
        return None
