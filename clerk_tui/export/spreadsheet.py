"""CSV for spreadsheets: formula injection escaped, UTF-8 with a byte-order mark.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run as
a formula by Excel or LibreOffice; it gets a leading apostrophe, which the spreadsheet shows
as text and hides. The file is UTF-8 with a BOM so Excel shows en dashes and curly apostrophes
(read it back in Python with ``encoding="utf-8-sig"``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from clerk_tui.text import clean_text

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The cell as text (clean of what no file should hold, whatever an older database has),
    with a leading apostrophe where it would start a formula."""
    raw = "" if value is None else str(value)
    text = clean_text(raw)
    return f"'{text}" if raw.startswith(FORMULA_STARTS) or text.startswith(FORMULA_STARTS) else text


def csv_bytes(rows: Iterable[Iterable[object]]) -> bytes:
    """Rows as CSV bytes (UTF-8 with BOM, CRLF line ends, every cell made safe)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")
