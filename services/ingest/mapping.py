"""Feed item (+ extracted page) -> Article, and the item's identity: pure functions.

Which text, title, date and language win when the feed and the page disagree is decided here
and nowhere else:
- body: the page's main text when a page was fetched and had one; else the feed's full content;
  else its summary;
- title: the item's; else the page's;
- publication time: the item's (a full timestamp); else the page's date; else none, and the
  worker uses the record time;
- language: the feed's configured hint (the operator knows the outlet); else the page's
  `<html lang>`; else the feed's declared language; else none, and the extractor guesses.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from schemas.article import Article
from services.ingest.config import FeedConfig
from services.ingest.identity import article_id, item_key, text_key, url_key
from services.ingest.items import FeedItem
from services.ingest.pages import ExtractedPage
from services.ingest.urls import NotAUrl, canonical_url


@dataclass(frozen=True)
class Identity:
    """Who an item is: its article id, the canonical URL behind it, and its dedupe keys."""

    article_id: str
    url: str | None
    keys: tuple[str, ...]


def language_code(value: str | None) -> str | None:
    """"en-US" -> "en"; None for anything that is not a language tag."""
    if not value:
        return None
    primary = value.replace("_", "-").split("-", 1)[0].strip().lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def _canonical(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return canonical_url(url)
    except NotAUrl:
        return None


def identify(feed_url: str, item: FeedItem) -> Identity | None:
    """The item's identity before any page is fetched; None when it has neither a usable link
    nor a guid (nothing to recognise it by next time)."""
    guid = item_key(feed_url, item.guid) if item.guid else None
    canonical = _canonical(item.link)
    if canonical is not None:
        keys = (url_key(canonical),) + ((guid,) if guid else ())
        return Identity(article_id=article_id(canonical), url=canonical, keys=keys)
    if guid is not None:
        return Identity(article_id="ing-" + guid.split(":", 1)[1][:24], url=None, keys=(guid,))
    return None


def with_page_urls(identity: Identity, final_url: str | None, page_canonical: str | None
                   ) -> Identity:
    """After fetching: the page's rel=canonical (else where redirects ended) names the story,
    and both become keys too, so another feed's link to the same page is recognised."""
    urls = [u for u in (_canonical(page_canonical), _canonical(final_url)) if u]
    if not urls:
        return identity
    keys = identity.keys + tuple(url_key(u) for u in urls)
    return replace(identity, article_id=article_id(urls[0]), url=urls[0],
                   keys=tuple(dict.fromkeys(keys)))


def wants_page(feed: FeedConfig, item: FeedItem) -> bool:
    """Fetch the page? "auto": when the item carries only a summary (no full content)."""
    if not item.link or _canonical(item.link) is None:
        return False
    if feed.fetch_page == "auto":
        return item.content is None
    return bool(feed.fetch_page)


def to_article(feed: FeedConfig, identity: Identity, item: FeedItem,
               page: ExtractedPage | None) -> Article | None:
    """None when neither the page nor the feed gave any text."""
    body = (page.body if page else None) or item.content or item.summary
    if not body or not body.strip():
        return None
    title = item.title or (page.title if page else None)
    published = item.published or (page.published if page else None)
    language = (language_code(feed.language) or (page.language if page else None)
                or language_code(item.language))
    return Article(id=identity.article_id, body=body, title=title, source=feed.name,
                   url=identity.url or item.link, language=language, published_at=published)


def story_keys(identity: Identity, article: Article) -> tuple[str, ...]:
    """Every key the produced story is remembered by: its URLs (and guid) and its text."""
    text = text_key(article.body)
    return identity.keys + ((text,) if text else ())
