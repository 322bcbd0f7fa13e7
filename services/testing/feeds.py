"""Render RSS 2.0, Atom and news pages (with the usual navigation and footer around the story)
for the local sites that the ingester's tests, demo and benchmark serve."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from html import escape


@dataclass(frozen=True)
class Entry:
    title: str
    link: str
    summary: str | None = None
    content: str | None = None  # plain text, paragraphs separated by blank lines
    published: datetime | None = None
    guid: str | None = None


def paragraphs_html(text: str) -> str:
    return "".join(f"<p>{escape(p.strip())}</p>\n" for p in text.split("\n\n") if p.strip())


def rss(title: str, link: str, entries: list[Entry], language: str | None = "en") -> bytes:
    items = []
    for e in entries:
        parts = [f"<title>{escape(e.title)}</title>", f"<link>{escape(e.link)}</link>"]
        if e.guid:
            parts.append(f'<guid isPermaLink="false">{escape(e.guid)}</guid>')
        if e.summary:
            parts.append(f"<description>{escape(e.summary)}</description>")
        if e.content:
            parts.append(f"<content:encoded><![CDATA[{paragraphs_html(e.content)}]]>"
                         "</content:encoded>")
        if e.published:
            parts.append(f"<pubDate>{format_datetime(e.published, usegmt=True)}</pubDate>")
        items.append("<item>" + "".join(parts) + "</item>")
    lang = f"<language>{language}</language>" if language else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{escape(title)}</title><link>{escape(link)}</link>{lang}"
        f"<description>{escape(title)}</description>{''.join(items)}</channel></rss>"
    ).encode()


def atom(title: str, feed_id: str, entries: list[Entry], language: str = "en") -> bytes:
    out = []
    for e in entries:
        when = (e.published.isoformat() if e.published else "2022-01-01T00:00:00+00:00")
        body = f'<content type="html">{escape(paragraphs_html(e.content))}</content>' if (
            e.content) else ""
        summary = f"<summary>{escape(e.summary)}</summary>" if e.summary else ""
        out.append(
            f'<entry><title>{escape(e.title)}</title><link href="{escape(e.link)}"/>'
            f"<id>{escape(e.guid or e.link)}</id><updated>{when}</updated>"
            + (f"<published>{when}</published>" if e.published else "")
            + f"{summary}{body}</entry>")
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
        f'xml:lang="{language}"><title>{escape(title)}</title><id>{escape(feed_id)}</id>'
        f"<updated>2022-05-10T00:00:00Z</updated>{''.join(out)}</feed>"
    ).encode()


def page(site_name: str, title: str, body: str, published: datetime | None = None,
         language: str | None = "en", canonical: str | None = None, byline: str | None = None
         ) -> bytes:
    """A news page: header, navigation, the story in <article>, a sidebar and a footer."""
    meta = [f'<meta property="og:title" content="{escape(title)}">',
            f'<meta property="og:site_name" content="{escape(site_name)}">']
    if published:
        meta.append(f'<meta property="article:published_time" content="{published.isoformat()}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{escape(canonical)}">')
    lang = f' lang="{language}"' if language else ""
    by = f'<p class="byline">By {escape(byline)}</p>' if byline else ""
    return (
        f"<!doctype html>\n<html{lang}><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)} | {escape(site_name)}</title>{''.join(meta)}</head><body>"
        f'<header><a href="/">{escape(site_name)}</a></header>'
        '<nav><ul><li><a href="/world">World</a></li><li><a href="/region">Region</a></li>'
        '<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>'
        f"<main><article><h1>{escape(title)}</h1>{by}\n{paragraphs_html(body)}</article>"
        '<aside><h2>Most read</h2><ul><li><a href="/m/1">Grain prices steady at the market</a>'
        '</li><li><a href="/m/2">New bus timetable for the capital</a></li></ul></aside></main>'
        f"<footer><p>Copyright {escape(site_name)}. All rights reserved.</p>"
        '<p><a href="/about">About us</a> <a href="/newsletter">Sign up for the newsletter</a>'
        "</p></footer></body></html>"
    ).encode()
