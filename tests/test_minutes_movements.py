"""Late arrivals and early departures placed under the item a clerk would look for them in,
when the item they were recorded against is not minuted, or they carry only a time or only an
item."""

from __future__ import annotations

from datetime import datetime

from clerk_tui.minutes import AttendeeRecord, ItemRecord
from clerk_tui.minutes.movements import movements


def at(hour: int, minute: int) -> datetime:
    return datetime(2026, 11, 12, hour, minute)


OPENED = at(18, 0)
# Taken: 1 (18:00-18:10) and 3 (18:20-18:30). Item 2 was started and deferred (18:12-18:20);
# item 4 was withdrawn unstarted; item 5, last on the agenda, was begun at 18:05 and deferred.
FIRST = ItemRecord(1, "1", "First", state="taken", actual_start=at(18, 0), actual_end=at(18, 10))
DEFERRED = ItemRecord(
    2, "2", "Deferred", state="deferred", actual_start=at(18, 12), actual_end=at(18, 20)
)
THIRD = ItemRecord(3, "3", "Third", state="taken", actual_start=at(18, 20), actual_end=at(18, 30))
WITHDRAWN = ItemRecord(4, "4", "Withdrawn", state="withdrawn")
BEGUN = ItemRecord(5, "5", "Begun", state="deferred", actual_start=at(18, 5))
TAKEN = (FIRST, THIRD)
AGENDA = (FIRST, DEFERRED, THIRD, WITHDRAWN, BEGUN)


def said(*people: AttendeeRecord, agenda: tuple[ItemRecord, ...] = AGENDA) -> dict[int, list[str]]:
    found = movements(people, TAKEN, OPENED, agenda)
    return {item: [p.text for p in paragraphs] for item, paragraphs in found.items()}


def person(**moves: object) -> AttendeeRecord:
    return AttendeeRecord("Ann Jones", "member", "present", "Cllr", "Cllr Jones", id=1, **moves)  # type: ignore[arg-type]


def test_a_departure_recorded_by_an_item_not_taken_goes_by_its_times_or_the_agenda() -> None:
    # Item 4 has no times: the agenda's order places it; item 2 ended as item 3 began.
    assert said(person(left_item_id=4)) == {3: ["Cllr Jones left the meeting after this item."]}
    assert said(person(left_item_id=2)) == {3: ["Cllr Jones left the meeting before this item."]}


def test_an_arrival_recorded_by_an_item_with_no_times_goes_before_the_next_taken() -> None:
    untimed = ItemRecord(2, "2", "Deferred", state="deferred")
    assert said(person(arrived_item_id=2), agenda=(FIRST, untimed, THIRD)) == {
        3: ["Cllr Jones joined the meeting before this item."]
    }


def test_a_departure_during_an_item_begun_and_deferred_goes_before_the_next_taken() -> None:
    assert said(person(left_item_id=5)) == {3: ["Cllr Jones left the meeting before this item."]}


def test_a_time_alone_goes_under_the_item_running_then() -> None:
    assert said(person(left_at=at(18, 25))) == {3: ["Cllr Jones left the meeting at 18:25 hours."]}
    # An item runs from its start up to, not including, its end.
    assert said(person(arrived_at=at(18, 20))) == {
        3: ["Cllr Jones joined the meeting during this item."]
    }
    assert said(person(arrived_at=at(18, 10))) == {
        3: ["Cllr Jones joined the meeting at 18:10 hours."]
    }


def test_an_untimed_item_taken_first_does_not_hide_the_item_running() -> None:
    untimed = ItemRecord(9, "9", "Untimed", state="taken")
    found = movements([person(arrived_at=at(18, 25))], (untimed, THIRD), OPENED, (untimed, THIRD))
    assert {k: [p.text for p in v] for k, v in found.items()} == {
        3: ["Cllr Jones joined the meeting during this item."]
    }


def test_an_arrival_as_the_meeting_opens_is_not_late() -> None:
    assert said(person(arrived_at=OPENED)) == {}
