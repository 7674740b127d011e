"""The guard every new record on an item passes: a closed meeting's minutes carry only the
items it took, so a note, resolution, vote, action or declaration on an item it never took
would be words the clerk believes minuted that no export prints. It is refused in one line
that says where it belongs instead. (An open meeting takes records on any item: the clerk may
write ahead of the chair.) The live screen asks the same question of the meeting it holds, so
the key is refused before a dialog opens; the Desk asks it again inside the transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from sqlmodel import Session

from clerk_tui.desk.store import get
from clerk_tui.errors import ClerkError
from db import models


class _Item(Protocol):
    @property
    def number(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def actual_start(self) -> datetime | None: ...


def unminuted(closed: bool, item: _Item) -> str | None:
    """Why nothing new may be recorded on ``item``, or None when it may."""
    if not closed or item.actual_start is not None:
        return None
    name = f"item {item.number}" if item.number else f"“{item.title}”"
    return (
        f"{name} was not taken before the meeting closed, so no minutes would carry this: "
        "record it on the item where it was dealt with"
    )


def refuse_unminuted(session: Session, item: models.AgendaItem) -> None:
    meeting = get(session, models.Meeting, item.meeting_id, "meeting")
    reason = unminuted(meeting.status == "closed", item)
    if reason is not None:
        raise ClerkError(reason)
