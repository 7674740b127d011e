"""Deciding a vote: the counts checked, the casting vote allowed only where the rules give one, the
outcome and its sentence for the minutes."""

from __future__ import annotations

from dataclasses import dataclass

from clerk_tui.rules.majority import REQUIREMENT, Majority, is_unanimous, plural, votes_needed
from clerk_tui.rules.sentences import vote_sentence

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
        return is_unanimous(self.for_votes, self.against, self.abstentions, self.present)


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
    needed = votes_needed(rule, against=against, present=present, membership=membership)
    # Under UNANIMOUS, needed == present, and for == present leaves no room for anything else.
    carried = for_votes >= needed or (tie and casting == "for")

    text = vote_sentence(
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
            f"{plural(present, 'member')} present but the body has only "
            f"{plural(membership, 'voting member')}."
        )
    if for_votes + against + abstentions > present:
        cast = plural(for_votes + against, "vote") + " cast"
        detail = f"{for_votes} for, {against} against"
        if abstentions:
            cast += f" and {plural(abstentions, 'abstention')}"
            detail += f", {plural(abstentions, 'abstention')}"
        raise ValueError(f"{cast} but only {plural(present, 'member')} present ({detail}).")


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
            f"The chair has no casting vote when the motion needs {REQUIREMENT[rule]}; "
            "a casting vote only breaks a tie under a simple majority."
        )
    if for_votes != against or for_votes == 0:
        raise ValueError(
            f"The chair has a casting vote only when the votes are tied "
            f"(here {for_votes} for and {against} against)."
        )
    return casting
