"""Markdown minutes: headings, banners, lists with literal roman labels, escaping."""

from __future__ import annotations

from dataclasses import replace

from clerk_tui.export.markdown import render_markdown
from clerk_tui.export.markdown_util import md_escape, md_table
from clerk_tui.minutes import Minutes, NoteRecord, minutes_of
from tests.export.reference_meeting import HEADING, HEADINGS, PRESENT, reference_meeting


def test_markdown_structure(minutes: Minutes) -> None:
    text = render_markdown(minutes)
    lines = text.splitlines()
    assert lines[0] == "**DRAFT**"
    assert f"# {HEADING}" in lines
    assert [line[3:] for line in lines if line.startswith("## ")] == list(HEADINGS)
    for line in PRESENT:
        assert f"- {line}" in lines
    assert "**RESOLVED: -**" in lines
    assert "- i. That the report be noted;" in lines
    assert "- ii. That the report be noted; and" not in lines
    assert (
        "- iii. The OPCC be invited to feedback to a future meeting on communications and "
        "publicity plans in relation to the Fairness and Belonging Plan and Recruitment." in lines
    )
    assert "That the Panel work programme be received and noted." in lines
    assert lines[-1] == "**CHAIR**"
    assert "The meeting ended at 15:30 hours" in lines
    assert "CONFIDENTIAL" not in text


def test_markdown_of_approved_minutes_has_no_draft_banner() -> None:
    text = render_markdown(minutes_of(replace(reference_meeting(), minutes_status="approved")))
    assert text.startswith(f"# {HEADING}\n")


def test_clerk_text_is_not_read_as_markdown() -> None:
    record = reference_meeting()
    note = NoteRecord("paragraph", "# not a heading *nor* _this_ <b>x</b> [link](y)")
    items = tuple(replace(i, notes=(note,)) if i.minute_number == 611 else i for i in record.items)
    text = render_markdown(minutes_of(replace(record, items=items)))
    assert r"\# not a heading \*nor\* \_this\_ \<b>x\</b> \[link\](y)" in text


def test_md_escape_line_starts() -> None:
    assert md_escape("1. one") == r"1\. one"
    assert md_escape("- dash") == r"\- dash"
    assert md_escape("> quote") == r"\> quote"
    assert md_escape("a - b") == "a - b"
    assert md_escape("a|b\nc", table=True) == r"a\|b<br>c"


def test_md_table() -> None:
    assert md_table(["A", "B"], [["1", "x|y"]]) == "| A | B |\n| --- | --- |\n| 1 | x\\|y |"
