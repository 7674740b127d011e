"""A paste holding escape characters reaches the app as one Paste event, in order, clean —
however the terminal splits it between reads (Textual's own parser sends what follows an
escape inside a paste as key presses before the paste)."""

from __future__ import annotations

import pytest
from textual import events

from clerk_tui.paste import CleanPasteParser

START, END = "\x1b[200~", "\x1b[201~"


def parsed(*chunks: str) -> list[tuple[str, str]]:
    parser = CleanPasteParser()
    found = []
    for chunk in (*chunks, ""):
        for event in parser.feed(chunk):
            if isinstance(event, events.Paste):
                found.append(("paste", event.text))
            elif isinstance(event, events.Key):
                found.append(("key", event.character or event.key))
    return found


STREAM = f"{START}AAA\x1b[31mBBB\x1b[0m CCC\x1b]0;title\x07 DDD{END}END"
WHOLE = [("paste", "AAABBB CCC DDD"), ("key", "E"), ("key", "N"), ("key", "D")]


def test_a_paste_with_escape_sequences_is_one_paste_in_order() -> None:
    assert parsed(STREAM) == WHOLE


@pytest.mark.parametrize("cut", range(1, len(STREAM)))
def test_however_the_terminal_splits_it(cut: int) -> None:
    assert parsed(STREAM[:cut], STREAM[cut:]) == WHOLE


def test_outside_a_paste_keys_and_escape_sequences_are_untouched() -> None:
    # The up arrow and a plain escape key, then a paste with no escape at all.
    found = parsed("a\x1b[A", f"{START}plain text{END}")
    assert found[0] == ("key", "a")
    assert ("paste", "plain text") in found
    assert len(found) == 3


def test_control_characters_in_a_paste_go_and_lines_stay() -> None:
    assert parsed(f"{START}one\rtwo\x00\x07 three\ttab{END}") == [("paste", "one\ntwo three\ttab")]
