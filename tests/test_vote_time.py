"""A vote's recorded_at is the chamber's time, as every other time minuted in it (tryer's F11):
after the event, the running item's time and not today's clock; live on another day, the time
of day on the meeting's date; either way S shifts it with the rest."""

from __future__ import annotations

from datetime import datetime, timedelta

from clerk_tui.desk import Desk
from clerk_tui.desk.decisions import VoteFields
from tests.conftest import FakeClock
from tests.test_retiming import TODAY, at, every_time, hm, ids, march, person  # noqa: F401


def vote_on(desk: Desk, march: int, number: str) -> datetime:  # noqa: F811
    view = desk.chamber.live(march)
    for name in ("Paul Bradley", "Mick Brown"):
        desk.attendance.mark(march, person(view, name), "present")
    fields = VoteFields("That the report be noted", for_count=2)
    vote = desk.decisions.record_vote(ids(view)[number], fields, inquorate_confirmed=True)
    return vote.recorded_at


def test_after_the_event_a_vote_is_timed_by_the_running_item_and_shifted_by_s(
    demo_desk: Desk,
    clock: FakeClock,
    march: int,  # noqa: F811
) -> None:
    clock.current = TODAY
    item = ids(demo_desk.chamber.live(march))
    demo_desk.chamber.start_item(march, item["1"], at=hm("13:34"), timing="after-the-event")
    demo_desk.chamber.next_item(march, at=hm("13:40"))
    clock.advance(600)  # the wall clock moves on in 2026; the vote is not timed by it
    assert vote_on(demo_desk, march, "2") == at("13:40")
    demo_desk.chamber.shift_meeting(march, by=timedelta(minutes=20))
    assert every_time(demo_desk, march)[-1] == at("14:00")


def test_live_on_another_day_a_vote_is_timed_on_the_meetings_date(
    demo_desk: Desk,
    clock: FakeClock,
    march: int,  # noqa: F811
) -> None:
    clock.current = datetime(2026, 12, 1, 14, 5)
    demo_desk.chamber.start_item(march, ids(demo_desk.chamber.live(march))["1"])
    clock.set("14:09")
    assert vote_on(demo_desk, march, "1") == at("14:09")
    demo_desk.chamber.shift_meeting(march, by=-timedelta(minutes=5))
    assert every_time(demo_desk, march)[-1] == at("14:04")
