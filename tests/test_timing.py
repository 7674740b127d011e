"""Planned times, lateness and projected close, on the 14 March 2022 agenda front sheet."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from clerk_tui.timing import (
    DEFAULT_SLOT,
    ItemState,
    ItemTiming,
    PlannedTime,
    format_duration,
    format_lateness,
    format_minutes,
    meeting_status,
    planned_times,
)

MEETING_DAY = date(2022, 3, 14)
SCHEDULED = datetime(2022, 3, 14, 13, 30)

# reference/agenda-2022-03-14.txt, items 1-14, "Approximate time" column.
REFERENCE_AGENDA: list[time | None] = [
    time(13, 30),  # 1 notice of recording
    None,  # 2 apologies
    None,  # 3 panel membership
    None,  # 4 declarations of interest
    time(13, 35),  # 5 public question time
    time(13, 50),  # 6 minutes and action tracker
    time(13, 55),  # 7 Chief Constable
    time(14, 30),  # 8 neighbourhood policing
    time(15, 0),  # 9 scorecard
    time(15, 30),  # 10 PCC update
    time(15, 40),  # 11 recruitment plan
    time(15, 45),  # 12 panel budget
    time(15, 50),  # 13 complaint handling
    time(15, 55),  # 14 meeting dates / urgent business
]


def at(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime.combine(MEETING_DAY, time(hour, minute, second))


# --------------------------------------------------------------------------------------------
# planned_times
# --------------------------------------------------------------------------------------------


def test_reference_agenda_spreads_items_2_to_4_between_1330_and_1335() -> None:
    planned = planned_times(REFERENCE_AGENDA, time(13, 30))
    assert [p.at for p in planned[:5]] == [
        time(13, 30),
        time(13, 31, 15),
        time(13, 32, 30),
        time(13, 33, 45),
        time(13, 35),
    ]
    assert [p.given for p in planned[:5]] == [True, False, False, False, True]
    assert all(p.given for p in planned[4:])
    assert [p.duration for p in planned[:4]] == [timedelta(seconds=75)] * 4
    assert planned[4].duration == timedelta(minutes=15)  # 13:35 -> 13:50
    assert planned[6].duration == timedelta(minutes=35)  # Chief Constable, 13:55 -> 14:30
    assert planned[-1] == PlannedTime(time(15, 55), given=True, duration=DEFAULT_SLOT)


def test_last_item_runs_until_a_given_planned_close() -> None:
    planned = planned_times(REFERENCE_AGENDA, time(13, 30), planned_close=time(16, 15))
    assert planned[-1].duration == timedelta(minutes=20)


def test_items_after_the_last_given_time_get_a_default_slot_each() -> None:
    planned = planned_times([time(14, 0), None, None], time(14, 0))
    assert [(p.at, p.given, p.duration) for p in planned] == [
        (time(14, 0), True, DEFAULT_SLOT),
        (time(14, 5), False, DEFAULT_SLOT),
        (time(14, 10), False, DEFAULT_SLOT),
    ]


def test_items_after_the_last_given_time_spread_to_a_planned_close() -> None:
    planned = planned_times([time(14, 0), None, None], time(14, 0), planned_close=time(14, 30))
    assert [p.at for p in planned] == [time(14, 0), time(14, 10), time(14, 20)]
    assert [p.duration for p in planned] == [timedelta(minutes=10)] * 3


def test_items_before_the_first_given_time_start_from_the_scheduled_start() -> None:
    planned = planned_times([None, None, time(14, 10)], time(14, 0))
    assert [(p.at, p.given) for p in planned] == [
        (time(14, 0), False),
        (time(14, 5), False),
        (time(14, 10), True),
    ]


def test_agenda_without_any_times_starts_on_time_and_takes_a_slot_each() -> None:
    planned = planned_times([None, None, None], time(10, 0))
    assert [p.at for p in planned] == [time(10, 0), time(10, 5), time(10, 10)]
    assert not any(p.given for p in planned)


def test_times_out_of_order_never_give_a_negative_gap() -> None:
    planned = planned_times([time(15, 0), None, time(14, 50)], time(14, 0))
    assert planned[1].at == time(15, 0)  # held at the earlier anchor, not moved backwards
    assert all(p.duration >= timedelta(0) for p in planned)


def test_uneven_gaps_keep_whole_seconds() -> None:
    planned = planned_times([time(10, 0), None, None, time(10, 1)], time(10, 0))
    assert [p.at for p in planned] == [time(10, 0), time(10, 0, 20), time(10, 0, 40), time(10, 1)]


def test_empty_agenda_has_no_plan() -> None:
    assert planned_times([], time(10, 0)) == []


def test_a_given_time_keeps_its_seconds() -> None:
    planned = planned_times([time(13, 30, 30), None, time(13, 31, 30)], time(13, 30))
    assert [p.at for p in planned] == [time(13, 30, 30), time(13, 31), time(13, 31, 30)]


def test_agenda_without_any_times_and_a_planned_close_shares_the_time_out_evenly() -> None:
    planned = planned_times([None] * 4, time(13, 30), planned_close=time(14, 30))
    assert [p.at for p in planned] == [time(13, 30), time(13, 45), time(14, 0), time(14, 15)]
    assert [p.duration for p in planned] == [timedelta(minutes=15)] * 4
    assert not any(p.given for p in planned)


def test_one_item_before_the_first_given_time_starts_on_time() -> None:
    planned = planned_times([None, time(13, 40)], time(13, 30))
    assert [(p.at, p.given, p.duration) for p in planned] == [
        (time(13, 30), False, timedelta(minutes=10)),
        (time(13, 40), True, DEFAULT_SLOT),
    ]


def test_an_item_planned_before_the_one_above_it_gets_no_time_of_its_own() -> None:
    planned = planned_times([time(15, 0), None, time(14, 50)], time(14, 0))
    assert [p.duration for p in planned] == [timedelta(0), timedelta(0), DEFAULT_SLOT]


def test_a_planned_close_before_the_last_given_time_leaves_the_last_item_no_time() -> None:
    planned = planned_times([time(14, 0), time(14, 30)], time(14, 0), planned_close=time(14, 15))
    assert [p.duration for p in planned] == [timedelta(minutes=30), timedelta(0)]


# --------------------------------------------------------------------------------------------
# meeting_status
# --------------------------------------------------------------------------------------------

OPENING = REFERENCE_AGENDA[:6]  # items 1-6: 13:30, ~13:31:15, ~13:32:30, ~13:33:45, 13:35, 13:50
OPENING_PLANNED_TOTAL = timedelta(minutes=25)  # 13:30 to 13:50 plus item 6's default 5 minutes


def items(*overrides: tuple[int, ItemTiming]) -> list[ItemTiming]:
    rows = [ItemTiming(approximate=t) for t in OPENING]
    for index, item in overrides:
        rows[index] = item
    return rows


def test_before_the_meeting_opens_it_is_on_time_and_closes_as_planned() -> None:
    clock = meeting_status(items(), scheduled_start=SCHEDULED, actual_start=None, now=at(13, 20))
    assert not clock.started
    assert clock.elapsed == timedelta(0)
    assert clock.current_index is None
    assert clock.lateness_minutes == 0
    assert clock.lateness_text == "on time"
    assert clock.planned_close == at(13, 55)
    assert clock.projected_close == at(13, 55)  # from the scheduled start, not from "now"


def test_not_yet_opened_after_the_scheduled_start_runs_late() -> None:
    clock = meeting_status(items(), scheduled_start=SCHEDULED, actual_start=None, now=at(13, 42))
    assert clock.lateness_minutes == 12
    assert clock.lateness_text == "12 min late"
    assert clock.projected_close == at(13, 42) + OPENING_PLANNED_TOTAL


def test_running_item_lateness_overrun_and_projected_close() -> None:
    """Opened at 13:34; item 1 took two minutes; item 2 (planned ~13:31:15, 75 s) began 13:36."""
    rows = items(
        (0, ItemTiming(time(13, 30), at(13, 34), at(13, 36), ItemState.TAKEN)),
        (1, ItemTiming(None, at(13, 36), None, ItemState.RUNNING)),
    )
    clock = meeting_status(rows, scheduled_start=SCHEDULED, actual_start=at(13, 34), now=at(13, 38))
    assert clock.started
    assert clock.elapsed == timedelta(minutes=4)
    assert clock.current_index == 1
    assert clock.current_elapsed == timedelta(minutes=2)
    assert clock.current_planned == timedelta(seconds=75)
    assert clock.overrun
    assert clock.overrun_by == timedelta(seconds=45)
    assert clock.lateness == timedelta(minutes=4, seconds=45)
    assert clock.lateness_minutes == 4  # whole minutes, towards zero
    # Nothing left of item 2's plan; items 3-6 still to come: 75 + 75 + 900 + 300 seconds.
    assert clock.projected_close == at(13, 38) + timedelta(seconds=1350)
    assert clock.planned_close == at(13, 55)
    assert clock.planned_starts[1] == at(13, 31, 15)
    assert clock.planned[1] == PlannedTime(
        time(13, 31, 15), given=False, duration=timedelta(seconds=75)
    )


def test_item_within_its_plan_is_not_overrun_and_its_remainder_counts() -> None:
    rows = items(
        *[(i, ItemTiming(OPENING[i], at(13, 30), at(13, 30), ItemState.TAKEN)) for i in range(4)],
        (4, ItemTiming(time(13, 35), at(13, 33), None, ItemState.RUNNING)),
    )
    clock = meeting_status(rows, scheduled_start=SCHEDULED, actual_start=at(13, 30), now=at(13, 40))
    assert clock.current_index == 4
    assert not clock.overrun
    assert clock.overrun_by == timedelta(0)
    assert clock.lateness_minutes == -2
    assert clock.lateness_text == "2 min early"
    # 15 planned minutes, 7 gone: 8 left, then item 6's 5 minutes.
    assert clock.projected_close == at(13, 53)


def test_deferred_withdrawn_and_taken_items_add_nothing_to_the_projected_close() -> None:
    rows = items(
        (0, ItemTiming(time(13, 30), at(13, 30), at(13, 31), ItemState.TAKEN)),
        (1, ItemTiming(None, None, None, ItemState.DEFERRED)),
        (2, ItemTiming(None, None, None, ItemState.WITHDRAWN)),
        (4, ItemTiming(time(13, 35), at(13, 31), at(13, 32), ItemState.TAKEN)),  # taken early
    )
    clock = meeting_status(rows, scheduled_start=SCHEDULED, actual_start=at(13, 30), now=at(13, 32))
    assert clock.current_index is None
    # Still to come: item 4 (75 s) and item 6 (5 min).
    assert clock.projected_close == at(13, 32) + timedelta(seconds=375)
    # Between items: as if the next item (4, planned ~13:33:45) started now.
    assert clock.lateness == timedelta(minutes=-1, seconds=-45)
    assert clock.lateness_text == "1 min early"


def test_item_started_but_left_pending_still_counts_as_current() -> None:
    rows = items((0, ItemTiming(time(13, 30), at(13, 40))))
    clock = meeting_status(rows, scheduled_start=SCHEDULED, actual_start=at(13, 40), now=at(13, 41))
    assert clock.current_index == 0
    assert clock.lateness_minutes == 10


def test_running_state_without_a_start_time_is_treated_as_still_to_come() -> None:
    rows = items((1, ItemTiming(None, None, None, ItemState.RUNNING)))
    clock = meeting_status(rows, scheduled_start=SCHEDULED, actual_start=at(13, 30), now=at(13, 30))
    assert clock.current_index is None
    assert clock.projected_close == at(13, 30) + OPENING_PLANNED_TOTAL


def test_after_the_last_item_lateness_is_its_actual_end_against_its_planned_end() -> None:
    rows = [
        ItemTiming(time(13, 30), at(13, 30), at(13, 50), ItemState.TAKEN),
        ItemTiming(time(13, 40), at(13, 50), at(14, 2), ItemState.TAKEN),
    ]
    clock = meeting_status(rows, scheduled_start=SCHEDULED, actual_start=at(13, 30), now=at(14, 5))
    assert clock.planned_close == at(13, 45)
    assert clock.lateness_minutes == 17
    assert clock.projected_close == at(14, 5)


def test_meeting_with_no_items() -> None:
    clock = meeting_status([], scheduled_start=SCHEDULED, actual_start=None, now=at(13, 0))
    assert clock.planned_close == SCHEDULED
    assert clock.projected_close == SCHEDULED
    assert clock.planned == ()


def test_a_planned_close_sets_the_last_items_length_and_the_close() -> None:
    clock = meeting_status(
        items(),
        scheduled_start=SCHEDULED,
        actual_start=None,
        now=at(13, 20),
        planned_close=time(14, 10),
    )
    assert clock.now == at(13, 20)
    assert clock.planned[-1].duration == timedelta(minutes=20)
    assert clock.planned_close == at(14, 10)
    assert clock.projected_close == at(14, 10)


def test_a_clock_with_a_time_zone_plans_in_that_zone() -> None:
    zone = timezone(timedelta(hours=1))
    rows = items((0, ItemTiming(time(13, 30), at(13, 34).replace(tzinfo=zone))))
    clock = meeting_status(
        rows,
        scheduled_start=SCHEDULED.replace(tzinfo=zone),
        actual_start=at(13, 34).replace(tzinfo=zone),
        now=at(13, 35).replace(tzinfo=zone),
    )
    assert clock.planned_starts[0] == at(13, 30).replace(tzinfo=zone)
    assert clock.lateness == timedelta(minutes=4)


def test_between_items_nothing_is_overrunning() -> None:
    rows = items((0, ItemTiming(time(13, 30), at(13, 30), at(13, 40), ItemState.TAKEN)))
    clock = meeting_status(rows, scheduled_start=SCHEDULED, actual_start=at(13, 30), now=at(13, 41))
    assert clock.current_index is None
    assert clock.current_elapsed is None
    assert clock.current_planned is None
    assert not clock.overrun
    assert clock.overrun_by == timedelta(0)


def test_an_item_exactly_at_its_planned_length_is_not_overrun() -> None:
    rows = items((1, ItemTiming(None, at(13, 36), None, ItemState.RUNNING)))
    clock = meeting_status(
        rows, scheduled_start=SCHEDULED, actual_start=at(13, 34), now=at(13, 37, 15)
    )
    assert clock.current_elapsed == clock.current_planned == timedelta(seconds=75)
    assert not clock.overrun
    assert clock.overrun_by == timedelta(0)


def test_a_meeting_opened_early_projects_its_close_from_now() -> None:
    rows = items((0, ItemTiming(time(13, 30), at(13, 20), None, ItemState.RUNNING)))
    clock = meeting_status(rows, scheduled_start=SCHEDULED, actual_start=at(13, 20), now=at(13, 22))
    # Item 1's 75 seconds are gone; items 2-6 still to come: 75 * 3 + 900 + 300 seconds.
    assert clock.projected_close == at(13, 22) + timedelta(seconds=1425)
    assert clock.lateness == timedelta(minutes=-10)


@pytest.mark.parametrize(
    ("start_2", "start_4", "current"),
    [
        (at(13, 40), at(13, 45), 3),  # the one started last is current...
        (at(13, 45), at(13, 40), 1),  # ...wherever it is on the agenda
        (at(13, 45), at(13, 45), 3),  # started together: the later on the agenda
    ],
)
def test_two_items_running_the_one_started_last_is_current(
    start_2: datetime, start_4: datetime, current: int
) -> None:
    rows = items(
        (1, ItemTiming(None, start_2, None, ItemState.RUNNING)),
        (3, ItemTiming(None, start_4, None, ItemState.RUNNING)),
    )
    clock = meeting_status(rows, scheduled_start=SCHEDULED, actual_start=at(13, 30), now=at(13, 50))
    assert clock.current_index == current


def test_after_the_last_item_the_one_that_ended_last_sets_the_lateness() -> None:
    # The chair took item 2 first: item 1, planned 13:30-13:40, was the last to end, at 14:02.
    rows = [
        ItemTiming(time(13, 30), at(13, 50), at(14, 2), ItemState.TAKEN),
        ItemTiming(time(13, 40), at(13, 30), at(13, 50), ItemState.TAKEN),
    ]
    clock = meeting_status(rows, scheduled_start=SCHEDULED, actual_start=at(13, 30), now=at(14, 5))
    assert clock.lateness_minutes == 22


def test_a_meeting_whose_items_were_all_withdrawn_unstarted_is_on_time() -> None:
    rows = [ItemTiming(t, None, None, ItemState.WITHDRAWN) for t in OPENING]
    clock = meeting_status(rows, scheduled_start=SCHEDULED, actual_start=at(13, 30), now=at(13, 45))
    assert clock.lateness == timedelta(0)
    assert clock.lateness_text == "on time"
    assert clock.projected_close == at(13, 45)


# --------------------------------------------------------------------------------------------
# Text for the clock bar
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(12, "12 min late"), (1, "1 min late"), (0, "on time"), (-3, "3 min early")],
)
def test_format_lateness(minutes: int, text: str) -> None:
    assert format_lateness(minutes) == text


@pytest.mark.parametrize(
    ("duration", "text"),
    [
        (timedelta(hours=1, minutes=5, seconds=30), "1:05:30"),
        (timedelta(minutes=4, seconds=9), "0:04:09"),
        (timedelta(0), "0:00:00"),
        (timedelta(seconds=59, microseconds=999_999), "0:00:59"),
        (timedelta(minutes=-1), "-0:01:00"),
        (timedelta(hours=3), "3:00:00"),
    ],
)
def test_format_duration(duration: timedelta, text: str) -> None:
    assert format_duration(duration) == text


def test_format_minutes() -> None:
    assert format_minutes(timedelta(hours=1, minutes=5, seconds=59)) == "65 min"
    assert format_minutes(timedelta(seconds=75)) == "1 min"
