"""A vote counted against the room: who may vote on the item now (declarations keep some
out), the counts or the names, the rules' decision and its sentence for the minutes, written in
the caller's transaction (:meth:`clerk_tui.desk.decisions.DecisionService.record_vote`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from sqlmodel import Session

from clerk_tui import rules
from clerk_tui.desk import motion_votes
from clerk_tui.desk.decision_fields import VoteFields
from clerk_tui.desk.item_record import item_for, short
from clerk_tui.desk.live_action import chamber_time
from clerk_tui.desk.store import Changes, get
from clerk_tui.desk.unminuted import refuse_unminuted
from clerk_tui.errors import ClerkError
from db import decision_queries as dq
from db import models
from db.decision_queries import VoteSetup, VoteView

# Why a declaration keeps a member out of a vote, in the words the dialog shows.
_LEFT = {"left-room": "left the room, having declared an interest",
         "stayed-did-not-vote": "declared an interest and took no part"}  # fmt: skip
_DPI = "declared a disclosable pecuniary interest"


def record(
    changes: Changes, item_id: int, fields: VoteFields, *, inquorate_confirmed: bool
) -> VoteView:
    """Count and store a vote on an item against who is present now (the room read again in
    this transaction); refused while inquorate unless ``inquorate_confirmed``. A vote on a
    motion (``fields.motion_id``) is put in the motion's words now, where the rules of order
    allow, and settles it (:mod:`clerk_tui.desk.motion_votes`)."""
    session = changes.session
    item = item_for(changes, item_id)
    refuse_unminuted(session, item)
    fields, motion = motion_votes.put(session, item_id, fields)
    fields.check()
    setup = vote_setup(session, item)
    if not setup.voters:
        raise ClerkError("no voting members are marked present: record the attendance (a) first")
    chosen = _choices(fields.choices)
    if fields.method == "recorded":
        named = _recorded_choices(setup, chosen)
        counts = rules.tally(c for pid, c in named.items() if _is_eligible(setup, pid))
    else:
        counts = (fields.for_count, fields.against_count, fields.abstentions)
        named = _named_after_show(setup, chosen, counts)
    decision = _decide(setup, fields, counts)
    quorum = rules.quorum_state(setup.present, setup.quorum)
    if not quorum.quorate and not inquorate_confirmed:
        raise ClerkError(
            f"the meeting is inquorate ({setup.present} voting members present for "
            f"this item, quorum {setup.quorum}): confirm to record the vote anyway"
        )
    # The resolution the vote decides, if any: checked before anything is written.
    resolution: models.Resolution | None = None
    if fields.resolution_id is not None:
        resolution = get(session, models.Resolution, fields.resolution_id, "resolution")
        if resolution.item_id != item_id:
            raise ClerkError("that resolution belongs to another item", where="resolution")
    put_as = f"the {fields.noun} " if motion is not None else ""
    summary = (
        f"vote on {put_as}“{short(fields.motion)}” ({decision.outcome} {counts[0]}:{counts[1]})"
    )
    vote = changes.add(
        models.Vote(
            item_id=item_id,
            motion=fields.motion.strip(),
            method=fields.method,
            majority=decision.majority.value,
            for_count=counts[0],
            against_count=counts[1],
            abstentions=counts[2],
            present=setup.present,
            membership=setup.membership,
            casting_vote=decision.casting_vote,
            carried=decision.carried,
            outcome_text=decision.text,
            inquorate=not quorum.quorate,
            motion_id=fields.motion_id,
            # The chamber's clock, as every time minuted in it: after the event, the
            # running item's time, not today's; and on the meeting's date, so S shifts it.
            recorded_at=chamber_time(
                get(session, models.Meeting, item.meeting_id, "meeting"), changes
            ),
        ),
        summary=summary,
    )
    for person_id, choice in named.items():
        changes.add(
            models.PersonVote(vote_id=vote.id or 0, person_id=person_id, choice=choice),
            summary=summary,
        )
    if resolution is not None:
        changes.update(resolution, summary, vote_id=vote.id)
    if motion is not None:
        motion_votes.settle(changes, motion, decision.carried, summary)
        if resolution is None and decision.carried:
            motion_votes.resolve(changes, motion, vote, summary)
    return dq.vote_view(session, vote)


def record_named(changes: Changes, vote_id: int, choices: Mapping[int, str]) -> VoteView:
    """Set the named votes after a show of hands to ``choices`` (a member left out loses
    theirs), never more names for a side than hands were counted for it."""
    session = changes.session
    vote = get(session, models.Vote, vote_id, "vote")
    item = item_for(changes, vote.item_id)
    if vote.method == "recorded":
        raise ClerkError(
            "a recorded vote already names everyone: delete it and take it again to correct it"
        )
    setup = vote_setup(session, item)
    counts = (vote.for_count, vote.against_count, vote.abstentions)
    wanted = _named_after_show(setup, dict(choices), counts)
    summary = f"named votes on “{short(vote.motion)}”"
    existing = {pv.person_id: pv for pv in dq.person_votes(session, vote_id)}
    for person_id, row in existing.items():
        if person_id not in wanted:
            changes.delete(row, summary)
        elif row.choice != wanted[person_id]:
            changes.update(row, summary, choice=wanted[person_id])
    for person_id, choice in wanted.items():
        if person_id not in existing:
            changes.add(
                models.PersonVote(vote_id=vote_id, person_id=person_id, choice=choice),
                summary=summary,
            )
    return dq.vote_view(session, vote)


def vote_setup(session: Session, item: models.AgendaItem) -> VoteSetup:
    meeting = get(session, models.Meeting, item.meeting_id, "meeting")
    body = get(session, models.Body, item.body_id, "body")
    reasons: dict[int, str] = {}
    for declaration in dq.declarations(session, item.id or 0):
        if rules.excluded_from_vote(declaration.kind, declaration.action):
            reasons.setdefault(declaration.person_id, _LEFT.get(declaration.action, _DPI))
    voters = tuple(
        replace(v, excluded=True, reason=reasons[v.person_id]) if v.person_id in reasons else v
        for v in dq.present_voters(session, meeting.id or 0)
    )
    label = f"item {item.number} {item.title}" if item.number else item.title
    return VoteSetup(
        item_id=item.id or 0,
        meeting_id=meeting.id or 0,
        item_label=label,
        recorded_required=item.recorded_vote_required,
        voters=voters,
        membership=dq.voting_membership(session, body.id or 0, meeting.date),
        quorum=body.quorum,
        who=f"{body.short_name} Members" if body.short_name else "Members",
    )


def _recorded_choices(setup: VoteSetup, chosen: dict[int, str]) -> dict[int, str]:
    """A recorded vote names everyone present: each eligible member's choice, and
    "did not vote" for those a declaration keeps out."""
    names = {v.person_id: v.name for v in setup.voters}
    for person_id, choice in chosen.items():
        if person_id not in names:
            raise ClerkError("a vote was given for someone not marked present", where="names")
        voter = next(v for v in setup.voters if v.person_id == person_id)
        if voter.excluded and choice != rules.PersonChoice.DID_NOT_VOTE:
            raise ClerkError(f"{voter.name} {voter.reason} and cannot vote on this item")
    missing = [v.name for v in setup.eligible if v.person_id not in chosen]
    if missing:
        raise ClerkError(
            f"no vote marked for {', '.join(missing)}: press f, g, b or n on each name",
            where="names",
        )
    named = {v.person_id: chosen[v.person_id] for v in setup.eligible}
    named.update(
        {v.person_id: rules.PersonChoice.DID_NOT_VOTE.value for v in setup.voters if v.excluded}
    )
    return named


def _named_after_show(
    setup: VoteSetup, chosen: dict[int, str], counts: tuple[int, int, int]
) -> dict[int, str]:
    """Named votes after a show of hands: only members able to vote, and never more names
    for a side than hands were counted for it."""
    eligible = {v.person_id: v for v in setup.voters}
    for person_id in chosen:
        voter = eligible.get(person_id)
        if voter is None:
            raise ClerkError("a vote was given for someone not marked present", where="names")
        if voter.excluded:
            raise ClerkError(f"{voter.name} {voter.reason} and cannot vote on this item")
    named = rules.tally(c for c in chosen.values() if c != rules.PersonChoice.DID_NOT_VOTE)
    for label, have, counted in zip(("for", "against", "abstaining"), named, counts, strict=True):
        if have > counted:
            raise ClerkError(
                f"{have} members named as voting {label} but only {counted} counted",
                where="names",
            )
    return {pid: c for pid, c in chosen.items() if c != rules.PersonChoice.DID_NOT_VOTE}


def _choices(pairs: tuple[tuple[int, str], ...]) -> dict[int, str]:
    chosen: dict[int, str] = {}
    for person_id, raw in pairs:
        try:
            chosen[person_id] = rules.PersonChoice(raw).value
        except ValueError:
            raise ClerkError(f"{raw!r} is not a way to vote", where="names") from None
    return chosen


def _is_eligible(setup: VoteSetup, person_id: int) -> bool:
    return any(v.person_id == person_id for v in setup.eligible)


def _decide(setup: VoteSetup, fields: VoteFields, counts: tuple[int, int, int]) -> rules.Decision:
    try:
        return rules.decide(
            *counts,
            majority=fields.majority,
            present=setup.present,
            membership=setup.membership,
            casting_vote=fields.casting_vote,
            noun=fields.noun.strip() or "motion",
            who=setup.who,
        )
    except ValueError as error:
        raise ClerkError(str(error), where="counts") from None
