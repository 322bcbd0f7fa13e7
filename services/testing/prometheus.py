"""A real Prometheus server for tests: own config, own storage, a free loopback port.

Never the system service (the Debian package may start one on :9090): every test starts its own
process and stops it, so tests neither depend on nor disturb what runs on the machine.
"""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import orjson

from services.common.broker import free_port, stop_process


class PrometheusUnavailable(RuntimeError):
    pass


def prometheus_binary() -> str:
    found = shutil.which("prometheus")
    if found is None:
        raise PrometheusUnavailable(
            "the prometheus binary is not installed (Debian: apt-get install prometheus; "
            "scripts/setup.sh does it)")
    return found


@dataclass
class PrometheusServer:
    """Starts `prometheus` with `config` (a dict; written as JSON, which is YAML) in `workdir`."""

    config: dict[str, Any]
    workdir: Path
    host: str = "127.0.0.1"
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.workdir / "prometheus.log"

    def start(self, timeout: float = 30.0) -> PrometheusServer:
        self.workdir.mkdir(parents=True, exist_ok=True)
        config_path = self.workdir / "prometheus.yml"
        config_path.write_bytes(orjson.dumps(self.config, option=orjson.OPT_INDENT_2))
        log = self.log_path.open("ab")
        try:
            self.process = subprocess.Popen(
                [prometheus_binary(), f"--config.file={config_path}",
                 f"--storage.tsdb.path={self.workdir / 'data'}",
                 f"--web.listen-address={self.host}:{self.port}",
                 "--log.level=warn"],
                stdout=log, stderr=log, stdin=subprocess.DEVNULL, start_new_session=True,
            )
        finally:
            log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise PrometheusUnavailable(
                    f"prometheus exited with {self.process.returncode}: {self.log_text()[-2000:]}")
            if self._ready():
                return self
            time.sleep(0.1)
        self.stop()
        raise PrometheusUnavailable(f"prometheus not ready within {timeout}s")

    def _ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/-/ready", timeout=1) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def stop(self) -> None:
        stop_process(self.process, timeout=10)
        self.process = None

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def api(self, path: str, **params: str) -> Any:
        """GET /api/v1/<path>; the `data` of a successful answer."""
        query = urllib.parse.urlencode(params)
        with urllib.request.urlopen(f"{self.url}/api/v1/{path}?{query}", timeout=5) as response:
            answer = orjson.loads(response.read())
        if answer.get("status") != "success":
            raise PrometheusUnavailable(f"query failed: {answer}")
        return answer["data"]

    def query(self, promql: str) -> list[dict[str, Any]]:
        """Instant vector query: [{"metric": {...}, "value": [t, "v"]}, ...]."""
        data = self.api("query", query=promql)
        result: list[dict[str, Any]] = data["result"]
        return result

    def __enter__(self) -> PrometheusServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
