"""The chamber services against a real SQLite file (a copy of the demo) and the fake clock:
items started, taken out of order, deferred; the meeting closed; the meeting a command line names.
Attendance and declarations are in the sibling modules, which share the helpers here."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlmodel import col, select

from clerk_tui.desk import Desk
from clerk_tui.desk.chamber import LiveView, TimesFields
from clerk_tui.desk.live_view import AgendaLine, AttendeeView
from clerk_tui.errors import ClerkError
from db import models
from tests.conftest import FakeClock


def at(hh_mm: str) -> datetime:
    hours, minutes = map(int, hh_mm.split(":"))
    return datetime(2022, 3, 14, hours, minutes)


@pytest.fixture
def march(demo_desk: Desk) -> int:
    """The demo's 14 March 2022 meeting (planned, 14 items, body counter at 633)."""
    return next(m.id for m in demo_desk.agenda.meetings() if m.date == date(2022, 3, 14))


def item_ids(view: LiveView) -> dict[str, int]:
    return {line.item.number: line.item.id for line in view.lines}


def line(view: LiveView, number: str) -> AgendaLine:
    return next(line for line in view.lines if line.item.number == number)


def person_id(view: LiveView, name: str) -> int:
    return next(a.person.id for a in view.roster if a.person.full_name == name)


def attendee(view: LiveView, name: str) -> AttendeeView:
    return next(a for a in view.roster if a.person.full_name == name)


def audit_groups(desk: Desk, meeting_id: int) -> list[int]:
    with desk.store.reading() as session:
        events = session.exec(
            select(models.AuditEvent).where(models.AuditEvent.meeting_id == meeting_id)
        ).all()
    return sorted({event.group_id or 0 for event in events})


# ---- the meeting against the clock ---------------------------------------------------------
def run_the_meeting(desk: Desk, clock: FakeClock, march: int) -> LiveView:
    """Start at 13:31; items 1, 2 and 3 taken; 5 taken before 4 (out of order); 4 then; 6
    deferred while running; 7 running."""
    ids = item_ids(desk.chamber.live(march))
    clock.set("13:31")
    desk.chamber.start_item(march, ids["1"])
    clock.set("13:34")
    desk.chamber.next_item(march)  # 2
    clock.set("13:38")
    desk.chamber.next_item(march)  # 3
    clock.set("13:40")
    desk.chamber.start_item(march, ids["5"])  # the chair takes public questions before item 4
    clock.set("13:52")
    desk.chamber.start_item(march, ids["4"])
    clock.set("13:55")
    desk.chamber.start_item(march, ids["6"])
    clock.set("13:57")
    desk.chamber.settle_item(march, ids["6"], "deferred")
    clock.set("13:58")
    return desk.chamber.next_item(march)  # 7: the next pending after 6 in agenda order


