"""What the decision dialogs hand in: a minute note, a resolution, a tracker action, a vote as
counted. Values only, checked before anything is written; the service is
:mod:`clerk_tui.desk.decisions`."""

from __future__ import annotations

from dataclasses import dataclass

from clerk_tui import rules
from clerk_tui.errors import ClerkError
from db import models

# ---- what the dialogs hand in ----------------------------------------------------------------


@dataclass(frozen=True)
class NoteFields:
    text: str
    kind: str = "paragraph"  # or "bullet": a discussion point

    def check(self) -> None:
        if not self.text.strip():
            raise ClerkError("a note needs some text", where="note")
        if self.kind not in models.NOTE_KINDS:
            raise ClerkError(f"a note is a paragraph or a bullet, not {self.kind!r}", where="kind")


@dataclass(frozen=True)
class ResolutionFields:
    text: str
    parent_id: int | None = None  # a sub-point (a., b.) of this resolution
    noted: bool = False

    def check(self) -> None:
        if not self.text.strip():
            raise ClerkError("a resolution needs the words that were resolved", where="text")


@dataclass(frozen=True)
class ActionFields:
    text: str
    owner: str = ""
    due: str = ""  # free text: "September 2022", "31 March 2022"
    resolution_id: int | None = None

    def check(self) -> None:
        if not self.text.strip():
            raise ClerkError("an action needs to say what is to be done", where="action")


@dataclass(frozen=True)
class VoteFields:
    """A vote as the dialog counted it.

    Show of hands: the counts, and optionally ``choices`` for members who asked for their own
    vote to be recorded. Recorded vote: ``choices`` for every member able to vote; the counts
    are then tallied from them.
    """

    motion: str
    majority: str = rules.Majority.SIMPLE.value
    method: str = "show-of-hands"
    for_count: int = 0
    against_count: int = 0
    abstentions: int = 0
    casting_vote: str | None = None
    choices: tuple[tuple[int, str], ...] = ()  # (person id, "for"/"against"/"abstain"/...)
    resolution_id: int | None = None
    noun: str = "motion"  # "recommendation", "amendment": the word the sentence uses
    # The motion or amendment (desk.debate) the vote is on; None: a vote on ``motion``'s words.
    motion_id: int | None = None

    def check(self) -> None:
        if not self.motion.strip():
            raise ClerkError("a vote needs the motion put to it", where="motion")
        if self.method not in models.VOTE_METHODS:
            raise ClerkError(f"{self.method!r} is not a way of voting", where="method")
