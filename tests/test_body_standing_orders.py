"""A body's standing orders for debate through the Desk (issue 15): whether an amendment may
itself be amended, and the speaking time a new speaker is given (seconds; 0: no limit), stored
by create_body / update_body in one audited clerk action, read back by desk.agenda.body, obeyed
by the debate and speakers services; negative and over-an-hour times refused in words with
nothing changed."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from clerk_tui.desk import Desk
from clerk_tui.desk.debate_fields import MotionFields, SpeakerFields
from clerk_tui.desk.preparation import BodyFields
from clerk_tui.errors import ClerkError
from db import models
from tests.test_decisions import march_meeting, person_id, room, rows

__all__ = ["room"]  # the fixture, used by name

LICENSING = BodyFields("Licensing Committee", quorum=3)


def body_audit(path: Path) -> list[tuple[str, str, dict[str, object], dict[str, object]]]:
    """The body's audit events: op, summary, and the columns before and after."""
    with sqlite3.connect(path) as connection:
        found = connection.execute(
            "SELECT op, summary, before, after FROM auditevent WHERE entity = 'body' ORDER BY id"
        ).fetchall()
    return [
        (op, summary, json.loads(b or "{}"), json.loads(a or "{}")) for op, summary, b, a in found
    ]


def test_a_new_body_has_the_usual_standing_orders(demo_desk: Desk) -> None:
    body = demo_desk.agenda.create_body(LICENSING)
    assert (body.nested_amendments, body.speaking_time) == (False, 180)
    assert demo_desk.agenda.body(body.id) == body


def test_standing_orders_are_stored_and_read_back(demo_desk: Desk, demo_path: Path) -> None:
    created = demo_desk.agenda.create_body(
        replace(LICENSING, nested_amendments=True, speaking_time=150)
    )
    read = demo_desk.agenda.body(created.id)
    assert (read.nested_amendments, read.speaking_time) == (True, 150)
    edited = demo_desk.agenda.update_body(
        created.id, replace(LICENSING, nested_amendments=False, speaking_time=0)
    )
    assert (edited.nested_amendments, edited.speaking_time) == (False, 0)
    assert demo_desk.agenda.body(created.id) == edited
    # Audited as the other fields are: what each was before the edit and after it.
    *_, (op, summary, before, after) = body_audit(demo_path)
    assert (op, summary) == ("update", "body Licensing Committee edited")
    assert (before["nested_amendments"], before["speaking_time"]) == (True, 150)
    assert (after["nested_amendments"], after["speaking_time"]) == (False, 0)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (-1, "speaking time: the speaking time cannot be negative"),
        (61 * 60, "speaking time: 61 minutes is more than an hour: type minutes (3) or"),
        (150 * 60, "speaking time: 150 minutes is more than an hour"),
    ],
)
def test_a_silly_speaking_time_is_refused_in_words_with_nothing_changed(
    demo_desk: Desk, seconds: int, words: str
) -> None:
    panel = demo_desk.agenda.meeting(march_meeting(demo_desk)).body
    before = rows(demo_desk, models.Body), rows(demo_desk, models.AuditEvent)
    with pytest.raises(ClerkError) as refused:
        demo_desk.agenda.update_body(
            panel.id, BodyFields(panel.name, quorum=panel.quorum, speaking_time=seconds)
        )
    assert str(refused.value).startswith(words)
    assert "\n" not in str(refused.value)
    with pytest.raises(ClerkError):
        demo_desk.agenda.create_body(replace(LICENSING, speaking_time=seconds))
    assert (rows(demo_desk, models.Body), rows(demo_desk, models.AuditEvent)) == before


def test_an_hour_exactly_is_a_speaking_time(demo_desk: Desk) -> None:
    body = demo_desk.agenda.create_body(replace(LICENSING, speaking_time=3600))
    assert body.speaking_time == 3600


def standing_orders(desk: Desk, *, nested: bool, seconds: int) -> None:
    """The March meeting's body given these standing orders through its details."""
    panel = desk.agenda.meeting(march_meeting(desk)).body
    fields = BodyFields(
        panel.name,
        short_name=panel.short_name,
        quorum=panel.quorum,
        next_minute_number=panel.next_minute_number,
        nested_amendments=nested,
        speaking_time=seconds,
    )
    desk.agenda.update_body(panel.id, fields)


def test_the_debate_obeys_the_body_s_standing_orders(demo_desk: Desk, room: int) -> None:
    def move(text: str, mover: str, seconder: str, amends: int | None = None) -> int:
        fields = MotionFields(
            text, person_id(demo_desk, mover), person_id(demo_desk, seconder), amends_id=amends
        )
        return demo_desk.debate.move_motion(room, fields).id

    motion = move("That the Panel endorse the precept.", "Paul Bradley", "Mick Brown")
    outer = move("to add “in full”", "Abdul Khan", "Suky Samra", motion)
    with pytest.raises(ClerkError, match="do not allow an amendment to an amendment"):
        move("to delete “in full”", "Waheed Rasab", "Suky Samra", outer)

    standing_orders(demo_desk, nested=True, seconds=150)
    inner = move("to delete “in full”", "Waheed Rasab", "Suky Samra", outer)
    assert demo_desk.debate.debate_setup(room).next_to_vote == inner

    first = demo_desk.speakers.add_speaker(room, SpeakerFields("Mr Xavier Hale"))
    standing_orders(demo_desk, nested=True, seconds=0)
    second = demo_desk.speakers.add_speaker(room, SpeakerFields("Mrs Dora Quint"))
    # A speaker keeps the time given when listed; only new ones take the new standing order.
    assert [(s.id, s.time_limit) for s in demo_desk.speakers.speakers(room)] == [
        (first.id, 150),
        (second.id, 0),
    ]
