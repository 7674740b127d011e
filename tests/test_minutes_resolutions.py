"""Resolutions in the minutes: numbering, lettering and endings of PRODUCT.md §5."""

from __future__ import annotations

import pytest

from clerk_tui.minutes import (
    Minutes,
    NumberedResolution,
    ResolutionRecord,
    Resolved,
    SubPoint,
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


def test_joining_punctuation_added_where_the_clerk_left_it_out(minutes: Minutes) -> None:
    got = resolved(section(minutes, 617)).resolutions
    assert [r.label for r in got] == ["i.", "ii.", "iii."]
    assert got[0].text.endswith("inquiry report be noted;")
    assert got[1].text.endswith("to make final comments; and")
    assert got[2].text.endswith("the Panel Lead Officer.")


def test_joining_punctuation_typed_by_the_clerk_is_left_alone(minutes: Minutes) -> None:
    got = resolved(section(minutes, 618)).resolutions
    assert got[0].text.endswith("Annual Report 2020-2021 be received; and")
    assert not got[0].text.endswith("; and; and")
    got = resolved(section(minutes, 620)).resolutions
    assert got[0].text == "That the report be noted;"
    assert got[1].text.endswith("on performance monitoring; and")
    assert got[2].text.endswith("Belonging Plan and Recruitment.")


def test_last_resolution_gets_its_full_stop(minutes: Minutes) -> None:
    assert resolved(section(minutes, 621)).resolutions[-1].text.endswith("the West Midlands.")
    assert resolved(section(minutes, 622)).resolutions == (
        NumberedResolution("", "That the Panel work programme be received and noted."),
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (["A", "B"], ["A; and", "B."]),
        (["A.", "B,", "C"], ["A;", "B; and", "C."]),
        (["A;", "B; and", "C."], ["A;", "B; and", "C."]),
        (["A", "B and", "C!"], ["A;", "B and", "C!"]),
        (["A", "B; or", "C;"], ["A;", "B; or", "C."]),
        (["A", "", "B"], ["A; and", "B."]),
    ],
)
def test_number_resolutions_endings(typed: list[str], expected: list[str]) -> None:
    got = number_resolutions([ResolutionRecord(t) for t in typed]).resolutions
    assert [r.text for r in got] == expected
    assert [r.label for r in got] == [f"{roman(n + 1)}." for n in range(len(expected))]


def test_sub_points_are_lettered_and_the_last_takes_the_ending() -> None:
    got = number_resolutions(
        [
            ResolutionRecord("That the Panel:", children=("note the report", "thank the PCC")),
            ResolutionRecord("That the matter be closed"),
        ]
    ).resolutions
    assert got[0] == NumberedResolution(
        "i.",
        "That the Panel:",
        (SubPoint("a.", "note the report;"), SubPoint("b.", "thank the PCC; and")),
    )
    assert got[1] == NumberedResolution("ii.", "That the matter be closed.")


def test_no_resolutions_no_block(minutes: Minutes) -> None:
    assert not any(isinstance(b, Resolved) for b in section(minutes, 611).blocks)


def test_a_point_ending_in_a_colon_introduces_what_follows_and_is_left_as_typed() -> None:
    typed = ["That the board notes:", "the report:", "the plan:", "the budget:"]
    said = [r.text for r in number_resolutions([ResolutionRecord(t) for t in typed]).resolutions]
    assert said == typed


def test_a_comma_typed_at_the_end_of_a_point_becomes_its_ending() -> None:
    typed = ["That A be noted,", "That B be noted,", "That C be noted,"]
    said = [r.text for r in number_resolutions([ResolutionRecord(t) for t in typed]).resolutions]
    assert said == ["That A be noted;", "That B be noted; and", "That C be noted."]


def test_there_is_no_roman_numeral_or_letter_below_one() -> None:
    with pytest.raises(ValueError, match="no roman numeral for 0"):
        roman(0)
    with pytest.raises(ValueError, match="no letter for 0"):
        letter(0)
