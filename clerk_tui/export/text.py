"""The minutes as plain text, in the layout of the reference minutes.

A blank line between blocks; the lines of a list (members present, bullets, resolutions)
follow one another; bullets start "- "; resolutions "i. ", their sub-points are indented.
What the file holds is clean text (:func:`clerk_tui.text.clean_text`), whatever an older
database holds: no ESC sequence or control character reaches a reader's terminal.
"""

from __future__ import annotations

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
)
from clerk_tui.text import clean_text

SUB_POINT_INDENT = "    "


def _labelled(label: str, text: str) -> str:
    return f"{label} {text}" if label else text


def block_chunks(block: Block) -> list[str]:
    """The text of one block, as chunks to be separated by blank lines."""
    match block:
        case Paragraph(text=text):
            return [text]
        case Bullets(items=items):
            return ["\n".join(f"- {item}" for item in items)]
        case Resolved(resolutions=resolutions):
            lines: list[str] = []
            for resolution in resolutions:
                lines.append(_labelled(resolution.label, resolution.text))
                lines.extend(
                    SUB_POINT_INDENT + _labelled(sub.label, sub.text) for sub in resolution.children
                )
            return [RESOLVED_LABEL, "\n".join(lines)]
        case NamedVote(rows=rows):
            return ["\n".join(f"{name}: {', '.join(names) or 'None'}" for name, names in rows)]
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover


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
