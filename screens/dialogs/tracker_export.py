"""The tracker's export dialog: which format, which actions (and whether those of exempt items),
and the file to write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, Select, Static

from clerk_tui.desk.exporting import FORMAT_LABELS
from clerk_tui.desk.tracker import EXPORT_FORMATS
from clerk_tui.errors import ClerkError
from screens.dialogs.form import FormDialog, text_of

STATUS_OPTIONS: tuple[tuple[str, str], ...] = (
    ("All actions", "all"),
    ("Outstanding", "outstanding"),
    ("Completed", "completed"),
)
EXEMPT_OPTIONS: tuple[tuple[str, str], ...] = (
    ("Leave them out (public copy)", "no"),
    ("Include them (CONFIDENTIAL copy)", "yes"),
)

# Word first, the default and the one most often sent; then the others as the desk has them.
FORMAT_ORDER: tuple[str, ...] = ("docx", *(fmt for fmt in EXPORT_FORMATS if fmt != "docx"))


@dataclass(frozen=True)
class ExportChoice:
    fmt: str
    path: str  # as typed: a name ending in "/" is a folder, which a Path would forget
    status: str
    include_exempt: bool = False


class TrackerExportDialog(FormDialog[ExportChoice]):
    """Which format, which actions, where: the path starts in the documents folder, named from
    the body and today's date, and follows the format chosen. With ``exempt_count`` actions of
    exempt items, a choice whether to include them (off by default; the confidential copy
    then has its own default name, from ``confidential_paths``)."""

    TITLE = "Export the action tracker"
    CSS_PATH = "../styles/tracker.tcss"

    def __init__(
        self,
        default_paths: dict[str, Path],
        status: str,
        *,
        exempt_count: int = 0,
        confidential_paths: dict[str, Path] | None = None,
    ) -> None:
        super().__init__()
        self.default_paths = default_paths
        self.status = status
        self.exempt_count = exempt_count
        self.confidential_paths = confidential_paths or default_paths

    def fields(self) -> ComposeResult:
        formats = [(FORMAT_LABELS[fmt], fmt) for fmt in FORMAT_ORDER]
        yield self.row(
            "Format", Select(formats, allow_blank=False, value="docx", id="export-format")
        )
        yield self.row(
            "Actions",
            Select(STATUS_OPTIONS, allow_blank=False, value=self.status, id="export-status"),
        )
        if self.exempt_count:
            yield self.row(
                f"Exempt ({self.exempt_count})",
                Select(EXEMPT_OPTIONS, allow_blank=False, value="no", id="export-exempt"),
            )
        yield self.row("File", Input(str(self.default_paths["docx"]), id="export-path"))
        yield Static("shift+tab: change the format or which actions", classes="hint")

    def first_focus(self) -> Widget | None:
        # Start on the file, where enter writes: x then enter exports the usual Word file.
        return self.query_one("#export-path", Input)

    def _include_exempt(self) -> bool:
        found = self.query("#export-exempt")
        return bool(found) and found.only_one(Select).value == "yes"

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id not in ("export-format", "export-exempt"):
            return
        fmt = self.query_one("#export-format", Select).value
        if not isinstance(fmt, str):
            return
        path_input = self.query_one("#export-path", Input)
        current = Path(path_input.value.strip()).expanduser()
        defaults = {
            str(p) for p in (*self.default_paths.values(), *self.confidential_paths.values())
        }
        # Follow the choices: the default file (public or confidential), or the clerk's own
        # name with the new suffix.
        if str(current) in defaults:
            chosen = self.confidential_paths if self._include_exempt() else self.default_paths
            path_input.value = str(chosen[fmt])
        elif current.suffix.lstrip(".") in EXPORT_FORMATS:
            path_input.value = str(current.with_suffix(f".{fmt}"))
        if not event.select.expanded:
            self.set_focus(path_input)  # back to the file, where enter writes

    def value(self) -> ExportChoice:
        raw = text_of(self, "#export-path")
        if not raw:
            raise ClerkError("give the file to write", where="file")
        fmt = self.query_one("#export-format", Select).value
        status = self.query_one("#export-status", Select).value
        assert isinstance(fmt, str) and isinstance(status, str)
        return ExportChoice(
            fmt=fmt,
            path=raw,
            status=status,
            include_exempt=self._include_exempt(),
        )
