"""The minutes as Markdown: ``#`` heading, a ``##`` per minute, banners for DRAFT and
CONFIDENTIAL, bullets as a list, resolutions as a list whose labels (i., ii., a.) are kept
literally (Markdown cannot number in roman)."""

from __future__ import annotations

from clerk_tui.export.markdown_util import md_escape, md_table
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


def _labelled(label: str, text: str) -> str:
    return f"{label} {md_escape(text)}" if label else md_escape(text)


def _list(items: tuple[str, ...] | list[str]) -> str:
    return "\n".join(f"- {md_escape(item)}" for item in items)


def block_markdown(block: Block) -> list[str]:
    match block:
        case Paragraph(text=text):
            return [md_escape(text)]
        case Bullets(items=items):
            return [_list(items)]
        case Resolved(resolutions=resolutions):
            if len(resolutions) == 1 and not resolutions[0].label:
                only = resolutions[0]
                parts = [f"**{RESOLVED_LABEL}**", md_escape(only.text)]
                if only.children:
                    parts.append(
                        "\n".join(f"- {_labelled(s.label, s.text)}" for s in only.children)
                    )
                return parts
            lines: list[str] = []
            for resolution in resolutions:
                lines.append(f"- {_labelled(resolution.label, resolution.text)}")
                lines.extend(f"    - {_labelled(s.label, s.text)}" for s in resolution.children)
            return [f"**{RESOLVED_LABEL}**", "\n".join(lines)]
        case NamedVote(rows=rows):
            return [md_table(["Vote", "Members"], [[n, ", ".join(v) or "None"] for n, v in rows])]
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover


def section_markdown(section: Section) -> list[str]:
    parts = [f"## {md_escape(section.heading)}"]
    if section.confidential:
        parts.append(f"**{CONFIDENTIAL_MARKER}**")
    for block in section.blocks:
        parts.extend(block_markdown(block))
    return parts


def render_markdown(minutes: Minutes) -> str:
    """The minutes as Markdown (ends with a newline)."""
    parts: list[str] = []
    if minutes.draft:
        parts.append(f"**{DRAFT_MARKER}**")
    if minutes.confidential:
        parts.append(f"> **{CONFIDENTIAL_MARKER}** — contains exempt information")
    parts.append(f"# {md_escape(minutes.heading)}")
    parts.append(f"**{PRESENT_LABEL}**")
    if minutes.present:
        parts.append(_list(minutes.present))
    if minutes.also_present:
        parts.append(f"**{ALSO_PRESENT_LABEL}**")
        parts.append(_list(minutes.also_present))
    for section in minutes.sections:
        parts.extend(section_markdown(section))
    if minutes.closing:
        parts.append(md_escape(minutes.closing))
    parts.append(md_escape(minutes.dotted_line))
    parts.append(f"**{md_escape(minutes.chair_line)}**")
    return "\n\n".join(parts) + "\n"
