"""Webcast chapters from the actual start times."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from clerk_tui.errors import ClerkError
from clerk_tui.export.chapters import chapters, offset_label, render_chapters
from clerk_tui.minutes import ItemRecord, MeetingRecord


def test_reference_chapters(meeting: MeetingRecord) -> None:
    lines = render_chapters(meeting).splitlines()
    assert lines[:3] == [
        "00:00:00 Notice of Recording",
        "00:01:00 Apologies",
        "00:02:00 Declarations of Interest",
    ]
    assert lines[-1] == "01:25:00 Panel Work Programme 2021/2022"
    assert len(lines) == 12  # the deferred item has no chapter


def test_order_taken_and_seconds() -> None:
    start = datetime(2022, 3, 14, 13, 30, 0)
    items = (
        ItemRecord(1, "1", "First on the agenda", state="taken",
                   actual_start=start + timedelta(hours=1, minutes=2, seconds=3)),
        ItemRecord(2, "2", "Taken first", state="taken",
                   actual_start=start + timedelta(seconds=59)),
        ItemRecord(3, "3", "Withdrawn", state="withdrawn"),
        ItemRecord(4, "4", "Running now", state="running",
                   actual_start=start + timedelta(hours=2, microseconds=900_000)),
    )  # fmt: skip
    record = MeetingRecord(
        body_name="B", venue="V", date=start.date(), scheduled_start=start.time(),
        actual_start=start, items=items,
    )  # fmt: skip
    assert render_chapters(record) == (
        "00:00:59 Taken first\n01:02:03 First on the agenda\n02:00:00 Running now\n"
    )
    assert [title for _, title in chapters(record)] == ["Taken first", "First on the agenda",
                                                        "Running now"]  # fmt: skip


def test_never_started(meeting: MeetingRecord) -> None:
    with pytest.raises(ClerkError) as caught:
        render_chapters(replace(meeting, actual_start=None))
    assert str(caught.value) == "the meeting was never started, so it has no chapters"


def test_offset_label() -> None:
    assert offset_label(timedelta(hours=25, seconds=1)) == "25:00:01"
    assert offset_label(timedelta(seconds=-5)) == "00:00:00"
