"""The export screen's parts: the one-of-a-few choice it draws for what, format and exempt
items, and the line saying what the file will be (format, paper, template)."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.events import Click
from textual.message import Message
from textual.widgets import Static

from clerk_tui.desk.exporting import FORMAT_LABELS

HOUSE_STYLE = "House style (A4, Arial)"


def template_name(template: str | None, body_template: str | None) -> str | None:
    """The Word file the minutes are built on, None for the house style: ``template`` as the
    screen holds it (None: the body's own, ``body_template``, if it has one; "": none; else
    the path typed)."""
    if template is None:
        return body_template
    return Path(template.strip()).name if template.strip() else None


def template_label(template: str | None, body_template: str | None) -> str:
    """The template line: "Solihull.docx (the body's own)", "x.docx", or the house style."""
    name = template_name(template, body_template)
    if name is None:
        return HOUSE_STYLE
    return f"{name} (the body's own)" if template is None else name


def file_kind(what: str, fmt: str, template: str | None, body_template: str | None) -> str:
    """The first line of the preview: "Word (.docx), A4, house style", "Word (.docx), on
    template Solihull.docx", "PDF, A4, tagged", "Web page, one file" ..."""
    if fmt == "docx" and what == "minutes":
        name = template_name(template, body_template)
        # A template brings its own page setup; the house style is A4.
        return f"Word (.docx), on template {name}" if name else "Word (.docx), A4, house style"
    if fmt == "docx":
        return "Word (.docx), A4"
    if fmt == "pdf":
        return "PDF, A4, tagged"
    if fmt == "html":
        return "Web page, one file"
    return FORMAT_LABELS[fmt]


class Choices(Static):
    """One choice among a few, drawn as ``● chosen`` / ``○ other`` lines.

    The screen holds the choice and redraws this from it in the same call, so a key pressed
    right after another always sees the choice the first one made (a RadioSet would settle it
    through messages, later). A click on a line posts :class:`Choices.Picked`.
    """

    DEFAULT_CSS = """
    Choices {
        height: auto;
        padding: 0 1;
    }
    """

    class Picked(Message):
        def __init__(self, choices: Choices, value: str) -> None:
            super().__init__()
            self.choices = choices
            self.value = value

    def __init__(self, options: tuple[tuple[str, str], ...], chosen: str, *, id: str) -> None:
        super().__init__(id=id)
        self.options = options
        self.chosen = chosen

    def on_mount(self) -> None:
        self.show(self.options, self.chosen)

    def show(self, options: tuple[tuple[str, str], ...], chosen: str) -> None:
        self.options, self.chosen = options, chosen
        text = Text()
        for n, (value, label) in enumerate(options):
            if n:
                text.append("\n")
            if value == chosen:
                text.append(f"● {label}", style="bold")
            else:
                text.append(f"○ {label}", style="dim")
        self.update(text)

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and 0 <= offset.y < len(self.options):
            self.post_message(self.Picked(self, self.options[offset.y][0]))
