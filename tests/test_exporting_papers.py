"""The export desk against a real database: chapters, the agenda sheet and attendance register,
how people are named, and writing files (refused in words)."""

from __future__ import annotations

import os
from datetime import datetime, time
from pathlib import Path

import pytest
from sqlmodel import select

from clerk_tui import paths
from clerk_tui.desk import Desk
from clerk_tui.errors import ClerkError
from db import Database, models
from tests.test_exporting import (
    MARCH,
    NOVEMBER,
    meeting_id,
)

# --------------------------------------------------------------------------------------------
# Chapters, agenda, attendance.


def set_times(database: Database, meeting: int, start: str, item_starts: dict[str, str]) -> None:
    """Start ``meeting`` at ``start`` and its items numbered as keys at the given times."""
    with database.transaction() as session:
        row = session.get(models.Meeting, meeting)
        assert row is not None
        day = row.date

        def moment(hhmmss: str) -> datetime:
            return datetime.combine(day, time.fromisoformat(hhmmss))

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
                models.PersonVote(vote_id=vote.id or 0, person_id=people[name] or 0, choice=choice)
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
    with pytest.raises(
        ClerkError, match="minutes can be exported as docx, pdf, html, md or txt, not csv"
    ):
        demo_desk.papers.render_paper(march, "minutes", "csv")
    with pytest.raises(ClerkError, match="no paper called"):
        demo_desk.papers.render_paper(march, "budget", "md")
