"""Votes, quorum and declarations: the arithmetic of a formal meeting, with no I/O.

Everything here is a pure function of its arguments so the vote dialog can call it on every
key press, the services can call it before storing, and the tests can pin it down exactly.
Impossible input raises ``ValueError`` with a sentence a clerk can act on; the dialog shows
``str(error)`` beside the counts.

The sentence in ``Decision.text`` follows the house style of the reference minutes
(West Midlands Police and Crime Panel, 29 November 2021, minute 616)::

    A vote of Panel Members present resulted in an 8:1 majority in favour of the
    recommendation. However, as a unanimous decision could not be reached the
    recommendation was not carried.

Every outcome is written as that same pair: a sentence saying how the vote fell, then a
sentence saying what that means for the motion.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Decision",
    "DeclarationAction",
    "DeclarationKind",
    "Majority",
    "PersonChoice",
    "QuorumState",
    "decide",
    "excluded_from_vote",
    "quorum_state",
    "tally",
]


# --------------------------------------------------------------------------------------------
# Votes
# --------------------------------------------------------------------------------------------


class Majority(StrEnum):
    """Which majority a motion needs. The values are what the database and scripts store."""

    SIMPLE = "simple"  # for > against; abstentions don't count
    TWO_THIRDS_VOTING = "two-thirds-voting"  # for >= 2/3 of (for + against)
    TWO_THIRDS_MEMBERSHIP = "two-thirds-membership"  # for >= 2/3 of all members of the body
    UNANIMOUS = "unanimous"  # every member present voted for


# How each rule's requirement is named in the minutes ("... as <this> could not be reached").
_REQUIREMENT: dict[Majority, str] = {
    Majority.SIMPLE: "a majority",
    Majority.TWO_THIRDS_VOTING: "a two-thirds majority of the votes cast",
    Majority.TWO_THIRDS_MEMBERSHIP: "a two-thirds majority of the whole membership",
    Majority.UNANIMOUS: "a unanimous decision",
}

_CASTING_CHOICES = ("for", "against")


@dataclass(frozen=True)
class Decision:
    """The outcome of one vote, with everything the minutes and the vote dialog need.

    ``needed`` is the fewest votes for that would carry the motion outright with the other
    counts as they are. Under a simple majority it ignores the casting vote (a tie can still
    be carried on the chair's casting vote, which ``carried`` reflects). It may exceed what
    is possible with the members present: that is how the dialog can say "cannot carry".
    """

    majority: Majority
    for_votes: int
    against: int
    abstentions: int
    present: int
    membership: int
    casting_vote: str | None  # "for", "against" or None; only ever set on a tie
    carried: bool
    needed: int
    tie: bool  # votes equal under a simple majority, so the chair's casting vote decides
    text: str  # the sentence(s) for the minutes

    @property
    def outcome(self) -> str:
        """The word stored with the vote and shown in the dialog."""
        return "carried" if self.carried else "not carried"

    @property
    def unanimous(self) -> bool:
        """Every member present voted for: no votes against, no abstentions, no silence."""
        return _is_unanimous(self.for_votes, self.against, self.abstentions, self.present)


def decide(
    for_votes: int,
    against: int,
    abstentions: int,
    *,
    majority: Majority | str,
    present: int,
    membership: int,
    casting_vote: str | None = None,
    noun: str = "motion",
    who: str = "Members",
) -> Decision:
    """Decide a vote and write its sentence for the minutes.

    ``present`` is the number of voting members present *for this item* (members excluded by
    a declaration of interest do not count); ``membership`` is the whole voting membership
    of the body, which only the two-thirds-of-membership rule (a panel's veto) looks at.
    ``noun`` and ``who`` let the sentence say "recommendation" or "Panel Members".

    Raises ``ValueError`` for impossible counts, an unknown rule or casting vote, or a
    casting vote where the rules give the chair none.
    """
    rule = _as_majority(majority)
    _check_counts(for_votes, against, abstentions, present=present, membership=membership)
    casting = _check_casting_vote(casting_vote, rule, for_votes, against)

    tie = rule is Majority.SIMPLE and for_votes == against and for_votes > 0
    needed = _needed(rule, against=against, present=present, membership=membership)
    # Under UNANIMOUS, needed == present, and for == present leaves no room for anything else.
    carried = for_votes >= needed or (tie and casting == "for")

    text = _sentence(
        rule,
        for_votes,
        against,
        abstentions,
        present=present,
        membership=membership,
        needed=needed,
        carried=carried,
        tie=tie,
        casting=casting,
        noun=noun,
        who=who,
    )
    return Decision(
        majority=rule,
        for_votes=for_votes,
        against=against,
        abstentions=abstentions,
        present=present,
        membership=membership,
        casting_vote=casting,
        carried=carried,
        needed=needed,
        tie=tie,
        text=text,
    )


def _as_majority(majority: Majority | str) -> Majority:
    """Accept the enum or its stored string; say which rules exist when it is neither."""
    try:
        return Majority(majority)
    except ValueError:
        known = ", ".join(m.value for m in Majority)
        raise ValueError(f"Unknown majority rule {majority!r}: use one of {known}.") from None


def _plural(n: int, singular: str, plural: str | None = None) -> str:
    """'1 member', '2 members' — messages and minutes must read as English."""
    word = singular if n == 1 else (plural or singular + "s")
    return f"{n} {word}"


def _check_counts(
    for_votes: int, against: int, abstentions: int, *, present: int, membership: int
) -> None:
    """Refuse counts that cannot happen, in words the clerk can check against the room."""
    if membership < 1:
        raise ValueError(
            f"The body must have at least one voting member (membership given as {membership})."
        )
    for label, value in (
        ("votes for", for_votes),
        ("votes against", against),
        ("abstentions", abstentions),
        ("members present", present),
    ):
        if value < 0:
            raise ValueError(f"The number of {label} cannot be negative (got {value}).")
    if present > membership:
        raise ValueError(
            f"{_plural(present, 'member')} present but the body has only "
            f"{_plural(membership, 'voting member')}."
        )
    if for_votes + against + abstentions > present:
        cast = _plural(for_votes + against, "vote") + " cast"
        detail = f"{for_votes} for, {against} against"
        if abstentions:
            cast += f" and {_plural(abstentions, 'abstention')}"
            detail += f", {_plural(abstentions, 'abstention')}"
        raise ValueError(f"{cast} but only {_plural(present, 'member')} present ({detail}).")


def _check_casting_vote(
    casting_vote: str | None, rule: Majority, for_votes: int, against: int
) -> str | None:
    """A casting vote exists only to break a tie under a simple majority."""
    if casting_vote is None:
        return None
    casting = str(casting_vote).strip().lower()
    if casting not in _CASTING_CHOICES:
        raise ValueError(f"A casting vote must be 'for' or 'against', not {casting_vote!r}.")
    if rule is not Majority.SIMPLE:
        raise ValueError(
            f"The chair has no casting vote when the motion needs {_REQUIREMENT[rule]}; "
            "a casting vote only breaks a tie under a simple majority."
        )
    if for_votes != against or for_votes == 0:
        raise ValueError(
            f"The chair has a casting vote only when the votes are tied "
            f"(here {for_votes} for and {against} against)."
        )
    return casting


def _needed(rule: Majority, *, against: int, present: int, membership: int) -> int:
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


def _is_unanimous(for_votes: int, against: int, abstentions: int, present: int) -> bool:
    return present > 0 and for_votes == present and against == 0 and abstentions == 0


def _article(n: int) -> str:
    """The article for a number said aloud: 'an 8:1 majority', 'an 11:2', 'a 7:2'."""
    digits = str(n)
    if digits.startswith("8"):  # eight, eighty, eight hundred, eight thousand ...
        return "an"
    # eleven / eighteen, and eleven / eighteen thousand (or million)
    if len(digits) % 3 == 2 and digits[:2] in ("11", "18"):
        return "an"
    return "a"


def _count_sentence(
    for_votes: int, against: int, abstentions: int, *, present: int, noun: str, who: str
) -> str:
    """The first sentence: how the vote fell, as the reference minutes put it."""
    opening = f"A vote of {who} present"
    with_abstentions = f", with {_plural(abstentions, 'abstention')}" if abstentions else ""
    if _is_unanimous(for_votes, against, abstentions, present):
        return f"{opening} was unanimous ({for_votes}:0) in favour of the {noun}."
    if for_votes > against:
        return (
            f"{opening} resulted in {_article(for_votes)} {for_votes}:{against} majority "
            f"in favour of the {noun}{with_abstentions}."
        )
    if against > for_votes:
        return (
            f"{opening} resulted in {_article(against)} {against}:{for_votes} majority "
            f"against the {noun}{with_abstentions}."
        )
    if for_votes > 0:
        return f"{opening} was tied, {for_votes} for and {against} against{with_abstentions}."
    return f"No votes were cast for or against the {noun}{with_abstentions}."


def _outcome_sentence(
    rule: Majority,
    for_votes: int,
    against: int,
    *,
    membership: int,
    needed: int,
    carried: bool,
    tie: bool,
    casting: str | None,
    noun: str,
) -> str:
    """The second sentence: what the count means under the rule the motion needed."""
    if tie:
        if casting == "for":
            return f"On the Chair's casting vote in favour, the {noun} was carried."
        if casting == "against":
            return f"On the Chair's casting vote against, the {noun} was not carried."
        return f"As the votes were equal and no casting vote was given, the {noun} was not carried."

    requirement = _REQUIREMENT[rule]
    if rule is Majority.TWO_THIRDS_MEMBERSHIP:
        requirement += f" ({needed} of {membership})"

    if carried:
        if rule in (Majority.SIMPLE, Majority.UNANIMOUS):
            return f"The {noun} was carried."
        return f"Having achieved {requirement}, the {noun} was carried."

    if rule is Majority.SIMPLE:
        return f"The {noun} was not carried."
    # "However" only where the count read as support: the reference's 8:1 case.
    lead = "However, as" if for_votes > against else "As"
    return f"{lead} {requirement} could not be reached the {noun} was not carried."


def _sentence(
    rule: Majority,
    for_votes: int,
    against: int,
    abstentions: int,
    *,
    present: int,
    membership: int,
    needed: int,
    carried: bool,
    tie: bool,
    casting: str | None,
    noun: str,
    who: str,
) -> str:
    count = _count_sentence(for_votes, against, abstentions, present=present, noun=noun, who=who)
    outcome = _outcome_sentence(
        rule,
        for_votes,
        against,
        membership=membership,
        needed=needed,
        carried=carried,
        tie=tie,
        casting=casting,
        noun=noun,
    )
    return f"{count} {outcome}"


# --------------------------------------------------------------------------------------------
# Quorum
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuorumState:
    """Whether enough voting members are in the room; ``text`` is for the clock bar."""

    present: int
    quorum: int
    quorate: bool
    text: str

    @property
    def short_by(self) -> int:
        """How many more voting members must arrive before business can go on."""
        return max(0, self.quorum - self.present)


def quorum_state(present_voting: int, quorum: int) -> QuorumState:
    """Compare the voting members present with the body's quorum.

    Shouted in capitals when inquorate because the clerk must notice it at a glance.
    """
    if present_voting < 0:
        raise ValueError(
            f"The number of voting members present cannot be negative (got {present_voting})."
        )
    if quorum < 0:
        raise ValueError(f"The quorum cannot be negative (got {quorum}).")
    quorate = present_voting >= quorum
    label = "Quorate" if quorate else "INQUORATE"
    return QuorumState(
        present=present_voting,
        quorum=quorum,
        quorate=quorate,
        text=f"{label} {present_voting}/{quorum}",
    )


# --------------------------------------------------------------------------------------------
# Declarations of interest
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Recorded (named) votes
# --------------------------------------------------------------------------------------------


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
