"""Resolutions in the minutes: numbering, lettering and endings of PRODUCT.md §5."""

from __future__ import annotations

import pytest

from clerk_tui.minutes import (
    Minutes,
    NumberedResolution,
    ResolutionRecord,
    Resolved,
    SubPoint,
    end_with,
    letter,
    minutes_of,
    number_resolutions,
    roman,
)
from tests.export.reference_meeting import (
    reference_meeting,
)
from tests.minutes_support import resolved, section


@pytest.fixture
def minutes() -> Minutes:
    return minutes_of(reference_meeting())


# --- resolutions -----------------------------------------------------------------------------


def test_single_resolution_stands_alone(minutes: Minutes) -> None:
    assert resolved(section(minutes, 614)).resolutions == (
        NumberedResolution(
            "",
            "That the minutes of the meeting held on 18 October 2021 be confirmed as a correct "
            "record.",
        ),
    )


def test_resolutions_are_numbered_and_printed_as_typed(minutes: Minutes) -> None:
    got = resolved(section(minutes, 617)).resolutions
    assert [r.label for r in got] == ["i.", "ii.", "iii."]
    assert got[0].text.endswith("inquiry report be noted;")
    assert got[1].text.endswith("to make final comments; and")
    assert got[2].text.endswith("the Panel Lead Officer.")
    got = resolved(section(minutes, 620)).resolutions
    assert got[0].text == "That the report be noted;"


def test_last_resolution_keeps_the_full_stop_the_clerk_typed(minutes: Minutes) -> None:
    assert resolved(section(minutes, 621)).resolutions[-1].text.endswith("the West Midlands.")
    assert resolved(section(minutes, 622)).resolutions == (
        NumberedResolution("", "That the Panel work programme be received and noted."),
    )


@pytest.mark.parametrize(
    "typed",
    [
        ["That A be noted", "That B be noted"],  # no joiners: none added
        ["A.", "B,", "C"],  # a stop and a comma mid-list: not rewritten
        ["A;", "B; and", "C."],
        ["That the accounts for 2021/2022.", "be approved"],
        ["A", "B; or", "C;"],
        ["That the board notes:", "the report:", "the plan:"],
    ],
)
def test_number_resolutions_prints_the_words_as_typed(typed: list[str]) -> None:
    got = number_resolutions([ResolutionRecord(t) for t in typed]).resolutions
    assert [r.text for r in got] == typed
    assert [r.label for r in got] == [f"{roman(n + 1)}." for n in range(len(typed))]


def test_an_empty_resolution_is_left_out_of_the_numbering() -> None:
    got = number_resolutions([ResolutionRecord(t) for t in ["A", "", "B"]]).resolutions
    assert [(r.label, r.text) for r in got] == [("i.", "A"), ("ii.", "B")]


def test_sub_points_are_lettered_and_printed_as_typed() -> None:
    got = number_resolutions(
        [
            ResolutionRecord("That the Panel:", children=("note the report", "thank the PCC")),
            ResolutionRecord("That the matter be closed"),
        ]
    ).resolutions
    assert got[0] == NumberedResolution(
        "i.",
        "That the Panel:",
        (SubPoint("a.", "note the report"), SubPoint("b.", "thank the PCC")),
    )
    assert got[1] == NumberedResolution("ii.", "That the matter be closed")


def test_no_resolutions_no_block(minutes: Minutes) -> None:
    assert not any(isinstance(b, Resolved) for b in section(minutes, 611).blocks)


def test_there_is_no_roman_numeral_or_letter_below_one() -> None:
    with pytest.raises(ValueError, match="no roman numeral for 0"):
        roman(0)
    with pytest.raises(ValueError, match="no letter for 0"):
        letter(0)


@pytest.mark.parametrize(
    ("typed", "ending", "expected"),
    [
        ("That A be noted", "; and", "That A be noted; and"),
        ("That A be noted.", "; and", "That A be noted; and"),
        ("That A be noted; and ", ";", "That A be noted;"),
        ("That A be noted;", ".", "That A be noted."),
        ("That the accounts 2021/2022", ".", "That the accounts 2021/2022."),
        ("", ".", ""),
    ],
)
def test_the_dialogs_endings_replace_the_one_typed(typed: str, ending: str, expected: str) -> None:
    assert end_with(typed, ending) == expected
