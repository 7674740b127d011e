"""CSV cells never run as formulas in a spreadsheet."""

from __future__ import annotations

import csv
import io

import pytest

from clerk_tui.export.spreadsheet import csv_bytes, safe_cell


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+44 121", "'+44 121"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\nx"),  # escaped, and the carriage return a line end as everywhere
        ("\x1b[31m=1", "'=1"),  # an escape sequence removed never hides a formula
        ("a=b", "a=b"),
        ("Nov 2021", "Nov 2021"),
        ("", ""),
        (617, "617"),
        (None, ""),
    ],
)
def test_safe_cell(cell: object, safe: str) -> None:
    assert safe_cell(cell) == safe


def test_csv_bytes_round_trip() -> None:
    data = csv_bytes([["Minute No.", "Action"], [617, '=HYPERLINK("x")'], [620, 'a, "b"\nc']])
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows == [["Minute No.", "Action"], ["617", '\'=HYPERLINK("x")'], ["620", 'a, "b"\nc']]
