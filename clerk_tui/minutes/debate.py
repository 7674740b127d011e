"""The debate on an item as its minutes say it (PRODUCT.md §5 "Debate", issue 15): who spoke,
then each motion as moved, its amendments each with its vote, the substantive motion and its
vote.

"It was moved by Cllr A and seconded by Cllr B that …"; "An amendment was moved by Cllr C and
seconded by Cllr D to add …"; "On being put to the vote the amendment was lost (4 for, 9
against)."; "The amended motion then became the substantive motion: …"; "The substantive motion
was then put and carried (…)."; "Mr X spoke in objection to the application; …". The motion's
words are the clerk's: printed as typed, a full stop added only where they end without one.
"""

from __future__ import annotations

from collections.abc import Sequence

from clerk_tui.minutes.blocks import Block, Source
from clerk_tui.minutes.records import (
    ItemRecord,
    MeetingRecord,
    MotionRecord,
    SpeakerRecord,
    VoteRecord,
)
from clerk_tui.minutes.said import said, vote_blocks
from clerk_tui.minutes.styles import styled

# What public speakers and the applicant address, unless the body words it its own way
# (STYLES["speakers"]).
SUBJECT = "the application"

# Each capacity's words after the speaker's name; {subject} is the body's SUBJECT.
SPOKE: dict[str, str] = {
    "public-support": "spoke in support of {subject}",
    "public-objection": "spoke in objection to {subject}",
    "ward-member": "spoke as ward member",
    "officer": "spoke as an officer",
    "applicant": "spoke as the applicant",
    "other": "spoke",
}

# Final punctuation the clerk may have typed (kept), and what may close it (”, ’, a bracket).
_STOPS = ".!?;:…"
_CLOSERS = "”’\"')]"


def finished(text: str) -> str:
    """``text`` as a sentence's end: a full stop added only when it ends with no stop of its
    own (``…the report be approved`` → ``….``; ``…insert “band D.”`` kept)."""
    words = text.strip()
    if not words or words.rstrip(_CLOSERS)[-1:] in tuple(_STOPS):
        return words
    return words + "."


def _by(motion: MotionRecord) -> str:
    """ " by Cllr A and seconded by Cllr B"; " by Cllr A"; ", and seconded by Cllr B,"; ""."""
    mover, seconder = motion.mover.strip(), motion.seconder.strip()
    if mover and seconder:
        return f" by {mover} and seconded by {seconder}"
    if mover:
        return f" by {mover}"
    if seconder:
        return f", and seconded by {seconder},"
    return ""


def _lowered(words: str, lead: str) -> str | None:
    """``words`` with its leading ``lead`` ("that", "to") in lower case, None when it has none:
    the sentence reads on into the clerk's words."""
    head, _, rest = words.partition(" ")
    if head.casefold() == lead and rest:
        return f"{lead} {rest}"
    return None


def moved_sentence(motion: MotionRecord, *, to_amendment: bool = False) -> str:
    """``It was moved by Cllr A and seconded by Cllr B that <the words>`` for a motion; for an
    amendment ``An amendment was moved by Cllr C and seconded by Cllr D to add …`` (its words
    read on from the seconder's name when they begin "to" or "that"); ``to_amendment``: it
    amends an amendment ("An amendment to the amendment was moved …")."""
    words = motion.text.strip()
    if motion.amends_id is None:
        reads_on = _lowered(words, "that") or f"that {words}"
        return f"It was moved{_by(motion)} {finished(reads_on)}"
    reads_on = _lowered(words, "to") or _lowered(words, "that") or f"as follows: {words}"
    what = "An amendment to the amendment" if to_amendment else "An amendment"
    return f"{what} was moved{_by(motion)} {finished(reads_on)}"


def counted(vote: VoteRecord) -> str:
    """ "9 for, 4 against, 1 abstention"."""
    text = f"{vote.for_count} for, {vote.against_count} against"
    if vote.abstentions:
        text += f", {vote.abstentions} abstention{'s' if vote.abstentions != 1 else ''}"
    return text


def _outcome(vote: VoteRecord) -> str:
    """ "carried", "lost", and why where the count alone would not say it."""
    tie = vote.for_count == vote.against_count
    if tie and vote.casting is not None:
        return f"{'carried' if vote.carried else 'lost'} on the Chair's casting vote"
    if vote.carried:
        return "carried"
    if tie:
        return "lost, the votes being equal"
    if vote.for_count > vote.against_count:
        return "lost, the majority it required not having been reached"
    return "lost"


def _noun(motion: MotionRecord) -> str:
    return "motion" if motion.amends_id is None else "amendment"


def _put(motion: MotionRecord, amended: bool) -> str:
    """How the sentence saying the vote on ``motion`` begins, up to its outcome."""
    if not amended:
        return f"On being put to the vote the {_noun(motion)} was"
    if motion.amends_id is None:
        return "The substantive motion was then put and"
    return "The amendment as amended was then put and"


def vote_sentence(motion: MotionRecord, vote: VoteRecord, *, amended: bool = False) -> str:
    """``On being put to the vote the amendment was lost (4 for, 9 against).``; for a motion
    a carried amendment changed (``amended``): ``The substantive motion was then put and
    carried (…).``"""
    return f"{_put(motion, amended)} {_outcome(vote)} ({counted(vote)})."


