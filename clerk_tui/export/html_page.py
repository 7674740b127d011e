"""The frame every HTML paper shares: the page itself (language, title, document properties,
one small embedded print style), the escaping of the clerk's text and real tables.

The markup is polyglot (every element closed, attributes quoted, ``<meta ... />``), so the
page is both HTML and well-formed XML: any tool a council's web team uses can read it. It
loads nothing (no script, no external style, font or image): one file that can be published as
it is, and it reads in order, headings and lists and all, with its style turned off."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.text import clean_text

# Print first (A4, black on white, one family, "Page N of M"), then the screen: a readable
# measure. The list types are said again for renderers whose own style omits them. Headings
# and the labels before a list ("RESOLVED: -") stay with what follows; a resolution list, a
# list item and a table row are not split across pages where they fit on one.
STYLE = """\
@page { size: A4 PORTRAIT; margin: 2cm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages);
    font-family: Arial, "Liberation Sans", sans-serif; font-size: 9pt; } }
html { color: #000; background: #fff; }
body { font-size: 11pt; line-height: 1.35; max-width: 48em; margin: 1em auto; padding: 0 1em;
  overflow-wrap: anywhere; }
body, h1, h2, p, li, th, td, caption { font-family: Arial, "Liberation Sans", sans-serif; }
h1 { font-size: 14pt; }
h2 { font-size: 11pt; margin: 1.4em 0 0.6em; }
h1, h2, .label { font-weight: bold; break-after: avoid; page-break-after: avoid; }
.label { margin-bottom: 0.4em; }
.marking { font-weight: bold; text-align: center; letter-spacing: 0.1em; }
ul.names { list-style: none; padding-left: 0; margin-top: 0; }
ol, li, tr, .signature { break-inside: avoid; page-break-inside: avoid; }
ol[type="i"] { list-style-type: lower-roman; }
ol[type="a"] { list-style-type: lower-alpha; }
ol.labelled { list-style: none; padding-left: 0; }
li { margin-bottom: 0.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; }
thead { display: table-header-group; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
th, td { border: 1px solid #000; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
td p { margin: 0 0 0.3em; }
col.narrow { width: 7em; }
.signature { margin-top: 3em; }
.signature p { margin: 1.5em 0; }
@media print { body { max-width: none; margin: 0; padding: 0; } a { color: #000; } }
"""


def text(value: str) -> str:
    """The clerk's words as HTML text: escaped (a ``<script>`` typed stays text), cleaned of
    what no paper can hold (an older database may still have a control character, which XML
    refuses), and their line breaks kept."""
    return "<br />".join(escape(line, quote=False) for line in clean_text(value).split("\n"))


def attribute(value: str) -> str:
    """A value for a quoted attribute: one line, escaped."""
    return escape(" ".join(clean_text(value).split()), quote=True)


def lines(parts: Iterable[str]) -> str:
    """Elements one a line (the page's source reads as well as the page)."""
    return "\n" + "\n".join(parts) + "\n"


def element(tag: str, content: str, **attributes: str) -> str:
    """``<tag a="v">content</tag>``; ``content`` is markup already (see :func:`text`). An
    attribute named with a trailing underscore (``class_``) loses it."""
    attrs = "".join(f' {k.rstrip("_")}="{attribute(v)}"' for k, v in attributes.items())
    return f"<{tag}{attrs}>{content}</{tag}>"


def markings(words: Iterable[str]) -> str:
    """The page's header: DRAFT, CONFIDENTIAL..., each once, above the heading."""
    shown = [element("p", text(word), class_="marking") for word in words]
    return element("header", lines(shown)) if shown else ""


def table(
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    caption: str = "",
    narrow: int = 0,
    row_headers: bool = False,
    labelled_by: str = "",
) -> str:
    """A data table: a header row of ``th scope="col"`` (repeated on every printed page), one
    row per ``rows``, whose cells are markup already (see :func:`text`); with ``row_headers``
    a row's first cell is its ``th scope="row"``. The first ``narrow`` columns are kept narrow
    (a number, a date)."""
    parts: list[str] = []
    if caption:
        parts.append(element("caption", text(caption)))
    if narrow:
        cols = ['<col class="narrow" />'] * narrow + ["<col />"] * (len(columns) - narrow)
        parts.append(element("colgroup", "".join(cols)))
    head = "".join(element("th", text(c), scope="col") for c in columns)
    parts.append(element("thead", element("tr", head)))
    body: list[str] = []
    for row in rows:
        cells = [element("td", cell) for cell in row]
        if row_headers:
            cells[0] = element("th", row[0], scope="row")
        body.append(element("tr", "".join(cells)))
    parts.append(element("tbody", lines(body)))
    attrs = {"aria-labelledby": labelled_by} if labelled_by else {}
    return element("table", lines(parts), **attrs)


def page(info: DocumentInfo, body: Iterable[str], *, landscape: bool = False) -> str:
    """The whole page: the head (language, title, author, subject) and ``body``'s markup."""
    info = info.cleaned()
    style = STYLE.replace("PORTRAIT", "landscape" if landscape else "portrait")
    language = attribute(info.language)
    head = [
        '<meta charset="utf-8" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        element("title", text(info.title)),
    ]
    if info.author.strip():
        head.append(f'<meta name="author" content="{attribute(info.author)}" />')
    if info.subject.strip():
        head.append(f'<meta name="description" content="{attribute(info.subject)}" />')
    head.append(element("style", "\n" + style))
    return (
        "<!DOCTYPE html>\n"
        f'<html xmlns="http://www.w3.org/1999/xhtml" lang="{language}" xml:lang="{language}">\n'
        + element("head", lines(head))
        + "\n"
        + element("body", lines(part for part in body if part))
        + "\n</html>\n"
    )
