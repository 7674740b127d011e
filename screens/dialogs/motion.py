"""The debate on an item (M on the live screen): a motion moved and seconded, amendments to it,
and what became of each.

- :class:`MotionDialog` — a motion's words (first, focused), moved by, seconded by: members
  present, found from part of a name. ctrl+r moves a report's recommendations as printed.
  Also an amendment ("to add …") to a motion, and the edit of either.
- :class:`DebateDialog` — the motions and amendments on the item with their states, and one
  key for each thing the clerk does next: amend, withdraw, not put, edit, confirm the wording.
- :class:`SubstantiveDialog` — after an amendment is carried, the motion's words as amended,
  proposed by the Desk and confirmed (or edited) by the clerk.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from clerk_tui import rules
from clerk_tui.desk.debate_fields import AS_PRINTED, DebateSetup, MotionFields, MotionView
from clerk_tui.errors import ClerkError
from screens.base import plain
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.form import FormDialog
from screens.dialogs.motion_parts import (
    MatchHint,
    MemberInput,
    WordsArea,
    match_words,
    motion_label,
    motion_line,
)

MOTION_HINT = "tab: take the name   enter: next / record   ctrl+r: as printed   escape: cancel"
AMENDMENT_HINT = "tab: take the name   enter: next / record   escape: cancel"


class MotionDialog(FormDialog[MotionFields]):
    """A motion (or, given ``amends``, an amendment to that motion) as moved; given
    ``motion``, that motion or amendment to edit."""

    CSS_PATH = "../styles/decisions.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+r",
            "as_printed",
            "As printed",
            tooltip="Move the report's recommendations as printed",
            id="motion-as-printed",
        ),
    ]

    def __init__(
        self,
        setup: DebateSetup,
        *,
        amends: MotionView | None = None,
        motion: MotionView | None = None,
    ) -> None:
        super().__init__()
        self.setup = setup
        self.motion = motion
        self.amends = amends if motion is None else setup.motion(motion.amends_id)
        self.printed = motion.as_printed if motion is not None else False
        amendment = self.amends is not None
        what = "amendment" if amendment else "motion"
        self.heading = f"{'Edit ' + what if motion else what.capitalize()} — {setup.item_label}"
        # Who may move and second: the members present, and (when editing) whoever did.
        self.members = list(setup.members)
        for person in (motion.mover, motion.seconder) if motion else ():
            if person is not None and all(pid != person.id for _, pid in self.members):
                self.members.append((person.display_name, person.id))

    def _member_name(self, person_id: int | None) -> str:
        return next((name for name, pid in self.members if pid == person_id), "")

    def fields(self) -> ComposeResult:
        if self.amends is not None:
            yield Static(
                f"To {motion_line(self.amends, self.setup.motions, 300)}",
                classes="dialog-note",
                markup=False,
            )
        motion = self.motion
        placeholder = (
            "to add … / to delete … and insert …"
            if self.amends is not None
            else "that … (ctrl+r: the recommendations as printed)"
        )
        yield Horizontal(
            Label("Words", classes="field-label"),
            WordsArea(motion.text if motion else "", placeholder=placeholder, id="motion-text"),
            classes="field-row",
            id="motion-text-row",
        )
        for what, label, person in (
            ("mover", "Moved by", motion.mover if motion else None),
            ("seconder", "Seconded by", motion.seconder if motion else None),
        ):
            field = MemberInput(
                self.members,
                self._member_name(person.id) if person else "",
                id=f"motion-{what}",
                what=what,
            )
            yield Horizontal(
                Label(label, classes="field-label"),
                field,
                MatchHint("", id=f"motion-{what}-match"),
                classes="field-row",
            )

    def on_mount(self) -> None:
        self.query(".hint").last(Static).update(
            AMENDMENT_HINT if self.amends is not None else MOTION_HINT
        )
        for field in self.query(MemberInput):
            self._show_match(field)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # An amendment is not "as printed": ctrl+r is not offered there.
        return not (action == "as_printed" and self.amends is not None)

    def action_as_printed(self) -> None:
        """The recommendations as printed: the words filled, on to the mover."""
        self.query_one("#motion-text", WordsArea).load_text(AS_PRINTED)
        self.printed = True
        self.query_one("#motion-mover", MemberInput).focus()

    def _show_match(self, field: MemberInput) -> None:
        self.query_one(f"#{field.id}-match", MatchHint).update(match_words(field))

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, MemberInput):
            self._show_match(event.input)
        self.show_error("")

    def on_words_area_submitted(self, event: WordsArea.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Before FormDialog's own handler (Textual calls each class's, this one first) moves
        # on or records: enter takes the name found, as tab does.
        if isinstance(event.input, MemberInput):
            event.input.take()

    def value(self) -> MotionFields:
        text = self.query_one("#motion-text", WordsArea).value
        fields = MotionFields(
            text=text,
            mover_id=self.query_one("#motion-mover", MemberInput).person_id(),
            seconder_id=self.query_one("#motion-seconder", MemberInput).person_id(),
            as_printed=self.printed and bool(text),
            amends_id=self.amends.id if self.amends is not None else None,
        )
        fields.check()
        return fields


class DebateDialog(ModalScreen[tuple[str, int] | None]):
    """The item's motions and amendments; each key answers what to do with the highlighted one
    (the screen does it): ``(action, motion id)``, action one of "amend", "edit", "withdrawn",
    "not-put", "confirm", or "new" (a fresh motion on the item; the id is then 0)."""

    CSS_PATH = "../styles/decisions.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "choose('amend')", "Amend", tooltip="Move an amendment to it", id="amend"),
        Binding("e,enter", "choose('edit')", "Edit", tooltip="Edit its words, mover, seconder",
                id="motion-edit"),
        Binding("w", "choose('withdrawn')", "Withdrawn", tooltip="The mover withdrew it",
                id="motion-withdrawn"),
        Binding("n", "choose('not-put')", "Not put", tooltip="It was not put to the vote",
                id="motion-not-put"),
        Binding("c", "choose('confirm')", "Confirm wording",
                tooltip="Confirm the substantive motion's words as amended", id="motion-confirm"),
        Binding("m", "new", "New motion", tooltip="Move a fresh motion on the item",
                id="motion-new"),
        Binding("escape", "close", "Close", id="debate-close"),
        Binding("f1", "app.help", "Keys", tooltip="Show every key of this dialog", id="help"),
    ]  # fmt: skip

    def __init__(self, setup: DebateSetup, motion_id: int | None = None) -> None:
        """``motion_id``: the one to highlight, else the motion before the meeting."""
        super().__init__()
        self.setup = setup
        pending = [m for m in setup.motions if m.state == "moved" and not m.is_amendment]
        default = pending[0].id if pending else setup.motions[-1].id if setup.motions else None
        self.highlight = motion_id if setup.motion(motion_id) else default

    def compose(self) -> ComposeResult:
        setup = self.setup
        with Vertical(classes="dialog"):
            yield Static(f"Debate — {setup.item_label}", classes="dialog-title", markup=False)
            options = [
                Option(plain(_indent(setup, m) + motion_line(m, setup.motions)), id=str(m.id))
                for m in setup.motions
            ]
            yield OptionList(*options, id="debate-motions")
            yield Static(_next_words(setup), id="debate-next", markup=False)
            yield Static("", id="debate-error", classes="form-error", markup=False)
            yield Static(
                "a: amend  w: withdrawn  n: not put  e: edit  c: confirm wording  m: new motion"
                "  escape: close",
                classes="hint",
            )

    def on_mount(self) -> None:
        motions = self.query_one(OptionList)
        ids = [m.id for m in self.setup.motions]
        if self.highlight in ids:
            motions.highlighted = ids.index(self.highlight)
        self.set_focus(motions)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose("edit")

    def _chosen(self) -> MotionView | None:
        index = self.query_one(OptionList).highlighted
        return self.setup.motions[index] if index is not None else None

    def action_choose(self, action: str) -> None:
        motion = self._chosen()
        if motion is None or self._refused(_refusal(self.setup, motion, action)):
            return
        if action not in _ASKED:
            self.dismiss((action, motion.id))
            return
        # One letter settles a motion for good: words typed after M (which opens this list once
        # a motion is moved) must not withdraw it. Asked first; y or enter says yes.
        label = motion_label(motion, self.setup.motions)

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss((action, motion.id))

        self.app.push_screen(ConfirmDialog(f"{label}: {_ASKED[action]}?"), answered)

    def action_new(self) -> None:
        if not self._refused(self.setup.motion_refusal()):
            self.dismiss(("new", 0))

    def _refused(self, refusal: str | None) -> bool:
        """Say the rules' refusal in the dialog (the clerk highlights another, or closes)."""
        if refusal is None:
            return False
        self.app.bell()
        self.query_one("#debate-error", Static).update(refusal)
        return True

    def action_close(self) -> None:
        self.dismiss(None)


