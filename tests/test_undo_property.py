"""Undo takes back exactly what the clerk did, as a property: for random sequences of clerk
actions on the demo's March meeting through the Desk's public methods (attendance, items
started, skipped and deleted, notes, resolutions, votes, named votes, tracker actions and
their updates, the agenda edited and reordered), with undo of the last k actions now and then,
each undo restores every table but the audit's own — every row, every field — to what it held
before them (a hypothesis state machine, on a copy of the demo database, a fake clock)."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    precondition,
    rule,
    run_state_machine_as_test,
)

from clerk_tui.desk import Desk, ItemFields
from clerk_tui.desk.decisions import ActionFields, NoteFields, ResolutionFields, VoteFields
from clerk_tui.errors import ClerkError
from db import open_database
from tests.conftest import FakeClock

MARCH = 2  # the demo's planned meeting of 14 March 2022

Tables = dict[str, list[tuple[Any, ...]]]


def everything(desk: Desk) -> Tables:
    """Every row of every table but the audit's own, every column, in id order."""
    with desk.store.reading() as session:
        connection = session.connection()
        names = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'auditevent'"
        ).scalars()
        return {
            name: [
                tuple(r) for r in connection.exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY id')
            ]
            for name in names
        }


def ids(desk: Desk, query: str) -> list[int]:
    with desk.store.reading() as session:
        found = session.connection().exec_driver_sql(query, (MARCH,) if "?" in query else ())
        return list(found.scalars())


def items(desk: Desk) -> list[int]:
    return ids(desk, "SELECT id FROM agendaitem WHERE meeting_id = ? ORDER BY position")


def of_items(table: str, where: str = "") -> str:
    return (
        f"SELECT t.id FROM {table} t JOIN agendaitem i ON i.id = t.item_id"
        f" WHERE i.meeting_id = ? {where} ORDER BY t.id"
    )


# The items a delete can take that hold something (what undo must bring back with them).
HOLDING = """
    SELECT i.id FROM agendaitem i WHERE i.meeting_id = ? AND i.state NOT IN ('running', 'taken')
    AND (EXISTS (SELECT 1 FROM minutenote WHERE item_id = i.id)
         OR EXISTS (SELECT 1 FROM resolution WHERE item_id = i.id)
         OR EXISTS (SELECT 1 FROM vote WHERE item_id = i.id)
         OR EXISTS (SELECT 1 FROM declaration WHERE item_id = i.id)
         OR EXISTS (SELECT 1 FROM attendance WHERE i.id IN (arrived_item_id, left_item_id)))
    ORDER BY i.position
"""


def voters(desk: Desk) -> list[int]:
    return [m.person.id for m in desk.members.roster(MARCH) if m.voting][:7]


def pick(found: list[int], n: int) -> int:
    """The n-th of what is there (modulo), or a refusal when nothing is."""
    if not found:
        raise ClerkError("nothing of that kind to act on")
    return found[n % len(found)]


# ---- the clerk's actions, each resolved against what the meeting holds when it is made ------
Act = Callable[[Desk, int, int], object]


def _vote(desk: Desk, a: int, b: int) -> object:
    resolutions = ids(desk, of_items("resolution"))
    fields = VoteFields(
        f"Motion {b}",
        for_count=1 + b % 3,
        against_count=a % 3,
        abstentions=b % 2,
        choices=((pick(voters(desk), a), "for"),) if a % 2 else (),
        resolution_id=pick(resolutions, b) if resolutions and b % 2 else None,
    )
    return desk.decisions.record_vote(pick(items(desk), a), fields, inquorate_confirmed=b % 3 == 0)


def _edit_item(desk: Desk, a: int, b: int) -> object:
    item = next(i for i in desk.agenda.meeting(MARCH).items if i.id == pick(items(desk), a))
    fields = ItemFields.of(item)
    return desk.agenda.update_item(
        item.id, ItemFields(**{**fields.__dict__, "title": f"{item.title} ({b})"})
    )


