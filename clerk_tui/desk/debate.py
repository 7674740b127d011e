"""``desk.debate``: motions moved on an item, the amendments to them, and what became of each.

Each public method that writes is one clerk action: one transaction (``Store.recording``) with
its audit events, so undo takes it back whole; given a ``read_back``, the meeting is read into
it inside that transaction (as :class:`clerk_tui.desk.decisions.DecisionService` does). The
rules of order come from :mod:`clerk_tui.rules.debate`; a vote on a motion is recorded by
``desk.decisions.record_vote`` with ``VoteFields.motion_id``.
"""

from __future__ import annotations

from sqlmodel import Session

from clerk_tui import rules
from clerk_tui.desk import votes
from clerk_tui.desk.debate_fields import DebateSetup, MotionFields, MotionView
from clerk_tui.desk.item_record import item_for, item_words, short
from clerk_tui.desk.live_action import ReadBack, recording
from clerk_tui.desk.motion_votes import debate_of, unsettle
from clerk_tui.desk.store import Store, get
from clerk_tui.desk.unminuted import refuse_unminuted
from clerk_tui.errors import ClerkError
from db import decision_queries as dq
from db import models
from db.views import PersonView, view_of

Back = ReadBack | None

# What the audit (and so undo's message) says the clerk made of a motion by hand.
_STATE_DONE = {"withdrawn": "withdrawn", "not-put": "not put", "moved": "moved again"}


class DebateService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def debate_setup(self, item_id: int) -> DebateSetup:
        """The item's motions, the members who may move them, and what is next to vote."""
        with self.store.reading() as session:
            return _setup(session, get(session, models.AgendaItem, item_id, "agenda item"))

    def move_motion(
        self, item_id: int, fields: MotionFields, *, read_back: Back = None
    ) -> MotionView:
        """A motion moved on the item, or (``fields.amends_id``) an amendment to one; refused
        in words where the rules of order forbid it."""
        fields.check()
        with recording(self.store, read_back) as changes:
            session = changes.session
            item = item_for(changes, item_id)
            refuse_unminuted(session, item)
            setup = _setup(session, item)
            _check_people(session, setup, fields, None)
            if fields.amends_id is None:
                refusal = setup.motion_refusal()
            else:
                refusal = setup.amendment_refusal(fields.amends_id)
            if refusal is not None:
                raise ClerkError(refusal, where="amends" if fields.amends_id else None)
            kind = "motion" if fields.amends_id is None else "amendment"
            row = changes.add(
                models.Motion(
                    item_id=item_id,
                    position=1 + max((m.position for m in setup.motions), default=-1),
                    kind=kind,
                    amends_id=fields.amends_id,
                    text=fields.text.strip(),
                    as_printed=fields.as_printed,
                    mover_id=fields.mover_id,
                    seconder_id=fields.seconder_id,
                    created_at=changes.at,
                ),
                summary=f"{kind} “{short(fields.text)}” moved on {item_words(item)}",
            )
            return _view(session, row)

    def edit_motion(
        self, motion_id: int, fields: MotionFields, *, read_back: Back = None
    ) -> MotionView:
        """Its words, mover and seconder corrected; what it is (a motion or an amendment, and
        to what) stays as moved, whatever ``fields.amends_id`` says."""
        fields.check()
        with recording(self.store, read_back) as changes:
            session = changes.session
            row = get(session, models.Motion, motion_id, "motion")
            item = item_for(changes, row.item_id)
            _check_people(session, _setup(session, item), fields, row)
            changes.update(
                row,
                f"edit of the {row.kind} “{short(fields.text)}” on {item_words(item)}",
                text=fields.text.strip(),
                mover_id=fields.mover_id,
                seconder_id=fields.seconder_id,
                as_printed=fields.as_printed,
            )
            return _view(session, row)

    def set_motion_state(self, motion_id: int, state: str, *, read_back: Back = None) -> MotionView:
        """Withdrawn, not put, or moved again; carried and lost come from its votes."""
        with recording(self.store, read_back) as changes:
            session = changes.session
            row = get(session, models.Motion, motion_id, "motion")
            item = item_for(changes, row.item_id)
            _, facts = debate_of(session, row.item_id)
            refusal = rules.state_refusal(facts, motion_id, state)
            if refusal is not None:
                raise ClerkError(refusal, where="state")
            if state != row.state:
                changes.update(
                    row,
                    f"{row.kind} “{short(row.text)}” {_STATE_DONE[state]} on {item_words(item)}",
                    state=state,
                )
            return _view(session, row)

    def confirm_substantive(
        self, motion_id: int, text: str, *, read_back: Back = None
    ) -> MotionView:
        """The clerk's wording of the motion as the amendments carried made it."""
        if not text.strip():
            raise ClerkError("the substantive motion needs its words", where="text")
        with recording(self.store, read_back) as changes:
            session = changes.session
            row = get(session, models.Motion, motion_id, "motion")
            item = item_for(changes, row.item_id)
            carried = [m for m in dq.motions(session, row.item_id) if m.amends_id == row.id]
            if not any(m.state == "carried" for m in carried):
                raise ClerkError(
                    f"no amendment to this {row.kind} has been carried: edit its words instead",
                    where="text",
                )
            # The proposal confirmed as it stands writes nothing: ctrl+z then takes back the
            # vote that proposed it, not an edit the clerk never made.
            if text.strip() != row.substantive_text:
                noun = "substantive motion" if row.kind == "motion" else "amendment as amended"
                changes.update(
                    row,
                    f"wording of the {noun} “{short(text)}” on {item_words(item)}",
                    substantive_text=text.strip(),
                )
            return _view(session, row)

    def delete_motion(self, motion_id: int, *, read_back: Back = None) -> None:
        """The motion with its amendments and their votes. Deleting a carried amendment gives
        the motion it amended back the words it had before (refused once that motion has been
        voted on: its vote was on the amended words)."""
        with recording(self.store, read_back) as changes:
            session = changes.session
            row = get(session, models.Motion, motion_id, "motion")
            item = item_for(changes, row.item_id)
            summary = f"deletion of the {row.kind} “{short(row.text)}” on {item_words(item)}"
            # A carried amendment's vote changed the motion's words: taken back first. (A
            # motion's own votes need nothing put back: they go with it.)
            for vote in dq.votes_on_motions(session, row.item_id):
                if vote.motion_id == row.id and row.amends_id is not None:
                    unsettle(changes, vote, summary)
            # Its amendments, their votes and named votes go with it through the audit
            # (Changes.delete follows every row part of it), so undo brings them all back.
            changes.delete(row, summary)


