"""After a show of hands, the members who ask for their own vote to be recorded by name (enter
on a vote in the record pane)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from clerk_tui.desk.decisions import VoteSetup, VoteView
from clerk_tui.errors import ClerkError
from clerk_tui.rules import tally
from screens.dialogs.form import FormDialog
from screens.dialogs.vote_parts import VoterTable, clip_line


class NamedVotesDialog(FormDialog[dict[int, str]]):
    """After a show of hands: the members who asked for their own vote to be recorded."""

    CSS_PATH = "../styles/decisions.tcss"

    def __init__(self, setup: VoteSetup, vote: VoteView) -> None:
        super().__init__()
        self.setup = setup
        self.vote = vote
        self.heading = f"Named votes — {clip_line(vote.motion, 60)}"

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

    def draft(self) -> tuple[object, ...]:
        return tuple(sorted(self.query_one(VoterTable).choices.items()))

    def value(self) -> dict[int, str]:
        choices = dict(self.query_one(VoterTable).choices)
        named = tally(choices.values())
        counted = (self.vote.for_count, self.vote.against_count, self.vote.abstentions)
        for word, have, limit in zip(("for", "against", "abstaining"), named, counted, strict=True):
            if have > limit:
                raise ClerkError(f"{have} members named as voting {word} but only {limit} counted")
        return choices
