"""The correlation Table and the one declaration of how every topic and table is serialised.

Everything on the wire is bytes that `services/common/codec.py` made from a pydantic model;
Faust passes them through untouched ("raw"). A Table needs this said through `key_type` and
`value_type` as well as its schema: given only a schema, Faust picks JSON for the changelog
from the (missing) types and overrides the schema, so state written raw was read back as JSON
and recovery failed on every record.
"""

from __future__ import annotations

from typing import Any

import faust

RAW: dict[str, Any] = {
    "key_type": bytes, "value_type": bytes, "key_serializer": "raw", "value_serializer": "raw",
}


def raw_schema() -> Any:
    return faust.Schema(**RAW)


def topic(app: Any, name: str, partitions: int) -> Any:
    return app.topic(name, schema=raw_schema(), partitions=partitions, **RAW)


class AckedTable(faust.Table):  # type: ignore[type-arg]
    """A Table that keeps the changelog write of the last `table[key] = value`, so the writer
    can wait until the broker has it before the input record is acked."""

    last_write: Any = None

    def send_changelog(self, *args: Any, **kwargs: Any) -> Any:
        self.last_write = super().send_changelog(*args, **kwargs)
        return self.last_write


def state_table(app: Any, name: str, partitions: int) -> AckedTable:
    table = AckedTable(app, name=name, default=None, beacon=app.tables.beacon,
                       partitions=partitions, schema=raw_schema(),
                       key_type=bytes, value_type=bytes)
    app.tables.add(table)
    return table
