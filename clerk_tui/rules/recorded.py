"""Recorded (named) votes: each member's part, counted for ``decide``."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class PersonChoice(StrEnum):
    """One member's part in a recorded vote."""

    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"
    DID_NOT_VOTE = "did-not-vote"


def tally(choices: Iterable[PersonChoice | str]) -> tuple[int, int, int]:
    """Count a recorded vote into (for, against, abstentions) for ``decide``.

    "Did not vote" counts nowhere: such a member is either excluded from the item (and so
    not in ``present``) or simply took no part.
    """
    for_votes = against = abstentions = 0
    for raw in choices:
        choice = PersonChoice(raw)
        if choice is PersonChoice.FOR:
            for_votes += 1
        elif choice is PersonChoice.AGAINST:
            against += 1
        elif choice is PersonChoice.ABSTAIN:
            abstentions += 1
    return for_votes, against, abstentions
