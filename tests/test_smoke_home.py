from clerk_tui.app import ClerkApp
from tests.conftest import SIZE


async def test_home_lists_the_demo_meetings_newest_first(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = demo_app.screen.query_one("#meetings")
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert [r[0] for r in rows] == ["Mon 14 Mar 2022", "Mon 29 Nov 2021"]
        assert rows[1][3] == "closed"
