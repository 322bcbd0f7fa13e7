"""HTTP for the ingester (aiohttp): one User-Agent, timeouts, size caps, per-host spacing and a
robots.txt cache. Thin: every decision is in policy.py and robots.py."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import aiohttp

from services.ingest.policy import host_slot
from services.ingest.robots import RobotsRules, rules_from_response, ttl
from services.ingest.urls import host_of, origin_of

MAX_REDIRECTS = 5


class FetchError(Exception):
    """A fetch that gave no usable answer; `reason` is a metrics label (metrics.FETCH_REASONS)."""

    def __init__(self, reason: str, detail: str, retry_after: str | None = None) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.retry_after = retry_after


@dataclass(frozen=True)
class Response:
    status: int
    url: str  # after redirects
    headers: Mapping[str, str]  # lower-case names
    body: bytes


@dataclass
class Http:
    user_agent: str
    timeout_s: float
    host_interval_s: float
    clock: Callable[[], float] = time.monotonic
    _session: aiohttp.ClientSession | None = None
    _slots: dict[str, float] = field(default_factory=dict)
    _intervals: dict[str, float] = field(default_factory=dict)

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(
            headers={"User-Agent": self.user_agent},
            timeout=aiohttp.ClientTimeout(total=self.timeout_s,
                                          sock_connect=min(10.0, self.timeout_s)),
            connector=aiohttp.TCPConnector(limit=64, limit_per_host=4),
        )

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def slow_down(self, url: str, interval_s: float) -> None:
        """A host asked for more time between requests (robots.txt Crawl-delay)."""
        host = host_of(url)
        self._intervals[host] = max(self.host_interval_s, interval_s)

    async def _wait_turn(self, url: str) -> None:
        host = host_of(url)
        now = self.clock()
        slot = host_slot(self._slots.get(host), now, self._intervals.get(host, self.host_interval_s))
        self._slots[host] = slot
        if slot > now:
            await asyncio.sleep(slot - now)

    async def get(self, url: str, max_bytes: int, headers: Mapping[str, str] | None = None,
                  truncate: bool = False) -> Response:
        """Any HTTP status is an answer; no answer (timeout, connection) or one larger than
        `max_bytes` is a FetchError (with `truncate`, the first `max_bytes` are the answer)."""
        if self._session is None:
            raise RuntimeError("Http.start() was not called")
        await self._wait_turn(url)
        try:
            async with self._session.get(url, headers=dict(headers or {}),
                                         max_redirects=MAX_REDIRECTS) as answer:
                declared = answer.content_length
                if not truncate and declared is not None and declared > max_bytes:
                    raise FetchError("too_large", f"{declared} bytes declared (max {max_bytes})")
                chunks: list[bytes] = []
                size = 0
                async for chunk in answer.content.iter_chunked(65_536):
                    size += len(chunk)
                    if size > max_bytes:
                        if not truncate:
                            raise FetchError("too_large", f"more than {max_bytes} bytes")
                        chunks.append(chunk[: max_bytes - size + len(chunk)])
                        break
                    chunks.append(chunk)
                names = {k.lower(): v for k, v in answer.headers.items()}
                return Response(answer.status, str(answer.url), names, b"".join(chunks))
        except TimeoutError as exc:
            raise FetchError("timeout", f"no complete answer within {self.timeout_s:g}s") from exc
        except aiohttp.TooManyRedirects as exc:
            raise FetchError("status", f"more than {MAX_REDIRECTS} redirects") from exc
        except (aiohttp.ClientError, OSError, ValueError) as exc:
            raise FetchError("connection", f"{type(exc).__name__}: {exc}") from exc


@dataclass
class RobotsCache:
    """robots.txt per origin, kept for its TTL; Crawl-delay slows the host down in `http`."""

    http: Http
    ttl_s: float
    max_bytes: int = 512_000
    clock: Callable[[], float] = time.monotonic
    _rules: dict[str, tuple[float, RobotsRules]] = field(default_factory=dict)
    _locks: dict[str, asyncio.Lock] = field(default_factory=dict)

    async def rules(self, url: str) -> RobotsRules:
        origin = origin_of(url)
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:  # one fetch per origin, however many pages wait for it
            cached = self._rules.get(origin)
            if cached is not None and cached[0] > self.clock():
                return cached[1]
            try:
                answer = await self.http.get(origin + "/robots.txt", self.max_bytes,
                                             truncate=True)
                rules = rules_from_response(answer.status, answer.body)
            except FetchError:
                rules = rules_from_response(None, None)
            self._rules[origin] = (self.clock() + ttl(rules, self.ttl_s), rules)
            return rules
