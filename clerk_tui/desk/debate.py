"""``desk.debate``: motions moved on an item, the amendments to them, and what became of each.

Each public method that writes is one clerk action: one transaction (``Store.recording``) with
its audit events, so undo takes it back whole; given a ``read_back``, the meeting is read into
it inside that transaction (as :class:`clerk_tui.desk.decisions.DecisionService` does). The
rules of order come from :mod:`clerk_tui.rules.debate`; a vote on a motion is recorded by
``desk.decisions.record_vote`` with ``VoteFields.motion_id``.
"""

from __future__ import annotations

from clerk_tui.desk.debate_fields import DebateSetup, MotionFields, MotionView
from clerk_tui.desk.live_action import ReadBack
from clerk_tui.desk.store import Store

Back = ReadBack | None


class DebateService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def debate_setup(self, item_id: int) -> DebateSetup:
        """The item's motions, the members who may move them, and what is next to vote."""
        raise NotImplementedError

    def move_motion(
        self, item_id: int, fields: MotionFields, *, read_back: Back = None
    ) -> MotionView:
        """A motion moved on the item, or (``fields.amends_id``) an amendment to one; refused
        in words where the rules of order forbid it."""
        raise NotImplementedError

    def edit_motion(
        self, motion_id: int, fields: MotionFields, *, read_back: Back = None
    ) -> MotionView:
        raise NotImplementedError

    def set_motion_state(self, motion_id: int, state: str, *, read_back: Back = None) -> MotionView:
        """Withdrawn, not put, or moved again; carried and lost come from its votes."""
        raise NotImplementedError

    def confirm_substantive(
        self, motion_id: int, text: str, *, read_back: Back = None
    ) -> MotionView:
        """The clerk's wording of the motion as the amendments carried made it."""
        raise NotImplementedError

    def delete_motion(self, motion_id: int, *, read_back: Back = None) -> None:
        """The motion with its amendments and their votes."""
        raise NotImplementedError
