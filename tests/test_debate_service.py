"""The debate through the Desk against a real SQLite file (the demo's copy): a motion moved and
seconded on item 8, an amendment lost, a second carried and made the substantive motion, the
substantive motion carried — the states, the words and each vote's motion; and the refusals
the rules of order give in words. The room is set as in tests/test_decisions.py."""

from __future__ import annotations

import pytest

from clerk_tui.desk import Desk
from clerk_tui.desk.debate_fields import AS_PRINTED, MotionFields
from clerk_tui.desk.decision_fields import VoteFields
from clerk_tui.desk.live_action import ReadBack
from clerk_tui.errors import ClerkError
from db import models
from tests.test_decisions import (
    march_meeting,
    person_id,
    room,  # noqa: F401  (the fixture)
    rows,
)

MOTION = "That the Panel endorse the precept."


def moved(desk: Desk, item: int, text: str, mover: str, seconder: str, **more: int) -> int:
    fields = MotionFields(text, person_id(desk, mover), person_id(desk, seconder), **more)
    return desk.debate.move_motion(item, fields).id


def vote(desk: Desk, item: int, motion_id: int, for_count: int, against: int) -> int:
    fields = VoteFields("", for_count=for_count, against_count=against, motion_id=motion_id)
    return desk.decisions.record_vote(item, fields).id


def states(desk: Desk, item: int) -> list[tuple[str, str]]:
    return [(m.kind, m.state) for m in desk.debate.debate_setup(item).motions]


def test_a_motion_two_amendments_and_the_substantive_motion(demo_desk: Desk, room: int) -> None:  # noqa: F811
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    setup = demo_desk.debate.debate_setup(room)
    assert setup.item_label.startswith("item 8")
    assert ("Cllr Paul Bradley", person_id(demo_desk, "Paul Bradley")) in setup.members
    assert len(setup.members) == 9 and setup.next_to_vote == motion
    first = moved(
        demo_desk,
        room,
        "to add “subject to a review in six months”",
        "Yvonne Clements",
        "Jasbir Jaspal",
        amends_id=motion,
    )
    assert demo_desk.debate.debate_setup(room).next_to_vote == first
    lost = vote(demo_desk, room, first, 3, 6)
    second = moved(
        demo_desk,
        room,
        "to delete “endorse” and insert “support”",
        "Abdul Khan",
        "Kristina Murphy",
        amends_id=motion,
    )
    carried = vote(demo_desk, room, second, 7, 2)
    setup = demo_desk.debate.debate_setup(room)
    assert setup.motion(motion) is not None
    assert setup.motion(motion).substantive_text == "That the Panel support the precept."  # type: ignore[union-attr]
    assert setup.next_to_vote == motion and setup.noun(motion) == "substantive motion"
    confirmed = demo_desk.debate.confirm_substantive(
        motion, "That the Panel support the precept as proposed."
    )
    assert confirmed.words == "That the Panel support the precept as proposed."
    final = vote(demo_desk, room, motion, 9, 0)

    assert states(demo_desk, room) == [
        ("motion", "carried"),
        ("amendment", "lost"),
        ("amendment", "carried"),
    ]
    assert demo_desk.debate.debate_setup(room).next_to_vote is None
    minute = demo_desk.decisions.item_minute(room)
    assert [(v.id, v.motion_id, v.motion) for v in minute.votes] == [
        (lost, first, "to add “subject to a review in six months”"),
        (carried, second, "to delete “endorse” and insert “support”"),
        (final, motion, "That the Panel support the precept as proposed."),
    ]
    assert minute.votes[0].outcome_text == (
        "A vote of Panel Members present resulted in a 6:3 majority against the amendment. "
        "The amendment was not carried."
    )
    assert "in favour of the substantive motion" in minute.votes[2].outcome_text


def test_a_recommendation_moved_as_printed(demo_desk: Desk, room: int) -> None:  # noqa: F811
    motion = moved(demo_desk, room, AS_PRINTED, "Suky Samra", "Lionel Walker", as_printed=True)
    view = demo_desk.debate.debate_setup(room).motion(motion)
    assert view is not None and view.as_printed and view.words == AS_PRINTED
    assert view.mover is not None and view.mover.full_name == "Suky Samra"
    assert view.seconder is not None and view.seconder.full_name == "Lionel Walker"


