"""Exempt items in the minutes: what public and confidential minutes say of them."""

from __future__ import annotations

import pytest

from clerk_tui.minutes import (
    Minutes,
    Paragraph,
    exclusion_sentence,
    minutes_of,
)
from tests.export.exempt_meeting import SENTINEL, exempt_meeting
from tests.export.reference_meeting import (
    reference_meeting,
)
from tests.minutes_support import section, texts


@pytest.fixture
def minutes() -> Minutes:
    return minutes_of(reference_meeting())


# --- exempt items ----------------------------------------------------------------------------


def test_exempt_item_in_public_minutes_is_heading_and_exclusion_only() -> None:
    built = minutes_of(exempt_meeting())
    sec = section(built, 623)
    assert sec.heading == "623 COMPLAINT AGAINST THE COMMISSIONER"
    assert sec.exempt and not sec.confidential
    assert sec.blocks == (
        Paragraph(
            "Resolved that the press and public be excluded from the meeting for this item on the "
            "grounds that it involves the likely disclosure of exempt information as defined in "
            "paragraph 3 of Schedule 12A to the Local Government Act 1972."
        ),
        # Who came and went is not exempt content: it stays in the public minutes.
        Paragraph("Cllr Samra left the meeting at 15:29 hours."),
    )
    assert built.confidential is False
    assert SENTINEL not in repr(built)
    # The declarations on it are still declared in public, without their nature.
    assert texts(section(built, 613)) == [
        "Cllr Brown declared a disclosable pecuniary interest in Minute No. 623 and left the "
        "room during its consideration.",
        "Cllr Samra declared an interest in Minute No. 623.",
    ]


def test_exempt_item_with_exempt_content_is_confidential() -> None:
    built = minutes_of(exempt_meeting(), include_exempt=True)
    sec = section(built, 623)
    assert built.confidential is True
    assert sec.confidential is True
    assert SENTINEL in repr(sec)
    assert "Cllr Samra left the meeting at 15:29 hours." in texts(sec)
    assert texts(sec)[0].startswith("Resolved that the press and public be excluded")


def test_include_exempt_without_exempt_items_is_not_confidential(minutes: Minutes) -> None:
    assert minutes_of(reference_meeting(), include_exempt=True).confidential is False


@pytest.mark.parametrize(
    ("reason", "ground"),
    [
        ("", "Schedule 12A to the Local Government Act 1972"),
        ("paragraph 1 of Schedule 12A.",
         "paragraph 1 of Schedule 12A to the Local Government Act 1972"),
        ("section 100A(4) of the Local Government Act 1972",
         "section 100A(4) of the Local Government Act 1972"),
    ],
)  # fmt: skip
def test_exclusion_reason(reason: str, ground: str) -> None:
    assert exclusion_sentence(reason).endswith(f"as defined in {ground}.")
