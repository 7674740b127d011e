"""The debate minuted from a real SQLite file (issue 15): a motion, an amendment lost, one
carried, the substantive motion confirmed and carried on a recorded vote, all through
``desk.debate`` and ``desk.decisions``, and three public speakers (written as rows: their
service is another slice's), exported as plain text and compared line by line with the text
written by hand; then a motion's sentence reworded by the clerk, and undone."""

from __future__ import annotations

from datetime import timedelta

from clerk_tui.desk import Desk
from clerk_tui.desk.debate_fields import MotionFields
from clerk_tui.desk.decisions import VoteFields
from clerk_tui.minutes import MOTION_LABEL
from db import models
from tests.conftest import FakeClock
from tests.screens.decision_harness import set_room
from tests.test_decisions import march_meeting, person_id

FOR = ("Paul Bradley", "Mick Brown", "Yvonne Clements", "Jasbir Jaspal", "Abdul Khan")
AGAINST = ("Waheed Rasab", "Suky Samra")
ABSTAIN = ("Kristina Murphy", "Lionel Walker")

EXPECTED = """\
Mr Green spoke in objection to the application; Ms Black spoke in support of the application.

It was moved by Cllr Bradley and seconded by Cllr Brown that the Panel endorse the precept.

An amendment was moved by Cllr Khan and seconded by Cllr Samra to delete “endorse” and insert \
“reject”.

On being put to the vote the amendment was lost (2 for, 7 against).

An amendment was moved by Cllr Clements and seconded by Cllr Jaspal to add “in full”.

On being put to the vote the amendment was carried (6 for, 2 against, 1 abstention).

The amended motion then became the substantive motion: That the Panel endorse the whole precept.

The substantive motion was then put and carried (5 for, 2 against, 2 abstentions).

A recorded vote having been requested, the voting was as follows:

For: Cllr Bradley, Cllr Brown, Cllr Clements, Cllr Jaspal, Cllr Khan
Against: Cllr Rasab, Cllr Samra
Abstained: Kristina Murphy, Lionel Walker

RESOLVED: -

That the Panel endorse the whole precept."""


def _debate(desk: Desk, item: int) -> int:
    """The speakers heard and the debate recorded on ``item``; the motion's id."""
    with desk.store.recording(march_meeting(desk)) as changes:
        for position, (name, capacity) in enumerate(
            (("Mr Green", "public-objection"), ("Ms Black", "public-support")),
        ):
            start = changes.at + timedelta(minutes=3 * position)
            changes.add(
                models.Speaker(
                    item_id=item,
                    position=position,
                    name=name,
                    capacity=capacity,
                    started_at=start,
                    ended_at=start + timedelta(seconds=170),
                    created_at=changes.at,
                ),
                f"{name} to speak",
            )
        changes.add(
            models.Speaker(
                item_id=item,
                position=2,
                name="Mrs White",
                capacity="public-objection",
                created_at=changes.at,
            ),
            "Mrs White to speak",
        )

    def moved(text: str, mover: str, seconder: str, amends: int | None = None) -> int:
        fields = MotionFields(
            text, person_id(desk, mover), person_id(desk, seconder), amends_id=amends
        )
        return desk.debate.move_motion(item, fields).id

    def vote(motion: int, for_count: int, against: int, abstentions: int = 0) -> None:
        counts = VoteFields(
            "",
            for_count=for_count,
            against_count=against,
            abstentions=abstentions,
            motion_id=motion,
        )
        desk.decisions.record_vote(item, counts)

    motion = moved("That the Panel endorse the precept.", "Paul Bradley", "Mick Brown")
    vote(moved("to delete “endorse” and insert “reject”", "Abdul Khan", "Suky Samra", motion), 2, 7)
    vote(moved("to add “in full”", "Yvonne Clements", "Jasbir Jaspal", motion), 6, 2, 1)
    desk.debate.confirm_substantive(motion, "That the Panel endorse the whole precept.")
    choices = tuple(
        (person_id(desk, name), choice)
        for names, choice in ((FOR, "for"), (AGAINST, "against"), (ABSTAIN, "abstain"))
        for name in names
    )
    desk.decisions.record_vote(
        item, VoteFields("", method="recorded", choices=choices, motion_id=motion)
    )
    return motion


def _item_text(desk: Desk) -> str:
    """Item 8's section of the plain-text minutes, heading and closing dots left out."""
    text = desk.papers.render_paper(march_meeting(desk), "minutes", "txt").decode()
    return text.split("REBUILDING NEIGHBOURHOOD POLICING\n\n", 1)[1].split("\n\n.....", 1)[0]


def test_a_stored_debate_is_minuted_as_written_by_hand(demo_desk: Desk, clock: FakeClock) -> None:
    item = set_room(demo_desk, clock)
    _debate(demo_desk, item)
    lines = _item_text(demo_desk).splitlines()
    expected = EXPECTED.splitlines()
    for number, (got, wanted) in enumerate(zip(lines, expected, strict=False), 1):
        assert got == wanted, f"line {number}"
    assert len(lines) == len(expected)
    assert MOTION_LABEL not in _item_text(demo_desk)


def test_a_motions_sentence_reworded_is_printed_in_its_place_and_undone(
    demo_desk: Desk, clock: FakeClock
) -> None:
    item = set_room(demo_desk, clock)
    motion = _debate(demo_desk, item)
    said = EXPECTED.splitlines()[2]  # "It was moved by Cllr Bradley …"
    assert said.startswith("It was moved by Cllr Bradley")
    assert said in _item_text(demo_desk)
    demo_desk.sentences.edit_sentence(item, f"motion-{motion}", "Cllr Bradley moved the precept.")
    assert "\n\nCllr Bradley moved the precept.\n\n" in _item_text(demo_desk)
    assert said not in _item_text(demo_desk)
    words = demo_desk.undo.undo_last(march_meeting(demo_desk))
    assert words is not None and "a motion's sentence" in words
    assert said in _item_text(demo_desk)
