"""Frames: where a statement's speaker and content are, on sentences written here."""

from __future__ import annotations

import pytest

from services.classifier.clauses import Clause
from services.classifier.frames import Cue, Frame, find_frames
from services.classifier.text import Sentence


def clause(text: str) -> Clause:
    folded = text.replace("“", '"').replace("”", '"')
    return Clause(0, len(text), folded.lower(), folded, (), Sentence(0, len(text), text, 0), 0)


def frames(text: str) -> list[tuple[str, str | None, str, bool]]:
    c = clause(text)

    def cut(span: tuple[int, int] | None) -> str | None:
        return c.low[span[0] : span[1]].strip(' ,."') if span else None

    return [(f.cue.value, cut(f.subject), cut(f.content) or "", f.nested) for f in find_frames(c)]


def test_subject_before_the_verb_and_content_after_that() -> None:
    assert frames("The ministry said that no rocket had landed.") == [
        ("say", "the ministry", "no rocket had landed", False)]


def test_trailing_attribution_takes_the_content_before() -> None:
    assert frames('"No rocket landed," the ministry said on Friday.') == [
        ("say", "the ministry", "no rocket landed", False)]


def test_inverted_attribution() -> None:
    assert frames("No rocket landed near the base, said a spokesman for the army.") == [
        ("say", "a spokesman for the army", "no rocket landed near the base", False)]


def test_according_to_names_the_speaker() -> None:
    found = frames("The drone was shot down, according to the air force.")
    assert found == [("say", "the air force", "the drone was shot down", False)]


def test_according_to_mid_sentence_vouches_for_what_came_before() -> None:
    found = frames("The base has hosted foreign troops since 2020, according to the ministry, and "
                   "the two armies have held drills every spring.")
    assert found == [("say", "the ministry", "the base has hosted foreign troops since 2020", False)]


def test_according_to_first_vouches_for_what_follows() -> None:
    found = frames("According to the ministry, the drone was shot down over the sea.")
    assert found == [("say", "the ministry", "the drone was shot down over the sea", False)]


def test_passive_agent_speaks() -> None:
    [frame] = [f for f in frames("It was an attack quickly denied by Kyiv.") if not f[3]]
    assert frame[:2] == ("deny", "kyiv")


def test_claim_quoted_inside_a_denial_is_a_nested_frame() -> None:
    found = frames("The army rejected the group's claim that it hit two tanks.")
    assert ("deny", "the army", "the group's claim that it hit two tanks", False) in found
    assert any(f[0] == "claim" and f[3] and f[2] == "it hit two tanks" for f in found)


def test_participle_continues_the_previous_speaker() -> None:
    found = frames("The group said it fired rockets, adding that more would follow.")
    assert found[1][0] == "say" and found[1][1] is None


@pytest.mark.parametrize("text", ["The army did not deny the report.",
                                  "Officials neither confirmed nor denied it."])
def test_negated_stance_is_marked(text: str) -> None:
    assert all(f.negated for f in find_frames(clause(text)) if f.cue is not Cue.SAY)


def test_a_label_is_not_a_statement() -> None:
    assert [f[0] for f in frames("The army dismissed what it called propaganda.")] == ["deny"]


def test_relay_frames_pass_on_another_speaker() -> None:
    c = clause("State media reported that the ministry said no drone had crossed.")
    outer: Frame = find_frames(c)[0]
    assert outer.relay
