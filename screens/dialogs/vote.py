"""The vote dialog: the motion, the majority it needs, and the count — by show of hands or a
recorded vote taken name by name — with the outcome worked out by the rules as the clerk types.

Members kept out of the vote by a declaration show as "did not vote" and are not counted as
present. Impossible counts are refused in words just below them. Also here: the dialog for
members who ask, after a show of hands, for their own vote to be recorded by name.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Static

from clerk_tui.desk.debate_fields import DebateSetup
from clerk_tui.desk.decisions import VoteFields, VoteSetup
from clerk_tui.errors import ClerkError
from clerk_tui.rules import Decision, Majority, decide, tally
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.guarded import GuardedDialog

# The roll and the choices live in vote_parts; named here too, where screens look for them.
from screens.dialogs.vote_named import NamedVotesDialog
from screens.dialogs.vote_parts import (
    CHOICE_WORDS,
    Choice,
    MotionInput,
    VoterTable,
    debated_sentence,
    nouns_for,
    on_words,
)

__all__ = ["CHOICE_WORDS", "NamedVotesDialog", "VoteDialog", "VoterTable"]

MAJORITY_WORDS: dict[Majority, str] = {
    Majority.SIMPLE: "Simple majority — more for than against",
    Majority.TWO_THIRDS_VOTING: "Two thirds of the votes cast",
    Majority.TWO_THIRDS_MEMBERSHIP: "Two thirds of the whole membership (a veto)",
    Majority.UNANIMOUS: "Unanimous — every member present for",
}
METHODS = (
    ("Show of hands — count for / against / abstaining", "show-of-hands"),
    ("Recorded vote — name by name", "recorded"),
)
CASTING = (("no casting vote", "none"), ("Chair's casting vote for", "for"),
           ("Chair's casting vote against", "against"))  # fmt: skip


class VoteDialog(GuardedDialog[VoteFields]):
    """Not a FormDialog: it must choose its own first field (the count, once the motion is
    there) before the first key arrives, and FormDialog focuses its first field on mount.

    At an inquorate meeting, accepting asks first; ``inquorate_confirmed`` says the clerk
    answered yes (the Desk records such a vote only then)."""

    CSS_PATH = "../styles/decisions.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="vote-cancel"),
        Binding("ctrl+s", "accept", "Record", id="vote-record"),
        Binding(
            "ctrl+r",
            "recorded",
            "Recorded vote",
            tooltip="A recorded vote having been requested: take the vote name by name",
            id="vote-recorded",
        ),
    ]

    def __init__(
        self,
        setup: VoteSetup,
        *,
        motion: str = "",
        resolution_id: int | None = None,
        resolution_label: str = "",
        debate: DebateSetup | None = None,
    ) -> None:
        """``motion``: the words to start from (the selected resolution's); the vote is
        stored against ``resolution_id`` unless the clerk unticks it. ``debate``: the item's
        motions; the vote is then on the one the rules put next (the clerk may choose another,
        or none), with its words and its noun."""
        super().__init__()
        self.setup = setup
        self.motion = motion
        self.noun = "motion"
        self.debate = debate
        # The motions and amendments before the meeting, which a vote can be on.
        self.motions = [m for m in debate.motions if m.state == "moved"] if debate else []
        self.motion_id = debate.next_to_vote if debate else None
        chosen = debate.motion(self.motion_id) if debate else None
        if debate is not None and chosen is not None:
            self.motion, self.noun = chosen.words, debate.noun(chosen.id)
        self.resolution_id = resolution_id
        self.resolution_label = resolution_label
        self.inquorate_confirmed = False
        self.heading = f"Vote — {setup.item_label}"

    # ---- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        scroll = VerticalScroll(classes="dialog")
        scroll.can_focus = False
        with scroll:
            yield Static(self.heading, classes="dialog-title", markup=False)
            yield from self.fields()
            yield Static("", classes="hint")

    def row(self, label: str, widget: Widget) -> Horizontal:
        return Horizontal(Label(label, classes="field-label"), widget, classes="field-row")

    def fields(self) -> ComposeResult:
        if self.debate is not None and self.motions:
            options = [(on_words(m, self.debate), str(m.id)) for m in self.motions]
            options.append(("none — a vote on the words below", "none"))
            yield self.row("On", Choice(options, str(self.motion_id or "none"), id="vote-on"))
        yield self.row("Motion", MotionInput(self.motion, id="vote-motion", compact=True))
        yield self.row(
            "Majority needed",
            Choice(
                [(words, rule.value) for rule, words in MAJORITY_WORDS.items()],
                Majority.SIMPLE.value,
                id="vote-majority",
            ),
        )
        method = "recorded" if self.setup.recorded_required else "show-of-hands"
        yield self.row("Method", Choice(METHODS, method, id="vote-method"))
        with Horizontal(id="vote-counts", classes="field-row"):
            yield Label("For", classes="field-label")
            yield Input(type="integer", id="vote-for", placeholder="0", compact=True)
            yield Label("Against", classes="count-label")
            yield Input(type="integer", id="vote-against", placeholder="0", compact=True)
            yield Label("Abstaining", classes="count-label")
            yield Input(type="integer", id="vote-abstentions", placeholder="0", compact=True)
        yield VoterTable(self.setup.voters, id="vote-names")
        yield Static("", id="vote-error", classes="form-error", markup=False)
        yield self.row(
            "Casting vote",
            Choice(CASTING, "none", id="vote-casting"),
        )
        yield self.row(
            "Put as",
            Choice([(n, n) for n in nouns_for(self.noun)], self.noun, id="vote-noun"),
        )
        if self.resolution_id is not None:
            yield self.row(
                "",
                Checkbox(
                    f"Record it against resolution {self.resolution_label or '(the only one)'}",
                    value=True,
                    id="vote-attach",
                    compact=True,
                ),
            )
        yield Static(self.room_words(), id="vote-room")
        yield Static("", id="vote-outcome")

    def on_mount(self) -> None:
        self.show_method()
        self.opened(self._first_field())
        self.update_outcome()

    def draft(self) -> tuple[object, ...]:
        """The words and counts typed, and the votes marked name by name."""
        marked = tuple(sorted(self.query_one(VoterTable).choices.items()))
        return (*super().draft(), marked)

    def _first_field(self) -> Widget:
        """The motion when it is empty, else the count (or the first name to call)."""
        if not self.motion.strip():
            return self.query_one("#vote-motion", Input)
        if self.method == "recorded":
            return self.query_one(VoterTable)
        return self.query_one("#vote-for", Input)

    def room_words(self) -> Text:
        setup = self.setup
        text = Text(
            f"{setup.present} of {setup.membership} voting members present for this item"
            f" · quorum {setup.quorum} · "
        )
        if setup.quorate:
            text.append("Quorate", style="bold green")
        else:
            text.append("INQUORATE — recording will ask you to confirm", style="bold reverse red")
        for voter in setup.voters:
            if voter.excluded:
                text.append(f"\n{voter.name} {voter.reason}: did not vote, not counted present")
        return text

    @property
    def method(self) -> str:
        return str(self.query_one("#vote-method", Choice).value)

    def show_method(self) -> None:
        recorded = self.method == "recorded"
        self.query_one("#vote-counts").display = not recorded
        self.query_one(VoterTable).display = recorded
        start = "for" if self.motion.strip() else "motion → for"  # from the field it opens on
        self.query(".hint").last(Static).update(
            "f/g/b/n: for/against/abstain/none  F: rest for  x: clear  ctrl+r: hands  enter: record"
            if recorded
            else f"enter: {start} → against → abstaining → record  tab: choices  "
            "ctrl+r: recorded vote"
        )

    def action_recorded(self) -> None:
        """A recorded vote having been requested: names, on the first to call (and back)."""
        method = self.query_one("#vote-method", Choice)
        method.choose(1 - method.index)  # its Changed message shows the method's fields
        if self.method == "recorded":
            self.set_focus(self.query_one(VoterTable))
        elif self.query_one("#vote-motion", Input).value.strip():
            self.set_focus(self.query_one("#vote-for", Input))

    # ---- the count, live -----------------------------------------------------------------
    def counts(self) -> tuple[int, int, int]:
        if self.method == "recorded":
            table = self.query_one(VoterTable)
            eligible = {v.person_id for v in self.setup.eligible}
            return tally(c for pid, c in table.choices.items() if pid in eligible)
        return (
            _count(self.query_one("#vote-for", Input), "votes for"),
            _count(self.query_one("#vote-against", Input), "votes against"),
            _count(self.query_one("#vote-abstentions", Input), "abstentions"),
        )

    def decision(self) -> Decision:
        """The rules' decision on the count as it stands; ClerkError in words if impossible."""
        casting = str(self.query_one("#vote-casting", Choice).value)
        try:
            return decide(
                *self.counts(),
                majority=str(self.query_one("#vote-majority", Choice).value),
                present=self.setup.present,
                membership=self.setup.membership,
                casting_vote=None if casting == "none" else casting,
                noun=str(self.query_one("#vote-noun", Choice).value),
                who=self.setup.who,
            )
        except ValueError as error:
            raise ClerkError(str(error)) from None

    def update_outcome(self) -> None:
        outcome = self.query_one("#vote-outcome", Static)
        try:
            decision = self.decision()
        except ClerkError as error:
            self.show_error(str(error))
            outcome.update(Text("Outcome: — (the count is not possible yet)", style="dim"))
            return
        # The rules of order on the motion chosen (an amendment first): the Desk refuses too.
        chosen = (
            self.debate.vote_refusal(self.motion_id) if self.debate and self.motion_id else None
        )
        self.show_error(f"Not to the vote: {chosen}" if chosen else "")
        said = debated_sentence(self.debate, self.motion_id, decision)  # as the minutes say it
        outcome.update(_outcome_words(decision, self.setup.present, self.unmarked_words(), said))

    def unmarked_words(self) -> str:
        if self.method != "recorded":
            return ""
        left = len(self.query_one(VoterTable).unmarked)
        return f"{left} member{'s' if left != 1 else ''} still to vote" if left else ""

    def show_error(self, message: str) -> None:
        # Beside the counts, where the clerk is looking, not at the foot of the dialog.
        self.query_one("#vote-error", Static).update(message)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter goes motion → for → against → abstaining → record (straight past the
        choices, where enter would open the menu); tab reaches the choices."""
        event.stop()
        after = {"vote-motion": "#vote-for", "vote-for": "#vote-against",
                 "vote-against": "#vote-abstentions"}  # fmt: skip
        target = after.get(event.input.id or "")
        if event.input.id == "vote-motion" and self.method == "recorded":
            self.query_one(VoterTable).focus()
        elif target is not None:
            self.query_one(target, Input).focus()
        else:
            self.action_accept()

    def finish(self, value: VoteFields) -> None:
        """At an inquorate meeting, ask before recording: no is the clerk's answer that the
        vote is not to be recorded, and closes the dialog as it always has."""
        if self.setup.quorate or self.inquorate_confirmed:
            super().finish(value)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.inquorate_confirmed = True
                super(VoteDialog, self).finish(value)
            else:
                self.closing = True
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(
                "The meeting is inquorate. Record the vote anyway?", _inquorate_words(self.setup)
            ),
            answered,
        )

    def choose_motion(self, value: str) -> None:
        """The vote put on another motion (or none): its words and its noun with it."""
        chosen = self.debate.motion(int(value)) if self.debate and value != "none" else None
        self.motion_id = chosen.id if chosen else None
        words = self.query_one("#vote-motion", Input)
        if chosen is None:  # a vote on other words (a procedural motion), not a motion's
            if self.debate and any(m.words == words.value.strip() for m in self.debate.motions):
                words.value = ""
        elif self.debate is not None:
            words.value = chosen.words
            noun = self.query_one("#vote-noun", Choice)
            noun.options = [(n, n) for n in nouns_for(self.debate.noun(chosen.id))]
            noun.choose(
                next(i for i, (_, v) in enumerate(noun.options) if v == self.debate.noun(chosen.id))
            )
            noun.refresh()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.update_outcome()

    def on_choice_changed(self, event: Choice.Changed) -> None:
        if event.choice.id == "vote-method":
            self.show_method()
        if event.choice.id == "vote-on":
            self.choose_motion(event.choice.value)
        self.update_outcome()

    def on_voter_table_marked(self, event: VoterTable.Marked) -> None:
        self.update_outcome()

    # ---- the answer ----------------------------------------------------------------------
    def value(self) -> VoteFields:
        motion = self.query_one("#vote-motion", Input).value.strip()
        if not motion:
            raise ClerkError("a vote needs the motion put to it", where="motion")
        recorded = self.method == "recorded"
        table = self.query_one(VoterTable)
        if recorded and table.unmarked:
            names = ", ".join(v.name for v in table.unmarked)
            raise ClerkError(f"no vote marked for {names}: press f, g, b or n on each name")
        decision = self.decision()
        attach = self.query("#vote-attach")
        attached = bool(attach) and attach.first(Checkbox).value
        return VoteFields(
            motion=motion,
            majority=decision.majority.value,
            method="recorded" if recorded else "show-of-hands",
            for_count=decision.for_votes,
            against_count=decision.against,
            abstentions=decision.abstentions,
            casting_vote=decision.casting_vote,
            choices=tuple(table.choices.items()) if recorded else (),
            resolution_id=self.resolution_id if attached else None,
            noun=str(self.query_one("#vote-noun", Choice).value),
            motion_id=self.motion_id,
        )


def _inquorate_words(setup: VoteSetup) -> str:
    return (
        f"{setup.present} voting members are present for this item and the quorum is "
        f"{setup.quorum}. The vote will be marked as taken while inquorate, and the minutes "
        "will say so."
    )


def _count(field: Input, what: str) -> int:
    raw = field.value.strip()
    try:
        return int(raw or "0")
    except ValueError:
        raise ClerkError(f"the number of {what} must be a whole number, not {raw!r}") from None


def _outcome_words(decision: Decision, present: int, still_to_vote: str, said: str) -> Text:
    text = Text("So far: " if still_to_vote else "Outcome: ")
    if decision.carried:
        text.append(" CARRIED ", style="bold reverse green")
    else:
        text.append(" NOT CARRIED ", style="bold reverse red")
    needed = f"  {decision.needed} for needed to carry it"
    if decision.needed > present:
        needed += f" (cannot carry: only {present} present)"
    if decision.tie and decision.casting_vote is None:
        needed += " · a tie: the Chair may give a casting vote"
    text.append(needed)
    if still_to_vote:
        text.append(f" · {still_to_vote}", style="bold yellow")
    text.append(f"\n{said}", style="italic")
    return text
