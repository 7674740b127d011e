"""A vote's motion reaches the minutes (issue 13, tryer F7): a vote with no resolution of its own
prints what was put to the vote, as typed, before its sentence — in every export and on the
record pane, which share the blocks; a vote with a resolution is minuted as before (the
resolution says what was decided), and a motion is never printed twice."""

from __future__ import annotations

from clerk_tui.app import ClerkApp
from clerk_tui.desk import Desk
from clerk_tui.desk.decisions import ResolutionFields, VoteFields
from clerk_tui.minutes import MOTION_LABEL
from tests.conftest import FakeClock
from tests.screens.decision_harness import seated, set_room, shown
from tests.test_decisions import march_meeting

MOTION = "That the Panel supports the proposed precept of £1.50 — “band D”"


def _section(desk: Desk, title: str, form: str = "txt") -> str:
    """The item's section of the exported minutes, up to the next minute's heading."""
    text = desk.papers.render_paper(march_meeting(desk), "minutes", form).decode()
    return text.split(title, 1)[1].split("\n6", 1)[0]


def test_a_vote_with_no_resolution_prints_its_motion_as_typed_before_its_sentence(
    demo_desk: Desk, clock: FakeClock
) -> None:
    item = set_room(demo_desk, clock)
    vote = demo_desk.decisions.record_vote(
        item, VoteFields(MOTION, for_count=8, against_count=0, abstentions=1)
    )
    section = _section(demo_desk, "REBUILDING NEIGHBOURHOOD POLICING")
    assert f"\n\n{MOTION_LABEL}\n\n{MOTION}\n\n{vote.outcome_text}\n" in section
    markdown = _section(demo_desk, "REBUILDING NEIGHBOURHOOD POLICING", "md")
    assert MOTION in markdown and markdown.index(MOTION) < markdown.index(vote.outcome_text)


def test_a_vote_with_its_resolution_is_minuted_as_before(demo_desk: Desk, clock: FakeClock) -> None:
    item = set_room(demo_desk, clock)
    resolution = demo_desk.decisions.add_resolution(item, ResolutionFields(MOTION))
    vote = demo_desk.decisions.record_vote(
        item, VoteFields(MOTION, for_count=8, against_count=1, resolution_id=resolution.id)
    )
    section = _section(demo_desk, "REBUILDING NEIGHBOURHOOD POLICING")
    assert MOTION_LABEL not in section
    assert section.count(MOTION) == 1  # in RESOLVED only
    assert section.index(vote.outcome_text) < section.index("RESOLVED: -") < section.index(MOTION)


def test_a_vote_sentence_naming_the_motion_itself_does_not_print_it_twice(
    demo_desk: Desk, clock: FakeClock
) -> None:
    item = set_room(demo_desk, clock)
    meeting = demo_desk.agenda.meeting(march_meeting(demo_desk))
    demo_desk.sentences.set_style(
        meeting.body.id, "vote", "On the motion {motion} it was {outcome}, {for} to {against}."
    )
    demo_desk.decisions.record_vote(item, VoteFields(MOTION, for_count=8, against_count=1))
    section = _section(demo_desk, "REBUILDING NEIGHBOURHOOD POLICING")
    assert f"On the motion {MOTION} it was carried, 8 to 1." in section
    assert MOTION_LABEL not in section
    assert section.count(MOTION) == 1


async def test_the_record_pane_shows_the_motion_under_its_vote(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with seated(demo_app, clock) as (pilot, item, harness):
        vote = demo_app.desk.decisions.record_vote(item, VoteFields(MOTION, for_count=8))
        harness.refresh_live()
        await pilot.pause()
        lines = shown(demo_app).splitlines()
        start = lines.index(MOTION_LABEL)
        assert lines[start + 1] == MOTION
        assert lines[start + 2].startswith(vote.outcome_text[:40])
        assert lines[start - 1].startswith("VOTE on “That the Panel")  # one option: the vote's
