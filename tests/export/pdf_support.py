"""Reading the PDF papers back (pypdf): their text page by page without the page header and
footer, and their structure tree's tags in reading order."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

PAGE_MARKS = {"DRAFT", "CONFIDENTIAL", "CONFIDENTIAL – DRAFT"}
FOOTER = re.compile(r"^Page \d+ of \d+$")


def read(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data), strict=True)  # a malformed file fails the test


def page_lines(reader: PdfReader) -> list[list[str]]:
    """Each page's lines of text, its header mark and its "Page N of M" left out."""
    pages: list[list[str]] = []
    for page in reader.pages:
        lines = [line.strip() for line in page.extract_text().splitlines()]
        pages.append([ln for ln in lines if ln and ln not in PAGE_MARKS and not FOOTER.match(ln)])
    return pages


def words(reader: PdfReader) -> list[str]:
    return [word for page in page_lines(reader) for line in page for word in line.split()]


def structure_tags(reader: PdfReader) -> list[str]:
    """The tags of the structure tree, depth first (reading order), the root's kid first."""
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    tags: list[str] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid)
        elif isinstance(node, DictionaryObject) and node.get("/Type") == "/StructElem":
            tags.append(str(node["/S"])[1:])
            walk(node.get("/K", ArrayObject()))

    walk(root["/K"])
    return tags
