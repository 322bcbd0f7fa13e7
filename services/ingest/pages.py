"""Main text of a news page with trafilatura: title, body, publication date, language.

trafilatura is maintained, strips navigation, related links, comments and footers, and finds
publication dates in page metadata (htmldate). Its date search is kept to metadata and the URL:
the "extensive" search reads dates out of the body text, and in a news story those are usually
the incident's date, not the publication's, which would shift every relative date we resolve.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

import trafilatura

HEAD_BYTES = 200_000  # where <html lang> and <link rel=canonical> are looked for
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"([A-Za-z_:][-\w:.]*)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)")
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
MIN_WORDS = 20  # less is a menu, a cookie notice or a paywall stub, not an article


@dataclass(frozen=True)
class ExtractedPage:
    title: str | None
    body: str
    published: date | None
    language: str | None
    canonical: str | None  # the page's <link rel="canonical">, absolute


@dataclass(frozen=True)
class PageMeta:
    language: str | None
    canonical: str | None


def page_meta(document: str, url: str) -> PageMeta:
    """`<html lang>` (primary subtag, lower case) and `<link rel=canonical>` (absolute)."""
    head = document[:HEAD_BYTES]
    match = _HTML_LANG.search(head)
    language = match.group(1).lower() if match else None
    canonical = None
    for tag in _LINK_TAG.findall(head):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(tag)}
        if "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            canonical = urljoin(url, html.unescape(attrs["href"]).strip())
            break
    return PageMeta(language=language, canonical=canonical)


def _paragraphs(text: str, title: str | None) -> str:
    """One blank line between paragraphs; a first line that only repeats the title dropped."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and title and lines[0].casefold() == title.strip().casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_page(body: bytes, url: str) -> ExtractedPage | None:
    """None when the page has no main text to speak of (an index page, a paywall stub)."""
    document = body.decode("utf-8", errors="replace")
    meta = page_meta(document, url)
    doc = trafilatura.bare_extraction(
        body, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, date_extraction_params=_DATE_PARAMS,
    )
    if doc is None or isinstance(doc, dict):
        return None
    title = (doc.title or "").strip() or None
    text = _paragraphs(doc.text or "", title)
    if len(text.split()) < MIN_WORDS:
        return None
    return ExtractedPage(title=title, body=text, published=_date(doc.date),
                         language=meta.language, canonical=meta.canonical)
