"""Exempt content never reaches a public export, in any format, and does reach an export
asked for with exempt items, marked CONFIDENTIAL."""

from __future__ import annotations

import io
import zipfile

import docx

from clerk_tui.export.docx import render_docx
from clerk_tui.export.markdown import render_markdown
from clerk_tui.export.text import render_text
from clerk_tui.minutes import minutes_of
from tests.export.exempt_meeting import SENTINEL, exempt_meeting


def docx_text(data: bytes) -> str:
    """Every XML part of the .docx, so nothing hides in a header, a table or the properties."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xml")
        )


def test_sentinel_in_no_public_export() -> None:
    public = minutes_of(exempt_meeting())
    text = render_text(public)
    markdown = render_markdown(public)
    word = docx_text(render_docx(public))
    for rendered in (text, markdown, word):
        assert SENTINEL not in rendered
        assert "CONFIDENTIAL" not in rendered
        assert "COMPLAINT AGAINST THE COMMISSIONER" in rendered
        assert "paragraph 3 of Schedule 12A to the Local Government Act 1972" in rendered
    assert "Cllr Samra left the meeting at 15:29 hours." in text  # movements are not exempt


def test_sentinel_in_every_export_with_exempt_items_and_confidential() -> None:
    confidential = minutes_of(exempt_meeting(), include_exempt=True)
    text = render_text(confidential)
    markdown = render_markdown(confidential)
    data = render_docx(confidential)
    for rendered in (text, markdown, docx_text(data)):
        assert SENTINEL in rendered
        assert "CONFIDENTIAL" in rendered
    assert text.startswith("DRAFT\n\nCONFIDENTIAL\n\n")
    assert "623 COMPLAINT AGAINST THE COMMISSIONER\n\nCONFIDENTIAL\n\n" in text
    document = docx.Document(io.BytesIO(data))
    for section in document.sections:
        assert "CONFIDENTIAL" in section.header.paragraphs[0].text
