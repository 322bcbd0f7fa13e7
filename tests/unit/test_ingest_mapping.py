"""Feed documents, pages and the feeds file into Articles: parsing, extraction and which source
wins for each field. All text here is our own."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from services.ingest.config import FeedConfig, FeedsFileError, parse_feeds
from services.ingest.identity import text_key, url_key
from services.ingest.items import FeedItem, MalformedFeed, html_to_text, parse_feed
from services.ingest.mapping import (
    identify,
    language_code,
    story_keys,
    to_article,
    wants_page,
    with_page_urls,
)
from services.ingest.pages import ExtractedPage, extract_page, page_meta

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Steppe Courier</title><link>https://courier.example.org/</link>
<language>en-gb</language>
<item><title>Border post reports gunfire</title>
<link>https://courier.example.org/news/border-gunfire?utm_source=rss&amp;utm_medium=feed</link>
<guid isPermaLink="false">courier-1001</guid>
<description>Guards at a &lt;b&gt;river crossing&lt;/b&gt; heard shots overnight.</description>
<pubDate>Tue, 10 May 2022 07:30:00 GMT</pubDate></item>
<item><title>Full story in the feed</title><link>/news/full-story</link>
<content:encoded><![CDATA[<p>First paragraph of the story.</p><p>Second &amp; last paragraph.</p>]]></content:encoded>
</item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="es"><title>Valley Notes</title><id>urn:vn</id>
<updated>2022-05-09T10:15:00Z</updated>
<entry><title>Quiet night</title><link href="https://notes.example.org/quiet"/><id>urn:vn:7</id>
<published>2022-05-09T10:15:00+02:00</published><summary>All calm.</summary></entry>
</feed>"""

PAGE = b"""<!doctype html><html lang="en-US"><head>
<title>Border post reports gunfire | Steppe Courier</title>
<meta property="og:title" content="Border post reports gunfire">
<meta property="article:published_time" content="2022-05-10T07:00:00Z">
<link rel="canonical" href="/news/border-gunfire">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Border post reports gunfire</h1>
<p>Guards at a river crossing said they heard automatic fire from the far bank late on Monday and
took cover until the shooting stopped shortly before dawn.</p>
<p>A regional official said nobody on the near bank was hurt and that traffic over the bridge
would resume once engineers had checked the road surface.</p>
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Market prices rise</a></li></ul></aside>
<footer>Copyright Steppe Courier. Subscribe to our newsletter.</footer>
</body></html>"""

UNDATED_PAGE = PAGE.replace(
    b'<meta property="article:published_time" content="2022-05-10T07:00:00Z">', b""
).replace(b"late on Monday", b"late on Monday, 9 May 2022,")

FEED = FeedConfig(name="Steppe Courier", url="https://courier.example.org/rss.xml")


def test_rss_items_with_summaries_and_full_content() -> None:
    parsed = parse_feed(RSS, "https://courier.example.org/rss.xml")
    assert parsed.title == "Steppe Courier" and parsed.language == "en-gb"
    first, second = parsed.items
    assert first.title == "Border post reports gunfire"
    assert first.summary == "Guards at a river crossing heard shots overnight."
    assert first.content is None  # only a summary: the page will be fetched
    assert first.guid == "courier-1001"
    assert first.published == datetime(2022, 5, 10, 7, 30, tzinfo=UTC)
    assert second.link == "https://courier.example.org/news/full-story"  # resolved
    assert second.content == "First paragraph of the story.\n\nSecond & last paragraph."
    assert second.summary is None and second.published is None


def test_atom_entries() -> None:
    (entry,) = parse_feed(ATOM, "https://notes.example.org/atom.xml").items
    assert entry.link == "https://notes.example.org/quiet"
    assert entry.published == datetime(2022, 5, 9, 8, 15, tzinfo=UTC)
    assert entry.summary == "All calm." and entry.content is None
    assert entry.language == "es"


