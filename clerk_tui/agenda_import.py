"""Read an agenda document into plain data: the header block and the item rows.

Three forms are recognised without being told which:

* the agenda front sheet as text, as Word saves it: a header block (body, time and date, venue,
  livestream, website, contact officer) and then tab-separated rows
  ``papers <TAB> item <TAB> topic <TAB> approximate time``, where the topic's leading capitals are
  the title and the rest is the description;
* a Markdown table, and
* a CSV file (comma or semicolon), each with a header row naming its columns
  (``number, title, description, papers, time, exempt, exempt_reason``; only number and title
  are required).

Pure: standard library only, no I/O except :func:`read_agenda_file`. Whatever the bytes, the
result is an :class:`ImportedAgenda` or a :class:`~clerk_tui.errors.ClerkError` whose ``where`` is
``file`` or ``file:line`` and whose message says what is wrong in one line.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import stat
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from clerk_tui.errors import ClerkError
from clerk_tui.text import clean_text, first_unwanted
from clerk_tui.vocabulary import ITEM_KINDS

__all__ = [
    "DEFAULT_EXEMPT_REASON",
    "ITEM_KINDS",
    "MAX_AGENDA_BYTES",
    "PAPERS",
    "ImportedAgenda",
    "ImportedItem",
    "Papers",
    "exempt_marks",
    "kind_from_title",
    "parse_agenda",
    "read_agenda_file",
    "split_topic",
]

MAX_AGENDA_BYTES = 5 * 1024 * 1024
"""The largest agenda file read; an agenda front sheet is a few kilobytes."""


class Papers(StrEnum):
    """The supporting-papers status of an item, spelled as agendas print it."""

    NONE = "none"
    ATTACHED = "Attached"
    TO_FOLLOW = "To Follow"
    TABLED = "Tabled"


PAPERS: tuple[str, ...] = tuple(p.value for p in Papers)


@dataclass(frozen=True)
class ImportedItem:
    """One agenda item as read from the file."""

    number: str
    title: str
    description: str = ""
    papers: str = Papers.NONE.value
    approximate_time: dt.time | None = None
    kind: str = "report"
    exempt: bool = False
    exempt_reason: str = ""
    line: int = field(default=0, compare=False)
    """The line of the file the item's row starts on (not part of equality)."""
    unsure: bool = field(default=False, compare=False)
    """Imported as not exempt though its words hint it may be: a caution says why."""


@dataclass(frozen=True)
class ImportedAgenda:
    """An agenda as read from the file: the header fields (None when absent) and the items."""

    body_name: str | None = None
    date: dt.date | None = None
    start_time: dt.time | None = None
    venue: str | None = None
    livestream_url: str | None = None
    website: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    items: tuple[ImportedItem, ...] = ()
    form: str = field(default="text", compare=False)
    """Which form the file was in: "text", "markdown" or "csv" (not part of equality)."""
    warnings: tuple[str, ...] = field(default=(), compare=False)
    """Lines or columns that were skipped, as "line N: ..." sentences (not part of equality)."""
    cautions: tuple[str, ...] = field(default=(), compare=False)
    """What the clerk should check, as "line N: ..." sentences: items that may be exempt but
    were imported as public, items made exempt by a heading, characters removed."""


# --------------------------------------------------------------------------------------------
# Kinds and titles


_KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (
            "notice-of-recording",
            r"\bnotice of (?:recording|webcasting|filming|broadcasting)\b"
            r"|\b(?:recording and )?webcasting\b|\bfilming and recording\b",
        ),
        ("apologies", r"\bapologies\b"),
        ("membership", r"\bmembership\b"),
        (
            "declarations",
            r"\bdeclarations? of (?:members'? |any )?(?:pecuniary )?interests?\b"
            r"|\bdisclosable pecuniary interests?\b|\binterests? declared\b",
        ),
        ("previous-minutes", r"\bminutes\b"),
        (
            "public-questions",
            r"\bpublic questions?\b|\bquestions? (?:from|by) (?:the |members of the )?public\b",
        ),
        ("urgent-business", r"\burgent business\b|\bany other (?:urgent )?business\b"),
        ("work-programme", r"\bwork ?programmes?\b|\bwork ?programs?\b"),
        ("other", r"\bexclusion of (?:the )?(?:press|public)\b"),
    )
)


def kind_from_title(title: str) -> str:
    """The kind of an item from its title; "report" when nothing else fits.

    >>> kind_from_title("DECLARATIONS OF INTEREST (IF ANY)")
    'declarations'
    """
    text = " ".join(title.casefold().replace("’", "'").split())
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(text):
            return kind
    return "report"


_TITLE_TRAILERS = frozenset({"-", "–", "—", ":", "|"})


def split_topic(topic: str) -> tuple[str, str]:
    """Split an agenda topic into (title, description) at the end of its leading capitals.

    The title is the run of words with no lowercase letter ("DECLARATIONS OF INTEREST (IF ANY)",
    "BUDGET 2022/23 – PLAN"); the description starts at the first word with one ("To note...",
    "Report of..."). A lone "A" before a lowercase word starts the description ("A report...").
    A topic in mixed case from its first word has no such boundary: it is all title.
    """
    tokens = topic.split()
    if not tokens:
        return "", ""
    cut = next(
        (i for i, token in enumerate(tokens) if any(ch.islower() for ch in token)), len(tokens)
    )
    if cut == 0:
        return " ".join(tokens), ""
    if 1 < cut < len(tokens) and tokens[cut - 1] == "A" and tokens[cut][:1].islower():
        cut -= 1
    title_tokens = tokens[:cut]
    while title_tokens and title_tokens[-1] in _TITLE_TRAILERS:
        title_tokens.pop()
    description_tokens = tokens[cut:]
    while description_tokens and description_tokens[0] in _TITLE_TRAILERS:
        description_tokens.pop(0)
    title = " ".join(title_tokens).rstrip(":").rstrip()
    return title, " ".join(description_tokens)