def _setup(session: Session, item: models.AgendaItem) -> DebateSetup:
    voting = votes.vote_setup(session, item)
    body = get(session, models.Body, item.body_id, "body")
    views, facts = debate_of(session, item.id or 0)
    return DebateSetup(
        item_id=item.id or 0,
        item_label=voting.item_label,
        motions=tuple(views),
        # Every voting member present may move or second, even one a declaration keeps
        # out of the vote: the rules of the vote, not of the debate, exclude them.
        members=tuple((v.name, v.person_id) for v in voting.voters),
        next_to_vote=rules.next_to_vote(facts),
        nested_amendments=body.nested_amendments,
        body=body.short_name or body.name,
        facts=facts,
    )


def _check_people(
    session: Session, setup: DebateSetup, fields: MotionFields, row: models.Motion | None
) -> None:
    """Mover and seconder must be voting members present; on an edit, one left as recorded
    is not asked again (they may have left the meeting since)."""
    present = {person_id for _, person_id in setup.members}
    for person_id, where, verb in (
        (fields.mover_id, "mover", "move"),
        (fields.seconder_id, "seconder", "second"),
    ):
        if person_id is None or person_id in present:
            continue
        if row is not None and person_id in (row.mover_id, row.seconder_id):
            continue
        person = view_of(PersonView, get(session, models.Person, person_id, "person"))
        raise ClerkError(
            f"{person.display_name} is not marked present as a voting member, so cannot {verb}",
            where=where,
        )


def _view(session: Session, row: models.Motion) -> MotionView:
    return dq.motion_views(session, [row])[0]
