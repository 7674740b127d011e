"""What every paper says about itself, whatever the body is called: a joint committee's name
and venue make a heading past Word's 255-character limit for a property (python-docx refuses
it), and an older database may hold a control character or a terminal escape in a name."""

from __future__ import annotations

import io

import docx
from pypdf import PdfReader

from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.docx import render_docx
from clerk_tui.export.html import render_minutes_html
from clerk_tui.export.pdf import render_minutes_pdf
from clerk_tui.minutes import minutes_of
from tests.export.reference_meeting import reference_meeting

LONG_BODY = (
    "Joint Health Overview and Scrutiny Committee of the Councils of Birmingham, Coventry, "
    "Dudley, Sandwell, Solihull, Walsall and Wolverhampton for the Review of Acute Hospital "
    "Services, Mental Health Provision and the Integrated Care Board's Five-Year Plan"
)
LONG_TITLE = (
    f"DRAFT MINUTES OF THE MEETING OF THE {LONG_BODY.upper()} HELD ON 29 NOVEMBER 2021 AT "
    "14:00 HOURS – COUNCIL HOUSE, VICTORIA SQUARE"
)


def test_a_title_longer_than_word_holds_is_shortened_not_refused() -> None:
    assert len(LONG_TITLE) > 255
    minutes = minutes_of(reference_meeting())
    data = render_docx(minutes, DocumentInfo(LONG_TITLE, subject=LONG_BODY, author="A. Clerk"))
    props = docx.Document(io.BytesIO(data)).core_properties
    assert len(props.title) == 255 and props.title.endswith("…")
    assert LONG_TITLE.startswith(props.title[:-1])
    assert props.subject == LONG_BODY  # under the limit: as it is


def test_control_characters_never_reach_a_papers_metadata() -> None:
    minutes = minutes_of(reference_meeting())
    info = DocumentInfo(
        "Minutes\x1b[31m of the Panel\x07", subject="Panel\x00", author="A.\x1bClerk"
    )
    reader = PdfReader(io.BytesIO(render_minutes_pdf(minutes, info)))
    meta = reader.metadata
    assert meta is not None
    for value in (meta.title, meta.subject, meta.author):
        assert value is not None and not any(ord(c) < 32 or c == "\x7f" for c in value)
    page = render_minutes_html(minutes, info)
    head = page[: page.index("</head>")]
    assert "\x1b" not in head and "\x07" not in head and "\x00" not in head
    props = docx.Document(io.BytesIO(render_docx(minutes, info))).core_properties
    assert "\x1b" not in props.title and "\x1b" not in props.author


def test_the_word_package_names_clerk_tui_and_carries_no_stock_thumbnail() -> None:
    import zipfile

    data = render_docx(minutes_of(reference_meeting()))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        app = archive.read("docProps/app.xml").decode()
    assert not any("thumbnail" in name for name in names)
    assert "<Application>clerk-tui</Application>" in app and "Macintosh" not in app
