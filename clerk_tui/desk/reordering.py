"""Moving a note or a resolution up or down among its siblings (moved out of
:mod:`clerk_tui.desk.decisions`, which keeps to one module's length)."""

from __future__ import annotations

from clerk_tui.desk.store import Changes
from db import models


def reorder(
    changes: Changes,
    rows: list[models.MinuteNote] | list[models.Resolution],
    row: models.MinuteNote | models.Resolution,
    offset: int,
    summary: str,
) -> None:
    """Move ``row`` by ``offset`` in ``rows`` and give them positions 0..n-1 (no unique key
    on these positions, so no parking is needed and undo puts each one back exactly)."""
    ordered: list[models.MinuteNote | models.Resolution] = list(rows)
    index = next(i for i, r in enumerate(ordered) if r.id == row.id)
    target = max(0, min(len(ordered) - 1, index + offset))
    if target == index:
        return
    ordered.insert(target, ordered.pop(index))
    for position, each in enumerate(ordered):
        if each.position != position:
            changes.update(each, summary, position=position)
