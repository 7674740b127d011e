"""The vote dialog: the motion, the majority it needs, and the count — by show of hands or a
recorded vote taken name by name — with the outcome worked out by the rules as the clerk types.

Members kept out of the vote by a declaration show as "did not vote" and are not counted as
present. Impossible counts are refused in words just below them. Also here: the dialog for
members who ask, after a show of hands, for their own vote to be recorded by name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, DataTable, Input, Label, Static

from clerk_tui.desk.decisions import VoteFields, VoterView, VoteSetup, VoteView
from clerk_tui.errors import ClerkError
from clerk_tui.rules import Decision, Majority, PersonChoice, decide, tally
from screens.base import plain
from screens.dialogs.form import FormDialog

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
NOUNS = ("motion", "recommendation", "amendment", "proposal")
CASTING = (("no casting vote", "none"), ("Chair's casting vote for", "for"),
           ("Chair's casting vote against", "against"))  # fmt: skip
CHOICE_WORDS = {
    PersonChoice.FOR.value: "For",
    PersonChoice.AGAINST.value: "Against",
    PersonChoice.ABSTAIN.value: "Abstained",
    PersonChoice.DID_NOT_VOTE.value: "Did not vote",
}


class VoterTable(DataTable[Text]):
    """The members present, one row each; f / g / b (and n) mark the highlighted member's vote
    and move on to the next name, x clears it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "mark('for')", "For", tooltip="This member votes for", id="vote-for"),
        Binding("g", "mark('against')", "Against", tooltip="This member votes against",
                id="vote-against"),
        Binding("b", "mark('abstain')", "Abstain", tooltip="This member abstains",
                id="vote-abstain"),
        Binding("n", "mark('did-not-vote')", "Did not vote",
                tooltip="Present but took no part in the vote", id="vote-none"),
        Binding("x", "mark('')", "Clear", tooltip="Clear this member's vote", id="vote-clear"),
    ]  # fmt: skip

    class Marked(Message):
        """A member's vote was marked or cleared."""

    def __init__(
        self,
        voters: Sequence[VoterView],
        choices: Mapping[int, str] | None = None,
        *,
        did_not_vote: bool = True,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.voters = list(voters)
        self.choices: dict[int, str] = dict(choices or {})
        self.did_not_vote = did_not_vote

    def on_mount(self) -> None:
        self.add_column("Member", key="name")
        self.add_column("Represents", key="represents")
        self.add_column("Vote", key="vote", width=14)
        self.add_column("", key="note")
        for voter in self.voters:
            self.add_row(
                plain(voter.name),
                plain(voter.represents),
                self._vote_cell(voter),
                plain(voter.reason),
                key=str(voter.person_id),
            )
        self.move_cursor(row=self._next_voter(0))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A named vote after a show of hands has no "did not vote": n is then not offered.
        return self.did_not_vote or not (action == "mark" and parameters == ("did-not-vote",))

    def _vote_cell(self, voter: VoterView) -> Text:
        if voter.excluded:
            return Text("Did not vote", style="italic")
        choice = self.choices.get(voter.person_id)
        if choice is None:
            return Text("·", style="dim")
        style = {"for": "bold green", "against": "bold red"}.get(choice, "bold")
        return Text(CHOICE_WORDS[choice], style=style)

    def action_mark(self, choice: str) -> None:
        if not self.voters:
            return
        voter = self.voters[self.cursor_row]
        if voter.excluded:
            self.app.bell()
            self.notify(f"{voter.name} {voter.reason}: they cannot vote on this item", markup=False)
            return
        if choice:
            self.choices[voter.person_id] = choice
        else:
            self.choices.pop(voter.person_id, None)
        self.update_cell(str(voter.person_id), "vote", self._vote_cell(voter))
        self.move_cursor(row=self._next_voter(self.cursor_row + 1))
        self.post_message(self.Marked())

    def _next_voter(self, start: int) -> int:
        """The next row at or after ``start`` that can vote (names are called in order and
        a member kept out by a declaration is skipped), else the current row."""
        for row in range(start, len(self.voters)):
            if not self.voters[row].excluded:
                return row
        return self.cursor_row

    @property
    def unmarked(self) -> list[VoterView]:
        return [v for v in self.voters if not v.excluded and v.person_id not in self.choices]


class Choice(Static, can_focus=True):
    """One of a few fixed choices, changed in place: left / right or space step through them,
    a letter jumps to the next choice starting with it, enter goes on to the next field.

    Four Selects cost the vote dialog about a hundred milliseconds to open (each brings its
    own overlay list); a key pressed in that time would be lost, so the choices are these.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Previous choice", show=False),
        Binding("right,space", "step(1)", "Next choice", show=False),
        Binding("enter", "app.focus_next", "Next field", show=False),
    ]

    class Changed(Message):
        def __init__(self, choice: Choice) -> None:
            super().__init__()
            self.choice = choice

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(self, options: Sequence[tuple[str, str]], value: str, *, id: str) -> None:
        super().__init__(id=id, markup=False)
        self.options = list(options)
        self.index = next((i for i, (_, v) in enumerate(self.options) if v == value), 0)

    @property
    def value(self) -> str:
        return self.options[self.index][1]

    def render(self) -> Text:
        label = self.options[self.index][0]
        return Text.assemble(("◀ ", "dim"), label, (" ▶", "dim"))

    def choose(self, index: int) -> None:
        if index != self.index:
            self.index = index
            self.refresh()
            self.post_message(self.Changed(self))

    def action_step(self, offset: int) -> None:
        self.choose((self.index + offset) % len(self.options))

    def on_key(self, event: events.Key) -> None:
        letter = (event.character or "").lower()
        if not letter.isalpha() or event.key in ("space",):
            return
        event.stop()
        count = len(self.options)
        for step in range(1, count + 1):
            index = (self.index + step) % count
            if self.options[index][0].lower().startswith(letter):
                self.choose(index)
                return

    def on_click(self) -> None:
        self.action_step(1)


class VoteDialog(ModalScreen[VoteFields | None]):
    """Not a FormDialog: it must choose its own first field (the count, once the motion is
    there) before the first key arrives, and FormDialog focuses its first field on mount."""

    CSS_PATH = "../styles/decisions.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="vote-cancel"),
        Binding("ctrl+s", "accept", "Record", id="vote-record"),
    ]

    def __init__(
        self,
        setup: VoteSetup,
        *,
        motion: str = "",
        resolution_id: int | None = None,
        resolution_label: str = "",
    ) -> None:
        """``motion``: the words to start from (the selected resolution's); the vote is
        stored against ``resolution_id`` unless the clerk unticks it."""
        super().__init__()
        self.setup = setup
        self.motion = motion
        self.resolution_id = resolution_id
        self.resolution_label = resolution_label
        self.TITLE = f"Vote — {setup.item_label}"

    # ---- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        scroll = VerticalScroll(classes="dialog")
        scroll.can_focus = False
        with scroll:
            yield Static(self.TITLE, classes="dialog-title", markup=False)
            yield from self.fields()
            yield Static("", classes="hint")

    def row(self, label: str, widget: Widget) -> Horizontal:
        return Horizontal(Label(label, classes="field-label"), widget, classes="field-row")

    def fields(self) -> ComposeResult:
        yield self.row("Motion", Input(self.motion, id="vote-motion", compact=True))
        yield self.row(
            "Majority needed",
            Choice(
                [(words, rule.value) for rule, words in MAJORITY_WORDS.items()],
                Majority.SIMPLE.value,
                id="vote-majority",
            ),
        )
        method = "recorded" if self.setup.recorded_required else "show-of-hands"
        yield self.row(
            "Method",
            Choice(METHODS, method, id="vote-method"),
        )
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
            Choice([(n, n) for n in NOUNS], "motion", id="vote-noun"),
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
        self._focus_start()
        self.update_outcome()

    def _focus_start(self) -> None:
        """The motion when it is empty, else the count (or the first name to call)."""
        recorded = self.method == "recorded"
        if not self.motion.strip():
            self.query_one("#vote-motion", Input).focus()
        elif recorded:
            self.query_one(VoterTable).focus()
        else:
            self.query_one("#vote-for", Input).focus()

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
        self.query(".hint").last(Static).update(
            "f/g/b/n: for/against/abstain/did not vote  x: clear  ctrl+s: record  escape: cancel"
            if recorded
            else "enter: motion → for → against → abstaining → record   tab: the choices   "
            "escape: cancel"
        )

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
        self.show_error("")
        outcome.update(_outcome_words(decision, self.setup.present, self.unmarked_words()))

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

    def action_accept(self) -> None:
        try:
            value = self.value()
        except ClerkError as error:
            self.show_error(str(error))
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.update_outcome()

    def on_choice_changed(self, event: Choice.Changed) -> None:
        if event.choice.id == "vote-method":
            self.show_method()
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
        )


class NamedVotesDialog(FormDialog[dict[int, str]]):
    """After a show of hands: the members who asked for their own vote to be recorded."""

    CSS_PATH = "../styles/decisions.tcss"

    def __init__(self, setup: VoteSetup, vote: VoteView) -> None:
        super().__init__()
        self.setup = setup
        self.vote = vote
        self.TITLE = f"Named votes — {_clip(vote.motion, 60)}"

    def fields(self) -> ComposeResult:
        yield Static(
            f"Counted by show of hands: {self.vote.for_count} for, {self.vote.against_count} "
            f"against, {self.vote.abstentions} abstaining. Mark the members who asked for "
            "their vote to be recorded.",
            classes="dialog-note",
        )
        named = {n.person_id: n.choice for n in self.vote.named if n.choice != "did-not-vote"}
        yield VoterTable(self.setup.voters, named, did_not_vote=False, id="named-votes")

    def on_mount(self) -> None:
        self.query(".hint").last(Static).update(
            "f / g / b: for / against / abstain   x: clear   ctrl+s: record   escape: cancel"
        )

    def value(self) -> dict[int, str]:
        choices = dict(self.query_one(VoterTable).choices)
        named = tally(choices.values())
        counted = (self.vote.for_count, self.vote.against_count, self.vote.abstentions)
        for word, have, limit in zip(("for", "against", "abstaining"), named, counted, strict=True):
            if have > limit:
                raise ClerkError(f"{have} members named as voting {word} but only {limit} counted")
        return choices


def _count(field: Input, what: str) -> int:
    raw = field.value.strip()
    try:
        return int(raw or "0")
    except ValueError:
        raise ClerkError(f"the number of {what} must be a whole number, not {raw!r}") from None


def _clip(text: str, width: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def _outcome_words(decision: Decision, present: int, still_to_vote: str) -> Text:
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
    text.append(f"\n{decision.text}", style="italic")
    return text
