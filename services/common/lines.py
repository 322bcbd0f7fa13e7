"""Reading JSON-lines input for the CLI: good records, and bad ones with their line number."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from schemas.article import Article
from services.common.codec import DecodeError, decode_article


class InputError(ValueError):
    """An input that cannot be read at all (missing, a directory, not readable)."""


@dataclass(frozen=True)
class BadLine:
    number: int
    reason: str


@contextmanager
def open_input(path: str) -> Iterator[IO[bytes]]:
    if path == "-":
        yield sys.stdin.buffer
        return
    file = Path(path)
    if not file.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    with file.open("rb") as handle:
        yield handle


def read_articles(handle: IO[bytes]) -> Iterator[tuple[int, Article | BadLine, bytes]]:
    """Each non-blank line as (number, article or BadLine, raw bytes)."""
    for number, raw in enumerate(handle, start=1):
        line = raw.strip()
        if not line:
            continue
        try:
            yield number, decode_article(line), line
        except DecodeError as exc:
            yield number, BadLine(number, str(exc)), line


class Progress:
    """A one-line counter on stderr, only when stderr is a terminal."""

    def __init__(self, label: str, stream: IO[str] | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.count = 0
        self._last = 0.0
        self._start = time.monotonic()

    def tick(self, n: int = 1) -> None:
        self.count += n
        if self.enabled and time.monotonic() - self._last > 0.25:
            self._last = time.monotonic()
            rate = self.count / max(1e-6, self._last - self._start)
            self.stream.write(f"\r{self.label}: {self.count} lines ({rate:,.0f}/s)")
            self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self.stream.write(f"\r{self.label}: {self.count} lines, done\n")
            self.stream.flush()
