"""Dates and times as agendas print them: "1:30pm, 14 March 2022", "Monday 14th March 2022 at
2pm", "1330 hours", "12 noon", "14/03/2022" (day first, as in the UK).

Each piece is read by clerk_tui.values, as a dialog or the command line reads it (with no
"today": an agenda names its year); here the header's line is cut into pieces and the
refusals are put in the importer's words, to which the file and line are added."""

from __future__ import annotations

import datetime as dt
import re

from clerk_tui import values
from clerk_tui.agenda_import.cells import Bad, show

_ORD = r"(?:st|nd|rd|th)?"


def try_time(text: str, *, running_text: bool = False) -> dt.time | None:
    """A time of day as clerk_tui.values reads one ("13:30", "1:30pm", "1330 hours", "12 noon");
    in ``running_text`` (a header line's pieces) digits alone are no time.

    None if the text is not shaped like a time; :class:`Bad` if it is but is no real time
    ("25:70", "13pm") or could be two ("130").
    """
    try:
        return values.try_time(text, running_text=running_text, where=None)
    except values.BadValue as bad:
        but = f" ({bad.reason})" if bad.reason else ""
        raise Bad(f"the time {show(text)} is not a time of day{but}") from None


def _try_date(text: str) -> dt.date | None:
    """A date as clerk_tui.values reads one with no "today" (an agenda says its year):
    "14 March 2022", "Monday 14th March 2022", "March 14, 2022", "2022-03-14", "14/03/2022".

    None if the text is not shaped like a date; :class:`Bad` if it is but names no real date,
    an unknown month or the wrong day of the week.
    """
    try:
        return values.try_date(text, today=None, where=None)
    except values.BadValue as bad:
        if bad.reason:
            raise Bad(f"cannot read the date {show(text)}: {bad.reason}") from None
        raise Bad(f"the date {show(text)} is not a real date") from None


_WHEN_SPLIT_RE = re.compile(r"\s*[,;]\s*|\s+(?:at|on|from)\s+", re.IGNORECASE)
_MONTH_DAY_COMMA_RE = re.compile(
    rf"(?P<md>\b[A-Za-z]+\.?\s+[0-9]{{1,2}}{_ORD}),(?P<y>\s*[0-9]{{4}}\b)", re.IGNORECASE
)
_TIME_AT_EDGE_RE = re.compile(
    r"(?P<a>.+?)\s+(?P<t>[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:[ap]\.?\s?m\.?)?)"
    r"|(?P<t2>[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:[ap]\.?\s?m\.?)?)\s+(?P<a2>.+)",
    re.IGNORECASE,
)


def parse_when(text: str, *, strict: bool) -> tuple[dt.date | None, dt.time | None] | None:
    """A date and/or a start time from "1:30pm, 14 March 2022", "Monday 14 March 2022 at 2pm"...

    None when nothing in the text is a date or a time; words without digits ("Annual Meeting")
    are passed over. With ``strict``, a piece with digits that is neither (while another piece is
    one) is an error, and so is a piece shaped like a date or time that is no real one.
    """
    text = _MONTH_DAY_COMMA_RE.sub(r"\g<md>\g<y>", text.strip().rstrip("."))
    pieces = [piece for piece in _WHEN_SPLIT_RE.split(text) if piece.strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged and merged[-1].strip().rstrip(".").casefold() in values.WEEKDAYS:
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    date: dt.date | None = None
    time: dt.time | None = None
    unread: list[str] = []
    for piece in merged:
        try:
            found_date, found_time = _read_date_or_time(piece)
        except Bad:
            if strict:
                raise
            found_date = found_time = None
        if found_date is None and found_time is None and re.search("[0-9]", piece):
            unread.append(piece)
        if found_date is not None:
            date = found_date
        if found_time is not None:
            time = found_time
    if date is None and time is None:
        return None
    if unread and strict:
        raise Bad(f"cannot read the date or time {show(unread[0])}")
    return date, time


def _read_date_or_time(piece: str) -> tuple[dt.date | None, dt.time | None]:
    piece = piece.strip()
    if piece.casefold().rstrip(".") in values.WEEKDAYS:
        return None, None
    found_time = try_time(piece, running_text=True)
    if found_time is not None:
        return None, found_time
    found_date = _try_date(piece)
    if found_date is not None:
        return found_date, None
    match = _TIME_AT_EDGE_RE.fullmatch(piece)
    if match is not None:
        time_text = match["t"] or match["t2"]
        rest = match["a"] or match["a2"]
        found_time = try_time(time_text, running_text=True)
        found_date = _try_date(rest)
        if found_time is not None and found_date is not None:
            return found_date, found_time
    return None, None