# --------------------------------------------------------------------------------------------
# Values: times, dates, papers, item numbers, exempt


class _Bad(Exception):
    """A value could not be read; whoever catches it adds the file and the line."""


class _Located(Exception):
    """A :class:`_Bad` that knows its line; :func:`parse_agenda` adds the file."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _show(value: str, limit: int = 40) -> str:
    """A cell's text quoted for a one-line message, shortened if long."""
    value = " ".join(value.split())
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return repr(value)


_TIME_RE = re.compile(
    r"(?P<h>[0-9]{1,2})(?:[:.](?P<m>[0-9]{2}))?\s*"
    r"(?P<ampm>[ap]\.?\s?m\.?)?\s*(?P<hours>hrs|hours|h)?",
    re.IGNORECASE,
)
_HHMM_HOURS_RE = re.compile(r"(?P<h>[0-9]{2})(?P<m>[0-9]{2})\s*(?:hrs|hours)", re.IGNORECASE)
_NOON_RE = re.compile(r"(?:12(?:[:.]00)?\s*)?(?:noon|midday)", re.IGNORECASE)


def _try_time(text: str) -> dt.time | None:
    """A time of day from "13:30", "1:30pm", "1.30 pm", "2pm", "1330 hours", "12 noon".

    None if the text is not shaped like a time; :class:`_Bad` if it is but is no real time
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
            raise _Bad(f"the time {_show(text)} is not a time of day")
        hour = hour % 12 + (12 if ampm == "p" else 0)
    elif hour > 23 or minute > 59:
        raise _Bad(f"the time {_show(text)} is not a time of day")
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

    None if the text is not shaped like a date; :class:`_Bad` if it is but names no real date,
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
            raise _Bad(
                f"cannot read the date {_show(text)}: no month is called {_show(match['m'])}"
            )
        weekday = match["wd"]
        if weekday is not None and weekday.casefold() not in _WEEKDAYS:
            raise _Bad(f"cannot read the date {_show(text)}: {_show(weekday)} is not a weekday")
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
        raise _Bad(f"the date {_show(text)} is not a real date") from None
    if weekday is not None and _WEEKDAYS[weekday.casefold()] != value.weekday():
        raise _Bad(
            f"{_show(text)}: {value.day} {value:%B %Y} is a {_WEEKDAY_NAMES[value.weekday()]}"
        )
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


def _parse_when(text: str, *, strict: bool) -> tuple[dt.date | None, dt.time | None] | None:
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
        except _Bad:
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
        raise _Bad(f"cannot read the date or time {_show(unread[0])}")
    return date, time


def _read_date_or_time(piece: str) -> tuple[dt.date | None, dt.time | None]:
    piece = piece.strip()
    if piece.casefold().rstrip(".") in _WEEKDAYS:
        return None, None
    found_time = _try_time(piece)
    if found_time is not None:
        return None, found_time
    found_date = _try_date(piece)
    if found_date is not None:
        return found_date, None
    match = _TIME_AT_EDGE_RE.fullmatch(piece)
    if match is not None:
        time_text = match["t"] or match["t2"]
        rest = match["a"] or match["a2"]
        found_time = _try_time(time_text)
        found_date = _try_date(rest)
        if found_time is not None and found_date is not None:
            return found_date, found_time
    return None, None


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
        raise _Bad(
            f"papers {_show(text)} is not one of Attached, To Follow, Tabled or blank (none)"
        )
    return papers.value


_ITEM_NUMBER_RE = re.compile(
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
        raise _Bad("the row has no item number")
    if _ITEM_NUMBER_RE.fullmatch(label) is None:
        raise _Bad(f"item number {_show(text)} is not a number like 6, 6a or 6.1")
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
            raise _Bad(f"item {number} is marked not exempt ({_show(flag_text)}) but has a reason")
        return bool(reason_text), reason_text
    # Anything else is the reason itself: "paragraph 3 of Schedule 12A".
    return True, reason_text or flag_text


# --------------------------------------------------------------------------------------------
# Exempt items: the marks agendas put on business taken in private
#
# A wrong "exempt" hides an item's content from the public minutes (the clerk unticks it); a
# wrong "public" publishes what the law says must not be. So a clear mark makes an item exempt:
# a bracketed "(EXEMPT)", "(Private)", "(Not for publication)", "(Part II)"; "EXEMPT:" leading
# or "– EXEMPT" ending the title; "not for publication" or a Schedule 12A reference anywhere;
# a description that is only a mark; a "PART II" heading above the items. A word that only
# hints ("a private company", "exempt from fees", "Appendix 2 is exempt") leaves the item public
# with a caution for the clerk. The exclusion resolution and the notice of recording talk about
# exempt business without being any: they are never marked.

_MARK_WORDS = (
    r"(?:exempt(?:\s+(?:item|report|business|matter|information))?"
    r"|private(?:\s+(?:and|&)\s+confidential|\s+(?:item|report|business|session|meeting))?"
    r"|confidential(?:\s+(?:item|report|business))?"
    r"|not\s+for\s+publication)"
)
# After a mark inside brackets: the bracket's end, a separator, or the ground ("by virtue of
# paragraph 3"); "(Private Sector Housing)" is a name, not a mark.
_AFTER_MARK = r"(?=\s*(?:[)\]\-–—:,;]|by\s|under\s|within\s|para|schedule))"
_BRACKET_MARK_RE = re.compile(
    rf"[(\[]\s*(?:{_MARK_WORDS}|part\s+ii){_AFTER_MARK}[^)\]]*[)\]]"
    r"|[(\[][^)\]]*\b(?:schedule|sched\.?|sch\.?)\s*12\s*a\b[^)\]]*[)\]]",
    re.IGNORECASE,
)
_LEADING_MARK_RE = re.compile(rf"^\s*{_MARK_WORDS}\s*(?:[:|]|\s[-–—])\s*(?=\S)", re.IGNORECASE)
_TRAILING_MARK_RE = re.compile(
    rf"(?:\s+[-–—]|\s*[:|])\s*{_MARK_WORDS}\s*\.?\s*$|\s+not\s+for\s+publication\s*\.?\s*$",
    re.IGNORECASE,
)
_ONLY_MARK_RE = re.compile(rf"\(?\s*(?:{_MARK_WORDS}|part\s+ii)\s*\)?\s*\.?", re.IGNORECASE)
_PUBLICATION_RE = re.compile(r"\bnot\s+for\s+publication\b", re.IGNORECASE)
# "Schedule 12A", "Sch 12A", "Sched. 12A", "Sch.12A"; and s100A(4), the power it is used under.
_SCHEDULE_RE = re.compile(
    r"\b(?:schedule|sched\.?|sch\.?)\s*12\s*a\b|\bs(?:ection|\.)?\s*100\s*a\s*\(\s*4\s*\)",
    re.IGNORECASE,
)
_PARAGRAPHS_RE = re.compile(
    r"\bpara(?:graph)?(?P<plural>s)?\.?\s*"
    r"(?P<list>\d{1,2}[a-c]?(?:\s*(?:,|&|\band\b|\bor\b)\s*\d{1,2}[a-c]?)*)(?!\.?\d)",
    re.IGNORECASE,
)
_MARK_BEFORE_RE = re.compile(rf"{_MARK_WORDS}\W{{0,4}}(?:\w+\s+){{0,4}}$", re.IGNORECASE)
_APPENDIX_RE = re.compile(r"\b(?:appendix|appendices|annex(?:e|es)?|attachment)\b", re.I)
_HINT_RE = re.compile(
    r"\b(?:exempt|confidential|private|in\s+camera|closed\s+session|part\s+ii"
    # The words of Schedule 12A's paragraphs, quoted by an agenda that names no paragraph.
    r"|financial\s+or\s+business\s+affairs\s+of\s+any\s+particular\s+person"
    r"|legal\s+professional\s+privilege|reveal\s+the\s+identity\s+of\s+an\s+individual"
    r"|labour\s+relations\s+matter)\b",
    re.IGNORECASE,
)
# "private" before these is about the private sector, not a private session. (A private
# company or contractor may well be why an item is exempt: that still gets a caution.)
_PRIVATE_THINGS_RE = re.compile(
    r"private\s+(?:sector|rented|rental|landlords?|tenants?|tenancy|tenancies|hire|housing|"
    r"members?'?|life|lives|sewers?|roads?|streets?|drains?)(?![\w-])",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"[.;!?]\s+(?=[A-Z(])")
_EXCLUSION_RE = re.compile(r"\bexclusion\s+of\s+(?:the\s+)?(?:press|public)\b", re.IGNORECASE)
_PUBLIC_KINDS = frozenset({"notice-of-recording"})
_SECTION_START_RE = re.compile(
    r"^(?:part\s+(?:ii|2|two|b)\s*(?:$|[-–—:.(])"
    r"|(?:exempt|private|confidential)\s+(?:items?|business|section|session|part|reports?)\b"
    r"|items?\s+(?:to\s+be\s+)?(?:taken|considered)\s+in\s+private\b)",
    re.IGNORECASE,
)
_PUBLIC_SECTION_RE = re.compile(
    r"^(?:part\s+(?:i|1|one|a)\s*(?:$|[-–—:.(])|public\s+(?:items?|business|section|part)\b)",
    re.IGNORECASE,
)
DEFAULT_EXEMPT_REASON = "Schedule 12A"
"""The reason of an item marked exempt without naming a paragraph: the minutes then say "exempt
information as defined in Schedule 12A to the Local Government Act 1972"."""


