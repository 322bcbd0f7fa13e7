"""`counterclaim demo` as a user runs it: a subprocess with its own broker, worker and receiver.

Checks what the analyst must see (both alerts, their evidence, the `why`, the webhook
deliveries, no raw JSON) and that nothing it started outlives it, on success and on Ctrl-C.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

DEMO_TIMEOUT_S = 150
PID = re.compile(r"\(pid (\d+)\)")
BROKER = re.compile(r"Tansu on ([\d.]+):(\d+)")


def _demo_cmd() -> list[str]:
    return [sys.executable, "-m", "services.cli", "demo", "--timeout", str(DEMO_TIMEOUT_S)]


def _clean_env() -> dict[str, str]:
    """The demo must not need any configuration: run it without COUNTERCLAIM_* variables."""
    return {k: v for k, v in os.environ.items() if not k.startswith("COUNTERCLAIM_")}


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _port_closed(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return False
    except OSError:
        return True


def _assert_all_stopped(stderr: str) -> None:
    pids = [int(p) for p in PID.findall(stderr)]
    assert len(pids) == 2, f"expected the broker and worker pids on stderr:\n{stderr}"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not all(_gone(p) for p in pids):
        time.sleep(0.1)
    assert [p for p in pids if not _gone(p)] == [], "processes the demo started are still running"
    listening = BROKER.search(stderr)
    assert listening is not None, f"the broker address is not on stderr:\n{stderr}"
    host, port = listening.groups()
    assert _port_closed(host, int(port)), "the embedded broker still listens"


def test_demo_prints_both_alerts_with_evidence_and_deliveries(tmp_path: Path) -> None:
    # Run from an unrelated directory: the sample articles must come from package data.
    proc = subprocess.run(
        _demo_cmd(), cwd=tmp_path, env=_clean_env(), capture_output=True, text=True,
        timeout=DEMO_TIMEOUT_S + 60,
    )
    out, err = proc.stdout, proc.stderr
    assert proc.returncode == 0, f"demo failed\nSTDOUT:\n{out[-3000:]}\nSTDERR:\n{err[-5000:]}"
    flat = " ".join(out.split())  # evidence sentences are wrapped across lines

    # Exactly two alerts, TJ and UZ, one card each at its final version: the unrelated articles
    # raise nothing.
    assert sorted(re.findall(r"^ALERT: (\w+ \([A-Z]{2}\))", out, re.M)) == [
        "Tajikistan (TJ)", "Uzbekistan (UZ)"]
    assert re.search(r"^ALERT: Tajikistan \(TJ\)\s+\|\s+cc-TJ-\w+", out, re.M)
    assert re.search(r"^ALERT: Uzbekistan \(UZ\)\s+\|\s+cc-UZ-\w+", out, re.M)
    assert len(out.splitlines()) < 120, "one card per alert, not one per version"

    # Evidence: who said what, from which outlet, in the article's own words.
    assert "Islamic State Khorasan Province (ISKP) claimed responsibility for firing seven " \
           "rockets into Tajikistan on May 7." in flat
    assert "Tajikistan's border guards said only bullets were shot across the border" in flat
    assert "Uzbek officials denied that any rockets had landed on Uzbek territory" in flat
    assert "Taliban officials confirmed that an attack had occurred." in flat
    assert "Tajikistan - Pamir Herald" in flat and "Uzbekistan - Frontier Monitor" in flat
    assert "Taliban - Kabul Evening Dispatch" in flat
    for noise in ("Capital Ledger", "Market Street Journal", "Sports Desk Daily", "Orbital Times",
                  "City Courier", "Arts and Culture Weekly", "Valley Weather Service"):
        assert noise not in out, f"an unrelated article ({noise}) shows up as evidence"

    # The why says which statement contradicts which.
    assert re.search(r"Why: .*claims an attack with 7 rockets.*Tajikistan contradicts it: "
                     r"says only bullets crossed", flat)
    assert re.search(r"Why: .*Uzbekistan contradicts it: says no rockets hit its territory", flat)

    # History: one line per version, and under each the webhook delivery of that version,
    # with the key subscribers deduplicate on.
    for country in ("TJ", "UZ"):
        card = out.split("ALERT: ")[1 if country == "TJ" else 2]
        heading = re.search(r"\|\s+version (\d+)\s+\|", card)
        assert heading is not None, card
        final = int(heading.group(1))
        history = card.split("History (", 1)[1]
        versions = [int(v) for v in re.findall(r"^  v(\d+)  \+", history, re.M)]
        assert versions == list(range(1, final + 1)), history
        for version in versions:
            assert re.search(rf"^  v{version}  .*\n\s+>> webhook: POST /hook -> HTTP 200 \| "
                             rf"Idempotency-Key: cc-{country}-\w+:{version} \|", history, re.M), \
                f"no delivery under v{version} of the {country} alert:\n{history}"
    assert re.search(r"SUMMARY: 2 alerts fired", out)

    # Readable by a person: no raw JSON on stdout; progress went to stderr.
    assert not [line for line in out.splitlines() if line.lstrip().startswith(("{", "["))]
    assert "article 1/" in err and "article 1/" not in out
    assert "Stopped: worker (exit 0), webhook receiver, broker." in out
    assert ".log" not in out + err, "a log path was printed, and the demo deletes it on success"
    _assert_all_stopped(err)


def _read_lines(stream: Iterable[str], sink: queue.Queue[str | None]) -> None:
    for line in stream:
        sink.put(line)
    sink.put(None)


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_demo_ctrl_c_stops_everything_it_started(tmp_path: Path) -> None:
    # Its own process group, like a shell job: Ctrl-C reaches the demo and the broker it spawned.
    # And SIGINT handled as at a terminal: a test run started in the background by a script
    # inherits SIGINT ignored, and the demo would never see the Ctrl-C.
    proc = subprocess.Popen(
        _demo_cmd(), cwd=tmp_path, env=_clean_env(), stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=_interruptible,
    )
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_read_lines, args=(proc.stderr, lines), daemon=True).start()
    seen: list[str] = []
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                continue
            if line is None:
                break
            seen.append(line)
            if "article 1/" in line:  # broker, receiver and worker are all up
                break
        assert any("article 1/" in line for line in seen), "".join(seen)
        os.killpg(proc.pid, signal.SIGINT)
        try:
            code = proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            while not lines.empty():
                seen.append(lines.get() or "")
            raise AssertionError("the demo did not stop within 60 s of Ctrl-C; it said:\n"
                                 + "".join(seen)[-5000:]) from None
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    while (line := lines.get(timeout=5)) is not None:
        seen.append(line)
    err = "".join(seen)
    assert code == 130, err
    assert "interrupted" in err
    _assert_all_stopped(err)
