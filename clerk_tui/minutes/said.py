"""A sentence the minutes write, or the clerk's edit of it (:func:`said`), and a vote's blocks:
its sentence (the rules' words, a body's own wording, the debate's), the motion it was on when
nothing else says it, and the names of a recorded vote. Shared by the sections and the debate."""

from __future__ import annotations

from clerk_tui.minutes.blocks import MOTION_LABEL, Block, NamedVote, Paragraph, Source
from clerk_tui.minutes.records import MeetingRecord, VoteRecord
from clerk_tui.minutes.styles import styled

# Before the names of a recorded vote on a motion or an amendment, as a council's minutes say.
RECORDED_VOTE = "A recorded vote having been requested, the voting was as follows:"


def said(record: MeetingRecord, item_id: int, source: Source, generated: str) -> Paragraph:
    """A sentence the minutes write (``generated``), or the clerk's edit of it where there is
    one for this item: the edit stands whatever is recorded later (it no longer follows)."""
    edit = record.edited.get((item_id, source.key))
    text = edit if edit is not None else generated
    return Paragraph(text, source, written=generated, edited=edit is not None)


def vote_blocks(
    vote: VoteRecord,
    record: MeetingRecord,
    item_id: int,
    *,
    debated: str | None = None,
    motion: str | None = None,
) -> list[Block]:
    """The blocks of ``vote``. ``debated``: its sentence as the debate words it ("On being put
    to the vote the amendment was lost (4 for, 9 against).") in place of the rules' sentence,
    ``motion`` the words it was on; the motion is then said already ("It was moved …"), and a
    recorded vote is introduced as such (not the few names a show of hands may record)."""
    source = Source("vote", vote.id)
    blocks: list[Block] = []
    if vote.inquorate:
        blocks.append(Paragraph("The meeting was inquorate when this vote was taken.", source))
    words = (vote.motion if motion is None else motion).strip()
    counts = {
        "for": str(vote.for_count),
        "against": str(vote.against_count),
        "abstentions": str(vote.abstentions),
        "present": str(vote.present),
        "outcome": "carried" if vote.carried else "not carried",
        "motion": words,
    }
    generated = vote.sentence.strip() if debated is None else debated
    sentence = styled(record.styles, "vote", generated, **counts)
    printed = said(record, item_id, source, sentence) if sentence else None
    # With no resolution to say what was decided, the clerk's motion is what the vote was
    # on; printed once, so not where the vote's sentence (a body's style, an edit) names it,
    # nor after the debate's "It was moved … that …".
    unsaid = debated is None and not vote.resolved
    if words and unsaid and (printed is None or words not in printed.text):
        blocks += [Paragraph(MOTION_LABEL, source), Paragraph(words, source)]
    if printed is not None:
        blocks.append(printed)
    if vote.recorded:
        if debated is not None and vote.by_name:
            blocks.append(Paragraph(RECORDED_VOTE, source))
        rows: list[tuple[str, tuple[str, ...]]] = [
            ("For", vote.for_names),
            ("Against", vote.against_names),
            ("Abstained", vote.abstain_names),
        ]
        if vote.did_not_vote_names:
            rows.append(("Did not vote", vote.did_not_vote_names))
        blocks.append(NamedVote(tuple(rows), source))
    return blocks


__all__ = ["RECORDED_VOTE", "said", "vote_blocks"]
