"""clerk_tui.text: the one rule for text at the door, as a function."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_tui.text import clean_text, first_unwanted

# What XML 1.0 (and so a Word file) can hold.
XML_CHAR = re.compile("^[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*$")


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("The report be noted.", "The report be noted."),
        ("Line one\r\nLine two\rLine three", "Line one\nLine two\nLine three"),
        ("col\tumn", "col\tumn"),
        ("\x1b[31mred\x1b[0m text", "red text"),
        ("\x1b]8;;http://example.org\x1b\\link\x1b]8;;\x1b\\ here", "link here"),
        ("title\x1b]0;unfinished\nnext line kept", "title\nnext line kept"),
        ("bell\x07 and NUL\x00 gone", "bell and NUL gone"),
        ("non-characters \ufffe\uffff\ufdd0\U0010ffff gone", "non-characters  gone"),
        ("lone \ud800 surrogate", "lone  surrogate"),
        ("C1 \x85\x9b0m controls", "C1  controls"),
        ("REPORT \u202eevil\u202c \u2067isolate\u2069\ufeff", "REPORT evil isolate"),
        ("Ms O’Keefe – café 😀\xa0£5", "Ms O’Keefe – café 😀\xa0£5"),
        ("", ""),
    ],
)
def test_clean_text_keeps_the_words_and_drops_what_no_paper_can_hold(typed: str, kept: str) -> None:
    assert clean_text(typed) == kept


@given(st.text())
def test_clean_text_is_xml_safe_escape_free_and_idempotent(typed: str) -> None:
    cleaned = clean_text(typed)
    assert XML_CHAR.match(cleaned)
    assert "\x1b" not in cleaned and "\r" not in cleaned
    assert clean_text(cleaned) == cleaned
    assert first_unwanted(cleaned) is None


def test_first_unwanted_names_the_character() -> None:
    assert first_unwanted("fine\nthen \x07 bell") == "U+0007"
    assert first_unwanted("all fine\r\n") is None
