"""The action tracker: every action of a body across its meetings, outstanding first, then
completed; filtered as the clerk types; updated, completed, reopened, edited and exported.

Opened from home for a body between meetings, or from a live meeting's "Minutes and action
tracker" item with that meeting's id, so that the updates given there are recorded against it.

An action raised on an exempt item is shown, led by "EXEMPT" in its row and its detail, since
the clerk keeps it up like any other; the export leaves such actions out unless asked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Footer, Header, Input, Select, Static

from clerk_tui.desk.tracker import (
    EXPORT_FORMATS,
    ActionFilter,
    TrackedAction,
    TrackedUpdate,
    date_label,
    minute_label,
    owner_choices,
    source_choices,
    source_label,
)
from screens.base import attempt, desk_of, plain
from screens.dialogs.action_edit import ActionEditDialog
from screens.dialogs.action_update import ActionUpdateDialog, CompleteDialog, Completion
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.guarded import ask_and_record
from screens.dialogs.tracker_export import STATUS_OPTIONS, ExportChoice, TrackerExportDialog

ALL = "*"  # the "any owner" / "any meeting" choice of a filter
EXEMPT_MARK = "EXEMPT "  # leads an exempt action's row: seen without relying on colour


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _fit(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells, with an ellipsis where cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    return set_cell_size(text, width - 1) + "…"


class ActionTable(ScrollView, can_focus=True):
    """A table drawn line by line (Textual's Line API): only the rows on screen are ever
    rendered, so showing a new filter over thousands of actions costs the same as over ten.
    (DataTable measures every cell of every row it is given, which is too slow to refill on
    each key typed.)"""

    HEADINGS = ("Min.", "Date", "Action", "Owner", "Due", "Latest update")
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "action-table--header",
        "action-table--cursor",
        "action-table--completed",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "move_to(0)", "First", show=False),
        Binding("end", "move_to(-1)", "Last", show=False),
    ]

    class Highlighted(Message):
        """The selected action changed (None when the table is empty)."""

        def __init__(self, action: TrackedAction | None) -> None:
            super().__init__()
            self.action = action

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[TrackedAction] = []
        self.cursor = 0
        self._lines: dict[int, str] = {}  # action id → its drawn line at the current width
        self._widths: tuple[int, ...] = ()

    # ---- data ------------------------------------------------------------------------------
    @property
    def current(self) -> TrackedAction | None:
        return self.rows[self.cursor] if self.rows else None

    def show(self, rows: list[TrackedAction], *, keep: int | None = None) -> None:
        """Show ``rows``, keeping the cursor on action ``keep`` (or the same one) if shown."""
        before = self.current
        wanted = keep if keep is not None else (before.id if before else None)
        self.rows = rows
        index = next((i for i, a in enumerate(rows) if a.id == wanted), None)
        self.cursor = index if index is not None else min(self.cursor, max(len(rows) - 1, 0))
        # The row count changes on every key typed into the filter. Setting virtual_size the
        # usual way asks for a layout of the whole screen, yet the table keeps its size and
        # only scrolls further or less: set it quietly and repaint the table alone.
        self.set_reactive(ActionTable.virtual_size, Size(0, len(rows) + 1))
        self._scroll_to_cursor()
        self.refresh()
        if self.current is not before:
            self.post_message(self.Highlighted(self.current))

    def forget(self) -> None:
        """Drop the drawn lines (after the actions were read again)."""
        self._lines.clear()

    # ---- keys ------------------------------------------------------------------------------
    def action_move(self, offset: int) -> None:
        self.move_to(self.cursor + offset)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(self.scrollable_content_region.height - 2, 1))

    def action_move_to(self, index: int) -> None:
        self.move_to(index if index >= 0 else len(self.rows) - 1)

    def move_to(self, index: int) -> None:
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        if index == self.cursor:
            return
        self.cursor = index
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    def on_click(self, event: Click) -> None:
        row = event.y - 1 + round(self.scroll_y)
        if event.y >= 1 and 0 <= row < len(self.rows):
            self.move_to(row)

    def _scroll_to_cursor(self) -> None:
        visible = max(self.scrollable_content_region.height - 1, 1)
        top = round(self.scroll_y)
        if self.cursor < top:
            top = self.cursor
        elif self.cursor >= top + visible:
            top = self.cursor - visible + 1
        top = max(0, min(top, len(self.rows) + 1 - visible - 1))
        self.set_scroll(None, top)

    # ---- drawing ---------------------------------------------------------------------------
    def on_resize(self, _: Resize) -> None:
        self._widths = ()
        self._lines.clear()
        self._scroll_to_cursor()

    def _column_widths(self, width: int) -> tuple[int, ...]:
        """Fixed columns for minute, date, owner and due; action and update share the rest."""
        if not self._widths or sum(self._widths) + len(self._widths) != width:
            fixed = (5, 9, 14, 14)
            rest = max(width - sum(fixed) - 6, 20)
            action = rest * 11 // 20
            self._widths = (fixed[0], fixed[1], action, fixed[2], fixed[3], rest - action)
        return self._widths

    def _line(self, cells: tuple[str, ...], width: int) -> str:
        widths = self._column_widths(width)
        text = " " + " ".join(_fit(c, w) for c, w in zip(cells, widths, strict=True))
        return _fit(text, width)

    def _line_of(self, action: TrackedAction, width: int) -> str:
        line = self._lines.get(action.id)
        if line is None:
            cells = (
                minute_label(action),
                date_label(action),
                (EXEMPT_MARK if action.exempt else "") + _one_line(action.text),
                action.owner,
                action.due,
                _one_line(action.latest_update),
            )
            line = self._lines[action.id] = self._line(cells, width)
        return line

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("action-table--header")
            return Strip([Segment(self._line(self.HEADINGS, width), style)], width)
        index = round(self.scroll_y) + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, base)
        action = self.rows[index]
        style: Style = base
        if action.completed:
            style += self.get_component_rich_style("action-table--completed")
        if index == self.cursor:
            style += self.get_component_rich_style("action-table--cursor")
        return Strip([Segment(self._line_of(action, width), style)], width)


class FilterBox(Input):
    """The words to filter by, applied as the value changes: in the same frame as the key,
    where Input.Changed would arrive a message later, after a frame still showing the old
    rows."""

    def __init__(self, on_change: Callable[[str], None], *, placeholder: str, id: str) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self._on_change = on_change

    def watch_value(self, value: str) -> None:
        self._on_change(value)


class TrackerScreen(Screen[None]):
    """The tracker of body ``body_id``; with ``meeting_id``, the updates, completions and
    reopenings made here are recorded against that meeting."""

    TITLE = "Action tracker"
    CSS_PATH = "styles/tracker.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "update", "Update", tooltip="Give an update on the action", id="t-update"),
        Binding("c", "complete", "Complete", tooltip="Mark the action completed", id="t-complete"),
        Binding("o", "reopen", "Reopen", tooltip="Reopen a completed action", id="t-reopen"),
        Binding("e", "edit", "Edit", tooltip="Edit the action, owner, due date", id="t-edit"),
        Binding(
            "n",
            "new",
            "New",
            tooltip="Add an action carried over from an older tracker",
            id="t-new",
        ),
        Binding("i", "open_item", "Source", tooltip="Open the action's source item", id="t-item"),
        Binding("slash", "filter", "Filter", tooltip="Filter by words as you type", id="t-filter"),
        # The filter bar shows the status, owner and meeting chosen; their keys are in the help.
        Binding(
            "s",
            "cycle_status",
            "Status",
            tooltip="All / outstanding / completed",
            id="t-st",
            show=False,
        ),
        Binding("w", "pick('owner')", "Owner", tooltip="Filter by owner", id="t-owner", show=False),
        Binding(
            "m", "pick('meeting')", "Meeting", tooltip="Filter by meeting", id="t-mtg", show=False
        ),
        Binding("x", "export", "Export", tooltip="Write the tracker to a file", id="t-export"),
        Binding("escape", "back", "Back", tooltip="Back to the table, then out", id="t-back"),
        # From the filter box, the arrows still move through the actions.
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
    ]

    def __init__(self, body_id: int, *, meeting_id: int | None = None) -> None:
        super().__init__()
        self.body_id = body_id
        self.meeting_id = meeting_id
        self.actions: list[TrackedAction] = []
        self.outstanding = 0
        # Results of the filters used since the tracker was last read, newest last: typing on
        # narrows the last result, backspace finds its earlier one here.
        self._results: dict[ActionFilter, list[TrackedAction]] = {}
        self._histories: dict[int, list[TrackedUpdate]] = {}
        self.filter = ActionFilter(status="outstanding" if meeting_id else "all")
        self.meeting_date: date | None = None
        self._history_for: int | None = None

    # ---- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="tracker-filters"):
            yield FilterBox(
                lambda words: self._set_filter(text=words),
                placeholder="/ filter: words of the action, owner, update…",
                id="tracker-search",
            )
            yield Select(
                [(f"{label} (s)", value) for label, value in STATUS_OPTIONS],
                allow_blank=False,
                value=self.filter.status,
                compact=True,
                id="tracker-status",
            )
            yield Select(
                [("Any owner (w)", ALL)], allow_blank=False, compact=True, id="tracker-owner"
            )
            yield Select(
                [("Any meeting (m)", ALL)], allow_blank=False, compact=True, id="tracker-meeting"
            )
        yield Static("", id="tracker-count")
        yield ActionTable(id="tracker-table")
        yield Static("", id="tracker-detail")
        yield Footer()

    def on_mount(self) -> None:
        desk = desk_of(self)
        body = attempt(self, lambda: desk.agenda.body(self.body_id))
        if body is None:
            self.app.pop_screen()
            return
        self.title = f"Action tracker — {body.name}"
        if self.meeting_id is not None:
            meeting = attempt(self, lambda: desk.agenda.meeting(self.meeting_id or 0))
            self.meeting_date = meeting.date if meeting else None
        self.reload()
        self.set_focus(self.table)

    # ---- data ------------------------------------------------------------------------------
    @property
    def table(self) -> ActionTable:
        return self.query_one(ActionTable)

    @property
    def selected(self) -> TrackedAction | None:
        return self.table.current

    def reload(self, keep: int | None = None) -> None:
        """Read the tracker again from the database and show it through the filter."""
        self.actions = desk_of(self).tracker.action_tracker(self.body_id)
        self.outstanding = sum(1 for a in self.actions if not a.completed)
        self._results.clear()
        self._histories.clear()
        self.table.forget()
        self._history_for = None
        self._refill_choices()
        self.apply_filter(keep=keep)

    def _refill_choices(self) -> None:
        owner = self.query_one("#tracker-owner", Select)
        owners = owner_choices(self.actions)
        owner.set_options([("Any owner (w)", ALL), *((plain(o), o) for o in owners)])
        owner.value = self.filter.owner if self.filter.owner in owners else ALL
        meeting = self.query_one("#tracker-meeting", Select)
        sources = source_choices(self.actions)
        meeting.set_options([("Any meeting (m)", ALL), *((plain(s), k) for s, k in sources)])
        known = {key for _, key in sources}
        meeting.value = self.filter.source if self.filter.source in known else ALL

    def apply_filter(self, keep: int | None = None) -> None:
        shown = self._filtered()
        self.table.show(shown, keep=keep)
        completed = len(self.actions) - self.outstanding
        where = (
            f"updates recorded at the meeting of {self.meeting_date:%-d %B %Y}"
            if self.meeting_date
            else "updates recorded between meetings"
        )
        # Fixed-size lines (see tracker.tcss): their new text needs no layout of the screen,
        # which keeps each key typed into the filter within a frame.
        self.query_one("#tracker-count", Static).update(
            f"{self.outstanding} outstanding · {completed} completed · showing {len(shown)}"
            f" — {where}",
            layout=False,
        )
        self.show_detail(self.table.current)

    def _filtered(self) -> list[TrackedAction]:
        wanted = self.filter
        shown = self._results.pop(wanted, None)
        if shown is None:
            base = next(
                (rows for used, rows in reversed(self._results.items()) if wanted.narrows(used)),
                self.actions,
            )
            shown = wanted.apply(base)
        self._results[wanted] = shown
        while len(self._results) > 64:
            del self._results[next(iter(self._results))]
        return shown

    def show_detail(self, action: TrackedAction | None) -> None:
        detail = self.query_one("#tracker-detail", Static)
        if action is None:
            self._history_for = None
            detail.update(
                "No action matches. Press / to change the filter, or n to add one.", layout=False
            )
            return
        if self._history_for == action.id:
            return
        self._history_for = action.id
        history = self._histories.get(action.id)
        detail.update(_detail(action, history), layout=False)
        if history is None:
            # Reading the history is the slowest part of a key typed into the filter: paint
            # the rows and the action first, and fill its history in on the next frame.
            self.call_after_refresh(self._show_history, action.id)

    def _show_history(self, action_id: int) -> None:
        action = self.table.current
        if action is None or action.id != action_id:
            return  # the clerk has moved on
        history = self._histories.get(action_id)
        if history is None:
            history = self._histories[action_id] = desk_of(self).tracker.action_history(action_id)
        self.query_one("#tracker-detail", Static).update(_detail(action, history), layout=False)

    def on_action_table_highlighted(self, event: ActionTable.Highlighted) -> None:
        self.show_detail(event.action)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "tracker-search":
            self.set_focus(self.table)

    def on_select_changed(self, event: Select.Changed) -> None:
        value = event.value if isinstance(event.value, str) else ALL
        if event.select.id == "tracker-status":
            self._set_filter(status=value)
        elif event.select.id == "tracker-owner":
            self._set_filter(owner=None if value == ALL else value)
        elif event.select.id == "tracker-meeting":
            self._set_filter(source=None if value == ALL else value)
        else:
            return
        if not event.select.expanded and self.focused is event.select:
            self.set_focus(self.table)

    def _set_filter(self, **changes: str | None) -> None:
        values = {
            "status": self.filter.status,
            "owner": self.filter.owner,
            "source": self.filter.source,
            "text": self.filter.text,
        }
        values.update(changes)
        new = ActionFilter(
            status=values["status"] or "all",
            owner=values["owner"],
            source=values["source"],
            text=values["text"] or "",
        )
        if new != self.filter:
            self.filter = new
            self.apply_filter()

    # ---- keys: moving and filtering ----------------------------------------------------------
    def action_move(self, offset: int) -> None:
        self.table.action_move(offset)

    def action_filter(self) -> None:
        # set_focus now, not focus() (which waits its turn): the words typed straight after
        # the slash must land in the box, not on the table's keys.
        self.set_focus(self.query_one("#tracker-search", Input))

    def action_cycle_status(self) -> None:
        order = [value for _, value in STATUS_OPTIONS]
        following = order[(order.index(self.filter.status) + 1) % len(order)]
        self.query_one("#tracker-status", Select).value = following

    def action_pick(self, which: str) -> None:
        select = self.query_one(f"#tracker-{which}", Select)
        self.set_focus(select)
        select.expanded = True

    def action_back(self) -> None:
        if self.focused is not self.table:
            self.set_focus(self.table)
        else:
            self.app.pop_screen()

    # ---- keys: the clerk's actions -------------------------------------------------------------
    def _chosen(self) -> TrackedAction | None:
        action = self.selected
        if action is None:
            self.notify("No action is selected", severity="warning")
        return action

    def _given_at(self) -> str:
        if self.meeting_date is not None:
            return f"Given at the meeting of {self.meeting_date:%-d %B %Y}"
        return "Given between meetings"

    def action_update(self) -> None:
        action = self._chosen()
        if action is None:
            return

        desk = desk_of(self)

        def given(done: TrackedAction) -> None:
            self.reload(keep=action.id)
            self.notify(f"Update recorded on {_name(done)}", markup=False)

        ask_and_record(
            self,
            ActionUpdateDialog(action, given_at=self._given_at()),
            lambda text: desk.tracker.record_action_update(
                action.id, text, meeting_id=self.meeting_id
            ),
            given,
        )

    def action_complete(self) -> None:
        action = self._chosen()
        if action is None:
            return
        if action.completed:
            self.notify(
                f"{_name(action)} is already completed; o reopens it",
                severity="warning",
                markup=False,
            )
            return

        desk = desk_of(self)

        def complete(choice: Completion) -> TrackedAction:
            return desk.tracker.complete_action(
                action.id, on=choice.on, update=choice.update, meeting_id=self.meeting_id
            )

        def completed(done: TrackedAction) -> None:
            self.reload(keep=action.id)
            self.notify(f"{_name(done)} completed", markup=False)

        dialog = CompleteDialog(action, today=desk.now().date())
        ask_and_record(self, dialog, complete, completed)

    def action_reopen(self) -> None:
        action = self._chosen()
        if action is None:
            return
        if not action.completed:
            self.notify(
                f"{_name(action)} is outstanding: there is nothing to reopen",
                severity="warning",
                markup=False,
            )
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            done = attempt(
                self,
                lambda: desk_of(self).tracker.reopen_action(action.id, meeting_id=self.meeting_id),
            )
            if done is not None:
                self.reload(keep=action.id)
                self.notify(f"{_name(done)} reopened", markup=False)

        question = f"Reopen {_name(action)}?"
        self.app.push_screen(ConfirmDialog(question, _one_line(action.text)), answered)

    def action_edit(self) -> None:
        action = self._chosen()
        if action is None:
            return

        desk = desk_of(self)

        def edited(done: TrackedAction) -> None:
            self.reload(keep=action.id)
            self.notify(f"{_name(done)} edited", markup=False)

        ask_and_record(
            self,
            ActionEditDialog(action),
            lambda f: desk.tracker.edit_tracked_action(action.id, f, meeting_id=self.meeting_id),
            edited,
        )

    def action_new(self) -> None:
        desk = desk_of(self)

        def added(done: TrackedAction) -> None:
            self.reload(keep=done.id)
            if done not in self.table.rows:
                self.notify(f"{_name(done)} added (hidden by the filter)", markup=False)
            else:
                self.notify(f"{_name(done)} added", markup=False)

        ask_and_record(
            self,
            ActionEditDialog(None),
            lambda f: desk.tracker.add_carried_over_action(
                self.body_id, f, meeting_id=self.meeting_id
            ),
            added,
        )

    def action_open_item(self) -> None:
        action = self._chosen()
        if action is None:
            return
        if action.item_id is None or action.meeting_id is None:
            self.notify(
                f"{_name(action)} was carried over from an older tracker: "
                "its item is not in clerk-tui",
                severity="warning",
                markup=False,
            )
            return
        from screens.live import LiveScreen  # the live screen imports much; only when asked

        self.app.push_screen(LiveScreen(action.meeting_id, select_item=action.item_id))

    def action_export(self) -> None:
        desk = desk_of(self)
        defaults = {
            fmt: desk.tracker.tracker_export_path(self.body_id, fmt) for fmt in EXPORT_FORMATS
        }
        exempt = sum(1 for a in self.actions if a.exempt)
        secret = {
            fmt: desk.tracker.tracker_export_path(self.body_id, fmt, include_exempt=True)
            for fmt in (EXPORT_FORMATS if exempt else ())
        }

        def write(choice: ExportChoice) -> None:
            path = attempt(
                self,
                lambda: desk.tracker.export_tracker(
                    self.body_id,
                    choice.fmt,
                    choice.path,
                    status=choice.status,
                    include_exempt=choice.include_exempt,
                ),
            )
            if path is not None:
                kind = "Confidential tracker" if choice.include_exempt and exempt else "Tracker"
                self.notify(f"{kind} written to {path}", title="Exported", timeout=10, markup=False)

        def chosen(choice: ExportChoice | None) -> None:
            if choice is None:
                return
            # The file it would write, checked by the guard before anything is asked (a folder
            # typed with "/" gets the tracker's name; the database, a device... are refused).
            target = attempt(
                self,
                lambda: desk.tracker.tracker_export_target(
                    self.body_id,
                    choice.fmt,
                    choice.path,
                    status=choice.status,
                    include_exempt=choice.include_exempt,
                ),
            )
            if target is None:
                return
            if not target.replaces:
                write(choice)
                return
            self.app.push_screen(
                ConfirmDialog(f"Replace {target.path.name}?", str(target.path)),
                lambda yes: write(choice) if yes else None,
            )

        dialog = TrackerExportDialog(
            defaults, self.filter.status, exempt_count=exempt, confidential_paths=secret
        )
        self.app.push_screen(dialog, chosen)


def _name(action: TrackedAction) -> str:
    if action.minute_number is not None:
        return f"Action {minute_label(action)}"
    words = action.text.split()
    return "Action “" + " ".join(words[:5]) + ("…”" if len(words) > 5 else "”")


def _detail(action: TrackedAction, history: list[TrackedUpdate] | None) -> Text:
    """The selected action in full, and the history behind its latest update."""
    text = Text()
    state = (
        f"Completed {action.completed_on:%-d %B %Y}"
        if action.completed and action.completed_on
        else action.status.capitalize()
    )
    text.append(f"{minute_label(action)} · {state}", style="bold")
    text.append(f" · {source_label(action)}")
    if action.item_title:
        text.append(f" · item: {_one_line(action.item_title)}")
    if action.exempt:
        reason = f" ({_one_line(action.exempt_reason)})" if action.exempt_reason.strip() else ""
        text.append(f" · EXEMPT{reason}: left out of public exports", style="bold")
    if action.provisional:
        text.append(" · minute number provisional until the meeting closes")
    text.append("\n")
    text.append(_one_line(action.text) + "\n")
    text.append(f"Owner: {action.owner or '—'}    Due: {action.due or '—'}\n", style="italic")
    if history is None:
        return text  # its history follows on the next frame
    if not history:
        text.append("No updates yet: press u to give one.", style="dim")
    for update in history:
        where = f" (meeting of {update.meeting_date:%-d %b %Y})" if update.meeting_date else ""
        text.append(f"{update.date:%-d %b %Y}{where}: ", style="bold")
        text.append(_one_line(update.text) + "\n")
    return text
