"""Names derived from the data, not written in it: 'Iraq's Islamic Resistance' for 'Islamic
Resistance in Iraq'. One derivation serves the actor index and the lexicon."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_PLACE_SUFFIX = re.compile(r"^(?:the )?(?P<core>.+) (?:in|of) (?:the )?(?P<place>[^ ].*)$", re.IGNORECASE)


def possessive_aliases(groups_doc: Mapping[str, Any], states_doc: Mapping[str, Any]) -> dict[str, str]:
    """'Iraq's Islamic Resistance' for 'Islamic Resistance in Iraq': reports move the home country
    of a name that ends in it to the front. Form (as written) -> group id; a form two groups would
    share means neither."""
    found: dict[str, tuple[str, str | None]] = {}
    for raw in groups_doc["groups"]:
        home = states_doc["countries"].get(raw.get("base_country"), {})
        places = {str(n).casefold() for n in (home.get("name"), *home.get("names", ())) if n}
        for name in (raw["name"], *raw.get("aliases", ())):
            match = _PLACE_SUFFIX.match(name)
            if match is None or match["place"].casefold() not in places:
                continue
            form = f"{match['place']}'s {match['core']}"
            _, known = found.get(form.casefold(), (form, raw["id"]))
            found[form.casefold()] = (form, raw["id"] if known == raw["id"] else None)
    return {form: group_id for form, group_id in found.values() if group_id is not None}
