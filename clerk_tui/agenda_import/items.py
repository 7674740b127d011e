"""Item rows into items: the number, the papers and the exempt column read, the marks and
headings weighed, and the items checked against each other."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from clerk_tui.agenda_import.cells import HEADING_MARKS_RE, Bad, Located, show, unmark
from clerk_tui.agenda_import.columns import Layout
from clerk_tui.agenda_import.exempt import (
    DEFAULT_EXEMPT_REASON,
    EXCLUSION_RE,
    exempt_marks,
    paragraph_reason,
    section_mark,
)
from clerk_tui.agenda_import.model import ImportedItem, Papers
from clerk_tui.agenda_import.titles import kind_from_title, split_topic
from clerk_tui.agenda_import.when import try_time

_PAPERS_WORDS = {
    "": Papers.NONE,
    "none": Papers.NONE,
    "-": Papers.NONE,
    "–": Papers.NONE,
    "—": Papers.NONE,
    "n/a": Papers.NONE,
    "attached": Papers.ATTACHED,
    "to follow": Papers.TO_FOLLOW,
    "tabled": Papers.TABLED,
    "to be tabled": Papers.TABLED,
}


def _parse_papers(text: str) -> str:
    key = " ".join(text.split()).casefold().rstrip(".")
    papers = _PAPERS_WORDS.get(key)
    if papers is None:
        raise Bad(f"papers {show(text)} is not one of Attached, To Follow, Tabled or blank (none)")
    return papers.value


ITEM_NUMBER_RE = re.compile(
    r"[0-9]{1,3}(?:\.[0-9]{1,2}){0,2}(?:\s?[a-z]|\s?\([a-z]\)|\s?\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\))?",
    re.IGNORECASE,
)
_ITEM_PREFIX_RE = re.compile(r"(?:agenda\s+)?item\s*(?:no\.?\s*)?", re.IGNORECASE)


def _parse_number(text: str) -> str:
    label = " ".join(text.split())
    prefix = _ITEM_PREFIX_RE.match(label)
    if prefix is not None:
        label = label[prefix.end() :]
    label = label.rstrip(".").strip()
    if not label:
        raise Bad("the row has no item number")
    if ITEM_NUMBER_RE.fullmatch(label) is None:
        raise Bad(f"item number {show(text)} is not a number like 6, 6a or 6.1")
    return label


def _number_key(label: str) -> str:
    """Labels that name the same item ("6a", "6 (A)") share a key."""
    return "".join(ch for ch in label.casefold() if ch.isalnum() or ch == ".")


_YES = frozenset({"yes", "y", "true", "1", "x", "exempt"})
_NO = frozenset({"no", "n", "false", "0", ""})


def _parse_exempt(flag: str, reason: str, number: str) -> tuple[bool, str]:
    flag_text = " ".join(flag.split())
    reason_text = " ".join(reason.split())
    key = flag_text.casefold()
    if key in _YES:
        return True, reason_text
    if key in _NO:
        if reason_text and key:
            raise Bad(f"item {number} is marked not exempt ({show(flag_text)}) but has a reason")
        return bool(reason_text), reason_text
    # Anything else is the reason itself: "paragraph 3 of Schedule 12A".
    return True, reason_text or flag_text


@dataclass
class Draft:
    """An item row on its way to an :class:`ImportedItem` (continuation lines still append)."""

    line: int
    values: dict[str, str]
    split_topic: bool
    section: str = ""  # the "PART II – NOT FOR PUBLICATION" heading the item is under


@dataclass
class Sections:
    """The headings that divide an agenda into public and private parts, as the rows are read."""

    cautions: list[str]
    current: str = ""  # the exempt heading in force, or ""

    def seen(self, line: str, number: int) -> bool:
        """Whether ``line`` (not an item) is such a heading; the items after it follow it."""
        mark = section_mark(line)
        if mark is None:
            return False
        heading = " ".join(unmark(HEADING_MARKS_RE.sub("", line.strip())).split())
        self.current = heading if mark == "exempt" else ""
        if mark == "exempt":
            self.cautions.append(
                f"line {number}: the items under {show(heading, 60)} are imported as exempt"
            )
        return True

    def heading_row(self, cells: Sequence[str], layout: Layout, number: int) -> bool:
        """A row with no item number whose words are such a heading ("| | PART II | |")."""
        index = layout.columns["number"]
        if index < len(cells) and cells[index].strip():
            return False
        return self.seen(" ".join(c.strip() for c in cells if c.strip()), number)


def _finish(draft: Draft, cautions: list[str]) -> ImportedItem:
    values = draft.values
    number = _parse_number(values.get("number", ""))
    if draft.split_topic:
        title, description = split_topic(values.get("topic", ""))
    else:
        title = " ".join(unmark(values.get("title", "")).split())
        description = values.get("description", "").strip()
    if not title:
        raise Bad(f"item {number} has no title")
    time_text = values.get("time", "").strip()
    approximate_time: dt.time | None = None
    try:
        if time_text:
            approximate_time = try_time(time_text)
            if approximate_time is None:
                raise Bad(f"cannot read the time {show(time_text)} (write it as 13:30 or 1.30pm)")
        papers = _parse_papers(values.get("papers", ""))
    except Bad as bad:
        raise Bad(f"item {number}: {bad}") from None
    exempt, reason, title, unsure = _exempt_of(draft, number, title, description, cautions)
    return ImportedItem(
        number=number,
        title=title,
        description=description,
        papers=papers,
        approximate_time=approximate_time,
        kind=kind_from_title(title),
        exempt=exempt,
        exempt_reason=reason,
        line=draft.line,
        unsure=unsure,
    )


def _exempt_of(
    draft: Draft, number: str, title: str, description: str, cautions: list[str]
) -> tuple[bool, str, str, bool]:
    """(exempt, reason, title, unsure) from the exempt column when it says, else the marks in
    the item's words or the heading it is under; a caution for each doubt."""
    flag, given = draft.values.get("exempt", ""), draft.values.get("exempt_reason", "")
    marks = exempt_marks(title, description)
    line = f"line {draft.line}: item {number}"
    if flag.strip() or given.strip():  # the file says, in its own column
        exempt, reason = _parse_exempt(flag, given, number)
        if exempt:
            reason = reason or marks.reason
            if not reason:
                cautions.append(
                    f"{line} is exempt but gives no reason: imported citing "
                    f"{DEFAULT_EXEMPT_REASON} (name the paragraph on the agenda screen)"
                )
            return True, reason or DEFAULT_EXEMPT_REASON, marks.title, False
        if marks.exempt or draft.section:
            said = show(marks.evidence or draft.section, 60)
            cautions.append(
                f"{line} says {said} but its exempt column says {show(flag)}: imported as "
                "not exempt (check it)"
            )
        return False, reason, title, marks.exempt or bool(draft.section)
    if marks.exempt or draft.section:
        reason = marks.reason or paragraph_reason(draft.section) or DEFAULT_EXEMPT_REASON
        return True, reason, marks.title, False
    if marks.doubt:
        cautions.append(
            f"{line} {marks.doubt}: imported as not exempt (mark it exempt if it is taken in "
            "private)"
        )
        return False, "", title, True
    return False, "", title, False


def finish_all(drafts: Sequence[Draft], cautions: list[str]) -> list[ImportedItem]:
    items: list[ImportedItem] = []
    first_line: dict[str, int] = {}
    exclusion: str | None = None  # the item excluding the press and public, once seen
    for draft in drafts:
        try:
            item = _finish(draft, cautions)
        except Bad as bad:
            raise Located(str(bad), draft.line) from None
        if exclusion is not None and not item.exempt and not item.unsure:
            # What follows the exclusion resolution is usually what it was passed for.
            cautions.append(
                f"line {draft.line}: item {item.number} follows the exclusion of the press and "
                f"public (item {exclusion}) but nothing marks it exempt: imported as not exempt "
                "(check it)"
            )
            item = replace(item, unsure=True)
        if EXCLUSION_RE.search(item.title):
            exclusion = item.number
        key = _number_key(item.number)
        if key in first_line:
            raise Located(
                f"item {item.number} appears twice (lines {first_line[key]} and {draft.line})",
                draft.line,
            )
        first_line[key] = draft.line
        items.append(item)
    return items
