"""An exempt item's tracker actions never turn public: an item (or a planned meeting) holding
tracker actions cannot be deleted, since deleting it would leave the actions with no item, and
so with nothing saying they are exempt (found by trying the command line as an adversary)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_tui.desk import Desk
from clerk_tui.desk.decisions import ActionFields
from clerk_tui.desk.preparation import ItemFields
from clerk_tui.errors import ClerkError
from tests.bad_inputs.corpus import run_clerk
from tests.test_decisions import march_meeting


def _exempt_item_with_an_action(desk: Desk) -> tuple[int, int]:
    meeting = march_meeting(desk)
    item = desk.agenda.add_item(
        meeting, ItemFields(number="15", title="STAFFING MATTER", exempt=True,
                            exempt_reason="paragraph 1 of Schedule 12A"),
    )  # fmt: skip
    desk.decisions.add_action(
        item.id, ActionFields(text="SECRET settlement to be agreed", owner="HR")
    )
    return meeting, item.id


def test_an_exempt_item_with_an_action_is_not_deleted_and_stays_out_of_the_public_tracker(
    demo_desk: Desk, demo_path: Path, tmp_path: Path
) -> None:
    meeting, item = _exempt_item_with_an_action(demo_desk)
    with pytest.raises(ClerkError, match="item 15 has a tracker action: it cannot be deleted"):
        demo_desk.agenda.delete_item(item)
    with pytest.raises(ClerkError, match="item 15 has a tracker action: its meeting cannot"):
        demo_desk.agenda.delete_meeting(meeting)
    demo_desk.database.close()
    public = tmp_path / "tracker.csv"
    result = run_clerk("--db", str(demo_path), "export", "actions", "-o", str(public))
    assert result.returncode == 0, result.stderr
    assert "SECRET" not in public.read_text(encoding="utf-8-sig")