@pytest.mark.parametrize("body", [b"<html><body><p>Not a feed</p></body></html>", b"", b"\x00\x01junk"])
def test_malformed_feeds_are_an_error(body: bytes) -> None:
    with pytest.raises(MalformedFeed):
        parse_feed(body, "https://x.example.org/feed")


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    fragment = ("<div><p>One &amp; two.</p><script>var x = 1;</script>"
                "<p>Three<br>four</p>  <ul><li>five</li></ul></div>")
    assert html_to_text(fragment) == "One & two.\n\nThree\n\nfour\n\nfive"


def test_extract_page_finds_title_body_date_language_and_canonical() -> None:
    page = extract_page(PAGE, "https://courier.example.org/news/border-gunfire?utm_source=rss")
    assert page is not None
    assert page.title == "Border post reports gunfire"
    assert page.body.startswith("Guards at a river crossing said")
    assert "\n\nA regional official said" in page.body
    for boilerplate in ("Subscribe", "Most read", "Market prices", "Sport"):
        assert boilerplate not in page.body
    assert page.published == date(2022, 5, 10)
    assert page.language == "en"
    assert page.canonical == "https://courier.example.org/news/border-gunfire"


def test_a_date_in_the_story_is_not_taken_for_the_publication_date() -> None:
    page = extract_page(UNDATED_PAGE, "https://courier.example.org/news/border-gunfire")
    assert page is not None and "9 May 2022" in page.body
    assert page.published is None


def test_a_page_without_main_text_gives_nothing() -> None:
    assert extract_page(b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
                        "https://x.example.org/") is None


def test_page_meta_without_lang_or_canonical() -> None:
    meta = page_meta("<html><head><link rel='stylesheet' href='a.css'></head></html>",
                     "https://x.example.org/a")
    assert meta.language is None and meta.canonical is None


def _item(**changes: object) -> FeedItem:
    base: dict[str, object] = dict(
        link="https://courier.example.org/news/border-gunfire?utm_source=rss",
        guid="courier-1001", title="Feed title", summary="Feed summary.", content=None,
        published=datetime(2022, 5, 10, 7, 30, tzinfo=UTC), language="en-gb")
    base.update(changes)
    return FeedItem(**base)  # type: ignore[arg-type]


PAGE_TEXT = ExtractedPage(title="Page title", body="Page body text.",
                          published=date(2022, 5, 9), language="ru", canonical=None)


def test_page_text_wins_but_the_feed_s_title_and_time_do() -> None:
    identity = identify(str(FEED.url), _item())
    assert identity is not None
    article = to_article(FEED, identity, _item(), PAGE_TEXT)
    assert article is not None
    assert article.body == "Page body text."
    assert article.title == "Feed title"
    assert article.published_at == datetime(2022, 5, 10, 7, 30, tzinfo=UTC)
    assert article.language == "ru"  # the page's <html lang> before the feed's declaration
    assert article.source == "Steppe Courier"
    assert article.url == "https://courier.example.org/news/border-gunfire"
    assert article.id == identity.article_id


def test_fallbacks_when_the_feed_lacks_a_field() -> None:
    item = _item(title=None, published=None)
    identity = identify(str(FEED.url), item)
    assert identity is not None
    article = to_article(FEED, identity, item, PAGE_TEXT)
    assert article is not None
    assert article.title == "Page title" and article.published_at == date(2022, 5, 9)
    undated = to_article(FEED, identity, item, None)
    assert undated is not None
    assert undated.published_at is None  # the worker then uses the record time
    assert undated.body == "Feed summary." and undated.language == "en"


def test_configured_language_hint_wins() -> None:
    feed = FeedConfig(name="x", url="https://x.example.org/rss", language="es")
    identity = identify(str(feed.url), _item())
    assert identity is not None
    article = to_article(feed, identity, _item(), PAGE_TEXT)
    assert article is not None and article.language == "es"


def test_no_text_anywhere_gives_no_article() -> None:
    item = _item(summary=None, content=None)
    identity = identify(str(FEED.url), item)
    assert identity is not None and to_article(FEED, identity, item, None) is None


