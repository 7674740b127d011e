"""The bytes of a file into lines of text: the encodings Word and Excel save in, and the refusal
of what is no text file at all."""

from __future__ import annotations

import re

from clerk_tui.errors import ClerkError
from clerk_tui.text import clean_text, first_unwanted

# Control characters no text file has: the sign of a binary file, refused with their line.
# (ESC goes with clean_text: it comes with colour codes pasted from a terminal, not binaries.)
_BINARY_RE = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# C1 controls in decoded text are Windows-1252 punctuation that went through Latin-1 on its way
# (U+0092 was a ’): put the punctuation back rather than drop it.
_C1_AS_CP1252 = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_ODD_SPACES = str.maketrans(
    {
        "\xa0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\x0b": " ",
        "\x0c": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
    }
)
_SIGNATURES = (
    (b"PK\x03\x04", "a Word or Excel document (a zip file)"),
    (b"\xd0\xcf\x11\xe0", "an old-style Word or Excel document"),
    (b"%PDF", "a PDF"),
    (b"{\\rtf", "a Rich Text document"),
)


def _line_of(data: bytes, offset: int) -> int:
    """The line (counting CRLF, CR and LF endings alike) that a byte offset falls on."""
    before = data[:offset].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return before.count(b"\n") + 1


def decode(data: bytes, source: str) -> str:
    """The text of the file: UTF-8 (BOM or not), UTF-16 with a BOM, or Windows-1252."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise ClerkError(
                f"this is {what}, not text: save the agenda as plain text (.txt) or CSV first",
                where=source,
            )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ClerkError(
                "not a text file: it starts like UTF-16 but does not decode as UTF-16",
                where=source,
            ) from None
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise ClerkError(
                "not a text file (it contains NUL bytes; is it a binary file?)",
                where=f"{source}:{_line_of(data, nul)}",
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as error:
                byte = data[error.start]
                raise ClerkError(
                    f"not a text file: byte 0x{byte:02X} is neither UTF-8 nor Windows-1252",
                    where=f"{source}:{_line_of(data, error.start)}",
                ) from None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_ODD_SPACES).rstrip("\x1a")  # Ctrl-Z: an old DOS end of file
    control = _BINARY_RE.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        raise ClerkError(
            f"not a text file: it contains the control character U+{ord(control[0]):04X}",
            where=f"{source}:{line}",
        )
    return text.translate(_C1_AS_CP1252)


def clean_lines(text: str, cautions: list[str]) -> list[str]:
    """The lines under the one rule for text (clerk_tui.text), so that nothing imported can
    later stop a Word export: escape sequences, lone surrogates and non-characters (U+FFFF)
    are removed, with a caution naming the first line. Line by line, so that an unfinished
    escape sequence can never take the lines after it."""
    lines = text.split("\n")
    if text.isprintable() or clean_text(text) == text:
        return lines
    cleaned = [clean_text(line) for line in lines]
    changed = [n for n, (old, new) in enumerate(zip(lines, cleaned, strict=True), 1) if old != new]
    if changed:
        first = changed[0]
        found = first_unwanted(lines[first - 1]) or "an escape sequence"
        more = f" and {len(changed) - 1} more lines" if len(changed) > 1 else ""
        cautions.append(f"line {first}{more}: removed characters no paper can hold ({found})")
    return cleaned
