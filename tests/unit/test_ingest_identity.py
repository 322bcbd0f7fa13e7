"""Canonical URLs, article ids, dedupe keys and the seen set: the ingester's notion of "the same
story"."""

from __future__ import annotations

import pytest

from services.ingest.identity import (
    SeenSet,
    article_id,
    item_key,
    key_kind,
    normalise_text,
    text_key,
    url_key,
)
from services.ingest.urls import NotAUrl, canonical_url, host_of, is_tracking, origin_of


@pytest.mark.parametrize(("raw", "canonical"), [
    ("https://news.example.org/a/b", "https://news.example.org/a/b"),
    # host case, default port, fragment
    ("HTTPS://News.Example.ORG:443/a/b#comments", "https://news.example.org/a/b"),
    ("http://news.example.org:80/a", "http://news.example.org/a"),
    # a non-default port is part of the address
    ("http://news.example.org:8080/a", "http://news.example.org:8080/a"),
    # tracking parameters dropped, the rest sorted
    ("https://n.example.org/a?utm_source=rss&utm_medium=feed&id=7&fbclid=abc&page=2",
     "https://n.example.org/a?id=7&page=2"),
    ("https://n.example.org/a?b=2&a=1", "https://n.example.org/a?a=1&b=2"),
    ("https://n.example.org/a?gclid=1&mc_cid=2&_ga=3", "https://n.example.org/a"),
    # empty path, dot segments, escaping
    ("https://n.example.org", "https://n.example.org/"),
    ("https://n.example.org/x/./y/../z", "https://n.example.org/x/z"),
    ("https://n.example.org/caf%c3%a9", "https://n.example.org/caf%C3%A9"),
    ("https://n.example.org/café", "https://n.example.org/caf%C3%A9"),
    # path case and trailing slash are the site's business
    ("https://n.example.org/News/", "https://n.example.org/News/"),
])
def test_canonical_url(raw: str, canonical: str) -> None:
    assert canonical_url(raw) == canonical


@pytest.mark.parametrize("raw", ["", "/relative/path", "ftp://n.example.org/a", "mailto:x@y",
                                 "https://:80/a", "http://n.example.org:99999/"])
def test_not_a_url(raw: str) -> None:
    with pytest.raises(NotAUrl):
        canonical_url(raw)


def test_tracking_parameters() -> None:
    assert is_tracking("utm_campaign") and is_tracking("UTM_Source") and is_tracking("fbclid")
    assert not is_tracking("id") and not is_tracking("page") and not is_tracking("q")


def test_hosts_and_origins() -> None:
    assert host_of("https://N.example.org/a") == "n.example.org"
    assert host_of("https://n.example.org:443/a") == "n.example.org"
    assert host_of("http://127.0.0.1:8081/a") == "127.0.0.1:8081"
    assert origin_of("https://n.example.org:8443/a/b?c") == "https://n.example.org:8443"


def test_article_id_is_stable_and_follows_the_canonical_url() -> None:
    a = article_id(canonical_url("https://n.example.org/story?utm_source=x"))
    b = article_id(canonical_url("HTTPS://N.EXAMPLE.ORG/story#top"))
    c = article_id(canonical_url("https://n.example.org/other-story"))
    assert a == b != c
    assert a.startswith("ing-") and len(a) == 4 + 24
    assert url_key("https://n.example.org/story") != url_key("https://n.example.org/other-story")


def test_text_key_ignores_case_punctuation_and_layout() -> None:
    body = ("Uzbek officials denied that any rockets had landed on Uzbek territory.\n\n"
            "A spokesperson said residents of Termez had no reason for concern.")
    relaid = ("UZBEK officials denied that any rockets had landed on Uzbek territory "
              "- a spokesperson said residents of \u201cTermez\u201d had no reason for concern!")
    assert normalise_text(body) == normalise_text(relaid)
    assert text_key(body) == text_key(relaid) is not None
    assert text_key(body + " One more sentence.") != text_key(body)
    assert text_key("Short headline only") is None  # too little text to tell stories apart


def test_guid_keys_are_scoped_to_their_feed() -> None:
    assert item_key("https://a.example.org/rss", "42") != item_key("https://b.example.org/rss", "42")
    assert key_kind(item_key("https://a.example.org/rss", "42")) == "guid"
    assert key_kind(url_key("https://a.example.org/x")) == "url"


def test_seen_set() -> None:
    seen = SeenSet()
    assert seen.first_seen(["url:1", None, "text:2"]) is None
    assert seen.add(["url:1", None, "text:2", "url:1"], at=100.0) == ["url:1", "text:2"]
    assert seen.first_seen(["url:9", "text:2"]) == "text:2"
    assert seen.add(["url:1", "url:3"], at=200.0) == ["url:3"]  # only new keys need persisting
    assert len(seen) == 3 and "url:3" in seen
    assert seen.seen_at["url:1"] == 100.0  # first seen, not last
    seen.discard(["url:3"])
    assert "url:3" not in seen


def test_seen_set_forgets_keys_older_than_the_retention() -> None:
    seen = SeenSet()
    seen.add(["url:old", "text:old"], at=1_000.0)
    seen.add(["url:new"], at=5_000.0)
    assert seen.prune(before=2_000.0) == 2
    assert seen.first_seen(["url:old", "text:old"]) is None
    assert seen.first_seen(["url:new"]) == "url:new"
    assert seen.prune(before=2_000.0) == 0
