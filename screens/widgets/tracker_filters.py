"""The tracker's filter bar: the words to look for, the status, the owner and the meeting.

It holds no filter of its own: each change goes to the screen's ``on_change`` as the field
changed (``text=``, ``status=``, ``owner=``, ``source=``; None for "any"), and the screen,
which keeps the ActionFilter, hands it back when the choices are refilled.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select

from clerk_tui.desk.tracker import ActionFilter, TrackedAction, owner_choices, source_choices
from screens.base import plain
from screens.dialogs.tracker_export import STATUS_OPTIONS

ALL = "*"  # the "any owner" / "any meeting" choice of a filter
ANY_OWNER = "Any owner (w)"
ANY_MEETING = "Any meeting (m)"
# The Select of each field, by the field it sets.
FIELDS = {"tracker-status": "status", "tracker-owner": "owner", "tracker-meeting": "source"}

OnChange = Callable[..., None]


class FilterBox(Input):
    """The words to filter by, applied as the value changes: in the same frame as the key,
    where Input.Changed would arrive a message later, after a frame still showing the old
    rows."""

    def __init__(self, on_change: Callable[[str], None], *, placeholder: str, id: str) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self._on_change = on_change

    def watch_value(self, value: str) -> None:
        self._on_change(value)


class TrackerFilters(Horizontal):
    def __init__(self, status: str, on_change: OnChange, *, id: str) -> None:
        super().__init__(id=id)
        self._status = status
        self._on_change = on_change

    def compose(self) -> ComposeResult:
        yield FilterBox(
            lambda words: self._on_change(text=words),
            placeholder="/ filter: words of the action, owner, update…",
            id="tracker-search",
        )
        yield Select(
            [(f"{label} (s)", value) for label, value in STATUS_OPTIONS],
            allow_blank=False,
            value=self._status,
            compact=True,
            id="tracker-status",
        )
        yield Select([(ANY_OWNER, ALL)], allow_blank=False, compact=True, id="tracker-owner")
        yield Select([(ANY_MEETING, ALL)], allow_blank=False, compact=True, id="tracker-meeting")

    def refill(self, actions: list[TrackedAction], chosen: ActionFilter) -> None:
        """The owners and meetings of ``actions`` to choose from, keeping ``chosen``'s."""
        owner = self.query_one("#tracker-owner", Select)
        owners = owner_choices(actions)
        owner.set_options([(ANY_OWNER, ALL), *((plain(o), o) for o in owners)])
        owner.value = chosen.owner if chosen.owner in owners else ALL
        meeting = self.query_one("#tracker-meeting", Select)
        sources = source_choices(actions)
        meeting.set_options([(ANY_MEETING, ALL), *((plain(s), k) for s, k in sources)])
        known = {key for _, key in sources}
        meeting.value = chosen.source if chosen.source in known else ALL

    def on_select_changed(self, event: Select.Changed) -> None:
        # Not stopped: the screen also hears it, to give the table its focus back.
        field = FIELDS.get(event.select.id or "")
        if field is None:
            return
        value = event.value if isinstance(event.value, str) else ALL
        if field == "status":
            self._on_change(status=value)
        else:
            self._on_change(**{field: None if value == ALL else value})

    def words(self) -> Input:
        return self.query_one("#tracker-search", Input)

    def cycle_status(self, current: str) -> None:
        """The status after ``current``: all, outstanding, completed, all..."""
        order = [value for _, value in STATUS_OPTIONS]
        self.query_one("#tracker-status", Select).value = order[
            (order.index(current) + 1) % len(order)
        ]

    def pick(self, which: str) -> None:
        """Open the ``which`` ("owner" or "meeting") choice, with the focus on it."""
        select = self.query_one(f"#tracker-{which}", Select)
        self.screen.set_focus(select)
        select.expanded = True
