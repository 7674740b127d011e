"""HTML minutes: a well-formed page that says what it is, its headings and lists counted
against the minutes' blocks, the clerk's text verbatim and never read as markup, nothing
loaded from anywhere, exempt matter only in a confidential copy."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.html import render_minutes_html
from clerk_tui.minutes import (
    Bullets,
    MeetingRecord,
    Minutes,
    NamedVote,
    NoteRecord,
    NumberedResolution,
    Paragraph,
    ResolutionRecord,
    Resolved,
    Section,
    SubPoint,
    minutes_of,
)
from tests.export.exempt_meeting import EXEMPT_TITLE, SENTINEL, exempt_meeting
from tests.export.html_parse import Tags, parse, words
from tests.export.reference_meeting import ALSO_PRESENT, HEADING, HEADINGS, PRESENT

INFO = DocumentInfo(
    f"DRAFT {HEADING}", subject="West Midlands Police and Crime Panel", author="Sarah Fradgley"
)


def sections(root: ET.Element) -> list[ET.Element]:
    return [s for s in root.iter("section") if s.find("h2") is not None]


def expected_children(section: Section) -> list[str]:
    """The elements a minute's section holds, block by block, in order."""
    tags = ["h2"] + (["p"] if section.confidential else [])
    for block in section.blocks:
        match block:
            case Paragraph():
                tags.append("p")
            case Bullets():
                tags.append("ul")
            case Resolved(resolutions=resolutions):
                tags.append("p")  # RESOLVED: -
                if len(resolutions) == 1 and not resolutions[0].label:
                    tags.extend(["p", "ol"] if resolutions[0].children else ["p"])
                else:
                    tags.append("ol")
            case NamedVote():
                tags.append("table")
    return tags


def with_note(record: MeetingRecord, minute: int, text: str) -> MeetingRecord:
    note = NoteRecord("paragraph", text)
    items = tuple(
        replace(i, notes=(note, *i.notes)) if i.minute_number == minute else i for i in record.items
    )
    return replace(record, items=items)


def test_page_is_well_formed_and_says_what_it_is(minutes: Minutes) -> None:
    page = render_minutes_html(minutes, INFO)
    root = parse(page)
    assert root.get("lang") == "en-GB"
    head = root.find("head")
    assert head is not None
    assert head.find("meta[@charset='utf-8']") is not None
    assert words(head.find("title")) == INFO.title
    metas = {m.get("name"): m.get("content") for m in head.iter("meta") if m.get("name")}
    assert metas["author"] == "Sarah Fradgley"
    assert metas["description"] == "West Midlands Police and Crime Panel"
    assert len(list(head.iter("style"))) == 1
    tags = Tags(page)
    assert tags.mismatched == [] and tags.open == []
    assert tags.starts[0] == ("html", {"xmlns": "http://www.w3.org/1999/xhtml",
                                       "lang": "en-GB", "xml:lang": "en-GB"})  # fmt: skip


def test_page_without_info_is_titled_by_the_heading(minutes: Minutes) -> None:
    root = parse(render_minutes_html(minutes))
    assert words(root.find("head/title")) == f"DRAFT {HEADING}"
    assert not [m for m in root.iter("meta") if m.get("name") in ("author", "description")]


def test_headings_one_h1_and_an_h2_per_minute(minutes: Minutes) -> None:
    root = parse(render_minutes_html(minutes, INFO))
    assert [words(h) for h in root.iter("h1")] == [HEADING]
    assert [words(h) for h in root.iter("h2")] == list(HEADINGS)
    assert not [h for n in range(3, 7) for h in root.iter(f"h{n}")]


def test_present_and_also_present_are_labelled_lists(minutes: Minutes) -> None:
    root = parse(render_minutes_html(minutes, INFO))
    present, also = (root.find(f".//section[@aria-labelledby='{key}']")
                     for key in ("present", "also-present"))  # fmt: skip
    assert present is not None and also is not None
    assert words(present.find("p")) == "PRESENT: -"
    assert [words(li) for li in present.iter("li")] == list(PRESENT)
    assert words(also.find("p")) == "ALSO PRESENT: -"
    assert [words(li) for li in also.iter("li")] == list(ALSO_PRESENT)


