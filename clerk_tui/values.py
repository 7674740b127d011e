"""Dates, times and lengths of time as a clerk types them, and the one way each is written back.

One reading for every dialog, the agenda importer and the command line, so that what works in
one place works in all of them; and what a dialog prefills (``format_*``) can be typed back as
it stands. Pure: the standard library only (ClerkError is itself standard-library only). No
clock: "today", "tomorrow", "yesterday" and a day without its year are read against the
``today`` the caller passes; with ``today=None`` (an agenda file, which has no "now") they are
not dates at all.

The rules, one per ambiguity, the same everywhere:

- Numbers in a date are day first, as in the UK: 04/02/2022 is 4 February (``/``, ``.`` or
  ``-`` between them). Four digits first are a year: 2022-02-04, 2022/2/4.
- A two-digit year is this century's: 21/3/22 is 21 March 2022.
- A day and month without a year (14 Mar, 14/3) are in today's year: give the year for another.
- A weekday written with a date must be that date's: "Tue 14 Mar 2022" is refused (a Monday).
- A time with ``:`` or ``.`` is hours, minutes (and seconds) on the 24-hour clock: 13:30,
  13.30, 9:05, 14:05:30; with am or pm it is on the twelve-hour clock: 1.30pm, 1:30 p.m., 2 pm
  (12am is midnight, 12pm noon). "noon" and "midday" are 12:00, "midnight" 00:00.
- Four digits alone are the 24-hour clock: 1330, 0930 (and 1330 hours). Fewer digits alone are
  refused with the times they could mean: "130" is 01:30 or 13:30, and the clerk writes which.
  In running text (an agenda's header line) digits alone are no time at all: 2022 is a year.
- A length of time is minutes (90, 90 min), hours and minutes (1h30, 1 hr 30 min, 2 hours) or
  H:MM (1:30, and 1.30: a dot is never a decimal point), at most a day.

A refusal is one line naming what was typed and a way of writing it that works.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from clerk_tui.errors import ClerkError

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTHS = {name.lower(): n for n, name in enumerate(MONTH_NAMES, start=1)}
_MONTHS |= {name[:3].lower(): n for n, name in enumerate(MONTH_NAMES, start=1)}
_MONTHS["sept"] = 9
# A weekday's number (Monday 0) by each way of writing it, lower case.
WEEKDAYS = {name.lower(): n for n, name in enumerate(WEEKDAY_NAMES)}
WEEKDAYS |= {name[:3].lower(): n for n, name in enumerate(WEEKDAY_NAMES)}
WEEKDAYS |= {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}
_RELATIVE = {"yesterday": -1, "today": 0, "tomorrow": 1}

DATE_HINT = "write it as YYYY-MM-DD, e.g. 2022-03-14"
TIME_HINT = "write it as HH:MM, e.g. 13:30"
DURATION_HINT = "write minutes or hours and minutes, e.g. 90 or 1h30"
MONTH_HINT = "write it as Nov 2021 (or a date)"
LONGEST = timedelta(days=1)

_A = re.ASCII | re.IGNORECASE  # digits are 0-9 only: never another script's, which int() reads
_WEEKDAY = r"(?:(?P<wd>[a-z]+)\.?,?\s+)?"
_YMD_RE = re.compile(r"(?P<y>[0-9]{4})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})", _A)
_DMY_RE = re.compile(
    r"(?P<d>[0-9]{1,2})(?P<sep>[-/.])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4}|[0-9]{2})", _A
)
_DM_RE = re.compile(r"(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2})", _A)
_DAY_MONTH_RE = re.compile(
    _WEEKDAY + r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mw>[a-z]+)\.?"
    r"(?:,?\s+(?P<y>[0-9]{4}|[0-9]{2}))?",
    _A,
)
_MONTH_DAY_RE = re.compile(
    _WEEKDAY + r"(?P<mw>[a-z]+)\.?\s+(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>[0-9]{4}))?",
    _A,
)

_AMPM = r"(?:(?P<ampm>[ap])\.?\s?m\.?)"
_CLOCK_RE = re.compile(
    r"(?P<h>[0-9]{1,2})[:.](?P<m>[0-9]{2})(?:[:.](?P<s>[0-9]{2}))?\s*"
    rf"(?:{_AMPM}|hrs|hours)?",
    _A,
)
_HOUR_AMPM_RE = re.compile(rf"(?P<h>[0-9]{{1,2}})\s*{_AMPM}", _A)
_FOUR_DIGITS_RE = re.compile(r"(?P<h>[0-9]{2})(?P<m>[0-9]{2})\s*(?P<word>hrs|hours)?", _A)
_FEW_DIGITS_RE = re.compile(r"[0-9]{1,3}", _A)
_NOON_RE = re.compile(r"(?:12(?:[:.]00)?\s*)?(?:noon|midday)", _A)
_MIDNIGHT_RE = re.compile(r"(?:12(?:[:.]00)?\s*)?midnight", _A)

_MINUTES = r"(?:m|min|mins|minute|minutes)"
_HOURS = r"(?:h|hr|hrs|hour|hours)"
_DURATION_RES = (
    re.compile(rf"(?P<m>[0-9]{{1,4}})\s*{_MINUTES}?", _A),
    re.compile(rf"(?P<h>[0-9]{{1,2}})\s*{_HOURS}(?:\s*(?P<m>[0-9]{{1,2}})\s*{_MINUTES}?)?", _A),
    re.compile(r"(?P<h>[0-9]{1,2})[:.](?P<m>[0-9]{2})", _A),
)

_MONTH_YEAR_RE = re.compile(r"(?P<mw>[a-z]+)\.?,?\s+(?P<y>[0-9]{4})", _A)
_YEAR_MONTH_RE = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})", _A)
_MONTH_SLASH_YEAR_RE = re.compile(r"(?P<m>[0-9]{1,2})/(?P<y>[0-9]{4})", _A)


class BadValue(ClerkError):
    """What was typed is no date, time or length of time: the one-line message says what was
    typed and how to write it. ``reason`` is the particular fault when there is one ("no month
    is called 'Smarch'", "14 March 2022 is a Monday"), else "" (no such day or time, or not
    shaped like one), so a reader of files (the agenda importer) can put it in its own words."""

    def __init__(self, message: str, *, where: str | None, typed: str, reason: str = "") -> None:
        super().__init__(message, where=where)
        self.typed = typed
        self.reason = reason


def shown(text: str, limit: int = 40) -> str:
    """What was typed, quoted for a one-line message (whitespace closed up, long text cut)."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)


