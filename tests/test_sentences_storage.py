"""desk.sentences against a real SQLite file (the demo's copy): an edited generated sentence is
one audited, undoable row that the minutes print in place of the generated words, and that
stays when more is recorded; a body's style words the default; refusals are one line."""

from __future__ import annotations

import pytest

from clerk_tui.desk import Desk
from clerk_tui.desk.live_action import ReadBack
from clerk_tui.errors import ClerkError
from clerk_tui.minutes import section_of
from clerk_tui.minutes.blocks import Paragraph
from db import models
from tests.conftest import FakeClock
from tests.test_decisions import march_meeting, person_id, rows, seat

EDIT = "Apologies were received from Cllr Brown, who is unwell."


def _apologies_item(desk: Desk) -> int:
    meeting = desk.agenda.meeting(march_meeting(desk))
    return next(i.id for i in meeting.items if i.kind == "apologies")


def _apologies(desk: Desk) -> Paragraph:
    record = desk.papers.meeting_record(march_meeting(desk))
    found = section_of(record, _apologies_item(desk))
    assert found is not None
    return next(
        b for b in found.blocks if isinstance(b, Paragraph) and b.source is not None and b.written
    )


def _minutes_text(desk: Desk) -> str:
    return desk.papers.render_paper(march_meeting(desk), "minutes", "txt").decode("utf-8")


@pytest.fixture
def apology(demo_desk: Desk, clock: FakeClock) -> int:
    """Cllr Brown has sent apologies; the meeting and item 1 have started."""
    meeting = march_meeting(demo_desk)
    seat(demo_desk, ("Paul Bradley", "Yvonne Clements"))
    demo_desk.attendance.mark(meeting, person_id(demo_desk, "Mick Brown"), "apologies")
    demo_desk.chamber.start_item(meeting, _apologies_item(demo_desk))
    return _apologies_item(demo_desk)


def test_an_edit_is_one_row_printed_in_place_and_undone_whole(
    demo_desk: Desk, apology: int
) -> None:
    generated = _apologies(demo_desk).text
    back = ReadBack()
    demo_desk.sentences.edit_sentence(apology, "apologies", f"  {EDIT} ", read_back=back)
    assert back.snapshot is not None and [s.text for s in back.snapshot.sentences] == [EDIT]
    assert [
        (r["item_id"], r["source"], r["text"]) for r in rows(demo_desk, models.MinuteSentence)
    ] == [(apology, "apologies", EDIT)]
    said = _apologies(demo_desk)
    assert (said.text, said.edited, said.written) == (EDIT, True, generated)
    assert EDIT in _minutes_text(demo_desk) and generated not in _minutes_text(demo_desk)
    # Edited again: the same row, its new words.
    demo_desk.sentences.edit_sentence(apology, "apologies", "Cllr Brown sent apologies.")
    assert len(rows(demo_desk, models.MinuteSentence)) == 1
    words = demo_desk.undo.undo_last(march_meeting(demo_desk))
    assert words is not None and "apologies sentence" in words
    assert _apologies(demo_desk).text == EDIT
    demo_desk.undo.undo_last(march_meeting(demo_desk))
    assert rows(demo_desk, models.MinuteSentence) == []
    assert _apologies(demo_desk).text == generated


def test_an_edit_survives_a_later_apology_and_no_longer_follows(
    demo_desk: Desk, apology: int
) -> None:
    demo_desk.sentences.edit_sentence(apology, "apologies", EDIT)
    demo_desk.attendance.mark(
        march_meeting(demo_desk), person_id(demo_desk, "Lionel Walker"), "apologies"
    )
    said = _apologies(demo_desk)
    assert said.text == EDIT and said.edited
    assert "Walker" in (said.written or "") and "Walker" not in said.text


def test_going_back_to_the_generated_words_deletes_the_row(demo_desk: Desk, apology: int) -> None:
    demo_desk.sentences.edit_sentence(apology, "apologies", EDIT)
    demo_desk.sentences.restore_sentence(apology, "apologies")
    assert rows(demo_desk, models.MinuteSentence) == []
    assert not _apologies(demo_desk).edited
    with pytest.raises(ClerkError, match="already follows the records"):
        demo_desk.sentences.restore_sentence(apology, "apologies")


@pytest.mark.parametrize(
    ("source", "text", "refusal"),
    [
        ("apologies", "   ", "the sentence needs some words"),
        ("note-3", "Hello", "'note-3' is not a sentence the minutes write"),
        ("vote-x", "Hello", "'vote-x' is not a sentence the minutes write"),
    ],
)
def test_an_edit_is_refused_in_one_line(
    demo_desk: Desk, apology: int, source: str, text: str, refusal: str
) -> None:
    with pytest.raises(ClerkError, match=refusal):
        demo_desk.sentences.edit_sentence(apology, source, text)
    assert rows(demo_desk, models.MinuteSentence) == []


def test_a_body_style_is_kept_shown_and_taken_back(demo_desk: Desk, apology: int) -> None:
    body = demo_desk.agenda.meeting(march_meeting(demo_desk)).body.id
    assert demo_desk.sentences.styles(body) == {}
    styles = demo_desk.sentences.set_style(body, "apologies", "Apologies:  {names}.")
    assert styles == {"apologies": "Apologies: {names}."}
    assert _apologies(demo_desk).text == "Apologies: Cllr Brown (Birmingham)."
    demo_desk.sentences.set_style(body, "apologies", "Apologies came from {names}.")
    assert len(rows(demo_desk, models.SentenceStyle)) == 1
    assert demo_desk.sentences.set_style(body, "apologies", "  ") == {}
    assert rows(demo_desk, models.SentenceStyle) == []
    assert _apologies(demo_desk).text.startswith("Apologies for non-attendance")


def test_a_style_with_an_unknown_placeholder_is_refused_and_nothing_kept(
    demo_desk: Desk, clock: FakeClock
) -> None:
    body = demo_desk.agenda.meeting(march_meeting(demo_desk)).body.id
    with pytest.raises(ClerkError) as refused:
        demo_desk.sentences.set_style(body, "vote", "Following a vote of {members}, it was:")
    assert str(refused.value).startswith("the vote sentence wording may hold {for}")
    assert "not {members}" in str(refused.value)
    assert rows(demo_desk, models.SentenceStyle) == []
