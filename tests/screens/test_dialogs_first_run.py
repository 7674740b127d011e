"""Nothing typed is lost on the first run, through the pilot: a new body refused keeps its name,
and one recorded goes home. Also: an exempt action carried to the next meeting's minutes item
is marked EXEMPT there, and an agenda import's cautions reach the clerk as notifications."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from screens.dialogs.body import BodyDialog
from screens.home import HomeScreen
from screens.live import LiveScreen
from screens.widgets.item_minute import ItemMinute, plain_text
from tests.bad_inputs.exempt_actions import SECRET_ACTION, make_exempt
from tests.conftest import SIZE, FakeClock
from tests.screens.decision_harness import top_screen, type_text
from tests.screens.test_dialog_drafts import asked_to_discard, error_of

# ---- first run: a new body -----------------------------------------------------------------


async def test_a_new_body_refused_on_first_run_keeps_its_name(
    empty_path: Path, clock: FakeClock
) -> None:
    app = make_app(empty_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        welcome = app.screen
        assert type(welcome).__name__ == "WelcomeScreen"
        await pilot.press("b")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, BodyDialog)
        await type_text(pilot, "Audit Committee")
        await asked_to_discard(pilot)
        await pilot.press("n")
        empty_path.unlink()  # the database goes from under the app
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert top_screen(app) is dialog
        assert dialog.query_one(Input).value == "Audit Committee"
        assert error_of(dialog).startswith("Not recorded: the database can no longer be written")


async def test_a_new_body_on_first_run_goes_home(empty_path: Path, clock: FakeClock) -> None:
    app = make_app(empty_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        await type_text(pilot, "Audit Committee")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [b.name for b in app.desk.agenda.bodies()] == ["Audit Committee"]


# ---- exempt stays exempt on the next meeting's minutes item ----------------------------------


async def test_an_exempt_action_carried_forward_is_marked_on_the_minutes_item(
    demo_path: Path, clock: FakeClock
) -> None:
    make_exempt(demo_path)
    app = make_app(demo_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        march = next(m for m in app.desk.agenda.meetings() if m.date == date(2022, 3, 14))
        minutes = next(
            i for i in app.desk.agenda.meeting(march.id).items if i.kind == "previous-minutes"
        )
        await app.push_screen(LiveScreen(march.id, select_item=minutes.id))
        await pilot.pause()
        pane = app.screen.query_one(ItemMinute)
        lines = [plain_text(option.prompt) for option in pane.options]
        carried = lines[lines.index(next(x for x in lines if "CARRIED FORWARD" in x)) + 1 :]
        assert len(carried) == 7
        [secret] = [line for line in carried if SECRET_ACTION in line]
        assert secret.startswith("620 Nov 2021  EXEMPT " + SECRET_ACTION)
        assert [line for line in carried if "EXEMPT" in line] == [secret]


# ---- agenda import cautions ----------------------------------------------------------------

CAUTIONED = (
    "Panel – 1:30pm, 14 March 2022\n\nSupporting Document\tItem\tTopic\tApproximate time\n"
    "\t1\tAPOLOGIES\t13:30\n"
    "\t2\tLEISURE CONTRACT Report on the sale to a private company.\t13:35\n"
)


def cautions_told(app: ClerkApp) -> list[tuple[str, str, float]]:
    return [
        (n.message, n.severity, n.timeout)
        for n in app._notifications
        if "imported as not exempt" in n.message
    ]


def agenda_file(tmp_path: Path) -> Path:
    path = tmp_path / "agenda.txt"
    path.write_text(CAUTIONED, encoding="utf-8")
    return path


async def test_an_import_from_home_tells_its_cautions(demo_app: ClerkApp, tmp_path: Path) -> None:
    path = agenda_file(tmp_path)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.press(*str(path), "tab", "tab", *"2022-09-19", "enter")
        await pilot.pause()
        [(message, severity, timeout)] = cautions_told(demo_app)
        assert message.startswith("line 5: item 2 ") and "mentions 'private'" in message
        assert (severity, timeout) == ("warning", 15)


async def test_a_first_run_import_tells_its_cautions(
    empty_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    path = agenda_file(tmp_path)
    app = make_app(empty_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i", *str(path), "enter")
        await pilot.pause()
        [(message, severity, _)] = cautions_told(app)
        assert message.startswith("line 5: item 2 ") and severity == "warning"
        assert "check whether item 2 is exempt" in " ".join(n.message for n in app._notifications)
