"""The README's "Using it" commands exist as written: every subcommand and option parses, and
every file they name is in the repository."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from services.cli import _parser

ROOT = Path(__file__).resolve().parents[2]


def _using_it_commands() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Using it", 1)[1].split("\n## ", 1)[0]
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", section, re.S):
        for line in block.splitlines():
            words = shlex.split(line.split("  #", 1)[0])
            if words and words[0] == "counterclaim":
                commands.append(words[1:])
    return commands


def _concrete(words: list[str]) -> list[str]:
    """`[--json]` -> `--json`, `native|cloudevents|...` -> `native`, `URL`/`S` -> examples."""
    out = []
    for word in words:
        word = word.strip("[]").split("|")[0]
        out.append({"URL": "http://127.0.0.1:9/hook", "S": "secret"}.get(word, word))
    return out


def test_using_it_commands_parse_and_name_files_that_exist() -> None:
    commands = _using_it_commands()
    assert {c[0] for c in commands} >= {"classify", "replay", "evaluate", "worker", "produce",
                                        "ingest", "webhook-test", "demo", "bench", "schemas"}
    parser = _parser()
    for words in commands:
        args = parser.parse_args(_concrete(words))
        for name in ("file", "feeds"):
            value = getattr(args, name, None)
            if isinstance(value, str) and value != "-":
                assert (ROOT / value).is_file(), f"{' '.join(words)}: no {value}"
        for value in getattr(args, "files", None) or ():
            assert (ROOT / value).is_file(), f"{' '.join(words)}: no {value}"


def test_using_it_says_how_to_reach_the_command() -> None:
    section = (ROOT / "README.md").read_text().split("## Using it", 1)[1].split("\n## ", 1)[0]
    assert "source .venv/bin/activate" in section
    assert ".venv/bin/counterclaim" in section
