"""Casualty counts on their own: the number a statement gives for the dead or wounded."""

from __future__ import annotations

import pytest

from services.classifier.slots import count_casualties


def count(text: str) -> int | None:
    return count_casualties(text.lower())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two soldiers were wounded in the shelling.", 2),
        ("Only one soldier was slightly hurt.", 1),
        ("A border guard was killed when the post came under fire.", 1),
        ("The mortar round killed a conscript.", 1),
        ("Five marines lost their lives in the raid.", 5),
        ("It mourned the deaths of 12 peacekeepers.", 12),
        ("The ministry put the death toll at three.", 3),
        ("The militants said they had killed scores of soldiers.", 40),
        ("Seventeen troops were killed, the army said.", 17),
    ],
)
def test_the_count_of_dead_or_wounded(text: str, expected: int) -> None:
    assert count(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A few soldiers were hurt in the crush at the gate.",  # 'a few' is no number
        "A statement said the soldiers were safe.",
        "Two drones were shot down over the sea.",
    ],
)
def test_no_count_where_none_is_given(text: str) -> None:
    assert count(text) is None
