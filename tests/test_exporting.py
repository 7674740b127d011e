"""The export desk against a real database: the demo's November 2021 meeting comes out as the
reference minutes, exempt content stays out of every public paper, chapters, file names,
errors, and the minutes' life (draft → approved → signed)."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import docx
import pytest
from sqlmodel import col, select

from clerk_tui.desk import Desk
from db import Database, models
from tests.export.reference_meeting import (
    ALSO_PRESENT,
    APOLOGIES,
    HEADING,
    HEADINGS,
    PRESENT,
    VOTE_616_SENTENCE,
)
from tests.export.test_text import normalised_reference

SENTINEL = "QUOKKA-EXEMPT-4471"
EXEMPT_TITLE = "Complaint against the Commissioner"
NOVEMBER = date(2021, 11, 29)
MARCH = date(2022, 3, 14)


# --------------------------------------------------------------------------------------------
# Helpers shared with the CLI and screen tests: rows written as seed data, straight through the
# models (the recording desks are other engineers' and not what is under test here).


def meeting_id(desk: Desk, on: date) -> int:
    return next(m.id for m in desk.agenda.meetings() if m.date == on)


def add_exempt_item(database: Database, meeting: int) -> int:
    """An exempt item taken at the end of ``meeting``, the sentinel in every record on it."""
    with database.transaction() as session:
        row = session.get(models.Meeting, meeting)
        assert row is not None
        items = session.exec(
            select(models.AgendaItem).where(models.AgendaItem.meeting_id == meeting)
        ).all()
        start = datetime.combine(row.date, time(15, 29))
        bradley = session.exec(
            select(models.Person).where(models.Person.full_name == "Paul Bradley")
        ).one()
        item = models.AgendaItem(
            meeting_id=meeting,
            body_id=row.body_id,
            position=max(i.position for i in items) + 1,
            number="15",
            title=EXEMPT_TITLE,
            description=f"Details of {SENTINEL}",
            kind="report",
            exempt=True,
            exempt_reason="paragraph 3 of Schedule 12A",
            state="taken",
            actual_start=start,
            actual_end=start.replace(minute=30),
            minute_number=max((i.minute_number or 0) for i in items) + 1 or 900,
            created_at=start,
        )
        session.add(item)
        session.flush()
        item_id = item.id or 0
        session.add(
            models.MinuteNote(
                item_id=item_id, position=0, text=f"Heard {SENTINEL}.", created_at=start
            )
        )
        session.add(
            models.MinuteNote(
                item_id=item_id,
                position=1,
                kind="bullet",
                text=f"Asked about {SENTINEL}.",
                created_at=start,
            )
        )
        vote = models.Vote(
            item_id=item_id,
            motion=f"On {SENTINEL}",
            for_count=1,
            present=1,
            membership=13,
            carried=True,
            outcome_text=f"The motion on {SENTINEL} was carried.",
            recorded_at=start,
        )
        session.add(vote)
        session.flush()
        session.add(
            models.PersonVote(vote_id=vote.id or 0, person_id=bradley.id or 0, choice="for")
        )
        parent = models.Resolution(
            item_id=item_id, position=0, text=f"That {SENTINEL} be noted:", created_at=start
        )
        session.add(parent)
        session.flush()
        session.add(
            models.Resolution(
                item_id=item_id,
                position=1,
                parent_id=parent.id,
                text=f"first {SENTINEL}",
                created_at=start,
            )
        )
        session.add(
            models.Declaration(
                meeting_id=meeting,
                item_id=item_id,
                person_id=bradley.id or 0,
                kind="disclosable-pecuniary",
                nature=f"a contract with {SENTINEL}",
                action="left-room",
                created_at=start,
            )
        )
    return item_id


def docx_text(data: bytes) -> str:
    """Every XML part of a .docx (body, headers, footers, properties), as one string."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(
            archive.read(name).decode("utf-8", "replace")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        )


def paper_text(data: bytes, fmt: str) -> str:
    if fmt == "pdf":
        from pypdf import PdfReader

        # Extracted words, joined as one line: a paper's lines wrap where the page ends.
        pages = PdfReader(io.BytesIO(data)).pages
        return " ".join(" ".join(page.extract_text().split()) for page in pages)
    return docx_text(data) if fmt == "docx" else data.decode("utf-8-sig")


