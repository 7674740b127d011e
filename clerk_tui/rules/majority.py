"""Which majority a motion needs, how the minutes name it, and the fewest votes for that meet it."""

from __future__ import annotations

from enum import StrEnum


class Majority(StrEnum):
    """Which majority a motion needs. The values are what the database and scripts store."""

    SIMPLE = "simple"  # for > against; abstentions don't count
    TWO_THIRDS_VOTING = "two-thirds-voting"  # for >= 2/3 of (for + against)
    TWO_THIRDS_MEMBERSHIP = "two-thirds-membership"  # for >= 2/3 of all members of the body
    UNANIMOUS = "unanimous"  # every member present voted for


# How each rule's requirement is named in the minutes ("... as <this> could not be reached").
REQUIREMENT: dict[Majority, str] = {
    Majority.SIMPLE: "a majority",
    Majority.TWO_THIRDS_VOTING: "a two-thirds majority of the votes cast",
    Majority.TWO_THIRDS_MEMBERSHIP: "a two-thirds majority of the whole membership",
    Majority.UNANIMOUS: "a unanimous decision",
}


def plural(n: int, singular: str, plural: str | None = None) -> str:
    """'1 member', '2 members' — messages and minutes must read as English."""
    word = singular if n == 1 else (plural or singular + "s")
    return f"{n} {word}"


def votes_needed(rule: Majority, *, against: int, present: int, membership: int) -> int:
    """The fewest votes for that carry the motion outright, the other counts unchanged.

    Never less than one: a motion nobody voted for is not carried, even when nobody voted
    against it either.
    """
    if rule is Majority.SIMPLE:
        return against + 1
    if rule is Majority.TWO_THIRDS_VOTING:
        # for >= 2/3 (for + against)  <=>  3 for >= 2 for + 2 against  <=>  for >= 2 against
        return max(1, 2 * against)
    if rule is Majority.TWO_THIRDS_MEMBERSHIP:
        return max(1, -(-2 * membership // 3))  # ceil(2m/3) in integers: 15 -> 10, 9 -> 6
    return max(1, present)  # UNANIMOUS


def is_unanimous(for_votes: int, against: int, abstentions: int, present: int) -> bool:
    return present > 0 and for_votes == present and against == 0 and abstentions == 0
