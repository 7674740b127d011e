"""Fixtures for the export tests: the reference meeting and the reference papers."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_tui.minutes import MeetingRecord, Minutes, minutes_of
from tests.export.reference_meeting import reference_meeting

#: ../shared/reference: the repository's sibling "shared" folder.
REFERENCE_DIR = Path(__file__).resolve().parents[3] / "shared" / "reference"


def reference_file(name: str) -> Path:
    path = REFERENCE_DIR / name
    if not path.is_file():
        pytest.skip(f"reference paper {path} is not at hand")
    return path


@pytest.fixture
def meeting() -> MeetingRecord:
    return reference_meeting()


@pytest.fixture
def minutes(meeting: MeetingRecord) -> Minutes:
    return minutes_of(meeting)