def test_a_recorded_vote_on_the_motion_names_everyone(demo_desk: Desk, room: int) -> None:  # noqa: F811
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    setup = demo_desk.decisions.vote_setup(room)
    choices = tuple(
        (v.person_id, "against" if i < 2 else "for") for i, v in enumerate(setup.eligible)
    )
    view = demo_desk.decisions.record_vote(
        room, VoteFields("", method="recorded", choices=choices, motion_id=motion)
    )
    assert (view.method, view.for_count, view.against_count, view.motion_id) == (
        "recorded",
        7,
        2,
        motion,
    )
    assert len(view.names("for")) == 7 and view.motion == MOTION
    assert states(demo_desk, room) == [("motion", "carried")]


def test_the_amendment_comes_before_the_motion(demo_desk: Desk, room: int) -> None:  # noqa: F811
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    moved(demo_desk, room, "to add “in full”", "Yvonne Clements", "Mick Brown", amends_id=motion)
    before = rows(demo_desk, models.Vote)
    with pytest.raises(ClerkError, match="the amendment moved by Cllr Yvonne Clements must be"):
        vote(demo_desk, room, motion, 9, 0)
    assert rows(demo_desk, models.Vote) == before


def test_refusals_in_words(demo_desk: Desk, room: int) -> None:  # noqa: F811
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    with pytest.raises(ClerkError, match="is still before the meeting: put it to the vote"):
        moved(demo_desk, room, "That something else", "Abdul Khan", "Suky Samra")
    amendment = moved(demo_desk, room, "to add X", "Abdul Khan", "Suky Samra", amends_id=motion)
    with pytest.raises(ClerkError, match="Panel's standing orders do not allow an amendment"):
        moved(demo_desk, room, "to add Y", "Abdul Khan", "Suky Samra", amends_id=amendment)
    with pytest.raises(ClerkError, match="carried or lost by its vote") as refused:
        demo_desk.debate.set_motion_state(motion, "carried")
    assert refused.value.where == "state"
    demo_desk.debate.set_motion_state(amendment, "withdrawn")
    with pytest.raises(ClerkError, match="a withdrawn amendment has no vote"):
        vote(demo_desk, room, amendment, 5, 4)
    vote(demo_desk, room, motion, 5, 4)
    with pytest.raises(ClerkError, match="the motion has a vote: delete the vote first"):
        demo_desk.debate.set_motion_state(motion, "withdrawn")
    with pytest.raises(ClerkError, match="has been voted on already"):
        vote(demo_desk, room, motion, 5, 4)
    with pytest.raises(ClerkError, match="only to a motion still before the meeting"):
        moved(demo_desk, room, "to add Z", "Abdul Khan", "Suky Samra", amends_id=motion)
    with pytest.raises(ClerkError, match="the seconder cannot be the mover") as refused:
        moved(demo_desk, room, "That more", "Abdul Khan", "Abdul Khan")
    assert refused.value.where == "seconder"
    with pytest.raises(ClerkError, match="a motion needs its words"):
        moved(demo_desk, room, "  ", "Abdul Khan", "Suky Samra")


def test_a_mover_not_present_is_refused(demo_desk: Desk, room: int) -> None:  # noqa: F811
    absent = person_id(demo_desk, "Bob Piper")
    fields = MotionFields(MOTION, absent, person_id(demo_desk, "Mick Brown"))
    with pytest.raises(ClerkError, match="is not marked present as a voting member") as refused:
        demo_desk.debate.move_motion(room, fields)
    assert refused.value.where == "mover"
    assert demo_desk.debate.debate_setup(room).motions == ()