def test_each_section_holds_its_blocks_in_order_with_their_text(minutes: Minutes) -> None:
    root = parse(render_minutes_html(minutes, INFO))
    found = sections(root)
    assert len(found) == len(minutes.sections)
    for section, element in zip(minutes.sections, found, strict=True):
        assert [child.tag for child in element] == expected_children(section)
        paragraphs = [words(p) for p in element.findall("p") if p.get("class") != "label"]
        wanted = [b.text for b in section.blocks if isinstance(b, Paragraph)] + [
            b.resolutions[0].text
            for b in section.blocks
            if isinstance(b, Resolved) and not b.resolutions[0].label
        ]
        assert sorted(paragraphs) == sorted(wanted)
        bullets = [b.items for b in section.blocks if isinstance(b, Bullets)]
        assert [tuple(words(li) for li in ul.findall("li")) for ul in element.findall("ul")] == (
            bullets
        )


def test_resolutions_are_ordered_lists_numbered_as_labelled(minutes: Minutes) -> None:
    root = parse(render_minutes_html(minutes, INFO))
    lists = [ol for ol in root.iter("ol")]
    numbered = [
        b.resolutions
        for s in minutes.sections
        for b in s.blocks
        if isinstance(b, Resolved) and b.resolutions[0].label
    ]
    assert len(numbered) == 4 and len(lists) == len(numbered)
    for ol, resolutions in zip(lists, numbered, strict=True):
        assert ol.get("type") == "i" and ol.get("start") is None
        assert [li.text for li in ol.findall("li")] == [r.text for r in resolutions]
    assert sum(len(ol.findall("li")) for ol in lists) == sum(len(r) for r in numbered)
    for section, element in zip(minutes.sections, sections(root), strict=True):
        resolved = [p for p in element.findall("p") if p.get("class") == "label"]
        count = sum(isinstance(b, Resolved) for b in section.blocks)
        assert [words(p) for p in resolved] == ["RESOLVED: -"] * count


def test_sub_points_are_lettered_lists_inside_their_resolution() -> None:
    record = exempt_meeting()
    items = tuple(
        replace(i, resolutions=(ResolutionRecord("That the Panel:", children=("a;", "b.")),
                                ResolutionRecord("Next;", children=("c",))))
        if i.minute_number == 614 else i
        for i in record.items
    )  # fmt: skip
    root = parse(render_minutes_html(minutes_of(replace(record, items=items))))
    section = sections(root)[HEADINGS.index("614 MINUTES OF LAST MEETING")]
    outer = section.find("ol")
    assert outer is not None and outer.get("type") == "i"
    first, second = outer.findall("li")
    assert first.text == "That the Panel:" and second.text == "Next;"
    assert [li.text for li in first.findall("ol[@type='a']/li")] == ["a;", "b."]
    assert [li.text for li in second.findall("ol[@type='a']/li")] == ["c"]


def test_a_single_resolution_is_a_paragraph_and_its_sub_points_a_list() -> None:
    block = Resolved((NumberedResolution("", "That it be noted:", (SubPoint("a.", "one"),)),))
    root = parse(render_minutes_html(one_section(block)))
    section = sections(root)[0]
    assert [words(p) for p in section.findall("p")] == ["RESOLVED: -", "That it be noted:"]
    assert [li.text for li in section.findall("ol[@type='a']/li")] == ["one"]


def one_section(*blocks: Paragraph | Bullets | Resolved | NamedVote) -> Minutes:
    section = Section(700, "ANY OTHER BUSINESS", blocks)
    return Minutes("MINUTES", False, False, ("Cllr A",), (), (section,), "Ended")


def test_labels_from_further_on_start_the_list_there() -> None:
    block = Resolved((NumberedResolution("iii.", "Third;"), NumberedResolution("iv.", "Fourth.")))
    ol = parse(render_minutes_html(one_section(block))).find(".//ol")
    assert ol is not None
    assert (ol.get("type"), ol.get("start")) == ("i", "3")