def state_sentence(motion: MotionRecord, *, amended: bool = False) -> str | None:
    """What the minutes say of a motion's end with no vote to say it: ``The amendment was
    withdrawn.``, ``The motion was not put.``, carried or lost without a count; None while it
    is before the meeting."""
    noun = _noun(motion)
    if motion.state == "withdrawn":
        return f"The {noun} was withdrawn."
    if motion.state == "not-put":
        return f"The {noun} was not put."
    if motion.state in ("carried", "lost"):
        if amended:
            return f"{_put(motion, amended)} {motion.state}."
        return f"The {noun} was {motion.state}."
    return None


def substantive_sentence(motion: MotionRecord) -> str | None:
    """``The amended motion then became the substantive motion: <its confirmed words>``; None
    until the clerk confirms the amended words."""
    words = motion.substantive_text.strip()
    if not words:
        return None
    if motion.amends_id is None:
        return f"The amended motion then became the substantive motion: {finished(words)}"
    return f"The amendment as amended then read: {finished(words)}"


def speakers_sentence(speakers: Sequence[SpeakerRecord], subject: str = SUBJECT) -> str | None:
    """``Mr X spoke in objection to the application; Cllr Z spoke as ward member.``, in the
    order heard; None when nobody was listed to speak. Once the clerk times speakers (k), the
    minutes name those heard, not those still waiting on the list (or listed and never called);
    with nobody timed (an item minuted after the event) the list is who spoke."""
    timed = any(s.started for s in speakers)
    clauses = [
        f"{s.name.strip()} {SPOKE.get(s.capacity, SPOKE['other']).format(subject=subject)}"
        for s in speakers
        if s.name.strip() and (s.started or not timed)
    ]
    return "; ".join(clauses) + "." if clauses else None


def speaker_blocks(item: ItemRecord, record: MeetingRecord) -> list[Block]:
    """The item's one sentence of who spoke (``Source("speakers")``), or nothing."""
    subject = styled(record.styles, "speakers", SUBJECT)
    sentence = speakers_sentence(item.speakers, subject)
    return [] if sentence is None else [said(record, item.id, Source("speakers"), sentence)]


class _Debate:
    """One item's motions as a tree (each amendment under what it amends), walked in the
    order moved: a motion, its amendments each with its own vote, then its own vote."""

    def __init__(self, item: ItemRecord, record: MeetingRecord) -> None:
        self.item = item
        self.record = record
        ids = {m.id for m in item.motions}
        self.under: dict[int | None, list[MotionRecord]] = {}
        for motion in item.motions:
            # An amendment whose target is not on the item is said as a motion of its own.
            parent = motion.amends_id if motion.amends_id in ids else None
            self.under.setdefault(parent, []).append(motion)
        self.votes: dict[int | None, list[VoteRecord]] = {}
        for vote in item.votes:
            self.votes.setdefault(vote.motion_id, []).append(vote)

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        for motion in self.under.get(None, ()):
            out += self._motion(motion)
        return out

    def _votes_on(self, motion: MotionRecord) -> list[VoteRecord]:
        return self.votes.get(motion.id, []) if motion.id is not None else []

    def _carried(self, motion: MotionRecord) -> bool:
        return motion.state == "carried" or any(v.carried for v in self._votes_on(motion))

    def _said(self, kind: str, motion: MotionRecord, sentence: str) -> Block:
        return said(self.record, self.item.id, Source(kind, motion.id), sentence)

    def _motion(self, motion: MotionRecord, *, under_amendment: bool = False) -> list[Block]:
        moved = moved_sentence(motion, to_amendment=under_amendment)
        out = [self._said("motion", motion, moved)]
        amendments = self.under.get(motion.id, []) if motion.id is not None else []
        for amendment in amendments:
            out += self._motion(amendment, under_amendment=motion.amends_id is not None)
        amended = bool(motion.substantive_text.strip()) or any(map(self._carried, amendments))
        substantive = substantive_sentence(motion)
        if substantive is not None:
            out.append(self._said("substantive", motion, substantive))
        words = motion.substantive_text.strip() or motion.text.strip()
        votes = self._votes_on(motion)
        for vote in votes:
            debated = vote_sentence(motion, vote, amended=amended)
            out += vote_blocks(vote, self.record, self.item.id, debated=debated, motion=words)
        # A count says it was carried or lost already; withdrawn or not put is said anyway.
        ended = state_sentence(motion, amended=amended)
        if ended is not None and not (votes and motion.state in ("carried", "lost")):
            out.append(self._said("motion-outcome", motion, ended))
        return out


def debate_blocks(item: ItemRecord, record: MeetingRecord) -> list[Block]:
    """The item's motions and amendments, each followed by its vote, in the order moved."""
    return _Debate(item, record).blocks()


def loose_votes(item: ItemRecord) -> list[VoteRecord]:
    """The item's votes on no motion of its own, which :func:`debate_blocks` leaves out: they
    are minuted as votes always were."""
    motions = {m.id for m in item.motions if m.id is not None}
    return [v for v in item.votes if v.motion_id is None or v.motion_id not in motions]


__all__ = [
    "SPOKE",
    "SUBJECT",
    "counted",
    "debate_blocks",
    "finished",
    "loose_votes",
    "moved_sentence",
    "speaker_blocks",
    "speakers_sentence",
    "state_sentence",
    "substantive_sentence",
    "vote_sentence",
]
