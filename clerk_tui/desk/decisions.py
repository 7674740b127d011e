"""Decisions on the spot: minute notes, resolutions, votes, tracker actions, undo.

Each public method that writes is one clerk action: one transaction (``recording``) with its
audit events, so ``undo_last`` can take the whole action back at once. The rules come from
``clerk_tui.rules`` (votes, quorum, declarations) and ``clerk_tui.numbering`` (provisional
minute numbers); the reads from ``db.decision_queries``. Screens import the read models from
here, never from ``db``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlmodel import Session

from clerk_tui import rules
from clerk_tui.desk.base import Changes, DeskBase, Row
from clerk_tui.errors import ClerkError
from clerk_tui.minutes import letter, roman
from clerk_tui.numbering import NumberingItem, assign_minute_numbers
from db import audit, models
from db import decision_queries as dq
from db.decision_queries import (
    ActionView,
    ItemMinuteView,
    NamedVoteView,
    NoteView,
    ResolutionView,
    VoterView,
    VoteSetup,
    VoteView,
)
from db.queries import item_view

# ---- what the dialogs hand in ----------------------------------------------------------------


@dataclass(frozen=True)
class NoteFields:
    text: str
    kind: str = "paragraph"  # or "bullet": a discussion point

    def check(self) -> None:
        if not self.text.strip():
            raise ClerkError("a note needs some text", where="note")
        if self.kind not in models.NOTE_KINDS:
            raise ClerkError(f"a note is a paragraph or a bullet, not {self.kind!r}", where="kind")


@dataclass(frozen=True)
class ResolutionFields:
    text: str
    parent_id: int | None = None  # a sub-point (a., b.) of this resolution
    noted: bool = False

    def check(self) -> None:
        if not self.text.strip():
            raise ClerkError("a resolution needs the words that were resolved", where="text")


@dataclass(frozen=True)
class ActionFields:
    text: str
    owner: str = ""
    due: str = ""  # free text: "September 2022", "31 March 2022"
    resolution_id: int | None = None

    def check(self) -> None:
        if not self.text.strip():
            raise ClerkError("an action needs to say what is to be done", where="action")


@dataclass(frozen=True)
class VoteFields:
    """A vote as the dialog counted it.

    Show of hands: the counts, and optionally ``choices`` for members who asked for their own
    vote to be recorded. Recorded vote: ``choices`` for every member able to vote; the counts
    are then tallied from them.
    """

    motion: str
    majority: str = rules.Majority.SIMPLE.value
    method: str = "show-of-hands"
    for_count: int = 0
    against_count: int = 0
    abstentions: int = 0
    casting_vote: str | None = None
    choices: tuple[tuple[int, str], ...] = ()  # (person id, "for"/"against"/"abstain"/...)
    resolution_id: int | None = None
    noun: str = "motion"  # "recommendation", "amendment": the word the sentence uses

    def check(self) -> None:
        if not self.motion.strip():
            raise ClerkError("a vote needs the motion put to it", where="motion")
        if self.method not in models.VOTE_METHODS:
            raise ClerkError(f"{self.method!r} is not a way of voting", where="method")


# Why a declaration keeps a member out of a vote, in the words the dialog shows.
_LEFT = {"left-room": "left the room, having declared an interest",
         "stayed-did-not-vote": "declared an interest and took no part"}  # fmt: skip
_DPI = "declared a disclosable pecuniary interest"
# What the audit's table names mean to a clerk, for undo's words.
_THING = {
    "minutenote": "the note",
    "resolution": "the resolution",
    "vote": "the vote",
    "personvote": "a named vote",
    "action": "the action",
    "actionupdate": "the action's update",
    "attendance": "the attendance record",
    "declaration": "the declaration",
    "agendaitem": "the agenda item",
    "meeting": "the meeting",
}


def _short(text: str, width: int = 50) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


class DecisionDesk(DeskBase):
    # ---- reads ---------------------------------------------------------------------------
    def item_minute(self, item_id: int) -> ItemMinuteView:
        """Everything recorded on an item, with labels and (provisional) minute numbers."""
        with self.reading() as session:
            return _item_minute(session, item_id)

    def vote_setup(self, item_id: int) -> VoteSetup:
        """Who may vote on the item now, the membership and the quorum."""
        with self.reading() as session:
            item = self.get(session, models.AgendaItem, item_id, "agenda item")
            return _setup(session, item)

    def action_owners(self, body_id: int) -> list[str]:
        with self.reading() as session:
            return dq.action_owners(session, body_id)

    # ---- minute notes --------------------------------------------------------------------
    def add_note(self, item_id: int, fields: NoteFields) -> NoteView:
        fields.check()
        with self.recording() as changes:
            item = _item(changes, item_id)
            position = 1 + max((n.position for n in dq.notes(changes.session, item_id)), default=-1)
            row = changes.add(
                models.MinuteNote(
                    item_id=item_id,
                    position=position,
                    kind=fields.kind,
                    text=fields.text.strip(),
                    created_at=changes.at,
                ),
                summary=f"{_note_word(fields.kind)} on {_item_words(item)}",
            )
            return dq.note_view(row)

    def edit_note(self, note_id: int, fields: NoteFields) -> NoteView:
        fields.check()
        with self.recording() as changes:
            row = self.get(changes.session, models.MinuteNote, note_id, "note")
            item = _item(changes, row.item_id)
            changes.update(
                row,
                f"edit of a {_note_word(fields.kind)} on {_item_words(item)}",
                kind=fields.kind,
                text=fields.text.strip(),
            )
            return dq.note_view(row)

    def delete_note(self, note_id: int) -> None:
        with self.recording() as changes:
            row = self.get(changes.session, models.MinuteNote, note_id, "note")
            item = _item(changes, row.item_id)
            changes.delete(row, f"deletion of a {_note_word(row.kind)} on {_item_words(item)}")

    def move_note(self, note_id: int, offset: int) -> None:
        """Move a note up (-1) or down (+1) among its item's notes."""
        with self.recording() as changes:
            row = self.get(changes.session, models.MinuteNote, note_id, "note")
            item = _item(changes, row.item_id)
            _reorder(
                changes,
                dq.notes(changes.session, row.item_id),
                row,
                offset,
                f"reordering of the notes on {_item_words(item)}",
            )

    # ---- resolutions ---------------------------------------------------------------------
    def add_resolution(self, item_id: int, fields: ResolutionFields) -> ResolutionView:
        fields.check()
        with self.recording() as changes:
            item = _item(changes, item_id)
            _check_parent(changes.session, item_id, fields.parent_id, None)
            siblings = dq.siblings(changes.session, item_id, fields.parent_id)
            row = changes.add(
                models.Resolution(
                    item_id=item_id,
                    position=1 + max((s.position for s in siblings), default=-1),
                    text=fields.text.strip(),
                    parent_id=fields.parent_id,
                    noted=fields.noted,
                    created_at=changes.at,
                ),
                summary=f"resolution “{_short(fields.text)}” on {_item_words(item)}",
            )
            resolution_id = row.id or 0
            _recognise_confirmation(changes, item)
            return _labelled(changes.session, item_id, resolution_id)

    def edit_resolution(self, resolution_id: int, fields: ResolutionFields) -> ResolutionView:
        fields.check()
        with self.recording() as changes:
            row = self.get(changes.session, models.Resolution, resolution_id, "resolution")
            item = _item(changes, row.item_id)
            _check_parent(changes.session, row.item_id, fields.parent_id, row)
            values: dict[str, object] = {"text": fields.text.strip(), "noted": fields.noted}
            if fields.parent_id != row.parent_id:
                siblings = dq.siblings(changes.session, row.item_id, fields.parent_id)
                values["parent_id"] = fields.parent_id
                values["position"] = 1 + max((s.position for s in siblings), default=-1)
            changes.update(
                row, f"edit of resolution “{_short(fields.text)}” on {_item_words(item)}", **values
            )
            _recognise_confirmation(changes, item)
            return _labelled(changes.session, row.item_id, resolution_id)

    def delete_resolution(self, resolution_id: int) -> None:
        """Delete a resolution with its sub-points; actions made from it stay, unlinked."""
        with self.recording() as changes:
            row = self.get(changes.session, models.Resolution, resolution_id, "resolution")
            item = _item(changes, row.item_id)
            summary = f"deletion of resolution “{_short(row.text)}” on {_item_words(item)}"
            # Every dependent row is changed explicitly (not left to ON DELETE), so the audit
            # holds it and undo puts it all back.
            doomed = [
                r for r in dq.resolutions(changes.session, row.item_id) if r.parent_id == row.id
            ]
            doomed.append(row)
            for each in doomed:
                for action in dq.actions_of_resolution(changes.session, each.id or 0):
                    changes.update(action, summary, resolution_id=None)
            for each in doomed:
                changes.delete(each, summary)

    def move_resolution(self, resolution_id: int, offset: int) -> None:
        """Move a resolution up (-1) or down (+1) among its siblings (sub-points stay with it)."""
        with self.recording() as changes:
            row = self.get(changes.session, models.Resolution, resolution_id, "resolution")
            item = _item(changes, row.item_id)
            _reorder(
                changes,
                dq.siblings(changes.session, row.item_id, row.parent_id),
                row,
                offset,
                f"reordering of the resolutions on {_item_words(item)}",
            )

    # ---- votes ---------------------------------------------------------------------------
    def record_vote(
        self, item_id: int, fields: VoteFields, *, inquorate_confirmed: bool = False
    ) -> VoteView:
        """Count and store a vote on an item, with its sentence for the minutes.

        The room is read again inside the transaction, so the vote is counted against who is
        present when it is stored. A vote while inquorate is refused unless the clerk has
        confirmed it, and is then marked inquorate.
        """
        fields.check()
        with self.recording() as changes:
            session = changes.session
            item = _item(changes, item_id)
            setup = _setup(session, item)
            if not setup.voters:
                raise ClerkError(
                    "no voting members are marked present: record the attendance (a) first"
                )
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
            if fields.resolution_id is not None:
                resolution = self.get(
                    session, models.Resolution, fields.resolution_id, "resolution"
                )
                if resolution.item_id != item_id:
                    raise ClerkError("that resolution belongs to another item", where="resolution")
            summary = (
                f"vote on “{_short(fields.motion)}” ({decision.outcome} {counts[0]}:{counts[1]})"
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
                    recorded_at=changes.at,
                ),
                summary=summary,
            )
            for person_id, choice in named.items():
                changes.add(
                    models.PersonVote(vote_id=vote.id or 0, person_id=person_id, choice=choice),
                    summary=summary,
                )
            if fields.resolution_id is not None:
                changes.update(resolution, summary, vote_id=vote.id)
            return dq.vote_view(session, vote)

    def record_named_votes(self, vote_id: int, choices: Mapping[int, str]) -> VoteView:
        """After a show of hands, record by name the votes of members who asked for it.

        ``choices`` is the whole set of named votes wanted (a member left out loses theirs);
        no more names for a side than the hands counted for it.
        """
        with self.recording() as changes:
            session = changes.session
            vote = self.get(session, models.Vote, vote_id, "vote")
            item = _item(changes, vote.item_id)
            if vote.method == "recorded":
                raise ClerkError(
                    "a recorded vote already names everyone: delete it and take it again to "
                    "correct it"
                )
            setup = _setup(session, item)
            counts = (vote.for_count, vote.against_count, vote.abstentions)
            wanted = _named_after_show(setup, dict(choices), counts)
            summary = f"named votes on “{_short(vote.motion)}”"
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

    def delete_vote(self, vote_id: int) -> None:
        with self.recording() as changes:
            session = changes.session
            vote = self.get(session, models.Vote, vote_id, "vote")
            item = _item(changes, vote.item_id)
            summary = f"deletion of the vote on “{_short(vote.motion)}” on {_item_words(item)}"
            for resolution in dq.resolutions_of_vote(session, vote_id):
                changes.update(resolution, summary, vote_id=None)
            for person_vote in dq.person_votes(session, vote_id):
                changes.delete(person_vote, summary)
            changes.delete(vote, summary)

    # ---- tracker actions -----------------------------------------------------------------
    def add_action(self, item_id: int, fields: ActionFields) -> ActionView:
        """A tracker action from an item (and a resolution on it). Its minute number is the
        item's: left empty while the meeting is live, written when the meeting closes."""
        fields.check()
        with self.recording() as changes:
            session = changes.session
            item = _item(changes, item_id)
            meeting = self.get(session, models.Meeting, item.meeting_id, "meeting")
            if fields.resolution_id is not None:
                resolution = self.get(
                    session, models.Resolution, fields.resolution_id, "resolution"
                )
                if resolution.item_id != item_id:
                    raise ClerkError("that resolution belongs to another item", where="resolution")
            row = changes.add(
                models.Action(
                    body_id=item.body_id,
                    meeting_id=item.meeting_id,
                    item_id=item_id,
                    resolution_id=fields.resolution_id,
                    # Only a closed meeting's numbers are fixed; while live the number stays
                    # empty and closing the meeting writes it.
                    minute_number=item.minute_number if meeting.status == "closed" else None,
                    text=fields.text.strip(),
                    owner=fields.owner.strip(),
                    due=fields.due.strip(),
                    created_at=changes.at,
                ),
                summary=f"action “{_short(fields.text)}” for {fields.owner.strip() or 'no owner'}",
            )
            numbers = _numbers(session, meeting)
            return replace(dq.action_view(row), provisional_minute=numbers.get(item_id))

    def edit_action(self, action_id: int, fields: ActionFields) -> ActionView:
        fields.check()
        with self.recording() as changes:
            session = changes.session
            row = self.get(session, models.Action, action_id, "action")
            if row.meeting_id is not None:
                changes.meeting_id = row.meeting_id
            changes.update(
                row,
                f"edit of action “{_short(fields.text)}”",
                text=fields.text.strip(),
                owner=fields.owner.strip(),
                due=fields.due.strip(),
            )
            numbers = {}
            if row.meeting_id is not None:
                meeting = self.get(session, models.Meeting, row.meeting_id, "meeting")
                numbers = _numbers(session, meeting)
            return replace(dq.action_view(row), provisional_minute=numbers.get(row.item_id or 0))

    def delete_action(self, action_id: int) -> None:
        with self.recording() as changes:
            session = changes.session
            row = self.get(session, models.Action, action_id, "action")
            if row.meeting_id is not None:
                changes.meeting_id = row.meeting_id
            summary = f"deletion of action “{_short(row.text)}”"
            for update in dq.action_updates(session, action_id):
                changes.delete(update, summary)
            changes.delete(row, summary)

    # ---- undo ----------------------------------------------------------------------------
    def undo_last(self, meeting_id: int) -> str | None:
        """Take back the newest clerk action on this meeting not yet undone, whole.

        Returns what was undone, in words, or None when there is nothing left to undo (the
        meeting's own creation is never undone from here). Refused in words, with nothing
        changed, when a row it would put back has been changed since by something else, and
        when it would reopen a closed meeting or move the body's minute counter back (closing
        fixed the minute numbers; the times are corrected with ctrl+t).
        """
        with self.recording(meeting_id) as changes:
            session = changes.session
            group = audit.last_undoable_group(session, meeting_id)
            if not group or any(
                e.entity in ("meeting", "body") and e.op != "update" for e in group
            ):
                return None
            words = _undo_words(group)
            _refuse_closing(group)
            _check_still_as_recorded(session, group, words)
            for event in group:  # newest first: dependants go before what they depend on
                audit.revert(session, event)
            return words


