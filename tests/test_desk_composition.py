"""The Desk by composition: a small root whose services load when first used, so a start-up
imports only what its first screen needs (issue 12). Each check runs in a fresh interpreter,
where nothing else has imported a service yet."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from clerk_tui.desk import Desk
from db import open_database

SERVICES = (
    "agenda",
    "members",
    "chamber",
    "attendance",
    "decisions",
    "sentences",
    "undo",
    "tracker",
    "papers",
    "backups",
)
# What a start-up must not load before a clerk asks for it: every service, the renderers and
# python-docx behind the exports, the agenda importer.
HEAVY = ("clerk_tui.export.", "clerk_tui.agenda_import", "docx", "lxml")


def loaded_after(tmp_path: Path, code: str) -> list[str]:
    """The modules of clerk_tui, docx and lxml loaded once ``code`` has run on a Desk."""
    program = f"""
import json, sys
from db import open_database
from clerk_tui.desk import Desk
desk = Desk(open_database(sys.argv[1]))
{code}
print(json.dumps(sorted(m for m in sys.modules if m.startswith(("clerk_tui", "docx", "lxml")))))
"""
    run = subprocess.run(
        [sys.executable, "-c", program, str(tmp_path / "clerk.db")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return list(json.loads(run.stdout))


def test_building_a_desk_loads_no_service_export_or_importer(tmp_path: Path) -> None:
    loaded = loaded_after(tmp_path, "desk.now(); desk.failure; desk.database; desk.clock")
    services = [m for m in loaded if m.removeprefix("clerk_tui.desk.") in SERVICES]
    assert services == []
    assert [m for m in loaded if m.startswith(HEAVY)] == []


def test_a_service_loads_alone_on_first_use(tmp_path: Path) -> None:
    loaded = loaded_after(tmp_path, "desk.agenda.bodies()")
    services = [m for m in loaded if m.removeprefix("clerk_tui.desk.") in SERVICES]
    assert services == ["clerk_tui.desk.agenda"]
    assert [m for m in loaded if m.startswith(HEAVY)] == []


def test_each_service_is_made_once_over_the_one_store(tmp_path: Path) -> None:
    desk = Desk(open_database(tmp_path / "clerk.db"))
    try:
        for name in SERVICES:
            service = getattr(desk, name)
            assert getattr(desk, name) is service, name
            assert service.store is desk.store, name
    finally:
        desk.database.close()
