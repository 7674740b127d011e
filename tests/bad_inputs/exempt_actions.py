"""A copy of the demo with an exempt item whose actions and update carry sentinels (shared by
the exempt-leak corpus and the tracker screen's tests)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from clerk_tui.desk import Desk, ItemFields
from clerk_tui.desk.tracker import TrackerActionFields
from db import open_database
from tests.conftest import FakeClock

SECRET_ACTION = "QUOKKA-EXEMPT-ACTION-5521"
SECRET_DONE = "QUOKKA-EXEMPT-COMPLETED-5521"
SECRET_UPDATE = "QUOKKA-EXEMPT-UPDATE-5521"
SECRETS = (SECRET_ACTION, SECRET_DONE, SECRET_UPDATE)
PUBLIC_ACTION = "Panel Inquiry on Public Confidence in Policing"  # minute 617, a public item
CARRIED_OVER = "The Commissioner report back on the number of crim"  # 631: no source item
REASON = "paragraph 3 of Schedule 12A"


def make_exempt(db: Path) -> None:
    """Item 620 of the November meeting made exempt; its outstanding action and its completed
    one carry a sentinel, and so does an update given on the outstanding one."""
    database = open_database(db)
    try:
        desk = Desk(database, FakeClock(datetime(2022, 3, 14, 13, 25)))
        panel = desk.agenda.find_body("Panel")
        assert panel is not None
        actions = [a for a in desk.tracker.action_tracker(panel.id) if a.minute_number == 620]
        outstanding = next(a for a in actions if a.status == "outstanding")
        completed = next(a for a in actions if a.status == "completed")
        assert outstanding.item_id == completed.item_id is not None
        item = next(
            i
            for i in desk.agenda.meeting(outstanding.meeting_id or 0).items
            if i.id == outstanding.item_id
        )
        desk.agenda.update_item(
            item.id, replace(ItemFields.of(item), exempt=True, exempt_reason=REASON)
        )
        for action, words in ((outstanding, SECRET_ACTION), (completed, SECRET_DONE)):
            desk.tracker.edit_tracked_action(
                action.id, TrackerActionFields(text=f"{words} in full")
            )
        desk.tracker.record_action_update(outstanding.id, f"{SECRET_UPDATE}: sent to the PCC")
    finally:
        database.close()
