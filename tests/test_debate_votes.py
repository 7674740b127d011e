"""Votes on a motion or amendment through the Desk against a real SQLite file: put in the
motion's words with the rules' noun, settling the motion in the same transaction; deleting
the vote moves the motion again and gives the amended motion back its words; a vote without a
motion as before; refusals in words with nothing written."""

from __future__ import annotations

import pytest

from clerk_tui.desk import Desk
from clerk_tui.desk.decision_fields import ResolutionFields, VoteFields
from clerk_tui.errors import ClerkError
from db import models
from tests.test_debate_service import MOTION, moved, states, vote
from tests.test_debate_undo import ADD, SWAP, tables
from tests.test_decisions import (
    march_meeting,
    room,  # noqa: F401  (the fixture)
)


def words_of(desk: Desk, item: int, motion_id: int) -> str:
    view = desk.debate.debate_setup(item).motion(motion_id)
    assert view is not None
    return view.words


def test_the_vote_is_put_in_the_motions_words_whatever_the_dialog_typed(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    view = demo_desk.decisions.record_vote(
        room, VoteFields("stale words", for_count=5, against_count=4, motion_id=motion)
    )
    assert (view.motion, view.motion_id) == (MOTION, motion)
    assert view.outcome_text.startswith(
        "A vote of Panel Members present resulted in a 5:4 majority in favour of the motion."
    )


def test_the_noun_is_the_rules_unless_the_clerk_put_a_motion_as_another(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    amendment = moved(demo_desk, room, SWAP, "Abdul Khan", "Suky Samra", amends_id=motion)
    put_as = VoteFields("", for_count=7, against_count=2, noun="proposal", motion_id=amendment)
    assert (
        "the amendment was carried"
        in demo_desk.decisions.record_vote(room, put_as).outcome_text.lower()
    )
    default = VoteFields("", for_count=8, motion_id=motion)
    assert (
        "of the substantive motion" in demo_desk.decisions.record_vote(room, default).outcome_text
    )
    other = moved(demo_desk, room, "That the report be noted.", "Abdul Khan", "Suky Samra")
    chosen = VoteFields("", for_count=8, noun="recommendation", motion_id=other)
    assert "of the recommendation" in demo_desk.decisions.record_vote(room, chosen).outcome_text


def test_a_lost_amendment_leaves_the_motion_as_it_was(demo_desk: Desk, room: int) -> None:  # noqa: F811
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    amendment = moved(demo_desk, room, SWAP, "Abdul Khan", "Suky Samra", amends_id=motion)
    vote(demo_desk, room, amendment, 4, 5)
    assert words_of(demo_desk, room, motion) == MOTION
    assert demo_desk.debate.debate_setup(room).noun(motion) == "motion"
    assert states(demo_desk, room) == [("motion", "moved"), ("amendment", "lost")]


def test_deleting_a_carried_amendments_vote_puts_the_motion_back(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    first = moved(demo_desk, room, ADD, "Abdul Khan", "Suky Samra", amends_id=motion)
    first_vote = vote(demo_desk, room, first, 6, 3)
    assert words_of(demo_desk, room, motion) == "That the Panel endorse the precept in full."
    demo_desk.debate.confirm_substantive(motion, "That the Panel endorse the whole precept.")
    second = moved(demo_desk, room, SWAP, "Abdul Khan", "Suky Samra", amends_id=motion)
    carried = vote(demo_desk, room, second, 7, 2)
    assert words_of(demo_desk, room, motion) == "That the Panel support the whole precept."
    with pytest.raises(ClerkError, match="was carried since, on the words this one made"):
        demo_desk.decisions.delete_vote(first_vote)

    demo_desk.decisions.delete_vote(carried)
    # Back to the words the clerk confirmed before that vote, not to the motion as moved.
    assert words_of(demo_desk, room, motion) == "That the Panel endorse the whole precept."
    assert states(demo_desk, room) == [
        ("motion", "moved"),
        ("amendment", "carried"),
        ("amendment", "moved"),
    ]
    assert demo_desk.debate.debate_setup(room).next_to_vote == second


def test_a_vote_is_not_deleted_under_the_motion_voted_on_since(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    amendment = moved(demo_desk, room, SWAP, "Abdul Khan", "Suky Samra", amends_id=motion)
    carried = vote(demo_desk, room, amendment, 7, 2)
    vote(demo_desk, room, motion, 9, 0)
    before = tables(demo_desk)
    with pytest.raises(ClerkError, match="has been voted on since: delete that vote first"):
        demo_desk.decisions.delete_vote(carried)
    with pytest.raises(ClerkError, match="has been voted on since: delete that vote first"):
        demo_desk.debate.delete_motion(amendment)
    assert tables(demo_desk) == before


def test_deleting_a_carried_amendment_gives_the_motion_its_words_back(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    amendment = moved(demo_desk, room, SWAP, "Abdul Khan", "Suky Samra", amends_id=motion)
    vote(demo_desk, room, amendment, 7, 2)
    demo_desk.debate.delete_motion(amendment)
    assert words_of(demo_desk, room, motion) == MOTION
    assert demo_desk.debate.debate_setup(room).noun(motion) == "motion"


def test_a_motion_on_another_item_is_refused(demo_desk: Desk, room: int) -> None:  # noqa: F811
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    other = next(
        i.id for i in demo_desk.agenda.meeting(march_meeting(demo_desk)).items if i.number == "9"
    )
    before = tables(demo_desk)
    with pytest.raises(ClerkError, match="that motion belongs to another item") as refused:
        vote(demo_desk, other, motion, 5, 4)
    assert refused.value.where == "motion"
    with pytest.raises(ClerkError, match="there is no motion 999"):
        vote(demo_desk, room, 999, 5, 4)
    assert tables(demo_desk) == before


def test_a_vote_without_a_motion_is_as_before(demo_desk: Desk, room: int) -> None:  # noqa: F811
    moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    view = demo_desk.decisions.record_vote(room, VoteFields("x", for_count=8, noun="proposal"))
    assert (view.motion, view.motion_id) == ("x", None)
    assert "in favour of the proposal" in view.outcome_text
    assert states(demo_desk, room) == [("motion", "moved")]
    with pytest.raises(ClerkError, match="a vote needs the motion put to it"):
        demo_desk.decisions.record_vote(room, VoteFields(" ", for_count=8))
    demo_desk.decisions.delete_vote(view.id)
    assert states(demo_desk, room) == [("motion", "moved")]


def test_an_inquorate_refusal_leaves_the_motion_moved(demo_desk: Desk, room: int) -> None:  # noqa: F811
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    with demo_desk.store.recording() as changes:
        body = changes.session.get(
            models.Body, demo_desk.agenda.meeting(march_meeting(demo_desk)).body.id
        )
        assert body is not None
        changes.update(body, "quorum", quorum=10)
    with pytest.raises(ClerkError, match="the meeting is inquorate"):
        vote(demo_desk, room, motion, 9, 0)
    assert states(demo_desk, room) == [("motion", "moved")]


def test_a_recorded_vote_on_an_amendment_reads_well_in_undo(demo_desk: Desk, room: int) -> None:  # noqa: F811
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    amendment = moved(demo_desk, room, ADD, "Abdul Khan", "Suky Samra", amends_id=motion)
    setup = demo_desk.decisions.vote_setup(room)
    choices = tuple(
        (v.person_id, "for" if i % 3 else "abstain") for i, v in enumerate(setup.eligible)
    )
    view = demo_desk.decisions.record_vote(
        room, VoteFields("", method="recorded", choices=choices, motion_id=amendment)
    )
    assert (view.for_count, view.against_count, view.abstentions) == (6, 0, 3)
    assert len(view.names("abstain")) == 3
    assert words_of(demo_desk, room, motion) == "That the Panel endorse the precept in full."
    assert demo_desk.undo.undo_last(march_meeting(demo_desk)) == (
        "vote on the amendment “to add “in full”” (carried 6:0)"
    )
    assert words_of(demo_desk, room, motion) == MOTION
    assert states(demo_desk, room) == [("motion", "moved"), ("amendment", "moved")]


def test_a_motions_vote_is_not_deleted_under_the_next_motion(demo_desk: Desk, room: int) -> None:  # noqa: F811
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    lost = vote(demo_desk, room, motion, 2, 7)
    moved(demo_desk, room, "That the precept be reduced.", "Abdul Khan", "Suky Samra")
    with pytest.raises(ClerkError, match="is before the meeting now: put it to the vote"):
        demo_desk.decisions.delete_vote(lost)
    assert states(demo_desk, room) == [("motion", "lost"), ("motion", "moved")]


def resolutions(desk: Desk, item: int) -> list[tuple[str, int | None]]:
    return [(r.text, r.vote_id) for r in desk.decisions.item_minute(item).resolutions]


def test_a_motion_carried_is_resolved_in_its_words_and_goes_with_its_vote(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    lost = moved(demo_desk, room, SWAP, "Abdul Khan", "Suky Samra", amends_id=motion)
    demo_desk.decisions.record_vote(
        room, VoteFields("", for_count=2, against_count=7, motion_id=lost)
    )
    assert resolutions(demo_desk, room) == []  # an amendment is never what was resolved
    carried = demo_desk.decisions.record_vote(
        room, VoteFields("", for_count=7, against_count=2, motion_id=motion)
    )
    assert resolutions(demo_desk, room) == [(MOTION, carried.id)]
    demo_desk.decisions.delete_vote(carried.id)
    assert resolutions(demo_desk, room) == []
    # Reworded by the clerk, the resolution is theirs: it stays when the vote goes.
    again = demo_desk.decisions.record_vote(
        room, VoteFields("", for_count=7, against_count=2, motion_id=motion)
    )
    (resolution,) = demo_desk.decisions.item_minute(room).resolutions
    demo_desk.decisions.edit_resolution(
        resolution.id, ResolutionFields("That the precept be endorsed.")
    )
    demo_desk.decisions.delete_vote(again.id)
    assert resolutions(demo_desk, room) == [("That the precept be endorsed.", None)]


def test_a_motion_lost_resolves_nothing_and_undo_takes_the_resolution_back(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    demo_desk.decisions.record_vote(
        room, VoteFields("", for_count=2, against_count=7, motion_id=motion)
    )
    assert resolutions(demo_desk, room) == []
    other = moved(demo_desk, room, "That the report be noted.", "Abdul Khan", "Suky Samra")
    demo_desk.decisions.record_vote(room, VoteFields("", for_count=7, motion_id=other))
    assert [text for text, _ in resolutions(demo_desk, room)] == ["That the report be noted."]
    demo_desk.undo.undo_last(march_meeting(demo_desk))
    assert resolutions(demo_desk, room) == []
