"""The document outline (bookmarks): the paper's heading and each minute's heading, in order,
each going to where it is printed, so a reader can move about a long set of minutes by its
headings, as a screen reader does by the H1 and H2 of the structure tree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clerk_tui.export.pdf.objects import Name, PdfFile, Ref, text_string
from clerk_tui.export.pdf.paginate import Page

HEADINGS = ("H1", "H2")


@dataclass
class Heading:
    title: str
    page: int
    top: float


def headings(pages: Sequence[Page]) -> list[Heading]:
    """The headings drawn, in page order (the paper's order), with where each begins."""
    found: dict[int, Heading] = {}
    for index, page in enumerate(pages):
        for run in page.runs:
            content = run.content
            if content is None or content.elem.tag not in HEADINGS:
                continue
            heading = found.setdefault(id(content), Heading("", index, run.y + run.size))
            heading.title += run.text
    return list(found.values())


def write_outline(pdf: PdfFile, pages: Sequence[Page], page_refs: Sequence[Ref]) -> Ref | None:
    """The outline's objects; None for a paper with fewer than two headings."""
    found = headings(pages)
    if len(found) < 2:
        return None
    root = pdf.reserve()
    refs = [pdf.reserve() for _ in found]
    for n, (heading, ref) in enumerate(zip(found, refs, strict=True)):
        entry: dict[str, object] = {
            "Title": text_string(heading.title.strip()),
            "Parent": root,
            "Dest": [page_refs[heading.page], Name("XYZ"), 0, heading.top, None],
        }
        if n:
            entry["Prev"] = refs[n - 1]
        if n + 1 < len(refs):
            entry["Next"] = refs[n + 1]
        pdf.set(ref, entry)
    pdf.set(
        root, {"Type": Name("Outlines"), "First": refs[0], "Last": refs[-1], "Count": len(refs)}
    )
    return root