@dataclass(frozen=True)
class _Marks:
    """What an item's words say about it being exempt."""

    exempt: bool = False
    reason: str = ""  # "paragraph 3 of Schedule 12A" when a paragraph is named, else blank
    title: str = ""  # the title with a clear mark taken off
    evidence: str = ""  # the words that said so, for a caution
    doubt: str = ""  # a caution when the words only hint


def _paragraph_reason(text: str) -> str:
    """ "paragraph 3 of Schedule 12A" from the paragraph named beside Schedule 12A or a mark."""
    for match in _PARAGRAPHS_RE.finditer(text):
        near = text[max(0, match.start() - 100) : match.end() + 100]
        if _SCHEDULE_RE.search(near) or _MARK_BEFORE_RE.search(text[: match.start()]):
            numbers = re.split(r"\s*(?:,|&|\band\b|\bor\b)\s*", match["list"], flags=re.I)
            numbers = [n.upper() for n in numbers if n]
            if len(numbers) == 1:
                return f"paragraph {numbers[0]} of Schedule 12A"
            return f"paragraphs {', '.join(numbers[:-1])} and {numbers[-1]} of Schedule 12A"
    return ""


def _sentence_at(text: str, index: int) -> str:
    start = 0
    for end in _SENTENCE_END_RE.finditer(text):
        if end.end() > index:
            return text[start : end.start() + 1]
        start = end.end()
    return text[start:]


