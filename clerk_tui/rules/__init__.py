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

The work is split by job: ``majority`` (the rules and what each needs), ``votes`` (``decide``),
``sentences`` (the minutes' words), ``quorum``, ``declarations`` (of interest), ``recorded``
(named votes) and ``debate`` (the rules of order: motions, amendments, the order of voting).
``clerk_tui.rules.decide`` is a contract scripts use: it stays importable here.
"""

from __future__ import annotations

from clerk_tui.rules.debate import (
    MotionFact,
    amended_words,
    amendment_refusal,
    motion_refusal,
    next_to_vote,
    state_after,
    state_refusal,
    unvote_refusal,
    vote_noun,
    vote_refusal,
)
from clerk_tui.rules.declarations import DeclarationAction, DeclarationKind, excluded_from_vote
from clerk_tui.rules.majority import Majority
from clerk_tui.rules.quorum import QuorumState, quorum_state
from clerk_tui.rules.recorded import PersonChoice, tally
from clerk_tui.rules.votes import Decision, decide

__all__ = [
    "Decision",
    "DeclarationAction",
    "DeclarationKind",
    "Majority",
    "MotionFact",
    "PersonChoice",
    "QuorumState",
    "amended_words",
    "amendment_refusal",
    "decide",
    "excluded_from_vote",
    "motion_refusal",
    "next_to_vote",
    "quorum_state",
    "state_after",
    "state_refusal",
    "tally",
    "unvote_refusal",
    "vote_noun",
    "vote_refusal",
]
