"""Reading input as people have it (services/common/lines.py), without a process."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest

from services.common.lines import BadLine, InputError, Summary, open_input, read_articles

ARTICLE = b'{"id": "a", "body": "Some text."}'


def _read(path: Path) -> list[object]:
    with open_input(str(path)) as source:
        return [item for _, item, _ in read_articles(source)]


def test_bom_crlf_gzip_and_a_bom_where_files_were_joined(tmp_path: Path) -> None:
    text = codecs.BOM_UTF8 + ARTICLE + b"\r\n\r\n" + codecs.BOM_UTF8 + ARTICLE + b"\r\n"
    plain, packed = tmp_path / "a.jsonl", tmp_path / "a.jsonl.gz"
    plain.write_bytes(text)
    packed.write_bytes(gzip.compress(text))
    for path in (plain, packed):
        items = _read(path)
        assert [getattr(i, "id", i) for i in items] == ["a", "a"]


def test_what_cannot_be_read_at_all_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        _read(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        _read(tmp_path / "missing.jsonl")
    wide = tmp_path / "wide.jsonl"
    wide.write_bytes(ARTICLE.decode().encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16"):
        _read(wide)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(ARTICLE * 2000)[:60])
    with pytest.raises(InputError, match="gzip data is broken or cut short"):
        _read(cut)


def test_summary_line_counts_reasons_languages_and_empty_inputs(tmp_path: Path) -> None:
    (tmp_path / "e.jsonl").write_bytes(b"\n \n")
    summary = Summary(read=5)
    summary.skip("not JSON: unexpected character")
    summary.skip("invalid Article: body: Field required")
    summary.skip("not JSON: trailing data")
    summary.unread("fr")
    summary.unread(None)
    with open_input(str(tmp_path / "e.jsonl")) as source:
        assert [item for _, item, _ in read_articles(source)] == []
        summary.sources.append(source)
    assert summary.line(summary.sources) == (
        "5 articles read, 3 skipped (2 not JSON, 1 invalid Article), 1 in unread languages "
        f"(fr 1); {tmp_path / 'e.jsonl'} is empty")
    assert Summary(read=1).line(languages=False) == "1 article read, 0 skipped"


def test_a_bad_line_keeps_its_number(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_bytes(b"\n" + ARTICLE + b"\n{oops\n")
    with open_input(str(path)) as source:
        numbered = [(n, type(i).__name__) for n, i, _ in read_articles(source)]
    assert numbered == [(2, "Article"), (3, "BadLine")]
    assert BadLine(3, "x").number == 3
