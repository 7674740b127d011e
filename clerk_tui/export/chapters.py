"""Webcast chapters: ``HH:MM:SS <item title>`` for each item taken, at the offset of its actual
start from the meeting's actual start, one line per item in the order taken. An item that
started outside the meeting's own start and end is refused, naming it: its chapter would point
outside the recording."""

from __future__ import annotations

from datetime import timedelta

from clerk_tui.errors import ClerkError
from clerk_tui.minutes import MINUTED_STATES, MeetingRecord
from clerk_tui.text import clean_text


def offset_label(offset: timedelta) -> str:
    """timedelta(hours=1, minutes=2, seconds=3) → "01:02:03" (negative offsets count as 0)."""
    seconds = max(0, int(offset.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}"


def chapters(record: MeetingRecord) -> list[tuple[timedelta, str]]:
    """(offset from the meeting's start, item title) for each item taken, in the order taken."""
    if record.actual_start is None:
        raise ClerkError("the meeting was never started, so it has no chapters")
    start = record.actual_start
    taken = [
        item
        for item in record.items
        if item.state in MINUTED_STATES and item.actual_start is not None
    ]
    taken.sort(key=lambda item: item.actual_start or start)
    # A chapter outside the recording points nowhere: once printed as 00:00:00, it misled.
    for item in taken:
        at = item.actual_start or start
        if at < start or (record.actual_end is not None and at > record.actual_end):
            span = f"{start:%H:%M}" + (f"–{record.actual_end:%H:%M}" if record.actual_end else "")
            name = f"item {item.number}" if item.number else f"“{_one_line(item.title)}”"
            raise ClerkError(
                f"{name} started at {at:%H:%M}, outside the meeting's {span}: put its times "
                "right (ctrl+t, or shift the whole meeting) before exporting chapters"
            )
    return [
        (item.actual_start - start, _one_line(item.title)) for item in taken if item.actual_start
    ]


def _one_line(title: str) -> str:
    """A title as one clean line: a chapter is a line, and players show it as it comes."""
    return " ".join(clean_text(title).split())


def render_chapters(record: MeetingRecord) -> str:
    """The chapters as text, one ``HH:MM:SS title`` line each (ends with a newline)."""
    return "".join(f"{offset_label(offset)} {title}\n" for offset, title in chapters(record))
