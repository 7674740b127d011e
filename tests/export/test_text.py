"""Plain text minutes: the reference's layout, line for line."""

from __future__ import annotations

import re
from dataclasses import replace

from clerk_tui.export.text import render_text
from clerk_tui.minutes import Minutes, minutes_of
from tests.export.conftest import reference_file
from tests.export.reference_meeting import (
    ALSO_PRESENT,
    APOLOGIES,
    HEADING,
    HEADINGS,
    PRESENT,
    VOTE_616_SENTENCE,
    reference_meeting,
)

# The reference as its house style means it, its slips of conversion and typing undone:
NORMALISE = (
    # page breaks inside a paragraph and inside the first bullet
    ("It was\n\nfurther noted", "It was further noted"),
    ("for its services.\n\n- The Panel discussed", "for its services.\n- The Panel discussed"),
    ("approach to\n\npromoting", "approach to promoting"),
    # an authority takes an en dash, a member's role a hyphen; spaces around dashes
    ("Cllr Abdul Khan - Coventry", "Cllr Abdul Khan – Coventry"),
    ("Cllr Waheed Rasab - Walsall", "Cllr Waheed Rasab – Walsall"),
    ("Lionel Walker – Independent Member", "Lionel Walker - Independent Member"),
    ("Jonathan Jardine –Chief", "Jonathan Jardine – Chief"),
    ("Sarah Fradgley– Panel", "Sarah Fradgley – Panel"),
    # the last resolution ends with a full stop (621 ii and 622 lack theirs)
    ("decision for the West Midlands\n", "decision for the West Midlands.\n"),
    ("be received and noted\n", "be received and noted.\n"),
)
# The conversion to text made the numbered resolutions "- i. **That ...**".
RESOLUTION_ARTEFACT = re.compile(r"^- ([ivx]+\.) (?:\*\*)?(.*?)(?:\*\*)?$", re.MULTILINE)


def normalised_reference() -> str:
    text = reference_file("minutes-2021-11-29.txt").read_text(encoding="utf-8")
    text = RESOLUTION_ARTEFACT.sub(r"\1 \2", text)
    for old, new in NORMALISE:
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_text_is_the_reference_word_for_word(minutes: Minutes) -> None:
    assert render_text(minutes) == "DRAFT\n\n" + normalised_reference()


def test_text_structural_lines(minutes: Minutes) -> None:
    lines = render_text(minutes).splitlines()
    assert lines[:3] == ["DRAFT", "", HEADING]
    start = lines.index("PRESENT: -")
    assert lines[start + 1] == ""
    assert tuple(lines[start + 2 : start + 2 + len(PRESENT)]) == PRESENT
    start = lines.index("ALSO PRESENT: -")
    assert tuple(lines[start + 2 : start + 2 + len(ALSO_PRESENT)]) == ALSO_PRESENT
    headings = [line for line in lines if re.match(r"^6\d\d ", line)]
    assert tuple(headings) == HEADINGS
    assert APOLOGIES in lines
    assert lines[lines.index("613 DECLARATIONS OF INTEREST") + 2] == "None declared."
    assert VOTE_616_SENTENCE in lines
    assert lines.count("RESOLVED: -") == 7
    at_617 = lines.index(HEADINGS[6])
    resolved = lines.index("RESOLVED: -", at_617)
    assert [line[:4] for line in lines[resolved + 2 : resolved + 5]] == ["i. T", "ii. ", "iii."]
    assert lines[resolved + 5] == ""
    assert lines[-5:] == ["The meeting ended at 15:30 hours", "", ".....", "", "CHAIR"]


def test_approved_minutes_have_no_draft_line() -> None:
    record = replace(reference_meeting(), minutes_status="approved")
    assert render_text(minutes_of(record)).startswith(HEADING + "\n\nPRESENT: -\n")


def test_sub_points_are_indented_under_their_resolution() -> None:
    from clerk_tui.minutes import ResolutionRecord

    record = reference_meeting()
    items = tuple(
        replace(
            i,
            resolutions=(
                ResolutionRecord("That the Panel:", children=("note it;", "thank him; and")),
                ResolutionRecord("That it end."),
            ),
        )
        if i.minute_number == 622
        else i
        for i in record.items
    )
    text = render_text(minutes_of(replace(record, items=items)))
    assert "i. That the Panel:\n    a. note it;\n    b. thank him; and\nii. That it end.\n" in text