def _strong_in(text: str, *, title: bool) -> tuple[int, str] | None:
    """Where the first clear mark in a title or a description is, and its words."""
    for pattern in (_BRACKET_MARK_RE, _LEADING_MARK_RE, _TRAILING_MARK_RE):
        match = pattern.search(text)
        if match is not None:
            return match.start(), match[0].strip(" -–—:|")
    if not title and _ONLY_MARK_RE.fullmatch(text.strip()):
        return 0, text.strip()
    match = _PUBLICATION_RE.search(text) or _SCHEDULE_RE.search(text)
    return (match.start(), _context(text, match.start(), match.end())) if match else None


def _unmarked_title(title: str) -> str:
    """The title without a bracketed, leading or trailing mark (never left empty)."""
    stripped = _BRACKET_MARK_RE.sub(" ", title)
    stripped = _LEADING_MARK_RE.sub("", stripped)
    stripped = _TRAILING_MARK_RE.sub("", stripped)
    stripped = " ".join(stripped.split()).strip(" -–—:|")
    return stripped or title


def _hint_in(text: str) -> re.Match[str] | None:
    for match in _HINT_RE.finditer(text):
        if match[0].lower() == "private" and _PRIVATE_THINGS_RE.match(text, match.start()):
            continue
        return match
    return None


def _context(text: str, start: int, end: int, width: int = 24) -> str:
    """The words around text[start:end], for a caution."""
    before, after = max(0, start - width), min(len(text), end + width)
    words = " ".join(text[before:after].split())
    return ("…" if before else "") + words + ("…" if after < len(text) else "")


def exempt_marks(title: str, description: str = "") -> _Marks:
    """What the title and description of an item say about it being exempt (see above). Marks
    written in look-alike characters ("(ＥＸＥＭＰＴ)") count too: they are read folded (NFKC)."""
    folded = unicodedata.normalize("NFKC", title), unicodedata.normalize("NFKC", description)
    if folded != (title, description):
        found = _exempt_marks(*folded)
        return found if found.exempt or found.doubt else _Marks(title=title)
    return _exempt_marks(title, description)


def _exempt_marks(title: str, description: str) -> _Marks:
    if _EXCLUSION_RE.search(title) or kind_from_title(title) in _PUBLIC_KINDS:
        return _Marks(title=title)
    for text, is_title in ((title, True), (description, False)):
        found = _strong_in(text, title=is_title)
        if found is None:
            continue
        at, words = found
        reason = _paragraph_reason(f"{title}. {description}")
        if not is_title and _APPENDIX_RE.search(_sentence_at(text, at)):
            # "Appendix 2 is exempt under paragraph 3": the report itself may be public.
            return _Marks(title=title, doubt=f"says an appendix is exempt ({_show(words, 60)})")
        return _Marks(True, reason, _unmarked_title(title) if is_title else title, words)
    for text in (title, description):
        hint = _hint_in(text)
        if hint is not None:
            context = _show(_context(text, hint.start(), hint.end()), 60)
            return _Marks(title=title, doubt=f"mentions {hint[0]!r} ({context})")
    return _Marks(title=title)


def _section_mark(line: str) -> str | None:
    """A heading above a group of items: "exempt" (Part II, not for publication...), "public"
    (Part I), or None for any other line."""
    text = _unmark(_HEADING_MARKS_RE.sub("", line.strip())).strip(" *_")
    if len(text) > 120:
        return None
    if _PUBLIC_SECTION_RE.match(text):
        return "public"
    # A heading, not a sentence carried on from the item above: in capitals, marked as a
    # Markdown heading, or short.
    headed = line.lstrip().startswith("#") or not any(ch.islower() for ch in text)
    if (headed or len(text) <= 60) and (
        _SECTION_START_RE.match(text) or _PUBLICATION_RE.search(text)
    ):
        return "exempt"
    return None


# --------------------------------------------------------------------------------------------
# Decoding and lines


# Control characters no text file has: the sign of a binary file, refused with their line.
# (ESC goes with clean_text: it comes with colour codes pasted from a terminal, not binaries.)
_BINARY_RE = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# C1 controls in decoded text are Windows-1252 punctuation that went through Latin-1 on its way
# (U+0092 was a ’): put the punctuation back rather than drop it.
_C1_AS_CP1252 = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_ODD_SPACES = str.maketrans(
    {
        "\xa0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\x0b": " ",
        "\x0c": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
    }
)
_SIGNATURES = (
    (b"PK\x03\x04", "a Word or Excel document (a zip file)"),
    (b"\xd0\xcf\x11\xe0", "an old-style Word or Excel document"),
    (b"%PDF", "a PDF"),
    (b"{\\rtf", "a Rich Text document"),
)


