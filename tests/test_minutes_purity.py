"""The minutes' helpers, and the package's purity: standard library only, frozen records."""

from __future__ import annotations

import ast
import sys
from datetime import date, datetime, time
from pathlib import Path

import pytest

import clerk_tui.minutes as minutes_module
from clerk_tui.minutes import (
    AttendeeRecord,
    MeetingRecord,
    join_and,
    letter,
    long_date,
    minutes_of,
    roman,
)

# --- helpers and purity ----------------------------------------------------------------------


def test_helpers() -> None:
    assert join_and([]) == ""
    assert join_and(["a"]) == "a"
    assert join_and(["a", "b", "c"]) == "a, b and c"
    assert [roman(n) for n in (1, 2, 3, 4, 9, 14, 40)] == [
        "i",
        "ii",
        "iii",
        "iv",
        "ix",
        "xiv",
        "xl",
    ]
    assert [letter(n) for n in (1, 2, 26, 27)] == ["a", "b", "z", "aa"]
    assert long_date(date(2022, 3, 1)) == "1 March 2022"
    with pytest.raises(ValueError):
        roman(0)


def test_short_name_is_derived_from_title_and_surname() -> None:
    person = AttendeeRecord(name="Mick Brown", title="Cllr", capacity="member", status="present")
    assert person.reference == "Cllr Brown"
    assert person.display_name == "Cllr Mick Brown"


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    return imported


def _stdlib(name: str) -> bool:
    return name.split(".")[0] in set(sys.stdlib_module_names) | {"__future__"}


def test_minutes_modules_import_only_the_standard_library_and_the_meeting_views() -> None:
    """The pure core reads a stored meeting through its frozen views, nothing else of db; it
    refuses a body's wording in words (a ClerkError, of clerk_tui.errors)."""
    views = {"db.views", "db.meeting_snapshot"}
    package = Path(minutes_module.__file__).parent
    for module in package.glob("*.py"):
        for name in _imported(module):
            allowed = name.startswith("clerk_tui.minutes") or name in {*views, "clerk_tui.errors"}
            assert _stdlib(name) or allowed, (module.name, name)
    # ... and those views are themselves standard library only.
    for name in views:
        path = Path(minutes_module.__file__).parents[2] / (name.replace(".", "/") + ".py")
        assert {n for n in _imported(path) if not _stdlib(n)} <= views


def test_records_are_frozen() -> None:
    record = MeetingRecord(
        body_name="B", venue="V", date=date(2022, 1, 1), scheduled_start=time(10, 0)
    )
    with pytest.raises(AttributeError):
        record.venue = "W"  # type: ignore[misc]
    assert minutes_of(record).sections == ()
    assert isinstance(datetime.now(), datetime)