def test_items_taken_get_actual_times_and_provisional_numbers_in_the_order_taken(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    view = run_the_meeting(demo_desk, clock, march)

    assert view.meeting.status == "live"
    assert view.meeting.actual_start == at("13:31")
    times = {
        line.item.number: (line.item.state, line.item.actual_start, line.item.actual_end)
        for line in view.lines[:8]
    }
    assert times == {
        "1": ("taken", at("13:31"), at("13:34")),
        "2": ("taken", at("13:34"), at("13:38")),
        "3": ("taken", at("13:38"), at("13:40")),
        "4": ("taken", at("13:52"), at("13:55")),
        "5": ("taken", at("13:40"), at("13:52")),
        "6": ("deferred", at("13:55"), at("13:57")),
        "7": ("running", at("13:58"), None),
        "8": ("pending", None, None),
    }
    numbers = {line.item.number: line.minute_number for line in view.lines}
    # Item 5 was taken before item 4, so it has the lower number; 6 was deferred: none.
    assert numbers == {
        "1": 633, "2": 634, "3": 635, "5": 636, "4": 637, "7": 638,
        "6": None, "8": None, "9": None, "10": None, "11": None, "12": None, "13": None,
        "14": None,
    }  # fmt: skip
    assert all(line.provisional for line in view.lines)
    # Nothing is stored as a minute number while the meeting is live.
    assert all(line.item.minute_number is None for line in view.lines)
    assert view.running_item_id == item_ids(view)["7"]


def test_lateness_and_projected_close_at_a_given_time(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    run_the_meeting(demo_desk, clock, march)
    clock.set("14:10")
    view = demo_desk.chamber.live(march)
    # Item 7 was planned for 13:55 and began at 13:58: three minutes late.
    assert view.clock.lateness_minutes == 3
    assert view.clock.lateness_text == "3 min late"
    # 12 minutes into item 7's 35: 23 left, then items 8-14 (14:30 to 16:00, 90 minutes).
    assert view.clock.projected_close == at("14:10") + timedelta(minutes=23 + 90)
    assert view.clock.planned_close == at("16:00")
    assert line(view, "7").ran == timedelta(minutes=12)
    assert not line(view, "7").overrun
    # A view is recomputed for another moment without reading the database again.
    later = view.at(at("14:40"))
    assert line(later, "7").overrun and later.clock.overrun_by == timedelta(minutes=7)


def test_closing_fixes_the_numbers_and_moves_the_counter_on(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    view = run_the_meeting(demo_desk, clock, march)
    ids = item_ids(view)
    with demo_desk.database.transaction() as session:
        body_id = view.meeting.body.id
        for item in ("5", "7"):
            session.add(
                models.Action(
                    body_id=body_id,
                    meeting_id=march,
                    item_id=ids[item],
                    text=f"Follow up item {item}",
                    created_at=at("14:00"),
                )
            )
    clock.set("14:20")
    result = demo_desk.chamber.close_meeting(march)
    view = result.view

    assert result.numbered == 6
    assert view.closed and view.meeting.actual_end == at("14:20")
    assert line(view, "7").item.state == "taken"
    assert line(view, "7").item.actual_end == at("14:20")
    stored = {line.item.number: line.item.minute_number for line in view.lines}
    assert {k: v for k, v in stored.items() if v is not None} == {
        "1": 633,
        "2": 634,
        "3": 635,
        "5": 636,
        "4": 637,
        "7": 638,
    }
    assert not any(line.provisional for line in view.lines)
    assert view.meeting.body.next_minute_number == 639
    assert demo_desk.agenda.body(view.meeting.body.id).next_minute_number == 639
    with demo_desk.store.reading() as session:
        actions = session.exec(
            select(models.Action).where(col(models.Action.item_id).in_([ids["5"], ids["7"]]))
        ).all()
    assert sorted(a.minute_number or 0 for a in actions) == [636, 638]
    # PRODUCT.md §7: a backup is taken when a meeting closes.
    assert result.backup is not None and result.backup.exists()


def test_closing_is_one_audit_group_and_refused_twice(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    run_the_meeting(demo_desk, clock, march)
    before = audit_groups(demo_desk, march)
    demo_desk.chamber.close_meeting(march)
    assert len(audit_groups(demo_desk, march)) == len(before) + 1
    with pytest.raises(ClerkError, match="closed"):
        demo_desk.chamber.close_meeting(march)


def test_a_closed_meeting_refuses_clock_keys_but_takes_explicit_times(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    view = run_the_meeting(demo_desk, clock, march)
    ids = item_ids(view)
    clock.set("14:20")
    demo_desk.chamber.close_meeting(march)
    clock.set("16:45")
    for call in (
        lambda: demo_desk.chamber.start_item(march, ids["8"]),
        lambda: demo_desk.chamber.next_item(march),
        lambda: demo_desk.chamber.previous_item(march),
        lambda: demo_desk.chamber.settle_item(march, ids["8"], "deferred"),
    ):
        with pytest.raises(ClerkError, match="closed"):
            call()
    view = demo_desk.chamber.edit_times(
        march,
        ids["5"],
        TimesFields(time(13, 41), time(13, 51), time(13, 30), time(14, 25)),
    )
    assert line(view, "5").item.actual_start == at("13:41")
    assert line(view, "5").item.actual_end == at("13:51")
    assert view.meeting.actual_start == at("13:30")
    assert view.meeting.actual_end == at("14:25")
    assert line(view, "5").minute_number == 636  # fixed numbers stay as they were
    with pytest.raises(ClerkError, match="cannot end before it starts"):
        demo_desk.chamber.edit_times(
            march, ids["5"], TimesFields(time(13, 41), time(13, 30), time(13, 30), time(14, 25))
        )
    with pytest.raises(ClerkError, match=r"item 5 cannot start before the meeting did \(13:30\)"):
        demo_desk.chamber.edit_times(
            march, ids["5"], TimesFields(time(13, 20), time(13, 51), time(13, 30), time(14, 25))
        )
    with pytest.raises(ClerkError, match="past the end of the meeting"):
        demo_desk.chamber.edit_times(
            march, ids["5"], TimesFields(time(13, 41), time(14, 51), time(13, 30), time(14, 25))
        )
    with pytest.raises(ClerkError, match="not taken"):
        demo_desk.chamber.edit_times(
            march, ids["8"], TimesFields(time(14, 0), None, time(13, 30), time(14, 25))
        )


def test_next_never_starts_the_meeting(demo_desk: Desk, clock: FakeClock, march: int) -> None:
    before = audit_groups(demo_desk, march)
    clock.set("13:32")
    with pytest.raises(ClerkError, match="the meeting has not started: press s to start the"):
        demo_desk.chamber.next_item(march)
    view = demo_desk.chamber.live(march)
    assert view.meeting.status == "planned" and view.meeting.actual_start is None
    assert not any(line.running for line in view.lines)
    assert audit_groups(demo_desk, march) == before


def test_previous_goes_back_and_the_slipped_item_is_pending_again(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    ids = item_ids(demo_desk.chamber.live(march))
    clock.set("13:30")
    demo_desk.chamber.start_item(march, ids["1"])
    clock.set("13:33")
    demo_desk.chamber.next_item(march)
    clock.advance(1 / 3)
    view = demo_desk.chamber.previous_item(march)
    assert line(view, "1").running and line(view, "1").item.actual_start == at("13:30")
    assert line(view, "1").item.actual_end is None
    assert line(view, "2").item.state == "pending" and line(view, "2").item.actual_start is None
    assert line(view, "2").minute_number is None
    clock.set("13:36")
    view = demo_desk.chamber.next_item(march)
    assert line(view, "1").item.actual_end == at("13:36")
    assert line(view, "2").running and line(view, "2").item.actual_start == at("13:36")
    with pytest.raises(ClerkError, match="no item has been taken before"):
        demo_desk.chamber.previous_item(march)
        demo_desk.chamber.previous_item(march)


def test_defer_withdraw_and_put_back(demo_desk: Desk, clock: FakeClock, march: int) -> None:
    ids = item_ids(demo_desk.chamber.live(march))
    view = demo_desk.chamber.settle_item(
        march, ids["13"], "withdrawn"
    )  # before the meeting: allowed
    assert line(view, "13").item.state == "withdrawn"
    with pytest.raises(ClerkError, match="already withdrawn"):
        demo_desk.chamber.settle_item(march, ids["13"], "withdrawn")
    view = demo_desk.chamber.settle_item(march, ids["13"], "pending")
    assert line(view, "13").item.state == "pending"
    with pytest.raises(ClerkError, match="not deferred or withdrawn"):
        demo_desk.chamber.settle_item(march, ids["13"], "pending")


def test_the_running_item_cannot_be_started_again(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    ids = item_ids(demo_desk.chamber.live(march))
    demo_desk.chamber.start_item(march, ids["1"])
    with pytest.raises(ClerkError, match="item 1 is already running"):
        demo_desk.chamber.start_item(march, ids["1"])


def test_every_clock_key_is_one_audit_group_of_the_meeting(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    run_the_meeting(demo_desk, clock, march)
    # start 1 (meeting + item), ] ] s s s x ] : eight clerk actions, eight groups.
    assert len(audit_groups(demo_desk, march)) == 8


def test_chamber_times_are_stamped_on_the_meeting_date(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    """The demo's 2022 meeting run on another day still speaks in its own day's clock."""
    clock.current = datetime(2026, 11, 28, 14, 5, 9)
    view = demo_desk.chamber.start_item(march, item_ids(demo_desk.chamber.live(march))["1"])
    assert view.meeting.actual_start == datetime(2022, 3, 14, 14, 5, 9)
    assert view.clock.lateness_minutes == 35


# ---- the meeting a command line names --------------------------------------------------------
def test_find_meeting_by_id_date_and_today(demo_desk: Desk, march: int) -> None:
    assert demo_desk.agenda.find_meeting(str(march), today=date(2030, 1, 1)) == march
    assert demo_desk.agenda.find_meeting("2022-03-14", today=date(2030, 1, 1)) == march
    assert demo_desk.agenda.find_meeting(None, today=date(2022, 3, 14)) == march
    assert (
        demo_desk.agenda.find_meeting("2022-03-14", body="panel", today=date(2030, 1, 1)) == march
    )
    with pytest.raises(ClerkError) as error:
        demo_desk.agenda.find_meeting(None, today=date(2022, 3, 20))
    assert str(error.value) == (
        "there is no meeting today (20 March 2022); the nearest: "
        "2021-11-29 West Midlands Police and Crime Panel (id 1), "
        "2022-03-14 West Midlands Police and Crime Panel (id 2)"
    )
    with pytest.raises(ClerkError, match="there is no meeting 99; the nearest"):
        demo_desk.agenda.find_meeting("99", today=date(2022, 3, 20))
    with pytest.raises(ClerkError, match="neither a meeting id nor a date"):
        demo_desk.agenda.find_meeting("next tuesday", today=date(2022, 3, 20))
    with pytest.raises(ClerkError, match="no body called"):
        demo_desk.agenda.find_meeting("2022-03-14", body="Parish Council", today=date(2022, 3, 20))


def test_the_chamber_reads_the_meeting_as_the_preparation_desk_does(
    demo_desk: Desk, clock: FakeClock, march: int
) -> None:
    """The live screen's meeting (its snapshot) and the agenda's must not drift apart, before
    and during a meeting and once one is closed: one read of a meeting serves both."""
    run_the_meeting(demo_desk, clock, march)
    for meeting_id in (march, *(m.id for m in demo_desk.agenda.meetings())):
        assert demo_desk.chamber.live(meeting_id).meeting == demo_desk.agenda.meeting(meeting_id)
    with pytest.raises(ClerkError, match="there is no meeting 999"):
        demo_desk.agenda.meeting(999)
    with pytest.raises(ClerkError, match="there is no meeting 999"):
        demo_desk.chamber.live(999)
