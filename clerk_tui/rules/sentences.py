"""The two sentences the minutes give a vote, in the house style of the reference minutes: how the
vote fell, then what that means for the motion."""

from __future__ import annotations

from clerk_tui.rules.majority import REQUIREMENT, Majority, is_unanimous, plural


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
    with_abstentions = f", with {plural(abstentions, 'abstention')}" if abstentions else ""
    if is_unanimous(for_votes, against, abstentions, present):
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

    requirement = REQUIREMENT[rule]
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


def vote_sentence(
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
