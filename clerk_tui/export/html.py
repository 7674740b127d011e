"""The papers as one self-contained, semantic HTML page each (see :mod:`html_page` for the
frame): what a council can put on its website as it is.

The minutes: DRAFT (while a draft) and CONFIDENTIAL in the page's header, the heading as the
one ``h1``, PRESENT and ALSO PRESENT as labelled lists, an ``h2`` per minute, bullets as a
list, "RESOLVED: -" and the resolutions as an ordered list numbered i., ii. (sub-points a., b.)
by the list itself, so the numbers shown are the blocks' labels and a screen reader announces
a list of so many items; a recorded vote as a table; the closing line and a signature block.
The agenda sheet and the action tracker: their heading, their lines and their tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from clerk_tui.export.agenda_sheet import COLUMNS as AGENDA_COLUMNS
from clerk_tui.export.agenda_sheet import AgendaSheet, header_line, info_lines
from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.html_page import element, lines, markings, page, table, text
from clerk_tui.export.tracker import (
    COLUMNS as TRACKER_COLUMNS,
)
from clerk_tui.export.tracker import (
    COMPLETED_TITLE,
    OUTSTANDING_TITLE,
    ActionRow,
    confidential,
    split_rows,
    tracker_title,
)
from clerk_tui.minutes import (
    ALSO_PRESENT_LABEL,
    CONFIDENTIAL_MARKER,
    DRAFT_MARKER,
    PRESENT_LABEL,
    RESOLVED_LABEL,
    Block,
    Bullets,
    Minutes,
    NamedVote,
    Paragraph,
    Resolved,
    Section,
    letter,
    long_date,
    roman,
)

CONFIDENTIAL_BANNER = f"{CONFIDENTIAL_MARKER} — contains exempt information"
VOTE_CAPTION = "Recorded vote"
VOTE_COLUMNS = ("Vote", "Members")
DATE_LABEL = "Date"
SIGNATURE_LINE_DOTS = 8  # the dotted line, eight times over: room to sign on paper
_HIGHEST_LABEL = 1000  # labels are looked up this far: further than any list a meeting resolves


def _list(items: Iterable[str], **attributes: str) -> str:
    return element("ul", lines(element("li", text(i)) for i in items), **attributes)


def _value(label: str, numbering: Callable[[int], str]) -> int | None:
    """The number a label shows: "iv." → 4 (``roman``), "b." → 2 (``letter``); None when no
    number does."""
    return next((n for n in range(1, _HIGHEST_LABEL) if f"{numbering(n)}." == label), None)


def ordered(items: Sequence[tuple[str, str]], kind: str) -> str:
    """A list of ``(label, markup)`` items: an ``<ol>`` of ``type`` "i" (roman) or "a"
    (letters) whose numbering shows the labels exactly (``start`` where the first is not
    1); labels that do not follow one another from there are written as typed instead."""
    numbering = roman if kind == "i" else letter
    first = _value(items[0][0], numbering)
    if first is not None and all(
        label == f"{numbering(first + n)}." for n, (label, _) in enumerate(items)
    ):
        lis = lines(element("li", markup) for _, markup in items)
        start = {"start": str(first)} if first != 1 else {}
        return element("ol", lis, type=kind, **start)
    lis = lines(
        element("li", f"{text(label)} {markup}" if label else markup) for label, markup in items
    )
    return element("ol", lis, class_="labelled")


def _resolved(block: Resolved) -> list[str]:
    parts = [element("p", element("strong", text(RESOLVED_LABEL)), class_="label")]
    resolutions = block.resolutions
    if len(resolutions) == 1 and not resolutions[0].label:
        only = resolutions[0]
        parts.append(element("p", text(only.text)))
        if only.children:
            parts.append(ordered([(s.label, text(s.text)) for s in only.children], "a"))
        return parts
    items = [
        (
            r.label,
            text(r.text)
            + (ordered([(s.label, text(s.text)) for s in r.children], "a") if r.children else ""),
        )
        for r in resolutions
    ]
    parts.append(ordered(items, "i"))
    return parts


def block_html(block: Block) -> list[str]:
    match block:
        case Paragraph(text=words):
            return [element("p", text(words))]
        case Bullets(items=items):
            return [_list(items)]
        case Resolved():
            return _resolved(block)
        case NamedVote(rows=rows):
            cells = [[text(name), text(", ".join(names) or "None")] for name, names in rows]
            return [table(VOTE_COLUMNS, cells, caption=VOTE_CAPTION, row_headers=True)]
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover


def section_html(section: Section) -> str:
    parts = [element("h2", text(section.heading))]
    if section.confidential:
        parts.append(element("p", element("strong", text(CONFIDENTIAL_MARKER)), class_="label"))
    for block in section.blocks:
        parts.extend(block_html(block))
    return element("section", lines(parts))


def _attendance(label: str, names: tuple[str, ...], key: str) -> str:
    """PRESENT: - and its names: a section labelled by its label, not a heading (the minutes'
    headings are the minutes)."""
    parts = [element("p", element("strong", text(label)), class_="label", id=key)]
    if names:
        parts.append(_list(names, class_="names"))
    return element("section", lines(parts), **{"aria-labelledby": key})


def _signature(minutes: Minutes) -> str:
    line = element(
        "span", text(minutes.dotted_line * SIGNATURE_LINE_DOTS), **{"aria-hidden": "true"}
    )
    rows = [f"{text(minutes.chair_line.capitalize())} {line}", f"{text(DATE_LABEL)} {line}"]
    return element("div", "".join(element("p", r) for r in rows), class_="signature")


def render_minutes_html(minutes: Minutes, info: DocumentInfo | None = None) -> str:
    """The minutes as one HTML page (a str: the service writes it as UTF-8)."""
    if info is None:
        title = f"{DRAFT_MARKER} {minutes.heading}" if minutes.draft else minutes.heading
        info = DocumentInfo(title)
    marks = [DRAFT_MARKER] if minutes.draft else []
    if minutes.confidential:
        marks.append(CONFIDENTIAL_BANNER)
    parts = [element("h1", text(minutes.heading))]
    parts.append(_attendance(PRESENT_LABEL, minutes.present, "present"))
    if minutes.also_present:
        parts.append(_attendance(ALSO_PRESENT_LABEL, minutes.also_present, "also-present"))
    parts.extend(section_html(section) for section in minutes.sections)
    if minutes.closing:
        parts.append(element("p", text(minutes.closing)))
    parts.append(_signature(minutes))
    return page(info, [markings(marks), element("main", lines(parts))])


def render_agenda_html(sheet: AgendaSheet, info: DocumentInfo | None = None) -> str:
    """The agenda front sheet: its heading, its lines (venue, livestream, contact officer...)
    and the agenda as a table, each topic in capitals with its description and any note that
    the item is not for publication."""
    info = info or DocumentInfo(header_line(sheet))
    rows = []
    for item in sheet.items:
        topic = [element("p", element("strong", text(item.title.strip().upper())))]
        topic.extend(
            element("p", text(extra))
            for extra in (item.description.strip(), item.exempt_note)
            if extra
        )
        rows.append(
            [text(item.papers_cell), text(item.number), "".join(topic), text(item.time_cell)]
        )
    parts = [
        element("h1", text(header_line(sheet))),
        *(element("p", text(line)) for line in info_lines(sheet, markdown=False)),
        element("h2", "Agenda", id="agenda"),
        table(AGENDA_COLUMNS, rows, labelled_by="agenda"),
    ]
    return page(info, [element("main", lines(parts))])


def render_tracker_html(
    rows: Iterable[ActionRow],
    info: DocumentInfo | None = None,
    *,
    body_name: str = "",
    as_of: date | None = None,
) -> str:
    """The action tracker on landscape A4: "Outstanding Actions" and "Completed Actions",
    each a table (or "None."), an exempt item's action led by "EXEMPT – " in a confidential
    copy, which says CONFIDENTIAL at its top."""
    outstanding, completed = split_rows(rows)
    info = info or DocumentInfo(tracker_title(body_name))
    parts = [element("h1", text(tracker_title(body_name)))]
    if as_of is not None:
        parts.append(element("p", text(f"{DATE_LABEL} {long_date(as_of)}")))
    for title, group in ((OUTSTANDING_TITLE, outstanding), (COMPLETED_TITLE, completed)):
        key = title.lower().replace(" ", "-")
        parts.append(element("h2", text(title), id=key))
        if group:
            cells = [[text(c) for c in r.marked_cells] for r in group]
            parts.append(table(TRACKER_COLUMNS, cells, narrow=2, labelled_by=key))
        else:
            parts.append(element("p", "None."))
    header = markings([CONFIDENTIAL_BANNER] if confidential([*outstanding, *completed]) else [])
    body = element("main", lines(parts))
    return page(info, [header, body], landscape=True)
