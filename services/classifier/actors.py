"""Armed groups and states as data: typed, validated views over data/groups.json and data/states.json.

The extractor needs to know who may speak (a group through its outlets and spokesmen, a state through
its organs) and which names mean which actor. Keeping that knowledge in data lets it grow to the
world's conflicts without code changes; this module only checks the data and indexes it.

Matching rule for every name in the files: a name in ALL CAPS (``str.isupper()``: "ISKP", "M23",
"U.S.") matches case-sensitively, any other name ignores case. Every name resolves to exactly one
actor; a collision is a data error, raised when the data is built.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from services.classifier.aliases import possessive_aliases

Region = Literal[
    "Africa", "Middle East", "South and Central Asia", "Caucasus", "Europe", "Latin America", "East Asia",
    "Southeast Asia",
]
ActorKind = Literal["group", "state"]
Role = Literal["name", "alias", "media", "spokesman", "organ", "capital", "demonym"]
Iso2 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
GroupId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
WikidataId = Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]*$")]
Name = Annotated[str, StringConstraints(min_length=2, strip_whitespace=False)]

_DATA_PACKAGE = "services.classifier"
_GROUPS_FILE = "groups.json"
_STATES_FILE = "states.json"


class ActorDataError(ValueError):
    """The actor data files are malformed or ambiguous."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ArmedGroup(_Frozen):
    """A non-state armed group, or a branch of one (``parent`` names the parent's id)."""

    id: GroupId
    name: Name
    aliases: tuple[Name, ...]
    parent: GroupId | None
    base_country: Iso2
    operates_in: tuple[Iso2, ...]
    de_facto_state: Iso2 | None
    insurgency_in: Iso2 | None = None  # fights its own country's insurgency from abroad
    media: tuple[Name, ...]
    spokesmen: tuple[Name, ...]
    wikidata: WikidataId | None
    region: Region
    sources: tuple[str, ...] = Field(min_length=1)


class StateProfile(_Frozen):
    """A state (ISO 3166-1 entry): its names, and the organs and people that speak for it.

    ``iso_name`` is the formal ISO name ("Korea, Republic of"); it is kept for reference and not matched.
    """

    code: Iso2
    name: Name
    iso_name: Name
    names: tuple[Name, ...]
    demonyms: tuple[Name, ...]
    capitals: tuple[Name, ...]
    organs: tuple[Name, ...]
    spokespeople: tuple[Name, ...]


class ActorRef(_Frozen):
    """What a name stands for: a group id or an ISO code, and the role the name plays."""

    kind: ActorKind
    id: str
    role: Role


def is_exact_case(name: str) -> bool:
    """ALL-CAPS names (acronyms) match case-sensitively; others ignore case."""
    return name.isupper()


def name_key(name: str) -> str:
    """The key a name is indexed under: itself when exact-case, else case-folded."""
    return name if is_exact_case(name) else name.casefold()


class ActorData(_Frozen):
    """All actors, with lookups from any name to the one actor it means."""

    groups: Mapping[str, ArmedGroup]
    states: Mapping[str, StateProfile]
    organ_terms: tuple[str, ...]
    spokesman_titles: tuple[str, ...]
    ship_prefixes: Mapping[str, Iso2]
    water_bodies: tuple[str, ...]
    exact_index: Mapping[str, ActorRef]
    folded_index: Mapping[str, ActorRef]

    def group(self, group_id: str) -> ArmedGroup:
        """The group with this id (KeyError when unknown)."""
        return self.groups[group_id]

    def parent_chain(self, group_id: str) -> tuple[ArmedGroup, ...]:
        """The group, then its parent, grandparent, ... up to a group without parent."""
        chain: list[ArmedGroup] = []
        current: str | None = group_id
        while current is not None:
            group = self.groups[current]
            chain.append(group)
            current = group.parent
        return tuple(chain)

    def branches(self, group_id: str) -> tuple[ArmedGroup, ...]:
        """The groups whose parent is this group."""
        return tuple(g for g in self.groups.values() if g.parent == group_id)

    def lookup(self, name: str) -> ActorRef | None:
        """The actor a name means, following the matching rule; None when the name is unknown."""
        found = self.exact_index.get(name)
        if found is not None:
            return found
        return self.folded_index.get(name.casefold())

    def group_id(self, name: str) -> str | None:
        """The id of the group a name (alias, outlet, spokesman) belongs to."""
        ref = self.lookup(name)
        return ref.id if ref is not None and ref.kind == "group" else None

    def state_code(self, name: str) -> str | None:
        """The ISO code of the state a name (name, demonym, capital, organ, spokesperson) belongs to."""
        ref = self.lookup(name)
        return ref.id if ref is not None and ref.kind == "state" else None

    def names(self) -> Iterator[tuple[str, ActorRef]]:
        """Every indexed name with the actor it means (exact-case keys first)."""
        yield from self.exact_index.items()
        yield from self.folded_index.items()


def _group_names(group: ArmedGroup) -> Iterator[tuple[str, Role]]:
    yield group.name, "name"
    for alias in group.aliases:
        yield alias, "alias"
    for outlet in group.media:
        yield outlet, "media"
    for person in group.spokesmen:
        yield person, "spokesman"