# The debate's keys that settle a motion without a vote, and the question each asks first.
_ASKED = {"withdrawn": "withdrawn by its mover", "not-put": "not put to the vote"}


def _indent(setup: DebateSetup, motion: MotionView) -> str:
    depth, seen = 0, motion
    while seen.amends_id is not None and (target := setup.motion(seen.amends_id)) is not None:
        depth, seen = depth + 1, target
    return "  " * depth


def _next_words(setup: DebateSetup) -> str:
    upcoming = setup.motion(setup.next_to_vote)
    if upcoming is None:
        return "Nothing is waiting for a vote."
    return f"Next to the vote (v): {motion_label(upcoming, setup.motions).lower()}"


def _refusal(setup: DebateSetup, motion: MotionView, action: str) -> str | None:
    """What the rules of order say against ``action`` on ``motion``, in words (None: nothing;
    the Desk asks again when it records)."""
    if action == "amend":
        return setup.amendment_refusal(motion.id)
    if action in ("withdrawn", "not-put"):
        return rules.state_refusal(setup.facts, motion.id, action)
    if action == "confirm" and not any(
        m.amends_id == motion.id and m.state == "carried" for m in setup.motions
    ):
        return "no amendment to it has been carried: e edits its words"
    return None


class SubstantiveDialog(FormDialog[str]):
    """The motion as the carried amendment made it: the Desk's proposal, which enter confirms
    and the clerk may edit first."""

    CSS_PATH = "../styles/decisions.tcss"

    def __init__(
        self, motion: MotionView, proposal: str, *, where: str, amendment: str = ""
    ) -> None:
        super().__init__(f"The substantive motion — {where}")
        self.motion = motion
        self.proposal = proposal
        self.amendment = amendment

    def fields(self) -> ComposeResult:
        carried = f"{self.amendment} was carried. " if self.amendment else ""
        yield Static(
            f"{carried}The motion now reads as below: enter confirms it (edit it first if the "
            "chair put it in other words).",
            classes="dialog-note",
            markup=False,
        )
        yield WordsArea(self.proposal, id="substantive-text")

    def on_mount(self) -> None:
        self.query(".hint").last(Static).update(
            "enter: confirm these words   escape: keep the proposal as it is"
        )

    def on_words_area_submitted(self, event: WordsArea.Submitted) -> None:
        event.stop()
        self.action_accept()

    def value(self) -> str:
        text = self.query_one("#substantive-text", WordsArea).value
        if not text:
            raise ClerkError("the substantive motion needs its words", where="text")
        return text


__all__ = ["DebateDialog", "MotionDialog", "SubstantiveDialog"]
