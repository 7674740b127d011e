"""Decisions on the spot: minute notes, resolutions, votes, tracker actions, undo."""

from __future__ import annotations

from clerk_tui.desk.base import DeskBase


class DecisionDesk(DeskBase):
    pass
