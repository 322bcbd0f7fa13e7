"""The data files beside this package, read when the lexicon is built (never at import)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def load_json(name: str) -> dict[str, Any]:
    text = resources.files("services.classifier").joinpath("data", name).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
