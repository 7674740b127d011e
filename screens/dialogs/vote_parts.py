"""The vote dialog's own widgets: the roll of members for a recorded vote (f / g / b / n mark
each name), a choice among a few fixed options changed in place, and the motion's field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip
from textual.widgets import DataTable, Input, Static

from clerk_tui.desk.debate_fields import DebateSetup, MotionView
from clerk_tui.desk.decisions import VoterView
from clerk_tui.minutes import MotionRecord, VoteRecord
from clerk_tui.minutes.debate import vote_sentence
from clerk_tui.rules import Decision, PersonChoice
from screens.base import plain
from screens.dialogs.motion_parts import motion_label

# The words a vote's sentence may call what was put ("put as").
NOUNS = ("motion", "recommendation", "amendment", "proposal")
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
        # The chair calls the few against (and abstaining) first; the rest are then for.
        Binding("F", "rest_for", "All the rest for",
                tooltip="Every member not yet marked votes for", id="vote-rest-for"),
        # Enter records the vote (its dialog refuses in words while a name is unmarked), as
        # enter does from the counts: a row has nothing to open.
        Binding("enter", "screen.accept", "Record", tooltip="Record the vote",
                id="vote-names-record"),
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

    def action_rest_for(self) -> None:
        for voter in self.unmarked:
            self.choices[voter.person_id] = PersonChoice.FOR.value
            self.update_cell(str(voter.person_id), "vote", self._vote_cell(voter))
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


class MotionInput(Input):
    """The motion put to the vote. Prefilled from a resolution it is longer than the field, and
    an Input left alone shows the end of its text (its cursor's side) cut mid-word; until the
    clerk goes to it, this one shows the motion's start instead, cut at a word with "…"."""

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self.has_focus or y != 0 or not self.value or cell_len(self.value) <= width:
            return super().render_line(y)
        shown = Text(clip_at_word(self.value, width), no_wrap=True, end="")
        console = self.app.console
        strip = Strip(console.render(shown, self.app.console_options.update_width(width + 1)))
        return strip.extend_cell_length(width + 1).apply_style(self.rich_style)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


def clip_at_word(text: str, width: int) -> str:
    """``text`` in at most ``width`` cells: whole words from its start, then "…"."""
    words = " ".join(text.split())
    if cell_len(words) <= width:
        return words
    kept = ""
    for word in words.split(" "):
        longer = f"{kept} {word}" if kept else word
        if cell_len(longer) > width - 1:
            break
        kept = longer
    if not kept:  # one word wider than the field: cut it
        kept = words[: max(0, width - 1)]
    return kept.rstrip(",;:") + "…"


def clip_line(text: str, width: int) -> str:
    """``text`` on one line of at most ``width`` characters, cut with "…"."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def nouns_for(noun: str) -> tuple[str, ...]:
    """The nouns offered, with the rules' own for the motion put ("substantive motion")."""
    return NOUNS if noun in NOUNS else (noun, *NOUNS)


def on_words(motion: MotionView, debate: DebateSetup) -> str:
    return clip_line(f"{motion_label(motion, debate.motions)}: {motion.words}", 70)


def debated_sentence(debate: DebateSetup | None, motion_id: int | None, decision: Decision) -> str:
    """What the minutes will say of a vote on the motion or amendment ``motion_id`` (the
    debate's sentence, "On being put to the vote the amendment was lost (4 for, 6 against).",
    not the rules' "A vote of … resulted in …", which a vote on no motion prints); the rules'
    sentence when the vote is on no motion."""
    motion = debate.motion(motion_id) if debate is not None else None
    if debate is None or motion is None:
        return decision.text
    record = MotionRecord(
        motion.text,
        motion.kind,
        state=motion.state,
        amends_id=motion.amends_id,
        substantive_text=motion.substantive_text,
        id=motion.id,
    )
    vote = VoteRecord(
        decision.text,
        for_count=decision.for_votes,
        against_count=decision.against,
        abstentions=decision.abstentions,
        carried=decision.carried,
        motion_id=motion.id,
        casting=decision.casting_vote,
    )
    # As the minutes have it: a motion its carried amendments changed is put as amended.
    amended = bool(motion.substantive_text.strip()) or any(
        m.amends_id == motion.id and m.state == "carried" for m in debate.motions
    )
    return vote_sentence(record, vote, amended=amended)
