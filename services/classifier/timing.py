"""When the incident a statement talks about happened.

A relative day resolves against the publication date; a sentence without a date inherits the
date of the incident the article is about (the paragraph's, else the article's first), never
'today'. Dates after publication are not incident dates.
"""

from __future__ import annotations

from datetime import date, timedelta

from schemas.event import IncidentTime
from services.classifier.context import Memory
from services.classifier.dates import find_dates, vague_recent


def incident_time(low_sentence: str, published: date, paragraph: int,
                  memory: Memory) -> IncidentTime:
    if paragraph != memory.paragraph:
        memory.paragraph = paragraph
        memory.paragraph_time = None
    dates = find_dates(low_sentence, published)
    found = [d for d in dates if not d.speech and d.time.start <= published + timedelta(days=1)]
    said = [d.time.end for d in dates if d.speech]
    if found:
        chosen = found[0].time
        if chosen.exact:
            memory.paragraph_time = chosen
            if memory.first_time is None:
                memory.first_time = chosen
        return chosen
    if memory.paragraph_time is not None:
        return memory.paragraph_time
    anchor = min(said) if said else published
    if memory.first_time is not None and (anchor - memory.first_time.end).days <= 7:
        return memory.first_time
    return vague_recent(anchor)
