"""The record pane and the minutes say the same thing (issue 12): for random sequences of clerk
actions on a meeting through the Desk — notes, resolutions and their sub-points, votes,
declarations on this or another item, apologies, late arrivals, departures, items started —
what the pane shows for each item is, once its layout is stripped, the plain-text minutes
section of that item, word for word.

The pane's lines are the options the live screen draws (``pane_options``, rendered to plain
text as the terminal shows them); the minutes are the text export itself."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets.option_list import Option

from clerk_tui.desk import Desk
from clerk_tui.desk.decisions import NoteFields, ResolutionFields, VoteFields
from clerk_tui.errors import ClerkError
from clerk_tui.export.text import section_chunks
from clerk_tui.minutes import minutes_of, section_of
from db import open_database
from screens.widgets.item_minute import pane_options, plain_text
from tests.conftest import FakeClock

# ---- the pane's words, its layout stripped ----------------------------------------------

# What the pane adds for the clerk beside the minutes' words: how a vote went.
_VOTE_HEAD = re.compile(r"^VOTE on .*$", re.MULTILINE)
_RESOLUTION_NOTES = re.compile(r"  (\(noted\)|— vote: .*)$", re.MULTILINE)


def words(text: str) -> str:
    """Text with its layout stripped: bullets and line breaks, spacing."""
    text = re.sub(r"^\s*[-•] ", "", text, flags=re.MULTILINE)
    return " ".join(text.split())


def option_words(options: Sequence[Option | None]) -> str:
    """The words of the pane's options as the terminal shows them, the tracker's part and
    the clerk's marks beside the minutes' words left out, the layout stripped."""
    lines: list[str] = []
    for option in options:
        if option is None or (option.id or "").startswith("action-"):
            continue
        text = plain_text(option.prompt)
        if option.disabled and text != "RESOLVED: -":
            continue  # the hint, the tracker's headings
        lines.append(_RESOLUTION_NOTES.sub("", _VOTE_HEAD.sub("", text)))
    return words("\n".join(lines))


def pane_words(desk: Desk, item_id: int, meeting_id: int) -> str:
    view = desk.decisions.item_minute(item_id)
    return option_words(
        pane_options(view, section_of(desk.papers.meeting_record(meeting_id), item_id))
    )


def minutes_words(desk: Desk, item_id: int, meeting_id: int) -> str | None:
    """The item's section of the plain-text minutes (None: the item is not minuted), checked
    to be in the text export as written."""
    minutes = minutes_of(desk.papers.meeting_record(meeting_id), include_exempt=True)
    section = minutes.section_of(item_id)
    if section is None:
        return None
    chunks = section_chunks(section)
    exported = desk.papers.render_paper(meeting_id, "minutes", "txt", include_exempt=True).decode()
    assert "\n\n".join(chunks) in exported
    body = chunks[2:] if section.confidential else chunks[1:]
    return words("\n\n".join(body))


# ---- random clerk actions ---------------------------------------------------------------

NAMES = ("Paul Bradley", "Mick Brown", "Yvonne Clements", "Abdul Khan", "Kristina Murphy")
TEXTS = ("The report was presented", "Members asked about 101 calls", "That the report be noted")
item_index = st.integers(min_value=0, max_value=6)
person_index = st.integers(min_value=0, max_value=len(NAMES) - 1)
action = st.one_of(
    st.tuples(
        st.just("note"),
        item_index,
        st.sampled_from(("paragraph", "bullet")),
        st.sampled_from(TEXTS),
    ),
    st.tuples(st.just("resolution"), item_index, st.booleans(), st.sampled_from(TEXTS)),
    st.tuples(st.just("vote"), item_index, st.integers(0, 3), st.integers(0, 3)),
    st.tuples(
        st.just("declare"),
        item_index,
        person_index,
        st.sampled_from(("other", "disclosable-pecuniary")),
        st.sampled_from(("spoke-and-voted", "left-room")),
    ),
    st.tuples(st.sampled_from(("apologies", "arrive", "leave", "present")), person_index),
    st.tuples(st.just("start"), item_index),
    st.tuples(st.just("next")),
)


@contextmanager
def fresh_desk(template: Path) -> Iterator[tuple[Desk, FakeClock]]:
    folder = Path(tempfile.mkdtemp(prefix="pane-"))
    try:
        shutil.copyfile(template, folder / "demo.db")
        clock = FakeClock(datetime(2022, 3, 14, 13, 20))
        database = open_database(folder / "demo.db")
        try:
            yield Desk(database, clock), clock
        finally:
            database.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def perform(desk: Desk, meeting_id: int, step: tuple[object, ...]) -> None:
    items = [i.id for i in desk.agenda.meeting(meeting_id).items]
    people = {p.person.full_name: p.person.id for p in desk.chamber.live(meeting_id).roster}
    kind = step[0]
    try:
        if kind == "note":
            _, n, note_kind, text = step
            desk.decisions.add_note(items[int(n)], NoteFields(str(text), str(note_kind)))
        elif kind == "resolution":
            _, n, sub, text = step
            item = items[int(n)]
            parents = [
                r.id for r in desk.decisions.item_minute(item).resolutions if r.parent_id is None
            ]
            parent = parents[-1] if sub and parents else None
            desk.decisions.add_resolution(item, ResolutionFields(str(text), parent_id=parent))
        elif kind == "vote":
            _, n, yes, no = step
            fields = VoteFields(
                "That the report be noted", for_count=int(yes), against_count=int(no)
            )
            desk.decisions.record_vote(items[int(n)], fields, inquorate_confirmed=True)
        elif kind == "declare":
            _, n, who, declared, then = step
            desk.attendance.declare(
                meeting_id,
                items[int(n)],
                people[NAMES[int(who)]],
                kind=str(declared),
                nature="a contract with the force",
                action=str(then),
            )
        elif kind in ("apologies", "present"):
            desk.attendance.mark(meeting_id, people[NAMES[int(step[1])]], str(kind))
        elif kind == "arrive":
            desk.attendance.arrived_now(meeting_id, people[NAMES[int(step[1])]])
        elif kind == "leave":
            desk.attendance.left_now(meeting_id, people[NAMES[int(step[1])]])
        elif kind == "start":
            desk.chamber.start_item(meeting_id, items[int(step[1])])
        else:
            desk.chamber.next_item(meeting_id)
    except ClerkError:
        pass  # refused in words, as the clerk would be told: nothing was recorded


def march(desk: Desk) -> int:
    return next(m.id for m in desk.agenda.meetings() if m.date.isoformat() == "2022-03-14")


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(action, min_size=3, max_size=14))
def test_the_pane_says_what_the_minutes_say(
    _demo_template: Path, steps: list[tuple[object, ...]]
) -> None:
    with fresh_desk(_demo_template) as (desk, clock):
        meeting_id = march(desk)
        for name in NAMES[:3]:
            perform(desk, meeting_id, ("present", NAMES.index(name)))
        clock.set("13:30")
        perform(desk, meeting_id, ("start", 0))
        for step in steps:
            clock.advance(3)
            perform(desk, meeting_id, step)
        for item in desk.agenda.meeting(meeting_id).items:
            said = minutes_words(desk, item.id, meeting_id)
            if said is not None:
                assert pane_words(desk, item.id, meeting_id) == said, item.title
