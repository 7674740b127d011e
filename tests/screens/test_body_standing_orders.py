"""The body's standing orders in its details (issue 15), by keys through the pilot: e on Home,
shift+tab to the tick box "amendments to amendments allowed", space, shift+tab to the speaking
time, 2:30, enter — the database holds both; then the debate accepts an amendment to an
amendment and a new speaker is given 2:30. Opened again the dialog shows what is stored (0 for
no limit); a blank, a word or over an hour is refused in one line the clerk can see, nothing
kept; and the same keys typed in a burst as the dialog opens reach it. At 80x24 and
140x45."""

from __future__ import annotations

import re

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input

from clerk_tui.app import ClerkApp
from clerk_tui.desk.debate_fields import MotionFields, SpeakerFields
from screens.dialogs.body import BodyDialog
from tests.conftest import FakeClock
from tests.screens.decision_harness import set_room, type_text
from tests.screens.test_markup_text import on_screen
from tests.screens.test_type_ahead import key_event, post, settled
from tests.test_decisions import person_id

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((140, 45), id="140x45")]


def dialog_words(app: ClerkApp) -> str:
    """The words inside the dialog's frame as the clerk reads them, its wrapped lines joined
    (the scroll bar's glyphs, at the lines' right-hand end, taken out)."""
    lines = on_screen(app).splitlines()
    inside = [line[line.index("█") + 1 : line.rindex("█")] for line in lines if line.count("█") > 1]
    return " ".join(re.sub("[\u2580-\u259f]", " ", " ".join(inside)).split())


async def open_details(pilot: Pilot[int]) -> BodyDialog:
    await pilot.press("e")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, BodyDialog)
    return dialog


@pytest.mark.parametrize("size", SIZES)
async def test_standing_orders_set_by_keys_govern_the_debate(
    demo_app: ClerkApp, clock: FakeClock, size: tuple[int, int]
) -> None:
    desk = demo_app.desk
    async with demo_app.run_test(size=size) as pilot:
        await pilot.pause()
        room = set_room(desk, clock)  # members present, item 8 running
        body = desk.agenda.bodies()[0].id
        dialog = await open_details(pilot)
        assert dialog.query_one("#body-speaking_time", Input).value == "3:00"
        # The tick box last, the speaking time above it: both a shift+tab or two from the name.
        await pilot.press("shift+tab", "space", "shift+tab")
        assert dialog.query_one("#body-nested_amendments", Checkbox).value
        assert dialog.focused is dialog.query_one("#body-speaking_time", Input)
        await type_text(pilot, "2:30")  # the field's words selected as it takes the focus
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(demo_app.screen, BodyDialog)
        stored = desk.agenda.body(body)
        assert (stored.nested_amendments, stored.speaking_time) == (True, 150)

        motion = desk.debate.move_motion(
            room,
            MotionFields(
                "That the Panel endorse the precept.",
                person_id(desk, "Paul Bradley"),
                person_id(desk, "Mick Brown"),
            ),
        )
        outer = desk.debate.move_motion(
            room,
            MotionFields(
                "to add “in full”",
                person_id(desk, "Abdul Khan"),
                person_id(desk, "Suky Samra"),
                amends_id=motion.id,
            ),
        )
        inner = desk.debate.move_motion(
            room,
            MotionFields(
                "to delete “in full”",
                person_id(desk, "Waheed Rasab"),
                person_id(desk, "Suky Samra"),
                amends_id=outer.id,
            ),
        )
        assert inner.amends_id == outer.id
        speaker = desk.speakers.add_speaker(room, SpeakerFields("Mr Xavier Hale"))
        assert speaker.time_limit == 150

        # Opened again, the details show what is stored.
        dialog = await open_details(pilot)
        assert dialog.query_one("#body-speaking_time", Input).value == "2:30"
        assert dialog.query_one("#body-nested_amendments", Checkbox).value
        await pilot.press("shift+tab", "space", "shift+tab", "0", "enter")
        await pilot.pause()
        stored = desk.agenda.body(body)
        assert (stored.nested_amendments, stored.speaking_time) == (False, 0)
        dialog = await open_details(pilot)
        assert dialog.query_one("#body-speaking_time", Input).value == "0"
        assert "Speaking time 0" in dialog_words(demo_app)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("", "speaking time: give minutes (3) or minutes:seconds (2:30), or 0 for no limit"),
        ("three", "speaking time: a time limit is minutes (3) or minutes:seconds (2:30)"),
        ("90", "speaking time: 90 minutes is more than an hour"),
    ],
)
async def test_a_speaking_time_refused_is_seen_with_nothing_kept(
    demo_app: ClerkApp, size: tuple[int, int], typed: str, words: str
) -> None:
    desk = demo_app.desk
    async with demo_app.run_test(size=size) as pilot:
        await pilot.pause()
        before = desk.agenda.bodies()[0]
        dialog = await open_details(pilot)
        dialog.query_one("#body-contact_name", Input).value = "Jane Clerk"
        await pilot.press("shift+tab", "space", "shift+tab", "backspace")
        await type_text(pilot, typed)
        await pilot.press("enter")
        await pilot.pause()
        assert demo_app.screen is dialog
        assert words in dialog_words(demo_app)  # beside the fields, scrolled into view
        assert desk.agenda.body(before.id) == before  # neither the tick nor the name kept


@pytest.mark.parametrize("size", SIZES)
async def test_keys_typed_as_the_dialog_opens_reach_its_standing_orders(
    demo_app: ClerkApp, size: tuple[int, int]
) -> None:
    """A burst from Home, as the terminal sends it: e and every key after it queued before
    the dialog has drawn (the App keeps them for it, the tick box's space included)."""
    async with demo_app.run_test(size=size) as pilot:
        await pilot.pause()
        body = demo_app.desk.agenda.bodies()[0].id
        keys = ["e", "shift+tab", "space", "shift+tab", *"2:30", "enter"]
        post(demo_app, *[key_event(name) for name in keys])
        await settled(pilot)
        assert not isinstance(demo_app.screen, BodyDialog)
        stored = demo_app.desk.agenda.body(body)
        assert (stored.nested_amendments, stored.speaking_time) == (True, 150)