ALL_PAPERS = (
    ("minutes", "docx"),
    ("minutes", "html"),
    ("minutes", "pdf"),
    ("minutes", "md"),
    ("minutes", "txt"),
    ("agenda", "md"),
    ("agenda", "docx"),
    ("agenda", "html"),
    ("agenda", "pdf"),
    ("attendance", "csv"),
    ("chapters", "txt"),
)


# --------------------------------------------------------------------------------------------
# The reference minutes, through the desk.


def test_november_text_is_the_reference_minutes(demo_desk: Desk) -> None:
    text = demo_desk.papers.render_paper(meeting_id(demo_desk, NOVEMBER), "minutes", "txt").decode()
    assert text == "DRAFT\n\n" + normalised_reference()


def test_november_text_structural_lines(demo_desk: Desk) -> None:
    text = demo_desk.papers.render_paper(meeting_id(demo_desk, NOVEMBER), "minutes", "txt").decode()
    lines = text.splitlines()
    assert lines[:3] == ["DRAFT", "", HEADING]
    start = lines.index("PRESENT: -")
    assert tuple(lines[start + 2 : start + 2 + len(PRESENT)]) == PRESENT
    start = lines.index("ALSO PRESENT: -")
    assert tuple(lines[start + 2 : start + 2 + len(ALSO_PRESENT)]) == ALSO_PRESENT
    assert tuple(line for line in lines if re.match(r"^6\d\d ", line)) == HEADINGS
    assert APOLOGIES in lines
    assert "Cllr Jones (Sandwell)" in APOLOGIES  # the demo's Ian Jones, by title and surname
    assert lines[lines.index("613 DECLARATIONS OF INTEREST") + 2] == "None declared."
    assert VOTE_616_SENTENCE in lines
    assert lines.count("RESOLVED: -") == 7
    at_617 = lines.index(HEADINGS[6])
    resolved = lines.index("RESOLVED: -", at_617)
    assert [line.split(" ")[0] for line in lines[resolved + 2 : resolved + 5]] == [
        "i.",
        "ii.",
        "iii.",
    ]
    # 622: the chair's closing words were recorded after its resolution, so follow RESOLVED.
    at_622 = lines.index(HEADINGS[-1])
    assert lines[at_622:] == [
        HEADINGS[-1],
        "",
        "RESOLVED: -",
        "",
        "That the Panel work programme be received and noted.",
        "",
        "Drawing the meeting to a close the Chair wished everyone a safe Christmas and happy "
        "New Year.",
        "",
        "The meeting ended at 15:30 hours",
        "",
        ".....",
        "",
        "CHAIR",
    ]


def test_november_docx_has_the_headings_and_resolutions(demo_desk: Desk) -> None:
    data = demo_desk.papers.render_paper(meeting_id(demo_desk, NOVEMBER), "minutes", "docx")
    document = docx.Document(io.BytesIO(data))
    styled = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert [t for s, t in styled if s == "Title"] == [HEADING]  # DRAFT: in the header (#14)
    assert [t for s, t in styled if s == "Heading 1"] == list(HEADINGS)
    texts = [t for _, t in styled]
    assert texts.count("RESOLVED: -") == 7
    resolved = texts.index("RESOLVED: -", texts.index(HEADINGS[6]))
    labelled = [t.split("\t") for t in texts[resolved + 1 : resolved + 4]]
    assert [label for label, _ in labelled] == ["i.", "ii.", "iii."]
    assert labelled[2][1] == (
        "Finalisation of the report be delegated to the Panel Chair in consultation with the "
        "Panel Lead Officer."
    )
    single = texts[texts.index("RESOLVED: -", texts.index(HEADINGS[3])) + 1]
    assert single == (
        "That the minutes of the meeting held on 18 October 2021 be confirmed as a correct record."
    )
    assert texts[-3:] == ["The meeting ended at 15:30 hours", "Chair\t", "Date\t"]  # #14


