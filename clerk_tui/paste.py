"""A paste arrives whole and in order, whatever it holds.

Textual 8.2.8's terminal parser (``textual._xterm_parser.XTermParser``) mishandles an escape
character inside a bracketed paste: what follows it is sent as key presses *before* the paste
itself, so pasting "AAA<ESC>[31mBBB" into a note records "^[31mBBBAAA" — the clerk's words in
the wrong order, with the escape shown as "^[". Terminal colours copied from another program
put exactly that on the clipboard.

``CleanPasteParser`` sits in front of Textual's parser: inside a bracketed paste it takes out
what the clerk's text would lose at the door anyway (clerk_tui.text.clean_text: escape
sequences, control characters) before the parser sees it, so the paste reaches the widget as
one Paste event, in order. Everything outside a paste goes through untouched. ``install()``
makes the Linux driver use it (the driver builds its parser by that module's name); textual is
pinned exactly, so the name it patches cannot move under it.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.message import Message

from clerk_tui.text import clean_text

ESC = "\x1b"
# A tail this short that starts with ESC may be an escape sequence (or the paste's end)
# split between two reads of the terminal: it waits for the next read.
_SPLIT_TAIL = 32


class CleanPasteParser(XTermParser):
    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._in_paste = False
        self._waiting = ""  # inside a paste: a tail held back for the next read
        self._partial = ""  # outside: the start of a paste's opening, already passed on

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # end of input
            return super().feed("")
        return super().feed(self._cleaned(data))

    def _cleaned(self, data: str) -> str:
        text, self._waiting = self._waiting + data, ""
        out: list[str] = []
        while text:
            if not self._in_paste:
                # The opening split between reads: its first part has gone on already (a lone
                # ESC is never held back: it may be the escape key, which must act at once).
                opening = self._partial + text
                if self._partial and opening.startswith(BRACKETED_PASTE_START):
                    rest = len(BRACKETED_PASTE_START) - len(self._partial)
                    out.append(text[:rest])
                    text, self._partial, self._in_paste = text[rest:], "", True
                    continue
                self._partial = ""
                start = text.find(BRACKETED_PASTE_START)
                if start < 0:
                    out.append(text)
                    self._partial = _opening_begun(opening)
                    break
                start += len(BRACKETED_PASTE_START)
                out.append(text[:start])
                text = text[start:]
                self._in_paste = True
                continue
            end = text.find(BRACKETED_PASTE_END)
            if end < 0:
                cut = text.rfind(ESC)
                if cut >= 0 and len(text) - cut <= _SPLIT_TAIL:
                    text, self._waiting = text[:cut], text[cut:]
                out.append(clean_text(text))
                break
            out.append(clean_text(text[:end]) + BRACKETED_PASTE_END)
            text = text[end + len(BRACKETED_PASTE_END) :]
            self._in_paste = False
        return "".join(out)


def _opening_begun(text: str) -> str:
    """The end of ``text`` that is the beginning of a paste's opening sequence, or ""."""
    for size in range(min(len(text), len(BRACKETED_PASTE_START) - 1), 0, -1):
        if BRACKETED_PASTE_START.startswith(text[-size:]):
            return text[-size:]
    return ""


def install() -> None:
    """Make Textual's Linux driver parse the terminal's input with CleanPasteParser."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # not on this platform: its driver has its own parser
        return
    # The driver imports the parser class for itself (it is not part of its public names);
    # replacing that imported name is the whole point, so mypy's export check does not apply.
    linux_driver.XTermParser = CleanPasteParser  # type: ignore[attr-defined]
