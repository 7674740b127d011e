"""A body's own wording of the sentences the minutes write (its house style), opened from the
body's details (ctrl+o): one field per kind of sentence, blank for the minutes' own words, each
with its default and the placeholders it may hold beneath. ctrl+s records them all as one
clerk action; a wording with an unknown placeholder is refused in one line, nothing kept."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Static

from clerk_tui.desk import BodyView
from clerk_tui.minutes.styles import STYLES, Style, check_wording
from screens.dialogs.form import FormDialog, text_of

OWN_WORDS = "blank: the minutes' own words"


def placeholders_words(style: Style) -> str:
    """ "{names} those who sent apologies" — or that the sentence takes none."""
    if not style.placeholders:
        return "no placeholders"
    return " · ".join(f"{{{name}}} {what}" for name, what in style.placeholders.items())


class StylesDialog(FormDialog[dict[str, str]]):
    DEFAULT_CSS = """
    StylesDialog .style-note {
        color: $text-muted;
        padding: 0 0 1 0;
    }
    StylesDialog .style-error {
        display: none;
    }
    StylesDialog .style-error.-shown {
        display: block;
    }
    """

    def __init__(self, body: BodyView, styles: dict[str, str]) -> None:
        super().__init__(f"Wording of the minutes' sentences — {body.name}")
        self.body = body
        self.wordings = styles
        self.refused_kind: str | None = None  # the field whose wording value() refused

    def fields(self) -> ComposeResult:
        for style in STYLES.values():
            yield self.row(
                style.label,
                Input(
                    self.wordings.get(style.kind, ""),
                    placeholder=OWN_WORDS,
                    id=f"style-{style.kind}",
                ),
            )
            # A refusal is said here, under its own field, which takes the focus: the foot of
            # the dialog (where a form says it) is below the fold with six fields and notes.
            yield Static(
                "", id=f"style-error-{style.kind}", classes="form-error style-error", markup=False
            )
            # The defaults quote the minutes' words and the braces are literal: never markup.
            yield Static(
                f"Default: {style.default}\nMay hold: {placeholders_words(style)}",
                classes="style-note",
                markup=False,
            )

    def value(self) -> dict[str, str]:
        wordings = {kind: text_of(self, f"#style-{kind}") for kind in STYLES}
        self.refused_kind = None
        for kind, wording in wordings.items():
            self.refused_kind = kind
            check_wording(kind, wording)  # the first refusal, beside its field
        self.refused_kind = None
        return wordings

    def show_error(self, message: str) -> None:
        for line in self.query(".style-error").results(Static):
            line.update("")
            line.remove_class("-shown")
        kind = self.refused_kind
        if kind is None:  # the Desk's refusal, of no one field: the foot, scrolled to
            super().show_error(message)
            self.query_one("#form-error", Static).scroll_visible(animate=False)
            return
        super().show_error("")
        line = self.query_one(f"#style-error-{kind}", Static)
        line.update(message)
        line.add_class("-shown")
        self.query_one(f"#style-{kind}", Input).focus(scroll_visible=False)
        # Once laid out with the line shown: the field and the words under it in view.
        self.call_after_refresh(self._show_refused, kind)

    def _show_refused(self, kind: str) -> None:
        self.query_one(f"#style-{kind}", Input).scroll_visible(animate=False)
        self.query_one(f"#style-error-{kind}", Static).scroll_visible(animate=False)


def styles_summary(styles: dict[str, str]) -> str:
    """What the body's details say of its wording: which sentences are its own."""
    own = [STYLES[kind].label.lower() for kind in STYLES if styles.get(kind)]
    if not own:
        return "Minutes' sentences: the minutes' own wording (ctrl+o: the body's own)"
    return f"Minutes' sentences in the body's own wording: {', '.join(own)} (ctrl+o: change)"
