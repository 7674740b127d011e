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

The work is split by job: ``reading`` (the entry points), ``decoding`` (bytes to lines),
``forms`` (which form, and its rows), ``columns``, ``header``, ``items`` (rows to items),
``when`` (dates and times), ``titles`` (kinds and titles), ``exempt`` (the exempt marks) and
``model`` (the data read).
"""

from __future__ import annotations

from clerk_tui.agenda_import.exempt import DEFAULT_EXEMPT_REASON, exempt_marks
from clerk_tui.agenda_import.model import (
    MAX_AGENDA_BYTES,
    PAPERS,
    ImportedAgenda,
    ImportedItem,
    Papers,
)
from clerk_tui.agenda_import.reading import parse_agenda, read_agenda_file
from clerk_tui.agenda_import.titles import kind_from_title, split_topic
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
