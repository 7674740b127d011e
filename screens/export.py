"""Export: the papers of one meeting — what, which format, with exempt items or not, where —
with a preview of the Markdown before anything is written.

Built so that the common case is one key: opened on a meeting (``ctrl+e`` from the live
screen), ``enter`` writes the draft minutes in Word, public, to the documents folder. The
choices are changed with single keys (``w`` what, ``f`` format, ``x`` exempt, ``o`` the file,
``t`` the Word template of the minutes) or with the mouse; the file name follows the choices
until the clerk types one of their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.markdown import Markdown as RichMarkdown
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from clerk_tui.desk.exporting import FORMAT_LABELS, PAPERS
from clerk_tui.errors import ClerkError
from clerk_tui.minutes import long_date
from screens.base import attempt, desk_of
from screens.dialogs.confirm import ConfirmDialog
from screens.export_parts import Choices, file_kind, template_label
from screens.widgets.footer import KeysFooter

WHATS: tuple[str, ...] = tuple(PAPERS)
WHAT_OPTIONS = tuple((what, PAPERS[what].label) for what in WHATS)
EXEMPT_OPTIONS = (("public", "Leave them out (public)"), ("include", "Include them (CONFIDENTIAL)"))
HINT = "enter writes the file; nothing is written before"
BUILDING = "Building the preview…"
ROOMY = 34  # lines from which the choices have room to be spaced out


class ExportScreen(Screen[None]):
    TITLE = "Export"
    CSS_PATH = "styles/export.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "write", "Write", tooltip="Write the file now", id="export-write"),
        Binding(
            "w",
            "next_what",
            "What",
            tooltip="Minutes, agenda, attendance, chapters",
            id="export-next-what",
        ),
        Binding(
            "f",
            "next_format",
            "Format",
            tooltip="Word, PDF, web page, Markdown, text, CSV",
            id="export-next-format",
        ),
        Binding(
            "x",
            "toggle_exempt",
            "Exempt items",
            tooltip="Include exempt items (confidential)",
            id="export-toggle-exempt",
        ),
        Binding(
            "o",
            "edit_path",
            "File",
            tooltip="Type the file or folder to write to",
            id="export-edit-path",
        ),
        Binding("escape", "back", "Back", tooltip="Back; nothing is written", id="export-back"),
        Binding(
            "t",
            "edit_template",
            "Template",
            tooltip="The Word file the minutes are built on; blank: the house style",
            id="export-edit-template",
        ),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.what = "minutes"
        self.formats: dict[str, str] = {what: PAPERS[what].formats[0] for what in WHATS}
        self.include_exempt = False
        self.auto_name = ""  # the file name last proposed; replaced while the clerk keeps it
        self.preview_text = ""  # the Markdown shown in the preview
        self.preview_ready = False  # False until the first preview is built
        # The Word minutes' template: None, the body's own (if it has one); "", the house
        # style; else the file typed. Only the Word minutes are built on one.
        self.template: str | None = None
        self.body_template: str | None = None

    @property
    def fmt(self) -> str:
        return self.formats[self.what]

    @property
    def on_template(self) -> bool:
        """Whether the paper chosen is built on a template: the Word minutes."""
        return (self.what, self.fmt) == ("minutes", "docx")

    # ---- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        meeting = desk_of(self).agenda.meeting(self.meeting_id)
        started = meeting.actual_start is not None or meeting.status != "planned"
        # Before a meeting has started it has no minutes: its agenda is what there is to send.
        self.what = "minutes" if started else "agenda"
        exempt_items = sum(1 for item in meeting.items if item.exempt)
        self.body_template = desk_of(self).papers.default_template_name(self.meeting_id)
        yield Header()
        yield Static(
            f"{meeting.body.name} — {long_date(meeting.date)} — meeting {meeting.status}, "
            f"minutes {meeting.minutes_status}",
            id="export-meeting",
            classes="pane-title",
            markup=False,
        )
        with Horizontal(id="export-body"):
            with Vertical(id="export-choices"):
                yield Static("What  (w)", classes="export-label")
                yield Choices(WHAT_OPTIONS, self.what, id="export-what")
                yield Static("Format  (f)", classes="export-label")
                yield Choices(self.format_options(), self.fmt, id="export-format")
                yield Static("Exempt items  (x)", classes="export-label")
                yield Choices(EXEMPT_OPTIONS, EXEMPT_OPTIONS[0][0], id="export-exempt")
                yield Static(
                    f"{exempt_items} exempt item(s) on this agenda"
                    if exempt_items
                    else "No exempt items on this agenda",
                    id="export-exempt-count",
                    classes="hint",
                )
            with VerticalScroll(id="export-preview") as preview:
                preview.border_title = "Preview"
                yield Static(id="export-kind", markup=False)
                yield Static(BUILDING, id="export-markdown", markup=False)
        with Horizontal(id="export-file-row"):
            yield Static("File  (o)", classes="export-label")
            yield Input(id="export-path", placeholder="file or folder to write to")
        with Horizontal(id="export-template-row"):
            yield Static("Template  (t)", classes="export-label")
            yield Static(id="export-template-name", markup=False)
            yield Input(id="export-template", placeholder="a Word file (.docx); blank: house style")
        yield Static(HINT, id="export-status", classes="hint", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        # The choices are changed by their keys (and the mouse); keyboard focus stays on the
        # preview (up/down scroll it) or the file, so enter always means "write".
        self.propose_path()
        self.show_template()
        self.query_one("#export-preview").focus()
        # Building and drawing the preview of a long meeting takes most of a second: the screen
        # shows at once, saying so, and the preview follows after its first frame. Keys pressed
        # meanwhile wait in the queue, in order; one that changes the choice builds the preview
        # itself, and then this has nothing left to do.
        self.call_after_refresh(self.first_preview)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height >= ROOMY, "roomy")

    def first_preview(self) -> None:
        if not self.preview_ready:
            self.show_preview()

    # ---- state shown -----------------------------------------------------------------------
    def propose_path(self) -> None:
        """Put the default file name in the path, keeping the folder the clerk chose; a name
        the clerk typed themselves is kept as it is."""
        name = attempt(
            self,
            lambda: desk_of(self).papers.export_file_name(
                self.meeting_id, self.what, self.fmt, include_exempt=self.include_exempt
            ),
        )
        if name is None:
            return
        path_input = self.query_one("#export-path", Input)
        current = path_input.value.strip()
        if not current:
            folder = (
                desk_of(self)
                .papers.default_export_path(self.meeting_id, self.what, self.fmt)
                .parent
            )
            path_input.value = str(folder / name)
        elif Path(current).name == self.auto_name:
            path_input.value = str(Path(current).with_name(name))
        self.auto_name = name

    def show_preview(self) -> None:
        try:
            text = desk_of(self).papers.preview(
                self.meeting_id, self.what, include_exempt=self.include_exempt
            )
        except ClerkError as error:
            text = f"**Nothing to export yet:** {error}"
        # Rendered by Rich, synchronously: a key pressed next never races a half-drawn preview
        # (Textual's Markdown widget mounts its blocks later, and two quick updates can mix).
        self.preview_text = text
        self.preview_ready = True
        self.query_one("#export-markdown", Static).update(RichMarkdown(text, hyperlinks=False))
        self.query_one("#export-preview").scroll_home(animate=False)

    def show_template(self) -> None:
        """The template line (for the Word minutes only) and the preview's first line."""
        self.query_one("#export-template-row").display = self.on_template
        label = template_label(self.template, self.body_template)
        self.query_one("#export-template-name", Static).update(label)
        kind = file_kind(self.what, self.fmt, self.template, self.body_template)
        self.query_one("#export-kind", Static).update(kind)

    def format_options(self) -> tuple[tuple[str, str], ...]:
        return tuple((f, FORMAT_LABELS[f]) for f in PAPERS[self.what].formats)

    def choose(
        self, *, what: str | None = None, fmt: str | None = None, include_exempt: bool | None = None
    ) -> None:
        """Change the choices, and show them, the file name and the preview at once."""
        if what is not None:
            self.what = what
        if fmt is not None:
            self.formats[self.what] = fmt
        if include_exempt is not None:
            self.include_exempt = include_exempt
        self.query_one("#export-what", Choices).show(WHAT_OPTIONS, self.what)
        self.query_one("#export-format", Choices).show(self.format_options(), self.fmt)
        exempt = EXEMPT_OPTIONS[1 if self.include_exempt else 0][0]
        self.query_one("#export-exempt", Choices).show(EXEMPT_OPTIONS, exempt)
        self.show_status(HINT)
        self.propose_path()
        self.show_template()
        if what is not None or include_exempt is not None:
            self.show_preview()

    # ---- the clerk's choices ---------------------------------------------------------------
    def on_choices_picked(self, event: Choices.Picked) -> None:
        if event.choices.id == "export-what":
            self.choose(what=event.value)
        elif event.choices.id == "export-format":
            self.choose(fmt=event.value)
        else:
            self.choose(include_exempt=event.value == "include")

    def action_next_what(self) -> None:
        self.choose(what=WHATS[(WHATS.index(self.what) + 1) % len(WHATS)])

    def action_next_format(self) -> None:
        formats = PAPERS[self.what].formats
        if len(formats) == 1:
            self.notify(f"{PAPERS[self.what].label}: {FORMAT_LABELS[self.fmt]} only")
            return
        self.choose(fmt=formats[(formats.index(self.fmt) + 1) % len(formats)])

    def action_toggle_exempt(self) -> None:
        self.choose(include_exempt=not self.include_exempt)

    def action_edit_path(self) -> None:
        path_input = self.query_one("#export-path", Input)
        path_input.focus()
        path_input.cursor_position = len(path_input.value)

    def action_edit_template(self) -> None:
        if not self.on_template:
            self.notify("Only the Word minutes are built on a template: f chooses the format")
            return
        # The file typed so far, or none yet: blank is the house style.
        template_input = self.query_one("#export-template", Input)
        self.query_one("#export-template-name").display = False
        template_input.display = True
        self.template = template_input.value
        self.show_template()
        template_input.focus()
        template_input.cursor_position = len(template_input.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        # Only while it is typed in: its first (empty) value at start-up is no choice.
        if event.input.id == "export-template" and event.input.display:
            self.template = event.value
            self.show_template()

    def close_template(self) -> None:
        """Back to the template's name from typing it; what was typed is kept."""
        self.query_one("#export-template").display = False
        self.query_one("#export-template-name").display = True

    def on_click(self, event: events.Click) -> None:
        if event.widget is not None and event.widget.id == "export-template-name":
            self.action_edit_template()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "export-template":
            self.close_template()

    def action_back(self) -> None:
        if any(
            self.query_one(f"#{id}", Input).has_focus for id in ("export-path", "export-template")
        ):
            self.query_one("#export-preview").focus()
            return
        self.dismiss(None)

    # ---- writing -------------------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_write()

    def action_write(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.notify("Say where to write it: press o, type a file or folder", severity="error")
            return
        # The guard first (the database, a backup, a device, a name too long...): a file that
        # may never be written is refused in words before anyone is asked to replace it.
        try:
            target = desk_of(self).papers.export_target(
                self.meeting_id, self.what, self.fmt, raw, include_exempt=self.include_exempt
            )
        except ClerkError as error:
            self.refused(error)
            return
        if target.replaces:

            def answered(yes: bool | None) -> None:
                if yes:
                    self.write(target.path)

            self.app.push_screen(
                ConfirmDialog(
                    f"Replace {target.path.name}?",
                    f"It is already in {target.path.parent}; any changes made to it since it "
                    "was written would be lost.",
                ),
                answered,
            )
            return
        self.write(target.path)

    def write(self, target: Path) -> None:
        what = self.what
        try:
            written = desk_of(self).papers.export_paper(
                self.meeting_id,
                what,
                self.fmt,
                target,
                include_exempt=self.include_exempt,
                # "": no template read at all for a paper not built on one.
                template=self.template if self.on_template else "",
            )
        except ClerkError as error:
            self.refused(error)
            return
        # The notification fades; the line under the file keeps what was written, and where.
        self.show_status(f"Written: {written}")
        self.query_one("#export-preview").focus()
        self.notify(str(written), title=f"{PAPERS[what].label} written", timeout=10, markup=False)

    def refused(self, error: ClerkError) -> None:
        self.show_status(f"Not written: {error}")
        self.notify(str(error), title="Not written", severity="error", timeout=8, markup=False)

    def show_status(self, text: str) -> None:
        self.query_one("#export-status", Static).update(text)