def test_identity_before_and_after_the_page() -> None:
    item = _item()
    identity = identify(str(FEED.url), item)
    assert identity is not None
    assert identity.url == "https://courier.example.org/news/border-gunfire"
    assert identity.keys[0] == url_key(identity.url) and identity.keys[1].startswith("guid:")
    # The page declares another canonical address (a syndicated copy names the original).
    after = with_page_urls(identity, "https://courier.example.org/news/border-gunfire",
                           "https://original.example.net/story/77?utm_campaign=s")
    assert after.url == "https://original.example.net/story/77"
    assert after.article_id != identity.article_id
    assert set(identity.keys) < set(after.keys)
    assert url_key("https://original.example.net/story/77") in after.keys
    # Unusable page URLs change nothing.
    assert with_page_urls(identity, None, "not a url") == identity
    article = to_article(FEED, after, item, PAGE_TEXT)
    assert article is not None
    assert story_keys(after, article) == after.keys  # "Page body text." is too short to key
    long_page = ExtractedPage(title=None, body="word " * 40, published=None, language=None,
                              canonical=None)
    article = to_article(FEED, after, item, long_page)
    assert article is not None
    assert story_keys(after, article)[-1] == text_key("word " * 40)


def test_items_without_link_use_their_guid_and_items_with_neither_are_skipped() -> None:
    by_guid = identify(str(FEED.url), _item(link=None))
    assert by_guid is not None and by_guid.url is None and by_guid.keys[0].startswith("guid:")
    assert by_guid.article_id.startswith("ing-")
    assert identify(str(FEED.url), _item(link=None, guid=None)) is None


def test_when_pages_are_fetched() -> None:
    auto = FEED
    always = FeedConfig(name="a", url="https://x.example.org/rss", fetch_page=True)
    never = FeedConfig(name="n", url="https://x.example.org/rss", fetch_page=False)
    summary_only, full = _item(), _item(content="Full text.")
    assert wants_page(auto, summary_only) and not wants_page(auto, full)
    assert wants_page(always, full) and not wants_page(never, summary_only)
    assert not wants_page(always, _item(link=None))


def test_language_codes() -> None:
    assert language_code("en-US") == "en" and language_code("PT_br") == "pt"
    assert language_code("") is None and language_code("x1") is None


FEEDS_YAML = """
user_agent: "counterclaim-ingest/0.1 (+https://ops.example.org/contact)"
poll_interval_s: 600
host_interval_s: 2
feeds:
  - name: Steppe Courier
    url: https://courier.example.org/rss.xml
  - name: Valley Notes
    url: https://notes.example.org/atom.xml
    poll_interval_s: 60
    language: es
    fetch_page: false
"""


def test_feeds_file() -> None:
    feeds = parse_feeds(FEEDS_YAML)
    assert [f.name for f in feeds.feeds] == ["Steppe Courier", "Valley Notes"]
    assert feeds.interval(feeds.feeds[0]) == 600 and feeds.interval(feeds.feeds[1]) == 60
    assert feeds.feeds[0].fetch_page == "auto" and feeds.feeds[1].fetch_page is False
    assert feeds.host_interval_s == 2 and feeds.user_agent.endswith("contact)")


@pytest.mark.parametrize(("text", "message"), [
    ("feeds: []", "feeds: List should have at least 1 item"),
    ("feeds:\n  - name: A\n    url: not-a-url\n", "feeds[0] (name: A).url"),
    ("feeds:\n  - name: A\n    url: https://a.example.org/\n    poll_every: 5\n",
     "feeds[0] (name: A).poll_every: Extra inputs are not permitted"),
    ("feeds:\n  - {name: A, url: 'https://a.example.org/1'}\n  - {name: A, url: 'https://a.example.org/2'}\n",
     "feed names must be unique"),
    ("feeds: [\n", "not valid YAML"),
    ("- just a list", "top-level `feeds:` list"),
    ("timeout_s: -1\nfeeds:\n  - {name: A, url: 'https://a.example.org/'}\n", "timeout_s"),
])
def test_feeds_file_errors_say_where(text: str, message: str) -> None:
    with pytest.raises(FeedsFileError) as caught:
        parse_feeds(text, origin="feeds.yaml")
    assert message in str(caught.value) and str(caught.value).startswith("feeds.yaml: ")
