"""The record pane's lines (screens/widgets/item_minute.py): the minutes' words for an item,
grouped by the record they say, each an option keyed by it; a vote and a resolution with how
the vote went; a generated sentence the clerk reworded marked as no longer following the
records; then the item's tracker actions and the actions carried forward."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets.option_list import Option

from clerk_tui.desk.decisions import ActionView, ItemMinuteView
from clerk_tui.export.text import BULLET, Piece, section_pieces
from clerk_tui.minutes import Paragraph, Section

# The debate's keys on a line of their own: the pane is 68 columns wide at 140, and a key
# parted from its word by the wrap ("· M" / "motion") reads as nothing.
DEBATE_HINT = "M motion · K speakers"
HINT = f"Nothing minuted yet — m note · r resolution · v vote · t action\n{DEBATE_HINT}"
# An item whose minutes say something already (the apologies sentence, "None declared."):
# nothing is "unminuted", but the clerk has recorded nothing on it yet.
HINT_WRITTEN = (
    f"m note · r resolution · v vote · t action · enter rewords a sentence\n{DEBATE_HINT}"
)
EDITED_MARK = "edited — no longer follows the records · delete: back to the generated words"
EDITED_VOTE_MARK = "edited — no longer follows the records · w: reword or go back"

# ---- the options: the minutes' lines, grouped by the record they say ------------------------


def pane_options(view: ItemMinuteView | None, section: Section | None) -> list[Option | None]:
    """The pane's options for an item: the minutes' lines, then its tracker actions."""
    if view is None:
        return [Option(Text("No current item: start or select one on the agenda."), disabled=True)]
    options: list[Option | None] = []
    seen: set[str] = set()
    edited = _edited(section)
    for group in _grouped(section_pieces(section) if section is not None else []):
        source = group[0].source
        if source is None:  # "RESOLVED: -": a heading of the minutes, not a record
            options.append(Option(Text(group[0].line, style="bold"), disabled=True))
            continue
        key = source.key if source.key not in seen else None
        seen.add(source.key)
        options.append(Option(_prompt(group, view, source.key in edited), id=key))
    if view.actions:
        options.append(Option(Text("ACTIONS FOR THE TRACKER", style="bold"), disabled=True))
        for action in view.actions:
            options.append(Option(_action(action, view), id=f"action-{action.id}"))
    if view.empty:  # the clerk has recorded nothing on it yet (the minutes may say something)
        hint = HINT_WRITTEN if section is not None and section.blocks else HINT
        options.append(Option(Text(hint, style="dim"), disabled=True))
    if view.carried_forward:
        options.append(None)
        options.append(
            Option(
                Text(
                    f"OUTSTANDING ACTIONS CARRIED FORWARD ({len(view.carried_forward)}, "
                    "read only — the tracker updates them)",
                    style="bold",
                ),
                disabled=True,
            )
        )
        for action in view.carried_forward:
            options.append(Option(_carried(action, action.exempt), disabled=True))
    return options


def _edited(section: Section | None) -> set[str]:
    """The keys of the generated sentences the clerk has reworded."""
    if section is None:
        return set()
    return {
        block.source.key
        for block in section.blocks
        if isinstance(block, Paragraph) and block.edited and block.source is not None
    }


def _grouped(pieces: list[Piece]) -> list[list[Piece]]:
    """Consecutive lines saying the same record make one option (a vote's sentence and its
    names; a note of several paragraphs)."""
    groups: list[list[Piece]] = []
    for piece in pieces:
        if groups and piece.source is not None and groups[-1][0].source == piece.source:
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


def _hanging(prefix: str, body: Text) -> RenderableType:
    """``prefix`` then ``body``, its wrapped lines kept clear of the prefix (a. b., bullets)."""
    grid = Table.grid()
    grid.add_column(no_wrap=True, width=len(prefix))
    grid.add_column(ratio=1)
    grid.add_row(Text(prefix), body)
    return grid


def _line(piece: Piece, style: str = "") -> RenderableType:
    """One line of the minutes as the text export writes it (a bullet drawn as "• ")."""
    body = Text(piece.text, style=style)
    if piece.prefix == BULLET:
        return _hanging("• ", body)
    if piece.prefix.endswith(": "):  # a named vote's row: "For: names"
        return Text.assemble((piece.prefix, "bold"), body)
    return _hanging(piece.prefix, body) if piece.prefix else body


def _prompt(group: list[Piece], view: ItemMinuteView, edited: bool = False) -> RenderableType:
    source = group[0].source
    assert source is not None
    if source.kind == "vote":
        vote = view.vote(source.id)
        lines: list[RenderableType] = [_vote_head(view, source.id)] if vote else []
        lines += [_line(p) for p in group]
        if edited:
            lines.append(Text(EDITED_VOTE_MARK, style="bold"))
        return Group(*lines)
    if source.kind == "resolution":
        resolution = view.resolution(source.id)
        piece = group[0]
        body = Text(piece.text)
        if resolution is not None and resolution.noted:
            body.append("  (noted)", style="dim")
        vote = view.vote(resolution.vote_id) if resolution is not None else None
        if vote is not None:
            body.append(f"  — vote: {vote.outcome} {vote.score}", style="bold")
        return _hanging(piece.prefix, body) if piece.prefix else body
    # Sentences the minutes write from other records, in italics: not typed on this item;
    # reworded by the clerk, upright and marked as no longer following the records.
    style = "" if source.kind == "note" or edited else "italic"
    lines = [_line(p, style) for p in group]
    if edited:
        lines.append(Text(EDITED_MARK, style="bold"))
    return lines[0] if len(lines) == 1 else Group(*lines)


def _vote_head(view: ItemMinuteView, vote_id: int | None) -> Text:
    """How the vote went, for the clerk (the minutes give only its sentence)."""
    vote = view.vote(vote_id)
    assert vote is not None
    head = Text.assemble(
        ("VOTE ", "bold"),
        (f"on “{vote.motion}” — ", ""),
        (vote.outcome.upper(), "bold green" if vote.carried else "bold red"),
        f" {vote.score}",
        (" · recorded vote" if vote.method == "recorded" else " · show of hands", "dim"),
    )
    if vote.inquorate:
        head.append(" · INQUORATE when taken", style="bold red")
    return head


def _action(action: ActionView, view: ItemMinuteView) -> Text:
    text = Text("→ ", style="bold")
    text.append(f"{action.minute_label}  ", style="dim")
    text.append(action.text)
    who = ", ".join(p for p in (action.owner, f"due {action.due}" if action.due else "") if p)
    if who:
        text.append(f" — {who}", style="bold")
    resolution = view.resolution(action.resolution_id)
    if resolution is not None and resolution.label:
        text.append(f" (from resolution {resolution.label})", style="dim")
    return text


def _carried(action: ActionView, exempt: bool) -> Text:
    month = f" {action.source_date:%b %Y}" if action.source_date else ""
    text = Text(f"{action.minute_number or '—'}{month}  ", style="dim")
    if exempt:  # in words, not colour: confidential, whatever the terminal shows
        text.append("EXEMPT ", style="bold")
    text.append(action.text)
    if action.owner:
        text.append(f" — {action.owner}", style="bold")
    if action.latest_update:
        text.append(f" · {action.latest_update}", style="dim italic")
    return text


def plain_text(prompt: object, width: int = 200) -> str:
    """A record's prompt as the plain words it shows (for the delete question, and tests)."""
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(prompt)
    return "\n".join(line.rstrip() for line in console.export_text().rstrip().splitlines())
