"""A whole meeting as stored at one moment: the one read model every screen and paper of a
meeting derives from (the live screen, the record pane, the minutes, the exports).

Plain frozen data over the views of :mod:`db.views`, standard library only, so the pure core
may read it. :func:`db.snapshot.read_meeting` builds it in one read transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Protocol, TypeVar

from db.views import (
    ActionView,
    AttendanceView,
    BodyView,
    DeclarationView,
    ItemView,
    MeetingView,
    MembershipView,
    MotionView,
    NoteView,
    PersonView,
    ResolutionView,
    SentenceStyleView,
    SentenceView,
    SpeakerView,
    VoteView,
)


class _OnItem(Protocol):
    @property
    def item_id(self) -> int | None: ...


R = TypeVar("R", bound=_OnItem)


def _by_item(rows: Iterable[R]) -> dict[int, tuple[R, ...]]:
    out: dict[int, list[R]] = {}
    for row in rows:
        if row.item_id is not None:
            out.setdefault(row.item_id, []).append(row)
    return {key: tuple(value) for key, value in out.items()}


@dataclass(frozen=True)
class MeetingSnapshot:
    """Everything recorded on a meeting, each table as its views, in the order stored.

    ``resolutions``: each item's top-level resolutions in order, each followed by its
    sub-points. ``votes``: each with its named votes in the order they were taken.
    ``memberships``: the body's memberships in force on the meeting's date, the earliest
    begun first. ``carried_forward``: the body's outstanding actions from other meetings, read
    only when the meeting has a previous-minutes item (it lists them). ``attendance``: in the
    clerk's order (``position``, then the order the rows were made).
    """

    meeting: MeetingView
    attendance: tuple[AttendanceView, ...]
    memberships: tuple[MembershipView, ...]
    declarations: tuple[DeclarationView, ...]
    notes: tuple[NoteView, ...]
    resolutions: tuple[ResolutionView, ...]
    votes: tuple[VoteView, ...]
    actions: tuple[ActionView, ...]
    carried_forward: tuple[ActionView, ...] = ()
    # Schema version 4: the generated sentences the clerk edited (by item, then source), and
    # the body's own wording of generated sentences (by kind).
    sentences: tuple[SentenceView, ...] = ()
    styles: tuple[SentenceStyleView, ...] = ()
    # Schema version 6: each item's motions and amendments in the order moved, and speakers
    # in the order they are to be heard.
    motions: tuple[MotionView, ...] = ()
    speakers: tuple[SpeakerView, ...] = ()

    # ---- the meeting --------------------------------------------------------------------
    @property
    def id(self) -> int:
        return self.meeting.id

    @property
    def body(self) -> BodyView:
        return self.meeting.body

    @property
    def date(self) -> date:
        return self.meeting.date

    @property
    def items(self) -> tuple[ItemView, ...]:
        return self.meeting.items

    def item(self, item_id: int | None) -> ItemView | None:
        return self._items.get(item_id or 0)

    # ---- records by item ----------------------------------------------------------------
    def notes_on(self, item_id: int | None) -> tuple[NoteView, ...]:
        return self._notes.get(item_id or 0, ())

    def resolutions_on(self, item_id: int | None) -> tuple[ResolutionView, ...]:
        return self._resolutions.get(item_id or 0, ())

    def votes_on(self, item_id: int | None) -> tuple[VoteView, ...]:
        return self._votes.get(item_id or 0, ())

    def actions_on(self, item_id: int | None) -> tuple[ActionView, ...]:
        return self._actions.get(item_id or 0, ())

    def declarations_on(self, item_id: int | None) -> tuple[DeclarationView, ...]:
        return self._declarations.get(item_id or 0, ())

    def motions_on(self, item_id: int | None) -> tuple[MotionView, ...]:
        return self._motions.get(item_id or 0, ())

    def speakers_on(self, item_id: int | None) -> tuple[SpeakerView, ...]:
        return self._speakers.get(item_id or 0, ())

    def motion(self, motion_id: int | None) -> MotionView | None:
        return next((m for m in self.motions if m.id == motion_id), None)

    def vote(self, vote_id: int | None) -> VoteView | None:
        return next((v for v in self.votes if v.id == vote_id), None)

    # ---- people -------------------------------------------------------------------------
    def membership(self, person_id: int) -> MembershipView | None:
        """The person's membership in force on the day (the latest begun, if several)."""
        return self._memberships.get(person_id)

    @cached_property
    def people(self) -> dict[int, PersonView]:
        """Everyone the meeting's records name, by id."""
        found: dict[int, PersonView] = {}
        for attendance in self.attendance:
            found[attendance.person.id] = attendance.person
            if attendance.substitute_for is not None:
                found[attendance.substitute_for.id] = attendance.substitute_for
        found.update((d.person.id, d.person) for d in self.declarations)
        for vote in self.votes:
            found.update((n.person.id, n.person) for n in vote.named)
        for motion in self.motions:
            found.update((p.id, p) for p in (motion.mover, motion.seconder) if p is not None)
        return found

    # ---- indexes, built on first use ----------------------------------------------------
    @cached_property
    def _items(self) -> dict[int, ItemView]:
        return {item.id: item for item in self.items}

    @cached_property
    def _notes(self) -> dict[int, tuple[NoteView, ...]]:
        return _by_item(self.notes)

    @cached_property
    def _resolutions(self) -> dict[int, tuple[ResolutionView, ...]]:
        return _by_item(self.resolutions)

    @cached_property
    def _votes(self) -> dict[int, tuple[VoteView, ...]]:
        return _by_item(self.votes)

    @cached_property
    def _actions(self) -> dict[int, tuple[ActionView, ...]]:
        return _by_item(self.actions)

    @cached_property
    def _declarations(self) -> dict[int, tuple[DeclarationView, ...]]:
        return _by_item(self.declarations)

    @cached_property
    def _motions(self) -> dict[int, tuple[MotionView, ...]]:
        return _by_item(self.motions)

    @cached_property
    def _speakers(self) -> dict[int, tuple[SpeakerView, ...]]:
        return _by_item(self.speakers)

    @cached_property
    def _memberships(self) -> dict[int, MembershipView]:
        return {m.person.id: m for m in self.memberships}  # the latest begun wins


__all__ = ["MeetingSnapshot"]
