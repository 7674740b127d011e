"""The three forms an agenda comes in (tab-separated text, a Markdown table, CSV): which one a file
is, where its table starts, and its item rows."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass

from clerk_tui.agenda_import.cells import Bad, Located, show
from clerk_tui.agenda_import.columns import (
    DEFAULT_TEXT_COLUMNS,
    DEFAULT_TEXT_NAMES,
    Layout,
    layout_from_header,
    row_values,
)
from clerk_tui.agenda_import.items import ITEM_NUMBER_RE, Draft, Sections

_MD_SEPARATOR_RE = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?")
_MD_PIPE_RE = re.compile(r"(?<!\\)\|")
_MD_BREAK_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _md_cells(line: str) -> list[str]:
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    cells = _MD_PIPE_RE.split(text)
    return [
        _MD_BREAK_RE.sub("\n", cell.replace("\\|", "|")).replace("**", "").replace("__", "").strip()
        for cell in cells
    ]


def _is_md_separator(line: str) -> bool:
    text = line.strip()
    return "-" in text and "|" in text and _MD_SEPARATOR_RE.fullmatch(text) is not None


def csv_cells(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def _split_cells(line: str, delimiter: str) -> list[str]:
    return line.split("\t") if delimiter == "\t" else csv_cells(line, delimiter)


@dataclass
class Found:
    form: str
    start: int  # index of the header row (or of the first item row when there is no header)
    layout: Layout
    has_header: bool
    delimiter: str = "\t"


def find_table(lines: Sequence[str]) -> Found | None:
    """Which form the file is in and where its table starts."""
    for index in range(len(lines) - 1):
        line = lines[index]
        if "|" in line and _is_md_separator(lines[index + 1]) and not _is_md_separator(line):
            layout = layout_from_header(_md_cells(line))
            if layout is not None:
                return Found("markdown", index, layout, True)
    for index, line in enumerate(lines):
        for delimiter in ("\t", ",", ";"):
            if delimiter not in line:
                continue
            layout = layout_from_header(_split_cells(line, delimiter))
            if layout is not None:
                form = "text" if delimiter == "\t" else "csv"
                return Found(form, index, layout, True, delimiter)
    default = Layout(dict(DEFAULT_TEXT_COLUMNS), DEFAULT_TEXT_NAMES)
    for index, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) >= 3 and ITEM_NUMBER_RE.fullmatch(cells[1].strip().rstrip(".")):
            return Found("text", index, default, False)
    return None


def no_table_message(lines: Sequence[str]) -> str:
    for index in range(len(lines) - 1):
        if "|" in lines[index] and _is_md_separator(lines[index + 1]):
            return (
                f"the Markdown table on line {index + 1} has no 'number' and 'title' columns "
                "in its header row"
            )
    return (
        "no agenda items found: expected tab-separated rows (papers, item, topic, approximate "
        "time) or a Markdown table or CSV with a header row number,title,..."
    )


def text_rows(
    lines: Sequence[str], found: Found, warnings: list[str], sections: Sections
) -> list[Draft]:
    """Rows of the text form (tab-separated), with continuation lines joined to their row."""
    drafts: list[Draft] = []
    layout = found.layout
    first = found.start + 1 if found.has_header else found.start
    continuing = False
    for index in range(first, len(lines)):
        line, number = lines[index], index + 1
        if not line.strip():
            continuing = False
            continue
        if "\t" not in line:
            if sections.seen(line, number):
                continuing = False
            elif continuing and drafts:
                target = "topic" if drafts[-1].split_topic else "description"
                joined = f"{drafts[-1].values.get(target, '')}\n{line.strip()}"
                drafts[-1].values[target] = joined.strip()
            elif line.strip().casefold().rstrip(":") != "agenda":
                warnings.append(f"line {number}: skipped {show(line, 60)} (not a table row)")
            continue
        cells = line.split("\t")
        if not any(cell.strip() for cell in cells):
            continue
        repeated = layout_from_header(cells)
        if repeated is not None:
            layout = repeated
            continuing = False
            continue
        if sections.heading_row(cells, layout, number):
            continuing = False
            continue
        try:
            values = row_values(cells, layout)
        except Bad as bad:
            raise Located(str(bad), number) from None
        drafts.append(Draft(number, values, layout.split_topic, sections.current))
        continuing = True
    return drafts


def markdown_rows(
    lines: Sequence[str], found: Found, warnings: list[str], sections: Sections
) -> list[Draft]:
    drafts: list[Draft] = []
    layout = found.layout
    index = found.start + 2
    while index < len(lines):
        line, number = lines[index], index + 1
        index += 1
        if not line.strip() or _is_md_separator(line):
            continue
        if "|" not in line:
            if not sections.seen(line, number):
                warnings.append(f"line {number}: skipped {show(line, 60)} (not a table row)")
            continue
        cells = _md_cells(line)
        if not any(cell.strip() for cell in cells):
            continue
        repeated = layout_from_header(cells)
        if repeated is not None:
            layout = repeated
            continue
        if sections.heading_row(cells, layout, number):
            continue
        try:
            values = row_values(cells, layout)
        except Bad as bad:
            raise Located(str(bad), number) from None
        drafts.append(Draft(number, values, layout.split_topic, sections.current))
    return drafts


def csv_rows(lines: Sequence[str], found: Found, sections: Sections) -> list[Draft]:
    drafts: list[Draft] = []
    layout = found.layout
    rows = [f"{line}\n" for line in lines[found.start + 1 :]]
    reader = csv.reader(rows, delimiter=found.delimiter, strict=True)
    offset = found.start + 1  # lines before the first row read
    consumed = 0
    while True:
        start = offset + consumed + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise Located(_csv_problem(error), start) from None
        consumed = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        repeated = layout_from_header(cells)
        if repeated is not None:
            layout = repeated
            continue
        if sections.heading_row(cells, layout, start):
            continue
        try:
            values = row_values(cells, layout)
        except Bad as bad:
            raise Located(str(bad), start) from None
        drafts.append(Draft(start, values, layout.split_topic, sections.current))
    return drafts


def _csv_problem(error: csv.Error) -> str:
    text = str(error)
    if "end of data" in text:
        return 'cannot read the CSV row: a quoted cell is never closed (a " is missing)'
    if "expected after" in text:
        return 'cannot read the CSV row: text after a closing " (write "" for a quote in a cell)'
    return f"cannot read the CSV row: {text}"


def preamble(lines: Sequence[str], found: Found) -> list[tuple[int, str]]:
    before = [(index + 1, line) for index, line in enumerate(lines[: found.start])]
    if found.form != "csv":
        return before
    flattened: list[tuple[int, str]] = []
    for number, line in before:
        cells = csv_cells(line, found.delimiter)
        while cells and not cells[-1].strip():
            cells.pop()
        if len(cells) > 1 and cells[0].strip().endswith(":"):
            text = f"{cells[0].strip()} {', '.join(c.strip() for c in cells[1:] if c.strip())}"
        else:
            text = found.delimiter.join(cells)
        flattened.append((number, text))
    return flattened
