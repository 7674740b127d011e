"""The debate in every format (issue 15): the debated item of the hand-written expected text
(speakers, a motion, an amendment lost and one carried, the substantive motion on a recorded
vote) exported as Word, PDF, HTML, Markdown and plain text, and each file read back the way its
reader reads it: every sentence in order, and the recorded vote's names after its introduction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from docx.table import Table

from clerk_tui.export.docx import render_docx
from clerk_tui.export.html import render_minutes_html
from clerk_tui.export.markdown import render_markdown
from clerk_tui.export.pdf import render_minutes_pdf
from clerk_tui.export.text import render_text
from clerk_tui.minutes import Minutes, minutes_of
from clerk_tui.minutes.said import RECORDED_VOTE
from tests.export import docx_reading, html_parse, pdf_support
from tests.test_minutes_debate_expected import EXPECTED, RECORD

# The item's sentences as the expected text has them: from the speakers' to the recorded vote's
# introduction (the heading before them, the names and RESOLVED after them aside).
SENTENCES = EXPECTED.split("\n\n")[1:10]
NAMES = [
    ("For", "Cllr Evans, Cllr Patel, Cllr Ward"),
    ("Against", "Cllr Hughes"),
    ("Abstained", "Cllr Jones"),
]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _in_order(text: str, wanted: list[str]) -> None:
    """Each of ``wanted`` in ``text`` (its spacing and line breaks aside), one after another."""
    flat, at = _flat(text), 0
    for sentence in wanted:
        found = flat.find(_flat(sentence), at)
        assert found >= 0, sentence
        at = found + len(_flat(sentence))


def _docx(minutes: Minutes) -> str:
    """The document's body in reading order, a table's rows as "For | names" lines."""
    document = docx_reading.read(render_docx(minutes))
    parts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            parts += [" | ".join(c.text for c in row.cells) for row in block.rows]
        else:
            parts.append(block.text)
    return "\n".join(parts)


def _pdf(minutes: Minutes) -> str:
    return " ".join(pdf_support.words(pdf_support.read(render_minutes_pdf(minutes))))


def _html(minutes: Minutes) -> str:
    page = render_minutes_html(minutes)
    html_parse.parse(page)  # well-formed
    tags = html_parse.Tags(page)
    assert not tags.mismatched and not tags.open
    return " | ".join(_flat(piece) for piece in tags.data if piece.strip())


FORMATS: dict[str, Callable[[Minutes], str]] = {
    "docx": _docx,
    "pdf": _pdf,
    "html": _html,
    "md": render_markdown,
    "txt": render_text,
}


@pytest.mark.parametrize("form", FORMATS)
def test_every_format_prints_the_debate_in_order(form: str) -> None:
    text = FORMATS[form](minutes_of(RECORD))
    _in_order(text, SENTENCES)
    # The names come after the recorded vote's introduction, before RESOLVED.
    after = _flat(text).split(RECORDED_VOTE, 1)[1].split("RESOLVED", 1)[0]
    for row, names in NAMES:
        assert row in after and names in after, (row, names)
        assert after.index(row) < after.index(names)


@pytest.mark.parametrize("form", FORMATS)
def test_every_format_keeps_an_exempt_items_debate_out_of_the_public_minutes(form: str) -> None:
    exempt = replace(RECORD, items=(replace(RECORD.items[0], exempt=True),))
    public = FORMATS[form](minutes_of(exempt))
    for sentence in SENTENCES:
        assert _flat(sentence) not in _flat(public)
    assert "Schedule 12A" in _flat(public)