def _refuse(typed: str, noun: str, hint: str, where: str | None, reason: str = "") -> BadValue:
    return BadValue(
        f"{shown(typed)} is not {noun}: {reason or hint}", where=where, typed=typed, reason=reason
    )


# ---- dates ------------------------------------------------------------------------------------


def parse_date(text: str, *, today: date | None, where: str | None = "date") -> date:
    """A date as a clerk types it (see the module's rules); blank is refused."""
    if not text.strip():
        raise BadValue("give a date, e.g. 2022-03-14", where=where, typed=text)
    found = try_date(text, today=today, where=where)
    if found is None:
        raise _refuse(text, "a date", DATE_HINT, where)
    return found


def parse_optional_date(
    text: str, *, today: date | None, where: str | None = "date"
) -> date | None:
    """A date, or None for a blank field."""
    return parse_date(text, today=today, where=where) if text.strip() else None


def try_date(text: str, *, today: date | None, where: str | None = "date") -> date | None:
    """The date ``text`` names; None when it is not shaped like a date at all; BadValue when it
    is but names none (31/02/2022, an unknown month, the wrong weekday)."""
    raw = " ".join(text.split()).strip(".,")
    key = raw.lower()
    if key in _RELATIVE:
        return None if today is None else today + timedelta(days=_RELATIVE[key])
    if match := _YMD_RE.fullmatch(raw):
        return _real(raw, int(match["y"]), int(match["m"]), int(match["d"]), where)
    if match := _DMY_RE.fullmatch(raw):
        return _real(raw, _year(match["y"]), int(match["m"]), int(match["d"]), where)
    if match := _DM_RE.fullmatch(raw):
        if today is None:
            return None
        return _real(raw, today.year, int(match["m"]), int(match["d"]), where)
    for pattern in (_DAY_MONTH_RE, _MONTH_DAY_RE):
        if (match := pattern.fullmatch(raw)) is None:
            continue
        if match["y"] is None and today is None:
            return None
        month = _MONTHS.get(match["mw"].lower())
        if month is None:
            if match["y"] is None:
                return None  # "2 weeks": words and a number, not a date missing its year
            reason = f"no month is called {shown(match['mw'])}"
            raise _refuse(raw, "a date", DATE_HINT, where, reason)
        year = today.year if match["y"] is None and today is not None else _year(match["y"])
        found = _real(raw, year, month, int(match["d"]), where)
        _check_weekday(raw, match["wd"], found, where)
        return found
    return None


