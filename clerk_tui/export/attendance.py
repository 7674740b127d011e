"""The attendance register of a meeting as CSV.

Columns: ``Name, Capacity, Represents / Role, Substitute for, Status, Arrived, Left``; members
and substitutes first, then officers and guests, each in the order given. Arrived / Left hold
the time ("14:20") and the item it happened during ("during item 6") where known.
"""

from __future__ import annotations

from datetime import datetime

from clerk_tui.export.spreadsheet import csv_bytes
from clerk_tui.minutes import AttendeeRecord, MeetingRecord, hours
from clerk_tui.text import clean_text

COLUMNS: tuple[str, ...] = (
    "Name",
    "Capacity",
    "Represents / Role",
    "Substitute for",
    "Status",
    "Arrived",
    "Left",
)


def _movement(at: datetime | None, item_id: int | None, labels: dict[int, str]) -> str:
    parts = []
    if at is not None:
        parts.append(hours(at))
    if item_id is not None and item_id in labels:
        parts.append(f"during item {labels[item_id]}")
    return ", ".join(parts)


def attendance_rows(record: MeetingRecord) -> list[list[str]]:
    """The register's rows (without the header), their text clean whatever the database holds
    (a spreadsheet shows a control character as a box, or refuses the file)."""
    labels = {item.id: item.number for item in record.items}
    people: list[AttendeeRecord] = [a for a in record.attendees if a.is_member]
    people += [a for a in record.attendees if not a.is_member]
    rows = []
    for person in people:
        role = " – ".join(p for p in (person.represents.strip(), person.role_text.strip()) if p)
        cells = [
            person.display_name,
            person.capacity.capitalize(),
            role,
            person.substitute_for or "",
            person.status.capitalize(),
            _movement(person.arrived_at, person.arrived_item_id, labels),
            _movement(person.left_at, person.left_item_id, labels),
        ]
        rows.append([clean_text(cell) for cell in cells])
    return rows


def render_attendance_csv(record: MeetingRecord) -> bytes:
    """The attendance register as CSV bytes (UTF-8 with BOM, formula-safe cells)."""
    return csv_bytes([COLUMNS, *attendance_rows(record)])