def _line_of(data: bytes, offset: int) -> int:
    """The line (counting CRLF, CR and LF endings alike) that a byte offset falls on."""
    before = data[:offset].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return before.count(b"\n") + 1


def _decode(data: bytes, source: str) -> str:
    """The text of the file: UTF-8 (BOM or not), UTF-16 with a BOM, or Windows-1252."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise ClerkError(
                f"this is {what}, not text: save the agenda as plain text (.txt) or CSV first",
                where=source,
            )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ClerkError(
                "not a text file: it starts like UTF-16 but does not decode as UTF-16",
                where=source,
            ) from None
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise ClerkError(
                "not a text file (it contains NUL bytes; is it a binary file?)",
                where=f"{source}:{_line_of(data, nul)}",
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as error:
                byte = data[error.start]
                raise ClerkError(
                    f"not a text file: byte 0x{byte:02X} is neither UTF-8 nor Windows-1252",
                    where=f"{source}:{_line_of(data, error.start)}",
                ) from None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_ODD_SPACES).rstrip("\x1a")  # Ctrl-Z: an old DOS end of file
    control = _BINARY_RE.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        raise ClerkError(
            f"not a text file: it contains the control character U+{ord(control[0]):04X}",
            where=f"{source}:{line}",
        )
    return text.translate(_C1_AS_CP1252)


def _clean_lines(text: str, cautions: list[str]) -> list[str]:
    """The lines under the one rule for text (clerk_tui.text), so that nothing imported can
    later stop a Word export: escape sequences, lone surrogates and non-characters (U+FFFF)
    are removed, with a caution naming the first line. Line by line, so that an unfinished
    escape sequence can never take the lines after it."""
    lines = text.split("\n")
    if text.isprintable() or clean_text(text) == text:
        return lines
    cleaned = [clean_text(line) for line in lines]
    changed = [n for n, (old, new) in enumerate(zip(lines, cleaned, strict=True), 1) if old != new]
    if changed:
        first = changed[0]
        found = first_unwanted(lines[first - 1]) or "an escape sequence"
        more = f" and {len(changed) - 1} more lines" if len(changed) > 1 else ""
        cautions.append(f"line {first}{more}: removed characters no paper can hold ({found})")
    return cleaned


# --------------------------------------------------------------------------------------------
# Columns


_COLUMN_NAMES: dict[str, str] = {}
for _column, _names in (
    ("number", ("number", "no", "num", "item", "item no", "item number", "#", "item #", "ref")),
    ("title", ("title", "heading", "item title")),
    ("topic", ("topic", "subject", "business", "agenda item")),
    ("description", ("description", "purpose", "details", "detail", "summary")),
    (
        "papers",
        (
            "papers",
            "paper",
            "supporting document",
            "supporting documents",
            "supporting papers",
            "documents",
        ),
    ),
    (
        "time",
        ("time", "approximate time", "approx time", "approximate start", "start time", "start"),
    ),
    ("exempt", ("exempt", "exempt item", "private", "confidential")),
    ("exempt_reason", ("exempt reason", "exemption reason", "reason", "exemption")),
):
    for _name in _names:
        _COLUMN_NAMES[_name] = _column

_DEFAULT_TEXT_COLUMNS = {"papers": 0, "number": 1, "topic": 2, "time": 3}
_DEFAULT_TEXT_NAMES = ("papers", "item", "topic", "approximate time")


def _column_key(cell: str) -> str:
    text = cell.strip().strip("*_`").replace("_", " ").replace(".", "").casefold()
    return " ".join(text.rstrip(":").split())


@dataclass(frozen=True)
class _Layout:
    """Where each column is, from a header row (or the text form's default order)."""

    columns: dict[str, int]
    names: tuple[str, ...]
    ignored: tuple[str, ...] = ()

    @property
    def split_topic(self) -> bool:
        return "title" not in self.columns


def _layout_from_header(cells: Sequence[str]) -> _Layout | None:
    """The layout a header row describes, or None if the row is not an agenda header."""
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, cell in enumerate(cells):
        key = _column_key(cell)
        column = _COLUMN_NAMES.get(key)
        if column is None or column in columns:
            if key:
                ignored.append(cell.strip())
            continue
        columns[column] = index
    if "number" not in columns or not ({"title", "topic"} & columns.keys()):
        return None
    if "title" in columns and "topic" in columns:
        topic = columns.pop("topic")
        if "description" not in columns:
            columns["description"] = topic
    names = tuple(" ".join(cell.split()) for cell in cells)
    while names and not names[-1]:
        names = names[:-1]
    return _Layout(columns, names, tuple(ignored))


def _values(cells: Sequence[str], layout: _Layout) -> dict[str, str]:
    """The row's cells by column name; trailing empty cells may be left off."""
    width = max(len(layout.names), max(layout.columns.values()) + 1)
    if len(cells) > width and any(cell.strip() for cell in cells[width:]):
        raise _Bad(
            f"the row has {len(cells)} columns; expected {width} ({', '.join(layout.names)})"
        )
    title_column = "title" if "title" in layout.columns else "topic"
    needed = max(layout.columns["number"], layout.columns[title_column]) + 1
    if len(cells) < needed:
        raise _Bad(
            f"the row has {len(cells)} column{'s' if len(cells) != 1 else ''}; expected "
            f"{width} ({', '.join(layout.names)})"
        )
    return {
        column: (cells[index] if index < len(cells) else "")
        for column, index in layout.columns.items()
    }


@dataclass
class _Draft:
    """An item row on its way to an :class:`ImportedItem` (continuation lines still append)."""

    line: int
    values: dict[str, str]
    split_topic: bool
    section: str = ""  # the "PART II – NOT FOR PUBLICATION" heading the item is under


@dataclass
class _Sections:
    """The headings that divide an agenda into public and private parts, as the rows are read."""

    cautions: list[str]
    current: str = ""  # the exempt heading in force, or ""

    def seen(self, line: str, number: int) -> bool:
        """Whether ``line`` (not an item) is such a heading; the items after it follow it."""
        mark = _section_mark(line)
        if mark is None:
            return False
        heading = " ".join(_unmark(_HEADING_MARKS_RE.sub("", line.strip())).split())
        self.current = heading if mark == "exempt" else ""
        if mark == "exempt":
            self.cautions.append(
                f"line {number}: the items under {_show(heading, 60)} are imported as exempt"
            )
        return True

    def heading_row(self, cells: Sequence[str], layout: _Layout, number: int) -> bool:
        """A row with no item number whose words are such a heading ("| | PART II | |")."""
        index = layout.columns["number"]
        if index < len(cells) and cells[index].strip():
            return False
        return self.seen(" ".join(c.strip() for c in cells if c.strip()), number)


def _finish(draft: _Draft, cautions: list[str]) -> ImportedItem:
    values = draft.values
    number = _parse_number(values.get("number", ""))
    if draft.split_topic:
        title, description = split_topic(values.get("topic", ""))
    else:
        title = " ".join(_unmark(values.get("title", "")).split())
        description = values.get("description", "").strip()
    if not title:
        raise _Bad(f"item {number} has no title")
    time_text = values.get("time", "").strip()
    approximate_time: dt.time | None = None
    try:
        if time_text:
            approximate_time = _try_time(time_text)
            if approximate_time is None:
                raise _Bad(f"cannot read the time {_show(time_text)} (write it as 13:30 or 1.30pm)")
        papers = _parse_papers(values.get("papers", ""))
    except _Bad as bad:
        raise _Bad(f"item {number}: {bad}") from None
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
    draft: _Draft, number: str, title: str, description: str, cautions: list[str]
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
            said = _show(marks.evidence or draft.section, 60)
            cautions.append(
                f"{line} says {said} but its exempt column says {_show(flag)}: imported as "
                "not exempt (check it)"
            )
        return False, reason, title, marks.exempt or bool(draft.section)
    if marks.exempt or draft.section:
        reason = marks.reason or _paragraph_reason(draft.section) or DEFAULT_EXEMPT_REASON
        return True, reason, marks.title, False
    if marks.doubt:
        cautions.append(
            f"{line} {marks.doubt}: imported as not exempt (mark it exempt if it is taken in "
            "private)"
        )
        return False, "", title, True
    return False, "", title, False


def _unmark(text: str) -> str:
    """Text without Markdown's wrapping emphasis (``**APOLOGIES**``)."""
    text = text.strip()
    for mark in ("**", "__", "*", "_", "`"):
        if len(text) > 2 * len(mark) and text.startswith(mark) and text.endswith(mark):
            return text[len(mark) : -len(mark)].strip()
    return text


# --------------------------------------------------------------------------------------------
# The header block


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
_HEADING_MARKS_RE = re.compile(r"^(?:#{1,6}|>)\s*")


def _url_in(text: str) -> str | None:
    match = _URL_RE.search(text)
    return match[1].rstrip(".,;:)]") if match else None


def _read_header(lines: Sequence[tuple[int, str]], warnings: list[str]) -> _Header:
    """The header fields from the lines before the table."""
    header = _Header()
    for number, raw in lines:
        line = _unmark(_HEADING_MARKS_RE.sub("", raw.replace("\t", " ").strip()))
        line = " ".join(line.split())
        if not line or line.casefold().rstrip(":") == "agenda":
            continue
        try:
            _read_header_line(header, line, warnings, number)
        except _Bad as bad:
            raise _Located(str(bad), number) from None
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
    when = _parse_when(line, strict=False)
    if when is not None and (header.date is None or header.start_time is None):
        header.date = header.date or when[0]
        header.start_time = header.start_time or when[1]
        return
    if header.venue is None:
        header.venue = line.rstrip(".").strip() or None
        return
    warnings.append(f"line {number}: skipped {_show(line, 60)}")


def _read_title_line(header: _Header, line: str) -> None:
    """ "West Midlands Police and Crime Panel – 1:30pm, 14 March 2022" → body, time, date."""
    dashes = list(_DASH_RE.finditer(line))
    if dashes:
        last = dashes[-1]
        body, when_text = line[: last.start()].strip(), line[last.end() :].strip()
        if body and any(ch in "0123456789" for ch in when_text):
            when = _parse_when(when_text, strict=True)
            if when is not None:
                header.body_name = header.body_name or body
                header.date = header.date or when[0]
                header.start_time = header.start_time or when[1]
                return
    when = _parse_when(line, strict=False)
    if when is not None and when[0] is not None:
        header.date = header.date or when[0]
        header.start_time = header.start_time or when[1]
        return
    header.body_name = header.body_name or line


def _set_key(header: _Header, name: str, value: str) -> None:
    if name == "date":
        when = _parse_when(value, strict=True) if value else None
        if value and (when is None or when[0] is None):
            raise _Bad(f"cannot read the date {_show(value)} (write it like 14 March 2022)")
        if when is not None:
            header.date = when[0]
            header.start_time = header.start_time or when[1]
        return
    if name == "start_time":
        if value:
            found = _try_time(value)
            if found is None:
                raise _Bad(f"cannot read the time {_show(value)} (write it as 13:30 or 1.30pm)")
            header.start_time = found
        return
    if name in ("livestream_url", "website"):
        value = _url_in(value) or value
    elif name == "venue":
        value = value.rstrip(".").strip()
    if name == "body_name":
        header.title_seen = True
    setattr(header, name, value or None)


# --------------------------------------------------------------------------------------------
# The three forms


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


def _csv_cells(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return []


def _split_cells(line: str, delimiter: str) -> list[str]:
    return line.split("\t") if delimiter == "\t" else _csv_cells(line, delimiter)


@dataclass
class _Found:
    form: str
    start: int  # index of the header row (or of the first item row when there is no header)
    layout: _Layout
    has_header: bool
    delimiter: str = "\t"


def _find_table(lines: Sequence[str]) -> _Found | None:
    """Which form the file is in and where its table starts."""
    for index in range(len(lines) - 1):
        line = lines[index]
        if "|" in line and _is_md_separator(lines[index + 1]) and not _is_md_separator(line):
            layout = _layout_from_header(_md_cells(line))
            if layout is not None:
                return _Found("markdown", index, layout, True)
    for index, line in enumerate(lines):
        for delimiter in ("\t", ",", ";"):
            if delimiter not in line:
                continue
            layout = _layout_from_header(_split_cells(line, delimiter))
            if layout is not None:
                form = "text" if delimiter == "\t" else "csv"
                return _Found(form, index, layout, True, delimiter)
    default = _Layout(dict(_DEFAULT_TEXT_COLUMNS), _DEFAULT_TEXT_NAMES)
    for index, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) >= 3 and _ITEM_NUMBER_RE.fullmatch(cells[1].strip().rstrip(".")):
            return _Found("text", index, default, False)
    return None


def _no_table_message(lines: Sequence[str]) -> str:
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


def _text_rows(
    lines: Sequence[str], found: _Found, warnings: list[str], sections: _Sections
) -> list[_Draft]:
    """Rows of the text form (tab-separated), with continuation lines joined to their row."""
    drafts: list[_Draft] = []
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
                warnings.append(f"line {number}: skipped {_show(line, 60)} (not a table row)")
            continue
        cells = line.split("\t")
        if not any(cell.strip() for cell in cells):
            continue
        repeated = _layout_from_header(cells)
        if repeated is not None:
            layout = repeated
            continuing = False
            continue
        if sections.heading_row(cells, layout, number):
            continuing = False
            continue
        try:
            values = _values(cells, layout)
        except _Bad as bad:
            raise _Located(str(bad), number) from None
        drafts.append(_Draft(number, values, layout.split_topic, sections.current))
        continuing = True
    return drafts


def _markdown_rows(
    lines: Sequence[str], found: _Found, warnings: list[str], sections: _Sections
) -> list[_Draft]:
    drafts: list[_Draft] = []
    layout = found.layout
    index = found.start + 2
    while index < len(lines):
        line, number = lines[index], index + 1
        index += 1
        if not line.strip() or _is_md_separator(line):
            continue
        if "|" not in line:
            if not sections.seen(line, number):
                warnings.append(f"line {number}: skipped {_show(line, 60)} (not a table row)")
            continue
        cells = _md_cells(line)
        if not any(cell.strip() for cell in cells):
            continue
        repeated = _layout_from_header(cells)
        if repeated is not None:
            layout = repeated
            continue
        if sections.heading_row(cells, layout, number):
            continue
        try:
            values = _values(cells, layout)
        except _Bad as bad:
            raise _Located(str(bad), number) from None
        drafts.append(_Draft(number, values, layout.split_topic, sections.current))
    return drafts


def _csv_rows(lines: Sequence[str], found: _Found, sections: _Sections) -> list[_Draft]:
    drafts: list[_Draft] = []
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
            raise _Located(_csv_problem(error), start) from None
        consumed = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        repeated = _layout_from_header(cells)
        if repeated is not None:
            layout = repeated
            continue
        if sections.heading_row(cells, layout, start):
            continue
        try:
            values = _values(cells, layout)
        except _Bad as bad:
            raise _Located(str(bad), start) from None
        drafts.append(_Draft(start, values, layout.split_topic, sections.current))
    return drafts


def _csv_problem(error: csv.Error) -> str:
    text = str(error)
    if "end of data" in text:
        return 'cannot read the CSV row: a quoted cell is never closed (a " is missing)'
    if "expected after" in text:
        return 'cannot read the CSV row: text after a closing " (write "" for a quote in a cell)'
    return f"cannot read the CSV row: {text}"


def _preamble(lines: Sequence[str], found: _Found) -> list[tuple[int, str]]:
    before = [(index + 1, line) for index, line in enumerate(lines[: found.start])]
    if found.form != "csv":
        return before
    flattened: list[tuple[int, str]] = []
    for number, line in before:
        cells = _csv_cells(line, found.delimiter)
        while cells and not cells[-1].strip():
            cells.pop()
        if len(cells) > 1 and cells[0].strip().endswith(":"):
            text = f"{cells[0].strip()} {', '.join(c.strip() for c in cells[1:] if c.strip())}"
        else:
            text = found.delimiter.join(cells)
        flattened.append((number, text))
    return flattened


# --------------------------------------------------------------------------------------------
# Entry points


def parse_agenda(data: bytes, *, source: str) -> ImportedAgenda:
    """Read an agenda document's bytes; ``source`` names the file in error messages.

    Raises :class:`ClerkError` (``where`` = ``source`` or ``source:line``) for anything that is
    not a readable agenda, and for nothing else.
    """
    data = bytes(data)
    if len(data) > MAX_AGENDA_BYTES:
        raise ClerkError(_too_large(len(data)), where=source)
    if not data:
        raise ClerkError("the file is empty", where=source)
    text = _decode(data, source)
    if not text.strip():
        raise ClerkError("the file has only blank lines", where=source)
    warnings: list[str] = []
    cautions: list[str] = []
    lines = _clean_lines(text, cautions)
    found = _find_table(lines)
    if found is None:
        raise ClerkError(_no_table_message(lines), where=source)
    sections = _Sections(cautions)
    try:
        header = _read_header(_preamble(lines, found), warnings)
        if found.form == "markdown":
            drafts = _markdown_rows(lines, found, warnings, sections)
        elif found.form == "csv":
            drafts = _csv_rows(lines, found, sections)
        else:
            drafts = _text_rows(lines, found, warnings, sections)
        items = _finish_all(drafts, cautions)
    except _Located as located:
        raise ClerkError(located.message, where=f"{source}:{located.line}") from None
    if not items:
        raise ClerkError(
            f"no agenda items found under the header row on line {found.start + 1}",
            where=f"{source}:{found.start + 1}",
        )
    if found.layout.ignored:
        warnings.insert(0, f"columns ignored: {', '.join(found.layout.ignored)}")
    return ImportedAgenda(
        body_name=header.body_name,
        date=header.date,
        start_time=header.start_time,
        venue=header.venue,
        livestream_url=header.livestream_url,
        website=header.website,
        contact_name=header.contact_name,
        contact_email=header.contact_email,
        contact_phone=header.contact_phone,
        items=tuple(items),
        form=found.form,
        warnings=_capped(warnings),
        cautions=_capped(sorted(cautions, key=_line_number), more="cautions"),
    )


def _line_number(sentence: str) -> int:
    """The N of "line N: ...", to put the cautions in the file's order."""
    match = re.match(r"line (\d+)", sentence)
    return int(match[1]) if match else 0


def _capped(
    warnings: Sequence[str], limit: int = 20, *, more: str = "lines skipped"
) -> tuple[str, ...]:
    if len(warnings) <= limit:
        return tuple(warnings)
    return (*warnings[:limit], f"... and {len(warnings) - limit} more {more}")


def _finish_all(drafts: Sequence[_Draft], cautions: list[str]) -> list[ImportedItem]:
    items: list[ImportedItem] = []
    first_line: dict[str, int] = {}
    exclusion: str | None = None  # the item excluding the press and public, once seen
    for draft in drafts:
        try:
            item = _finish(draft, cautions)
        except _Bad as bad:
            raise _Located(str(bad), draft.line) from None
        if exclusion is not None and not item.exempt and not item.unsure:
            # What follows the exclusion resolution is usually what it was passed for.
            cautions.append(
                f"line {draft.line}: item {item.number} follows the exclusion of the press and "
                f"public (item {exclusion}) but nothing marks it exempt: imported as not exempt "
                "(check it)"
            )
            item = replace(item, unsure=True)
        if _EXCLUSION_RE.search(item.title):
            exclusion = item.number
        key = _number_key(item.number)
        if key in first_line:
            raise _Located(
                f"item {item.number} appears twice (lines {first_line[key]} and {draft.line})",
                draft.line,
            )
        first_line[key] = draft.line
        items.append(item)
    return items


def _too_large(size: int) -> str:
    return (
        f"the file is {size / 1024 / 1024:.1f} MB; an agenda file can be at most "
        f"{MAX_AGENDA_BYTES // 1024 // 1024} MB (is this the right file?)"
    )


def read_agenda_file(path: str | os.PathLike[str]) -> ImportedAgenda:
    """Read and parse an agenda file; every failure is a :class:`ClerkError` naming the file."""
    name = os.fspath(path)
    try:
        info = os.stat(name)
    except FileNotFoundError:
        raise ClerkError("no such file", where=name) from None
    except NotADirectoryError:
        raise ClerkError("no such file (a folder in the path is a file)", where=name) from None
    except PermissionError:
        raise ClerkError("cannot be read: permission denied", where=name) from None
    except (OSError, ValueError) as error:
        raise ClerkError(f"cannot be read: {_os_reason(error)}", where=name) from None
    if stat.S_ISDIR(info.st_mode):
        raise ClerkError("is a folder, not an agenda file", where=name)
    if not stat.S_ISREG(info.st_mode):
        raise ClerkError("is not a regular file", where=name)
    if info.st_size > MAX_AGENDA_BYTES:
        raise ClerkError(_too_large(info.st_size), where=name)
    try:
        with Path(name).open("rb") as handle:
            data = handle.read(MAX_AGENDA_BYTES + 1)
    except PermissionError:
        raise ClerkError("cannot be read: permission denied", where=name) from None
    except OSError as error:
        raise ClerkError(f"cannot be read: {_os_reason(error)}", where=name) from None
    return parse_agenda(data, source=name)


def _os_reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__
