"""Typed text made clean at the door: what the database holds, every export can write.

Pure. One rule for every way text comes in (a dialog, a paste, an agenda file, the command
line): newlines and tabs stay; carriage returns become newlines; terminal escape sequences
pasted from another program go whole (not just their ESC byte, which would leave "[31m"
behind); every other control character, lone surrogate and non-character (U+FFFE, U+FFFF,
U+FDD0–U+FDEF, and the last two of each plane), bidirectional overrides and a stray byte-order
mark go. Word files are XML, which cannot hold
any of those, and a Markdown or text file that held them would do things to a terminal.
Everything else — accents, dashes, non-breaking spaces, emoji — is the clerk's and stays.
"""

from __future__ import annotations

import re

# ESC [ … final byte (CSI), ESC ] … BEL or ESC \ (OSC: titles, hyperlinks), ESC and one byte.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?"  # never past the end of a line
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
_UNWANTED = re.compile(
    # Bidirectional embeddings, overrides and isolates can make a printed line read
    # differently from the text it holds; a byte-order mark inside text is noise.
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff"
    "\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)


def clean_text(value: str) -> str:
    """``value`` as the clerk meant it: the same text minus what no paper can hold.

    >>> clean_text("Item\\r\\nnoted\\x1b[31m red\\x1b[0m\\ufffe")
    'Item\\nnoted red'
    """
    if value.isprintable() and "\x1b" not in value:
        return value  # the common case, one C-level scan
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _ESCAPE_SEQUENCE.sub("", value)
    return _UNWANTED.sub("", value)


def first_unwanted(value: str) -> str | None:
    """The first character ``clean_text`` would remove, as "U+001B", or None (for an importer
    that would rather say which character it found, and on which line)."""
    found = _UNWANTED.search(value.replace("\r\n", "\n").replace("\r", "\n"))
    return f"U+{ord(found[0]):04X}" if found else None
