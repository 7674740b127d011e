"""A vote on a motion or amendment (``VoteFields.motion_id``), in the caller's transaction: the
rules of order asked before it is counted, the words and noun it is put in, and what it makes
of the motion (carried or lost; a carried amendment's words proposed as the substantive
motion) — and, when the vote is deleted, all of that put back as it was before the vote."""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session

from clerk_tui import rules
from clerk_tui.desk.decision_fields import VoteFields
from clerk_tui.desk.item_record import short
from clerk_tui.desk.store import Changes, get
from clerk_tui.errors import ClerkError
from db import decision_queries as dq
from db import models
from db.decision_queries import MotionView


def debate_of(
    session: Session, item_id: int
) -> tuple[list[MotionView], tuple[rules.MotionFact, ...]]:
    """The item's motions as read models, and as the rules of order see them."""
    views = dq.motion_views(session, dq.motions(session, item_id))
    voted = {vote.motion_id: vote.id or 0 for vote in dq.votes_on_motions(session, item_id)}
    facts = tuple(
        rules.MotionFact(
            id=view.id,
            kind=view.kind,
            amends_id=view.amends_id,
            state=view.state,
            has_vote=view.id in voted,
            mover=view.mover.display_name if view.mover is not None else "",
            voted=voted.get(view.id, 0),
        )
        for view in views
    )
    return views, facts


def put(
    session: Session, item_id: int, fields: VoteFields
) -> tuple[VoteFields, models.Motion | None]:
    """The vote as it is put: on a motion, its words now and the rules' noun for it unless the
    clerk chose another (refused in words where the rules of order forbid the vote); else the
    fields as given."""
    if fields.motion_id is None:
        return fields, None
    motion = get(session, models.Motion, fields.motion_id, "motion")
    if motion.item_id != item_id:
        raise ClerkError("that motion belongs to another item", where="motion")
    views, facts = debate_of(session, item_id)
    refusal = rules.vote_refusal(facts, motion.id or 0)
    if refusal is not None:
        raise ClerkError(refusal, where="motion")
    view = next(v for v in views if v.id == motion.id)
    noun = rules.vote_noun(facts, view.id)
    # The dialog's "Put as" opens on the rules' noun; a motion the clerk puts as another word
    # ("recommendation") keeps it, so the sentence stored is the one the dialog showed. The
    # field's default ("motion") is no choice, and an amendment is always "amendment".
    chosen = fields.noun.strip()
    if not view.is_amendment and chosen not in ("", "motion"):
        noun = chosen
    return replace(fields, motion=view.words, noun=noun), motion


def called(session: Session, vote: models.Vote) -> str:
    """How the audit names what a vote was on: "the amendment “…”", or just "“…”" for a vote
    on bare words (as before motions were recorded)."""
    words = f"“{short(vote.motion)}”"
    if vote.motion_id is None:
        return words
    motion = get(session, models.Motion, vote.motion_id, "motion")
    _, facts = debate_of(session, motion.item_id)
    return f"the {rules.vote_noun(facts, vote.motion_id)} {words}"


def settle(changes: Changes, motion: models.Motion, carried: bool, summary: str) -> None:
    """What the vote makes of the motion put: carried or lost; a carried amendment's wording
    of the motion it amends proposed as that motion's substantive text."""
    changes.update(motion, summary, state=rules.state_after(carried))
    if carried and motion.amends_id is not None:
        target = get(changes.session, models.Motion, motion.amends_id, "motion")
        words = rules.amended_words(_words(target), _words(motion))
        changes.update(target, summary, substantive_text=words)


def resolve(changes: Changes, motion: models.Motion, vote: models.Vote, summary: str) -> None:
    """A motion (not an amendment) carried is what the meeting resolved: its words, as the clerk
    typed or confirmed them, become the item's next resolution, decided by this vote — shown on
    the live screen at once, and edited there like any resolution."""
    if motion.amends_id is not None:
        return
    siblings = dq.siblings(changes.session, motion.item_id, None)
    changes.add(
        models.Resolution(
            item_id=motion.item_id,
            position=1 + max((s.position for s in siblings), default=-1),
            text=_words(motion),
            vote_id=vote.id,
            created_at=changes.at,
        ),
        summary=summary,
    )


def made_by(session: Session, resolution: models.Resolution, vote: models.Vote) -> bool:
    """The resolution is the one the vote made of its motion (:func:`resolve`) and the clerk has
    not reworded it or given it sub-points: it goes when the vote is deleted."""
    return (
        vote.motion_id is not None
        and resolution.text.strip() == vote.motion.strip()
        and not dq.siblings(session, resolution.item_id, resolution.id)
    )


def unsettle(changes: Changes, vote: models.Vote, summary: str) -> None:
    """Before a vote on a motion is deleted: the motion moved again, and the motion a carried
    amendment changed given back the words it had before that vote (from the audit of the
    action that recorded it). Refused where the rules of order say the words this vote made
    have been built on since (:func:`clerk_tui.rules.unvote_refusal`)."""
    if vote.motion_id is None:
        return
    session = changes.session
    motion = get(session, models.Motion, vote.motion_id, "motion")
    _, facts = debate_of(session, motion.item_id)
    refusal = rules.unvote_refusal(facts, motion.id or 0)
    if refusal is not None:
        raise ClerkError(refusal)
    changes.update(motion, summary, state="moved")
    if motion.amends_id is not None:
        target = get(session, models.Motion, motion.amends_id, "motion")
        before = dq.before_vote(session, vote.id or 0, "motion", target.id or 0)
        if "substantive_text" in before:
            changes.update(target, summary, substantive_text=before["substantive_text"])


def _words(motion: models.Motion) -> str:
    return motion.substantive_text.strip() or motion.text.strip()
