"""Who says a quotation when the name comes with an appositive: '"P," Ali Ahmed, a spokesman
for the army, said' (the commas close the appositive, not the quotation), and what a governor
says with no attack word: 'there are no enemies on the territory of the region'. Sentences in
our own words; each case says whether it failed before its change or is a guard."""

from __future__ import annotations

import pytest

from services.pipeline import Pipeline
from tests.unit.factories import Shape, check_shape

CASES: dict[str, Shape] = {
    # failed before: the appositive's last comma was taken for the end of the quotation
    "a quotation told by a name and its appositive": (
        "The TTP said its fighters attacked a Pakistani post. \"No attack took place,\" Ali "
        "Ahmed, a spokesman for the Pakistani army, said.",
        [("denial", "PK", "Pakistan")], [],
    ),
    # failed before: the same with the title first and the name in the appositive
    "a quotation told by a title and the name after it": (
        "The TTP said its fighters attacked a Pakistani post. \"No attack took place,\" a "
        "spokesman for the Pakistani army, Ali Ahmed, said.",
        [("denial", "PK", "Pakistan")], [],
    ),
    # guard: an unquoted statement before a plain attribution still belongs to its speaker
    "a plain trailing attribution is unchanged": (
        "The TTP said its fighters attacked a Pakistani post. No attack took place, the army said.",
        [("denial", "PK", "Pakistan")], [],
    ),
    # failed before: 'there are no enemies' held no attack word, so nobody was heard
    "'there are no enemies on our territory' denies a raid": (
        "The Freedom of Russia Legion said its fighters attacked Russian posts in the Belgorod "
        "region. \"There are no enemies on the territory of the Belgorod region,\" Vyacheslav "
        "Gladkov, governor of Belgorod, wrote on Telegram.",
        [("denial", "RU", "Russia"), ("claim", "RU", "Freedom of Russia Legion")], [],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_attribution_shape(pipeline: Pipeline, name: str) -> None:
    check_shape(pipeline, name, CASES[name])