# ---- helpers (module functions: the Desk mixes several classes, so private methods could collide)


def _recognise_confirmation(changes: Changes, item: models.AgendaItem) -> None:
    """ "That the minutes of ... be confirmed as a correct record" under the minutes item
    approves those minutes, in the same transaction (and so the same undo)."""
    if item.kind == "previous-minutes":
        from clerk_tui.desk.minutes_life import apply_confirmations

        apply_confirmations(changes, item.meeting_id)


def _item(changes: Changes, item_id: int) -> models.AgendaItem:
    """The item, and this transaction's audit filed under its meeting."""
    item = _get(changes.session, models.AgendaItem, item_id, "agenda item")
    changes.meeting_id = item.meeting_id
    return item


def _check_parent(
    session: Session,
    item_id: int,
    parent_id: int | None,
    row: models.Resolution | None,
) -> None:
    if parent_id is None:
        return
    parent = _get(session, models.Resolution, parent_id, "resolution")
    if parent.item_id != item_id:
        raise ClerkError("a sub-point must belong to a resolution on the same item")
    if parent.parent_id is not None:
        raise ClerkError("a sub-point cannot have sub-points of its own", where="sub-point of")
    if row is not None:
        if parent.id == row.id:
            raise ClerkError("a resolution cannot be a sub-point of itself")
        if any(r.parent_id == row.id for r in dq.resolutions(session, item_id)):
            raise ClerkError(
                "this resolution has sub-points of its own, so it cannot become one",
                where="sub-point of",
            )