def _year(digits: str) -> int:
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _real(raw: str, year: int, month: int, day: int, where: str | None) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise _refuse(raw, "a date", DATE_HINT, where) from None


def _check_weekday(raw: str, weekday: str | None, found: date, where: str | None) -> None:
    if weekday is None:
        return
    number = WEEKDAYS.get(weekday.lower())
    if number is None:
        raise _refuse(raw, "a date", DATE_HINT, where, f"{shown(weekday)} is not a weekday")
    if number != found.weekday():
        reason = f"{long_date(found)} is a {WEEKDAY_NAMES[found.weekday()]}"
        raise _refuse(raw, "a date", DATE_HINT, where, reason)


# A date inside running text ("... the meeting held on 29 November 2021 be ..."): the written
# forms that name a day whatever today is.
_DATE_IN_TEXT_RE = re.compile(
    r"\b(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[a-z]+\.?,?\s+[0-9]{4}"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})\b",
    _A,
)


def dates_in(text: str) -> list[date]:
    """The dates running text names, in order, each once ("29 November 2021", "31st January,
    2022", "2021-11-29", "29/11/2021"); words that only look like one (31 February 2022,
    "5 members 2022") name none."""
    found: list[date] = []
    for match in _DATE_IN_TEXT_RE.finditer(text):
        try:
            day = try_date(match[0], today=None)
        except BadValue:
            continue
        if day is not None and day not in found:
            found.append(day)
    return found


def format_date(day: date) -> str:
    """How a dialog prefills a date: 2022-03-14 (unambiguous, and what the placeholders ask)."""
    return day.isoformat()


