"""The action tracker across meetings: updates, completion, reopening, filters."""

from __future__ import annotations

from clerk_tui.desk.base import DeskBase


class TrackerDesk(DeskBase):
    pass