def _state_names(state: StateProfile) -> Iterator[tuple[str, Role]]:
    for name in (state.name, *state.names):
        yield name, "name"
    for demonym in state.demonyms:
        yield demonym, "demonym"
    for capital in state.capitals:
        yield capital, "capital"
    for organ in state.organs:
        yield organ, "organ"
    for person in state.spokespeople:
        yield person, "spokesman"


def _index(
    entries: Iterator[tuple[str, ActorRef]],
) -> tuple[dict[str, ActorRef], dict[str, ActorRef]]:
    exact: dict[str, ActorRef] = {}
    folded: dict[str, ActorRef] = {}
    for name, ref in entries:
        table = exact if is_exact_case(name) else folded
        key = name_key(name)
        other = table.get(key)
        if other is not None and (other.kind, other.id) != (ref.kind, ref.id):
            raise ActorDataError(f"name {name!r} means both {other.kind} {other.id} and {ref.kind} {ref.id}")
        table.setdefault(key, ref)
    for name, ref in exact.items():
        other = folded.get(name.casefold())
        if other is not None and (other.kind, other.id) != (ref.kind, ref.id):
            raise ActorDataError(
                f"name {name!r} means {ref.kind} {ref.id}, but also matches {other.kind} {other.id}"
            )
    return exact, folded


def _check_groups(groups: Mapping[str, ArmedGroup], states: Mapping[str, StateProfile]) -> None:
    for group in groups.values():
        if group.parent is not None and group.parent not in groups:
            raise ActorDataError(f"group {group.id}: unknown parent {group.parent!r}")
        codes = [group.base_country, *group.operates_in]
        codes.extend(code for code in (group.de_facto_state, group.insurgency_in) if code is not None)
        unknown = [code for code in codes if code not in states]
        if unknown:
            raise ActorDataError(f"group {group.id}: unknown country codes {unknown}")
        seen = {group.id}
        parent = group.parent
        while parent is not None:
            if parent in seen:
                raise ActorDataError(f"group {group.id}: parent cycle through {parent!r}")
            seen.add(parent)
            parent = groups[parent].parent


def build_actor_data(groups_doc: Mapping[str, Any], states_doc: Mapping[str, Any]) -> ActorData:
    """Validate and index the two documents (pure: no I/O). Raises ActorDataError on bad data."""
    try:
        group_list = [ArmedGroup.model_validate(raw) for raw in groups_doc["groups"]]
        states = {
            code: StateProfile.model_validate({"code": code, **raw})
            for code, raw in states_doc["countries"].items()
        }
        organ_terms = tuple(str(term) for term in states_doc["organ_terms"])
        titles = tuple(str(title) for title in states_doc["spokesman_titles"])
        ship_prefixes = {str(prefix): str(code) for prefix, code in states_doc["ship_prefixes"].items()}
        water_bodies = tuple(str(body) for body in states_doc["water_bodies"])
    except (KeyError, TypeError, AttributeError, ValidationError) as exc:
        raise ActorDataError(f"malformed actor data: {exc}") from exc
    groups: dict[str, ArmedGroup] = {}
    for group in group_list:
        if group.id in groups:
            raise ActorDataError(f"duplicate group id {group.id!r}")
        groups[group.id] = group
    _check_groups(groups, states)
    bad_ships = sorted(prefix for prefix, code in ship_prefixes.items() if code not in states)
    if bad_ships:
        raise ActorDataError(f"ship prefixes with unknown states: {bad_ships}")

    def entries() -> Iterator[tuple[str, ActorRef]]:
        for group in groups.values():
            for name, role in _group_names(group):
                yield name, ActorRef(kind="group", id=group.id, role=role)
        for state in states.values():
            for name, role in _state_names(state):
                yield name, ActorRef(kind="state", id=state.code, role=role)

    exact, folded = _index(entries())
    for form, group_id in possessive_aliases(groups_doc, states_doc).items():
        folded.setdefault(form.casefold(), ActorRef(kind="group", id=group_id, role="alias"))
    return ActorData(
        groups=groups,
        states=states,
        organ_terms=organ_terms,
        spokesman_titles=titles,
        ship_prefixes=ship_prefixes,
        water_bodies=water_bodies,
        exact_index=exact,
        folded_index=folded,
    )


def read_actor_documents() -> tuple[dict[str, Any], dict[str, Any]]:
    """The raw groups and states documents shipped with the package."""
    data_dir = resources.files(_DATA_PACKAGE).joinpath("data")
    documents = []
    for file_name in (_GROUPS_FILE, _STATES_FILE):
        try:
            loaded = json.loads(data_dir.joinpath(file_name).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ActorDataError(f"cannot read {file_name}: {exc}") from exc
        if not isinstance(loaded, dict):
            raise ActorDataError(f"{file_name}: expected a JSON object")
        documents.append(loaded)
    return documents[0], documents[1]


@cache
def load_actor_data() -> ActorData:
    """The packaged actor data, validated and indexed (read on first call, then cached)."""
    groups_doc, states_doc = read_actor_documents()
    return build_actor_data(groups_doc, states_doc)