def long_date(day: date) -> str:
    """'14 March 2022', as the minutes, the agendas and the screens' sentences write it."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """'Mon 14 Mar 2022', as the screens' headings write a meeting's date."""
    weekday, month = WEEKDAY_NAMES[day.weekday()][:3], MONTH_NAMES[day.month - 1][:3]
    return f"{weekday} {day.day:02d} {month} {day.year}"


# ---- months (an action's date on an old tracker) ----------------------------------------------


def parse_month(text: str, *, today: date | None, where: str | None = "date") -> date:
    """The month an action came from, as a tracker writes it (Nov 2021, November 2021, 2021-11,
    11/2021: the first of that month) or a whole date (that day is kept)."""
    raw = " ".join(text.split()).strip(".,")
    if match := _MONTH_YEAR_RE.fullmatch(raw):
        month = _MONTHS.get(match["mw"].lower())
        if month is None:
            raise _refuse(raw, "a month", MONTH_HINT, where)
        return _real_month(raw, int(match["y"]), month, where)
    if match := _YEAR_MONTH_RE.fullmatch(raw):
        return _real_month(raw, int(match["y"]), int(match["m"]), where)
    if match := _MONTH_SLASH_YEAR_RE.fullmatch(raw):
        return _real_month(raw, int(match["y"]), int(match["m"]), where)
    try:
        found = try_date(raw, today=today, where=where)
    except BadValue:
        found = None
    if found is None:
        raise _refuse(raw, "a month", MONTH_HINT, where)
    return found


def _real_month(raw: str, year: int, month: int, where: str | None) -> date:
    try:
        return date(year, month, 1)
    except ValueError:
        raise _refuse(raw, "a month", MONTH_HINT, where) from None


def format_month(day: date) -> str:
    """'Nov 2021', as the action tracker writes the month an action came from."""
    return f"{MONTH_NAMES[day.month - 1][:3]} {day.year}"


# ---- times of day -----------------------------------------------------------------------------


def parse_time(text: str, *, where: str | None = "time") -> time:
    """A time of day as a clerk types it (see the module's rules); blank is refused."""
    if not text.strip():
        raise BadValue("give a time, e.g. 13:30", where=where, typed=text)
    found = try_time(text, where=where)
    if found is None:
        raise _refuse(text, "a time of day", TIME_HINT, where)
    return found


def parse_optional_time(text: str, *, where: str | None = "time") -> time | None:
    """A time of day, or None for a blank field."""
    return parse_time(text, where=where) if text.strip() else None


def try_time(text: str, *, running_text: bool = False, where: str | None = "time") -> time | None:
    """The time of day ``text`` names; None when it is not shaped like one; BadValue when it is
    but names none (25:70, 13pm) or could name two ("130"). ``running_text``: digits alone are
    no time (a header line's 2022 is a year)."""
    raw = " ".join(text.split())
    if _NOON_RE.fullmatch(raw):
        return time(12, 0)
    if _MIDNIGHT_RE.fullmatch(raw):
        return time(0, 0)
    if match := _CLOCK_RE.fullmatch(raw) or _HOUR_AMPM_RE.fullmatch(raw):
        groups = match.groupdict()  # an hour and am/pm alone has no minutes or seconds
        minute, second = int(groups.get("m") or 0), int(groups.get("s") or 0)
        return _clock(raw, int(groups["h"]), minute, second, groups["ampm"], where)
    if (match := _FOUR_DIGITS_RE.fullmatch(raw)) and (match["word"] or not running_text):
        return _clock(raw, int(match["h"]), int(match["m"]), 0, None, where)
    if _FEW_DIGITS_RE.fullmatch(raw) and not running_text:
        raise _refuse(raw, "a time of day", TIME_HINT, where, _readings(raw))
    return None


def _clock(
    raw: str, hour: int, minute: int, second: int, ampm: str | None, where: str | None
) -> time:
    if ampm:
        if not 1 <= hour <= 12:
            raise _refuse(raw, "a time of day", TIME_HINT, where)
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise _refuse(raw, "a time of day", TIME_HINT, where)
    return time(hour, minute, second)


def _readings(digits: str) -> str:
    """The times a few digits could mean, for the refusal: '130' → 'write 01:30 or 13:30'."""
    hour, minute = (
        (int(digits[:-2] or 0), int(digits[-2:])) if len(digits) == 3 else (int(digits), 0)
    )
    if hour > 23 or minute > 59:
        return ""
    readings = [f"{hour:02d}:{minute:02d}"]
    if 1 <= hour <= 11:
        readings.append(f"{hour + 12}:{minute:02d}")
    return "write " + " or ".join(readings)


def format_time(at: time) -> str:
    """How a dialog prefills a time: 13:30, or 13:30:15 when it has seconds."""
    return f"{at:%H:%M:%S}" if at.second else f"{at:%H:%M}"


# ---- lengths of time --------------------------------------------------------------------------


def parse_duration(text: str, *, where: str | None = "length") -> timedelta:
    """A length of time as a clerk types it (see the module's rules); blank is refused."""
    raw = " ".join(text.split())
    if not raw:
        raise BadValue("give a length of time, e.g. 90 or 1h30", where=where, typed=text)
    for pattern in _DURATION_RES:
        if match := pattern.fullmatch(raw):
            groups = match.groupdict()
            hours = int(groups.get("h") or 0)
            minutes = int(groups.get("m") or 0)
            if "h" in groups and minutes > 59:
                break
            length = timedelta(hours=hours, minutes=minutes)
            if length > LONGEST:
                raise BadValue(
                    f"{shown(raw)} is longer than a day: {DURATION_HINT}",
                    where=where,
                    typed=raw,
                    reason="longer than a day",
                )
            return length
    raise _refuse(raw, "a length of time", DURATION_HINT, where)


def parse_optional_duration(text: str, *, where: str | None = "length") -> timedelta | None:
    """A length of time, or None for a blank field."""
    return parse_duration(text, where=where) if text.strip() else None


def format_duration(length: timedelta) -> str:
    """How a dialog prefills a length of time, in whole minutes: 45 min, 1h, 1h30."""
    minutes = int(length / timedelta(minutes=1))
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}" if minutes else f"{hours}h"


# ---- a speaker's time limit ------------------------------------------------------------------

_TIME_LIMIT = re.compile(r"(\d{1,3})(?::([0-5]\d))?")


def parse_time_limit(typed: str) -> int:
    """Seconds from what the clerk typed as a time limit: m:ss ("2:30") or whole minutes
    ("3"); nothing or 0: no limit."""
    words = typed.strip()
    if not words:
        return 0
    found = _TIME_LIMIT.fullmatch(words)
    if found is None:
        raise ClerkError(
            f"a time limit is minutes (3) or minutes:seconds (2:30), not {words!r}", where="limit"
        )
    return int(found[1]) * 60 + int(found[2] or 0)