def _labelled(session: Session, item_id: int, resolution_id: int) -> ResolutionView:
    for view in _label_resolutions(dq.resolutions(session, item_id)):
        if view.id == resolution_id:
            return view
    raise ClerkError(f"there is no resolution {resolution_id}")


def _numbers(session: Session, meeting: models.Meeting) -> dict[int, int]:
    """Each item's minute number: the fixed one where written, else the provisional one
    from the order the items were actually taken (only while the meeting is not closed)."""
    items = dq.meeting_items(session, meeting.id or 0)
    numbers = {i.id or 0: i.minute_number for i in items if i.minute_number is not None}
    if meeting.status != "closed":
        body = _get(session, models.Body, meeting.body_id, "body")
        provisional = assign_minute_numbers(
            (NumberingItem(i.id or 0, i.actual_start, i.state) for i in items),
            body.next_minute_number,
        )
        for key, number in provisional.items():
            numbers.setdefault(key, number)
    return numbers


def _item_minute(session: Session, item_id: int) -> ItemMinuteView:
    item = _get(session, models.AgendaItem, item_id, "agenda item")
    meeting = _get(session, models.Meeting, item.meeting_id, "meeting")
    numbers = _numbers(session, meeting)
    number = numbers.get(item_id)
    actions = tuple(
        replace(dq.action_view(a), provisional_minute=number, exempt=item.exempt)
        for a in dq.item_actions(session, item_id)
    )
    carried: tuple[ActionView, ...] = ()
    if item.kind == "previous-minutes":
        earlier = dq.outstanding_actions(session, item.body_id, before_meeting=meeting.id)
        exempt = dq.exempt_item_ids(session, {a.item_id for a in earlier if a.item_id})
        carried = tuple(replace(dq.action_view(a), exempt=a.item_id in exempt) for a in earlier)
    return ItemMinuteView(
        item=item_view(item),
        meeting_status=meeting.status,
        body_id=item.body_id,
        minute_number=number,
        provisional=item.minute_number is None and number is not None,
        notes=tuple(dq.note_view(n) for n in dq.notes(session, item_id)),
        resolutions=tuple(_label_resolutions(dq.resolutions(session, item_id))),
        votes=tuple(dq.vote_views(session, dq.votes(session, item_id))),
        actions=actions,
        carried_forward=carried,
    )


