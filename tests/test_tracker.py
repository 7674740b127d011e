"""The action tracker's services against a real SQLite file (the demo panel): reads, updates,
completion, reopening, editing, filters, and the exports compared with the reference tracker."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlmodel import col, select

from clerk_tui.desk import Desk
from clerk_tui.desk.tracker import (
    ActionFilter,
    TrackedAction,
    TrackerActionFields,
    TrackerService,
    date_label,
    minute_label,
    owner_choices,
    source_choices,
    source_key,
)
from clerk_tui.errors import ClerkError
from db import models
from tests.conftest import FakeClock

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
OUTSTANDING_MINUTES = ["617", "620", "629", "630", "630", "630", "631"]
COMPLETED_MINUTES = ["596", "594", "596", "606", "620", "621"]


def reference_rows() -> dict[str, list[list[str]]]:
    """The reference tracker's two tables as [minute, date, action, update] rows. Its 606 row
    carries the HTML of the web page it was copied from; the words are compared."""
    path = REFERENCE / "action-tracker-2022-03-14.txt"
    if not path.is_file():
        pytest.skip(f"reference paper {path} is not at hand")
    tables: dict[str, list[list[str]]] = {"outstanding": [], "completed": []}
    current = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("Outstanding Actions"):
            current = "outstanding"
        elif line.startswith("Completed Actions"):
            current = "completed"
        elif "\t" in line and not line.startswith("Minute No."):
            tables[current].append([words(cell) for cell in line.split("\t")])
    return tables


def words(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def body_id(desk: Desk) -> int:
    panel = desk.agenda.find_body("West Midlands Police and Crime Panel")
    assert panel is not None
    return panel.id


def by_minute(desk: Desk, minute: int, status: str = "outstanding") -> TrackedAction:
    return next(
        a
        for a in desk.tracker.action_tracker(body_id(desk))
        if a.minute_number == minute and a.status == status
    )


def march_meeting(desk: Desk) -> int:
    return next(m.id for m in desk.agenda.meetings(body_id(desk)) if m.date == date(2022, 3, 14))


# ---- reading the tracker ------------------------------------------------------------------
def test_demo_tracker_outstanding_first_in_the_reference_order(demo_desk: Desk) -> None:
    actions = demo_desk.tracker.action_tracker(body_id(demo_desk))
    outstanding = [a for a in actions if a.status == "outstanding"]
    completed = [a for a in actions if a.status == "completed"]
    assert actions == outstanding + completed
    assert [minute_label(a) for a in outstanding] == OUTSTANDING_MINUTES
    assert [minute_label(a) for a in completed] == COMPLETED_MINUTES
    assert [date_label(a) for a in completed] == [
        "July 2021",
        "July 2021",
        "July 2021",
        "Oct 2021",
        "Nov 2021",
        "Nov 2021",
    ]
    # Minutes 617-622 were made at the demo's November meeting: they link to its items.
    assert outstanding[0].item_id is not None and outstanding[0].meeting_id is not None
    assert outstanding[2].item_id is None and outstanding[2].source_date == date(2022, 1, 31)


def test_unknown_body_and_action_are_refused_in_words(demo_desk: Desk) -> None:
    with pytest.raises(ClerkError, match="there is no body 99"):
        demo_desk.tracker.action_tracker(99)
    with pytest.raises(ClerkError, match="there is no action 999"):
        demo_desk.tracker.tracked_action(999)


def test_no_other_service_shadows_the_tracker_methods(demo_desk: Desk) -> None:
    """Desk composes its services: each tracker method is reached through desk.tracker and is
    the tracker's own, never another service's of the same name, nor one on the root."""
    for name, member in vars(TrackerService).items():
        if callable(member) and not name.startswith("__"):
            assert getattr(demo_desk.tracker, name).__func__ is member, name
            assert not hasattr(demo_desk, name), name


# ---- updates ----------------------------------------------------------------------------------
def test_update_is_dated_linked_to_the_meeting_and_kept_as_history(
    demo_desk: Desk, clock: FakeClock
) -> None:
    action = by_minute(demo_desk, 617)
    meeting_id = march_meeting(demo_desk)
    clock.set("14:05")
    done = demo_desk.tracker.record_action_update(
        action.id, "  PCC response  received\n", meeting_id=meeting_id
    )
    assert done.latest_update == "PCC response received"
    assert done.last_update_on == date(2022, 3, 14)
    history = demo_desk.tracker.action_history(action.id)
    assert [(u.date, u.meeting_id, u.text) for u in history] == [
        (date(2022, 3, 14), meeting_id, "PCC response received"),
        (
            date(2022, 3, 1),
            None,
            "Report and recommendations sent to PCC seeking response by 31 March 2022",
        ),
    ]
    assert history[0].meeting_date == date(2022, 3, 14)
    with demo_desk.store.reading() as session:
        events = session.exec(
            select(models.AuditEvent).where(
                col(models.AuditEvent.entity).in_(["action", "actionupdate"])
            )
        ).all()
    assert {(e.entity, e.op, e.meeting_id) for e in events} == {
        ("actionupdate", "create", meeting_id),
        ("action", "update", meeting_id),
    }
    assert len({e.group_id for e in events}) == 1  # one clerk action, undone as one
    assert all(e.at == datetime(2022, 3, 14, 14, 5) for e in events)


def test_blank_update_is_refused_and_nothing_changes(demo_desk: Desk) -> None:
    action = by_minute(demo_desk, 631)
    with pytest.raises(ClerkError, match="an update needs some words"):
        demo_desk.tracker.record_action_update(action.id, "   ")
    assert demo_desk.tracker.tracked_action(action.id) == action
    assert demo_desk.tracker.action_history(action.id) == []


def test_update_at_another_bodys_meeting_is_refused(demo_desk: Desk) -> None:
    from clerk_tui.desk import BodyFields, MeetingFields

    other = demo_desk.agenda.create_body(BodyFields(name="Audit Committee"))
    meeting = demo_desk.agenda.create_meeting(
        other.id,
        MeetingFields(date=date(2022, 3, 20), scheduled_start=datetime(1, 1, 1, 10).time()),
    )
    action = by_minute(demo_desk, 631)
    with pytest.raises(ClerkError, match="another body"):
        demo_desk.tracker.record_action_update(action.id, "Noted", meeting_id=meeting.id)
    assert demo_desk.tracker.action_history(action.id) == []


# ---- completion and reopening ----------------------------------------------------------------
def test_complete_then_reopen_keeps_the_whole_history(demo_desk: Desk) -> None:
    action = by_minute(demo_desk, 629)
    done = demo_desk.tracker.complete_action(action.id, update="Presented 14 March 2022")
    assert (done.status, done.completed_on) == ("completed", date(2022, 3, 14))
    assert done.latest_update == "Completed: Presented 14 March 2022"
    assert by_minute(demo_desk, 629, "completed").id == action.id

    again = demo_desk.tracker.reopen_action(action.id)
    assert (again.status, again.completed_on, again.latest_update) == (
        "outstanding",
        None,
        "Reopened",
    )
    assert [u.text for u in demo_desk.tracker.action_history(action.id)] == [
        "Reopened",
        "Completed: Presented 14 March 2022",
        "To be programmed",
    ]


def test_completion_words_and_dates(demo_desk: Desk) -> None:
    first = by_minute(demo_desk, 630)
    done = demo_desk.tracker.complete_action(first.id, on=date(2022, 3, 2))
    assert done.latest_update == "Completed 2 March 2022"
    assert demo_desk.tracker.action_history(first.id)[0].date == date(2022, 3, 2)
    with pytest.raises(ClerkError, match="already completed on 2 March 2022"):
        demo_desk.tracker.complete_action(first.id)

    other = by_minute(demo_desk, 631)
    with pytest.raises(ClerkError, match="after today"):
        demo_desk.tracker.complete_action(other.id, on=date(2022, 3, 15))
    with pytest.raises(ClerkError, match="dates from Jan 2022"):
        demo_desk.tracker.complete_action(other.id, on=date(2021, 12, 31))
    assert demo_desk.tracker.tracked_action(other.id).status == "outstanding"


def test_reopening_an_outstanding_action_is_refused(demo_desk: Desk) -> None:
    with pytest.raises(ClerkError, match="nothing to reopen"):
        demo_desk.tracker.reopen_action(by_minute(demo_desk, 617).id)


# ---- editing and carried-over actions -------------------------------------------------------
def test_edit_and_add_a_carried_over_action(demo_desk: Desk) -> None:
    body = body_id(demo_desk)
    added = demo_desk.tracker.add_carried_over_action(
        body,
        TrackerActionFields(
            text="Circulate the work programme",
            owner="Panel Office",
            minute_number=598,
            source_date=date(2021, 9, 1),
        ),
    )
    assert (minute_label(added), date_label(added), added.status) == (
        "598",
        "Sept 2021",
        "outstanding",
    )
    # Kept in the order of the meetings they came from, not the order typed in.
    order = [minute_label(a) for a in demo_desk.tracker.action_tracker(body)]
    assert order[:3] == ["598", "617", "620"]
    edited = demo_desk.tracker.edit_tracked_action(
        added.id,
        TrackerActionFields(
            text="Circulate the revised work programme",
            owner="Panel Officers",
            due="June 2022",
            minute_number=599,
            source_date=date(2021, 9, 1),
        ),
    )
    assert (edited.text, edited.owner, edited.due, edited.minute_number) == (
        "Circulate the revised work programme",
        "Panel Officers",
        "June 2022",
        599,
    )
    with pytest.raises(ClerkError, match="needs its words"):
        demo_desk.tracker.edit_tracked_action(added.id, TrackerActionFields(text=" "))


def test_an_action_made_at_a_meeting_keeps_its_items_minute(demo_desk: Desk) -> None:
    linked = by_minute(demo_desk, 617)
    kept = demo_desk.tracker.edit_tracked_action(
        linked.id, TrackerActionFields(text=linked.text, owner="Chair")
    )
    assert (kept.minute_number, kept.owner) == (617, "Chair")
    with pytest.raises(ClerkError, match="takes its minute number from its item"):
        demo_desk.tracker.edit_tracked_action(
            linked.id, TrackerActionFields(text=linked.text, minute_number=700)
        )


def test_an_action_of_a_live_meeting_shows_its_provisional_minute(demo_desk: Desk) -> None:
    """While its meeting is live an action has no minute number of its own: the tracker shows
    the number its item has so far (633, the Panel's next), marked provisional."""
    meeting_id = march_meeting(demo_desk)
    with demo_desk.database.transaction() as session:
        meeting = session.get(models.Meeting, meeting_id)
        assert meeting is not None
        meeting.status = "live"
        item = session.exec(
            select(models.AgendaItem).where(models.AgendaItem.meeting_id == meeting_id)
        ).first()
        assert item is not None
        item.state, item.actual_start = "running", datetime(2022, 3, 14, 13, 30)
        session.add_all([meeting, item])
        session.add(
            models.Action(
                body_id=item.body_id,
                meeting_id=meeting_id,
                item_id=item.id,
                text="Report back on the recording arrangements",
                created_at=datetime(2022, 3, 14, 13, 31),
            )
        )
    action = next(
        a
        for a in demo_desk.tracker.action_tracker(body_id(demo_desk))
        if a.meeting_id == meeting_id
    )
    assert (minute_label(action), date_label(action), action.provisional) == (
        "633*",
        "Mar 2022",
        True,
    )
    assert ActionFilter(text="633").apply([action]) == [action]


# ---- filters ----------------------------------------------------------------------------------
def test_filters_by_status_owner_meeting_and_words(demo_desk: Desk) -> None:
    actions = demo_desk.tracker.action_tracker(body_id(demo_desk))

    def minutes(chosen: list[TrackedAction]) -> list[str]:
        return [minute_label(a) for a in chosen]

    assert minutes(ActionFilter(status="completed").apply(actions)) == COMPLETED_MINUTES
    assert minutes(ActionFilter(owner="PCC").apply(actions)) == ["630", "630", "631", "596"]
    assert minutes(ActionFilter(text="FIREARM seizures").apply(actions)) == ["631"]
    assert minutes(ActionFilter(text="july 2021 estates").apply(actions)) == ["596"]
    assert minutes(ActionFilter(text="nov 2021", status="outstanding").apply(actions)) == [
        "617",
        "620",
    ]
    november = next(key for label, key in source_choices(actions) if "29 Nov 2021" in label)
    assert minutes(ActionFilter(source=november).apply(actions)) == ["617", "620", "620", "621"]
    assert {source_key(a) for a in actions} == {key for _, key in source_choices(actions)}
    assert owner_choices(actions) == [
        "OPCC",
        "Panel Chair",
        "Panel Office",
        "Panel Officers",
        "PCC",
    ]
    with pytest.raises(ClerkError, match="outstanding, completed or all"):
        ActionFilter(status="done")
