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

from clerk_tui import paths
from clerk_tui.desk import Desk
from clerk_tui.desk.minutes_life import dates_in
from clerk_tui.errors import ClerkError
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
    return docx_text(data) if fmt == "docx" else data.decode("utf-8-sig")


ALL_PAPERS = (
    ("minutes", "docx"),
    ("minutes", "md"),
    ("minutes", "txt"),
    ("agenda", "md"),
    ("agenda", "docx"),
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
    assert [t for s, t in styled if s == "Title"] == ["DRAFT", HEADING]
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
    assert texts[-3:] == ["The meeting ended at 15:30 hours", ".....", "CHAIR"]


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
# Chapters, agenda, attendance.


def set_times(database: Database, meeting: int, start: str, item_starts: dict[str, str]) -> None:
    """Start ``meeting`` at ``start`` and its items numbered as keys at the given times."""
    with database.transaction() as session:
        row = session.get(models.Meeting, meeting)
        assert row is not None
        moment = lambda hhmmss: datetime.combine(row.date, time.fromisoformat(hhmmss))  # noqa: E731
        row.status, row.actual_start = "live", moment(start)
        session.add(row)
        for item in session.exec(
            select(models.AgendaItem).where(models.AgendaItem.meeting_id == meeting)
        ).all():
            if item.number in item_starts:
                item.state, item.actual_start = "taken", moment(item_starts[item.number])
                session.add(item)


def test_chapters_of_a_meeting_with_set_times(demo_desk: Desk) -> None:
    march = meeting_id(demo_desk, MARCH)
    set_times(
        demo_desk.database,
        march,
        "13:31:10",
        {"1": "13:31:10", "2": "13:33:00", "6": "13:52:45", "7": "14:05:00", "8": "15:47:30"},
    )
    assert demo_desk.papers.render_paper(march, "chapters", "txt").decode() == (
        "00:00:00 NOTICE OF RECORDING AND WEBCASTING\n"
        "00:01:50 APOLOGIES\n"
        "00:21:35 MINUTES AND LASTEST ACTION TRACKER\n"
        "00:33:50 SIR DAVID THOMPSON QPM DL - CHIEF CONSTABLE WEST MIDLANDS POLICE\n"
        "02:16:20 REBUILDING NEIGHBOURHOOD POLICING\n"
    )


def test_chapters_of_november_follow_the_actual_starts(demo_desk: Desk) -> None:
    text = demo_desk.papers.render_paper(
        meeting_id(demo_desk, NOVEMBER), "chapters", "txt"
    ).decode()
    lines = text.splitlines()
    assert len(lines) == 12
    assert lines[0] == "00:00:00 NOTICE OF RECORDING"
    assert lines[-1] == "01:28:00 PANEL WORK PROGRAMME 2021/2022"


def test_agenda_sheet_of_march(demo_desk: Desk) -> None:
    text = demo_desk.papers.render_paper(meeting_id(demo_desk, MARCH), "agenda", "md").decode()
    assert text.startswith("# West Midlands Police and Crime Panel – 1:30pm, 14 March 2022\n")
    assert "| Attached | 6 | **MINUTES AND LASTEST ACTION TRACKER**" in text
    assert "| To Follow | 13 | **ANNUAL REPORT OF COMPLAINT HANDLING**" in text
    assert "Contact Officer: Sarah Fradgley" in text


def test_attendance_register_of_november(demo_desk: Desk) -> None:
    text = demo_desk.papers.render_paper(meeting_id(demo_desk, NOVEMBER), "attendance", "csv")
    rows = text.decode("utf-8-sig").splitlines()
    assert rows[0] == "Name,Capacity,Represents / Role,Substitute for,Status,Arrived,Left"
    assert "Cllr Ian Jones,Member,Sandwell,,Apologies,," in rows
    assert "Kevin O’Keefe,Officer,Panel Lead Officer,,Apologies,," in rows


# --------------------------------------------------------------------------------------------
# How people are named, and what follows the resolutions.


def test_names_in_votes_and_shared_surnames(demo_desk: Desk) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    with demo_desk.database.transaction() as session:
        body_id = session.exec(select(models.Body.id)).one()
        other = models.Person(title="Cllr", full_name="Sarah Brown", created_at=datetime.now())
        session.add(other)
        session.flush()
        session.add(
            models.Attendance(
                meeting_id=november,
                person_id=other.id or 0,
                capacity="substitute",
                status="present",
                represents="Sandwell",
                substitute_for_id=session.exec(
                    select(models.Person.id).where(models.Person.full_name == "Ian Jones")
                ).one(),
                arrived_at=datetime(2021, 11, 29, 14, 25),
                created_at=datetime.now(),
            )
        )
        item = session.exec(
            select(models.AgendaItem).where(
                models.AgendaItem.meeting_id == november, models.AgendaItem.minute_number == 619
            )
        ).one()
        vote = models.Vote(
            item_id=item.id or 0,
            motion="That it be noted",
            method="recorded",
            for_count=2,
            against_count=1,
            present=10,
            membership=13,
            carried=True,
            outcome_text="The motion was carried.",
            recorded_at=datetime(2021, 11, 29, 15, 0),
        )
        session.add(vote)
        session.flush()
        people = dict(session.exec(select(models.Person.full_name, models.Person.id)).all())
        for name, choice in (
            ("Mick Brown", "for"),
            ("Sarah Brown", "for"),
            ("Abdul Khan", "against"),
        ):
            session.add(
                models.PersonVote(vote_id=vote.id or 0, person_id=people[name], choice=choice)
            )
        assert body_id
    text = demo_desk.papers.render_paper(november, "minutes", "txt").decode()
    # Two Cllr Browns at the meeting: each is named in full; Cllr Khan alone keeps the short form.
    assert "For: Cllr Mick Brown, Cllr Sarah Brown\nAgainst: Cllr Khan\nAbstained: None" in text
    assert "Cllr Sarah Brown – Sandwell (substitute for Cllr Jones)" in text
    # Arrived at 14:25, during item 7 (minute 617, 14:20 to 14:27).
    section = text.split("617 PANEL INQUIRY")[1].split("618 ")[0]
    assert "Cllr Sarah Brown joined the meeting during this item." in section


def test_a_note_recorded_after_the_resolution_follows_it(demo_desk: Desk) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    with demo_desk.database.transaction() as session:
        item = session.exec(
            select(models.AgendaItem).where(models.AgendaItem.minute_number == 619)
        ).one()
        session.add(
            models.MinuteNote(
                item_id=item.id or 0,
                position=10,
                text="The Chair thanked the Commissioner.",
                created_at=datetime(2021, 11, 29, 15, 5),  # after its resolution (14:59)
            )
        )
    text = demo_desk.papers.render_paper(november, "minutes", "txt").decode()
    section = text.split("619 POLICE AND CRIME COMMISSIONER")[1].split("620 ")[0]
    assert section.index("RESOLVED: -") < section.index("The Chair thanked the Commissioner.")


# --------------------------------------------------------------------------------------------
# Writing files, and refusing in words.


def test_default_export_goes_to_the_documents_folder(demo_desk: Desk) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    assert not paths.documents_dir().exists()
    written = demo_desk.papers.export_paper(november, "minutes", "docx")
    assert written == paths.documents_dir() / "Panel-2021-11-29-minutes.docx"
    assert written.read_bytes()[:2] == b"PK"


def test_export_into_a_folder_names_the_file(demo_desk: Desk, tmp_path: Path) -> None:
    written = demo_desk.papers.export_paper(
        meeting_id(demo_desk, MARCH), "agenda", "docx", tmp_path
    )
    assert written == tmp_path / "Panel-2022-03-14-agenda.docx"


def test_missing_folder_is_refused_and_nothing_written(demo_desk: Desk, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "minutes.docx"
    with pytest.raises(ClerkError, match="does not exist"):
        demo_desk.papers.export_paper(meeting_id(demo_desk, NOVEMBER), "minutes", "docx", target)
    assert not target.parent.exists()
    assert not [p for p in tmp_path.rglob("*") if "minutes" in p.name]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_unwritable_folder_is_refused(demo_desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    with pytest.raises(ClerkError, match="not writable"):
        demo_desk.papers.export_paper(
            meeting_id(demo_desk, NOVEMBER), "minutes", "docx", folder / "m.docx"
        )
    assert list(folder.iterdir()) == []


def test_a_file_as_folder_is_refused(demo_desk: Desk, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ClerkError, match="not a folder"):
        demo_desk.papers.export_paper(
            meeting_id(demo_desk, NOVEMBER), "minutes", "md", blocker / "m.md"
        )


def test_errors_in_words(demo_desk: Desk) -> None:
    march = meeting_id(demo_desk, MARCH)
    with pytest.raises(ClerkError, match="never started"):
        demo_desk.papers.render_paper(march, "chapters", "txt")
    with pytest.raises(ClerkError, match="has not started, so it has no minutes yet"):
        demo_desk.papers.render_paper(march, "minutes", "docx")
    with pytest.raises(ClerkError, match="there is no meeting 999"):
        demo_desk.papers.render_paper(999, "minutes", "docx")
    with pytest.raises(ClerkError, match="minutes can be exported as docx, md or txt, not csv"):
        demo_desk.papers.render_paper(march, "minutes", "csv")
    with pytest.raises(ClerkError, match="no paper called"):
        demo_desk.papers.render_paper(march, "budget", "md")


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


def test_marking_a_resolution_approves_the_previous_minutes(demo_desk: Desk) -> None:
    november, march = meeting_id(demo_desk, NOVEMBER), meeting_id(demo_desk, MARCH)
    resolution = add_minutes_resolution(demo_desk.database, march, "That the minutes be agreed")
    state = demo_desk.papers.mark_confirmation(resolution)
    assert (state.meeting_id, state.minutes_status) == (november, "approved")
    assert state.approved_at_meeting_id == march
    assert demo_desk.papers.minutes_state(november).minutes_status == "approved"
    assert audit_summaries(demo_desk.database)[-2:] == [
        "resolution confirms the minutes of 29 November 2021",
        "minutes of 29 November 2021 approved at the meeting of 14 March 2022",
    ]
    text = demo_desk.papers.render_paper(november, "minutes", "txt").decode()
    assert text.startswith(HEADING)  # approved: no longer a draft


def test_confirmation_is_recognised_from_its_words(demo_desk: Desk) -> None:
    november, march = meeting_id(demo_desk, NOVEMBER), meeting_id(demo_desk, MARCH)
    resolution = add_minutes_resolution(demo_desk.database, march, CONFIRMING)
    (approved,) = demo_desk.papers.recognise_confirmations(march)
    assert (approved.meeting_id, approved.minutes_status) == (november, "approved")
    with demo_desk.database.session() as session:
        row = session.get(models.Resolution, resolution)
        assert row is not None and row.confirms_minutes_of_id == november
    assert demo_desk.papers.recognise_confirmations(march) == ()  # once is enough


def test_a_resolution_naming_an_unknown_meeting_approves_nothing(demo_desk: Desk) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    # The demo's own minute 614 confirms 18 October 2021, a meeting not in the database.
    assert demo_desk.papers.recognise_confirmations(november) == ()
    march = meeting_id(demo_desk, MARCH)
    add_minutes_resolution(
        demo_desk.database,
        march,
        "That the minutes of the meeting held on 31 January 2022 be confirmed as a correct record",
    )
    assert demo_desk.papers.recognise_confirmations(march) == ()
    assert demo_desk.papers.minutes_state(november).minutes_status == "draft"


def test_signing_needs_approval_first(demo_desk: Desk) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    before = audit_summaries(demo_desk.database)
    with pytest.raises(ClerkError, match="still a draft"):
        demo_desk.papers.sign_minutes(november)
    assert demo_desk.papers.minutes_state(november).minutes_status == "draft"
    assert audit_summaries(demo_desk.database) == before


def test_signing_recognises_an_unmarked_confirmation(demo_desk: Desk) -> None:
    november, march = meeting_id(demo_desk, NOVEMBER), meeting_id(demo_desk, MARCH)
    add_minutes_resolution(demo_desk.database, march, CONFIRMING)
    state = demo_desk.papers.sign_minutes(november)
    assert (state.minutes_status, state.signed_on) == ("signed", date(2022, 3, 14))  # the clock
    assert state.words == "Minutes of 29 November 2021: signed on 14 March 2022"
    assert audit_summaries(demo_desk.database)[-3:] == [
        "resolution recognised as confirming the minutes",
        "minutes of 29 November 2021 approved at the meeting of 14 March 2022",
        "minutes of 29 November 2021 signed",
    ]
    with pytest.raises(ClerkError, match="were signed on 14 March 2022"):
        demo_desk.papers.sign_minutes(november)


def test_approve_by_hand_and_refusals(demo_desk: Desk) -> None:
    november, march = meeting_id(demo_desk, NOVEMBER), meeting_id(demo_desk, MARCH)
    with pytest.raises(ClerkError, match="has not been closed"):
        demo_desk.papers.approve_minutes(march)
    with pytest.raises(ClerkError, match="cannot confirm its own minutes"):
        demo_desk.papers.approve_minutes(november, at_meeting_id=november)
    state = demo_desk.papers.approve_minutes(november)
    assert state.minutes_status == "approved"
    with pytest.raises(ClerkError, match="already approved"):
        demo_desk.papers.approve_minutes(november)
    with pytest.raises(ClerkError, match="before their meeting"):
        demo_desk.papers.sign_minutes(november, on=date(2021, 11, 1))
    assert demo_desk.papers.sign_minutes(november, on=date(2022, 1, 31)).signed_on == date(
        2022, 1, 31
    )


def test_dates_named_in_a_resolution() -> None:
    assert dates_in("held on 29 November 2021 and 31st January, 2022") == [
        date(2021, 11, 29),
        date(2022, 1, 31),
    ]
    assert dates_in("of 2021-11-29 and 31/01/2022") == [date(2021, 11, 29), date(2022, 1, 31)]
    assert dates_in("31 February 2022 and no date") == []


def test_a_confirming_resolution_approves_the_previous_minutes(demo_desk) -> None:  # type: ignore[no-untyped-def]
    from clerk_tui.desk.decisions import ResolutionFields

    march = next(m for m in demo_desk.agenda.meetings() if m.status == "planned")
    item = next(i for i in demo_desk.agenda.meeting(march.id).items if i.kind == "previous-minutes")
    demo_desk.chamber.start_item(march.id, item.id)
    demo_desk.decisions.add_resolution(
        item.id,
        ResolutionFields(
            "That the minutes of the meeting held on 29 November 2021 be confirmed as a correct "
            "record."
        ),
    )
    november = next(m for m in demo_desk.agenda.meetings() if m.date.year == 2021)
    assert november.minutes_status == "approved"
    demo_desk.undo.undo_last(march.id)  # the resolution and the approval go back together
    november = next(m for m in demo_desk.agenda.meetings() if m.date.year == 2021)
    assert november.minutes_status == "draft"
