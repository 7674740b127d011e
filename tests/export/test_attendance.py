"""The attendance register CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from clerk_tui.export.attendance import COLUMNS, render_attendance_csv
from clerk_tui.minutes import MeetingRecord
from tests.export.reference_meeting import at


def read(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_register(meeting: MeetingRecord) -> None:
    attendees = tuple(
        replace(a, arrived_item_id=14, arrived_at=at("14:04"), left_at=at("15:12"))
        if a.name == "Paul Bradley"
        else a
        for a in meeting.attendees
    )
    rows = read(render_attendance_csv(replace(meeting, attendees=attendees)))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 1 + len(meeting.attendees)
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Cllr Paul Bradley"] == [
        "Cllr Paul Bradley",
        "Member",
        "Dudley",
        "",
        "Present",
        "14:04, during item 4",
        "15:12",
    ]
    assert by_name["Kevin O’Keefe"][1:5] == ["Officer", "Panel Lead Officer", "", "Apologies"]
    assert by_name["Kristina Murphy"][2] == "Independent Member"
    # Members first, then officers.
    capacities = [row[1] for row in rows[1:]]
    assert capacities == sorted(capacities, key=lambda c: c != "Member")