def _setup(session: Session, item: models.AgendaItem) -> VoteSetup:
    meeting = _get(session, models.Meeting, item.meeting_id, "meeting")
    body = _get(session, models.Body, item.body_id, "body")
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


def _get(session: Session, cls: type[Row], row_id: int, what: str) -> Row:
    row = session.get(cls, row_id)
    if row is None:
        raise ClerkError(f"there is no {what} {row_id}")
    return row


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


def _note_word(kind: str) -> str:
    return "discussion point" if kind == "bullet" else "note"


def _item_words(item: models.AgendaItem) -> str:
    return f"item {item.number}" if item.number else f"“{_short(item.title, 30)}”"


def _label_resolutions(rows: list[models.Resolution]) -> list[ResolutionView]:
    """The house style's labels: several resolutions are i., ii., iii.; one stands alone;
    sub-points are a., b., c. within their resolution."""
    top = [r for r in rows if r.parent_id is None]
    top_label = {r.id: (f"{roman(n + 1)}." if len(top) > 1 else "") for n, r in enumerate(top)}
    counters: dict[int, int] = {}
    views: list[ResolutionView] = []
    for row in rows:
        if row.parent_id is None:
            label = top_label[row.id]
        else:
            counters[row.parent_id] = counters.get(row.parent_id, 0) + 1
            label = f"{letter(counters[row.parent_id])}."
        views.append(replace(dq.resolution_view(row), label=label))
    return views


