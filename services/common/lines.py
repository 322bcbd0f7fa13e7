"""Reading JSON-lines input for the CLI as people have it, and saying how the reading went.

A file or `-` (stdin), UTF-8 with or without a byte-order mark, `\n` or `\r\n` line ends, plain
or gzip-compressed (told by its first bytes, whatever its name). What cannot be read at all is
an `InputError` naming the file: missing, a directory, not readable, UTF-16, a broken gzip
stream. Each bad line is the caller's to report by number; at the end one summary line says
how many records were read, how many were skipped and why.
"""

from __future__ import annotations

import codecs
import gzip
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from schemas.article import Article
from services.common.codec import DecodeError, decode_article
from services.common.progress import Progress

__all__ = ["BadLine", "InputError", "Progress", "Source", "Summary", "open_input", "read_articles"]

GZIP_MAGIC = b"\x1f\x8b"
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class InputError(ValueError):
    """An input that cannot be read at all (missing, a directory, not readable, not UTF-8)."""


@dataclass(frozen=True)
class BadLine:
    number: int
    reason: str


@dataclass
class Source:
    """One input being read: its lines, and how far into it the reading is."""

    name: str
    handle: IO[bytes]  # as opened: for a gzip file, the compressed bytes
    size: int | None  # bytes on disk; None for stdin
    records: int = 0  # non-blank lines seen so far

    def __iter__(self) -> Iterator[bytes]:
        return self.lines()

    def lines(self) -> Iterator[bytes]:
        """Every line, byte-order marks dropped; a broken gzip stream is an InputError."""
        stream: Iterable[bytes] = self.handle
        if _peek(self.handle, 2) == GZIP_MAGIC:
            stream = gzip.GzipFile(fileobj=self.handle, mode="rb")
        try:
            for number, line in enumerate(stream, start=1):
                if number == 1 and line.startswith(_WIDE_BOMS):
                    raise InputError(f"{self.name} is UTF-16 or UTF-32 text; save it as UTF-8")
                if line.startswith(codecs.BOM_UTF8):  # also where files were concatenated
                    line = line[len(codecs.BOM_UTF8):]
                if line.strip():
                    self.records += 1
                yield line
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise InputError(f"{self.name}: the gzip data is broken or cut short ({exc})") from exc

    def position(self) -> int:
        try:
            return self.handle.tell()
        except OSError:  # a pipe
            return 0


def _peek(handle: IO[bytes], n: int) -> bytes:
    peek = getattr(handle, "peek", None)
    if peek is None:
        return b""
    try:
        return bytes(peek(n)[:n])
    except (OSError, ValueError):
        return b""


@contextmanager
def open_input(path: str) -> Iterator[Source]:
    if path == "-":
        yield Source("stdin", sys.stdin.buffer, None)
        return
    file = Path(path)
    if file.is_dir():
        raise InputError(f"{path} is a directory; give a file of JSON lines (or - for stdin)")
    if not file.exists():
        raise InputError(f"no such file: {path}")
    try:
        handle = file.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    with handle:
        yield Source(path, handle, file.stat().st_size)


def read_articles(lines: Iterable[bytes]) -> Iterator[tuple[int, Article | BadLine, bytes]]:
    """Each non-blank line as (number, article or BadLine, the line's bytes)."""
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        try:
            yield number, decode_article(line), line
        except DecodeError as exc:
            yield number, BadLine(number, str(exc)), line


def reason_kind(reason: str) -> str:
    """The short kind of a skip reason, for the summary: "not JSON: ..." -> "not JSON"."""
    head = reason.split(":", 1)[0].strip()
    if "over the limit" in reason:
        return "too large"
    return head if len(head) <= 40 else "other"


@dataclass
class Summary:
    """What one run read, for the line at its end."""

    read: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # kind -> lines
    languages: Counter[str] = field(default_factory=Counter)  # unread language -> articles
    sources: list[Source] = field(default_factory=list)

    def skip(self, reason: str) -> None:
        self.skipped[reason_kind(reason)] += 1

    def unread(self, language: str | None) -> None:
        if language is not None:
            self.languages[language] += 1

    def line(self, sources: Iterable[Source] = (), languages: bool = True) -> str:
        """`14 articles read, 2 skipped (1 not JSON, 1 invalid Article), 1 in unread
        languages (fr 1)`, and the empty inputs named."""
        total = sum(self.skipped.values())
        text = f"{self.read} article{'' if self.read == 1 else 's'} read, {total} skipped"
        if total:
            text += " (" + ", ".join(f"{n} {k}" for k, n in self.skipped.most_common()) + ")"
        unread = sum(self.languages.values())
        if languages:
            text += f", {unread} in unread languages"
        if unread:
            text += " (" + ", ".join(f"{k} {n}" for k, n in sorted(self.languages.items())) + ")"
        for source in sources:
            if source.records == 0:
                text += f"; {source.name} is empty"
        return text
