"""Speakers through the Desk against a real SQLite file (the demo's copy): listed in order with
the body's speaking time, timed by ``k``'s toggle on the chamber clock (one at a time in a
meeting), each speaker's actual time stored, and every start and stop undone whole."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from clerk_tui.desk import Desk
from clerk_tui.desk.debate_fields import SpeakerFields
from clerk_tui.desk.live_action import ReadBack
from clerk_tui.errors import ClerkError
from db import models
from tests.conftest import FakeClock
from tests.test_decisions import item_id, march_meeting, room, rows

__all__ = ["room"]  # the fixture, used by name

OBJECTORS = ("Mr Xavier Hale", "Mrs Dora Quint", "Ms Ada Price")


def listed(desk: Desk, item: int) -> list[tuple[str, str, int]]:
    return [(s.name, s.capacity, s.time_limit) for s in desk.speakers.speakers(item)]


def list_three(desk: Desk, item: int) -> list[int]:
    return [
        desk.speakers.add_speaker(item, SpeakerFields(name, "public-objection")).id
        for name in OBJECTORS
    ]


def test_speakers_are_listed_in_order_with_the_body_s_speaking_time(
    demo_desk: Desk, room: int
) -> None:
    back = ReadBack()
    first = demo_desk.speakers.add_speaker(
        room, SpeakerFields(" Mr  Xavier Hale ", "public-objection"), read_back=back
    )
    demo_desk.speakers.add_speaker(room, SpeakerFields("Cllr Bob Sleigh", "ward-member", 300))
    demo_desk.speakers.add_speaker(room, SpeakerFields("Head of Planning", "officer", 0))
    assert listed(demo_desk, room) == [
        ("Mr  Xavier Hale", "public-objection", 180),
        ("Cllr Bob Sleigh", "ward-member", 300),
        ("Head of Planning", "officer", 0),
    ]
    assert first.position == 0 and not first.running and not first.heard
    assert back.snapshot is not None
    assert [s.name for s in back.snapshot.speakers_on(room)] == ["Mr  Xavier Hale"]


def test_a_speaker_is_edited_moved_and_deleted(demo_desk: Desk, room: int) -> None:
    ids = list_three(demo_desk, room)
    demo_desk.speakers.edit_speaker(ids[1], SpeakerFields("Mrs Dora Quinn", "public-support"))
    demo_desk.speakers.move_speaker(ids[2], -1)
    demo_desk.speakers.move_speaker(ids[2], -1)
    demo_desk.speakers.move_speaker(ids[2], -1)  # already first: stays
    assert [name for name, _, _ in listed(demo_desk, room)] == [
        "Ms Ada Price",
        "Mr Xavier Hale",
        "Mrs Dora Quinn",
    ]
    assert listed(demo_desk, room)[2] == ("Mrs Dora Quinn", "public-support", 180)
    demo_desk.speakers.delete_speaker(ids[0])
    assert [name for name, _, _ in listed(demo_desk, room)] == ["Ms Ada Price", "Mrs Dora Quinn"]
    assert demo_desk.undo.undo_last(march_meeting(demo_desk)) is not None
    assert len(listed(demo_desk, room)) == 3


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        (SpeakerFields("  "), "a speaker needs a name"),
        (SpeakerFields("Mr X", "juggler"), "is not a capacity"),
        (SpeakerFields("Mr X", "other", -5), "cannot be negative"),
    ],
)
def test_a_speaker_without_a_name_or_a_capacity_is_refused_in_words(
    demo_desk: Desk, room: int, fields: SpeakerFields, words: str
) -> None:
    with pytest.raises(ClerkError, match=words):
        demo_desk.speakers.add_speaker(room, fields)
    assert listed(demo_desk, room) == []


def test_each_speaker_s_actual_time_is_stored_on_the_chamber_clock(
    demo_desk: Desk, room: int, clock: FakeClock
) -> None:
    list_three(demo_desk, room)
    clock.set("14:40")
    started = demo_desk.speakers.toggle_timer(room)
    assert started is not None and started.name == "Mr Xavier Hale" and started.running
    clock.advance(3.2)  # 3:12: twelve seconds over
    stopped = demo_desk.speakers.toggle_timer(room)
    assert stopped is not None and stopped.name == "Mr Xavier Hale" and stopped.heard
    assert stopped.spoken(datetime(2030, 1, 1)) == 192
    for minutes in (2.5, 1.0):
        heard = demo_desk.speakers.toggle_timer(room)
        assert heard is not None and heard.running
        clock.advance(minutes)
        demo_desk.speakers.toggle_timer(room)
    assert demo_desk.speakers.toggle_timer(room) is None  # everyone listed has spoken
    stored = rows(demo_desk, models.Speaker)
    assert [(r["name"], r["started_at"], r["ended_at"]) for r in stored] == [
        ("Mr Xavier Hale", datetime(2022, 3, 14, 14, 40), datetime(2022, 3, 14, 14, 43, 12)),
        ("Mrs Dora Quint", datetime(2022, 3, 14, 14, 43, 12), datetime(2022, 3, 14, 14, 45, 42)),
        ("Ms Ada Price", datetime(2022, 3, 14, 14, 45, 42), datetime(2022, 3, 14, 14, 46, 42)),
    ]


def test_only_one_speaker_runs_at_a_time_in_a_meeting(
    demo_desk: Desk, room: int, clock: FakeClock
) -> None:
    list_three(demo_desk, room)
    demo_desk.speakers.toggle_timer(room)
    clock.advance(1)
    # k stops whoever runs before it starts anyone: a second press is the stop.
    stopped = demo_desk.speakers.toggle_timer(room)
    assert stopped is not None and stopped.heard
    running = [s for s in demo_desk.speakers.speakers(room) if s.running]
    assert running == []
    demo_desk.speakers.toggle_timer(room)
    assert [s.name for s in demo_desk.speakers.speakers(room) if s.running] == ["Mrs Dora Quint"]


def test_a_speaker_is_timed_on_the_item_being_taken_only(demo_desk: Desk, room: int) -> None:
    other = item_id(demo_desk, "9")
    demo_desk.speakers.add_speaker(other, SpeakerFields("Mr Early", "public-support"))
    with pytest.raises(ClerkError, match="item 8 is being taken"):
        demo_desk.speakers.toggle_timer(other)
    assert [s.running for s in demo_desk.speakers.speakers(other)] == [False]


def test_undo_puts_the_timer_back_after_a_start_and_after_a_stop(
    demo_desk: Desk, room: int, clock: FakeClock
) -> None:
    meeting = march_meeting(demo_desk)
    list_three(demo_desk, room)
    demo_desk.speakers.toggle_timer(room)
    clock.advance(2)
    demo_desk.speakers.toggle_timer(room)
    undone = demo_desk.undo.undo_last(meeting)
    assert undone is not None and "end of speaker Mr Xavier Hale" in undone
    (hale, *_) = demo_desk.speakers.speakers(room)
    assert hale.running  # the stop taken back: the timer runs on from its start
    assert hale.spoken(datetime(2022, 3, 14, 14, 35)) == 300
    undone = demo_desk.undo.undo_last(meeting)
    assert undone is not None and "start of speaker" in undone
    assert all(s.started_at is None for s in demo_desk.speakers.speakers(room))


def test_a_closed_meeting_times_no_one(demo_desk: Desk, room: int, clock: FakeClock) -> None:
    list_three(demo_desk, room)
    clock.advance(30)
    demo_desk.chamber.close_meeting(march_meeting(demo_desk))
    with pytest.raises(ClerkError, match="closed"):
        demo_desk.speakers.toggle_timer(room)
    with pytest.raises(ClerkError, match="was not taken before the meeting closed"):
        demo_desk.speakers.add_speaker(item_id(demo_desk, "9"), SpeakerFields("Mr Late"))


def test_the_live_view_ticks_the_running_speaker_without_a_read(
    demo_desk: Desk, room: int, clock: FakeClock
) -> None:
    demo_desk.speakers.add_speaker(room, SpeakerFields("Mr Xavier Hale", "public-objection"))
    back = ReadBack()
    demo_desk.speakers.toggle_timer(room, read_back=back)
    view = back.seen_at(clock())
    assert view.speaker is not None and view.speaker.left == 180 and not view.speaker.time_up
    later = view.at(clock() + timedelta(seconds=180))
    assert later.speaker is not None and later.speaker.left == 0 and not later.speaker.time_up
    over = view.at(clock() + timedelta(seconds=192))
    assert over.speaker is not None and over.speaker.time_up and over.speaker.over == 12


def test_ending_or_deferring_the_item_stops_its_speaker_at_that_moment(
    demo_desk: Desk, room: int, clock: FakeClock
) -> None:
    meeting = march_meeting(demo_desk)
    list_three(demo_desk, room)
    clock.set("14:40")
    demo_desk.speakers.toggle_timer(room)
    clock.advance(2)
    demo_desk.chamber.next_item(meeting)
    (hale, quint, _) = demo_desk.speakers.speakers(room)
    assert hale.ended_at == datetime(2022, 3, 14, 14, 42) and not quint.running
    demo_desk.undo.undo_last(meeting)
    (hale, *_) = demo_desk.speakers.speakers(room)
    assert hale.running
    clock.advance(1)
    demo_desk.chamber.settle_item(meeting, room, "deferred")
    (hale, *_) = demo_desk.speakers.speakers(room)
    assert hale.ended_at == datetime(2022, 3, 14, 14, 43)
