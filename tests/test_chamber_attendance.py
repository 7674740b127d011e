"""The chamber's attendance through the Desk against a real SQLite file (the demo's copy): the
roster, apologies, late arrivals and early departures, quorum, officers, substitutes and those
also present. The helpers are in tests/test_chamber.py.
"""

from __future__ import annotations

import pytest
from sqlmodel import select

from clerk_tui.desk import Desk
from clerk_tui.errors import ClerkError
from db import models
from tests.conftest import FakeClock
from tests.test_chamber import (
    at,
    attendee,
    audit_groups,
    item_ids,
    march,  # noqa: F401  (the fixture)
    person_id,
    run_the_meeting,
)


# ---- attendance ----------------------------------------------------------------------------
def test_the_roster_is_the_membership_in_force_then_the_officers(
    demo_desk: Desk,
    march: int,  # noqa: F811
) -> None:
    view = demo_desk.chamber.live(march)
    names = [a.person.full_name for a in view.roster]
    assert "Steve Carmicheal" not in names  # his membership ended on 31 January 2022
    assert "Bob Piper" in names  # his replacement, from 1 February 2022
    assert [a.is_member for a in view.roster] == sorted(
        (a.is_member for a in view.roster), reverse=True
    )
    assert all(a.status is None and a.attendance_id is None for a in view.roster)
    assert view.quorum.text == "INQUORATE 0/5"
    assert view.counts() == {
        "in room": 0, "left": 0, "apologies": 0, "absent": 0, "not marked": 20
    }  # fmt: skip


def test_apologies_before_the_meeting_then_present_absent(
    demo_desk: Desk,
    clock: FakeClock,
    march: int,  # noqa: F811
) -> None:
    jones = person_id(demo_desk.chamber.live(march), "Ian Jones")
    view = demo_desk.attendance.mark(march, jones, "apologies")
    assert attendee(view, "Ian Jones").status == "apologies"
    assert attendee(view, "Ian Jones").attendance_id is not None
    # The same mark again changes nothing and writes nothing (a roll call passes over it).
    before = audit_groups(demo_desk, march)
    view = demo_desk.attendance.mark(march, jones, "apologies")
    assert attendee(view, "Ian Jones").status == "apologies"
    assert audit_groups(demo_desk, march) == before
    view = demo_desk.attendance.mark(march, jones, "absent")
    assert attendee(view, "Ian Jones").status == "absent"
    view = demo_desk.attendance.mark(march, jones, "present")
    assert attendee(view, "Ian Jones").status == "present"
    assert view.quorum.present == 1
    # Three marks, one row: the roster never duplicates a person.
    with demo_desk.store.reading() as session:
        rows = session.exec(
            select(models.Attendance).where(
                models.Attendance.meeting_id == march, models.Attendance.person_id == jones
            )
        ).all()
    assert len(rows) == 1


def test_late_arrival_and_early_departure_record_time_and_item(
    demo_desk: Desk,
    clock: FakeClock,
    march: int,  # noqa: F811
) -> None:
    view = demo_desk.chamber.live(march)
    khan = person_id(view, "Abdul Khan")
    with pytest.raises(ClerkError, match="has not started"):
        demo_desk.attendance.arrived_now(march, khan)
    view = run_the_meeting(demo_desk, clock, march)  # item 7 running from 13:58
    clock.set("14:03")
    view = demo_desk.attendance.arrived_now(march, khan)
    arrived = attendee(view, "Abdul Khan")
    assert arrived.status == "present" and arrived.arrived_at == at("14:03")
    assert arrived.arrived_item_id == item_ids(view)["7"]
    assert [a.person.full_name for a in view.arrivals_on(item_ids(view)["7"])] == ["Abdul Khan"]
    with pytest.raises(ClerkError, match="already here"):
        demo_desk.attendance.arrived_now(march, khan)
    clock.set("14:20")
    view = demo_desk.chamber.next_item(march)  # 8
    clock.set("14:41")
    view = demo_desk.attendance.left_now(march, khan)
    gone = attendee(view, "Abdul Khan")
    assert gone.left_at == at("14:41") and gone.left_item_id == item_ids(view)["8"]
    assert not gone.in_room
    with pytest.raises(ClerkError, match="not in the meeting"):
        demo_desk.attendance.left_now(march, khan)
    # Back again: p marks present and wipes the departure.
    view = demo_desk.attendance.mark(march, khan, "present")
    assert attendee(view, "Abdul Khan").in_room


