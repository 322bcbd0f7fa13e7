"""Errors a person can act on: the real `counterclaim` commands, run as a user runs them.

Each failure is one line that names what is wrong (the variable, the argument, the broker
address); no Python traceback unless --debug.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from services.common.broker import free_port

TIMEOUT_S = 60


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COUNTERCLAIM_")}
    return {**env, "COUNTERCLAIM_LOG_FORMAT": "json", **extra}


def _run(*args: str, env: dict[str, str] | None = None,
         stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "services.cli", *args], env=env or _env(),
                          input=stdin.decode() if stdin is not None else None,
                          capture_output=True, text=True, timeout=TIMEOUT_S)


def _closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_invalid_settings_name_the_variable(tmp_path: Path) -> None:
    bad_json = _run("schemas", str(tmp_path), env=_env(COUNTERCLAIM_WEBHOOKS='[{"url": '))
    assert bad_json.returncode == 2
    assert "COUNTERCLAIM_WEBHOOKS: not valid JSON" in bad_json.stderr
    bad_url = _run("schemas", str(tmp_path),
                   env=_env(COUNTERCLAIM_WEBHOOKS='[{"url": "nope"}]', COUNTERCLAIM_PARTITIONS="x"))
    assert bad_url.returncode == 2
    assert "COUNTERCLAIM_WEBHOOKS[0].url: Input should be a valid URL" in bad_url.stderr
    assert "COUNTERCLAIM_PARTITIONS: Input should be a valid integer" in bad_url.stderr
    for proc in (bad_json, bad_url):
        assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_webhook_test_with_a_bad_url_says_so_in_one_line() -> None:
    proc = _run("webhook-test", "not-a-url")
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("counterclaim webhook-test: URL 'not-a-url': Input should be a "
                                   "valid URL, relative URL without a base (give an http:// or "
                                   "https:// URL)")


def test_an_unexpected_error_is_one_line_and_the_traceback_comes_with_debug(tmp_path: Path) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("")
    plain = _run("schemas", str(a_file / "sub"))
    assert plain.returncode == 1
    assert plain.stderr.strip().startswith("counterclaim schemas: failed: NotADirectoryError")
    assert "--debug shows the traceback" in plain.stderr and "Traceback" not in plain.stderr
    debug = _run("schemas", "--debug", str(a_file / "sub"))
    assert debug.returncode == 1 and "Traceback (most recent call last)" in debug.stderr


def _get(url: str) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_worker_without_a_broker_waits_not_ready_and_says_why() -> None:
    port, kafka = free_port(), _closed_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "worker"], stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
        env=_env(COUNTERCLAIM_KAFKA_BOOTSTRAP=f"127.0.0.1:{kafka}",
                 COUNTERCLAIM_METRICS_PORT=str(port), COUNTERCLAIM_METRICS_HOST="127.0.0.1"))
    try:
        deadline = time.monotonic() + 30
        ready: tuple[int, dict[str, object]] | None = None
        while time.monotonic() < deadline and ready is None:
            try:
                ready = _get(f"http://127.0.0.1:{port}/readyz")
            except OSError:
                time.sleep(0.2)
        assert ready is not None, "no /readyz while waiting for Kafka"
        assert ready[0] == 503 and ready[1]["ready"] is False
        assert _get(f"http://127.0.0.1:{port}/healthz") == (200, {"alive": True})
        time.sleep(1.5)  # a second attempt
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    records = [json.loads(line) for line in err.splitlines()]
    waits = [r for r in records if r["event"].startswith("cannot reach Kafka")]
    assert len(waits) >= 2, err
    assert waits[0]["event"].startswith(
        f"cannot reach Kafka at 127.0.0.1:{kafka}: is the broker running, and is "
        "COUNTERCLAIM_KAFKA_BOOTSTRAP its address? Retrying in 1s")
    assert [r["retry_in_s"] for r in waits[:2]] == [1.0, 2.0]
    assert not [r for r in records if r.get("logger") == "aiokafka"], "aiokafka's own lines leaked"
    assert "Traceback" not in err


def test_ingest_without_a_broker_says_why_and_stops_cleanly(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("feeds:\n  - name: Wire\n    url: http://127.0.0.1:9/rss.xml\n")
    kafka = _closed_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "ingest", "--feeds", str(feeds)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=_env(COUNTERCLAIM_KAFKA_BOOTSTRAP=f"127.0.0.1:{kafka}", COUNTERCLAIM_METRICS_PORT="0"))
    try:
        assert proc.stderr is not None
        first = json.loads(proc.stderr.readline())
        proc.send_signal(signal.SIGTERM)
        _, rest = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert first["event"].startswith(f"cannot reach Kafka at 127.0.0.1:{kafka}: is the broker "
                                     "running"), first
    assert proc.returncode == 0, rest
    assert "Unclosed" not in rest and '"logger": "aiokafka"' not in rest, rest
