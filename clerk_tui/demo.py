"""The sample panel: the West Midlands Police and Crime Panel from its public papers.

Its 29 November 2021 meeting is fully recorded and closed (minutes 611 to 622), the action
tracker of 14 March 2022 is loaded (actions from meetings before the demo keep their minute
number and month), and the 14 March 2022 meeting is planned with its 14 agenda items. The
January 2022 meeting used minutes 623 to 632, so the Panel's next minute number is 633.
The rows are seed data, written in one transaction, not clerk actions: they carry no audit.

The demo is marked in the file itself (``PRAGMA application_id``, set in the same transaction),
and ``open_demo`` opens, rebuilds or deletes nothing else: never the clerk's own database.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlmodel import Session

from clerk_tui import paths, rules
from clerk_tui.demo_minutes import NOVEMBER_2021_ITEMS
from clerk_tui.errors import ClerkError
from db import Database, models, open_database
from db.backup import read_only_uri
from db.files import application_id, locate, refuse_orphan_wal, set_aside_files, size_of
from db.maintenance import has_bodies, remove_database
from db.safe_paths import printable

# The demo's mark, "CtDm": written to the header by build_demo, read back without SQLite.
DEMO_APPLICATION_ID = 0x4374446D

PANEL = "West Midlands Police and Crime Panel"
SEEDED_AT = datetime(2022, 3, 1, 9, 0)
YEAR_START = date(2021, 5, 25)

# (title, full name, authority or role text, role)
MEMBERS: tuple[tuple[str, str, str, str], ...] = (
    ("Cllr", "Paul Bradley", "Dudley", "member"),
    ("Cllr", "Mick Brown", "Birmingham", "member"),
    ("Cllr", "Yvonne Clements", "Solihull", "member"),
    ("Cllr", "Jasbir Jaspal", "Wolverhampton", "member"),
    ("Cllr", "Abdul Khan", "Coventry", "member"),
    ("", "Kristina Murphy", "Independent Member", "independent-member"),
    ("Cllr", "Waheed Rasab", "Walsall", "member"),
    ("Cllr", "Suky Samra", "Walsall", "member"),
    ("", "Lionel Walker", "Independent Member", "independent-member"),
    ("Cllr", "Ian Jones", "Sandwell", "member"),
    ("Cllr", "Ken Gibbin", "Solihull", "member"),
    ("Cllr", "Mohammed Suleman", "Birmingham", "member"),
    ("Cllr", "Steve Carmicheal", "Sandwell", "member"),
)
OFFICERS: tuple[tuple[str, str], ...] = (
    ("Simon Foster", "West Midlands Police and Crime Commissioner"),
    ("Jonathan Jardine", "Chief Executive, OPCC"),
    ("Mark Kenyon", "Chief Finance Officer, OPCC"),
    ("Richard Costello", "Head of Communications, OPCC"),
    ("Christian Scade", "Interim Head of Scrutiny and Committee Services, BCC"),
    ("Sarah Fradgley", "Panel Scrutiny Officer, BCC"),
    ("Kevin O’Keefe", "Panel Lead Officer"),
)
NOVEMBER_APOLOGIES = ("Ian Jones", "Ken Gibbin", "Mohammed Suleman", "Kevin O’Keefe")
NOVEMBER_ABSENT = ("Steve Carmicheal",)

# Item kinds of the November meeting, by minute number.
NOVEMBER_KINDS = {
    611: "notice-of-recording",
    612: "apologies",
    613: "declarations",
    614: "previous-minutes",
    615: "public-questions",
    616: "membership",
    619: "update",
    622: "work-programme",
}
# Notes the reference minutes place after an item's RESOLVED block: (minute, note index).
# A note recorded after the item's last resolution is minuted after it.
NOTES_AFTER_RESOLUTIONS = {(622, 0)}
# Actual start of each November item (the meeting ran 14:00 to 15:30).
NOVEMBER_STARTS = (
    "14:00", "14:02", "14:03", "14:04", "14:07", "14:08",
    "14:20", "14:27", "14:58", "15:06", "15:18", "15:28",
)  # fmt: skip

# The agenda of 14 March 2022: (papers, number, title, description, approximate time).
MARCH_2022_AGENDA: tuple[tuple[str, str, str, str, str], ...] = (
    ("none", "1", "NOTICE OF RECORDING AND WEBCASTING",
     "This meeting will be webcast for live and subsequent broadcast and members of the "
     "press/public may record the meeting. The whole of the meeting will be filmed except where "
     "there are confidential or exempt items.", "13:30"),
    ("none", "2", "APOLOGIES", "", ""),
    ("none", "3", "PANEL MEMBERSHIP",
     "To note that Councillor Bob Piper (Sandwell) has been appointed to replace Councillor "
     "Carmicheal on the Panel for the remainder of the 2021/22 Municipal Year.", ""),
    ("none", "4", "DECLARATIONS OF INTEREST (IF ANY)",
     "Members are reminded that they must declare all relevant pecuniary interests and /or "
     "non-pecuniary interests relating to any items of business to be discussed at the meeting.",
     ""),
    ("none", "5", "PUBLIC QUESTION TIME",
     "To receive questions from members of the public notified to the Panel in advance of the "
     "meeting.", "13:35"),
    ("Attached", "6", "MINUTES AND LASTEST ACTION TRACKER",
     "To confirm the following minutes and note the latest Action Tracker 29 November 2021 "
     "31 January 2022", "13:50"),
    ("none", "7", "SIR DAVID THOMPSON QPM DL - CHIEF CONSTABLE WEST MIDLANDS POLICE",
     "The Chief Constable has been invited to address the Panel.", "13:55"),
    ("Attached", "8", "REBUILDING NEIGHBOURHOOD POLICING",
     "Report of the Police and Crime Commissioner The Panel is asked to consider the progress "
     "towards the objectives in the West Midlands Police and Crime Plan 2021-2025 relating to "
     "community policing.", "14:30"),
    ("Attached", "9", "NATIONAL POLICING PRIORITIES AND POLICE AND CRIME PLAN SCORECARD",
     "Report of the Police and Crime Commissioner The Panel is asked to consider progress "
     "towards Key Performance Indicators of the Police and Crime Plan and the quarterly "
     "statement on National Policing Priorities", "15:00"),
    ("none", "10", "POLICE AND CRIME COMMISSIONER UPDATE AND KEY DECISIONS",
     "The Police and Crime Commissioner will update the Panel on recent activity. The Panel is "
     "asked to note the recent Key Decision.", "15:30"),
    ("Attached", "11", "RECRUITMENT PLAN – WEST MIDLANDS POLICE CHIEF CONSTABLE",
     "Report of the Police and Crime Commissioner", "15:40"),
    ("Attached", "12",
     "WEST MIDLANDS POLICE AND CRIME PANEL BUDGET 2022/23 AND EXPENDITURE 2021/22",
     "Report of the Panel Lead Officer", "15:45"),
    ("To Follow", "13", "ANNUAL REPORT OF COMPLAINT HANDLING", "Report of the Panel Lead Officer",
     "15:50"),
    ("To Follow", "14", "MEETING DATES 2022/2023 URGENT BUSINESS",
     "To consider any items of business by reason of special circumstances (to be specified) "
     "that in the opinion of the Chairman are matters of urgency.", "15:55"),
)  # fmt: skip
MARCH_KINDS = {
    "1": "notice-of-recording",
    "2": "apologies",
    "3": "membership",
    "4": "declarations",
    "5": "public-questions",
    "6": "previous-minutes",
    "10": "update",
    "14": "urgent-business",
}

# The tracker of 14 March 2022: (minute, month of source meeting, action, owner, due, update,
# completed on). Minutes 617-622 belong to the demo's November meeting and link to its items.
OUTSTANDING = (
    (617, date(2021, 11, 29),
     "Panel Inquiry on Public Confidence in Policing finalised and presented to PCC for response",
     "Panel Chair", "31 March 2022",
     "Report and recommendations sent to PCC seeking response by 31 March 2022"),
    (620, date(2021, 11, 29),
     "The OPCC to feedback to a future meeting on communications and publicity plans in relation "
     "to the Fairness and Belonging Plan and Recruitment.", "OPCC", "", "To be programmed"),
    (629, date(2022, 1, 31),
     "Cllr Brennan, West Midlands Victims' Commissioner be invited to report back to a further "
     "meeting on improving victim satisfaction survey response rates and her examination of "
     "local Victims' Right to Review provisions.", "Panel Officers", "", "To be programmed"),
    (630, date(2022, 1, 31),
     "The PCC present his Medium-Term Financial Plan to the Panel in September 2022 to provide "
     "members with greater details of the budget.", "PCC", "September 2022",
     "September meeting date to be arranged"),
    (630, date(2022, 1, 31),
     "Panel report on precept with recommendation to expand content of the council tax leaflet, "
     "and wider publicity on the precept, to provide the public with contextual information "
     "explaining the reasons for the precept increase.", "Panel Chair", "",
     "Recommendation sent to PCC"),
    (630, date(2022, 1, 31),
     "The Commissioner compares the budgets of the most similar forces and feedbacks to the "
     "Panel when setting the budget.", "PCC", "", "To be programmed"),
    (631, date(2022, 1, 31),
     "The Commissioner report back on the number of criminal justice outcomes relating to the "
     "132 firearm seizures in 2021.", "PCC", "", ""),
)  # fmt: skip
COMPLETED = (
    (596, date(2021, 7, 26),
     "Panel Officers and OPCC liaise to develop a programme of member briefing and visits to "
     "Lloyd House and other parts of the police service and speak to officers to inform their "
     "understanding of the different areas of work and view the mobile technology.",
     "Panel Officers", "",
     "Completed: Visit 4 February 2022: OPCC Communications, Policy, Commissioning and Grants, "
     "data and performance Head of Audit Tour of Lloyd House Force contact and Control Room "
     "Demo on Mobile Technology", date(2022, 2, 4)),
    (594, date(2021, 7, 26),
     "The Panel Office present a report on the process for applying to the Secretary of State "
     "to appoint a third independent co-opted member.", "Panel Office", "",
     "Completed: Presented 18 October 2021", date(2021, 10, 18)),
    (596, date(2021, 7, 26), "PCC report to a future meeting on his Estates Strategy review.",
     "PCC", "",
     "Completed: Update reports presented to panel 18 October 2021 and 29 November 2021",
     date(2021, 11, 29)),
    (606, date(2021, 10, 18),
     "The Panel’s review of Police and Crime Plan 2021-25 presented to PCC recommending - "
     "summary version of the plan in an accessible format listing the objectives into "
     "short-term, medium-term, and long-term. - including baselines alongside terms such as "
     "‘increasing’, ‘reducing’, ‘historically’ to inform the public of the starting points. - "
     "Regular progress update reports to the Panel", "Panel Chair", "",
     "Completed: PCC responded 1 November 2021", date(2021, 11, 1)),
    (620, date(2021, 11, 29),
     "Panel Officers and OPCC develop a briefing session for members on performance "
     "monitoring", "Panel Officers", "",
     "Completed: Sessions held at 4 February 2022 member visit and online briefing 14 February "
     "2022.", date(2022, 2, 14)),
    (621, date(2021, 11, 29),
     "The Panel write to the Policing Minister in support of the PCC’s campaign seeking a fair "
     "funding decision for the West Midlands", "Panel Chair", "",
     "Completed: Chair wrote to Policing Minister December 2021", date(2021, 12, 31)),
)  # fmt: skip


def build_demo(database: Database) -> None:
    """Fill an empty database with the sample panel, and mark it, in one transaction."""
    with database.transaction() as session:
        _Builder(session).build()
        _mark(session)


def _mark(session: Session) -> None:
    # Part of the transaction: a build cut short leaves neither the panel nor the mark.
    session.connection().exec_driver_sql(f"PRAGMA application_id = {DEMO_APPLICATION_ID}")


class _Builder:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.people: dict[str, models.Person] = {}

    def add(self, row: models.SQLModel) -> models.SQLModel:  # type: ignore[name-defined]
        self.session.add(row)
        self.session.flush()
        return row

    def build(self) -> None:
        body = models.Body(
            name=PANEL,
            short_name="Panel",
            host_authority="Birmingham City Council",
            contact_name="Sarah Fradgley",
            contact_email="wmpcp@birmingham.gov.uk",
            contact_phone="0121 303 1727",
            website="www.westmidlandspcp.co.uk",
            quorum=5,
            next_minute_number=633,
            created_at=SEEDED_AT,
        )
        self.add(body)
        self.body_id = body.id or 0
        self._membership()
        november = self._november()
        self._march(november)
        self._tracker(november)

    def person(self, title: str, name: str) -> models.Person:
        if name not in self.people:
            row = models.Person(title=title, full_name=name, created_at=SEEDED_AT)
            self.people[name] = self.add(row)  # type: ignore[assignment]
        return self.people[name]

    def _membership(self) -> None:
        carmicheal_id = 0
        for title, name, where, role in MEMBERS:
            independent = role == "independent-member"
            row = models.Membership(
                person_id=self.person(title, name).id or 0,
                body_id=self.body_id,
                role=role,
                represents="" if independent else where,
                role_text=where if independent else "",
                voting=True,
                start_date=YEAR_START,
                end_date=date(2022, 1, 31) if name == "Steve Carmicheal" else None,
                created_at=SEEDED_AT,
            )
            self.add(row)
            if name == "Steve Carmicheal":
                carmicheal_id = row.id or 0
        self.add(
            models.Membership(
                person_id=self.person("Cllr", "Bob Piper").id or 0,
                body_id=self.body_id,
                role="member",
                represents="Sandwell",
                start_date=date(2022, 2, 1),
                replaces_id=carmicheal_id,
                created_at=SEEDED_AT,
            )
        )
        for name, role_text in OFFICERS:
            self.add(
                models.Membership(
                    person_id=self.person("", name).id or 0,
                    body_id=self.body_id,
                    role="officer",
                    role_text=role_text,
                    voting=False,
                    start_date=YEAR_START,
                    created_at=SEEDED_AT,
                )
            )

    def _november(self) -> models.Meeting:
        day = date(2021, 11, 29)
        meeting = models.Meeting(
            body_id=self.body_id,
            date=day,
            scheduled_start=time(14, 0),
            venue="Wolverhampton Civic Centre",
            livestream_url="https://wolverhampton.public-i.tv/core/portal/home",
            status="closed",
            actual_start=datetime(2021, 11, 29, 14, 0),
            actual_end=datetime(2021, 11, 29, 15, 30),
            minutes_status="draft",
            created_at=datetime(2021, 11, 15, 9, 0),
        )
        self.add(meeting)
        self.november_items: dict[int, models.AgendaItem] = {}
        starts = [datetime.combine(day, time.fromisoformat(t)) for t in NOVEMBER_STARTS]
        ends = [*starts[1:], datetime(2021, 11, 29, 15, 30)]
        for position, (minute, title, notes, resolutions) in enumerate(NOVEMBER_2021_ITEMS):
            item = models.AgendaItem(
                meeting_id=meeting.id or 0,
                body_id=self.body_id,
                position=position,
                number=str(position + 1),
                title=title,
                kind=NOVEMBER_KINDS.get(minute, "report"),
                state="taken",
                actual_start=starts[position],
                actual_end=ends[position],
                minute_number=minute,
                created_at=meeting.created_at,
            )
            self.add(item)
            self.november_items[minute] = item
            resolved_at = starts[position] + timedelta(minutes=1)
            for n, (kind, text) in enumerate(notes):
                after = (minute, n) in NOTES_AFTER_RESOLUTIONS
                noted_at = resolved_at + timedelta(minutes=1) if after else starts[position]
                self.add(
                    models.MinuteNote(
                        item_id=item.id or 0,
                        position=n,
                        kind=kind,
                        text=text,
                        created_at=noted_at,
                    )
                )
            for n, text in enumerate(resolutions):
                self.add(
                    models.Resolution(
                        item_id=item.id or 0,
                        position=n,
                        text=text,
                        noted=text.rstrip(";. and").endswith("noted"),
                        created_at=resolved_at,
                    )
                )
        self._november_attendance(meeting)
        self._november_vote()
        return meeting

    def _november_attendance(self, meeting: models.Meeting) -> None:
        for title, name, where, role in MEMBERS:
            independent = role == "independent-member"
            status = (
                "apologies"
                if name in NOVEMBER_APOLOGIES
                else "absent"
                if name in NOVEMBER_ABSENT
                else "present"
            )
            self.add(
                models.Attendance(
                    meeting_id=meeting.id or 0,
                    person_id=self.person(title, name).id or 0,
                    capacity="member",
                    status=status,
                    represents="" if independent else where,
                    role_text=where if independent else "",
                    voting=True,
                    created_at=meeting.created_at,
                )
            )
        for name, role_text in OFFICERS:
            self.add(
                models.Attendance(
                    meeting_id=meeting.id or 0,
                    person_id=self.person("", name).id or 0,
                    capacity="officer",
                    status="apologies" if name in NOVEMBER_APOLOGIES else "present",
                    role_text=role_text,
                    voting=False,
                    created_at=meeting.created_at,
                )
            )

    def _november_vote(self) -> None:
        """Minute 616: co-opting a third independent member needs unanimity; 8:1 is lost."""
        item = self.november_items[616]
        present = sum(
            1 for _, name, _, _ in MEMBERS if name not in NOVEMBER_APOLOGIES + NOVEMBER_ABSENT
        )
        membership = len(MEMBERS)  # the voting members in force on 29 November 2021
        decision = rules.decide(
            8,
            1,
            0,
            majority=rules.Majority.UNANIMOUS,
            present=present,
            membership=membership,
            noun="recommendation",
            who="Panel Members",
        )
        self.add(
            models.Vote(
                item_id=item.id or 0,
                motion="That the Panel apply to the Secretary of State to co-opt a third "
                "independent panel member",
                method="show-of-hands",
                majority=rules.Majority.UNANIMOUS.value,
                for_count=8,
                against_count=1,
                abstentions=0,
                present=present,
                membership=membership,
                carried=decision.carried,
                outcome_text=decision.text,
                recorded_at=datetime(2021, 11, 29, 14, 19),
            )
        )

    def _march(self, november: models.Meeting) -> None:
        meeting = models.Meeting(
            body_id=self.body_id,
            date=date(2022, 3, 14),
            scheduled_start=time(13, 30),
            venue="Sandwell Council Chamber, Freeth Street, Oldbury, B69 3DB",
            livestream_url="https://civico.net/sandwell",
            previous_meeting_id=november.id,
            created_at=SEEDED_AT,
        )
        self.add(meeting)
        for position, (papers, number, title, description, at) in enumerate(MARCH_2022_AGENDA):
            self.add(
                models.AgendaItem(
                    meeting_id=meeting.id or 0,
                    body_id=self.body_id,
                    position=position,
                    number=number,
                    title=title,
                    description=description,
                    papers=papers,
                    approximate_time=time.fromisoformat(at) if at else None,
                    kind=MARCH_KINDS.get(number, "report"),
                    created_at=SEEDED_AT,
                )
            )

    def _tracker(self, november: models.Meeting) -> None:
        rows = [(*row, None) for row in OUTSTANDING] + list(COMPLETED)
        for minute, source, text, owner, due, update, completed_on in rows:
            item = self.november_items.get(minute) if source == november.date else None
            action = models.Action(
                body_id=self.body_id,
                meeting_id=november.id if item else None,
                item_id=item.id if item else None,
                minute_number=minute,
                source_date=source,
                text=text,
                owner=owner,
                due=due,
                status="completed" if completed_on else "outstanding",
                latest_update=update,
                completed_on=completed_on,
                created_at=SEEDED_AT,
            )
            self.add(action)
            if update:
                self.add(
                    models.ActionUpdate(
                        action_id=action.id or 0,
                        date=completed_on or date(2022, 3, 1),
                        text=update,
                        created_at=SEEDED_AT,
                    )
                )


def open_demo(path: Path, *, reset: bool = False) -> Database:
    """Open the demo database at ``path``, building it when it is new (or ``reset``).
    Refused in one line, with nothing touched, when ``path`` is not the demo."""
    refuse_unless_demo(path)
    if reset and size_of(locate(path)) is not None:
        remove_database(path)
    database = open_database(path)
    try:
        if not has_bodies(database):
            build_demo(database)
        elif application_id(database.path) != DEMO_APPLICATION_ID:
            # An earlier clerk-tui's demo, marked now — only if it is that (a file put back by
            # this open, or anything else, is never taken for the demo).
            if database.notices or not _holds_only_the_sample_panel(database.path):
                raise ClerkError(
                    f"{printable(path)} is not a demo database built by clerk-tui: demo "
                    "leaves it as it is"
                )
            with database.transaction() as session:
                _mark(session)
    except BaseException:
        database.close()
        raise
    return database


def refuse_unless_demo(path: Path) -> None:
    """``demo`` and ``demo --reset`` touch only clerk-tui's demo: a missing or empty file (to be
    built as the demo), a file carrying the demo's mark, or — built by an earlier clerk-tui,
    before the mark — the file at the default demo path holding the sample panel and nothing
    else (or no panel at all: a build cut short). Anything else is refused in one line."""
    real = locate(path)  # a loop, a pipe, a name too long...: refused in words here
    if not size_of(real):
        # Missing or empty — but never a -wal holding records without its database, nor a
        # database a restore set aside under this name, which the next open would put back
        # (and the demo would then take for its own).
        refuse_orphan_wal(real)
        aside = [a for a in set_aside_files(real) if application_id(a) != DEMO_APPLICATION_ID]
        if aside:
            raise ClerkError(
                f"{printable(path)} is missing but {printable(aside[0].name)} (a database a "
                "restore set aside) is beside it: demo leaves it alone — open it with "
                f"clerk-tui --db {printable(path)} to put it back"
            )
        return
    if application_id(real) == DEMO_APPLICATION_ID:
        return
    if real == locate(paths.demo_db_path()) and _holds_only_the_sample_panel(real):
        return
    raise ClerkError(
        f"{printable(path)} is not a demo database built by clerk-tui: demo never opens, "
        "rebuilds or deletes any other file (nothing was changed; to open it as it is: "
        f"clerk-tui --db {printable(path)})"
    )


def _holds_only_the_sample_panel(path: Path) -> bool:
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
        try:
            rows = connection.execute("SELECT name, created_at FROM body").fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return False  # damaged, or not clerk-tui's: not recognised, so left alone
    return not rows or (
        len(rows) == 1 and rows[0][0] == PANEL and str(rows[0][1]).startswith(str(SEEDED_AT))
    )
