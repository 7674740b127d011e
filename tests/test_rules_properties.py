"""Votes: properties of the decision over every possible count (PRODUCT.md §3)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from clerk_tui.rules import Decision, Majority, decide


@dataclass(frozen=True)
class Counts:
    """One possible show of hands, and the same vote with some counts changed."""

    for_votes: int
    against: int
    abstentions: int
    majority: Majority
    present: int
    membership: int

    def decide(self) -> Decision:
        return decide(
            self.for_votes,
            self.against,
            self.abstentions,
            majority=self.majority,
            present=self.present,
            membership=self.membership,
        )

    def fits(self) -> bool:
        return self.for_votes + self.against + self.abstentions <= self.present


@st.composite
def possible_votes(draw: st.DrawFn) -> Counts:
    """Counts that can happen: nobody votes twice, nobody is present who is not a member."""
    membership = draw(st.integers(min_value=1, max_value=60))
    present = draw(st.integers(min_value=0, max_value=membership))
    for_votes = draw(st.integers(min_value=0, max_value=present))
    against = draw(st.integers(min_value=0, max_value=present - for_votes))
    abstentions = draw(st.integers(min_value=0, max_value=present - for_votes - against))
    majority = draw(st.sampled_from(list(Majority)))
    return Counts(for_votes, against, abstentions, majority, present, membership)


@given(possible_votes())
def test_every_possible_count_is_decided_and_its_sentence_agrees(counts: Counts) -> None:
    decision = counts.decide()
    assert decision.text.endswith("was carried." if decision.carried else "was not carried.")
    assert decision.needed >= 1


@given(possible_votes())
def test_carried_matches_each_rule_as_the_spec_writes_it(counts: Counts) -> None:
    for_votes, against = counts.for_votes, counts.against
    expected = {
        Majority.SIMPLE: for_votes > against,
        Majority.TWO_THIRDS_VOTING: for_votes > 0
        and Fraction(for_votes) >= Fraction(2, 3) * (for_votes + against),
        Majority.TWO_THIRDS_MEMBERSHIP: Fraction(for_votes) >= Fraction(2, 3) * counts.membership,
        Majority.UNANIMOUS: counts.present > 0 and for_votes == counts.present,
    }[counts.majority]
    assert counts.decide().carried is expected


@given(possible_votes())
def test_one_more_vote_for_never_loses_a_carried_motion(counts: Counts) -> None:
    more = replace(counts, for_votes=counts.for_votes + 1)
    assume(more.fits())
    if counts.decide().carried:
        assert more.decide().carried


@given(possible_votes())
def test_needed_votes_carry_and_one_fewer_never_does(counts: Counts) -> None:
    needed = counts.decide().needed
    enough = replace(counts, for_votes=needed)
    assume(enough.fits())
    assert enough.decide().carried
    assert not replace(counts, for_votes=needed - 1).decide().carried


@given(possible_votes(), st.integers(min_value=1, max_value=5))
def test_more_votes_than_members_present_is_always_refused(counts: Counts, extra: int) -> None:
    room_left = counts.present - counts.for_votes - counts.against
    with pytest.raises(ValueError, match="but only"):
        replace(counts, abstentions=room_left + extra).decide()


@given(possible_votes())
def test_abstentions_never_change_a_simple_or_two_thirds_voting_result(counts: Counts) -> None:
    assume(counts.majority in (Majority.SIMPLE, Majority.TWO_THIRDS_VOTING))
    with_them, without = counts.decide(), replace(counts, abstentions=0).decide()
    assert (with_them.carried, with_them.needed) == (without.carried, without.needed)
