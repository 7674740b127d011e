"""What every part of the reader shares: the errors that learn their line on the way up, and the
text helpers for quoting a cell and taking off Markdown's marks."""

from __future__ import annotations

import re


class Bad(Exception):
    """A value could not be read; whoever catches it adds the file and the line."""


class Located(Exception):
    """A :class:`Bad` that knows its line; :func:`parse_agenda` adds the file."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def show(value: str, limit: int = 40) -> str:
    """A cell's text quoted for a one-line message, shortened if long."""
    value = " ".join(value.split())
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return repr(value)


HEADING_MARKS_RE = re.compile(r"^(?:#{1,6}|>)\s*")


def unmark(text: str) -> str:
    """Text without Markdown's wrapping emphasis (``**APOLOGIES**``)."""
    text = text.strip()
    for mark in ("**", "__", "*", "_", "`"):
        if len(text) > 2 * len(mark) and text.startswith(mark) and text.endswith(mark):
            return text[len(mark) : -len(mark)].strip()
    return text
