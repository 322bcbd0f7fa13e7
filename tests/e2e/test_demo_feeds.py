"""`counterclaim demo --feeds` as a user runs it: a news site, a real `counterclaim ingest`, a
real worker; every story ingested once, both alerts delivered, and nothing left running."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

TIMEOUT_S = 100
PID = re.compile(r"\(pid (\d+)\)")


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_demo_from_feeds_ingests_each_story_once_and_raises_both_alerts(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COUNTERCLAIM_")}
    proc = subprocess.run(
        [sys.executable, "-m", "services.cli", "demo", "--feeds", "--timeout", str(TIMEOUT_S)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=TIMEOUT_S + 60)
    out, err = proc.stdout, proc.stderr
    assert proc.returncode == 0, f"STDOUT:\n{out[-3000:]}\nSTDERR:\n{err[-5000:]}"

    ingested = re.findall(r"INGESTED (\d+)/(\d+): ([^,]+), (\S+): (.+)", out)
    assert [int(n) for n, *_ in ingested] == list(range(1, 8)) and ingested[0][1] == "7"
    titles = [t for *_, t in ingested]
    # The Tajikistan claim is on two sites with the same text: exactly one copy got through.
    copies = {"ISKP says seven rockets were fired into Tajikistan",
              "Wire: ISKP claims rocket attack on Tajikistan"}
    assert len(copies & set(titles)) == 1
    assert all(day.startswith("2022-") for *_, day, _ in ingested)  # dates from the feeds
    assert "utm_source" not in out  # canonical URLs

    assert sorted(re.findall(r"^ALERT: (\w+ \([A-Z]{2}\))", out, re.M)) == [
        "Tajikistan (TJ)", "Uzbekistan (UZ)"]
    assert "Uzbekistan contradicts it" in " ".join(out.split())
    assert "1 duplicates skipped" in out and "0 fetch errors" in out
    assert re.search(r"Uzbekistan \(UZ\)\s+cc-UZ-\w+\s+final v\d+: 2 claims, 1 denials, "
                     r"1 confirmations; delivered", out)

    pids = [int(p) for p in PID.findall(err)]
    assert len(pids) == 3, err  # broker, worker, ingester
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not all(_gone(p) for p in pids):
        time.sleep(0.1)
    assert all(_gone(p) for p in pids), "processes the demo started are still running"
    assert "ingester stopped (exit 0)" in err and "worker stopped (exit 0)" in err
