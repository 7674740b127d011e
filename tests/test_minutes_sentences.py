"""The sentences the minutes write, as the clerk and the body word them (issue 13): an edit of
one sentence replaces its block and stays whatever is recorded later; a body's style sets the
default wording; a wording with an unknown placeholder is refused in one line."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clerk_tui.errors import ClerkError
from clerk_tui.minutes import (
    DeclarationRecord,
    MeetingRecord,
    Paragraph,
    minutes_of,
    section_of,
)
from clerk_tui.minutes.styles import STYLES, check_wording, styled
from tests.export.reference_meeting import (
    APOLOGIES,
    VOTE_616_SENTENCE,
    reference_meeting,
)
from tests.minutes_support import section, texts

APOLOGIES_ITEM = 12  # minute 612 (the reference's item ids are the minute numbers less 600)
DECLARATIONS_ITEM = 13
VOTE_ITEM = 16


def _paragraph(record: MeetingRecord, item_id: int, key: str) -> Paragraph:
    found = section_of(record, item_id)
    assert found is not None
    return next(
        b
        for b in found.blocks
        if isinstance(b, Paragraph) and b.source is not None and b.source.key == key
        if b.written is not None
    )


def test_an_edited_sentence_replaces_its_block_and_says_so() -> None:
    words = "Apologies were received from Cllr Brown and the Chief Executive."
    record = replace(reference_meeting(), edited={(APOLOGIES_ITEM, "apologies"): words})
    said = _paragraph(record, APOLOGIES_ITEM, "apologies")
    assert (said.text, said.edited, said.written) == (words, True, APOLOGIES)
    assert texts(section(minutes_of(record), 612)) == [words]
    # Unedited, the minutes' own words, marked as following the records.
    plain = _paragraph(reference_meeting(), APOLOGIES_ITEM, "apologies")
    assert (plain.text, plain.edited) == (APOLOGIES, False)


def test_an_edited_sentence_stays_whatever_is_recorded_later() -> None:
    words = "Apologies were received from Cllr Brown."
    record = replace(reference_meeting(), edited={(APOLOGIES_ITEM, "apologies"): words})
    attendees = tuple(
        replace(a, status="apologies") if a.name == "Lionel Walker" else a for a in record.attendees
    )
    later = replace(record, attendees=attendees)
    said = _paragraph(later, APOLOGIES_ITEM, "apologies")
    assert said.text == words and said.edited
    assert "Lionel Walker" in (said.written or "")  # what the records now say, for the pane


def test_the_vote_sentence_and_none_declared_can_be_edited() -> None:
    record = replace(
        reference_meeting(),
        edited={
            (VOTE_ITEM, "vote"): "Members voted 8 to 1; the recommendation fell.",
            (DECLARATIONS_ITEM, "none-declared"): "No declarations of interest were made.",
        },
    )
    minutes = minutes_of(record)
    assert "Members voted 8 to 1; the recommendation fell." in texts(section(minutes, 616))
    assert VOTE_616_SENTENCE not in texts(section(minutes, 616))
    assert texts(section(minutes, 613)) == ["No declarations of interest were made."]


def test_an_edit_is_the_items_own() -> None:
    """The same source on another item is another sentence: the edit does not follow it."""
    record = replace(reference_meeting(), edited={(99, "apologies"): "Elsewhere."})
    assert texts(section(minutes_of(record), 612)) == [APOLOGIES]


def test_a_body_style_words_the_vote_sentence() -> None:
    style = "Following a vote of members present, it was:"
    record = replace(reference_meeting(), styles={"vote": style})
    said = _paragraph(record, VOTE_ITEM, "vote")
    assert (said.text, said.edited) == (style, False)
    filled = replace(
        reference_meeting(),
        styles={"vote": "Members voted: {sentence}"},
    )
    assert _paragraph(filled, VOTE_ITEM, "vote").text == f"Members voted: {VOTE_616_SENTENCE}"


def test_a_style_with_the_count_placeholders() -> None:
    record = reference_meeting()
    item = next(i for i in record.items if i.id == VOTE_ITEM)
    vote = replace(item.votes[0], for_count=8, against_count=1, present=9, motion="That X")
    items = tuple(replace(i, votes=(vote,)) if i.id == VOTE_ITEM else i for i in record.items)
    styled_record = replace(
        record,
        items=items,
        styles={"vote": "{for} for, {against} against, {abstentions} abstaining: {outcome}."},
    )
    said = _paragraph(styled_record, VOTE_ITEM, "vote")
    assert said.text == "8 for, 1 against, 0 abstaining: not carried."


def test_a_body_style_words_the_apologies_and_an_edit_beats_it() -> None:
    record = replace(
        reference_meeting(), styles={"apologies": "Apologies were received from {names}."}
    )
    said = _paragraph(record, APOLOGIES_ITEM, "apologies")
    assert said.text.startswith("Apologies were received from ")
    assert said.text.removeprefix("Apologies were received from ") == APOLOGIES.removeprefix(
        "Apologies for non-attendance were received on behalf of "
    )
    edited = replace(record, edited={(APOLOGIES_ITEM, "apologies"): "Mine."})
    assert _paragraph(edited, APOLOGIES_ITEM, "apologies").text == "Mine."


def test_no_apologies_and_none_declared_follow_the_style() -> None:
    record = reference_meeting()
    nobody = replace(
        record,
        attendees=tuple(replace(a, status="present") for a in record.attendees),
        styles={"no-apologies": "There were no apologies.", "none-declared": "Nil."},
    )
    minutes = minutes_of(nobody)
    assert texts(section(minutes, 612)) == ["There were no apologies."]
    assert texts(section(minutes, 613)) == ["Nil."]


@pytest.mark.parametrize(
    ("kind", "wording", "refusal"),
    [
        ("vote", "{votes} for", "the vote sentence wording may hold {for} {against}"),
        ("apologies", "From {name}.", "not {name}"),
        ("none-declared", "None {x}.", "may hold no placeholders, not {x}"),
        ("vote", "It was {", "unmatched { or }"),
        ("vote", "{for:>3}", "a placeholder is a name in braces"),
        ("vote", "{0}", "a placeholder is a name in braces"),
        ("speech", "Hello", "the minutes write no 'speech' sentence"),
    ],
)
def test_a_wording_with_an_unknown_placeholder_is_refused_in_one_line(
    kind: str, wording: str, refusal: str
) -> None:
    with pytest.raises(ClerkError) as raised:
        check_wording(kind, wording)
    assert refusal in str(raised.value)
    assert "\n" not in str(raised.value)


def test_every_documented_placeholder_is_accepted_and_filled() -> None:
    for style in STYLES.values():
        wording = " ".join(f"{{{name}}}" for name in style.placeholders) or "Plain."
        assert check_wording(style.kind, f"  {wording}  ") == wording
    braces = "Braces {{as typed}}: {outcome}"
    assert check_wording("vote", braces) == braces
    assert styled({"vote": "Braces {{kept}}: {outcome}"}, "vote", "x", outcome="carried") == (
        "Braces {kept}: carried"
    )


def test_a_stored_wording_that_no_longer_checks_gives_way_to_the_generated_words() -> None:
    assert styled({"vote": "{votes}"}, "vote", "The motion was carried.") == (
        "The motion was carried."
    )
    assert styled({}, "vote", "The motion was carried.") == "The motion was carried."


def test_a_reworded_declaration_on_an_exempt_item_stays_out_of_the_public_minutes() -> None:
    record = reference_meeting()
    declaration = DeclarationRecord("Cllr Jones", "other", "SECRET-NATURE", id=5)
    items = tuple(
        replace(i, exempt=True, declarations=(declaration,)) if i.minute_number == 621 else i
        for i in record.items
    )
    words = "Cllr Jones declared an interest (SECRET-NATURE)."
    edited = replace(record, items=items, edited={(DECLARATIONS_ITEM, "declaration-5"): words})
    assert "SECRET-NATURE" not in " ".join(texts(section(minutes_of(edited), 613)))
    confidential = minutes_of(edited, include_exempt=True)
    assert texts(section(confidential, 613)) == [words]
