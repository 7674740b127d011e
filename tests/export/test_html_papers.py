"""HTML papers through their public entry points: the action tracker and the agenda sheet as
pages of tables, and the demo's November minutes through the desk (the file a clerk writes,
exempt items kept out of the public copy), converted by LibreOffice where it is installed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from clerk_tui.desk import Desk
from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.html import render_agenda_html, render_tracker_html
from clerk_tui.export.tracker import ActionRow
from tests.export.html_parse import Tags, parse, words
from tests.export.reference_meeting import HEADING, HEADINGS
from tests.export.test_agenda_sheet import HEADER_LINES, SHEET
from tests.export.test_tracker import HEADER, reference_rows
from tests.test_exporting import (
    EXEMPT_TITLE,
    NOVEMBER,
    SENTINEL,
    add_exempt_item,
    meeting_id,
)
from tests.test_tracker import body_id

BODY = "West Midlands Police and Crime Panel"


def tracker_page(rows: list[ActionRow]) -> str:
    return render_tracker_html(
        rows,
        DocumentInfo(f"{BODY} – Action Tracker", BODY),
        body_name=BODY,
        as_of=date(2022, 3, 14),
    )


def test_tracker_is_two_tables_under_their_headings() -> None:
    page = tracker_page(reference_rows())
    root = parse(page)
    assert [words(h) for h in root.iter("h1")] == [f"{BODY} – Action Tracker"]
    assert "Date 14 March 2022" in [words(p) for p in root.iter("p")]
    assert [words(h) for h in root.iter("h2")] == ["Outstanding Actions", "Completed Actions"]
    outstanding, completed = root.iter("table")
    for table, count in ((outstanding, 7), (completed, 6)):
        heads = table.findall("thead/tr/th")
        assert [words(th) for th in heads] == HEADER
        assert {th.get("scope") for th in heads} == {"col"}
        assert len(table.findall("tbody/tr")) == count
        assert [c.get("class") for c in table.findall("colgroup/col")] == ["narrow"] * 2 + [
            None
        ] * 2
    assert [words(td) for td in completed.findall("tbody/tr")[1]] == [
        "594",
        "July 2021",
        "The Panel Office present a report on the process for applying to the Secretary of "
        "State to appoint a third independent co-opted member.",
        "Completed: Presented 18 October 2021",
    ]
    assert "@page { size: A4 landscape;" in page
    assert "CONFIDENTIAL" not in page
    assert Tags(page).mismatched == []


def test_tracker_group_without_actions_says_none() -> None:
    root = parse(tracker_page([ActionRow(1, "Nov 2021", "x", status="completed")]))
    h2 = list(root.iter("h2"))
    main = root.find("body/main")
    assert main is not None
    children = list(main)
    after = children[children.index(h2[0]) + 1]
    assert (after.tag, words(after)) == ("p", "None.")
    assert len(list(root.iter("table"))) == 1


def test_tracker_confidential_copy_marks_exempt_actions() -> None:
    rows = [
        ActionRow(623, "Nov 2021", f"Report on {SENTINEL}", exempt=True),
        ActionRow(611, "Nov 2021", "Public action"),
    ]
    root = parse(tracker_page(rows))
    header = root.find("body/header")
    assert header is not None
    assert words(header).strip() == "CONFIDENTIAL — contains exempt information"
    actions = [words(tr[2]) for tr in root.iter("tr") if tr[0].tag == "td"]
    assert actions == [f"EXEMPT – Report on {SENTINEL}", "Public action"]


def test_tracker_through_the_desk(demo_desk: Desk, tmp_path: Path) -> None:
    path = demo_desk.tracker.export_tracker(body_id(demo_desk), "html", tmp_path / "t.html")
    root = parse(path.read_text(encoding="utf-8"))
    assert root.get("lang") == "en-GB"
    assert [words(h) for h in root.iter("h2")] == ["Outstanding Actions", "Completed Actions"]
    assert len(list(root.iter("table"))) >= 1


def test_agenda_sheet_heading_lines_and_table() -> None:
    page = render_agenda_html(SHEET)
    root = parse(page)
    assert words(root.find("head/title")) == HEADER_LINES[0]
    main = root.find("body/main")
    assert main is not None
    assert [words(e) for e in main if e.tag in ("h1", "p", "h2")] == HEADER_LINES
    assert [e.tag for e in main] == ["h1", *["p"] * 6, "h2", "table"]
    (table,) = main.iter("table")
    assert [words(th) for th in table.iter("th")] == [
        "Supporting Document", "Item", "Topic", "Approximate time",
    ]  # fmt: skip
    rows = table.findall("tbody/tr")
    assert len(rows) == len(SHEET.items)
    papers, number, topic, when = rows[2]
    assert (words(papers), words(number), words(when)) == ("Attached", "6", "13:50")
    assert [words(p) for p in topic.findall("p")] == [
        "MINUTES AND LASTEST ACTION TRACKER",
        "To confirm the following minutes and note the latest Action Tracker",
    ]
    assert topic.find("p/strong") is not None
    assert words(rows[4][2]).endswith(
        "paragraph 3 of Schedule 12A to the Local Government Act 1972."
    )
    # The livestream's address is shown, not linked: the page loads and links nothing.
    assert not [a for _, attrs in Tags(page).starts for a in attrs if a in ("src", "href")]


def test_november_minutes_through_the_desk(demo_desk: Desk) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    data = demo_desk.papers.render_paper(november, "minutes", "html")
    root = parse(data.decode("utf-8"))
    assert [words(h) for h in root.iter("h1")] == [HEADING]
    assert [words(h) for h in root.iter("h2")] == list(HEADINGS)
    assert words(root.find("head/title")) == f"DRAFT {HEADING}"
    metas = {m.get("name"): m.get("content") for m in root.iter("meta") if m.get("name")}
    assert metas["description"] == BODY


def test_demo_public_minutes_keep_exempt_matter_out(demo_desk: Desk) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    add_exempt_item(demo_desk.database, november)
    public = demo_desk.papers.render_paper(november, "minutes", "html").decode("utf-8")
    assert SENTINEL not in public and "CONFIDENTIAL" not in public
    assert EXEMPT_TITLE.upper() in [words(h)[4:] for h in parse(public).iter("h2")]
    private = demo_desk.papers.render_paper(november, "minutes", "html", include_exempt=True)
    assert SENTINEL in private.decode("utf-8")
    assert "CONFIDENTIAL" in words(parse(private.decode("utf-8")).find("body/header"))


def pdf_titles(pdf: bytes) -> list[str]:
    """The /Title strings of a PDF LibreOffice wrote (UTF-16 hex): its outline's entries."""
    return [
        bytes.fromhex(h.decode()).decode("utf-16") for h in re.findall(rb"/Title<([0-9A-F]+)>", pdf)
    ]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_the_html_minutes_on_a4(demo_desk: Desk, tmp_path: Path) -> None:
    written = demo_desk.papers.export_paper(
        meeting_id(demo_desk, NOVEMBER), "minutes", "html", tmp_path / "minutes.html"
    )
    # Writer's own HTML import: Writer/Web's (the default for .html) leaves the first
    # paragraph out of its PDF (LibreOffice 7.4), a fault of that filter, not of the page.
    result = subprocess.run(
        ["soffice", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), str(written)],
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    pdf = (tmp_path / "pdf" / "minutes.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(boxes) >= 4  # the November minutes run to several pages
    assert {(round(float(w)), round(float(h))) for w, h in boxes} == {(595, 842)}  # A4, points
    # The headings are the document's structure: the PDF's outline lists each minute.
    titles = pdf_titles(pdf)
    assert HEADING in titles and f"DRAFT {HEADING}" in titles
    assert [t for t in titles if t in HEADINGS] == list(HEADINGS)
