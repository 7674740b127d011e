"""The rules of order for a debate: which motion or amendment is put to the vote next, what
may be moved, withdrawn or voted on, what a carried amendment makes of the motion, and what the
vote's sentence calls it. Pure functions over plain facts (:class:`MotionFact`), no I/O.

A refusal is a sentence a clerk can act on, returned (None when allowed) so the screens can
ask before a dialog opens and the services ask again inside the transaction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

MOVED = "moved"
# How each state is said after "the motion was ..." / "a ... motion".
_STATE_WORDS = {
    "withdrawn": "withdrawn",
    "not-put": "not put",
    "carried": "carried",
    "lost": "lost",
}
_PUT_IT = "put it to the vote or withdraw it first"
# The states the clerk sets by hand; carried and lost come only from a vote.
HAND_STATES = ("moved", "withdrawn", "not-put")


@dataclass(frozen=True)
class MotionFact:
    """A motion or amendment as the rules see it. ``mover``: the mover's name as the roster
    shows it ("" when not recorded), for the refusals' words."""

    id: int
    kind: str  # "motion" or "amendment"
    amends_id: int | None
    state: str  # "moved", "withdrawn", "carried", "lost", "not-put"
    has_vote: bool = False
    mover: str = ""
    # The order its vote was recorded in (the vote's id; 0 without one): which of two carried
    # amendments changed the motion's words last.
    voted: int = 0

    @property
    def is_amendment(self) -> bool:
        return self.kind == "amendment"

    @property
    def before_meeting(self) -> bool:
        """Moved and not yet voted on: still for the meeting to decide."""
        return self.state == MOVED and not self.has_vote


def _find(motions: Sequence[MotionFact], motion_id: int | None) -> MotionFact | None:
    return next((m for m in motions if m.id == motion_id), None)


def _pending_amendment(motions: Sequence[MotionFact], target_id: int) -> MotionFact | None:
    """The latest-moved amendment to ``target_id`` still before the meeting."""
    pending = [m for m in motions if m.amends_id == target_id and m.before_meeting]
    return pending[-1] if pending else None


def _called(fact: MotionFact) -> str:
    """ "the amendment moved by Cllr X", "the motion": how a refusal names it."""
    noun = "amendment" if fact.is_amendment else "motion"
    return f"the {noun} moved by {fact.mover}" if fact.mover else f"the {noun}"


def _open_motion(motions: Sequence[MotionFact]) -> MotionFact | None:
    """The motion (not amendment) moved last and still before the meeting."""
    open_motions = [m for m in motions if not m.is_amendment and m.before_meeting]
    return open_motions[-1] if open_motions else None


def next_to_vote(motions: Sequence[MotionFact]) -> int | None:
    """The motion or amendment to put to the vote next: the latest motion still before the
    meeting, or rather the amendment to it moved last and still before it (with nested
    amendments, the innermost first). None when nothing waits for a vote."""
    current = _open_motion(motions)
    if current is None:
        return None
    while (inner := _pending_amendment(motions, current.id)) is not None:
        current = inner
    return current.id


def vote_refusal(motions: Sequence[MotionFact], motion_id: int) -> str | None:
    """Why ``motion_id`` cannot be put to the vote now, or None when it can."""
    fact = _find(motions, motion_id)
    if fact is None:
        return "that motion is not on this item"
    noun = "amendment" if fact.is_amendment else "motion"
    if fact.has_vote or fact.state in ("carried", "lost"):
        return f"the {noun} has been voted on already: delete that vote to take it again"
    if fact.state == "withdrawn":
        return f"a withdrawn {noun} has no vote"
    if fact.state != MOVED:
        return f"{'an' if fact.is_amendment else 'a'} {noun} not put has no vote"
    target = _find(motions, fact.amends_id)
    if target is not None and not target.before_meeting:
        return f"{_called(target)} is no longer before the meeting, so this amendment falls"
    pending = _pending_amendment(motions, fact.id)
    if pending is not None:
        return f"{_called(pending)} must be voted on or withdrawn first"
    return None


def state_refusal(motions: Sequence[MotionFact], motion_id: int, state: str) -> str | None:
    """Why the clerk cannot set ``motion_id`` to ``state`` by hand, or None when they can."""
    fact = _find(motions, motion_id)
    if fact is None:
        return "that motion is not on this item"
    noun = "amendment" if fact.is_amendment else "motion"
    if state in ("carried", "lost"):
        return f"a {noun} is carried or lost by its vote: record the vote instead"
    if state not in HAND_STATES:
        return f"{state!r} is not what can become of a {noun}"
    if fact.has_vote:
        return f"the {noun} has a vote: delete the vote first to change what became of it"
    if state == fact.state:
        return None
    if state != MOVED:
        pending = _pending_amendment(motions, fact.id)
        if pending is not None:
            return f"{_called(pending)} must be voted on or withdrawn first"
        return None
    # Moved again: only where it could be moved now.
    others = [m for m in motions if m.id != fact.id]
    if fact.is_amendment:
        return amendment_refusal(others, fact.amends_id or 0, nested=True)
    return motion_refusal(others)


def motion_refusal(motions: Sequence[MotionFact]) -> str | None:
    """Why a new motion cannot be moved on the item now (another is still before the
    meeting), or None when it can."""
    current = _open_motion(motions)
    if current is not None:
        return f"{_called(current)} is still before the meeting: {_PUT_IT}"
    return None