def test_nested_amendments_where_standing_orders_allow(demo_desk: Desk, room: int) -> None:  # noqa: F811
    body_id = demo_desk.agenda.meeting(march_meeting(demo_desk)).body.id
    with demo_desk.store.recording() as changes:
        body = changes.session.get(models.Body, body_id)
        assert body is not None
        changes.update(body, "standing orders", nested_amendments=True)
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    outer = moved(demo_desk, room, "to add “in full”", "Abdul Khan", "Suky Samra", amends_id=motion)
    inner = moved(
        demo_desk, room, "to delete “in full”", "Waheed Rasab", "Suky Samra", amends_id=outer
    )
    assert demo_desk.debate.debate_setup(room).next_to_vote == inner
    vote(demo_desk, room, inner, 2, 7)
    assert demo_desk.debate.debate_setup(room).next_to_vote == outer
    vote(demo_desk, room, outer, 6, 3)
    view = demo_desk.debate.debate_setup(room).motion(motion)
    assert view is not None and view.words == "That the Panel endorse the precept in full."


def test_edit_and_withdraw_and_move_again(demo_desk: Desk, room: int) -> None:  # noqa: F811
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    edited = demo_desk.debate.edit_motion(
        motion,
        MotionFields("That the Panel approve the precept.", person_id(demo_desk, "Abdul Khan")),
    )
    assert edited.text == "That the Panel approve the precept." and edited.seconder is None
    assert edited.mover is not None and edited.mover.full_name == "Abdul Khan"
    demo_desk.debate.set_motion_state(motion, "withdrawn")
    other = moved(demo_desk, room, "That another", "Suky Samra", "Mick Brown")
    with pytest.raises(ClerkError, match="is still before the meeting"):
        demo_desk.debate.set_motion_state(motion, "moved")
    demo_desk.debate.set_motion_state(other, "not-put")
    assert demo_desk.debate.set_motion_state(motion, "moved").state == "moved"


def test_a_closed_meeting_refuses_a_motion_on_an_item_it_never_took(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    meeting_id = march_meeting(demo_desk)
    demo_desk.chamber.close_meeting(meeting_id)
    untaken = next(i.id for i in demo_desk.agenda.meeting(meeting_id).items if i.number == "9")
    with pytest.raises(ClerkError, match="was not taken before the meeting closed"):
        moved(demo_desk, untaken, MOTION, "Paul Bradley", "Mick Brown")


def test_each_action_reads_the_meeting_back_as_committed(demo_desk: Desk, room: int) -> None:  # noqa: F811
    backs = [ReadBack() for _ in range(5)]
    motion = demo_desk.debate.move_motion(
        room, MotionFields(MOTION, person_id(demo_desk, "Paul Bradley")), read_back=backs[0]
    ).id
    demo_desk.debate.edit_motion(motion, MotionFields("That it be endorsed."), read_back=backs[1])
    demo_desk.debate.set_motion_state(motion, "withdrawn", read_back=backs[2])
    demo_desk.debate.set_motion_state(motion, "moved", read_back=backs[3])
    demo_desk.debate.delete_motion(motion, read_back=backs[4])
    seen = []
    for back in backs:
        assert back.snapshot is not None
        seen.append([(m.text, m.state) for m in back.snapshot.motions_on(room)])
    assert seen == [
        [(MOTION, "moved")],
        [("That it be endorsed.", "moved")],
        [("That it be endorsed.", "withdrawn")],
        [("That it be endorsed.", "moved")],
        [],
    ]


def test_the_substantive_wording_waits_for_a_carried_amendment(demo_desk: Desk, room: int) -> None:  # noqa: F811
    motion = moved(demo_desk, room, MOTION, "Paul Bradley", "Mick Brown")
    with pytest.raises(ClerkError, match="no amendment to this motion has been carried") as refused:
        demo_desk.debate.confirm_substantive(motion, "That it be otherwise.")
    assert refused.value.where == "text"
    amendment = moved(demo_desk, room, "to add “now”", "Abdul Khan", "Suky Samra", amends_id=motion)
    vote(demo_desk, room, amendment, 5, 4)
    with pytest.raises(ClerkError, match="the substantive motion needs its words"):
        demo_desk.debate.confirm_substantive(motion, "  ")
    view = demo_desk.debate.debate_setup(room).motion(motion)
    assert view is not None and view.words == "That the Panel endorse the precept now."