ACTS: dict[str, Act] = {
    "mark": lambda d, a, b: d.attendance.mark(
        MARCH, pick(voters(d), a), ("present", "apologies", "absent")[b % 3]
    ),
    "arrive": lambda d, a, b: d.attendance.arrived_now(MARCH, pick(voters(d), a)),
    "leave": lambda d, a, b: d.attendance.left_now(MARCH, pick(voters(d), a)),
    "start": lambda d, a, b: d.chamber.start_item(MARCH, pick(items(d), a)),
    "next": lambda d, a, b: d.chamber.next_item(MARCH),
    "back": lambda d, a, b: d.chamber.previous_item(MARCH),
    "settle": lambda d, a, b: d.chamber.settle_item(
        MARCH, pick(items(d), a), ("deferred", "withdrawn", "pending")[b % 3]
    ),
    "declare": lambda d, a, b: d.attendance.declare(
        MARCH,
        pick(items(d), a),
        pick(voters(d), b),
        kind="other-registrable",
        nature=f"interest {b}",
        action=("left-room", "spoke-and-voted")[b % 2],
    ),
    "note": lambda d, a, b: d.decisions.add_note(
        pick(items(d), a), NoteFields(f"Note {b}", ("paragraph", "bullet")[b % 2])
    ),
    "edit note": lambda d, a, b: d.decisions.edit_note(
        pick(ids(d, of_items("minutenote")), a), NoteFields(f"Edited {b}")
    ),
    "move note": lambda d, a, b: d.decisions.move_note(
        pick(ids(d, of_items("minutenote")), a), b % 2 * 2 - 1
    ),
    "delete note": lambda d, a, b: d.decisions.delete_note(pick(ids(d, of_items("minutenote")), a)),
    "resolution": lambda d, a, b: d.decisions.add_resolution(
        pick(items(d), a),
        ResolutionFields(
            f"That {b} be resolved",
            parent_id=pick(ids(d, of_items("resolution", "AND parent_id IS NULL")), b)
            if b % 2
            else None,
        ),
    ),
    "edit resolution": lambda d, a, b: d.decisions.edit_resolution(
        pick(ids(d, of_items("resolution")), a), ResolutionFields(f"That {b} be noted", noted=True)
    ),
    "move resolution": lambda d, a, b: d.decisions.move_resolution(
        pick(ids(d, of_items("resolution")), a), b % 2 * 2 - 1
    ),
    "delete resolution": lambda d, a, b: d.decisions.delete_resolution(
        pick(ids(d, of_items("resolution")), a)
    ),
    "vote": _vote,
    "named votes": lambda d, a, b: d.decisions.record_named_votes(
        pick(ids(d, of_items("vote")), a), {pick(voters(d), b): "for"} if b % 2 else {}
    ),
    "delete vote": lambda d, a, b: d.decisions.delete_vote(pick(ids(d, of_items("vote")), a)),
    "action": lambda d, a, b: d.decisions.add_action(
        pick(items(d), a), ActionFields(f"Action {b}", owner="Chief Executive")
    ),
    "edit action": lambda d, a, b: d.decisions.edit_action(
        pick(ids(d, "SELECT id FROM action WHERE meeting_id = ? ORDER BY id"), a),
        ActionFields(f"Action {b}, amended", due="June"),
    ),
    "delete action": lambda d, a, b: d.decisions.delete_action(
        pick(ids(d, "SELECT id FROM action WHERE meeting_id = ? ORDER BY id"), a)
    ),
    "action update": lambda d, a, b: d.tracker.record_action_update(
        pick(ids(d, "SELECT id FROM action ORDER BY id"), a),
        f"Update {b}",
        meeting_id=MARCH,
    ),
    "add item": lambda d, a, b: d.agenda.add_item(
        MARCH, ItemFields(f"Extra item {b}"), after=pick(items(d), a) if b % 2 else 0
    ),
    "edit item": _edit_item,
    "papers": lambda d, a, b: d.agenda.cycle_papers(pick(items(d), a)),
    "move item": lambda d, a, b: d.agenda.move_item(pick(items(d), a), b % 2 * 2 - 1),
    "renumber": lambda d, a, b: d.agenda.renumber_items(MARCH),
    "delete item": lambda d, a, b: d.agenda.delete_item(pick(ids(d, HOLDING) or items(d), a)),
}


