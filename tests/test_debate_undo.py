"""Undo of the debate through the Desk against a real SQLite file: each step of a motion with
two amendments taken back whole leaves exactly the rows there were before it (the state and
the substantive words a vote set included), and a motion deleted with its amendments and votes
comes back whole."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from clerk_tui.desk import Desk
from clerk_tui.desk.debate_fields import MotionFields
from clerk_tui.desk.decision_fields import ResolutionFields, VoteFields
from clerk_tui.errors import ClerkError
from db import models
from tests.test_debate_service import MOTION, moved, vote
from tests.test_decisions import (
    march_meeting,
    person_id,
    room,  # noqa: F401  (the fixture)
    rows,
)

Tables = tuple[list[dict[str, object]], ...]
ADD = "to add “in full”"
SWAP = "to delete “endorse” and insert “support”"


def tables(desk: Desk) -> Tables:
    return tuple(
        rows(desk, cls)
        for cls in (models.Motion, models.Vote, models.PersonVote, models.Resolution)
    )


def test_each_step_of_the_debate_is_undone_exactly(demo_desk: Desk, room: int) -> None:  # noqa: F811
    meeting_id = march_meeting(demo_desk)
    ids: dict[str, int] = {}

    def motion() -> int:
        return ids.setdefault(
            "motion", moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
        )

    def amend(name: str, text: str) -> Callable[[], int]:
        def move() -> int:
            amendment = moved(
                demo_desk, room, text, "Abdul Khan", "Suky Samra", amends_id=ids["motion"]
            )
            return ids.setdefault(name, amendment)

        return move

    def put(name: str, for_count: int, against: int) -> Callable[[], int]:
        return lambda: vote(demo_desk, room, ids[name], for_count, against)

    def confirm() -> object:
        return demo_desk.debate.confirm_substantive(ids["motion"], "That the Panel support it.")

    steps: list[tuple[str, Callable[[], object]]] = [
        ("motion", motion),
        ("first", amend("first", ADD)),
        ("lost", put("first", 2, 7)),
        ("second", amend("second", SWAP)),
        ("carried", put("second", 7, 2)),
        ("confirmed", confirm),
        ("final", put("motion", 9, 0)),
    ]
    words = [
        "motion “That the Panel endorse the precept.” moved on item 8",
        "amendment “to add “in full”” moved on item 8",
        "vote on the amendment “to add “in full”” (not carried 2:7)",
        "amendment “to delete “endorse” and insert “support”” moved on item 8",
        "vote on the amendment “to delete “endorse” and insert “support”” (carried 7:2)",
        "wording of the substantive motion “That the Panel support it.” on item 8",
        "vote on the substantive motion “That the Panel support it.” (carried 9:0)",
    ]
    for (name, step), said in zip(steps, words, strict=True):
        before = tables(demo_desk)
        step()
        after = tables(demo_desk)
        assert after != before, name
        assert demo_desk.undo.undo_last(meeting_id) == said
        assert tables(demo_desk) == before, name
        ids.pop(name, None)
        step()  # and again, to go on with the debate
        assert len(tables(demo_desk)[0]) == len(after[0]), name
    final = demo_desk.debate.debate_setup(room)
    assert [m.state for m in final.motions] == ["carried", "lost", "carried"]


def test_a_deleted_motion_comes_back_with_its_amendments_and_votes(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    first = moved(demo_desk, room, "to add X", "Abdul Khan", "Suky Samra", amends_id=motion)
    setup = demo_desk.decisions.vote_setup(room)
    choices = tuple((v.person_id, "against") for v in setup.eligible)
    demo_desk.decisions.record_vote(
        room, VoteFields("", method="recorded", choices=choices, motion_id=first)
    )
    resolution = demo_desk.decisions.add_resolution(room, ResolutionFields("That it be endorsed"))
    demo_desk.decisions.record_vote(
        room, VoteFields("", for_count=9, motion_id=motion, resolution_id=resolution.id)
    )
    demo_desk.debate.move_motion(
        room, MotionFields("That more", person_id(demo_desk, "Mick Brown"))
    )
    before = tables(demo_desk)
    assert len(before[0]) == 3

    demo_desk.debate.delete_motion(motion)
    motions, votes, named, resolutions = tables(demo_desk)
    assert [m["text"] for m in motions] == ["That more"]
    assert (len(votes), len(named)) == (len(before[1]) - 2, len(before[2]) - 9)
    assert not any(v["motion_id"] for v in votes)
    ours = next(r for r in resolutions if r["id"] == resolution.id)
    assert ours["vote_id"] is None  # the resolution stays, unlinked
    said = demo_desk.undo.undo_last(march_meeting(demo_desk))
    assert said == "deletion of the motion “That the Panel endorse the precept.” on item 8"
    assert tables(demo_desk) == before


def test_undo_of_a_deleted_vote_puts_back_the_state_and_words(demo_desk: Desk, room: int) -> None:  # noqa: F811
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    second = moved(demo_desk, room, SWAP, "Abdul Khan", "Suky Samra", amends_id=motion)
    carried = vote(demo_desk, room, second, 7, 2)
    demo_desk.debate.confirm_substantive(motion, "That the Panel support the precept fully.")
    before = tables(demo_desk)
    demo_desk.decisions.delete_vote(carried)
    assert demo_desk.undo.undo_last(march_meeting(demo_desk)) == (
        "deletion of the vote on the amendment “to delete “endorse” and insert “support”” on item 8"
    )
    assert tables(demo_desk) == before


def test_undo_of_a_withdrawal_and_of_an_edit(demo_desk: Desk, room: int) -> None:  # noqa: F811
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    before = tables(demo_desk)
    demo_desk.debate.set_motion_state(motion, "withdrawn")
    assert demo_desk.undo.undo_last(march_meeting(demo_desk)) == (
        "motion “That the Panel endorse the precept.” withdrawn on item 8"
    )
    assert tables(demo_desk) == before
    demo_desk.debate.edit_motion(motion, MotionFields("That it be endorsed"))
    assert demo_desk.undo.undo_last(march_meeting(demo_desk)) == (
        "edit of the motion “That it be endorsed” on item 8"
    )
    assert tables(demo_desk) == before


def test_the_proposal_confirmed_as_it_stands_leaves_undo_to_the_vote(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    amendment = moved(demo_desk, room, SWAP, "Abdul Khan", "Suky Samra", amends_id=motion)
    before = tables(demo_desk)
    vote(demo_desk, room, amendment, 7, 2)
    after = tables(demo_desk)
    demo_desk.debate.confirm_substantive(motion, "That the Panel support the precept.")
    assert tables(demo_desk) == after
    assert demo_desk.undo.undo_last(march_meeting(demo_desk)) == (
        "vote on the amendment “to delete “endorse” and insert “support”” (carried 7:2)"
    )
    assert tables(demo_desk) == before


def test_undo_is_refused_when_the_motion_changed_since(demo_desk: Desk, room: int) -> None:  # noqa: F811
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    with demo_desk.store.recording() as changes:  # another copy of the app edits it
        row = changes.session.get(models.Motion, motion)
        assert row is not None
        changes.update(row, "edited elsewhere", text="That it be endorsed.")
    before = tables(demo_desk)
    with pytest.raises(ClerkError, match="cannot be undone: the motion has changed since"):
        demo_desk.undo.undo_last(march_meeting(demo_desk))
    assert tables(demo_desk) == before
