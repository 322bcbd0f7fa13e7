"""The matcher under the lexicon: offsets in characters, both match kinds, an empty table."""

from __future__ import annotations

from services.classifier.automaton import Automaton


def test_offsets_are_characters_not_bytes() -> None:
    # 'ü' and 'é' are two bytes in UTF-8: byte offsets would point past the word.
    auto = Automaton({"kyiv": 1, "mosul": 2})
    text = "über café kyiv — mosul"
    found = [(auto.payloads[i], text[s:e]) for i, s, e in auto.find(text)]
    assert found == [(1, "kyiv"), (2, "mosul")]


def test_leftmost_longest_takes_the_longer_form_once() -> None:
    auto = Automaton({"gulf": "g", "gulf of aden": "a", "of": "o"})
    assert [auto.forms[i] for i, _, _ in auto.find("the gulf of aden")] == ["gulf of aden"]


def test_overlapping_gives_every_match_for_the_caller_to_choose() -> None:
    auto = Automaton({"the gulf": "g", "gulf of aden": "a"}, overlapping=True)
    spans = sorted((s, e, auto.payloads[i]) for i, s, e in auto.find("in the gulf of aden"))
    assert spans == [(3, 11, "g"), (7, 19, "a")]


def test_an_empty_table_matches_nothing() -> None:
    auto: Automaton[int] = Automaton({})
    assert len(auto) == 0
    assert auto.find("anything at all") == []


def test_an_empty_form_is_left_out_rather_than_refused() -> None:
    auto = Automaton({"": 0, "drone": 1})
    assert len(auto) == 1
    assert [auto.payloads[i] for i, _, _ in auto.find("a drone")] == [1]


def test_every_finds_the_matches_under_a_longer_one_in_a_window() -> None:
    auto = Automaton({"artillery": "w", "artillery fire": "f", "fired on": "a"})
    text = "its artillery fired on posts"
    assert [auto.forms[i] for i, _, _ in auto.find(text)] == ["artillery fire"]
    under = sorted((s, e, auto.forms[i]) for i, s, e in auto.every(text, 4, 30))
    assert under == [(4, 13, "artillery"), (4, 18, "artillery fire"), (14, 22, "fired on")]
