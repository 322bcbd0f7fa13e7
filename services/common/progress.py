"""A progress bar with the rate for long CLI runs, on a terminal only.

tqdm draws it on stderr when stderr is a terminal; in a pipe or a log file nothing is drawn,
so redirected output stays clean. Over a file of known size the bar follows the bytes read
(for gzip, the compressed bytes), with articles per second beside it; otherwise it counts
articles (against `total` when known).
"""

from __future__ import annotations

import sys
import time
from typing import IO, Any, Protocol

REFRESH_S = 0.2


class Positioned(Protocol):
    size: int | None

    def position(self) -> int: ...


class Progress:
    def __init__(self, label: str, source: Positioned | None = None, total: int | None = None,
                 stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.count = 0
        self.source = source if source is not None and source.size else None
        self._start = self._last = time.monotonic()
        self._bar: Any = None
        if not self.enabled:
            return
        from tqdm import tqdm

        common: dict[str, Any] = {"desc": label, "file": self.stream, "leave": False,
                                  "dynamic_ncols": True, "mininterval": REFRESH_S}
        if self.source is not None:
            self._bar = tqdm(total=self.source.size, unit="B", unit_scale=True,
                             unit_divisor=1024, **common)
        else:
            self._bar = tqdm(total=total, unit=" articles", **common)

    def tick(self, n: int = 1) -> None:
        self.count += n
        if self._bar is None:
            return
        now = time.monotonic()
        if now - self._last >= REFRESH_S:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        if self.source is None:
            self._bar.update(self.count - self._bar.n)
            return
        position = self.source.position()
        if position > self._bar.n:
            self._bar.update(position - self._bar.n)
        rate = self.count / max(1e-6, now - self._start)
        self._bar.set_postfix_str(f"{self.count:,} articles, {rate:,.0f} articles/s",
                                  refresh=False)

    def done(self) -> None:
        if self._bar is not None:
            self._draw(time.monotonic())
            self._bar.refresh()
            self._bar.close()
            self._bar = None
