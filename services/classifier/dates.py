"""Incident time from what the text says, resolved against the publication date.

A named day gives that day; a vague phrase gives the interval it allows. Nothing here invents
a day the text does not name.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from schemas.event import IncidentTime

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1,
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_RE = "|".join(_WEEKDAYS)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "month_day",
        re.compile(
            rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
            rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?"
        ),
    ),
    (
        "day_month",
        re.compile(
            rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\b\.?"
            rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?"
        ),
    ),
    (
        "month_year",
        re.compile(
            rf"\b(?:in|during|since|late|early|mid-?)\s+(?P<mon>{_MONTH_RE})"
            rf"(?:\s+(?P<y>(?:19|20)\d\d))?\b"
        ),
    ),
    (  # "January's assault": an incident of that month ('may' is too often a verb or name)
        "month_possessive",
        re.compile(r"\b(?P<mon>january|february|march|april|june|july|august|september|october"
                   r"|november|december)'s\b(?P<y>)"),
    ),
    ("weekday", re.compile(rf"\b(?:on\s+|last\s+|this\s+|early\s+|late\s+)?(?P<wd>{_DAY_RE})\b")),
    ("yesterday", re.compile(r"\b(?:yesterday|last night|overnight)\b")),
    ("today", re.compile(r"\b(?:today|this morning|earlier today|tonight|this evening)\b")),
    ("ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|a)\s+"
                       r"(?P<unit>days?|weeks?|months?|years?)\s+ago\b")),
    ("last_year", re.compile(r"\blast year\b")),
    # a bare year only where it dates the attack itself ('its claim in 2022', 'In 2019, ...'),
    # not where it dates the group or the war ('founded in 2006', 'seized Sanaa in 2014')
    ("year", re.compile(r"(?:^\W{0,3}|\b(?:claims?|attacks?|strikes?|raids?|assaults?|bombings?"
                        r"|incidents?|shelling)\s{1,3})(?:in|during)\s{1,3}(?P<y>(?:19|20)\d\d)\b"
                        r"(?![,.]?\d)")),
    ("last_week", re.compile(r"\blast week\b")),
    ("this_week", re.compile(r"\b(?:earlier this week|this week)\b")),
    ("last_month", re.compile(r"\blast month\b")),
    ("recent", re.compile(r"\b(?:recently|in recent days|recent)\b")),
]

# A date right after a verb of saying is when something was said or reported, not when the
# attack happened ("reported on May 9 that ...").
_SPEECH_BEFORE = re.compile(
    r"(?:reported|said|says|announced|stated|told|wrote|published|added|tweeted|posted|denied"
    r"|rejected|confirmed|insisted|dismissed|released|issued|aired|broadcast|claimed)\s+"
    # 'broadcast on national radio on Friday', 'posted on X on Wednesday'
    r"(?:(?:on|in|to|at)\s+(?:[\w'-]+\s+){0,3}?(?:radio|television|tv|x|twitter|telegram|facebook"
    r"|website|channel|reporters|statement|conference|briefing)\s+)?(?:on\s+)?$"
)
# ... and a date right before one: "the rebels on Thursday released footage of" an older attack.
# Not 'denied' or 'confirmed' here: "an attack on Sunday confirmed by officials" is the attack's.
_SPEECH_AFTER = re.compile(
    r"\s{1,3}(?:(?:also|again|later|then)\s{1,3})?(?:said|says|announced|stated|told|wrote"
    r"|published|tweeted|posted|releas(?:ed?|es)|issued|aired|broadcast)\b"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    time: IncidentTime
    speech: bool  # the date of a statement, not of an incident


# Cheap test that a sentence may hold a time expression at all; most sentences do not, and the
# full patterns are the extractor's most expensive step.
_MAYBE = re.compile(
    rf"\d|\b(?:{_MONTH_RE}|{_DAY_RE}|yesterday|today|tonight|overnight|last night|this morning"
    r"|this evening|ago|week|month|year|recent\w*)\b"
)


def find_dates(sentence: str, published: date) -> list[DateMention]:
    """All time expressions in a lower-cased sentence, resolved against `published`."""
    found: list[DateMention] = []
    if not _MAYBE.search(sentence):
        return found
    taken = bytearray(len(sentence))  # characters already inside a found mention
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            if any(taken[match.start() : match.end()]):
                continue
            time = _resolve(name, match, published)
            if time is None:
                continue
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
            speech = bool(_SPEECH_BEFORE.search(sentence[max(0, match.start() - 60) : match.start()])
                          or _SPEECH_AFTER.match(sentence, match.end()))
            found.append(DateMention(match.start(), match.end(), time, speech))
    found.sort(key=lambda d: d.start)
    return found


def vague_recent(published: date, days: int = 7) -> IncidentTime:
    """What an undated report of an attack allows: some day in the week before publication."""
    return IncidentTime(start=published - timedelta(days=days), end=published, exact=False)


def _resolve(name: str, match: re.Match[str], published: date) -> IncidentTime | None:
    try:
        return _RESOLVERS[name](match, published)
    except (ValueError, KeyError, OverflowError):  # "999999 days ago": no such day
        return None


def _day_in_year(match: re.Match[str], published: date) -> IncidentTime:
    month = _MONTHS[match.group("mon")]
    day = int(match.group("d"))
    if match.group("y"):
        return IncidentTime.on(date(int(match.group("y")), month, day))
    candidate = date(published.year, month, day)
    if candidate > published + timedelta(days=1):
        candidate = date(published.year - 1, month, day)
    return IncidentTime.on(candidate)


def _iso(match: re.Match[str], published: date) -> IncidentTime:
    return IncidentTime.on(date(int(match.group("y")), int(match.group("m")), int(match.group("d"))))


def _month_year(match: re.Match[str], published: date) -> IncidentTime:
    month = _MONTHS[match.group("mon")]
    year = int(match.group("y")) if match.group("y") else published.year
    if not match.group("y") and date(year, month, 1) > published:
        year -= 1
    last = monthrange(year, month)[1]
    end = min(date(year, month, last), max(published, date(year, month, 1)))
    return IncidentTime(start=date(year, month, 1), end=end, exact=False)


def _weekday(match: re.Match[str], published: date) -> IncidentTime:
    back = (published.weekday() - _WEEKDAYS[match.group("wd")]) % 7
    return IncidentTime.on(published - timedelta(days=back))


def _ago(match: re.Match[str], published: date) -> IncidentTime:
    raw = match.group("n")
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    unit = match.group("unit")
    if unit.startswith("day"):
        return IncidentTime.on(published - timedelta(days=n))
    if unit.startswith(("month", "year")):  # 'a year ago': that season, give or take a month
        back = 30 * n if unit.startswith("month") else 365 * n
        slack = 10 if unit.startswith("month") else 30
        return IncidentTime(start=published - timedelta(days=back + slack),
                            end=published - timedelta(days=max(back - slack, 0)), exact=False)
    return IncidentTime(
        start=published - timedelta(days=7 * n + 3), end=published - timedelta(days=7 * n - 3),
        exact=False,
    )


def _last_year(match: re.Match[str], published: date) -> IncidentTime:
    year = published.year - 1
    return IncidentTime(start=date(year, 1, 1), end=date(year, 12, 31), exact=False)


def _year(match: re.Match[str], published: date) -> IncidentTime:
    """'its claim in 2022': that year, up to publication when it is this year."""
    year = int(match.group("y"))
    end = min(date(year, 12, 31), max(published, date(year, 1, 1)))
    return IncidentTime(start=date(year, 1, 1), end=end, exact=False)


def _last_week(match: re.Match[str], published: date) -> IncidentTime:
    monday = published - timedelta(days=published.weekday() + 7)
    return IncidentTime(start=monday, end=monday + timedelta(days=6), exact=False)


def _this_week(match: re.Match[str], published: date) -> IncidentTime:
    monday = published - timedelta(days=published.weekday())
    return IncidentTime(start=monday, end=published, exact=False)


def _last_month(match: re.Match[str], published: date) -> IncidentTime:
    first_this = published.replace(day=1)
    last_prev = first_this - timedelta(days=1)
    return IncidentTime(start=last_prev.replace(day=1), end=last_prev, exact=False)


_Resolver = Callable[[re.Match[str], date], IncidentTime | None]
_RESOLVERS: dict[str, _Resolver] = {
    "month_possessive": _month_year,
    "iso": _iso,
    "month_day": _day_in_year,
    "day_month": _day_in_year,
    "month_year": _month_year,
    "weekday": _weekday,
    "yesterday": lambda m, p: IncidentTime.on(p - timedelta(days=1)),
    "today": lambda m, p: IncidentTime.on(p),
    "ago": _ago,
    "last_week": _last_week,
    "this_week": _this_week,
    "last_month": _last_month,
    "last_year": _last_year,
    "year": _year,
    "recent": lambda m, p: vague_recent(p),
}
