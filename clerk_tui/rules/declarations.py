"""Declarations of interest: their kinds, what the member did, and whether that keeps them out of
the vote."""

from __future__ import annotations

from enum import StrEnum


class DeclarationKind(StrEnum):
    """The kinds of interest a member can declare (model code of conduct categories)."""

    DISCLOSABLE_PECUNIARY = "disclosable-pecuniary"
    OTHER_REGISTRABLE = "other-registrable"
    NON_REGISTRABLE = "non-registrable"
    OTHER = "other"


class DeclarationAction(StrEnum):
    """What the member did about the item once they had declared."""

    LEFT_ROOM = "left-room"
    STAYED_DID_NOT_VOTE = "stayed-did-not-vote"
    DISPENSATION = "dispensation"
    SPOKE_AND_VOTED = "spoke-and-voted"


def excluded_from_vote(kind: DeclarationKind | str, action: DeclarationAction | str) -> bool:
    """Whether the member must show as "did not vote" and count as not present for the item.

    A disclosable pecuniary interest bars a member from voting unless they hold a
    dispensation, whatever the clerk was told they did; anyone who left the room or stayed
    without voting took no part either, whatever kind of interest they declared.
    """
    kind = DeclarationKind(kind)
    action = DeclarationAction(action)
    if action in (DeclarationAction.LEFT_ROOM, DeclarationAction.STAYED_DID_NOT_VOTE):
        return True
    return (
        kind is DeclarationKind.DISCLOSABLE_PECUNIARY
        and action is not DeclarationAction.DISPENSATION
    )
