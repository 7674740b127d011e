"""The clerk's words, kept (issue 13): resolutions recorded through the Desk on a real SQLite
file come out of every export — text, Markdown, Word — exactly as typed, with no joining
punctuation added and no final stop rewritten."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from clerk_tui.desk import Desk
from clerk_tui.desk.decisions import ResolutionFields
from tests.conftest import FakeClock
from tests.test_decisions import seat, start

# As a clerk types them: the first without joiner, the second with a stop mid-list, the last
# with none. Plain words: Markdown has nothing of these to escape.
TYPED = (
    "That the report be noted",
    "That the accounts for 2021/2022.",
    "That the Commissioner’s reply be awaited; or",
    "That the matter be closed",
)
SUB_POINTS = ("consult the users", "report back by March 2023.")


@pytest.fixture
def room(demo_desk: Desk, clock: FakeClock) -> int:
    """Nine members present and item 8 of 14 March 2022 running (its id)."""
    seat(demo_desk)
    clock.set("14:30")
    return start(demo_desk, "8")


def _record(desk: Desk, item: int) -> None:
    for text in TYPED:
        desk.decisions.add_resolution(item, ResolutionFields(text))
    parent = desk.decisions.add_resolution(item, ResolutionFields("That officers:"))
    for text in SUB_POINTS:
        desk.decisions.add_resolution(item, ResolutionFields(text, parent_id=parent.id))


def _export(desk: Desk, fmt: str, tmp_path: Path) -> Path:
    meeting = desk.agenda.meeting(desk.decisions.item_minute(_item(desk)).item.meeting_id)
    return desk.papers.export_paper(meeting.id, "minutes", fmt, tmp_path / f"minutes.{fmt}")


def _item(desk: Desk) -> int:
    meeting = next(m for m in desk.agenda.meetings() if m.date.isoformat() == "2022-03-14")
    return next(i.id for i in desk.agenda.meeting(meeting.id).items if i.number == "8")


def _expected_lines() -> list[str]:
    labels = ("i.", "ii.", "iii.", "iv.")
    lines = [f"{label} {text}" for label, text in zip(labels, TYPED, strict=True)]
    lines.append("v. That officers:")
    lines += [f"a. {SUB_POINTS[0]}", f"b. {SUB_POINTS[1]}"]
    return lines


def test_the_text_export_prints_each_resolution_as_typed(
    demo_desk: Desk, room: int, tmp_path: Path
) -> None:
    _record(demo_desk, room)
    lines = [line.strip() for line in _export(demo_desk, "txt", tmp_path).read_text().split("\n")]
    at = lines.index("i. That the report be noted")
    assert lines[at : at + 7] == _expected_lines()


def test_the_markdown_export_prints_each_resolution_as_typed(
    demo_desk: Desk, room: int, tmp_path: Path
) -> None:
    _record(demo_desk, room)
    text = _export(demo_desk, "md", tmp_path).read_text(encoding="utf-8")
    lines = [line.strip().removeprefix("- ") for line in text.split("\n")]
    at = lines.index("i. That the report be noted")
    assert lines[at : at + 7] == _expected_lines()


def test_the_word_export_prints_each_resolution_as_typed(
    demo_desk: Desk, room: int, tmp_path: Path
) -> None:
    _record(demo_desk, room)
    document = docx.Document(str(_export(demo_desk, "docx", tmp_path)))
    paragraphs = [p.text for p in document.paragraphs]
    # A list paragraph is its label, a tab, then exactly the words typed.
    at = paragraphs.index("i.\tThat the report be noted")
    assert paragraphs[at : at + 7] == [line.replace(" ", "\t", 1) for line in _expected_lines()]
