"""`counterclaim ingest` refuses to start, with a message that says why, when it has no usable
feeds file (the process exits 2 before touching the network)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from services.cli import main


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in [k for k in os.environ if k.startswith("COUNTERCLAIM_")]:
        monkeypatch.delenv(key)


def test_no_feeds_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest"]) == 2
    assert "pass --feeds FILE or set COUNTERCLAIM_FEEDS" in capsys.readouterr().err


def test_missing_feeds_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--feeds", str(tmp_path / "nope.yaml")]) == 2
    assert "cannot read feeds file" in capsys.readouterr().err


def test_invalid_feeds_file_from_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text("feeds:\n  - name: Wire\n    url: ftp://wire.example.org/rss\n")
    monkeypatch.setenv("COUNTERCLAIM_FEEDS", str(path))
    assert main(["ingest"]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "feeds[0] (name: Wire).url" in err
