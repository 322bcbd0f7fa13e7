"""The ingester's HTTP adapter against local servers: per-host spacing (and none across hosts),
the size cap, timeouts, the User-Agent, and one robots.txt fetch per origin with its
Crawl-delay applied."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest

from services.ingest.http import FetchError, Http, RobotsCache
from services.ingest.robots import allowed, crawl_delay
from services.testing.site import TEXT_TYPE, Resource, Site

pytestmark = pytest.mark.integration

UA = "counterclaim-ingest-test/2.0 (+https://ops.example.org)"


@pytest.fixture
async def sites() -> AsyncIterator[tuple[Site, Site]]:
    a, b = Site(), Site()
    for site in (a, b):
        site.add("/page.html", Resource(b"<html><body>ok</body></html>"))
        site.add("/big.html", Resource(b"x" * 50_000))
        site.add("/slow.html", Resource(b"late", delay_s=1.0))
    a.add("/robots.txt", Resource(b"User-agent: counterclaim-ingest-test\nDisallow: /private/\n"
                                  b"Crawl-delay: 0.3\n", TEXT_TYPE))
    await a.start()
    await b.start()
    try:
        yield a, b
    finally:
        await a.stop()
        await b.stop()


async def test_requests_to_one_host_are_spaced_and_hosts_do_not_wait_for_each_other(
    sites: tuple[Site, Site]
) -> None:
    a, b = sites
    http = Http(UA, timeout_s=5, host_interval_s=0.25)
    await http.start()
    try:
        started = time.monotonic()
        answers = await asyncio.gather(*(http.get(a.url("/page.html"), 10_000) for _ in range(3)),
                                       http.get(b.url("/page.html"), 10_000))
        elapsed = time.monotonic() - started
    finally:
        await http.close()
    assert [r.status for r in answers] == [200, 200, 200, 200]
    assert 0.5 <= elapsed < 1.5  # a's three requests 0.25 s apart; b's went at once
    assert all(r.headers["User-Agent"] == UA for r in a.requests + b.requests)
    assert len(b.requests) == 1


async def test_too_large_and_too_slow_answers_are_fetch_errors(sites: tuple[Site, Site]) -> None:
    a, _ = sites
    http = Http(UA, timeout_s=0.3, host_interval_s=0)
    await http.start()
    try:
        with pytest.raises(FetchError) as big:
            await http.get(a.url("/big.html"), 20_000)
        assert big.value.reason == "too_large"
        cut = await http.get(a.url("/big.html"), 20_000, truncate=True)
        assert len(cut.body) == 20_000
        with pytest.raises(FetchError) as slow:
            await http.get(a.url("/slow.html"), 20_000)
        assert slow.value.reason == "timeout"
        with pytest.raises(FetchError) as refused:
            await http.get("http://127.0.0.1:9/nothing-listens-here", 20_000)
        assert refused.value.reason == "connection"
    finally:
        await http.close()


async def test_robots_txt_is_fetched_once_per_origin_and_its_crawl_delay_applies(
    sites: tuple[Site, Site]
) -> None:
    a, b = sites
    http = Http(UA, timeout_s=5, host_interval_s=0)
    robots = RobotsCache(http, ttl_s=3600)
    await http.start()
    try:
        rules = await asyncio.gather(*(robots.rules(a.url(f"/p{i}.html")) for i in range(5)))
        assert len(a.hits("/robots.txt")) == 1
        assert allowed(rules[0], UA, a.url("/news/x.html"))
        assert not allowed(rules[0], UA, a.url("/private/x.html"))
        no_file = await robots.rules(b.url("/x.html"))  # 404: everything allowed
        assert allowed(no_file, UA, b.url("/private/x.html"))
        assert crawl_delay(rules[0], UA) == 0.3
        http.slow_down(a.url("/"), 0.3)  # what the page fetcher does with a Crawl-delay
        started = time.monotonic()
        await asyncio.gather(*(http.get(a.url("/page.html"), 10_000) for _ in range(3)))
        assert time.monotonic() - started >= 0.6
    finally:
        await http.close()
