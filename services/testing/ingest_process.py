"""Run a real `counterclaim ingest` process, for the demo and the tests: the path users run."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from services.testing.processes import WorkerProcess


@dataclass
class IngestProcess(WorkerProcess):
    """Like WorkerProcess (env, log file, stop), running `counterclaim ingest`. Without
    `feeds_path`, the feeds file comes from COUNTERCLAIM_FEEDS in `env`."""

    feeds_path: Path | None = None

    def start(self) -> IngestProcess:
        self._log = self.log_path.open("ab")
        args = [sys.executable, "-m", "services.cli", "ingest"]
        if self.feeds_path is not None:
            args += ["--feeds", str(self.feeds_path)]
        self.process = subprocess.Popen(
            args, env=dict(self.env), stdout=self._log, stderr=self._log,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )
        return self
