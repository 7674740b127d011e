"""In the chamber: starting and ending the meeting and its items, attendance, declarations."""

from __future__ import annotations

from clerk_tui.desk.base import DeskBase


class ChamberDesk(DeskBase):
    pass
