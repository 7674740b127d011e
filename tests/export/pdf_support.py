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


CONTENT_LINE = re.compile(r"BT /(\w+) [\d.]+ Tf 1 0 0 1 [\d.]+ [\d.]+ Tm <([0-9A-F]*)> Tj ET")
MARK_LINE = re.compile(r"/\w+ <</MCID (\d+)>> BDC")


def _unicode_map(font: DictionaryObject) -> dict[str, str]:
    """A font's ToUnicode CMap: each four-hex-digit code to its text."""
    cmap = font["/ToUnicode"].get_object().get_data().decode("ascii")
    pairs = re.findall(r"<([0-9A-F]{4})> <([0-9A-F]+)>", cmap)
    return {code: bytes.fromhex(text).decode("utf-16-be") for code, text in pairs}


def marked_text(reader: PdfReader) -> dict[tuple[int, int], str]:
    """The words of each marked-content sequence, by (page index, MCID), decoded through the
    fonts' ToUnicode maps: what an assistive technology reads for each structure element."""
    texts: dict[tuple[int, int], str] = {}
    for index, page in enumerate(reader.pages):
        fonts = {
            key[1:]: _unicode_map(ref.get_object())
            for key, ref in page["/Resources"]["/Font"].items()
        }
        mcid: int | None = None
        for line in page.get_contents().get_data().decode("latin-1").splitlines():
            if mark := MARK_LINE.match(line):
                mcid = int(mark.group(1))
            elif line == "EMC" or line.endswith(("BDC", "BMC")):
                mcid = None
            elif (run := CONTENT_LINE.match(line)) and mcid is not None:
                unicode = fonts[run.group(1)]
                codes = run.group(2)
                words = "".join(unicode[codes[n : n + 4]] for n in range(0, len(codes), 4))
                texts[index, mcid] = texts.get((index, mcid), "") + words
    return texts


def structure_text(reader: PdfReader) -> list[str]:
    """The text of the structure tree in its own order (depth first), one entry a marked
    sequence: the reading order a screen reader follows, whatever the page's drawing order."""
    texts = marked_text(reader)
    pages = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    out: list[str] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid)
        elif isinstance(node, DictionaryObject) and node.get("/Type") == "/MCR":
            page = node.raw_get("/Pg").idnum  # the reference, not the page it points at
            out.append(texts[pages[page], int(node["/MCID"])])
        elif isinstance(node, DictionaryObject):
            walk(node.get("/K", ArrayObject()))

    walk(root["/K"])
    return out
