"""Quotations that run over several sentences before their attribution.

'"The reports are false. Nothing landed on our soil," the ministry said.' The first sentence
has no verb of saying; it belongs to the speaker named where the quotation closes.
"""

from __future__ import annotations


def opens_quote(text: str, inside: bool) -> tuple[bool, bool]:
    """(the sentence starts inside a quotation, it ends inside one), given where it starts."""
    starts = inside or text.lstrip().startswith('"')
    count = text.count('"')
    ends = inside ^ (count % 2 == 1)
    return starts, ends
