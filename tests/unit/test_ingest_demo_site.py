"""The demo's news site, read offline with the ingester's own pure steps: every story becomes one
article (the syndicated copy is a duplicate) and the articles replay to the TJ and UZ alerts the
demo promises, with the extractor as it is today."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from services.demo.feeds_site import feeds_yaml, load_outlets, originals, resources_for
from services.demo.samples import Sample, replay_final
from services.ingest.config import load_feeds, parse_feeds
from services.ingest.identity import SeenSet
from services.ingest.items import parse_feed
from services.ingest.mapping import identify, story_keys, to_article, wants_page, with_page_urls
from services.ingest.pages import extract_page
from services.pipeline import Pipeline

BASE = "http://127.0.0.1:8081"
ROOT = Path(__file__).resolve().parents[2]


def test_the_demo_site_ingests_to_one_article_per_story_and_both_alerts(
    pipeline: Pipeline,
) -> None:
    outlets = load_outlets()
    served = resources_for(outlets, BASE)
    feeds = parse_feeds(feeds_yaml(outlets, BASE))
    seen = SeenSet()
    articles = []
    duplicates = 0
    for feed in feeds.feeds:
        document = served[str(feed.url).removeprefix(BASE)]
        for item in parse_feed(document.body, str(feed.url)).items:
            identity = identify(str(feed.url), item)
            assert identity is not None and item.link is not None
            page = None
            if wants_page(feed, item):
                path = item.link.removeprefix(BASE).split("?")[0]
                page = extract_page(served[path].body, item.link)
                assert page is not None, path
                identity = with_page_urls(identity, item.link, page.canonical)
            article = to_article(feed, identity, item, page)
            assert article is not None
            keys = story_keys(identity, article)
            if seen.first_seen(keys):
                duplicates += 1
                continue
            seen.add(keys)
            articles.append(article)
    assert len(articles) == len(originals(outlets)) and duplicates == 1
    assert all(a.published_at is not None and a.language == "en" for a in articles)
    assert all("?" not in (a.url or "") for a in articles)  # tracking parameters dropped

    ordered = sorted(articles, key=lambda a: str(a.published_at))
    final = replay_final([Sample(a.model_dump_json().encode(), a) for a in ordered], pipeline)
    alerts = {a.target_country: a for a in final.values()}
    assert sorted(alerts) == ["TJ", "UZ"]
    assert len(alerts["UZ"].denials) == 1 and len(alerts["UZ"].confirmations) == 1
    assert len(alerts["TJ"].claims) == 1 and len(alerts["TJ"].denials) == 1
    # Paragraphs survived extraction: the story's text, not the site's navigation or footer.
    for article in articles:
        assert "newsletter" not in article.body and "Most read" not in article.body


def test_the_demo_site_serves_robots_feeds_and_pages() -> None:
    outlets = load_outlets()
    served = resources_for(outlets, BASE)
    assert served["/robots.txt"].body.startswith(b"User-agent: *")
    assert all(served[o.feed_path].conditional for o in outlets)
    pages = [p for p in served if p.endswith(".html")]
    assert len(pages) == sum(len(o.stories) for o in outlets)


def test_the_compose_sample_feeds_file_is_valid() -> None:
    feeds = load_feeds(ROOT / "deploy" / "ingest" / "feeds.yaml")
    assert feeds.feeds and all(str(f.url).startswith("http://sample-feeds:8081/")
                               for f in feeds.feeds)
    assert feeds.user_agent.startswith("counterclaim-ingest/")
    served = resources_for(load_outlets(), "http://sample-feeds:8081")
    assert {str(f.url).removeprefix("http://sample-feeds:8081") for f in feeds.feeds} <= set(served)


def test_dates_come_from_the_feed() -> None:
    outlets = load_outlets()
    first = originals(outlets)[0]
    assert first.published.date() == date(2022, 4, 18)
