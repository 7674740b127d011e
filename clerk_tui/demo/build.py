"""Building the sample panel into an empty database: seed rows in one transaction (no audit,
as they are not clerk actions), with the demo's mark written in the same transaction."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TypeVar

from sqlmodel import Session, SQLModel

from clerk_tui import rules
from clerk_tui.demo.panel import (
    COMPLETED,
    DEMO_APPLICATION_ID,
    MARCH_2022_AGENDA,
    MARCH_KINDS,
    MEMBERS,
    NOTES_AFTER_RESOLUTIONS,
    NOVEMBER_ABSENT,
    NOVEMBER_APOLOGIES,
    NOVEMBER_KINDS,
    NOVEMBER_STARTS,
    OFFICERS,
    OUTSTANDING,
    PANEL,
    SEEDED_AT,
    YEAR_START,
)
from clerk_tui.demo_minutes import NOVEMBER_2021_ITEMS
from db import Database, models

Row = TypeVar("Row", bound=SQLModel)


def build_demo(database: Database) -> None:
    """Fill an empty database with the sample panel, and mark it, in one transaction."""
    with database.transaction() as session:
        _Builder(session).build()
        mark_demo(session)


def mark_demo(session: Session) -> None:
    # Part of the transaction: a build cut short leaves neither the panel nor the mark.
    session.connection().exec_driver_sql(f"PRAGMA application_id = {DEMO_APPLICATION_ID}")


class _Builder:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.people: dict[str, models.Person] = {}

    def add(self, row: Row) -> Row:
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
            self.people[name] = self.add(row)
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
                # No motion typed: the clerk's notes above already set out the recommendation
                # in words, so the minutes print no "put to the vote" block (as the reference).
                motion="",
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
