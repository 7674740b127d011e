"""Quorum, declarations and recorded votes: the rules in PRODUCT.md §3."""

from __future__ import annotations

import pytest

from clerk_tui.rules import (
    DeclarationAction,
    DeclarationKind,
    Majority,
    PersonChoice,
    decide,
    excluded_from_vote,
    quorum_state,
    tally,
)


def test_quorate_and_inquorate() -> None:
    quorate = quorum_state(9, 5)
    assert (quorate.quorate, quorate.text, quorate.short_by) == (True, "Quorate 9/5", 0)
    exactly = quorum_state(5, 5)
    assert exactly.quorate and exactly.text == "Quorate 5/5"
    inquorate = quorum_state(3, 5)
    assert (inquorate.quorate, inquorate.text, inquorate.short_by) == (False, "INQUORATE 3/5", 2)


def test_an_empty_room_and_a_body_with_no_quorum() -> None:
    empty = quorum_state(0, 3)
    assert (empty.quorate, empty.text, empty.short_by) == (False, "INQUORATE 0/3", 3)
    # A body with no quorum set (0) is quorate whoever is there, even nobody.
    assert quorum_state(4, 0).text == "Quorate 4/0"
    assert quorum_state(0, 0).quorate


def test_quorum_refuses_negative_numbers() -> None:
    with pytest.raises(ValueError, match="voting members present cannot be negative"):
        quorum_state(-1, 5)
    with pytest.raises(ValueError, match="quorum cannot be negative"):
        quorum_state(3, -5)


@pytest.mark.parametrize(
    ("kind", "action", "excluded"),
    [
        (DeclarationKind.DISCLOSABLE_PECUNIARY, DeclarationAction.SPOKE_AND_VOTED, True),
        (DeclarationKind.DISCLOSABLE_PECUNIARY, DeclarationAction.DISPENSATION, False),
        (DeclarationKind.DISCLOSABLE_PECUNIARY, DeclarationAction.LEFT_ROOM, True),
        (DeclarationKind.DISCLOSABLE_PECUNIARY, DeclarationAction.STAYED_DID_NOT_VOTE, True),
        (DeclarationKind.OTHER_REGISTRABLE, DeclarationAction.SPOKE_AND_VOTED, False),
        (DeclarationKind.OTHER_REGISTRABLE, DeclarationAction.LEFT_ROOM, True),
        (DeclarationKind.NON_REGISTRABLE, DeclarationAction.STAYED_DID_NOT_VOTE, True),
        (DeclarationKind.NON_REGISTRABLE, DeclarationAction.DISPENSATION, False),
        (DeclarationKind.OTHER, DeclarationAction.SPOKE_AND_VOTED, False),
        ("disclosable-pecuniary", "spoke-and-voted", True),  # stored strings work too
    ],
)
def test_excluded_from_vote(
    kind: DeclarationKind | str, action: DeclarationAction | str, excluded: bool
) -> None:
    assert excluded_from_vote(kind, action) is excluded


def test_excluded_from_vote_refuses_unknown_words() -> None:
    with pytest.raises(ValueError):
        excluded_from_vote("financial", DeclarationAction.LEFT_ROOM)


def test_tally_counts_a_recorded_vote() -> None:
    choices = [
        PersonChoice.FOR,
        PersonChoice.FOR,
        PersonChoice.AGAINST,
        PersonChoice.ABSTAIN,
        PersonChoice.DID_NOT_VOTE,
        "for",
    ]
    assert tally(choices) == (3, 1, 1)
    assert tally(["against", "abstain", "against", "abstain", "abstain"]) == (0, 2, 3)
    assert tally([]) == (0, 0, 0)
    with pytest.raises(ValueError):
        tally(["maybe"])


def test_a_recorded_vote_with_a_pecuniary_interest_feeds_decide() -> None:
    """Nine in the room, one with a DPI and no dispensation: eight count as present."""
    in_room = 9
    excluded = sum(
        excluded_from_vote(DeclarationKind.DISCLOSABLE_PECUNIARY, action)
        for action in [DeclarationAction.SPOKE_AND_VOTED]
    )
    choices = [PersonChoice.FOR] * 8 + [PersonChoice.DID_NOT_VOTE]
    decision = decide(
        *tally(choices), majority=Majority.UNANIMOUS, present=in_room - excluded, membership=15
    )
    assert decision.carried
