"""The header block above the items: body, date and start time, venue, livestream, website and
contact officer, in whatever order and wording the front sheet uses."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from clerk_tui.agenda_import.cells import HEADING_MARKS_RE, Bad, Located, show, unmark
from clerk_tui.agenda_import.when import parse_when, try_time


@dataclass
class _Header:
    body_name: str | None = None
    date: dt.date | None = None
    start_time: dt.time | None = None
    venue: str | None = None
    livestream_url: str | None = None
    website: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    title_seen: bool = False


_KEYS: dict[str, str] = {}
for _field, _names in (
    ("body_name", ("body", "committee", "panel", "board", "meeting")),
    ("date", ("date", "meeting date")),
    ("start_time", ("time", "start", "start time")),
    ("venue", ("venue", "place", "location", "where")),
    ("livestream_url", ("livestream", "live stream", "webcast", "stream", "livestream url")),
    ("website", ("website", "web", "web site", "more information")),
    ("contact_name", ("contact", "contact officer", "clerk")),
    ("contact_email", ("email", "e-mail", "e mail", "contact email")),
    ("contact_phone", ("tel", "telephone", "phone", "contact phone", "tel no")),
):
    for _name in _names:
        _KEYS[_name] = _field

_KEY_LINE_RE = re.compile(r"(?P<key>[A-Za-z][A-Za-z .\-]{0,24}?)\s*:\s*(?P<value>.*)")
_URL_RE = re.compile(r"<?((?:https?://|www\.)[^\s<>]+)>?", re.IGNORECASE)
_STREAM_WORDS_RE = re.compile(r"live\s?stream|webcast|broadcast|streamed", re.IGNORECASE)
_WEBSITE_WORDS_RE = re.compile(r"information|website|found at|papers", re.IGNORECASE)
_DASH_RE = re.compile(r"\s+[–—-]\s+")


def _url_in(text: str) -> str | None:
    match = _URL_RE.search(text)
    return match[1].rstrip(".,;:)]") if match else None


def read_header(lines: Sequence[tuple[int, str]], warnings: list[str]) -> _Header:
    """The header fields from the lines before the table."""
    header = _Header()
    for number, raw in lines:
        line = unmark(HEADING_MARKS_RE.sub("", raw.replace("\t", " ").strip()))
        line = " ".join(line.split())
        if not line or line.casefold().rstrip(":") == "agenda":
            continue
        try:
            _read_header_line(header, line, warnings, number)
        except Bad as bad:
            raise Located(str(bad), number) from None
    return header


def _read_header_line(header: _Header, line: str, warnings: list[str], number: int) -> None:
    key_match = _KEY_LINE_RE.fullmatch(line)
    if key_match is not None:
        name = _KEYS.get(" ".join(key_match["key"].casefold().split()))
        if name is not None:
            _set_key(header, name, key_match["value"].strip())
            return
    url = _url_in(line)
    if url is not None and _STREAM_WORDS_RE.search(line):
        header.livestream_url = header.livestream_url or url
        return
    if url is not None and (line.strip("<>") == url or _WEBSITE_WORDS_RE.search(line)):
        header.website = header.website or url
        return
    if not header.title_seen:
        header.title_seen = True
        _read_title_line(header, line)
        return
    when = parse_when(line, strict=False)
    if when is not None and (header.date is None or header.start_time is None):
        header.date = header.date or when[0]
        header.start_time = header.start_time or when[1]
        return
    if header.venue is None:
        header.venue = line.rstrip(".").strip() or None
        return
    warnings.append(f"line {number}: skipped {show(line, 60)}")


def _read_title_line(header: _Header, line: str) -> None:
    """ "West Midlands Police and Crime Panel – 1:30pm, 14 March 2022" → body, time, date."""
    dashes = list(_DASH_RE.finditer(line))
    if dashes:
        last = dashes[-1]
        body, when_text = line[: last.start()].strip(), line[last.end() :].strip()
        if body and any(ch in "0123456789" for ch in when_text):
            when = parse_when(when_text, strict=True)
            if when is not None:
                header.body_name = header.body_name or body
                header.date = header.date or when[0]
                header.start_time = header.start_time or when[1]
                return
    when = parse_when(line, strict=False)
    if when is not None and when[0] is not None:
        header.date = header.date or when[0]
        header.start_time = header.start_time or when[1]
        return
    header.body_name = header.body_name or line


def _set_key(header: _Header, name: str, value: str) -> None:
    if name == "date":
        when = parse_when(value, strict=True) if value else None
        if value and (when is None or when[0] is None):
            raise Bad(f"cannot read the date {show(value)} (write it like 14 March 2022)")
        if when is not None:
            header.date = when[0]
            header.start_time = header.start_time or when[1]
        return
    if name == "start_time":
        if value:
            found = try_time(value)
            if found is None:
                raise Bad(f"cannot read the time {show(value)} (write it as 13:30 or 1.30pm)")
            header.start_time = found
        return
    if name in ("livestream_url", "website"):
        value = _url_in(value) or value
    elif name == "venue":
        value = value.rstrip(".").strip()
    if name == "body_name":
        header.title_seen = True
    setattr(header, name, value or None)
