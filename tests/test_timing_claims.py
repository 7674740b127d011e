"""The clock bar's claims against "now" (clerk_tui.timing.meeting_status, ``against_now``): a
meeting minuted after the event, closed, or not begun on another day has no wall clock that
says how late it runs, so lateness is measured only from recorded times, or not claimed."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from clerk_tui.timing import ItemState, ItemTiming, meeting_status

START = datetime(2022, 3, 14, 13, 30)
AGENDA = [time(13, 30), None, time(14, 0)]


def plan(*items: ItemTiming) -> list[ItemTiming]:
    rest = [ItemTiming(approximate=a) for a in AGENDA[len(items) :]]
    return [*items, *rest]


def test_before_the_start_now_is_no_measure_when_it_is_not_the_meetings_clock() -> None:
    late = meeting_status(
        plan(), scheduled_start=START, actual_start=None, now=START + timedelta(minutes=82)
    )
    assert (late.lateness_text, late.judged) == ("82 min late", True)
    unclaimed = meeting_status(
        plan(),
        scheduled_start=START,
        actual_start=None,
        now=START + timedelta(minutes=82),
        against_now=False,
    )
    assert (unclaimed.lateness_text, unclaimed.judged, unclaimed.lateness_minutes) == ("", False, 0)
    assert unclaimed.projected_close == unclaimed.planned_close  # counted from the planned start


def test_a_running_item_is_measured_from_its_recorded_start_either_way() -> None:
    began = START + timedelta(minutes=10)
    items = plan(ItemTiming(AGENDA[0], actual_start=began, state=ItemState.RUNNING))
    for against_now in (True, False):
        clock = meeting_status(
            items,
            scheduled_start=START,
            actual_start=began,
            now=began + timedelta(hours=9),
            against_now=against_now,
        )
        assert clock.lateness_text == "10 min late"


def test_between_items_only_the_last_end_recorded_measures_it() -> None:
    began, ended = START, START + timedelta(minutes=25)  # item 1 planned to 13:45
    items = plan(ItemTiming(AGENDA[0], began, ended, ItemState.TAKEN))
    now = START + timedelta(hours=8)  # "506 min early"-like nonsense against a wall clock
    clock = meeting_status(
        items, scheduled_start=START, actual_start=began, now=now, against_now=False
    )
    assert clock.lateness_text == "10 min late"
    nothing = meeting_status(
        plan(ItemTiming(AGENDA[0], began, None, ItemState.DEFERRED)),
        scheduled_start=START,
        actual_start=began,
        now=now,
        against_now=False,
    )
    assert nothing.lateness_text == "" and not nothing.judged
