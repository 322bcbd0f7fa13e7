"""Words that are never a speaker's name: function words around a bare country ('the UAE
has ...') and the capitalised titles, ranks and days before a surname ('General', 'Monday');
and a statement standing for its author."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from services.classifier.lexicon import Kind

if TYPE_CHECKING:
    from services.classifier.clauses import Clause
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


_ASKED_BY = re.compile(r"\b(?:by|to|for|with|from)\s+(?:the\s+)?$")  # 'Contacted by Anadolu, X said'


def names_organ(clause: Clause, piece: tuple[int, int]) -> bool:
    """A piece of a subject that names a state organ as its own head: with no group in view it
    speaks first ('the Liyu police, the special forces of Somali regional state'); not an agency
    credited in brackets ('(APP - ...)') nor one asking ('Contacted by Anadolu, ...')."""
    return "(" not in clause.sub(*piece) and any(
        m.entry.kind is Kind.STATE and m.entry.role == "organ"
        and not _ASKED_BY.search(clause.sub(m.start - 16, m.start)) for m in clause.within(*piece))
