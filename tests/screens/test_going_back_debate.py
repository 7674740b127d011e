"""The chamber's questions name the debate: ``[`` says what the item it un-takes holds (a
motion, its amendments and the speakers stay recorded, unminuted until the item is taken
again), and ``e`` says when a motion was never put to the vote."""

from __future__ import annotations

from clerk_tui.desk import Desk
from clerk_tui.desk.debate_fields import MotionFields, SpeakerFields
from screens.closing import not_taken_warning
from screens.going_back import going_back
from tests.conftest import FakeClock
from tests.screens.decision_harness import set_room
from tests.test_decisions import march_meeting, person_id


def test_going_back_counts_the_debate_on_the_running_item(
    demo_desk: Desk, clock: FakeClock
) -> None:
    item = set_room(demo_desk, clock)
    meeting = march_meeting(demo_desk)
    bradley, brown = person_id(demo_desk, "Paul Bradley"), person_id(demo_desk, "Mick Brown")
    motion = demo_desk.debate.move_motion(item, MotionFields("That it be noted.", bradley, brown))
    demo_desk.debate.move_motion(
        item, MotionFields("to add “and circulated”", brown, bradley, amends_id=motion.id)
    )
    demo_desk.speakers.add_speaker(item, SpeakerFields("Mr Green", "public-objection"))
    asked = going_back(demo_desk.chamber.live(meeting))
    assert asked is not None
    assert "1 motion, 1 amendment and 1 speaker" in asked.detail
    assert "Nothing is recorded" not in asked.detail


def test_ending_the_meeting_says_a_motion_was_never_put(demo_desk: Desk, clock: FakeClock) -> None:
    item = set_room(demo_desk, clock)
    meeting = march_meeting(demo_desk)
    bradley, brown = person_id(demo_desk, "Paul Bradley"), person_id(demo_desk, "Mick Brown")
    assert "never put" not in not_taken_warning(demo_desk.chamber.live(meeting))
    demo_desk.debate.move_motion(item, MotionFields("That it be noted.", bradley, brown))
    assert "1 motion(s) or amendment(s) were never put to the vote." in not_taken_warning(
        demo_desk.chamber.live(meeting)
    )