def test_quorum_lost_and_regained(demo_desk: Desk, clock: FakeClock, march: int) -> None:  # noqa: F811
    view = demo_desk.chamber.live(march)
    members = [a.person.id for a in view.roster if a.is_member][:5]
    for member in members:
        view = demo_desk.attendance.mark(march, member, "present")
    assert view.quorum.quorate and view.quorum.text == "Quorate 5/5"
    clock.set("13:30")
    demo_desk.chamber.start_item(march, item_ids(view)["1"])
    clock.set("13:45")
    view = demo_desk.attendance.left_now(march, members[0])
    assert not view.quorum.quorate and view.quorum.text == "INQUORATE 4/5"
    assert view.quorum.short_by == 1
    clock.set("13:50")
    view = demo_desk.attendance.arrived_now(march, members[0])
    assert view.quorum.quorate


def test_officers_do_not_count_for_quorum(demo_desk: Desk, march: int) -> None:  # noqa: F811
    view = demo_desk.chamber.live(march)
    jardine = person_id(view, "Jonathan Jardine")
    view = demo_desk.attendance.mark(march, jardine, "present")
    assert attendee(view, "Jonathan Jardine").capacity == "officer"
    assert view.quorum.present == 0


def test_a_substitute_sits_for_a_member_and_a_known_person_is_reused(
    demo_desk: Desk,
    clock: FakeClock,
    march: int,  # noqa: F811
) -> None:
    view = demo_desk.chamber.live(march)
    jones = person_id(view, "Ian Jones")
    view = demo_desk.attendance.substitute(march, jones, "Cllr", "Maria  Crompton")
    sub = attendee(view, "Maria Crompton")
    assert sub.capacity == "substitute" and sub.status == "present" and sub.voting
    assert sub.substitute_for_name == "Cllr Ian Jones" and sub.represents == "Sandwell"
    assert attendee(view, "Ian Jones").status == "apologies"
    names = [a.person.full_name for a in view.roster]
    assert names.index("Maria Crompton") == names.index("Ian Jones") + 1
    assert view.quorum.present == 1
    # The same human, named again in other capitals, is the same row.
    gibbin = person_id(view, "Ken Gibbin")
    view = demo_desk.attendance.substitute(march, gibbin, "", "maria crompton")
    with demo_desk.store.reading() as session:
        found = session.exec(
            select(models.Person).where(models.Person.full_name == "Maria Crompton")
        ).all()
    assert len(found) == 1
    assert attendee(view, "Maria Crompton").substitute_for_name == "Cllr Ken Gibbin"
    with pytest.raises(ClerkError, match="member of the body in their own right"):
        demo_desk.attendance.substitute(march, jones, "Cllr", "Bob Piper")
    officer = person_id(view, "Jonathan Jardine")
    with pytest.raises(ClerkError, match="not a member"):
        demo_desk.attendance.substitute(march, officer, "", "Someone Else")


def test_also_present_with_a_role(demo_desk: Desk, march: int) -> None:  # noqa: F811
    view = demo_desk.attendance.add_also_present(
        march, title="", full_name="Tom McNeil", role_text="Strategic Adviser, OPCC"
    )
    tom = attendee(view, "Tom McNeil")
    assert (tom.capacity, tom.status, tom.voting, tom.where) == (
        "officer",
        "present",
        False,
        "Strategic Adviser, OPCC",
    )
    # Issue 13: added with nobody selected, last of those marked also present, so above the
    # body's officers not yet marked (ALSO PRESENT's order, then theirs).
    also = [a.person.full_name for a in view.roster if not a.is_member]
    assert also[:3] == ["Tom McNeil", "Simon Foster", "Jonathan Jardine"]
    with pytest.raises(ClerkError, match="is a member"):
        demo_desk.attendance.add_also_present(
            march, title="", full_name="Bob Piper", role_text="Guest"
        )
    with pytest.raises(ClerkError, match="role"):
        demo_desk.attendance.add_also_present(march, title="", full_name="Ann Else", role_text=" ")
