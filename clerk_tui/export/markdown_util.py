"""Escaping text for Markdown (CommonMark): what the clerk typed is shown, never interpreted,
and nothing a terminal would act on (an ESC sequence from a database of before text was cleaned
at the door) reaches the file."""

from __future__ import annotations

import re

from clerk_tui.text import clean_text

_INLINE = re.compile(r"([\\`*_\[\]<])")
_LIST_NUMBER = re.compile(r"^(\s*\d{1,9})([.)])(\s|$)")
_LINE_START = re.compile(r"^(\s*)([#>+-]|=+\s*$)")


def md_escape(text: str, *, table: bool = False) -> str:
    """``text`` escaped so that Markdown shows it literally.

    In a table cell (``table``) pipes are escaped and line breaks become ``<br>``.
    """
    lines = []
    for line in clean_text(text).split("\n"):
        line = _INLINE.sub(r"\\\1", line)
        line = _LIST_NUMBER.sub(r"\1\\\2\3", line)
        line = _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", line)
        if table:
            line = line.replace("|", "\\|")
        lines.append(line)
    return "<br>".join(lines) if table else "\n".join(lines)


def md_table(header: list[str], rows: list[list[str]], *, escape: bool = True) -> str:
    """A pipe table; cells are escaped here unless ``escape`` is False (already escaped)."""

    def row(cells: list[str]) -> str:
        return "| " + " | ".join(md_escape(c, table=True) if escape else c for c in cells) + " |"

    lines = [row(header), "| " + " | ".join("---" for _ in header) + " |"]
    lines.extend(row(r) for r in rows)
    return "\n".join(lines)
