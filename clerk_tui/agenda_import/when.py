"""Dates and times as agendas print them: "1:30pm, 14 March 2022", "Monday 14th March 2022 at
2pm", "1330 hours", "12 noon", "14/03/2022" (day first, as in the UK)."""

from __future__ import annotations

import datetime as dt
import re

from clerk_tui.agenda_import.cells import Bad, show

_TIME_RE = re.compile(
    r"(?P<h>[0-9]{1,2})(?:[:.](?P<m>[0-9]{2}))?\s*"
    r"(?P<ampm>[ap]\.?\s?m\.?)?\s*(?P<hours>hrs|hours|h)?",
    re.IGNORECASE,
)
_HHMM_HOURS_RE = re.compile(r"(?P<h>[0-9]{2})(?P<m>[0-9]{2})\s*(?:hrs|hours)", re.IGNORECASE)
_NOON_RE = re.compile(r"(?:12(?:[:.]00)?\s*)?(?:noon|midday)", re.IGNORECASE)


def try_time(text: str) -> dt.time | None:
    """A time of day from "13:30", "1:30pm", "1.30 pm", "2pm", "1330 hours", "12 noon".

    None if the text is not shaped like a time; :class:`Bad` if it is but is no real time
    ("25:70", "13pm").
    """
    text = text.strip()
    if _NOON_RE.fullmatch(text):
        return dt.time(12, 0)
    match = _TIME_RE.fullmatch(text)
    if match is not None:
        if match["m"] is None and match["ampm"] is None:
            return None
        hour, minute = int(match["h"]), int(match["m"] or 0)
        ampm = (match["ampm"] or "")[:1].casefold()
    else:
        match = _HHMM_HOURS_RE.fullmatch(text)
        if match is None:
            return None
        hour, minute, ampm = int(match["h"]), int(match["m"]), ""
    if ampm:
        if not 1 <= hour <= 12 or minute > 59:
            raise Bad(f"the time {show(text)} is not a time of day")
        hour = hour % 12 + (12 if ampm == "p" else 0)
    elif hour > 23 or minute > 59:
        raise Bad(f"the time {show(text)} is not a time of day")
    return dt.time(hour, minute)


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_ORD = r"(?:st|nd|rd|th)?"
_DAY_MONTH_YEAR_RE = re.compile(
    rf"(?:(?P<wd>[A-Za-z]+)\.?,?\s+)?(?P<d>[0-9]{{1,2}}){_ORD}\s+(?:of\s+)?"
    rf"(?P<m>[A-Za-z]+)\.?,?\s+(?P<y>[0-9]{{4}})",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR_RE = re.compile(
    rf"(?:(?P<wd>[A-Za-z]+)\.?,?\s+)?(?P<m>[A-Za-z]+)\.?\s+(?P<d>[0-9]{{1,2}}){_ORD},?\s+"
    r"(?P<y>[0-9]{4})",
    re.IGNORECASE,
)
_ISO_DATE_RE = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})")
_NUMERIC_DATE_RE = re.compile(r"(?P<d>[0-9]{1,2})[/.](?P<m>[0-9]{1,2})[/.](?P<y>[0-9]{4})")


def _try_date(text: str) -> dt.date | None:
    """A date from "14 March 2022", "14th March 2022", "Monday 14 March 2022", "March 14, 2022",
    "2022-03-14" or "14/03/2022" (day first, as in the UK).

    None if the text is not shaped like a date; :class:`Bad` if it is but names no real date,
    an unknown month or the wrong day of the week.
    """
    text = text.strip().rstrip(".")
    weekday: str | None = None
    for pattern in (_DAY_MONTH_YEAR_RE, _MONTH_DAY_YEAR_RE):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        month = _MONTHS.get(match["m"].casefold())
        if month is None:
            raise Bad(f"cannot read the date {show(text)}: no month is called {show(match['m'])}")
        weekday = match["wd"]
        if weekday is not None and weekday.casefold() not in _WEEKDAYS:
            raise Bad(f"cannot read the date {show(text)}: {show(weekday)} is not a weekday")
        year, day = int(match["y"]), int(match["d"])
        break
    else:
        match = _ISO_DATE_RE.fullmatch(text) or _NUMERIC_DATE_RE.fullmatch(text)
        if match is None:
            return None
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    try:
        value = dt.date(year, month, day)
    except ValueError:
        raise Bad(f"the date {show(text)} is not a real date") from None
    if weekday is not None and _WEEKDAYS[weekday.casefold()] != value.weekday():
        raise Bad(f"{show(text)}: {value.day} {value:%B %Y} is a {_WEEKDAY_NAMES[value.weekday()]}")
    return value


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
        if merged and merged[-1].strip().rstrip(".").casefold() in _WEEKDAYS:
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
    if piece.casefold().rstrip(".") in _WEEKDAYS:
        return None, None
    found_time = try_time(piece)
    if found_time is not None:
        return None, found_time
    found_date = _try_date(piece)
    if found_date is not None:
        return found_date, None
    match = _TIME_AT_EDGE_RE.fullmatch(piece)
    if match is not None:
        time_text = match["t"] or match["t2"]
        rest = match["a"] or match["a2"]
        found_time = try_time(time_text)
        found_date = _try_date(rest)
        if found_time is not None and found_date is not None:
            return found_date, found_time
    return None, None
