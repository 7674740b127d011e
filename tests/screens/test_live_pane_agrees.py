"""Through the pilot: a meeting run by keys (attendance with an apology, items started, one
deferred, a note, a bullet, a resolution with a sub-point, a late arrival, a declaration made
during one item for a later one), then every item selected in turn on the live screen: the
record pane shows, in words, what the exported minutes print under that item."""

from __future__ import annotations

from pathlib import Path

from clerk_tui.cli import make_app
from screens.widgets.item_minute import ItemMinute
from tests.conftest import SIZE, FakeClock
from tests.screens.test_live import live_screen, run_meeting, select_item
from tests.screens.test_live_snapshots import march  # noqa: F401  (the fixture)
from tests.test_pane_agrees import minutes_words, option_words


async def test_every_item_on_screen_reads_as_its_minutes_section(
    demo_path: Path,
    clock: FakeClock,
    march: int,  # noqa: F811
) -> None:
    app = make_app(demo_path, clock=clock, start_meeting=march)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", "p", "p", "a", "p", "p", "n")  # one apology among them
        await pilot.press("escape")
        await run_meeting(pilot, clock)  # item 7 running since 13:58
        for keys in (("m", *"Members asked about 101 calls", "ctrl+s"),
                     ("m", "ctrl+b", *"Response times", "ctrl+s"),
                     ("r", *"That the Panel:", "ctrl+s"),
                     ("r", *"note the report", "ctrl+s")):  # fmt: skip
            await pilot.press(*[{" ": "space"}.get(k, k) for k in keys])
            await pilot.pause()
        clock.set("14:03")
        await pilot.press("a")
        app.screen.query_one("#roster").move_cursor(row=6)  # type: ignore[attr-defined]
        await pilot.press("l", "escape")
        screen = live_screen(app)
        assert screen.view is not None
        people = {a.person.full_name: a.person.id for a in screen.view.roster}
        later = next(line.item.id for line in screen.view.lines if line.item.number == "9")
        app.desk.attendance.declare(
            march,
            later,
            people["Paul Bradley"],
            kind="other-registrable",
            nature="a member of the West Midlands Combined Authority",
            action="spoke-and-voted",
        )
        screen.refresh_live()
        await pilot.pause()

        # End the meeting (its numbers become final): the selected item is then the current
        # one, so the clerk reads each item's minute by moving down the agenda.
        clock.set("14:40")
        await pilot.press("e")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.view.closed
        compared = []
        for line in screen.view.lines:
            await select_item(pilot, line.item.number)
            assert screen.current_item_id == line.item.id
            said = minutes_words(app.desk, line.item.id, march)
            if said is not None:
                assert option_words(app.screen.query_one(ItemMinute).options) == said, line.item
                compared.append(said)
        assert len(compared) == 6  # items 1-5 and 7; 6 was deferred, 8 on never taken
        joined = " ".join(compared)
        assert "Apologies for non-attendance were received on behalf of" in joined
        assert "Cllr Bradley declared an other registrable interest in item 9" in joined
        assert "Cllr Khan joined the meeting during this item." in joined
        assert "Members asked about 101 calls Response times" in joined
        assert "RESOLVED: - That the Panel:" in joined
