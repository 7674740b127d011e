"""Signing the minutes: the date the chair signed them, and the flow behind the home screen's
key — sign approved minutes; for a draft that no later meeting confirmed (a body whose earlier
meetings were never kept here), offer to record them approved first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Static

from clerk_tui.desk.minutes_life import MinutesNotApproved, MinutesState
from clerk_tui.errors import ClerkError
from clerk_tui.values import format_date, long_date, parse_date
from screens.base import attempt, desk_of
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.form import FormDialog, text_of, today_of
from screens.dialogs.guarded import QUICK, ask_and_record


class SignDialog(FormDialog[date]):
    """The day the chair signed the minutes of ``state``'s meeting (``default`` proposed)."""

    def __init__(self, state: MinutesState, default: date) -> None:
        super().__init__()
        self.state = state
        self.default = default
        self.heading = f"Minutes of {long_date(state.date)} signed by the chair"

    def fields(self) -> ComposeResult:
        yield Static(
            f"The minutes are {self.state.minutes_status}. The chair signed them on:", markup=False
        )
        yield self.row(
            "Signed on",
            Input(
                format_date(self.default), placeholder="2022-03-14", id="sign-date", classes=QUICK
            ),
        )

    def value(self) -> date:
        day = parse_date(text_of(self, "#sign-date"), today=today_of(self), where="date")
        if day < self.state.date:
            raise ClerkError("minutes cannot be signed before their meeting", where="date")
        return day


def sign_minutes(screen: Screen[Any], meeting_id: int, then: Callable[[], None]) -> None:
    """Ask the date and record the signature; ``then`` re-reads the screen afterwards."""
    desk = desk_of(screen)
    state = attempt(screen, lambda: desk.papers.minutes_state(meeting_id))
    if state is None:
        return
    if state.minutes_status == "signed":
        screen.notify(state.words, title="Already signed", markup=False)
        return
    if state.status != "closed":
        screen.notify(
            f"The meeting of {long_date(state.date)} has not been closed: no minutes to sign yet",
            severity="warning",
        )
        return
    default = desk.now().date()
    if state.approved_at_meeting_id is not None:
        # The chair signs at the meeting that confirmed them.
        default = desk.agenda.meeting(state.approved_at_meeting_id).date

    def sign(day: date) -> tuple[date, MinutesState | None]:
        """Signed (a refusal stays in the dialog), or None: not approved yet, which the
        dialog closes to ask about."""
        try:
            return day, desk.papers.sign_minutes(meeting_id, day)
        except MinutesNotApproved:
            return day, None

    def signed(outcome: tuple[date, MinutesState | None]) -> None:
        day, result = outcome
        if result is None:
            offer_approval(day)
            return
        then()
        screen.notify(result.words, title="Signed", markup=False)

    def offer_approval(day: date) -> None:
        def answered(yes: bool | None) -> None:
            if not yes:
                return
            if attempt(screen, lambda: desk.papers.approve_minutes(meeting_id)) is None:
                return
            result = attempt(screen, lambda: desk.papers.sign_minutes(meeting_id, day))
            then()
            if result is not None:
                screen.notify(result.words, title="Approved and signed", markup=False)

        screen.app.push_screen(
            ConfirmDialog(
                f"Approve the minutes of {long_date(state.date)} now?",
                "No later meeting here has confirmed them as a correct record. Yes records them "
                f"as approved, then signed on {long_date(day)}.",
            ),
            answered,
        )

    ask_and_record(screen, SignDialog(state, default), sign, signed)
