"""Reading an HTML paper back, for the tests: as XML (the page is polyglot markup, so it must
be well-formed) and with the standard library's HTML parser (as a browser tokenises it)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

XHTML = "{http://www.w3.org/1999/xhtml}"
DOCTYPE = "<!DOCTYPE html>\n"


def parse(page: str) -> ET.Element:
    """The page as an element tree, namespace dropped from the tags (``h1``, not
    ``{...xhtml}h1``); fails the test if the page is not well-formed."""
    assert page.startswith(DOCTYPE)
    root = ET.fromstring(page[len(DOCTYPE) :])
    for element in root.iter():
        element.tag = element.tag.removeprefix(XHTML)
    return root


def words(element: ET.Element | None) -> str:
    """All the text inside ``element``, its line breaks (``<br />``) as newlines (fails the
    test if there is no such element: ``find`` found none)."""
    assert element is not None
    out = [element.text or ""]
    for child in element:
        out.append("\n" if child.tag == "br" else words(child))
        out.append(child.tail or "")
    return "".join(out)


class Tags(HTMLParser):
    """Every start tag (with its attributes) and every piece of text, as an HTML parser reads
    them; and whether every element it opened was closed, in order."""

    VOID = frozenset({"meta", "br", "col", "img", "link", "hr", "input"})

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.starts: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []
        self.open: list[str] = []
        self.mismatched: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.mismatched.append(tag)

    def handle_data(self, data: str) -> None:
        self.data.append(data)

    def count(self, tag: str) -> int:
        return sum(1 for name, _ in self.starts if name == tag)
