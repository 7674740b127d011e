"""The debate's keys as the live screen and the record pane use them: M (a motion, or the
debate on the item when one is before the meeting), what the debate dialog's keys do, and the
wording the clerk confirms after a vote carries an amendment.

Each record is one Desk call (desk.debate), made while its dialog is open (a refusal stays in
the dialog with the words); ``shown(key, back, message)`` then draws the meeting as that call
read it back, highlights the record and says what was done.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from clerk_tui.desk.debate_fields import DebateSetup, MotionFields, MotionView
from clerk_tui.desk.live_action import ReadBack
from screens.base import attempt, desk_of
from screens.dialogs.guarded import ask_and_record
from screens.dialogs.motion import DebateDialog, MotionDialog, SubstantiveDialog
from screens.dialogs.motion_parts import motion_label
from screens.dialogs.vote_parts import clip_line

Shown = Callable[[str, ReadBack, str], None]

STATE_DONE = {"withdrawn": "withdrawn", "not-put": "marked as not put"}


def debate_of(screen: Screen[None], item_id: int) -> DebateSetup | None:
    return attempt(screen, lambda: desk_of(screen).debate.debate_setup(item_id))


def take_motion(
    screen: Screen[None], item_id: int, shown: Shown, *, motion_id: int | None = None
) -> None:
    """M: the motion dialog when nothing is before the meeting on the item, else the debate
    (on ``motion_id`` when given: the record pane's motion)."""
    setup = debate_of(screen, item_id)
    if setup is None:
        return
    if motion_id is None and not any(m.state == "moved" for m in setup.motions):
        move(screen, setup, shown)
        return

    def chosen(choice: tuple[str, int] | None) -> None:
        if choice is not None:
            act(screen, setup, choice, shown)

    screen.app.push_screen(DebateDialog(setup, motion_id), chosen)


def act(screen: Screen[None], setup: DebateSetup, choice: tuple[str, int], shown: Shown) -> None:
    """What the debate dialog's key asked for, on the motion it names."""
    action, motion_id = choice
    motion = setup.motion(motion_id)
    if action == "new" or motion is None:
        move(screen, setup, shown)
    elif action == "amend":
        move(screen, setup, shown, amends=motion)
    elif action == "edit":
        edit(screen, setup, motion, shown)
    elif action == "confirm":
        confirm(screen, setup, motion, shown, proposal=motion.words)
    else:
        set_state(screen, setup, motion, action, shown)


def move(
    screen: Screen[None], setup: DebateSetup, shown: Shown, *, amends: MotionView | None = None
) -> None:
    back = ReadBack()

    def record(fields: MotionFields) -> MotionView:
        return desk_of(screen).debate.move_motion(setup.item_id, fields, read_back=back)

    def done(motion: MotionView) -> None:
        what = "Amendment" if motion.is_amendment else "Motion"
        shown(f"motion-{motion.id}", back, f"{what} moved: v puts it to the vote")

    ask_and_record(screen, MotionDialog(setup, amends=amends), record, done)


def edit(screen: Screen[None], setup: DebateSetup, motion: MotionView, shown: Shown) -> None:
    back = ReadBack()

    def record(fields: MotionFields) -> MotionView:
        return desk_of(screen).debate.edit_motion(motion.id, fields, read_back=back)

    def done(edited: MotionView) -> None:
        shown(f"motion-{edited.id}", back, "")

    ask_and_record(screen, MotionDialog(setup, motion=motion), record, done)


def set_state(
    screen: Screen[None], setup: DebateSetup, motion: MotionView, state: str, shown: Shown
) -> None:
    back = ReadBack()
    debate = desk_of(screen).debate
    changed = attempt(screen, lambda: debate.set_motion_state(motion.id, state, read_back=back))
    if changed is not None:
        label = motion_label(changed, setup.motions)
        shown(f"motion-{changed.id}", back, f"{label} {STATE_DONE.get(state, state)}")


def confirm(
    screen: Screen[None],
    setup: DebateSetup,
    motion: MotionView,
    shown: Shown,
    *,
    proposal: str,
    amendment: str = "",
) -> None:
    """The substantive motion's words as amended: enter confirms ``proposal`` (or the clerk's
    edit of it); escape keeps the wording the Desk proposed, and says so."""
    back = ReadBack()
    debate = desk_of(screen).debate
    confirmed: list[MotionView] = []
    dialog = SubstantiveDialog(motion, proposal, where=setup.item_label, amendment=amendment)
    # Recorded while the dialog is open (as ask_and_record does), and escape answered too.
    dialog.record = lambda text: confirmed.append(
        debate.confirm_substantive(motion.id, text, read_back=back)
    )

    def closed(text: str | None) -> None:
        if text is not None and confirmed:
            shown(f"motion-{motion.id}", back, "The substantive motion's words are confirmed")
        elif text is None:
            screen.notify(
                f"The substantive motion keeps the words proposed: {clip_line(proposal, 200)}",
                timeout=6,
                markup=False,
            )

    screen.app.push_screen(dialog, closed)


def after_vote(
    screen: Screen[None], item_id: int, motion_id: int | None, carried: bool, shown: Shown
) -> None:
    """A vote that carried an amendment: the clerk confirms the substantive motion's words."""
    if motion_id is None or not carried:
        return
    setup = debate_of(screen, item_id)
    amendment = setup.motion(motion_id) if setup else None
    if setup is None or amendment is None or not amendment.is_amendment:
        return
    target = setup.motion(amendment.amends_id)
    if target is None:
        return
    label = motion_label(amendment, setup.motions)
    confirm(screen, setup, target, shown, proposal=target.words, amendment=label)
