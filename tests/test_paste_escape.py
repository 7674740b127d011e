"""An escape key read together with the keys typed after it (a quick "escape y" to discard a
dialog's words, or keys that waited while the app was busy) stays the escape key and then those
keys: Textual's own parser typed the pair as "^y" into the field when another escape followed."""

from __future__ import annotations

import pytest
from textual import events

from clerk_tui.paste import CleanPasteParser
from tests.test_paste import END, START


def parsed(stream: str) -> list[str]:
    """The keys (by name) and pastes the app gets from ``stream``, read at once."""
    parser = CleanPasteParser()
    found = []
    for event in [*parser.feed(stream), *parser.feed("")]:
        if isinstance(event, events.Paste):
            found.append(f"paste {event.text}")
        elif isinstance(event, events.Key):
            found.append(event.key)
    return found


@pytest.mark.parametrize(
    ("stream", "keys"),
    [
        ("Apologies\x1by\x1b", [*"Apologies", "escape", "y", "escape"]),
        ("\x1bn\x1bT", ["escape", "n", "escape", "T"]),
        ("\x1b y", ["escape", "space", "y"]),
    ],
)
def test_an_escape_and_the_keys_after_it_stay_keys_in_order(stream: str, keys: list[str]) -> None:
    assert parsed(stream) == keys


@pytest.mark.parametrize(
    ("stream", "keys"),
    [
        ("\x1b[A\x1bOP", ["up", "f1"]),  # a cursor key, F1: sequences, not escape and a letter
        ("\x1b\x1b", ["escape", "escape"]),
    ],
)
def test_sequences_that_begin_with_escape_are_left_alone(stream: str, keys: list[str]) -> None:
    assert parsed(stream) == keys


def test_an_escape_before_a_paste_is_the_escape_key() -> None:
    assert parsed(f"\x1by{START}pasted{END}") == ["escape", "y", "paste pasted"]
