"""The minutes as a tagged, accessible PDF, read back with pypdf: the text in reading order,
A4 pages, the structure tree, the language, the title, the fonts embedded."""

from __future__ import annotations

import dataclasses
import re

import pytest
from pypdf.generic import DictionaryObject

from clerk_tui.desk import Desk
from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.pdf import render_minutes_pdf
from clerk_tui.export.text import render_text
from clerk_tui.minutes import (
    DOTTED_LINE,
    DRAFT_MARKER,
    Bullets,
    Minutes,
    NamedVote,
    Paragraph,
    Resolved,
    Section,
)
from tests.export.pdf_support import page_lines, read, structure_tags, structure_text, words
from tests.test_exporting import NOVEMBER, meeting_id

A4 = (595.28, 841.89)
INFO = DocumentInfo(
    "DRAFT Minutes", subject="West Midlands Police and Crime Panel", author="Sarah Fradgley"
)


def expected_words(minutes: Minutes) -> list[str]:
    """The words of the text export, in order, as the PDF prints them: DRAFT in the page
    header (not the text), bullets as "•" labels, and the signature block "Chair" and "Date"
    in place of the dotted line and CHAIR."""
    text = render_text(minutes)
    assert text.startswith(f"{DRAFT_MARKER}\n\n")
    body = text.removeprefix(f"{DRAFT_MARKER}\n\n").removesuffix(
        f"{DOTTED_LINE}\n\n{minutes.chair_line}\n"
    )
    lines = [re.sub(r"^- ", "• ", line.strip()) for line in body.splitlines()]
    return [*" ".join(lines).split(), "Chair", "Date"]


def test_text_in_reading_order_is_the_minutes(minutes: Minutes) -> None:
    reader = read(render_minutes_pdf(minutes, INFO))
    assert words(reader) == expected_words(minutes)


def test_structure_tree_reads_the_minutes_in_order(minutes: Minutes) -> None:
    reader = read(render_minutes_pdf(minutes, INFO))
    assert " ".join(structure_text(reader)).split() == expected_words(minutes)


def test_every_page_is_a4_and_says_draft_once_and_its_number(minutes: Minutes) -> None:
    reader = read(render_minutes_pdf(minutes, INFO))
    assert len(reader.pages) > 2
    for number, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(A4)
        text = page.extract_text()
        assert text.count(DRAFT_MARKER) == 1
        assert f"Page {number} of {len(reader.pages)}" in text


def test_approved_minutes_say_no_draft(minutes: Minutes) -> None:
    approved = dataclasses.replace(minutes, draft=False)
    reader = read(render_minutes_pdf(approved, INFO))
    assert all(DRAFT_MARKER not in page.extract_text() for page in reader.pages)


def test_confidential_minutes_say_so_in_every_page_header(minutes: Minutes) -> None:
    secret = dataclasses.replace(minutes, confidential=True)
    reader = read(render_minutes_pdf(secret, INFO))
    for page in reader.pages:
        assert page.extract_text().splitlines()[0] == "CONFIDENTIAL – DRAFT"


def test_structure_tree_headings(minutes: Minutes) -> None:
    reader = read(render_minutes_pdf(minutes, INFO))
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    tags = structure_tags(reader)
    assert tags[0] == "Document"
    assert tags.count("H1") == 1
    assert tags.count("H2") == len(minutes.sections)
    assert {"P", "L", "LI", "Lbl", "LBody"} <= set(tags)
    # One L a list: each Bullets block, each RESOLVED list, each set of sub-points.
    blocks = [b for s in minutes.sections for b in s.blocks]
    resolutions = [r for b in blocks if isinstance(b, Resolved) for r in b.resolutions]
    lists = sum(isinstance(b, Bullets) for b in blocks)
    lists += sum(isinstance(b, Resolved) and b.resolutions[0].label != "" for b in blocks)
    lists += sum(bool(r.children) for r in resolutions)
    assert tags.count("L") == lists
    labelled = sum(bool(r.label) for r in resolutions)
    bullets = sum(len(b.items) for b in blocks if isinstance(b, Bullets))
    children = sum(len(r.children) for r in resolutions)
    assert tags.count("LI") == tags.count("Lbl") == labelled + bullets + children


def test_every_page_is_in_the_parent_tree(minutes: Minutes) -> None:
    reader = read(render_minutes_pdf(minutes, INFO))
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    nums = tree["/ParentTree"]["/Nums"]
    keys = [int(n) for n in nums[::2]]
    assert keys == list(range(len(reader.pages)))
    for index, page in enumerate(reader.pages):
        assert page["/StructParents"] == index
        content = page.get_contents().get_data().decode("latin-1")
        # Every MCID drawn has its element in the parent tree, and nothing is drawn unmarked.
        mcids = [int(m) for m in re.findall(r"/MCID (\d+)", content)]
        assert mcids == list(range(len(nums[2 * index + 1].get_object())))
        depth = 0
        for line in content.splitlines():
            depth += line.endswith(("BDC", "BMC")) - (line == "EMC")
            assert depth in (0, 1)
            if line.startswith("BT") or line.endswith(" S"):
                assert depth == 1, line
        assert depth == 0