def test_markdown_minutes_say_draft_in_their_title(demo_desk: Desk) -> None:
    text = demo_desk.papers.render_paper(meeting_id(demo_desk, NOVEMBER), "minutes", "md").decode()
    assert text.startswith(f"**DRAFT**\n\n# {HEADING}\n")
    assert "## 617 PANEL INQUIRY INTO PUBLIC CONFIDENCE IN POLICING – UPDATE AND NEXT STEPS" in text


def test_preview_is_the_markdown_of_the_minutes(demo_desk: Desk) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    assert demo_desk.papers.preview(november, "minutes") == (
        demo_desk.papers.render_paper(november, "minutes", "md").decode()
    )


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_word_minutes(demo_desk: Desk, tmp_path: Path) -> None:
    written = demo_desk.papers.export_paper(
        meeting_id(demo_desk, NOVEMBER), "minutes", "docx", tmp_path
    )
    result = subprocess.run(
        ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
         str(written)],
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "pdf" / "Panel-2021-11-29-minutes.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")


# --------------------------------------------------------------------------------------------
# Exempt items.


@pytest.mark.parametrize(("what", "fmt"), ALL_PAPERS)
def test_exempt_content_is_in_no_public_paper(demo_desk: Desk, what: str, fmt: str) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    add_exempt_item(demo_desk.database, november)
    text = paper_text(demo_desk.papers.render_paper(november, what, fmt), fmt)
    assert SENTINEL not in text
    if what == "minutes":
        assert EXEMPT_TITLE.upper() in text  # the heading stays, with the exclusion
        assert "press and public be excluded" in text
        assert "paragraph 3 of Schedule 12A to the Local Government Act 1972" in text


@pytest.mark.parametrize(("what", "fmt"), [p for p in ALL_PAPERS if p[0] != "attendance"])
def test_exempt_content_is_in_the_papers_asked_for_with_it(
    demo_desk: Desk, what: str, fmt: str
) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    add_exempt_item(demo_desk.database, november)
    text = paper_text(demo_desk.papers.render_paper(november, what, fmt, include_exempt=True), fmt)
    if what == "chapters":
        assert EXEMPT_TITLE in text  # titles only: chapters carry no content
    else:
        assert SENTINEL in text
    if what == "minutes":
        assert "CONFIDENTIAL" in text


def test_exempt_declaration_in_public_minutes_keeps_no_nature(demo_desk: Desk) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    add_exempt_item(demo_desk.database, november)
    text = demo_desk.papers.render_paper(november, "minutes", "txt").decode()
    assert (
        "Cllr Bradley declared a disclosable pecuniary interest in Minute No. 623 and left the "
        "room during its consideration." in text
    )
    assert "None declared." not in text


def test_confidential_copy_is_named_so_only_when_there_is_exempt_content(demo_desk: Desk) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    name = demo_desk.papers.export_file_name(november, "minutes", "docx", include_exempt=True)
    assert name == "Panel-2021-11-29-minutes.docx"
    add_exempt_item(demo_desk.database, november)
    name = demo_desk.papers.export_file_name(november, "minutes", "docx", include_exempt=True)
    assert name == "Panel-2021-11-29-minutes-CONFIDENTIAL.docx"
    assert demo_desk.papers.export_file_name(
        november, "attendance", "csv", include_exempt=True
    ) == ("Panel-2021-11-29-attendance.csv")


# --------------------------------------------------------------------------------------------
# The minutes' life.


def add_minutes_resolution(database: Database, meeting: int, text: str) -> int:
    with database.transaction() as session:
        item = session.exec(
            select(models.AgendaItem).where(
                models.AgendaItem.meeting_id == meeting,
                models.AgendaItem.kind == "previous-minutes",
            )
        ).one()
        row = models.Resolution(
            item_id=item.id or 0, position=0, text=text, created_at=datetime.now()
        )
        session.add(row)
        session.flush()
        return row.id or 0


def audit_summaries(database: Database) -> list[str]:
    with database.session() as session:
        return list(
            session.exec(
                select(models.AuditEvent.summary).order_by(col(models.AuditEvent.id))
            ).all()
        )


CONFIRMING = (
    "That the minutes of the meeting held on 29 November 2021 be confirmed as a correct record"
)
