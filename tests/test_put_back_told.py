"""A database an interrupted restore left set aside is put back at the next start, and the
clerk is told: by the app (a notification) and on the command line (one line on stderr)."""

from __future__ import annotations

from pathlib import Path

from clerk_tui.cli import make_app
from tests.bad_inputs.corpus import fingerprint, run_clerk
from tests.conftest import SIZE, FakeClock


def _set_aside(demo_path: Path) -> Path:
    """The state a restore killed just after its first rename leaves: no database."""
    aside = demo_path.with_name(f"{demo_path.name}.replaced-20261201-101500")
    demo_path.rename(aside)
    return aside


async def test_the_app_tells_the_clerk_the_database_was_put_back(
    demo_path: Path, clock: FakeClock
) -> None:
    before = fingerprint(demo_path.parent)[demo_path.name]
    _set_aside(demo_path)
    app = make_app(demo_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        told = [n for n in app._notifications if n.title == "Database put back"]
        assert len(told) == 1
        assert "put back" in told[0].message
        assert app.desk.agenda.bodies()  # the clerk's records, not an empty new database
    assert fingerprint(demo_path.parent)[demo_path.name] == before


def test_a_command_says_so_in_one_line(demo_path: Path, tmp_path: Path) -> None:
    _set_aside(demo_path)
    agenda = tmp_path / "agenda.csv"
    agenda.write_text("number,title\n1,Apologies\n2,Minutes of the last meeting\n", "utf-8")
    result = run_clerk(
        "--db",
        str(demo_path),
        "import-agenda",
        str(agenda),
        "--body",
        "Panel",
        "--date",
        "2030-01-07",
        "--time",
        "14:00",
    )
    assert result.returncode == 0, result.stderr
    put_back = [line for line in result.stderr.splitlines() if "put back" in line]
    assert len(put_back) == 1 and put_back[0].startswith("clerk-tui: ")
    assert demo_path.is_file()
