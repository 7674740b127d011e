"""The logical structure of a tagged PDF, built alongside the flow it describes: elements
(Document, H1, H2, P, L, LI, Lbl, LBody, Table, TR, TH, TD) and the runs of marked content
they own. A run learns where it was drawn (its page, its MCID) only when the pages are
written; the element keeps its place among its siblings from the start, so the reading order
is the order the paper was built in, whatever the pagination did."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(eq=False)
class Content:
    """One run of marked content: the words of one paragraph, label or cell paragraph."""

    elem: Element
    marks: list[tuple[int, int]] = field(default_factory=list)  # (page index, MCID)


@dataclass(eq=False)
class Element:
    """A structure element and its kids, in reading order."""

    tag: str
    kids: list[Element | Content] = field(default_factory=list)
    attributes: dict[str, object] | None = None

    def add(self, tag: str, attributes: dict[str, object] | None = None) -> Element:
        kid = Element(tag, attributes=attributes)
        self.kids.append(kid)
        return kid

    def content(self) -> Content:
        run = Content(self)
        self.kids.append(run)
        return run

    def leaf(self, tag: str) -> Content:
        """A new kid element holding one run of content: a P, an H2, a Lbl."""
        return self.add(tag).content()