def newest_event(desk: Desk) -> tuple[int, int | None]:
    with desk.store.reading() as session:
        row = (
            session.connection()
            .exec_driver_sql("SELECT id, meeting_id FROM auditevent ORDER BY id DESC LIMIT 1")
            .first()
        )
    return (row[0], row[1]) if row is not None else (0, None)


def same(found: Tables, expected: Tables) -> None:
    for table, rows in expected.items():
        assert found[table] == rows, table


class Clerk(RuleBasedStateMachine):
    """A clerk at the March meeting: any action, any time, and now and then undo of the last
    k actions, which must bring back exactly what was there before them. A refused action,
    or one that records nothing, must change nothing — so no change escapes the audit."""

    def __init__(self, template: Path, folder: Path) -> None:
        super().__init__()
        path = folder / "demo.db"
        shutil.copyfile(template, path)
        self.database = open_database(path)
        self.clock = FakeClock(datetime(2022, 3, 14, 13, 25))
        self.desk = Desk(self.database, self.clock)
        # The room as the chair opens: six of the seven members here (one may arrive late),
        # the first report running; so votes, declarations and arrivals can all be made.
        for n in range(6):
            ACTS["mark"](self.desk, n, 0)
        ACTS["start"](self.desk, 6, 0)
        # What every table held before each action still to be undone (the last: now).
        self.history = [everything(self.desk)]

    def act(self, name: str, a: int, b: int) -> None:
        self.clock.advance(1)
        newest = newest_event(self.desk)
        with contextlib.suppress(ClerkError):
            ACTS[name](self.desk, a, b)
        now = everything(self.desk)
        if newest_event(self.desk) == newest:
            same(now, self.history[-1])  # refused, or nothing to do: nothing changed
            return
        assert newest_event(self.desk)[1] == MARCH, f"{name} was recorded outside the meeting"
        event(f"recorded: {name}")  # --hypothesis-show-statistics: what the runs exercise
        self.history.append(now)

    @precondition(lambda self: len(self.history) > 1)
    @rule(data=st.data())
    def undo(self, data: st.DataObject) -> None:
        k = data.draw(st.integers(1, len(self.history) - 1), label="k")
        for _ in range(k):
            assert self.desk.undo.undo_last(MARCH) is not None
        del self.history[-k:]
        event(f"undone: {min(k, 3)}{'+' if k >= 3 else ''}")
        same(everything(self.desk), self.history[-1])

    def teardown(self) -> None:
        self.database.close()


def _acting(name: str) -> Callable[[Clerk, int, int], None]:
    def act(self: Clerk, a: int, b: int) -> None:
        self.act(name, a, b)

    return act


# One rule per clerk action (not one rule choosing among them): hypothesis then leaves some
# rules out of each run (swarm testing), so a run goes deep into a few kinds of record — a note
# on an item and the item deleted, a vote and its named votes — instead of a little of each.
for _name in ACTS:
    setattr(
        Clerk,
        _name.replace(" ", "_"),
        rule(a=st.integers(0, 5), b=st.integers(0, 5))(_acting(_name)),
    )


def test_undo_of_the_last_k_actions_restores_every_row_and_field(
    _demo_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    class AtTheMeeting(Clerk):
        def __init__(self) -> None:
            super().__init__(_demo_template, tmp_path_factory.mktemp("clerk"))

    run_state_machine_as_test(
        AtTheMeeting,
        settings=settings(
            max_examples=30,
            stateful_step_count=35,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