def test_labels_no_list_numbers_are_written_as_labelled() -> None:
    block = Resolved((NumberedResolution("(1)", "First;"), NumberedResolution("(2)", "Second.")))
    ol = parse(render_minutes_html(one_section(block))).find(".//ol")
    assert ol is not None
    assert ol.get("class") == "labelled" and ol.get("type") is None
    assert [li.text for li in ol.findall("li")] == ["(1) First;", "(2) Second."]


def test_named_vote_is_a_table_with_caption_and_scoped_headers() -> None:
    vote = NamedVote((("For", ("Cllr A", "Cllr B")), ("Against", ())))
    table = parse(render_minutes_html(one_section(vote))).find(".//table")
    assert table is not None
    assert words(table.find("caption")) == "Recorded vote"
    assert [(th.get("scope"), words(th)) for th in table.iter("th")] == [
        ("col", "Vote"), ("col", "Members"), ("row", "For"), ("row", "Against"),
    ]  # fmt: skip
    assert [words(td) for td in table.iter("td")] == ["Cllr A, Cllr B", "None"]


def test_closing_line_then_chair_and_date_to_sign(minutes: Minutes) -> None:
    main = parse(render_minutes_html(minutes, INFO)).find("body/main")
    assert main is not None
    closing, signature = list(main)[-2:]
    assert words(closing) == "The meeting ended at 15:30 hours"
    assert signature.get("class") == "signature"
    labels = [(p.text or "").strip() for p in signature.findall("p")]
    assert labels == ["Chair", "Date"]
    assert all(words(p).count(".") >= 20 for p in signature.findall("p"))


def test_draft_once_and_never_once_approved(minutes: Minutes) -> None:
    root = parse(render_minutes_html(minutes, INFO))
    body = root.find("body")
    assert body is not None
    assert words(body).count("DRAFT") == 1
    assert words(body.find("header/p")) == "DRAFT"
    approved = parse(render_minutes_html(replace(minutes, draft=False))).find("body")
    assert approved is not None and approved.find("header") is None
    assert "DRAFT" not in words(approved)


def test_public_copy_has_no_exempt_matter() -> None:
    page = render_minutes_html(minutes_of(exempt_meeting()))
    assert SENTINEL not in page
    assert "CONFIDENTIAL" not in page
    root = parse(page)
    assert f"623 {EXEMPT_TITLE.upper()}" in [words(h) for h in root.iter("h2")]
    assert "paragraph 3 of Schedule 12A to the Local Government Act 1972" in words(root)


def test_confidential_copy_is_marked_at_its_head_and_on_the_exempt_minute() -> None:
    root = parse(render_minutes_html(minutes_of(exempt_meeting(), include_exempt=True)))
    assert SENTINEL in words(root)
    header = root.find("body/header")
    assert header is not None
    assert [words(p) for p in header] == ["DRAFT", "CONFIDENTIAL — contains exempt information"]
    exempt = next(s for s in sections(root) if words(s.find("h2")).startswith("623"))
    assert words(exempt.find("p")) == "CONFIDENTIAL"


def test_clerk_text_is_text_never_markup() -> None:
    typed = '<script>alert("x")</script> & <b>bold</b> <a href="https://evil.example">x</a>'
    page = render_minutes_html(minutes_of(with_note(exempt_meeting(), 611, typed)))
    tags = Tags(page)
    assert tags.count("script") == tags.count("b") == tags.count("a") == 0
    assert typed in tags.data
    assert typed in [words(p) for p in parse(page).iter("p")]


def test_control_characters_are_cleaned_and_line_breaks_kept() -> None:
    typed = "First line\x1b[31m red\x1b[0m\x07\r\nsecond line\ufffe"
    page = render_minutes_html(minutes_of(with_note(exempt_meeting(), 611, typed)))
    assert "\x1b" not in page and "\x07" not in page and "\ufffe" not in page
    assert "First line red\nsecond line" in [words(p) for p in parse(page).iter("p")]


def test_no_external_resources(minutes: Minutes) -> None:
    tags = Tags(render_minutes_html(minutes, INFO))
    for tag in ("script", "link", "img", "iframe", "object", "a"):
        assert tags.count(tag) == 0
    assert not [a for _, attrs in tags.starts for a in attrs if a in ("src", "href")]
    assert "url(" not in render_minutes_html(minutes, INFO)
