"""Words that are never a speaker's name: function words around a bare country ('the UAE
has ...') and the capitalised titles, ranks and days before a surname ('General', 'Monday');
and a statement standing for its author."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from services.classifier.context import Memory, Voice

FUNCTION_WORDS = frozenset({
    "the", "but", "and", "however", "also", "has", "have", "had", "was", "were", "is", "are",
    "did", "does", "will", "would", "later", "earlier", "then", "itself", "neighbouring",
    "neighboring", "on", "in", "at", "last", "this", "late", "early", "meanwhile", "yet", "too",
    "already", "again", "still", "now", "first", "government", "s",
})

NOT_NAMES = frozenset({
    "The", "This", "That", "General", "Major", "Colonel", "Lieutenant", "Brigadier", "Admiral",
    "Rear", "Vice", "Commander", "Chief", "Minister", "President", "Spokesman", "Spokesperson",
    "Secretary", "Press", "Defense", "Defence", "Ministry", "Army", "Force", "Forces", "Air",
    "Navy", "Foreign", "Office", "Director", "Deputy", "Military", "Staff", "Captain", "Sheikh",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Prime", "Dr",
    "Mr", "Mrs", "Ms", "Lt", "Col", "Gen", "Maj", "Capt", "Sgt", "Governor", "Head", "Official",
})

# 'A statement on Saturday rejects ...': the statement of the voice just heard, unless the
# sentence says whose it is ('a statement issued by X')
STATEMENT_SUBJECT = re.compile(r"\s*(?:the|a|an)\s+(?:[\w-]+\s+)?(?:statement|communiqu\w+)\b")
ISSUED_BY = re.compile(r"\b(?:statement|communiqu\w+)\s+(?:issued|released|published|put out)\s+by\b")


def statement_author(subject: str, before: str, memory: Memory) -> Voice | None:
    return memory.last_voice if STATEMENT_SUBJECT.match(subject) and not ISSUED_BY.search(before) else None
