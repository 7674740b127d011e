"""The attendance roster: members in force on the meeting date (each substitute under the member
they sit for), then those "also present" in the clerk's order (ALSO PRESENT's), then the body's
officers not yet marked. Rows keyed by person id and updated in place, so the cursor stays where
the clerk is working.

The columns fit the terminal: from :data:`WIDE_FROM` cells wide, each at its full width with the
item a late arrival or departure happened during; below it the times alone, the capacity
abbreviated and the name and role sharing what is left, cut with an ellipsis (the detail line
under the roster gives the selected row in full: :func:`detail`).
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import events
from textual.widgets import DataTable

from clerk_tui.desk.chamber import AttendeeView, LiveView
from screens.widgets.agenda_list import update_row

STATUS_STYLE = {"present": "bold green", "apologies": "yellow", "absent": "red"}
CAPACITY = {"member": "member", "substitute": "substitute", "officer": "officer", "guest": "guest"}
# What "As" says where the column is narrow (the detail line says it in full).
SHORT = {"substitute": "sub", "vice chair": "v-chair"}
COLUMNS = (
    ("name", "Name", 24),
    ("for", "For / role", 28),
    ("as", "As", 10),
    ("status", "Status", 9),
    ("arrived", "Arrived", 15),
    ("left", "Left", 15),
)
KEYS = tuple(key for key, _, _ in COLUMNS)
PADDING = 2  # DataTable's cell padding, one cell each side
WIDE_FROM = sum(width + PADDING for _, _, width in COLUMNS)
NARROW = {"as": ("As", 7), "status": ("Status", 9), "arrived": ("In", 5), "left": ("Out", 5)}


def layout(available: int) -> dict[str, tuple[str, int]]:
    """Each column's heading and width for ``available`` cells: the full columns when they
    fit (what is left widens the role), else the narrow ones with name and role sharing the
    rest."""
    if available >= WIDE_FROM:
        spare = min(available - WIDE_FROM, 24)
        return {
            key: (label, width + (spare if key == "for" else 0)) for key, label, width in COLUMNS
        }
    fixed = sum(width + PADDING for _, width in NARROW.values())
    rest = max(24, available - fixed - 2 * PADDING)
    name = rest // 2
    return {"name": ("Name", name), "for": ("For / role", rest - name), **NARROW}


def _moment(at: datetime | None, item_id: int | None, view: LiveView, *, item: bool) -> str:
    if at is None:
        return ""
    line = view.line(item_id)
    during = f" (item {line.item.number})" if item and line and line.item.number else ""
    return f"{at:%H:%M}{during}"


def _fit(text: Text, width: int) -> Text:
    """The cell cut to its column with an ellipsis, so a cut never passes for the whole."""
    if text.cell_len <= width:
        return text
    cut = text.copy()
    cut.truncate(width, overflow="ellipsis")
    return cut


def _as(attendee: AttendeeView) -> str:
    if attendee.role in ("chair", "vice-chair"):
        return attendee.role.replace("-", " ")
    return CAPACITY.get(attendee.capacity, attendee.capacity)


def _status(attendee: AttendeeView) -> str:
    if attendee.status == "present" and attendee.left_at is not None:
        return "left"
    return attendee.status or "—"


def _where(attendee: AttendeeView) -> str:
    if attendee.capacity == "substitute" and attendee.substitute_for_name:
        return f"for {attendee.substitute_for_name}"
    return attendee.where


def cells(
    attendee: AttendeeView, view: LiveView, widths: dict[str, tuple[str, int]] | None = None
) -> dict[str, Text]:
    """The row of ``attendee``, fitted to ``widths`` (the full columns when None)."""
    widths = widths or layout(WIDE_FROM)
    wide = widths["arrived"][1] >= COLUMNS[4][2]
    as_text = _as(attendee)
    status = _status(attendee)
    row = {
        "name": Text(attendee.person.display_name),
        "for": Text(_where(attendee)),
        "as": Text(
            as_text if wide else SHORT.get(as_text, as_text),
            style="" if attendee.voting else "dim",
        ),
        "status": Text(status, style=STATUS_STYLE.get(status, "dim")),
        "arrived": Text(_moment(attendee.arrived_at, attendee.arrived_item_id, view, item=wide)),
        "left": Text(_moment(attendee.left_at, attendee.left_item_id, view, item=wide)),
    }
    return {key: _fit(text, widths[key][1]) for key, text in row.items()}


def detail(attendee: AttendeeView, view: LiveView) -> str:
    """The selected row in full, on one line: what a narrow roster cuts or leaves out, and an
    officer's or guest's place in the order of those also present (ALSO PRESENT's)."""
    parts = [attendee.person.display_name]
    where = _where(attendee)
    if where:
        parts[0] += f" – {where}"
    parts.append(_status(attendee) if attendee.status else "not marked")
    if not attendee.is_member and attendee.attendance_id is not None:
        marked = [a for a in view.roster if not a.is_member and a.attendance_id is not None]
        place = next(i for i, a in enumerate(marked, 1) if a.person.id == attendee.person.id)
        parts.append(f"order {place} of {len(marked)}")
    parts.append(_as(attendee))
    for word, at, item_id in (
        ("arrived", attendee.arrived_at, attendee.arrived_item_id),
        ("left", attendee.left_at, attendee.left_item_id),
    ):
        if at is not None:
            parts.append(f"{word} {_moment(at, item_id, view, item=True)}")
    return " · ".join(parts)


def finds(attendee: AttendeeView, typed: str) -> bool:
    """Whether ``typed`` begins the person's name or any word of it (their surname)."""
    wanted = " ".join(typed.split()).casefold()
    if not wanted:
        return False
    names = (attendee.person.full_name, attendee.person.display_name)
    return any(f" {wanted}" in f" {' '.join(name.split()).casefold()}" for name in names)


class Roster(DataTable[Text]):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.person_ids: list[int] = []
        self.view: LiveView | None = None
        self.widths = layout(WIDE_FROM)

    def on_mount(self) -> None:
        self._add_columns()

    def _add_columns(self) -> None:
        for key in KEYS:
            label, width = self.widths[key]
            self.add_column(label, key=key, width=width)

    def on_resize(self, event: events.Resize) -> None:
        """Lay the columns out again for the new width (the rows with them)."""
        widths = layout(self.scrollable_content_region.width)
        if widths == self.widths:
            return
        self.widths = widths
        keep = self.person_id
        self.clear(columns=True)
        self._add_columns()
        self.person_ids = []
        if self.view is not None:
            self.show(self.view)
        self.select(keep)

    @property
    def person_id(self) -> int | None:
        if not self.person_ids:
            return None
        return self.person_ids[min(self.cursor_row, len(self.person_ids) - 1)]

    @property
    def attendee(self) -> AttendeeView | None:
        """The selected row's person as last shown."""
        if self.view is None:
            return None
        return next((a for a in self.view.roster if a.person.id == self.person_id), None)

    def select(self, person_id: int | None) -> None:
        if person_id in self.person_ids:
            self.move_cursor(row=self.person_ids.index(person_id))

    def find(self, typed: str, *, start: int = 0, step: int = 1) -> bool:
        """Select the first person from row ``start`` (going by ``step``, round the end) whose
        name ``typed`` begins; False, the selection kept, when nobody's does."""
        if self.view is None or not self.person_ids:
            return False
        roster = {a.person.id: a for a in self.view.roster}
        count = len(self.person_ids)
        for offset in range(count):
            index = (start + offset * step) % count
            if finds(roster[self.person_ids[index]], typed):
                self.move_cursor(row=index)
                return True
        return False

    def show(self, view: LiveView) -> None:
        self.view = view
        ids = [attendee.person.id for attendee in view.roster]
        if ids != self.person_ids:
            keep = self.person_id
            self.clear()
            self.person_ids = ids
            for attendee in view.roster:
                row = cells(attendee, view, self.widths)
                self.add_row(*(row[key] for key in KEYS), key=str(attendee.person.id))
            self.select(keep)
            return
        for attendee in view.roster:
            update_row(self, str(attendee.person.id), cells(attendee, view, self.widths))
