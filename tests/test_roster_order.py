"""The clerk's order of those also present, through the Desk against a real SQLite file (the
demo's copy): attendance.position after marks, moves and a guest added after a row; undo of a
move; refusals in one line; and the minutes' ALSO PRESENT in that order (PRESENT by surname)."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from clerk_tui.desk import Desk
from clerk_tui.desk.live_view import LiveView
from clerk_tui.errors import ClerkError
from db import models
from tests.test_chamber import march, person_id  # noqa: F401  (march: the fixture)
from tests.test_exporting import NOVEMBER, meeting_id

OFFICERS = ("Simon Foster", "Jonathan Jardine", "Mark Kenyon", "Richard Costello")


def positions(desk: Desk, meeting: int) -> list[tuple[str, int]]:
    """Those also present as stored: (name, position), in the order the snapshot reads them."""
    with desk.store.reading() as session:
        rows = session.exec(
            select(models.Person.full_name, models.Attendance.position)
            .join(models.Person, col(models.Person.id) == col(models.Attendance.person_id))
            .where(
                models.Attendance.meeting_id == meeting,
                col(models.Attendance.capacity).in_(("officer", "guest")),
            )
            .order_by(col(models.Attendance.position), col(models.Attendance.id))
        ).all()
    return [(name, position) for name, position in rows]


def also_present(view: LiveView) -> list[str]:
    return [a.person.full_name for a in view.roster if not a.is_member]


def mark(desk: Desk, meeting: int, *names: str, status: str = "present") -> LiveView:
    view = desk.chamber.live(meeting)
    for name in names:
        view = desk.attendance.mark(meeting, person_id(view, name), status)
    return view


def minutes_block(desk: Desk, meeting: int, label: str) -> list[str]:
    lines = desk.papers.render_paper(meeting, "minutes", "txt").decode().splitlines()
    start = lines.index(label) + 2
    return lines[start : lines.index("", start)]


def test_officers_marked_in_any_order_take_the_body_s_order(
    demo_desk: Desk,
    march: int,  # noqa: F811
) -> None:
    view = demo_desk.chamber.live(march)
    # Not yet marked: the body's officer order (the order of their memberships), not surnames.
    assert also_present(view)[:4] == list(OFFICERS)
    mark(demo_desk, march, "Mark Kenyon", "Simon Foster", "Richard Costello", "Jonathan Jardine")
    assert positions(demo_desk, march) == [(name, i) for i, name in enumerate(OFFICERS)]


def test_a_guest_goes_after_the_selected_row_or_last(
    demo_desk: Desk,
    march: int,  # noqa: F811
) -> None:
    view = mark(demo_desk, march, *OFFICERS)
    view = demo_desk.attendance.add_also_present(
        march,
        title="",
        full_name="Tom McNeil",
        role_text="Strategic Adviser, OPCC",
        after=person_id(view, "Simon Foster"),
    )
    assert [n for n, _ in positions(demo_desk, march)] == [
        "Simon Foster",
        "Tom McNeil",
        *OFFICERS[1:],
    ]
    assert [p for _, p in positions(demo_desk, march)] == [0, 1, 2, 3, 4]
    assert also_present(view)[:5] == [n for n, _ in positions(demo_desk, march)]
    # A member selected (or nobody): last of those marked.
    view = demo_desk.attendance.add_also_present(
        march,
        title="",
        full_name="Ann Else",
        role_text="Guest of the Chair",
        capacity="guest",
        after=person_id(view, "Paul Bradley"),
    )
    assert positions(demo_desk, march)[-1] == ("Ann Else", 5)
    # Someone already there keeps their place when added again.
    demo_desk.attendance.add_also_present(
        march, title="", full_name="Tom McNeil", role_text="Adviser, OPCC", after=None
    )
    assert positions(demo_desk, march)[1] == ("Tom McNeil", 1)


def test_a_guest_added_before_the_roll_call_stays_below_the_officers(
    demo_desk: Desk,
    march: int,  # noqa: F811
) -> None:
    demo_desk.attendance.add_also_present(
        march, title="", full_name="Tom McNeil", role_text="Strategic Adviser, OPCC"
    )
    mark(demo_desk, march, "Jonathan Jardine", "Simon Foster")
    assert [n for n, _ in positions(demo_desk, march)] == [
        "Simon Foster",
        "Jonathan Jardine",
        "Tom McNeil",
    ]


def test_moves_are_one_audited_transaction_each_and_undo_takes_one_back(
    demo_desk: Desk,
    march: int,  # noqa: F811
) -> None:
    view = mark(demo_desk, march, *OFFICERS)
    kenyon = person_id(view, "Mark Kenyon")
    view = demo_desk.attendance.move(march, kenyon, -1)
    view = demo_desk.attendance.move(march, kenyon, -1)
    order = ["Mark Kenyon", "Simon Foster", "Jonathan Jardine", "Richard Costello"]
    assert positions(demo_desk, march) == [(name, i) for i, name in enumerate(order)]
    assert also_present(view)[:4] == order
    assert demo_desk.undo.undo_last(march) is not None
    assert [n for n, _ in positions(demo_desk, march)] == [
        "Simon Foster",
        "Mark Kenyon",
        "Jonathan Jardine",
        "Richard Costello",
    ]
    # At an end nothing moves and nothing is written (so undo takes back the move before).
    view = demo_desk.attendance.move(march, person_id(view, "Richard Costello"), 1)
    assert positions(demo_desk, march)[-1] == ("Richard Costello", 3)
    assert demo_desk.undo.undo_last(march) is not None
    assert [n for n, _ in positions(demo_desk, march)] == list(OFFICERS)


def test_only_officers_and_guests_marked_are_put_in_order(
    demo_desk: Desk,
    march: int,  # noqa: F811
) -> None:
    view = mark(demo_desk, march, "Paul Bradley")
    with pytest.raises(ClerkError, match="is a member: PRESENT lists the members by surname"):
        demo_desk.attendance.move(march, person_id(view, "Paul Bradley"), -1)
    with pytest.raises(ClerkError, match="Simon Foster is not marked yet"):
        demo_desk.attendance.move(march, person_id(view, "Simon Foster"), 1)


def test_the_minutes_follow_the_order_and_present_stays_by_surname(
    demo_desk: Desk,
) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    present = minutes_block(demo_desk, november, "PRESENT: -")
    before = minutes_block(demo_desk, november, "ALSO PRESENT: -")
    assert before[:2] == [
        "Simon Foster – West Midlands Police and Crime Commissioner",
        "Jonathan Jardine – Chief Executive, OPCC",
    ]
    view = demo_desk.chamber.live(november)
    # The demo's rows all have position 0 (in the order made): the first move numbers them.
    demo_desk.attendance.move(november, person_id(view, "Jonathan Jardine"), -1)
    after = minutes_block(demo_desk, november, "ALSO PRESENT: -")
    assert after == [before[1], before[0], *before[2:]]
    assert minutes_block(demo_desk, november, "PRESENT: -") == present
    surnames = [line.split(" – ")[0].split(" - ")[0].split()[-1] for line in present]
    assert surnames == sorted(surnames)
