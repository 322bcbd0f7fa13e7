"""Input files as users have them, through the real commands: BOM, CRLF, gzip, stdin, a
summary line at the end, directories and empty files named as such, a progress bar only on
a terminal; `counterclaim evaluate --json`; `produce` without a broker."""

from __future__ import annotations

import codecs
import fcntl
import gzip
import json
import os
import socket
import struct
import subprocess
import sys
import termios
from pathlib import Path

from services.demo.samples import load_samples, replay_final
from services.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "services/demo/data/sample_articles.jsonl"
LABELLED = ROOT / "services/evaluation/data/sample.jsonl"
FRENCH = {"id": "fr-1", "language": "fr", "body": "Les garde-frontières ont démenti l'attaque."}


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COUNTERCLAIM_")}
    return {**env, "COUNTERCLAIM_LOG_FORMAT": "json", **extra}


def _run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None,
         ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "services.cli", *args], input=stdin,
                          capture_output=True, env=env or _env(), timeout=120)


def test_replay_reads_gzip_from_stdin_with_bom_and_crlf_and_sums_up(pipeline: Pipeline) -> None:
    lines = SAMPLES.read_bytes().splitlines()
    text = codecs.BOM_UTF8 + b"\r\n".join([*lines, b"{not json", json.dumps(FRENCH).encode()])
    proc = _run("replay", "-", stdin=gzip.compress(text + b"\r\n"))
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    alerts = [json.loads(line) for line in proc.stdout.splitlines()]
    expected = replay_final(load_samples(), pipeline)
    assert {a["alert_id"] for a in alerts} == set(expected)  # the first article was read too
    assert f"line {len(lines) + 1}: skipped: not JSON" in err
    assert err.strip().splitlines()[-1] == (
        f"{len(lines) + 2} articles read, 1 skipped (1 not JSON), 1 in unread languages (fr 1)")
    assert "\r" not in err and "%|" not in err  # no progress bar in a pipe


def test_directories_missing_and_empty_files_are_named(tmp_path: Path) -> None:
    directory = _run("classify", str(tmp_path))
    assert directory.returncode == 2
    assert directory.stderr.decode().strip() == (
        f"counterclaim classify: {tmp_path} is a directory; give a file of JSON lines "
        "(or - for stdin)")
    missing = _run("produce", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 2
    assert missing.stderr.decode().strip() == (
        f"counterclaim produce: no such file: {tmp_path / 'nope.jsonl'}")
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n\r\n")
    result = _run("evaluate", str(empty))
    assert result.returncode == 2 and result.stdout == b""
    assert result.stderr.decode().strip().splitlines()[-1] == (
        f"0 articles read, 0 skipped, 0 in unread languages; {empty} is empty")


def test_a_progress_bar_with_the_rate_on_a_terminal_only(tmp_path: Path) -> None:
    big = tmp_path / "articles.jsonl"
    big.write_bytes(SAMPLES.read_bytes() * 20)
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "services.cli", "classify", str(big)],
                            stdout=subprocess.DEVNULL, stderr=slave, env=_env())
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert proc.wait(timeout=120) == 0
    text = seen.decode(errors="replace")
    assert "classify:" in text and "%|" in text, text
    assert "articles/s" in text and "280 articles" in text, text
    assert "280 articles read, 0 skipped" in text


def test_evaluate_json_on_the_shipped_sample() -> None:
    proc = _run("evaluate", "--json", "--claimants", "all", str(LABELLED))
    assert proc.returncode == 0, proc.stderr.decode()
    report = json.loads(proc.stdout)
    assert report["articles"] == 35 and report["incidents"]["claimants"] == "all"
    assert set(report["events"]["kinds"]) == {"claim", "denial", "confirmation", "attack_report"}
    incidents = report["incidents"]
    assert incidents["recall"]["total"] == 12  # ten group-claim incidents and two state ones
    assert incidents["alert_precision"]["hits"] + incidents["false_alerts"] == \
        incidents["alert_precision"]["total"]
    assert report["unread_languages"] == {"fr": 1}
    assert proc.stderr.decode().strip().splitlines()[-1].startswith(
        "35 articles read, 0 skipped, 1 in unread languages (fr 1); scored in ")


def test_produce_without_a_broker_is_one_line_and_exits_1() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = _run("produce", str(SAMPLES), env=_env(COUNTERCLAIM_KAFKA_BOOTSTRAP=f"127.0.0.1:{port}"))
    assert proc.returncode == 1
    assert proc.stderr.decode().strip() == (
        f"counterclaim produce: cannot reach Kafka at 127.0.0.1:{port}: is the broker running, "
        "and is COUNTERCLAIM_KAFKA_BOOTSTRAP its address?")
