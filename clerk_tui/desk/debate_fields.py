"""What the debate dialogs hand in and read back: a motion or amendment as moved, a speaker as
listed, and the item's debate as the motion and vote dialogs need it. Loads no service (the
screens import it freely)."""

from __future__ import annotations

from dataclasses import dataclass

from clerk_tui import rules
from clerk_tui.errors import ClerkError
from clerk_tui.rules import MotionFact
from db.views import MotionView, SpeakerView

# The words a report's recommendation is moved in "as printed" (one key in the motion dialog);
# the clerk may edit them like any motion's.
AS_PRINTED = "the recommendations as printed in the report be approved"

# How the dialogs and the minutes name each capacity a speaker is heard in.
CAPACITY_WORDS: dict[str, str] = {
    "public-support": "Public speaker in support",
    "public-objection": "Public speaker in objection",
    "ward-member": "Ward member",
    "officer": "Officer",
    "applicant": "Applicant",
    "other": "Other",
}


@dataclass(frozen=True)
class MotionFields:
    """A motion as moved, or (``amends_id`` set) an amendment to that motion or amendment.
    ``mover_id`` / ``seconder_id``: members present (people ids), None when not recorded."""

    text: str
    mover_id: int | None = None
    seconder_id: int | None = None
    as_printed: bool = False
    amends_id: int | None = None

    def check(self) -> None:
        if not self.text.strip():
            raise ClerkError("a motion needs its words: what was moved", where="text")
        if self.mover_id is not None and self.mover_id == self.seconder_id:
            raise ClerkError("the seconder cannot be the mover", where="seconder")


@dataclass(frozen=True)
class SpeakerFields:
    """A speaker as listed: ``time_limit`` in seconds (0: no limit; None: the body's
    speaking time)."""

    name: str
    capacity: str = "other"
    time_limit: int | None = None

    def check(self) -> None:
        if not self.name.strip():
            raise ClerkError("a speaker needs a name", where="name")
        if self.capacity not in CAPACITY_WORDS:
            raise ClerkError(f"{self.capacity!r} is not a capacity to speak in", where="capacity")
        if self.time_limit is not None and self.time_limit < 0:
            raise ClerkError("a time limit cannot be negative", where="limit")


@dataclass(frozen=True)
class DebateSetup:
    """An item's debate as the motion and vote dialogs need it.

    ``motions``: every motion and amendment on the item in the order moved. ``members``: the
    voting members present, (name as the roster shows it, person id), for mover and seconder.
    ``next_to_vote``: the motion or amendment the rules of order put to the vote next (an
    amendment before the motion it amends), None when nothing is waiting for a vote.
    ``nested_amendments``: the body's standing orders allow an amendment to an amendment.
    ``body``: how the refusals name the body ("Panel"). ``facts``: the motions as the rules of
    order see them (with whether each has a vote), for the questions below."""

    item_id: int
    item_label: str
    motions: tuple[MotionView, ...]
    members: tuple[tuple[str, int], ...]
    next_to_vote: int | None
    nested_amendments: bool = False
    body: str = "the body"
    facts: tuple[MotionFact, ...] = ()

    def motion(self, motion_id: int | None) -> MotionView | None:
        return next((m for m in self.motions if m.id == motion_id), None)

    def noun(self, motion_id: int) -> str:
        """What the vote's sentence calls it: "motion", "amendment", "substantive motion"."""
        return rules.vote_noun(self.facts, motion_id)

    def vote_refusal(self, motion_id: int) -> str | None:
        """Why it cannot be put to the vote now, or None (as the Desk will ask again)."""
        return rules.vote_refusal(self.facts, motion_id)

    def amendment_refusal(self, motion_id: int) -> str | None:
        """Why no amendment to it can be moved now, or None."""
        return rules.amendment_refusal(
            self.facts, motion_id, nested=self.nested_amendments, body=self.body
        )

    def motion_refusal(self) -> str | None:
        """Why no new motion can be moved on the item now, or None."""
        return rules.motion_refusal(self.facts)


__all__ = [
    "AS_PRINTED",
    "CAPACITY_WORDS",
    "DebateSetup",
    "MotionFields",
    "MotionView",
    "SpeakerFields",
    "SpeakerView",
]
