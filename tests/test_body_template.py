"""A body's own Word template (desk.papers): its bytes kept in the database (they travel with
it and its backups), set and cleared in one audited clerk action each, the default of every
Word export of the body's meetings; a file that is no Word file refused in one line with
nothing kept."""

from __future__ import annotations

import json
import os
from pathlib import Path

import docx
import pytest
from sqlmodel import col, select

from clerk_tui.desk import Desk
from clerk_tui.desk.templates import MAX_TEMPLATE_BYTES
from clerk_tui.errors import ClerkError
from db import models, open_database
from tests.test_decisions import rows
from tests.test_exporting import NOVEMBER, meeting_id


def word_file(path: Path, text: str = "council") -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


@pytest.fixture
def body(demo_desk: Desk) -> int:
    return demo_desk.agenda.meeting(meeting_id(demo_desk, NOVEMBER)).body.id


def test_a_template_is_kept_as_bytes_and_is_every_word_exports_default(
    demo_desk: Desk, body: int, tmp_path: Path
) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    assert demo_desk.papers.body_template(body) is None
    assert demo_desk.papers.default_template_name(november) is None
    assert demo_desk.papers.template_bytes(november, None) is None
    template = word_file(tmp_path / "Council minutes.docx")
    shown = demo_desk.papers.set_body_template(body, template)
    assert (shown.file_name, shown.size) == ("Council minutes.docx", template.stat().st_size)
    assert shown.set_at == demo_desk.now()
    data = template.read_bytes()
    template.unlink()  # the database has its own copy: the file is not needed again
    assert demo_desk.papers.default_template_name(november) == "Council minutes.docx"
    assert demo_desk.papers.template_bytes(november, None) == data
    assert demo_desk.papers.template_bytes(november, "") is None  # the house style asked for
    other = word_file(tmp_path / "other.docx", "another")
    assert demo_desk.papers.template_bytes(november, other) == other.read_bytes()


def test_the_template_survives_closing_and_reopening(
    demo_desk: Desk, demo_path: Path, body: int, tmp_path: Path
) -> None:
    template = word_file(tmp_path / "council.docx")
    demo_desk.papers.set_body_template(body, template)
    demo_desk.database.close()
    database = open_database(demo_path)
    try:
        again = Desk(database)
        assert again.papers.body_template(body) is not None
        november = meeting_id(again, NOVEMBER)
        assert again.papers.template_bytes(november, None) == template.read_bytes()
    finally:
        database.close()


def test_set_replace_and_clear_are_one_audited_action_each(
    demo_desk: Desk, body: int, tmp_path: Path
) -> None:
    first = word_file(tmp_path / "first.docx", "one")
    second = word_file(tmp_path / "second.docx", "two")
    demo_desk.papers.set_body_template(body, first)
    demo_desk.papers.set_body_template(body, first)  # the same file again: nothing to record
    demo_desk.papers.set_body_template(body, second)
    assert [r["file_name"] for r in rows(demo_desk, models.BodyTemplate)] == ["second.docx"]
    demo_desk.papers.clear_body_template(body)
    demo_desk.papers.clear_body_template(body)  # none left: nothing to record
    assert rows(demo_desk, models.BodyTemplate) == []
    assert demo_desk.papers.body_template(body) is None
    with demo_desk.store.reading() as session:
        events = session.exec(
            select(models.AuditEvent)
            .where(models.AuditEvent.entity == "bodytemplate")
            .order_by(col(models.AuditEvent.id))
        ).all()
    assert [e.op for e in events] == ["create", "update", "delete"]
    assert len({e.group_id for e in events}) == 3
    assert "second.docx" in events[1].summary
    # The audit tells the bytes by their digest, not by a second copy of the file.
    after = json.loads(events[1].after or "{}")
    assert after["data"].startswith("sha256:") and after["size"] == second.stat().st_size


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_text("not Word\n"), "(.docx): it is not a zip archive"),
        (lambda p: p.write_bytes(b""), "is not a Word file (.docx): it is empty"),
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: os.mkfifo(p), "is a pipe (FIFO)"),
        (lambda p: None, "does not exist"),
        (lambda p: p.symlink_to(p), "its links go round in a loop"),
        (lambda p: p.symlink_to("/dev/null"), "is a device or a socket"),  # stat only
    ],
)
def test_a_file_that_is_no_word_file_is_refused_and_nothing_kept(
    demo_desk: Desk, body: int, tmp_path: Path, make: object, words: str
) -> None:
    target = tmp_path / "council.docx"
    make(target)  # type: ignore[operator]
    audit_before = rows(demo_desk, models.AuditEvent)
    with pytest.raises(ClerkError) as refused:
        demo_desk.papers.set_body_template(body, target)
    assert words in str(refused.value) and "council.docx" in str(refused.value)
    assert "\n" not in str(refused.value)
    assert rows(demo_desk, models.BodyTemplate) == []
    assert rows(demo_desk, models.AuditEvent) == audit_before


def test_a_file_over_20_mb_is_refused_unread(demo_desk: Desk, body: int, tmp_path: Path) -> None:
    big = tmp_path / "huge.docx"
    with big.open("wb") as file:
        file.truncate(MAX_TEMPLATE_BYTES + 1)  # sparse: nothing to read if it were read
    with pytest.raises(ClerkError, match=r"huge.docx is too large .* at most 20 MB"):
        demo_desk.papers.set_body_template(body, big)
    assert rows(demo_desk, models.BodyTemplate) == []


def test_no_file_named_and_no_such_body_are_refused(demo_desk: Desk, tmp_path: Path) -> None:
    with pytest.raises(ClerkError, match="the file name is empty"):
        demo_desk.papers.set_body_template(1, "  ")
    with pytest.raises(ClerkError, match="there is no body 999"):
        demo_desk.papers.set_body_template(999, word_file(tmp_path / "a.docx"))
    with pytest.raises(ClerkError, match="no body 999"):
        demo_desk.papers.body_template(999)


def test_the_body_details_carry_the_template_in_the_same_action(
    demo_desk: Desk, tmp_path: Path
) -> None:
    from clerk_tui.desk import BodyFields

    bad = tmp_path / "bad.docx"
    bad.write_text("no\n")
    bodies = len(demo_desk.agenda.bodies())
    with pytest.raises(ClerkError, match=r"bad\.docx is not a Word file"):
        demo_desk.agenda.create_body(BodyFields("Audit Committee", template=str(bad)))
    assert len(demo_desk.agenda.bodies()) == bodies  # nothing made: one action refused whole
    good = word_file(tmp_path / "audit.docx")
    made = demo_desk.agenda.create_body(BodyFields("Audit Committee", template=str(good)))
    shown = demo_desk.papers.body_template(made.id)
    assert shown is not None and shown.file_name == "audit.docx"
    demo_desk.agenda.update_body(made.id, BodyFields("Audit Committee", short_name="Audit"))
    assert demo_desk.papers.body_template(made.id) == shown  # None: kept as it is
    demo_desk.agenda.update_body(made.id, BodyFields("Audit Committee", template=""))
    assert demo_desk.papers.body_template(made.id) is None
