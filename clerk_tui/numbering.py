"""Minute numbers: pure arithmetic on the order items were actually taken.

Minute numbers run on across a body's meetings (611–622 in November, 623–632 in January).
Within a meeting they follow the order the items were taken, which need not be the agenda
order: the chair may vary it. Items deferred, withdrawn or never taken get no number.
Numbers are provisional while the meeting is live (recomputing them is cheap and always gives
the same answer for the same facts) and fixed when it closes, when the body's counter moves on
to ``next_counter_after``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from clerk_tui.timing import ItemState

__all__ = ["NumberingItem", "assign_minute_numbers", "next_counter_after"]

K = TypeVar("K", bound=Hashable)

# Items in these states were not dealt with at this meeting, even if they were begun.
_UNNUMBERED = (ItemState.DEFERRED, ItemState.WITHDRAWN)


@dataclass(frozen=True)
class NumberingItem(Generic[K]):
    """What numbering needs to know of an agenda item; ``key`` is any hashable id."""

    key: K
    actual_start: datetime | None
    state: ItemState | str = ItemState.PENDING


def assign_minute_numbers(items: Iterable[NumberingItem[K]], next_number: int) -> dict[K, int]:
    """Number the items taken, in the order they started, from the body's next number.

    ``items`` in agenda order: two items started at the same recorded time (a clock that
    only keeps minutes) keep their agenda order. An item counts as taken once it has started
    (running or taken) and was not then deferred or withdrawn.
    """
    if next_number < 1:
        raise ValueError(
            f"Minute numbers start at 1 or more (the next number given is {next_number})."
        )
    taken: list[tuple[datetime, int, K]] = []
    seen: set[K] = set()
    for position, item in enumerate(items):
        if item.key in seen:
            raise ValueError(f"Agenda item {item.key!r} appears twice in the list to number.")
        seen.add(item.key)
        if item.actual_start is None or ItemState(item.state) in _UNNUMBERED:
            continue
        taken.append((item.actual_start, position, item.key))
    taken.sort(key=lambda entry: (entry[0], entry[1]))
    return {key: next_number + offset for offset, (_, _, key) in enumerate(taken)}


def next_counter_after(numbers: Iterable[int], next_number: int) -> int:
    """The body's next minute number once a meeting with these numbers closes.

    Pass the numbers themselves (``assign_minute_numbers(...).values()``). A meeting that took
    no items leaves the counter where it was; the counter never goes backwards.
    """
    return max([next_number, *(n + 1 for n in numbers)])
