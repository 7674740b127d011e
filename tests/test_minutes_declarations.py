"""Declarations of interest in the minutes: PRODUCT.md §5, against the reference meeting."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clerk_tui.minutes import (
    DeclarationRecord,
    Minutes,
    declaration_sentence,
    minutes_of,
)
from tests.export.reference_meeting import (
    reference_meeting,
)
from tests.minutes_support import section, texts


@pytest.fixture
def minutes() -> Minutes:
    return minutes_of(reference_meeting())


def test_none_declared(minutes: Minutes) -> None:
    assert texts(section(minutes, 613)) == ["None declared."]


def test_declarations_are_listed_in_the_declarations_item_only() -> None:
    """A declaration is printed once: under the declarations item, which lists them all."""
    record = reference_meeting()
    declaration = DeclarationRecord(
        "Cllr Bradley", "disclosable-pecuniary", nature="employed by the OPCC", action="left-room"
    )
    items = tuple(
        replace(i, declarations=(declaration,)) if i.minute_number == 621 else i
        for i in record.items
    )
    built = minutes_of(replace(record, items=items))
    # Item 11 is minute 621: the declarations item refers to it by its minute number.
    assert texts(section(built, 613)) == [
        "Cllr Bradley declared a disclosable pecuniary interest in Minute No. 621 (employed by "
        "the OPCC) and left the room during its consideration."
    ]
    assert not [
        t for s in built.sections for t in texts(s) if "declared" in t and s != section(built, 613)
    ]


def test_declarations_are_said_in_their_item_when_no_declarations_item_is_taken() -> None:
    record = reference_meeting()
    declaration = DeclarationRecord(
        "Cllr Bradley", "disclosable-pecuniary", nature="employed by the OPCC", action="left-room"
    )
    items = tuple(
        replace(i, declarations=(declaration,))
        if i.minute_number == 621
        else replace(i, state="withdrawn")
        if i.kind == "declarations"
        else i
        for i in record.items
    )
    built = minutes_of(replace(record, items=items))
    assert (
        "Cllr Bradley declared a disclosable pecuniary interest in this item (employed by the "
        "OPCC) and left the room during its consideration." in texts(section(built, 621))
    )
    assert sum("declared" in t for s in built.sections for t in texts(s)) == 1


def test_the_declarations_item_refers_to_items_by_minute_number() -> None:
    """Minute 613 reads "in Minute No. 620", not "in item 10" (item 10 is minute 620); an item
    with no minute number (deferred) keeps its item number."""
    record = reference_meeting()
    declaration = DeclarationRecord("Cllr Khan", "other", nature="a relative in the force")
    items = tuple(
        replace(i, declarations=(declaration,)) if i.id in (20, 99) else i for i in record.items
    )
    built = minutes_of(replace(record, items=items))
    assert texts(section(built, 613)) == [
        "Cllr Khan declared an interest in Minute No. 620 (a relative in the force).",
        "Cllr Khan declared an interest in item 13 (a relative in the force).",
    ]


@pytest.mark.parametrize(
    ("kind", "action", "expected"),
    [
        ("other-registrable", "stayed-did-not-vote",
         "Cllr X declared an other registrable interest in item 8 (n) and remained in the room "
         "but did not vote."),
        ("non-registrable", "spoke-and-voted",
         "Cllr X declared a non-registrable interest in item 8 (n) and spoke and voted."),
        ("other", "dispensation",
         "Cllr X declared an interest in item 8 (n) and took part under a dispensation."),
        ("disclosable pecuniary", "",
         "Cllr X declared a disclosable pecuniary interest in item 8 (n)."),
        ("other", "withdrew from the debate",
         "Cllr X declared an interest in item 8 (n) and withdrew from the debate."),
    ],
)  # fmt: skip
def test_declaration_wording(kind: str, action: str, expected: str) -> None:
    declaration = DeclarationRecord("Cllr X", kind, nature="n", action=action)
    assert declaration_sentence(declaration, item_label="8") == expected


def test_declaration_on_an_exempt_item_keeps_its_nature_out_of_public_minutes() -> None:
    declaration = DeclarationRecord("Cllr X", "other", nature="secret", action="private words")
    text = declaration_sentence(declaration, item_label="8", public_only=True)
    assert text == "Cllr X declared an interest in item 8."