def _reorder(
    changes: Changes,
    rows: list[models.MinuteNote] | list[models.Resolution],
    row: models.MinuteNote | models.Resolution,
    offset: int,
    summary: str,
) -> None:
    """Move ``row`` by ``offset`` in ``rows`` and give them positions 0..n-1 (no unique key
    on these positions, so no parking is needed and undo puts each one back exactly)."""
    ordered = list(rows)
    index = next(i for i, r in enumerate(ordered) if r.id == row.id)
    target = max(0, min(len(ordered) - 1, index + offset))
    if target == index:
        return
    ordered.insert(target, ordered.pop(index))
    for position, each in enumerate(ordered):
        if each.position != position:
            changes.update(each, summary, position=position)


def _undo_words(group: list[models.AuditEvent]) -> str:
    """What the clerk action a group records was, in words: its newest event's summary (an
    action's consequences, such as ending the running item, come before the action itself)."""
    for event in group:  # newest first
        if event.summary:
            return event.summary
    return f"a change to {_THING.get(group[0].entity, group[0].entity)}"


def _refuse_closing(group: list[models.AuditEvent]) -> None:
    """Closing a meeting is not undone: a group that takes a meeting into or out of "closed",
    or moves the body's minute counter, is refused in words with nothing changed. (Starting
    the meeting, planned to live, is taken back like any other press of ``s``.)"""
    for event in group:
        before = json.loads(event.before or "{}")
        after = json.loads(event.after or "{}")
        status = before.get("status"), after.get("status")
        reopens = event.entity == "meeting" and status[0] != status[1] and "closed" in status
        counter = event.entity == "body" and before.get("next_minute_number") != after.get(
            "next_minute_number"
        )
        if reopens or counter:
            raise ClerkError(
                "closing the meeting cannot be undone: its minute numbers are fixed and the "
                "body's next minute number has moved on; correct its times with ctrl+t"
            )


def _check_still_as_recorded(session: Session, group: list[models.AuditEvent], words: str) -> None:
    """Refuse to undo over a change made since: each row must still be as the group left it."""
    newest: dict[tuple[str, int], models.AuditEvent] = {}
    for event in group:  # newest first, so the first seen is the row's final state
        newest.setdefault((event.entity, event.entity_id), event)
    for (entity, entity_id), event in newest.items():
        cls = audit.TABLES.get(entity)
        if cls is None:
            raise ClerkError(f"“{words}” cannot be undone here")
        row = session.get(cls, entity_id)
        if event.op == "delete":
            unchanged = row is None
        else:
            unchanged = row is not None and audit.snapshot(row) == json.loads(event.after or "{}")
        if not unchanged:
            raise ClerkError(
                f"“{words}” cannot be undone: {_THING.get(entity, entity)} has changed since "
                "(by a later record or another copy of the app)"
            )


__all__ = [
    "ActionFields",
    "ActionView",
    "DecisionDesk",
    "ItemMinuteView",
    "NamedVoteView",
    "NoteFields",
    "NoteView",
    "ResolutionFields",
    "ResolutionView",
    "VoteFields",
    "VoteSetup",
    "VoteView",
    "VoterView",
]
