"""The minutes as plain text, in the layout of the reference minutes.

A blank line between blocks; the lines of a list (members present, bullets, resolutions)
follow one another; bullets start "- "; resolutions "i. ", their sub-points are indented.
What the file holds is clean text (:func:`clerk_tui.text.clean_text`), whatever an older
database holds: no ESC sequence or control character reaches a reader's terminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk_tui.minutes import (
    ALSO_PRESENT_LABEL,
    CONFIDENTIAL_MARKER,
    DRAFT_MARKER,
    PRESENT_LABEL,
    RESOLVED_LABEL,
    Block,
    Bullets,
    Minutes,
    NamedVote,
    Paragraph,
    Resolved,
    Section,
    Source,
)
from clerk_tui.text import clean_text

SUB_POINT_INDENT = "    "


@dataclass(frozen=True)
class Piece:
    """One line (or paragraph) of the plain text, the record it says, and what leads it: a
    bullet's "- ", a resolution's "i. ", a sub-point's indent and "a. "."""

    text: str
    source: Source | None = None
    prefix: str = ""

    @property
    def line(self) -> str:
        return self.prefix + self.text


BULLET = "- "


def _label(label: str) -> str:
    return f"{label} " if label else ""


def block_pieces(block: Block) -> list[list[Piece]]:
    """The text of one block as chunks (to be separated by blank lines), each chunk the lines
    that follow one another, each line with its source: the one plain-text rendering that the
    text export prints and the record pane shows."""
    match block:
        case Paragraph(text=text, source=source):
            return [[Piece(text, source)]]
        case Bullets(items=items, sources=sources):
            where = sources or (None,) * len(items)
            return [[Piece(item, s, BULLET) for item, s in zip(items, where, strict=True)]]
        case Resolved(resolutions=resolutions):
            lines: list[Piece] = []
            for resolution in resolutions:
                lines.append(Piece(resolution.text, resolution.source, _label(resolution.label)))
                lines.extend(
                    Piece(sub.text, sub.source, SUB_POINT_INDENT + _label(sub.label))
                    for sub in resolution.children
                )
            return [[Piece(RESOLVED_LABEL)], lines]
        case NamedVote(rows=rows, source=source):
            return [[Piece(", ".join(names) or "None", source, f"{row}: ") for row, names in rows]]
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover


def block_chunks(block: Block) -> list[str]:
    """The text of one block, as chunks to be separated by blank lines."""
    return ["\n".join(piece.line for piece in chunk) for chunk in block_pieces(block)]


def section_pieces(section: Section) -> list[Piece]:
    """A section's blocks as their lines, heading left out: what the record pane lists."""
    return [piece for block in section.blocks for chunk in block_pieces(block) for piece in chunk]


def section_body(section: Section) -> str:
    """A section as the text export prints it, without its heading (and CONFIDENTIAL mark)."""
    return "\n\n".join(chunk for block in section.blocks for chunk in block_chunks(block))


def section_chunks(section: Section) -> list[str]:
    chunks = [section.heading]
    if section.confidential:
        chunks.append(CONFIDENTIAL_MARKER)
    for block in section.blocks:
        chunks.extend(block_chunks(block))
    return chunks


def render_text(minutes: Minutes) -> str:
    """The minutes as plain text (ends with a newline)."""
    chunks: list[str] = []
    if minutes.draft:
        chunks.append(DRAFT_MARKER)
    if minutes.confidential:
        chunks.append(CONFIDENTIAL_MARKER)
    chunks.append(minutes.heading)
    chunks.append(PRESENT_LABEL)
    if minutes.present:
        chunks.append("\n".join(minutes.present))
    if minutes.also_present:
        chunks.append(ALSO_PRESENT_LABEL)
        chunks.append("\n".join(minutes.also_present))
    for section in minutes.sections:
        chunks.extend(section_chunks(section))
    if minutes.closing:
        chunks.append(minutes.closing)
    chunks.append(minutes.dotted_line)
    chunks.append(minutes.chair_line)
    return clean_text("\n\n".join(chunks) + "\n")
