"""Canonical URLs: one spelling per page, so ids and the seen set do not depend on who linked it.

Feeds and newsletters decorate links with campaign parameters (utm_*, fbclid, ...); hosts are
case-insensitive; default ports, fragments and the order of query parameters carry no meaning.
Everything else (path case, trailing slashes, other parameters) is kept: a site may use them.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

# Parameters that only say how a reader arrived, never which page it is.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
    "ttclid", "li_fat_id", "igshid", "mc_cid", "mc_eid", "mkt_tok", "_ga", "_gl", "_hsenc",
    "_hsmi", "__hstc", "__hssc", "__hsfp", "hsctatracking", "oly_anon_id", "oly_enc_id",
    "vero_conv", "vero_id", "wickedid", "rb_clickid", "s_cid", "cmpid", "ocid", "ncid", "sr_share",
    "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4",
    "ref_src", "ref_url", "smid", "spm", "guccounter", "guce_referrer", "guce_referrer_sig",
})
TRACKING_PREFIXES = ("utm_", "pk_", "piwik_", "mtm_", "matomo_", "hmb_", "ga_", "itm_", "at_")
DEFAULT_PORTS = {"http": 80, "https": 443}
_PCT = re.compile(r"%[0-9a-fA-F]{2}")
# Characters a path may carry unescaped (RFC 3986 pchar plus "/"); "%" stays as it is.
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"


class NotAUrl(ValueError):
    """Not an absolute http(s) URL."""


def is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """The one spelling of `url` used for ids and dedupe keys.

    >>> canonical_url("HTTPS://News.Example.org:443/a/./b/../c?utm_source=x&b=2&a=1#top")
    'https://news.example.org/a/c?a=1&b=2'
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise NotAUrl(f"{url!r}: {exc}") from exc
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in DEFAULT_PORTS or not host:
        raise NotAUrl(f"{url!r} is not an absolute http(s) URL")
    try:
        host = host.encode("idna").decode("ascii").lower() if not host.isascii() else host.lower()
    except UnicodeError as exc:
        raise NotAUrl(f"{url!r}: bad host name") from exc
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _normalise_path(parts.path)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k)]
    query.sort()
    return urlunsplit((scheme, netloc, path, urlencode(query, quote_via=quote), ""))


def _normalise_path(path: str) -> str:
    if not path:
        return "/"
    trailing = path.endswith("/")
    resolved = posixpath.normpath(path)
    if resolved.startswith("//"):  # normpath keeps a leading "//"
        resolved = "/" + resolved.lstrip("/")
    if trailing and resolved != "/":
        resolved += "/"
    # One escaping for every path: decode what was escaped, escape what must be.
    return quote(unquote(resolved), safe=_PATH_SAFE.replace("%", ""))


def host_of(url: str) -> str:
    """The politeness key: host and port (two ports on one host are two servers)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    default = DEFAULT_PORTS.get(parts.scheme.lower())
    return host if port in (None, default) else f"{host}:{port}"


def origin_of(url: str) -> str:
    """scheme://host[:port], where robots.txt lives."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
