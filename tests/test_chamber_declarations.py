"""The chamber's declarations of interest through the Desk against a real SQLite file (the demo's
copy), each logged for the meeting's undo. The helpers are in tests/test_chamber.py.
"""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from clerk_tui.desk import Desk
from clerk_tui.errors import ClerkError
from db import models
from tests.conftest import FakeClock
from tests.test_chamber import (
    item_ids,
    march,  # noqa: F401  (the fixture)
    person_id,
)


# ---- declarations --------------------------------------------------------------------------
def test_a_declaration_on_the_current_item(demo_desk: Desk, clock: FakeClock, march: int) -> None:  # noqa: F811
    view = demo_desk.chamber.live(march)
    murphy = person_id(view, "Kristina Murphy")
    ids = item_ids(view)
    with pytest.raises(ClerkError, match="not marked present"):
        demo_desk.attendance.declare(
            march, ids["8"], murphy, kind="other", nature="x", action="spoke-and-voted"
        )
    demo_desk.attendance.mark(march, murphy, "present")
    clock.set("13:30")
    demo_desk.chamber.start_item(march, ids["4"])
    view = demo_desk.attendance.declare(
        march,
        ids["8"],
        murphy,
        kind="other-registrable",
        nature="  a member of a neighbourhood   watch group ",
        action="spoke-and-voted",
    )
    (declaration,) = view.declarations_on(ids["8"])
    assert declaration.person.full_name == "Kristina Murphy"
    assert declaration.kind == "other-registrable"
    assert declaration.nature == "a member of a neighbourhood watch group"
    assert declaration.action == "spoke-and-voted"
    with pytest.raises(
        ClerkError, match="'big' is not a kind of interest: one of disclosable-pecuniary"
    ):
        demo_desk.attendance.declare(
            march, ids["8"], murphy, kind="big", nature="x", action="left-room"
        )
    with pytest.raises(ClerkError, match="say what the interest is"):
        demo_desk.attendance.declare(
            march, ids["8"], murphy, kind="other", nature=" ", action="left-room"
        )
    officer = person_id(view, "Jonathan Jardine")
    demo_desk.attendance.mark(march, officer, "present")
    with pytest.raises(ClerkError, match="not a member at this meeting"):
        demo_desk.attendance.declare(
            march, ids["8"], officer, kind="other", nature="x", action="left-room"
        )


def test_each_record_is_logged_for_the_meetings_undo(demo_desk: Desk, march: int) -> None:  # noqa: F811
    view = demo_desk.chamber.live(march)
    murphy = person_id(view, "Kristina Murphy")
    demo_desk.attendance.mark(march, murphy, "present")
    with demo_desk.store.reading() as session:
        events = session.exec(
            select(models.AuditEvent).where(models.AuditEvent.meeting_id == march)
        ).all()
    # The first mark creates the row, marked.
    assert [e.op for e in events] == ["create"]
    assert json.loads(events[0].after or "{}")["status"] == "present"
    demo_desk.attendance.mark(march, murphy, "apologies")
    with demo_desk.store.reading() as session:
        events = session.exec(
            select(models.AuditEvent).where(models.AuditEvent.meeting_id == march)
        ).all()
    assert [e.op for e in events] == ["create", "update"]
    assert len({e.group_id for e in events}) == 2  # two clerk actions, two groups