def test_language_title_and_metadata(minutes: Minutes) -> None:
    reader = read(render_minutes_pdf(minutes, INFO))
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert reader.metadata is not None
    assert reader.metadata.title == "DRAFT Minutes"
    assert reader.metadata.subject == "West Midlands Police and Crime Panel"
    assert reader.metadata.author == "Sarah Fradgley"
    assert reader.metadata["/Producer"] == "clerk-tui"
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert xmp.dc_title == {"x-default": "DRAFT Minutes"}
    assert xmp.dc_language == ["en-GB"]
    raw = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "<pdfuaid:part>1</pdfuaid:part>" in raw


def test_fonts_embedded_as_subsets(minutes: Minutes) -> None:
    reader = read(render_minutes_pdf(minutes, INFO))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = set()
    for ref in fonts.values():
        font = ref.get_object()
        assert font["/Subtype"] == "/Type0"
        assert "/ToUnicode" in font
        cid = font["/DescendantFonts"][0].get_object()
        assert cid["/Subtype"] == "/CIDFontType2"
        descriptor = cid["/FontDescriptor"]
        assert isinstance(descriptor, DictionaryObject)
        assert len(descriptor["/FontFile2"].get_object().get_data()) > 1000
        names.add(str(font["/BaseFont"]).split("+")[1])
    assert names == {"LiberationSans-Regular", "LiberationSans-Bold"}


def test_any_character_typed_extracts_as_typed(minutes: Minutes) -> None:
    typed = "Cllr Łukasz Nowak – Café Zoë’s €5 — “quoted”"
    section = Section(700, "ANY OTHER BUSINESS", (Paragraph(typed),))
    changed = dataclasses.replace(
        minutes, present=("Cllr Łukasz Nowak – Dudley",), sections=(section,)
    )
    reader = read(render_minutes_pdf(changed, dataclasses.replace(INFO, author="Łukasz Nowak")))
    lines = page_lines(reader)[0]
    assert "Cllr Łukasz Nowak – Dudley" in lines
    assert typed in lines
    assert reader.metadata is not None
    assert reader.metadata.author == "Łukasz Nowak"


def test_a_character_the_font_lacks_still_reads_as_typed(minutes: Minutes) -> None:
    typed = "Agreed ✓ – 中 – tab\there, zero\u200bwidth"
    section = Section(700, "ANY OTHER BUSINESS", (Paragraph(typed),))
    reader = read(render_minutes_pdf(dataclasses.replace(minutes, sections=(section,)), INFO))
    assert "Agreed ✓ – 中 – tab here, zerowidth" in page_lines(reader)[-1]


def test_a_word_longer_than_a_line_is_cut_between_characters(minutes: Minutes) -> None:
    url = "https://example.org/" + "a1b2c3" * 800  # a pasted link of 4,800 characters
    section = Section(700, "ANY OTHER BUSINESS", (Paragraph(f"See {url} today."),))
    reader = read(render_minutes_pdf(dataclasses.replace(minutes, sections=(section,)), INFO))
    lines = [line for page in page_lines(reader) for line in page]
    start = lines.index("700 ANY OTHER BUSINESS") + 1
    end = lines.index("The meeting ended at 15:30 hours")
    assert len(lines[start:end]) > 40
    # Every character there, in order (extraction trims the space that ends a line).
    assert "".join(lines[start:end]).replace(" ", "") == f"See{url}today."


def test_named_vote_is_a_table(minutes: Minutes) -> None:
    vote = NamedVote((("For", ("Cllr Bradley", "Cllr Samra")), ("Against", ())))
    section = Section(700, "RECORDED VOTE", (vote,))
    reader = read(render_minutes_pdf(dataclasses.replace(minutes, sections=(section,)), INFO))
    tags = structure_tags(reader)
    assert tags.count("TR") == 3
    assert tags.count("TH") == 2
    assert tags.count("TD") == 4
    text = " ".join(page_lines(reader)[0])
    assert "Vote Members For Cllr Bradley, Cllr Samra Against None" in text
    xs: dict[str, float] = {}

    def visit(text: str, cm: object, tm: list[float], *_: object) -> None:
        xs.setdefault(text.strip(), tm[4])

    reader.pages[0].extract_text(visitor_text=visit)
    assert xs["Members"] - xs["Vote"] < 60  # the first column as narrow as "Against" lets it


def test_november_minutes_through_the_desk(demo_desk: Desk) -> None:
    meeting = meeting_id(demo_desk, NOVEMBER)
    data = demo_desk.papers.render_paper(meeting, "minutes", "pdf")
    reader = read(data)
    lines = [line for page in page_lines(reader) for line in page]
    assert lines[0].startswith("MINUTES OF THE MEETING")
    assert "611 NOTICE OF RECORDING" in lines
    assert lines[-2:] == ["Chair", "Date"]
    assert reader.metadata is not None
    assert reader.metadata.title is not None
    assert reader.metadata.title.startswith("DRAFT MINUTES OF THE MEETING")
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_outline_goes_to_each_heading(minutes: Minutes) -> None:
    reader = read(render_minutes_pdf(minutes, INFO))
    outline = reader.outline
    titles = [item.title for item in outline]
    assert titles == [minutes.heading, *(s.heading for s in minutes.sections)]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    pages = page_lines(reader)
    for item in outline:
        # Each bookmark opens the page its heading is printed on.
        assert item.title[:20] in " ".join(pages[reader.get_destination_page_number(item)])
