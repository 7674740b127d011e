"""A paste arrives whole and in order, whatever it holds.

Textual 8.2.8's terminal parser (``textual._xterm_parser.XTermParser``) mishandles an escape
character inside a bracketed paste: what follows it is sent as key presses *before* the paste
itself, so pasting "AAA<ESC>[31mBBB" into a note records "^[31mBBBAAA" — the clerk's words in
the wrong order, with the escape shown as "^[". Terminal colours copied from another program
put exactly that on the clipboard.

``CleanPasteParser`` sits in front of Textual's parser: inside a bracketed paste it takes out
what the clerk's text would lose at the door anyway (clerk_tui.text.clean_text: escape
sequences, control characters) before the parser sees it, so the paste reaches the widget as
one Paste event, in order. Outside a paste, an escape key read together with the key typed after
it stays two keys (:func:`_escape_then_key`); everything else goes through untouched. ``install()``
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
# What may follow an escape that starts a sequence rather than being the escape key.
_SEQUENCE_STARTS = "[O]P_^X\\"
_ESCAPE_KEY = "\x1b[27u"  # the escape key, as the kitty keyboard protocol sends it


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
                    out.append(_escape_then_key(text))
                    self._partial = _opening_begun(opening)
                    break
                out.append(_escape_then_key(text[:start]) + BRACKETED_PASTE_START)
                text = text[start + len(BRACKETED_PASTE_START) :]
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


def _escape_then_key(text: str) -> str:
    """``text`` with each escape that a typed character follows in the same read made the
    escape key on its own. Read together (a quick "escape y" to discard a dialog, or keys
    that waited while the app was busy), Textual's parser takes the pair as the start of a
    sequence and, when the next escape comes, types it as "^y" into the field. This app binds
    no alt+letter, so the pair is the escape key and then the letter; the escape goes on as
    its kitty-protocol sequence, which the parser reads as the escape key alone. Escapes that
    open a sequence (CSI "[", SS3 "O", the terminal's replies "]", "P", "_", "^", "X", "\\")
    are left alone."""
    parts = text.split(ESC)
    out = [parts[0]]
    for part in parts[1:]:
        if part and part[0].isprintable() and part[0] not in _SEQUENCE_STARTS:
            out.append(_ESCAPE_KEY + part)
        else:
            out.append(ESC + part)
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
