"""The agenda as read from a file: its items and header fields, plain frozen data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

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
