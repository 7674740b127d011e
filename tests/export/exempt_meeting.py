"""The reference meeting with an exempt item 623 whose every record carries a sentinel."""

from __future__ import annotations

from dataclasses import replace

from clerk_tui.minutes import (
    DeclarationRecord,
    ItemRecord,
    MeetingRecord,
    NoteRecord,
    ResolutionRecord,
    VoteRecord,
)
from tests.export.reference_meeting import at, reference_meeting

SENTINEL = "ZEBRA-EXEMPT-7731"
EXEMPT_TITLE = "Complaint Against the Commissioner"
EXEMPT_REASON = "paragraph 3 of Schedule 12A"


def exempt_meeting() -> MeetingRecord:
    base = reference_meeting()
    exempt = ItemRecord(
        id=40,
        number="14",
        title=EXEMPT_TITLE,
        kind="report",
        state="taken",
        minute_number=623,
        exempt=True,
        exempt_reason=EXEMPT_REASON,
        actual_start=at("15:28"),
        actual_end=at("15:29"),
        notes=(
            NoteRecord("paragraph", f"The Panel heard the details of {SENTINEL}."),
            NoteRecord("bullet", f"A point about {SENTINEL}."),
            NoteRecord("paragraph", f"Closing words on {SENTINEL}.", after_resolutions=True),
        ),
        declarations=(
            DeclarationRecord(
                "Cllr Brown",
                "disclosable-pecuniary",
                nature=f"a contract with {SENTINEL}",
                action="left-room",
            ),
            DeclarationRecord(
                "Cllr Samra", "other", nature="", action=f"asked about {SENTINEL} first"
            ),
        ),
        votes=(
            VoteRecord(
                f"The motion on {SENTINEL} was carried.",
                for_names=(f"Cllr {SENTINEL}",),
                against_names=("Cllr Khan",),
                inquorate=True,
            ),
        ),
        resolutions=(
            ResolutionRecord(f"That {SENTINEL} be noted", children=(f"first {SENTINEL}",)),
            ResolutionRecord("That the complaint be referred"),
        ),
    )
    members = tuple(
        replace(a, left_item_id=40, left_at=at("15:29")) if a.name == "Suky Samra" else a
        for a in base.attendees
    )
    return replace(base, items=(*base.items, exempt), attendees=members)
