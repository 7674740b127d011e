"""The 14 March 2022 agenda the importer's tests read, what it holds row by row, and the
checks they share (a time as the rows write it, a refusal in one line)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from clerk_tui.agenda_import import ImportedAgenda, parse_agenda
from clerk_tui.errors import ClerkError

FIXTURES = Path(__file__).parent / "fixtures" / "agendas"
REFERENCE = FIXTURES / "agenda-2022-03-14.txt"
REFERENCE_BYTES = REFERENCE.read_bytes()
BODY = "West Midlands Police and Crime Panel"

# (number, title, papers, approximate time, kind) for every row of the 14 March 2022 agenda.
EXPECTED_ITEMS = [
    ("1", "NOTICE OF RECORDING AND WEBCASTING", "none", "13:30", "notice-of-recording"),
    ("2", "APOLOGIES", "none", None, "apologies"),
    ("3", "PANEL MEMBERSHIP", "none", None, "membership"),
    ("4", "DECLARATIONS OF INTEREST (IF ANY)", "none", None, "declarations"),
    ("5", "PUBLIC QUESTION TIME", "none", "13:35", "public-questions"),
    ("6", "MINUTES AND LASTEST ACTION TRACKER", "Attached", "13:50", "previous-minutes"),
    (
        "7",
        "SIR DAVID THOMPSON QPM DL - CHIEF CONSTABLE WEST MIDLANDS POLICE",
        "none",
        "13:55",
        "report",
    ),
    ("8", "REBUILDING NEIGHBOURHOOD POLICING", "Attached", "14:30", "report"),
    (
        "9",
        "NATIONAL POLICING PRIORITIES AND POLICE AND CRIME PLAN SCORECARD",
        "Attached",
        "15:00",
        "report",
    ),
    ("10", "POLICE AND CRIME COMMISSIONER UPDATE AND KEY DECISIONS", "none", "15:30", "report"),
    (
        "11",
        "RECRUITMENT PLAN – WEST MIDLANDS POLICE CHIEF CONSTABLE",
        "Attached",
        "15:40",
        "report",
    ),
    (
        "12",
        "WEST MIDLANDS POLICE AND CRIME PANEL BUDGET 2022/23 AND EXPENDITURE 2021/22",
        "Attached",
        "15:45",
        "report",
    ),
    ("13", "ANNUAL REPORT OF COMPLAINT HANDLING", "To Follow", "15:50", "report"),
    ("14", "MEETING DATES 2022/2023 URGENT BUSINESS", "To Follow", "15:55", "urgent-business"),
]


def as_time(text: str | None) -> dt.time | None:
    return None if text is None else dt.time.fromisoformat(text)


def refusal(data: bytes | str, source: str = "agenda.txt") -> ClerkError:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(ClerkError) as info:
        parse_agenda(raw, source=source)
    error = info.value
    assert "\n" not in str(error), "an error is one line"
    return error


def reference_agenda() -> ImportedAgenda:
    return parse_agenda(REFERENCE_BYTES, source=REFERENCE.name)
