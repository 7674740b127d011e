"""Reading a rendered Word file back: python-docx for the document, the raw XML parts for what
python-docx does not surface (colours, fonts, table and row properties)."""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.document import Document
from docx.shared import Length

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def xml_parts(data: bytes) -> dict[str, str]:
    """Every XML part of the package by name (body, styles, headers, footers, properties)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        }


def colours(data: bytes) -> set[str]:
    """Every w:color value in the document's Word parts (not the theme's palette, which no
    style points at once theme colours are gone)."""
    found: set[str] = set()
    for name, xml in xml_parts(data).items():
        if name.startswith("word/") and not name.startswith("word/theme/"):
            found.update(re.findall(r'<w:color w:val="([^"]*)"', xml))
    return found


def theme_references(data: bytes) -> list[str]:
    """Theme colours of text and theme fonts named anywhere in the Word parts (an unused table
    style's accent borders are not text)."""
    found: list[str] = []
    for name, xml in xml_parts(data).items():
        if name.startswith("word/") and not name.startswith("word/theme/"):
            found += re.findall(r"<w:color [^>]*w:themeColor=", xml)
            found += re.findall(r'w:(?:asciiTheme|hAnsiTheme|eastAsiaTheme|cstheme)="', xml)
    return found


def visible_text(document: Document) -> str:
    """What a reader of the pages sees: body paragraphs, table cells, headers and footers."""
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
        parts += [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def near(length: Length | None, cm: float) -> bool:
    return length is not None and abs(length.cm - cm) < 0.01