def amendment_refusal(
    motions: Sequence[MotionFact], target_id: int, *, nested: bool, body: str = "the body"
) -> str | None:
    """Why an amendment to ``target_id`` cannot be moved, or None when it can. ``nested``:
    the body's standing orders allow an amendment to an amendment."""
    target = _find(motions, target_id)
    if target is None:
        return "the motion to amend is not on this item"
    if target.is_amendment and not nested:
        return (
            f"{body}'s standing orders do not allow an amendment to an amendment: "
            "change it in the body's details"
        )
    if not target.before_meeting:
        noun = "amendment" if target.is_amendment else "motion"
        done = "voted on" if target.has_vote else _STATE_WORDS.get(target.state, target.state)
        return f"an amendment can be moved only to a {noun} still before the meeting: it was {done}"
    return None


def unvote_refusal(motions: Sequence[MotionFact], motion_id: int) -> str | None:
    """Why the vote on ``motion_id`` cannot be deleted, or None when it can: the motion it
    amends has been voted on since (on the words this vote decided), or another amendment to
    it was carried since (on the words this one made), or, for a motion, another motion is
    before the meeting now (deleting the vote would put this one back before it)."""
    fact = _find(motions, motion_id)
    if fact is None:
        return None
    target = _find(motions, fact.amends_id)
    if target is not None and target.has_vote:
        return f"{_called(target)} has been voted on since: delete that vote first"
    if fact.state == "carried" and fact.is_amendment:
        since = [
            m
            for m in motions
            if m.amends_id == fact.amends_id and m.state == "carried" and m.voted > fact.voted
        ]
        if since:
            return (
                f"{_called(since[-1])} was carried since, on the words this one made: "
                "delete that vote first"
            )
    later = _open_motion([m for m in motions if m.id != fact.id])
    if not fact.is_amendment and later is not None:
        return f"{_called(later)} is before the meeting now: {_PUT_IT}"
    return None


def state_after(carried: bool) -> str:
    """What a vote makes of the motion or amendment put."""
    return "carried" if carried else "lost"


def vote_noun(motions: Sequence[MotionFact], motion_id: int) -> str:
    """The noun of the vote's sentence: "amendment"; "substantive motion" once an amendment
    to the motion was carried; else "motion"."""
    fact = _find(motions, motion_id)
    if fact is not None and fact.is_amendment:
        return "amendment"
    if any(m.amends_id == motion_id and m.state == "carried" for m in motions):
        return "substantive motion"
    return "motion"


# "to add X"; "to delete X and insert Y"; "to delete X" (also "leave out", "omit"); "to
# insert Y after X" (or before X). X and Y may be quoted, and may start "the words".
_QUOTES = "\"'“”‘’"
_ADD = re.compile(r"^\s*to\s+add\s+(?P<add>.+?)\s*$", re.I | re.S)
_DELETE = re.compile(
    r"^\s*to\s+(?:delete|leave\s+out|omit)\s+(?P<old>.+?)"
    r"(?:\s+and\s+(?:insert|substitute|replace\s+(?:it|them)\s+with)\s+(?P<new>.+?))?\s*$",
    re.I | re.S,
)
_INSERT = re.compile(
    r"^\s*to\s+insert\s+(?P<new>.+?)\s+(?P<where>after|before)\s+(?P<old>.+?)\s*$", re.I | re.S
)
_THE_WORDS = re.compile(r"^the\s+words?\s+", re.I)


def _quoted(words: str) -> str:
    """The words an amendment quotes: without their quotation marks or "the words"."""
    words = _THE_WORDS.sub("", words.strip())
    if len(words) >= 2 and words[0] in _QUOTES and words[-1] in _QUOTES:
        return words[1:-1].strip()
    return words


def _tidy(text: str) -> str:
    """One space between words, none before a comma or a full stop, and no comma left
    hanging before another mark (after a deletion)."""
    spaced = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split()))
    return re.sub(r"[,;:]+(?=[,.;:])", "", spaced)


def _found(motion: str, words: str) -> int:
    """Where ``words`` first stand in the motion (as typed, else in any case); -1 if not."""
    if not words:
        return -1
    at = motion.find(words)
    return at if at >= 0 else motion.lower().find(words.lower())


def amended_words(motion_words: str, amendment_text: str) -> str:
    """The motion as the carried amendment makes it, proposed for the clerk to confirm:
    "to add X" adds X at the end (before the motion's full stop, if it has one); "to delete X
    and insert Y" puts Y for X (the first X found); "to delete X" takes X out; "to insert Y
    after X" (or before) puts Y there; any other amendment is its own words, which replace it.
    An instruction whose X is not in the motion cannot be carried out by the app: the motion's
    words come back unchanged for the clerk to amend by hand (the instruction itself, as the
    motion, would be minuted as nonsense: "the substantive motion: to delete …")."""
    motion = motion_words.strip()
    own = amendment_text.strip()
    if added := _ADD.match(own):
        addition = _quoted(added["add"])
        stop = "." if motion.endswith(".") and not addition.endswith(".") else ""
        return _tidy(f"{motion.removesuffix('.')} {addition}{stop}")
    if inserted := _INSERT.match(own):
        old, new = _quoted(inserted["old"]), _quoted(inserted["new"])
        at = _found(motion, old)
        if at >= 0:
            cut = at + len(old) if inserted["where"].lower() == "after" else at
            return _tidy(f"{motion[:cut]} {new} {motion[cut:]}")
        return motion
    if deleted := _DELETE.match(own):
        old, new = _quoted(deleted["old"]), _quoted(deleted["new"] or "")
        at = _found(motion, old)
        if at >= 0:
            return _tidy(f"{motion[:at]} {new} {motion[at + len(old) :]}")
        return motion
    return own
