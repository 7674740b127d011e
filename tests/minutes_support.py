"""What the minutes tests share: finding a section, its resolutions and its paragraphs."""

from __future__ import annotations

from clerk_tui.minutes import Minutes, Paragraph, Resolved, Section


def section(minutes: Minutes, number: int) -> Section:
    return next(s for s in minutes.sections if s.minute_number == number)


def resolved(sec: Section) -> Resolved:
    return next(b for b in sec.blocks if isinstance(b, Resolved))


def texts(sec: Section) -> list[str]:
    return [b.text for b in sec.blocks if isinstance(b, Paragraph)]
