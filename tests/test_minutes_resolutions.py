"""Resolutions in the minutes: numbering, lettering and endings of PRODUCT.md §5."""

from __future__ import annotations

import pytest

from clerk_tui.minutes import (
    Minutes,
    NumberedResolution,
    ResolutionRecord,
    Resolved,
    SubPoint,
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
