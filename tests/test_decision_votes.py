"""Votes through the Desk against a real SQLite file (the demo's copy): the statutory majorities,
the chair's casting vote, recorded votes that name everyone, inquorate votes and votes attached
to their resolutions. The room is set by the helpers in tests/test_decisions.py.
"""

from __future__ import annotations

import pytest

from clerk_tui.desk import Desk
from clerk_tui.desk.decisions import ResolutionFields, VoteFields
from clerk_tui.errors import ClerkError
from db import models
from tests.conftest import FakeClock
from tests.test_decisions import (
    CO_OPTION,
    NINE,
    declare,
    item_id,
    person_id,
    room,  # noqa: F401  (the fixture)
    rows,
    seat,
    start,
)

# ---- votes ------------------------------------------------------------------------------


def test_the_co_option_vote_8_to_1_is_not_carried_under_unanimity(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    vote = demo_desk.decisions.record_vote(
        room,
        VoteFields(
            CO_OPTION,
            majority="unanimous",
            for_count=8,
            against_count=1,
            noun="recommendation",
        ),
    )
    assert vote.carried is False
    assert (vote.present, vote.membership) == (9, 13)  # 13 voting members on 14 March 2022
    assert vote.outcome_text == (
        "A vote of Panel Members present resulted in an 8:1 majority in favour of the "
        "recommendation. However, as a unanimous decision could not be reached the "
        "recommendation was not carried."
    )
    assert vote.inquorate is False
    stored = rows(demo_desk, models.Vote)[-1]
    assert (stored["for_count"], stored["against_count"], stored["majority"]) == (8, 1, "unanimous")


def test_impossible_counts_are_refused_in_words_and_nothing_is_stored(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    before = rows(demo_desk, models.Vote)
    with pytest.raises(ClerkError, match="10 votes cast but only 9 members present"):
        demo_desk.decisions.record_vote(room, VoteFields("x", for_count=7, against_count=3))
    with pytest.raises(ClerkError, match="casting vote only when the votes are tied"):
        demo_desk.decisions.record_vote(
            room, VoteFields("x", for_count=5, against_count=3, casting_vote="for")
        )
    with pytest.raises(ClerkError, match="needs the motion"):
        demo_desk.decisions.record_vote(room, VoteFields("  ", for_count=5))
    assert rows(demo_desk, models.Vote) == before


def test_a_tie_is_carried_on_the_chairs_casting_vote(demo_desk: Desk, room: int) -> None:  # noqa: F811
    vote = demo_desk.decisions.record_vote(
        room, VoteFields("x", for_count=4, against_count=4, abstentions=1, casting_vote="for")
    )
    assert vote.carried and vote.casting_vote == "for"


def test_a_recorded_vote_names_everyone_and_the_excluded_member_did_not_vote(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    declare(demo_desk, "8", "Abdul Khan", "disclosable-pecuniary", "spoke-and-voted")
    setup = demo_desk.decisions.vote_setup(room)
    khan = person_id(demo_desk, "Abdul Khan")
    assert setup.present == 8
    assert [v.name for v in setup.voters if v.excluded] == ["Cllr Abdul Khan"]
    choices = tuple(
        (v.person_id, "against" if v.name.endswith("Brown") else "for") for v in setup.eligible
    )
    vote = demo_desk.decisions.record_vote(
        room, VoteFields("Budget", majority="simple", method="recorded", choices=choices)
    )
    assert (vote.for_count, vote.against_count, vote.abstentions, vote.present) == (7, 1, 0, 8)
    assert vote.names("against") == ("Cllr Mick Brown",)
    assert vote.names("did-not-vote") == ("Cllr Abdul Khan",)
    assert {n.person_id: n.choice for n in vote.named}[khan] == "did-not-vote"
    assert len(vote.named) == 9


def test_a_recorded_vote_with_names_missing_or_an_excluded_voter_is_refused(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    declare(demo_desk, "8", "Abdul Khan", "disclosable-pecuniary", "left-room")
    setup = demo_desk.decisions.vote_setup(room)
    some = tuple((v.person_id, "for") for v in setup.eligible[:3])
    with pytest.raises(ClerkError, match="no vote marked for"):
        demo_desk.decisions.record_vote(room, VoteFields("x", method="recorded", choices=some))
    everyone = tuple((v.person_id, "for") for v in setup.voters)
    with pytest.raises(ClerkError, match="Abdul Khan left the room, having declared an interest"):
        demo_desk.decisions.record_vote(room, VoteFields("x", method="recorded", choices=everyone))
    assert rows(demo_desk, models.Vote)[-1]["item_id"] != room


def test_an_inquorate_vote_needs_confirmation_and_is_marked(
    demo_desk: Desk, clock: FakeClock
) -> None:
    seat(demo_desk, NINE[:4])  # quorum is 5
    clock.set("13:30")
    item = start(demo_desk, "8")
    with pytest.raises(ClerkError, match=r"inquorate .*confirm"):
        demo_desk.decisions.record_vote(item, VoteFields("x", for_count=3, against_count=1))
    vote = demo_desk.decisions.record_vote(
        item, VoteFields("x", for_count=3, against_count=1), inquorate_confirmed=True
    )
    assert vote.inquorate is True


def test_no_vote_without_anyone_present(demo_desk: Desk) -> None:
    with pytest.raises(ClerkError, match="record the attendance"):
        demo_desk.decisions.record_vote(item_id(demo_desk, "8"), VoteFields("x", for_count=1))


def test_named_votes_after_a_show_of_hands_stay_within_the_count(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    vote = demo_desk.decisions.record_vote(room, VoteFields("x", for_count=8, against_count=1))
    brown, khan = person_id(demo_desk, "Mick Brown"), person_id(demo_desk, "Abdul Khan")
    vote = demo_desk.decisions.record_named_votes(vote.id, {brown: "against"})
    assert vote.names("against") == ("Cllr Mick Brown",)
    with pytest.raises(ClerkError, match="2 members named as voting against but only 1"):
        demo_desk.decisions.record_named_votes(vote.id, {brown: "against", khan: "against"})
    vote = demo_desk.decisions.record_named_votes(vote.id, {khan: "for"})
    assert [(n.name, n.choice) for n in vote.named] == [("Cllr Abdul Khan", "for")]


def test_a_vote_is_attached_to_its_resolution_and_deleting_it_detaches(
    demo_desk: Desk,
    room: int,  # noqa: F811
) -> None:
    resolution = demo_desk.decisions.add_resolution(room, ResolutionFields(CO_OPTION))
    vote = demo_desk.decisions.record_vote(
        room, VoteFields(CO_OPTION, for_count=9, resolution_id=resolution.id)
    )
    assert demo_desk.decisions.item_minute(room).resolutions[0].vote_id == vote.id
    demo_desk.decisions.delete_vote(vote.id)
    minute = demo_desk.decisions.item_minute(room)
    assert minute.votes == () and minute.resolutions[0].vote_id is None
