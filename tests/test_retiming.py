"""Times that can be put right, through the chamber service against a real SQLite file (a copy
of the demo) and the fake clock: a meeting minuted after the event (each start given its time),
ctrl+t's times checked together as they will stand, the whole meeting shifted by one offset
(one undo takes it back), and the clock bar's lateness never claimed against a wall clock that
is not the meeting's."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlmodel import col, select

from clerk_tui.desk import Desk
from clerk_tui.desk.chamber import LiveView, TimesFields
from clerk_tui.desk.decisions import VoteFields
from clerk_tui.errors import ClerkError
from db import models
from tests.conftest import FakeClock
from tests.test_cli_export_minutes import cli

DAY = date(2022, 3, 14)
TODAY = datetime(2026, 12, 1, 7, 33)  # the "today": a 2022 meeting minuted in 2026


def at(hh_mm: str) -> datetime:
    return datetime.combine(DAY, time.fromisoformat(hh_mm))


def hm(hh_mm: str) -> time:
    return time.fromisoformat(hh_mm)


@pytest.fixture
def march(demo_desk: Desk) -> int:
    return next(m.id for m in demo_desk.agenda.meetings() if m.date == DAY)


def ids(view: LiveView) -> dict[str, int]:
    return {line.item.number: line.item.id for line in view.lines}


def times_of(view: LiveView) -> dict[str, tuple[datetime | None, datetime | None]]:
    return {line.item.number: (line.item.actual_start, line.item.actual_end) for line in view.lines}


def person(view: LiveView, name: str) -> int:
    return next(a.person.id for a in view.roster if a.person.full_name == name)


def groups(desk: Desk, meeting_id: int) -> int:
    with desk.store.reading() as session:
        events = session.exec(
            select(models.AuditEvent).where(models.AuditEvent.meeting_id == meeting_id)
        ).all()
    return len({event.group_id for event in events})


def every_time(desk: Desk, meeting_id: int) -> list[datetime | None]:
    """Every time the chamber recorded in the meeting, read from the tables themselves."""
    with desk.store.reading() as session:
        meeting = session.get(models.Meeting, meeting_id)
        assert meeting is not None
        found = [meeting.actual_start, meeting.actual_end]
        items = session.exec(
            select(models.AgendaItem)
            .where(models.AgendaItem.meeting_id == meeting_id)
            .order_by(col(models.AgendaItem.position))
        ).all()
        found += [t for item in items for t in (item.actual_start, item.actual_end)]
        seats = session.exec(
            select(models.Attendance)
            .where(models.Attendance.meeting_id == meeting_id)
            .order_by(col(models.Attendance.id))
        ).all()
        found += [t for seat in seats for t in (seat.arrived_at, seat.left_at)]
        item_ids = [item.id for item in items]
        votes = session.exec(
            select(models.Vote)
            .where(col(models.Vote.item_id).in_(item_ids))
            .order_by(col(models.Vote.id))
        ).all()
        found += [vote.recorded_at for vote in votes]
    return found


# ---- minuted after the event -------------------------------------------------------------------
def test_after_the_event_each_start_takes_the_time_given_not_the_clock(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    clock.current = TODAY
    item = ids(demo_desk.chamber.live(march))
    view = demo_desk.chamber.start_item(march, item["1"], at=hm("14:00"), timing="after-the-event")
    assert view.meeting.timing == "after-the-event"
    assert view.meeting.actual_start == at("14:00")
    assert groups(demo_desk, march) == 1  # the choice and the start: one clerk action
    clock.advance(3)  # the wall clock moves on; nothing recorded follows it
    view = demo_desk.chamber.next_item(march, at=hm("14:05"))
    view = demo_desk.chamber.start_item(march, item["5"], at=hm("14:20"))
    assert times_of(view)["1"] == (at("14:00"), at("14:05"))
    assert times_of(view)["2"] == (at("14:05"), at("14:20"))
    assert times_of(view)["5"] == (at("14:20"), None)
    # No clock to read: a clock key without a time is refused, and so is a time gone back.
    with pytest.raises(ClerkError, match="after the event: give the time"):
        demo_desk.chamber.next_item(march)
    with pytest.raises(ClerkError, match="14:10 is before 14:20"):
        demo_desk.chamber.next_item(march, at=hm("14:10"))
    with pytest.raises(ClerkError, match="how it is minuted was settled"):
        demo_desk.chamber.start_item(march, item["6"], at=hm("14:30"), timing="live")
    # A deferral and the close, which give no time, happen at the latest time recorded.
    view = demo_desk.chamber.settle_item(march, item["5"], "deferred")
    assert times_of(view)["5"] == (at("14:20"), at("14:20"))
    result = demo_desk.chamber.close_meeting(march, at=hm("16:15"))
    assert result.view.meeting.actual_end == at("16:15")


def test_the_plan_prefills_the_time_asked(demo_desk: Desk, clock: FakeClock, march: int) -> None:
    clock.current = TODAY
    view = demo_desk.chamber.live(march)
    item = ids(view)
    assert view.suggested_time(item["1"]) == hm("13:30")  # before anything: the plan
    view = demo_desk.chamber.start_item(march, item["1"], at=hm("13:31"), timing="after-the-event")
    following = view.next_up()
    assert following is not None and following.item.number == "2"
    assert view.suggested_time(item["2"]) == hm("13:31")  # ~13:31 planned, 13:31 recorded
    assert view.suggested_time(item["8"]) == hm("14:30")  # its own approximate time
    view = demo_desk.chamber.next_item(march, at=hm("13:50"))
    assert view.suggested_time(item["3"]) == hm("13:50")  # the plan is passed: the latest time
    assert view.suggested_time(None) == hm("13:50")  # the running item's planned end, passed


def test_a_live_meeting_still_reads_the_clock_and_the_day_is_the_meetings(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    clock.current = datetime(2026, 12, 1, 14, 5)
    view = demo_desk.chamber.start_item(march, ids(demo_desk.chamber.live(march))["1"])
    assert view.meeting.timing == "live"
    assert view.meeting.actual_start == at("14:05")


# ---- the clock bar's lateness ------------------------------------------------------------------
def test_no_lateness_is_claimed_against_a_wall_clock_that_is_not_the_meetings(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    clock.current = datetime(2026, 12, 1, 14, 52)  # "82 min late" was claimed of a 2022 meeting
    view = demo_desk.chamber.live(march)
    assert view.clock.lateness_text == ""
    assert view.clock.projected_close - view.clock.planned_close == timedelta(0)
    clock.current = datetime(2022, 3, 14, 14, 52)  # on its own day, the clock is its clock
    assert demo_desk.chamber.live(march).clock.lateness_text == "82 min late"


def test_after_the_event_and_closed_the_lateness_comes_only_from_recorded_times(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    clock.current = TODAY
    item = ids(demo_desk.chamber.live(march))
    view = demo_desk.chamber.start_item(march, item["1"], at=hm("13:40"), timing="after-the-event")
    assert view.clock.lateness_text == "10 min late"  # item 1 began at 13:40, planned 13:30
    clock.advance(600)
    assert demo_desk.chamber.live(march).clock.lateness_text == "10 min late"
    demo_desk.chamber.close_meeting(march, at=hm("13:45"))
    clock.advance(600)
    # Closed with items never taken: no "506 min early" against the wall clock, nor "13 min
    # late" from item 1's end (13:45, planned ~13:31): what the meeting was, its end against
    # the planned close.
    closed = demo_desk.chamber.live(march).clock
    assert closed.lateness_text == "ended 135 min before plan"
    assert f"{closed.planned_close:%H:%M}" == "16:00"


# ---- ctrl+t: all the edited times together -----------------------------------------------------
def test_edited_times_are_checked_together_as_they_will_stand(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    """The issue's meeting: started by the clock at 07:33 in 2026, then put right by hand."""
    clock.current = TODAY
    item = ids(demo_desk.chamber.live(march))
    demo_desk.chamber.start_item(march, item["1"])
    clock.advance(1)
    demo_desk.chamber.next_item(march)
    clock.advance(1)
    demo_desk.chamber.close_meeting(march)
    # The meeting's start moved after item 1's old start, and item 1 with it: one edit.
    view = demo_desk.chamber.edit_times(
        march, item["1"], TimesFields(hm("14:00"), hm("14:05"), hm("14:00"), hm("16:15"))
    )
    assert (view.meeting.actual_start, view.meeting.actual_end) == (at("14:00"), at("16:15"))
    assert times_of(view)["1"] == (at("14:00"), at("14:05"))
    # Item 2, not edited, stays at 07:34: flagged, not refused, so it can be put right next.
    assert [line.item.number for line in view.outside_span()] == ["2"]
    view = demo_desk.chamber.edit_times(
        march, item["2"], TimesFields(hm("14:05"), hm("16:10"), hm("14:00"), hm("16:15"))
    )
    assert view.outside_span() == []
    # The edited item must sit inside the meeting as it will stand (not as it stood).
    with pytest.raises(ClerkError, match=r"item 2 cannot start before the meeting did \(14:06\)"):
        demo_desk.chamber.edit_times(
            march, item["2"], TimesFields(hm("14:05"), hm("16:10"), hm("14:06"), hm("16:15"))
        )
    with pytest.raises(ClerkError, match=r"past the end of the meeting \(16:00\)"):
        demo_desk.chamber.edit_times(
            march, item["2"], TimesFields(hm("14:05"), hm("16:10"), hm("14:00"), hm("16:00"))
        )
    assert demo_desk.chamber.live(march).meeting.actual_start == at("14:00")  # nothing stored


