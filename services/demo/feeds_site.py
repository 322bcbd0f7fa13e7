"""The demo's news web site: a few outlets' RSS/Atom feeds and article pages, in our own words.

`data/feed_site.json` holds the stories (a claim, a denial and a confirmation for each of the
two incidents the bundled samples describe, some unrelated news, and one syndicated copy).
`counterclaim demo --feeds` serves it on a free loopback port; the compose stack runs it as the
`sample-feeds` service (`python -m services.demo.feeds_site`) for `deploy/ingest/feeds.yaml`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from typing import Any

import yaml

from services.testing.feeds import Entry, atom, page, rss
from services.testing.site import ATOM_TYPE, RSS_TYPE, TEXT_TYPE, Resource, Site

SITE_FILE = "feed_site.json"
ROBOTS = b"User-agent: *\nDisallow: /members/\n"
TRACKING = "?utm_source=rss&utm_medium=feed"  # the ingester drops these from ids and URLs


@dataclass(frozen=True)
class Story:
    outlet: str  # outlet slug
    source: str  # outlet name
    slug: str
    title: str
    summary: str
    body: str
    published: datetime
    copy_of: str | None = None  # "outlet/slug" of the original, for a syndicated copy

    @property
    def path(self) -> str:
        return f"/{self.outlet}/{self.slug}.html"


@dataclass(frozen=True)
class Outlet:
    slug: str
    name: str
    format: str  # rss | atom
    full_text: bool  # the feed carries whole stories; else only summaries (pages are fetched)
    stories: tuple[Story, ...]

    @property
    def feed_path(self) -> str:
        return f"/{self.slug}/feed.xml"


def load_outlets() -> list[Outlet]:
    raw: dict[str, Any] = json.loads(
        resources.files("services.demo").joinpath("data", SITE_FILE).read_text("utf-8"))
    originals: dict[str, Story] = {}
    outlets = []
    for o in raw["outlets"]:
        stories = []
        for s in o.get("stories", []):
            story = Story(o["slug"], o["name"], s["slug"], s["title"], s["summary"], s["body"],
                          datetime.fromisoformat(s["published"]))
            originals[f"{o['slug']}/{s['slug']}"] = story
            stories.append(story)
        for c in o.get("syndicates", []):
            original = originals[f"{c['from']}/{c['story']}"]
            stories.append(Story(o["slug"], o["name"], c["slug"], c["title"], original.summary,
                                 original.body, original.published,
                                 copy_of=f"{c['from']}/{c['story']}"))
        outlets.append(Outlet(o["slug"], o["name"], o["format"], o["full_text"], tuple(stories)))
    return outlets


def originals(outlets: list[Outlet]) -> list[Story]:
    """The distinct stories: what the ingester should produce once each."""
    return [s for o in outlets for s in o.stories if s.copy_of is None]


def resources_for(outlets: list[Outlet], base_url: str) -> dict[str, Resource]:
    """Every path the site serves: robots.txt, one feed per outlet, one page per story."""
    served = {"/robots.txt": Resource(ROBOTS, TEXT_TYPE)}
    for outlet in outlets:
        entries = []
        for story in outlet.stories:
            served[story.path] = Resource(page(outlet.name, story.title, story.body,
                                               story.published))
            entries.append(Entry(
                title=story.title, link=base_url + story.path + TRACKING, summary=story.summary,
                content=story.body if outlet.full_text else None, published=story.published,
                guid=f"{outlet.slug}:{story.slug}"))
        if outlet.format == "atom":
            body, kind = atom(outlet.name, f"urn:{outlet.slug}", entries), ATOM_TYPE
        else:
            body, kind = rss(outlet.name, base_url + f"/{outlet.slug}/", entries), RSS_TYPE
        served[outlet.feed_path] = Resource(body, kind, conditional=True)
    return served


def feeds_yaml(outlets: list[Outlet], base_url: str, **crawl: Any) -> str:
    """A feeds file for this site; `crawl` sets top-level options (poll_interval_s, ...)."""
    data: dict[str, Any] = {
        "user_agent": "counterclaim-ingest/0.1 (demo)", **crawl,
        "feeds": [{"name": o.name, "url": base_url + o.feed_path, "language": "en"}
                  for o in outlets],
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


async def serve(host: str, port: int, base_url: str) -> None:
    site = Site(resources_for(load_outlets(), base_url.rstrip("/")), host=host, port=port)
    await site.start()
    print(f"serving {len(site.resources)} paths on {host}:{port} as {base_url}", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await site.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="serve the demo news site (feeds and pages)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--base-url", default=None, help="how clients reach it (default: host:port)")
    args = parser.parse_args()
    base = args.base_url or f"http://{args.host}:{args.port}"
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.host, args.port, base))


if __name__ == "__main__":
    main()
