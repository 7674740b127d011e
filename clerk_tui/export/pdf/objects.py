"""The PDF file format itself: values written as PDF syntax, numbered indirect objects,
FlateDecode streams, the cross-reference table and the trailer (ISO 32000-1, section 7).

Nothing here knows about pages or text; the document module builds those out of these."""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Name:
    """A PDF name: ``/Type``."""

    value: str


@dataclass(frozen=True)
class Ref:
    """A reference to an indirect object: ``12 0 R``."""

    number: int


@dataclass(frozen=True)
class Raw:
    """Bytes written as they are (a hex string, a number written already)."""

    data: bytes


@dataclass(frozen=True)
class Stream:
    """A stream object: its dictionary (without /Length) and its bytes."""

    entries: Mapping[str, object]
    data: bytes
    compress: bool = True


def text_string(value: str) -> Raw:
    """A text string (an Info entry, a /Lang, an /Alt): UTF-16BE with its byte order mark,
    as hex, so any character the clerk typed survives and nothing needs escaping."""
    return Raw(b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">")


def _number(value: float) -> bytes:
    if isinstance(value, int) or value == int(value):
        return str(int(value)).encode("ascii")
    return f"{value:.3f}".rstrip("0").rstrip(".").encode("ascii")


def serialise(value: object) -> bytes:
    """``value`` in PDF syntax. A str is a name-free literal string (ASCII only: the callers
    pass text through :func:`text_string`)."""
    if isinstance(value, bool):
        return b"true" if value else b"false"
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, Name):
        return b"/" + value.value.encode("ascii")
    if isinstance(value, Ref):
        return f"{value.number} 0 R".encode("ascii")
    if isinstance(value, Raw):
        return value.data
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"(" + escaped.encode("ascii") + b")"
    if value is None:
        return b"null"
    if isinstance(value, Mapping):
        items = b" ".join(b"/" + k.encode("ascii") + b" " + serialise(v) for k, v in value.items())
        return b"<<" + items + b">>"
    if isinstance(value, Sequence):
        return b"[" + b" ".join(serialise(v) for v in value) + b"]"
    raise TypeError(f"no PDF form for {value!r}")


class PdfFile:
    """Indirect objects, numbered from 1 as they are reserved, written out in order."""

    def __init__(self) -> None:
        self._objects: list[object] = []

    def reserve(self) -> Ref:
        self._objects.append(None)
        return Ref(len(self._objects))

    def set(self, ref: Ref, value: object) -> Ref:
        self._objects[ref.number - 1] = value
        return ref

    def add(self, value: object) -> Ref:
        return self.set(self.reserve(), value)

    def to_bytes(self, *, root: Ref, info: Ref) -> bytes:
        # The binary comment line tells transfer tools the file is binary (section 7.5.2).
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets: list[int] = []
        for number, value in enumerate(self._objects, start=1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode("ascii")
            out += _object_body(value)
            out += b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode("ascii")
        out += b"".join(f"{offset:010d} 00000 n \n".encode("ascii") for offset in offsets)
        trailer = {"Size": len(offsets) + 1, "Root": root, "Info": info}
        out += b"trailer\n" + serialise(trailer) + f"\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
        return bytes(out)


def _object_body(value: object) -> bytes:
    if not isinstance(value, Stream):
        return serialise(value)
    data = zlib.compress(value.data, 6) if value.compress else value.data
    entries = dict(value.entries)
    if value.compress:
        entries["Filter"] = Name("FlateDecode")
    entries["Length"] = len(data)
    return serialise(entries) + b"\nstream\n" + data + b"\nendstream"
