"""JSON Schema export; a test compares these with the committed files so they cannot drift."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from schemas.alert import Alert
from schemas.article import Article
from schemas.dead_letter import DeadLetter
from schemas.event import Event

MODELS: dict[str, type[BaseModel]] = {
    "article": Article,
    "event": Event,
    "alert": Alert,
    "dead_letter": DeadLetter,
}

JSON_DIR = Path(__file__).parent / "json"


def render(model: type[BaseModel]) -> str:
    return json.dumps(model.model_json_schema(mode="serialization"), indent=2, sort_keys=True) + "\n"


def write_all(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in MODELS.items():
        path = directory / f"{name}.schema.json"
        path.write_text(render(model), encoding="utf-8")
        written.append(path)
    return written
