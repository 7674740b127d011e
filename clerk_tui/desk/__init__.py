"""The services the screens call: one method per clerk action, each one transaction with its
audit events, each returning read models.

``Desk`` is a small root over one :class:`~clerk_tui.desk.store.Store` (the database, the clock,
``reading()`` and ``recording(meeting_id)``) with one service per stage of a meeting's life,
each a small class holding that Store and imported when first used, so a start-up loads only
what its first screen needs. Every method and the service that has it:

``desk.store``       reading, recording
``desk.agenda``      bodies, body, find_body, meetings, meeting, find_meeting, previous_meeting,
                     create_body, update_body, create_meeting, create_meeting_from_previous,
                     update_meeting, delete_meeting, add_item, update_item, cycle_papers,
                     move_item, renumber_items, delete_item, import_agenda, import_agenda_file
``desk.members``     people, memberships, roster, appoint, update_membership, end_membership,
                     replace_member
``desk.chamber``     live, start_item, next_item, previous_item, settle_item, close_meeting,
                     edit_times, shift_meeting
``desk.attendance``  mark, arrived_now, left_now, substitute, add_also_present, move, declare
``desk.decisions``   item_minute, vote_setup, action_owners, add_note, edit_note, delete_note,
                     move_note, add_resolution, edit_resolution, delete_resolution,
                     move_resolution, record_vote, record_named_votes, delete_vote, add_action,
                     edit_action, delete_action
``desk.debate``      debate_setup, move_motion, edit_motion, set_motion_state,
                     confirm_substantive, delete_motion
``desk.speakers``    add_speaker, edit_speaker, delete_speaker, move_speaker, toggle_timer
``desk.sentences``   edit_sentence, restore_sentence, styles, set_style, set_styles
``desk.undo``        undo_last
``desk.tracker``     action_tracker, tracked_action, action_history, record_action_update,
                     complete_action, reopen_action, edit_tracked_action,
                     add_carried_over_action, exempt_action_count, tracker_rows,
                     tracker_export_path, tracker_export_target, export_tracker
``desk.papers``      minutes_state, mark_confirmation, recognise_confirmations,
                     approve_minutes, sign_minutes, meeting_record, agenda_sheet,
                     export_file_name, default_export_path, render_paper, preview,
                     is_confidential, check_export_target, export_target, export_paper,
                     body_template, set_body_template, clear_body_template,
                     default_template_name, template_of, template_bytes
``desk.backups``     backup_now, daily_backup
``desk``             database, clock, now, failure, open_demo

What the dialogs hand in and the screens show lives beside the services, in modules that load
no service: :mod:`~clerk_tui.desk.preparation` (bodies, members, meetings, items),
:mod:`~clerk_tui.desk.live_view`, :mod:`~clerk_tui.desk.decision_fields`,
:mod:`~clerk_tui.desk.tracker_fields`, :mod:`~clerk_tui.desk.exporting`,
:mod:`~clerk_tui.desk.minutes_life`.
"""

from __future__ import annotations

from datetime import datetime
from functools import cached_property
from importlib import import_module
from typing import TYPE_CHECKING

from clerk_tui.errors import ClerkError, DatabaseFailed

# Importing the package, or a light module of it (``desk.exporting`` for the command line's
# choices), loads neither SQLAlchemy nor the tables: the store, the field classes and the
# views it re-exports load when first used.
if TYPE_CHECKING:
    from clerk_tui.desk.agenda import AgendaService
    from clerk_tui.desk.attendance import AttendanceService
    from clerk_tui.desk.backups import BackupService
    from clerk_tui.desk.chamber import ChamberService
    from clerk_tui.desk.debate import DebateService
    from clerk_tui.desk.decisions import DecisionService
    from clerk_tui.desk.members import MembersService
    from clerk_tui.desk.papers import PapersService
    from clerk_tui.desk.preparation import BodyFields, ItemFields, MeetingFields
    from clerk_tui.desk.sentences import SentenceService
    from clerk_tui.desk.speakers import SpeakerService
    from clerk_tui.desk.store import Clock, Store, system_clock
    from clerk_tui.desk.tracker import TrackerService
    from clerk_tui.desk.undo import UndoService
    from db import Database
    from db.views import (
        BodyView,
        ItemView,
        MeetingSummary,
        MeetingView,
        MembershipView,
        PersonView,
    )


