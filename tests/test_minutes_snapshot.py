"""From a stored meeting to the minutes: a MeetingSnapshot, built here from its frozen views as
the database would hand them over, translated into the house style's terms."""

from __future__ import annotations

from datetime import date, datetime, time

from clerk_tui.minutes import (
    AttendeeRecord,
    Bullets,
    DeclarationRecord,
    NoteRecord,
    ResolutionRecord,
    Resolved,
    Source,
    VoteRecord,
    build_minutes,
    item_section,
    meeting_record,
)
from db.meeting_snapshot import MeetingSnapshot
from db.views import (
    AttendanceView,
    BodyView,
    DeclarationView,
    ItemView,
    MeetingView,
    MembershipView,
    NamedVoteView,
    NoteView,
    PersonView,
    ResolutionView,
    VoteView,
)

DAY = date(2026, 11, 12)
BODY = BodyView(1, "Harbour Board", "HB", "Council", "", "", "", "", 3, 1)
JONES = PersonView(1, "Cllr", "Ann Jones", "")
JONES_TOO = PersonView(2, "Cllr", "Brian Jones", "")
PATEL = PersonView(3, "Cllr", "Ravi Patel", "")
SMITH = PersonView(4, "", "Kim Smith", "")
OKAFOR = PersonView(5, "Mrs", "Ada Okafor", "")


def at(hour: int, minute: int) -> datetime:
    return datetime(2026, 11, 12, hour, minute)


def item(item_id: int, number: str, minute: int | None, state: str = "taken") -> ItemView:
    return ItemView(
        item_id, 1, item_id, number, f"Item {number}", "About it", "Report A", time(18, 0), "",
        "other", False, "", False, state, at(18, item_id), at(18, item_id + 5), minute,
    )  # fmt: skip


def attending(
    row_id: int, person: PersonView, capacity: str = "member", **changes: object
) -> AttendanceView:
    fields: dict[str, object] = {
        "represents": "", "role_text": "", "substitute_for": None, "arrived_at": None,
        "arrived_item_id": None, "left_at": None, "left_item_id": None, "status": "present",
    }  # fmt: skip
    fields.update(changes)
    return AttendanceView(
        id=row_id, person=person, capacity=capacity, voting=True, substitute_for_id=None,
        **fields,  # type: ignore[arg-type]
    )  # fmt: skip


def member(
    person: PersonView, role: str, represents: str = "", role_text: str = ""
) -> MembershipView:
    return MembershipView(person.id, person, 1, role, represents, role_text, True, DAY, None, None)


def snapshot() -> MeetingSnapshot:
    meeting = MeetingView(
        1, BODY, DAY, time(18, 0), "Harbour Office", "", "closed", "draft", at(18, 0),
        at(19, 30), None, (item(10, "1", 1), item(11, "2", 2), item(12, "3", None, "pending")),
    )  # fmt: skip
    vote = VoteView(
        7, 11, "That it be approved", "recorded", "simple", 2, 1, 1, 4, 5, None, True,
        "The motion was carried.", False, at(18, 20),
        (
            NamedVoteView(1, 7, JONES, "for"), NamedVoteView(2, 7, PATEL, "against"),
            NamedVoteView(3, 7, SMITH, "abstain"), NamedVoteView(4, 7, JONES_TOO, "for"),
            NamedVoteView(5, 7, OKAFOR, "did-not-vote"),
        ),
    )  # fmt: skip
    return MeetingSnapshot(
        meeting=meeting,
        attendance=(
            attending(1, JONES, arrived_at=at(18, 10), arrived_item_id=11),
            attending(2, JONES_TOO, left_at=at(19, 0), left_item_id=11, represents="  Ward A "),
            attending(3, PATEL, "substitute", substitute_for=JONES),
            attending(4, SMITH, "officer", role_text=" Clerk "),
            attending(5, OKAFOR, status="apologies"),
        ),
        memberships=(
            member(JONES, "co-opted"),
            member(JONES_TOO, "co-opted"),
            member(PATEL, "independent-member", represents=" Port users "),
            member(OKAFOR, "co-opted", role_text=" Vice-chair "),
        ),
        declarations=(
            DeclarationView(1, 11, PATEL, "pecuniary", "owns a boat", "left", at(18, 6)),
        ),
        notes=(
            NoteView(1, 11, 1, "bullet", "Dredging costs", at(18, 12)),
            NoteView(2, 11, 2, "paragraph", "The chair thanked the officers.", at(18, 30)),
            NoteView(3, 10, 1, "odd", "Opened on time.", at(18, 1)),
        ),
        resolutions=(
            ResolutionView(1, 11, 1, "That the report be noted", None, None, True, at(18, 15)),
            ResolutionView(2, 11, 2, "That officers", None, 7, False, at(18, 21)),
            ResolutionView(3, 11, 3, "consult the users", 2, None, False, at(18, 22)),
            ResolutionView(4, 11, 4, "report back", 2, None, False, at(18, 23)),
        ),
        votes=(vote,),
        actions=(),
    )


def test_the_meeting_itself() -> None:
    record = meeting_record(snapshot())
    assert (record.body_name, record.body_short_name, record.venue) == (
        "Harbour Board", "HB", "Harbour Office",
    )  # fmt: skip
    assert (record.date, record.scheduled_start) == (DAY, time(18, 0))
    assert (record.actual_start, record.actual_end) == (at(18, 0), at(19, 30))
    assert (record.status, record.minutes_status) == ("closed", "draft")
    assert [i.id for i in record.items] == [10, 11, 12]


