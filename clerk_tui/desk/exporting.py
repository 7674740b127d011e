"""After the meeting: the minutes and the other papers, exported."""

from __future__ import annotations

from clerk_tui.desk.base import DeskBase


class ExportDesk(DeskBase):
    pass