# ---- shift the whole meeting -------------------------------------------------------------------
def run_a_short_meeting(desk: Desk, clock: FakeClock, march: int) -> LiveView:
    """By the clock (on its day): two present, items 1 to 3, an arrival and a departure, a
    vote on item 3, closed at 08:40. The times a meeting run at the wrong hour would carry."""
    view = desk.chamber.live(march)
    item = ids(view)
    clock.current = datetime(2022, 3, 14, 8, 16)
    for name in ("Paul Bradley", "Mick Brown"):
        desk.attendance.mark(march, person(view, name), "present")
    desk.chamber.start_item(march, item["1"])
    clock.set("08:17")
    desk.chamber.next_item(march)
    desk.attendance.arrived_now(march, person(view, "Yvonne Clements"))
    clock.set("08:20")
    desk.chamber.next_item(march)
    desk.decisions.record_vote(
        item["3"], VoteFields("That the report be noted", for_count=3), inquorate_confirmed=True
    )
    clock.set("08:30")
    desk.attendance.left_now(march, person(view, "Mick Brown"))
    clock.set("08:40")
    return desk.chamber.close_meeting(march).view


def test_shifting_moves_every_recorded_time_by_one_offset_and_one_undo_restores_all(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    run_a_short_meeting(demo_desk, clock, march)
    before = every_time(demo_desk, march)
    assert sum(t is not None for t in before) == 11  # 2 + 3 items x 2 + arrival, left + vote
    made = groups(demo_desk, march)
    view = demo_desk.chamber.shift_meeting(march, by=timedelta(hours=5, minutes=43))
    after = every_time(demo_desk, march)
    offset = timedelta(hours=5, minutes=43)
    assert after == [None if t is None else t + offset for t in before]
    assert (view.meeting.actual_start, view.meeting.actual_end) == (at("13:59"), at("14:23"))
    assert groups(demo_desk, march) == made + 1  # one clerk action
    assert demo_desk.undo.undo_last(march) is not None
    assert every_time(demo_desk, march) == before
    # "It started at 14:00" is the same shift, worked out from the start.
    view = demo_desk.chamber.shift_meeting(march, start_at=hm("14:00"))
    assert every_time(demo_desk, march) == [
        None if t is None else t + timedelta(hours=5, minutes=44) for t in before
    ]


def test_a_shift_is_refused_in_words_when_it_makes_no_sense(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    with pytest.raises(ClerkError, match="has not started"):
        demo_desk.chamber.shift_meeting(march, by=timedelta(hours=1))
    run_a_short_meeting(demo_desk, clock, march)
    before = every_time(demo_desk, march)
    with pytest.raises(ClerkError, match="-9h00 would start the meeting at 23:16 the day before"):
        demo_desk.chamber.shift_meeting(march, by=-timedelta(hours=9))
    with pytest.raises(ClerkError, match="moves nothing"):
        demo_desk.chamber.shift_meeting(march, start_at=hm("08:16"))
    with pytest.raises(ClerkError, match="give one: how far to shift, or the time it started"):
        demo_desk.chamber.shift_meeting(march, by=timedelta(hours=1), start_at=hm("14:00"))
    assert every_time(demo_desk, march) == before


# ---- chapters follow the times -----------------------------------------------------------------
def test_chapters_refuse_an_item_outside_the_meeting_and_follow_a_shift(
    demo_desk: Desk, demo_path: Path, clock: FakeClock, march: int, tmp_path: Path
) -> None:
    """Through the command line, as a clerk exports them, and read back from the file."""
    run_a_short_meeting(demo_desk, clock, march)
    # The state: the meeting put right to 14:00–16:15, the items left at 08:16–08:20.
    demo_desk.chamber.edit_times(march, None, TimesFields(None, None, hm("14:00"), hm("16:15")))
    out = tmp_path / "exports"
    out.mkdir()
    refused = cli(demo_path, "export", "chapters", "2022-03-14", "-o", str(out), home=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "clerk-tui: item 1 started at 08:16, outside the meeting's 14:00–16:15: put its times "
        "right (ctrl+t, or shift the whole meeting) before exporting chapters"
    )
    assert list(out.iterdir()) == []  # nothing written
    demo_desk.undo.undo_last(march)
    demo_desk.chamber.shift_meeting(march, start_at=hm("14:00"))
    done = cli(demo_path, "export", "chapters", "2022-03-14", "-o", str(out), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (out / "Panel-2022-03-14-chapters.txt").read_text().splitlines() == [
        "00:00:00 NOTICE OF RECORDING AND WEBCASTING",
        "00:01:00 APOLOGIES",
        "00:04:00 PANEL MEMBERSHIP",
    ]
