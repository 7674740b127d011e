"""Sentences a clerk types half of: an unknown kind of interest, full stops typed at the end of
a nature or an action, an exempt ground typed in full or with a stop."""

from __future__ import annotations

from clerk_tui.minutes import DeclarationRecord, declaration_sentence
from clerk_tui.minutes.wording import exempt_reason_text

LGA = "the Local Government Act 1972"


def test_an_unknown_kind_of_interest_is_an_interest() -> None:
    said = declaration_sentence(
        DeclarationRecord("Cllr Jones", "Curious Interest", "", ""), item_label="8"
    )
    assert said == "Cllr Jones declared an interest in item 8."


def test_full_stops_typed_after_the_nature_and_the_action_are_not_doubled() -> None:
    declaration = DeclarationRecord(
        "Cllr Jones", "other", "owns a boat.", "spoke only as a resident."
    )
    said = declaration_sentence(declaration, item_label=None)
    assert said.endswith(" in this item (owns a boat) and spoke only as a resident.")


def test_an_exempt_ground_typed_with_a_stop_or_in_full() -> None:
    assert (
        exempt_reason_text("paragraph 3 of Schedule 12A.")
        == f"paragraph 3 of Schedule 12A to {LGA}"
    )
    typed = "paragraph 1 of Schedule 12A to the Local Government Act 1972"
    assert exempt_reason_text(typed) == typed