def test_attendees_are_named_short_unless_two_would_share_the_name() -> None:
    record = meeting_record(snapshot())
    assert record.attendees == (
        AttendeeRecord(
            "Ann Jones", "member", "present", "Cllr", "Cllr Ann Jones", "", "Co-opted Member",
            arrived_item_id=11, arrived_at=at(18, 10), id=1,
        ),
        AttendeeRecord(
            "Brian Jones", "member", "present", "Cllr", "Cllr Brian Jones", "Ward A", "",
            left_item_id=11, left_at=at(19, 0), id=2,
        ),
        AttendeeRecord(
            "Ravi Patel", "substitute", "present", "Cllr", "Cllr Patel", "Port users", "",
            substitute_for="Cllr Ann Jones", id=3,
        ),
        AttendeeRecord("Kim Smith", "officer", "present", "", "", "", "Clerk", id=4),
        AttendeeRecord(
            "Ada Okafor", "member", "apologies", "Mrs", "Mrs Okafor", "", "Vice-chair", id=5
        ),
    )  # fmt: skip


def test_an_item_keeps_its_agenda_fields() -> None:
    first = meeting_record(snapshot()).items[0]
    assert (first.number, first.title, first.kind, first.state) == ("1", "Item 1", "other", "taken")
    assert (first.minute_number, first.exempt, first.exempt_reason) == (1, False, "")
    assert (first.actual_start, first.actual_end) == (at(18, 10), at(18, 15))
    assert (first.papers, first.description, first.approximate_time) == (
        "Report A", "About it", time(18, 0),
    )  # fmt: skip


def test_notes_are_bullets_or_paragraphs_and_the_last_word_follows_the_resolutions() -> None:
    opening, business, _ = meeting_record(snapshot()).items
    # A kind the minutes do not know is minuted as a paragraph; with no resolutions on the
    # item nothing follows RESOLVED.
    assert opening.notes == (NoteRecord("paragraph", "Opened on time.", id=3),)
    assert business.notes == (
        NoteRecord("bullet", "Dredging costs", id=1),
        NoteRecord("paragraph", "The chair thanked the officers.", after_resolutions=True, id=2),
    )


def test_sub_points_go_under_their_resolution_and_votes_name_by_choice() -> None:
    business = meeting_record(snapshot()).items[1]
    assert business.resolutions == (
        ResolutionRecord("That the report be noted", (), id=1, child_ids=()),
        ResolutionRecord(
            "That officers", ("consult the users", "report back"), id=2, child_ids=(3, 4)
        ),
    )  # fmt: skip
    assert business.votes == (
        VoteRecord(
            "The motion was carried.", ("Cllr Ann Jones", "Cllr Brian Jones"), ("Cllr Patel",),
            ("Kim Smith",), ("Mrs Okafor",), inquorate=False, id=7,
            for_count=2, against_count=1, abstentions=1, present=4, carried=True,
            motion="That it be approved", resolved=True,  # resolution ii. records it
            method="recorded",
        ),
    )  # fmt: skip
    assert business.declarations == (
        DeclarationRecord("Cllr Patel", "pecuniary", "owns a boat", "left", id=1),
    )


def test_the_minutes_and_one_items_section_read_the_same_record() -> None:
    stored = snapshot()
    minutes = build_minutes(stored)
    assert [s.minute_number for s in minutes.sections] == [1, 2]
    assert item_section(stored, 11) == minutes.sections[1]
    # An item not yet taken still has the section the record pane shows for it.
    pending = item_section(stored, 12)
    assert pending is not None and pending.item_id == 12
    assert item_section(stored, 99) is None


def key(block: object) -> str:
    source = getattr(block, "source", None)
    assert isinstance(source, Source)
    return source.key


def test_the_minutes_of_the_stored_meeting_and_where_each_block_comes_from() -> None:
    minutes = build_minutes(snapshot())
    assert minutes.present == (
        "Cllr Ann Jones - Co-opted Member",
        "Cllr Brian Jones – Ward A",
        "Cllr Ravi Patel – Port users (substitute for Cllr Ann Jones)",
    )
    assert minutes.also_present == ("Kim Smith – Clerk",)
    assert minutes.closing == "The meeting ended at 19:30 hours"
    opening, business = minutes.sections
    assert [(type(b).__name__, key(b)) for b in opening.blocks] == [("Paragraph", "note-3")]
    assert business.blocks[0] == Bullets(("Dredging costs",))
    assert business.blocks[0].sources == (Source("note", 1),)
    assert [getattr(b, "text", None) for b in business.blocks[1:5]] == [
        "Cllr Patel declared an interest in this item (owns a boat) and left.",
        "Cllr Ann Jones joined the meeting during this item.",
        "Cllr Brian Jones left the meeting at 19:00 hours.",
        "The motion was carried.",
    ]
    # Blocks compare by their words alone: where each comes from is asked of it.
    keys = [key(b) for b in business.blocks[1:] if not isinstance(b, Resolved)]
    assert keys == ["declaration-1", "arrival-1", "departure-2", "vote-7", "vote-7", "note-2"]
    (resolved,) = [b for b in business.blocks if isinstance(b, Resolved)]
    first, second = resolved.resolutions
    assert (first.label, first.text, first.source) == (
        "i.",
        "That the report be noted",  # as typed: the minutes add no joiner
        Source("resolution", 1),
    )
    assert (second.label, second.text, second.source) == (
        "ii.",
        "That officers",
        Source("resolution", 2),
    )
    assert [(s.label, s.text, s.source) for s in second.children] == [
        ("a.", "consult the users", Source("resolution", 3)),
        ("b.", "report back", Source("resolution", 4)),
    ]
