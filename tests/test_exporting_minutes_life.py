"""The minutes' life against a real database: draft, approved by a later meeting's resolution
(marked or recognised from its words), signed."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_tui.desk import Desk
from clerk_tui.errors import ClerkError
from clerk_tui.values import dates_in
from db import models
from tests.export.reference_meeting import (
    HEADING,
)
from tests.test_exporting import (
    CONFIRMING,
    MARCH,
    NOVEMBER,
    add_minutes_resolution,
    audit_summaries,
    meeting_id,
)


def test_marking_a_resolution_approves_the_previous_minutes(demo_desk: Desk) -> None:
    november, march = meeting_id(demo_desk, NOVEMBER), meeting_id(demo_desk, MARCH)
    resolution = add_minutes_resolution(demo_desk.database, march, "That the minutes be agreed")
    state = demo_desk.papers.mark_confirmation(resolution)
    assert (state.meeting_id, state.minutes_status) == (november, "approved")
    assert state.approved_at_meeting_id == march
    assert demo_desk.papers.minutes_state(november).minutes_status == "approved"
    assert audit_summaries(demo_desk.database)[-2:] == [
        "resolution confirms the minutes of 29 November 2021",
        "minutes of 29 November 2021 approved at the meeting of 14 March 2022",
    ]
    text = demo_desk.papers.render_paper(november, "minutes", "txt").decode()
    assert text.startswith(HEADING)  # approved: no longer a draft


def test_confirmation_is_recognised_from_its_words(demo_desk: Desk) -> None:
    november, march = meeting_id(demo_desk, NOVEMBER), meeting_id(demo_desk, MARCH)
    resolution = add_minutes_resolution(demo_desk.database, march, CONFIRMING)
    (approved,) = demo_desk.papers.recognise_confirmations(march)
    assert (approved.meeting_id, approved.minutes_status) == (november, "approved")
    with demo_desk.database.session() as session:
        row = session.get(models.Resolution, resolution)
        assert row is not None and row.confirms_minutes_of_id == november
    assert demo_desk.papers.recognise_confirmations(march) == ()  # once is enough


def test_a_resolution_naming_an_unknown_meeting_approves_nothing(demo_desk: Desk) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    # The demo's own minute 614 confirms 18 October 2021, a meeting not in the database.
    assert demo_desk.papers.recognise_confirmations(november) == ()
    march = meeting_id(demo_desk, MARCH)
    add_minutes_resolution(
        demo_desk.database,
        march,
        "That the minutes of the meeting held on 31 January 2022 be confirmed as a correct record",
    )
    assert demo_desk.papers.recognise_confirmations(march) == ()
    assert demo_desk.papers.minutes_state(november).minutes_status == "draft"


def test_signing_needs_approval_first(demo_desk: Desk) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    before = audit_summaries(demo_desk.database)
    with pytest.raises(ClerkError, match="still a draft"):
        demo_desk.papers.sign_minutes(november)
    assert demo_desk.papers.minutes_state(november).minutes_status == "draft"
    assert audit_summaries(demo_desk.database) == before


def test_signing_recognises_an_unmarked_confirmation(demo_desk: Desk) -> None:
    november, march = meeting_id(demo_desk, NOVEMBER), meeting_id(demo_desk, MARCH)
    add_minutes_resolution(demo_desk.database, march, CONFIRMING)
    state = demo_desk.papers.sign_minutes(november)
    assert (state.minutes_status, state.signed_on) == ("signed", date(2022, 3, 14))  # the clock
    assert state.words == "Minutes of 29 November 2021: signed on 14 March 2022"
    assert audit_summaries(demo_desk.database)[-3:] == [
        "resolution recognised as confirming the minutes",
        "minutes of 29 November 2021 approved at the meeting of 14 March 2022",
        "minutes of 29 November 2021 signed",
    ]
    with pytest.raises(ClerkError, match="were signed on 14 March 2022"):
        demo_desk.papers.sign_minutes(november)


def test_approve_by_hand_and_refusals(demo_desk: Desk) -> None:
    november, march = meeting_id(demo_desk, NOVEMBER), meeting_id(demo_desk, MARCH)
    with pytest.raises(ClerkError, match="has not been closed"):
        demo_desk.papers.approve_minutes(march)
    with pytest.raises(ClerkError, match="cannot confirm its own minutes"):
        demo_desk.papers.approve_minutes(november, at_meeting_id=november)
    state = demo_desk.papers.approve_minutes(november)
    assert state.minutes_status == "approved"
    with pytest.raises(ClerkError, match="already approved"):
        demo_desk.papers.approve_minutes(november)
    with pytest.raises(ClerkError, match="before their meeting"):
        demo_desk.papers.sign_minutes(november, on=date(2021, 11, 1))
    assert demo_desk.papers.sign_minutes(november, on=date(2022, 1, 31)).signed_on == date(
        2022, 1, 31
    )


def test_dates_named_in_a_resolution() -> None:
    assert dates_in("held on 29 November 2021 and 31st January, 2022") == [
        date(2021, 11, 29),
        date(2022, 1, 31),
    ]
    assert dates_in("of 2021-11-29 and 31/01/2022") == [date(2021, 11, 29), date(2022, 1, 31)]
    assert dates_in("31 February 2022 and no date") == []


def test_a_confirming_resolution_approves_the_previous_minutes(demo_desk) -> None:  # type: ignore[no-untyped-def]
    from clerk_tui.desk.decisions import ResolutionFields

    march = next(m for m in demo_desk.agenda.meetings() if m.status == "planned")
    item = next(i for i in demo_desk.agenda.meeting(march.id).items if i.kind == "previous-minutes")
    demo_desk.chamber.start_item(march.id, item.id)
    demo_desk.decisions.add_resolution(
        item.id,
        ResolutionFields(
            "That the minutes of the meeting held on 29 November 2021 be confirmed as a correct "
            "record."
        ),
    )
    november = next(m for m in demo_desk.agenda.meetings() if m.date.year == 2021)
    assert november.minutes_status == "approved"
    demo_desk.undo.undo_last(march.id)  # the resolution and the approval go back together
    november = next(m for m in demo_desk.agenda.meetings() if m.date.year == 2021)
    assert november.minutes_status == "draft"
