"""``desk.speakers``: who is heard on an item, in what capacity, for how long; ``k``'s timer.

Each public method that writes is one clerk action (one transaction with its audit events);
given a ``read_back``, the meeting is read into it inside that transaction.
"""

from __future__ import annotations

from clerk_tui.desk.debate_fields import SpeakerFields, SpeakerView
from clerk_tui.desk.live_action import ReadBack
from clerk_tui.desk.store import Store

Back = ReadBack | None


class SpeakerService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add_speaker(
        self, item_id: int, fields: SpeakerFields, *, read_back: Back = None
    ) -> SpeakerView:
        raise NotImplementedError

    def edit_speaker(
        self, speaker_id: int, fields: SpeakerFields, *, read_back: Back = None
    ) -> SpeakerView:
        raise NotImplementedError

    def delete_speaker(self, speaker_id: int, *, read_back: Back = None) -> None:
        raise NotImplementedError

    def move_speaker(self, speaker_id: int, step: int, *, read_back: Back = None) -> None:
        raise NotImplementedError

    def toggle_timer(self, item_id: int, *, read_back: Back = None) -> SpeakerView | None:
        """``k``: stop the item's running speaker, else start the next not yet heard; None
        when there is nobody left to hear (the screen says so)."""
        raise NotImplementedError
