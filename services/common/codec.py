"""Bytes <-> models at the edges, with errors that say what was wrong with the record."""

from __future__ import annotations

from typing import TypeVar

import orjson
from pydantic import BaseModel, ValidationError

from schemas.article import Article

M = TypeVar("M", bound=BaseModel)


class DecodeError(ValueError):
    """A record that is not what its topic promises; it becomes a dead letter."""


def json_object(raw: bytes) -> dict[str, object]:
    """The JSON object a record or a line holds; DecodeError names what it holds instead."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise DecodeError(f"not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise DecodeError(f"expected a JSON object, got {type(data).__name__}")
    return data


def problems(exc: ValidationError) -> str:
    """pydantic's errors as one line: `field.sub: message; ...` (no documentation links)."""
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or '<root>'}: {e['msg']}" for e in exc.errors()
    )


def decode(raw: bytes | None, model: type[M]) -> M:
    if raw is None:
        raise DecodeError("empty record (no value)")
    data = json_object(raw)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise DecodeError(f"invalid {model.__name__}: {problems(exc)}") from exc


def decode_article(raw: bytes | None) -> Article:
    return decode(raw, Article)


def encode(model: BaseModel) -> bytes:
    return model.model_dump_json().encode("utf-8")