class Desk:
    """Everything a clerk can do, in one object handed to the app: ``desk.<service>.<method>``."""

    def __init__(self, database: Database, clock: Clock | None = None) -> None:
        from clerk_tui.desk.store import Store, system_clock

        self.store: Store = Store(database, clock or system_clock)

    @property
    def database(self) -> Database:
        return self.store.database

    @property
    def clock(self) -> Clock:
        return self.store.clock

    @property
    def failure(self) -> DatabaseFailed | None:
        """Set once the file has failed under us: every record after that is refused."""
        return self.store.failure

    def now(self) -> datetime:
        return self.store.now()

    def open_demo(self) -> Desk:
        """A Desk on the demo database (built when new), with the same clock."""
        from clerk_tui import paths
        from clerk_tui.demo import open_demo
        from db.errors import StorageError

        path = paths.demo_db_path()
        if path.absolute() == self.database.path:
            return self
        try:
            return Desk(open_demo(path), self.clock)
        except StorageError as error:
            raise ClerkError(str(error)) from None

    # ---- the services, each imported on first use ----------------------------------------
    @cached_property
    def agenda(self) -> AgendaService:
        from clerk_tui.desk.agenda import AgendaService

        return AgendaService(self.store)

    @cached_property
    def members(self) -> MembersService:
        from clerk_tui.desk.members import MembersService

        return MembersService(self.store)

    @cached_property
    def chamber(self) -> ChamberService:
        from clerk_tui.desk.chamber import ChamberService

        return ChamberService(self.store)

    @cached_property
    def attendance(self) -> AttendanceService:
        from clerk_tui.desk.attendance import AttendanceService

        return AttendanceService(self.store)

    @cached_property
    def decisions(self) -> DecisionService:
        from clerk_tui.desk.decisions import DecisionService

        return DecisionService(self.store)

    @cached_property
    def debate(self) -> DebateService:
        from clerk_tui.desk.debate import DebateService

        return DebateService(self.store)

    @cached_property
    def speakers(self) -> SpeakerService:
        from clerk_tui.desk.speakers import SpeakerService

        return SpeakerService(self.store)

    @cached_property
    def sentences(self) -> SentenceService:
        from clerk_tui.desk.sentences import SentenceService

        return SentenceService(self.store)

    @cached_property
    def undo(self) -> UndoService:
        from clerk_tui.desk.undo import UndoService

        return UndoService(self.store)

    @cached_property
    def tracker(self) -> TrackerService:
        from clerk_tui.desk.tracker import TrackerService

        return TrackerService(self.store)

    @cached_property
    def papers(self) -> PapersService:
        from clerk_tui.desk.papers import PapersService

        return PapersService(self.store)

    @cached_property
    def backups(self) -> BackupService:
        from clerk_tui.desk.backups import BackupService

        return BackupService(self.store)


# Where each re-exported name lives (PEP 562: imported on first access).
_EXPORTS = {
    "BodyFields": "clerk_tui.desk.preparation",
    "ItemFields": "clerk_tui.desk.preparation",
    "MeetingFields": "clerk_tui.desk.preparation",
    "Clock": "clerk_tui.desk.store",
    "system_clock": "clerk_tui.desk.store",
    "BodyView": "db.views",
    "ItemView": "db.views",
    "MeetingSummary": "db.views",
    "MeetingView": "db.views",
    "MembershipView": "db.views",
    "PersonView": "db.views",
}


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "BodyFields",
    "BodyView",
    "Clock",
    "Desk",
    "ItemFields",
    "ItemView",
    "MeetingFields",
    "MeetingSummary",
    "MeetingView",
    "MembershipView",
    "PersonView",
    "system_clock",
]
