"""Datelines say where a story was filed: never a target, never a speaker.

'DUBAI, June 19 (Reuters) -', 'Nairobi, Jan 5 (IANS)', 'MOSCOW, October 2. /TASS/.', 'Baghdad, Sept 4',
'SRINAGAR/NEW DELHI:', and a short line such as 'AFP, NAIROBI' or 'Reuters, Kyiv'.
"""

from __future__ import annotations

import re

_PLACE = r"[A-Z][A-Za-z.'\-]{1,30}(?:[ /][A-Z][A-Za-z.'\-]{1,30}){0,3}"
_DATE = r"(?:[A-Z][a-z]{2,8}\.?[ ]\d{1,2}|\d{1,2}[ ][A-Z][a-z]{2,8}(?:[ ]\d{4})?)"
# wire agencies, by the short names datelines and attributions use ('told AFP', '(Reuters)')
AGENCIES = (
    r"reuters|afp|ap|dpa|ians|efe|xinhua|tass|aa|anadolu|upi|pti|ani|mia|sputnik|irna|wam|spa"
    r"|kuna|qna|petra|mena|bna|ina|apa|trend|kabar|akipress|ria|interfax|agencies|bernama|antara"
    r"|yonhap|kyodo|cna|pna|ap photo|agency|ntv|bss|app|nna|sana|saba|aawsat|vna|kpl|akp"
)
_AGENCY_TAG = re.compile(  # 'NAIROBI, Kenya (AP) —': the city's country may follow it
    rf"(?:{_DATE}|(?:{_PLACE})(?:,[ ]{_PLACE}(?=[ ]\())?(?:,[ ]{_DATE})?)\.?[ ]{{0,2}}(?:\((?i:{AGENCIES})"
    rf"(?:[/ ](?i:{AGENCIES})){{0,3}}\)|/(?i:{AGENCIES})/)\.?[ ]{{0,2}}[-:\u2013\u2014]{{0,2}}[ ]{{0,2}}"
)
# 'SRINAGAR/NEW DELHI:', 'KABUL - ', 'BOGOTA -- ', 'MOGADISHU, Somalia - '
_CAPS_COLON = re.compile(r"[A-Z][A-Z.'\-]{2,30}(?:[ /][A-Z][A-Z.'\-]{1,30}){0,3}"
                         rf"(?:,[ ]{_PLACE})?(?::[ ]|[ ]{{1,2}}[-\u2013\u2014]{{1,2}}[ ])")
# 'Baghdad, Sept 4 The Islamic Resistance ...': a place and a day, then the story's first word
_PLACE_DAY = re.compile(rf"{_PLACE},[ ]{_DATE}(?:,[ ]\d{{4}})?[ ]{{1,2}}(?:[-\u2013\u2014:]{{1,2}}[ ])?"
                        r"(?=[A-Z])")
_SHORT_LINE = re.compile(r"[^\n]{2,40}")
_AGENCY_WORDS = frozenset({
    "reuters", "afp", "ap", "dpa", "ians", "efe", "xinhua", "tass", "anadolu", "upi", "pti",
    "ani", "express news service", "news desk", "staff reporter",
})


def dateline_spans(body: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the dateline at the head of the body or of its first paragraphs."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for number, line in enumerate(body.split("\n")):
        if number > 6:
            break
        stripped = line.strip()
        lead = offset + (len(line) - len(line.lstrip()))
        if stripped:
            match = (_AGENCY_TAG.match(stripped) or _CAPS_COLON.match(stripped)
                     or _PLACE_DAY.match(stripped))
            if match:
                spans.append((lead, lead + match.end()))
            elif _is_short_dateline(stripped):
                spans.append((lead, lead + len(stripped)))
        offset += len(line) + 1
    return spans


def dateline_length(text: str) -> int:
    """Length of a dateline opening `text` ('KYIV (Reuters) - '), 0 when none does."""
    match = _AGENCY_TAG.match(text) or _CAPS_COLON.match(text) or _PLACE_DAY.match(text)
    return match.end() if match else 0


def _is_short_dateline(line: str) -> bool:
    """'AFP, NAIROBI', 'Reuters, Kyiv', 'MOSCOW', 'Express News Service'."""
    if not _SHORT_LINE.fullmatch(line) or line.endswith((".", "?", "!", '"')):
        return False
    parts = [p.strip().lower() for p in line.split(",")]
    if any(p in _AGENCY_WORDS for p in parts):
        return True
    return line.isupper() and len(line.split()) <= 4


# 'By Juliet Nalwooga', 'By Staff Reporter and Amina Yusuf': the writer's name, where a first
# name may also be a town's ('Juliet' is an Illinois city's other name)
_BYLINE = re.compile(r"[Bb]y[ ]+[A-Z][\w.'\-]+,?(?:[ ]+(?:[A-Z][\w.'\-]+,?|and|&)){0,8}[ ]*")


def byline_spans(body: str) -> list[tuple[int, int]]:
    """Spans of a byline line ('By First Last') among the first lines of the body."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for number, line in enumerate(body.split("\n")):
        if number > 6:
            break
        lead = offset + (len(line) - len(line.lstrip()))
        if _BYLINE.fullmatch(line.strip()):
            spans.append((lead, lead + len(line.strip())))
        offset += len(line) + 1
    return spans
