"""The motion dialog and the debate dialog (M on the live screen), each opened on an item's debate
made by hand: the words first, mover and seconder found from part of a name, the
recommendations moved as printed with one key, and the rules of order refused in words."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from textual.widgets import Input, OptionList, Static

from clerk_tui.app import ClerkApp
from clerk_tui.desk.debate_fields import AS_PRINTED, DebateSetup, MotionFields, MotionView
from clerk_tui.rules import MotionFact
from db.views import PersonView
from screens.dialogs.motion import DebateDialog, MotionDialog
from screens.dialogs.motion_parts import MemberInput, WordsArea, find_members
from tests.screens.decision_harness import type_text

SIZES = [(80, 24), (140, 45)]
JONES = PersonView(3, "Cllr", "Alan Jones", "")
BRADLEY = PersonView(1, "Cllr", "Paul Bradley", "")
MEMBERS = (("Cllr Paul Bradley", 1), ("Cllr Mick Brown", 2), ("Cllr Alan Jones", 3),
           ("Kristina Murphy", 4))  # fmt: skip


def motion(
    id: int,
    text: str,
    *,
    amends: int | None = None,
    state: str = "moved",
    substantive: str = "",
) -> MotionView:
    return MotionView(
        id=id,
        item_id=8,
        position=id,
        kind="amendment" if amends else "motion",
        amends_id=amends,
        text=text,
        substantive_text=substantive,
        as_printed=False,
        state=state,
        created_at=datetime(2022, 3, 14, 14, 40),
        mover=JONES,
        seconder=BRADLEY,
    )


def debate(*motions: MotionView, next_to_vote: int | None = None) -> DebateSetup:
    facts = tuple(
        MotionFact(m.id, m.kind, m.amends_id, m.state, m.state in ("carried", "lost"), "")
        for m in motions
    )
    return DebateSetup(
        8, "item 8 PLANNING APPLICATION", motions, MEMBERS, next_to_vote, body="Panel", facts=facts
    )


async def opened(app: ClerkApp, pilot: Any, dialog: Any, answers: list[Any]) -> None:
    await pilot.pause()
    await app.push_screen(dialog, answers.append)
    await pilot.pause()


def test_find_members_takes_a_word_start_before_a_name_holding_it() -> None:
    assert find_members(MEMBERS, "jon") == [("Cllr Alan Jones", 3)]
    assert find_members(MEMBERS, "BR") == [("Cllr Paul Bradley", 1), ("Cllr Mick Brown", 2)]
    assert find_members(MEMBERS, "urph") == [("Kristina Murphy", 4)]
    assert find_members(MEMBERS, "cllr mick brown") == [("Cllr Mick Brown", 2)]
    assert find_members(MEMBERS, "zz") == []


@pytest.mark.parametrize("size", SIZES)
async def test_a_motion_by_keys_words_then_mover_then_seconder(
    demo_app: ClerkApp, size: tuple[int, int]
) -> None:
    answers: list[MotionFields | None] = []
    async with demo_app.run_test(size=size) as pilot:
        dialog = MotionDialog(debate())
        await opened(demo_app, pilot, dialog, answers)
        assert demo_app.focused is dialog.query_one("#motion-text", WordsArea)
        await type_text(pilot, "that the application be refused")
        await pilot.press("enter")
        await type_text(pilot, "jon")
        await pilot.pause()
        assert "Cllr Alan Jones" in str(dialog.query_one("#motion-mover-match", Static).render())
        await pilot.press("tab")
        assert dialog.query_one("#motion-mover", Input).value == "Cllr Alan Jones"
        await type_text(pilot, "brad")
        await pilot.press("enter")  # enter on the last field takes the name and records
        await pilot.pause()
    assert answers == [MotionFields("that the application be refused", 3, 1)]


async def test_a_name_not_present_is_refused_in_words(demo_app: ClerkApp) -> None:
    answers: list[MotionFields | None] = []
    async with demo_app.run_test(size=(80, 24)) as pilot:
        dialog = MotionDialog(debate())
        await opened(demo_app, pilot, dialog, answers)
        await type_text(pilot, "that the report be noted")
        await pilot.press("tab")
        await type_text(pilot, "Smith")
        await pilot.pause()
        shown = str(dialog.query_one("#motion-mover-match", Static).render())
        assert shown == "no member present has that name"
        await pilot.press("ctrl+s")
        error = str(dialog.query_one("#form-error", Static).render())
        assert error == "mover: 'Smith' is not a voting member present (type part of a name)"
        assert demo_app.screen is dialog and answers == []
        # The same member twice: the rules' words, from MotionFields.check.
        mover = dialog.query_one("#motion-mover", MemberInput)
        mover.value = "jones"
        dialog.query_one("#motion-seconder", MemberInput).value = "jon"
        await pilot.press("ctrl+s")
        error = str(dialog.query_one("#form-error", Static).render())
        assert error == "seconder: the seconder cannot be the mover"


async def test_ctrl_r_moves_the_recommendations_as_printed(demo_app: ClerkApp) -> None:
    answers: list[MotionFields | None] = []
    async with demo_app.run_test(size=(80, 24)) as pilot:
        dialog = MotionDialog(debate())
        await opened(demo_app, pilot, dialog, answers)
        await pilot.press("ctrl+r")
        assert dialog.query_one("#motion-text", WordsArea).value == AS_PRINTED
        assert demo_app.focused is dialog.query_one("#motion-mover", Input)
        await type_text(pilot, "murph")
        await pilot.press("tab")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert answers == [MotionFields(AS_PRINTED, 4, None, as_printed=True)]


async def test_an_amendment_names_its_motion_and_offers_no_as_printed(demo_app: ClerkApp) -> None:
    answers: list[MotionFields | None] = []
    first = motion(1, "that the application be approved")
    async with demo_app.run_test(size=(80, 24)) as pilot:
        dialog = MotionDialog(debate(first), amends=first)
        await opened(demo_app, pilot, dialog, answers)
        assert "Amendment — item 8" in str(dialog.query_one(".dialog-title", Static).render())
        await pilot.press("ctrl+r")  # not offered: nothing filled
        assert dialog.query_one("#motion-text", WordsArea).value == ""
        await type_text(pilot, "to add a condition on hours of work")
        await pilot.press("enter")
        await type_text(pilot, "brown")
        await pilot.press("enter")
        await type_text(pilot, "murphy")
        await pilot.press("enter")
        await pilot.pause()
    assert answers == [MotionFields("to add a condition on hours of work", 2, 4, amends_id=1)]


async def test_the_debate_dialog_answers_a_key_on_the_highlighted_motion(
    demo_app: ClerkApp,
) -> None:
    answers: list[tuple[str, int] | None] = []
    first = motion(1, "that the application be approved")
    lost = motion(2, "to add a condition", amends=1, state="lost")
    async with demo_app.run_test(size=(80, 24)) as pilot:
        dialog = DebateDialog(debate(first, lost, next_to_vote=1))
        await opened(demo_app, pilot, dialog, answers)
        listed = dialog.query_one(OptionList)
        assert listed.highlighted == 0  # the motion before the meeting
        assert "Amendment 1 (lost)" in str(listed.get_option_at_index(1).prompt)
        await pilot.press("down", "a")  # amend a lost amendment: refused in words
        refusal = str(dialog.query_one("#debate-error", Static).render())
        assert refusal == (
            "Panel's standing orders do not allow an amendment to an amendment: "
            "change it in the body's details"
        )
        assert demo_app.screen is dialog
        await pilot.press("up", "a")
        await pilot.pause()
    assert answers == [("amend", 1)]


async def test_the_debate_shows_the_clerks_words_as_typed(demo_app: ClerkApp) -> None:
    """Words that look like markup are the clerk's words: shown as typed, never parsed."""
    words = "that [b]Room 1[/b] [/ Zoom] be used"
    answers: list[tuple[str, int] | None] = []
    async with demo_app.run_test(size=(80, 24)) as pilot:
        dialog = DebateDialog(debate(motion(1, words)))
        await opened(demo_app, pilot, dialog, answers)
        line = dialog.query_one(OptionList).get_option_at_index(0).prompt
        assert words in str(line)
        await pilot.press("a")
        await pilot.pause()
    assert answers == [("amend", 1)]
