"""The two faces the PDF papers print in (Liberation Sans Regular and Bold, metric-compatible
with Arial, the house font; SIL Open Font License 1.1, see fonts/LICENSE-LiberationSans.txt):
their advance widths for the layout, and each face embedded as a subset of the characters a
paper uses, as a CIDFontType2 font with Identity-H encoding and a ToUnicode CMap, so that any
character the clerk typed (Ł, é, ’, –, €) both prints and is extracted as typed.

fontTools loads here only, when a PDF is made: never at the app's start-up."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from fontTools import subset
from fontTools.ttLib import TTFont

from clerk_tui.export.pdf.objects import Name, PdfFile, Ref, Stream

REGULAR = "LiberationSans-Regular"
BOLD = "LiberationSans-Bold"


def _font_bytes(name: str) -> bytes:
    return files("clerk_tui.export.pdf").joinpath("fonts", f"{name}.ttf").read_bytes()


class Face:
    """One face's metrics: how wide a string is at a size, in points."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.data = _font_bytes(name)
        font = TTFont(io.BytesIO(self.data), lazy=True)
        self.units = int(font["head"].unitsPerEm)
        hmtx = font["hmtx"]
        self._advances: dict[int, int] = {
            cp: hmtx[glyph][0] for cp, glyph in font.getBestCmap().items()
        }
        self._missing = int(hmtx[".notdef"][0])
        self.ascent = int(font["hhea"].ascent)
        self.descent = int(font["hhea"].descent)
        self.cap_height = int(getattr(font["OS/2"], "sCapHeight", self.ascent))
        head = font["head"]
        self.bbox = (int(head.xMin), int(head.yMin), int(head.xMax), int(head.yMax))
        font.close()

    def width(self, text: str, size: float) -> float:
        total = sum(self._advances.get(ord(ch), self._missing) for ch in text)
        return total * size / self.units

    def scaled(self, value: int) -> int:
        """A font-unit measure in PDF glyph space (thousandths of the size)."""
        return round(value * 1000 / self.units)


@cache
def face(name: str) -> Face:
    return Face(name)


@dataclass(frozen=True)
class EmbeddedFont:
    """A face embedded in a file: its /Font object and how to write a string in it."""

    ref: Ref
    codes: dict[int, int]  # code point → its two-byte code (CID) in the embedded font

    def encode(self, text: str) -> bytes:
        """``text`` as the hex string a content stream shows (two bytes a glyph, Identity-H)."""
        return b"<" + "".join(f"{self.codes[ord(ch)]:04X}" for ch in text).encode() + b">"


def _subset(data: bytes, characters: set[str]) -> TTFont:
    options = subset.Options()
    options.layout_features = []  # no shaping: each character is one glyph, as laid out
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.recalc_bounds = True
    font = TTFont(io.BytesIO(data))
    # The layout tables go unread: decoding them is most of a subset's time, and without
    # shaping the PDF has no use for them.
    for table in ("GSUB", "GPOS", "GDEF", "kern", "FFTM"):
        if table in font:
            del font[table]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(ch) for ch in characters})
    subsetter.subset(font)
    return font


def _to_unicode(codes: dict[int, int]) -> bytes:
    by_glyph: dict[int, int] = {}
    for cp, gid in sorted(codes.items()):
        by_glyph.setdefault(gid, cp)  # two characters sharing a glyph: the first one reads
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    pairs = sorted(by_glyph.items())
    for start in range(0, len(pairs), 100):  # at most 100 entries a block (the CMap rule)
        chunk = pairs[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(f"<{g:04X}> <{chr(cp).encode('utf-16-be').hex().upper()}>" for g, cp in chunk)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def embed(pdf: PdfFile, name: str, characters: set[str]) -> EmbeddedFont:
    """The face ``name``, cut down to ``characters``, as objects of ``pdf``."""
    metrics = face(name)
    font = _subset(metrics.data, characters)
    glyphs = {cp: font.getGlyphID(glyph) for cp, glyph in font.getBestCmap().items()}
    hmtx = font["hmtx"]
    order = font.getGlyphOrder()
    widths = [metrics.scaled(hmtx[glyph][0]) for glyph in order]
    # A character the face lacks (✓, 中) prints as its empty box, but still reads as typed:
    # it gets a code of its own past the glyphs, drawn with glyph 0 and mapped to itself.
    missing = sorted({ord(ch) for ch in characters} - glyphs.keys())
    codes = dict(glyphs)
    codes.update({cp: len(order) + n for n, cp in enumerate(missing)})
    widths += [widths[0]] * len(missing)
    cid_to_gid: object = Name("Identity")
    if missing:
        table = b"".join(n.to_bytes(2, "big") for n in range(len(order))) + b"\0\0" * len(missing)
        cid_to_gid = pdf.add(Stream({}, table))
    out = io.BytesIO()
    font.save(out)
    font.close()
    # The subset's tag (six capitals) follows from what it holds, so one paper's bytes repeat.
    digest = hashlib.sha256("".join(sorted(characters)).encode()).digest()
    tag = "".join(chr(65 + b % 26) for b in digest[:6])
    base = Name(f"{tag}+{name}")
    font_file = pdf.add(Stream({"Length1": len(out.getvalue())}, out.getvalue()))
    descriptor = pdf.add(
        {
            "Type": Name("FontDescriptor"),
            "FontName": base,
            "Flags": 32,  # non-symbolic: the Latin set
            "FontBBox": [metrics.scaled(v) for v in metrics.bbox],
            "ItalicAngle": 0,
            "Ascent": metrics.scaled(metrics.ascent),
            "Descent": metrics.scaled(metrics.descent),
            "CapHeight": metrics.scaled(metrics.cap_height),
            "StemV": 120 if name == BOLD else 80,
            "FontFile2": font_file,
        }
    )
    cid_font = pdf.add(
        {
            "Type": Name("Font"),
            "Subtype": Name("CIDFontType2"),
            "BaseFont": base,
            "CIDSystemInfo": {"Registry": "Adobe", "Ordering": "Identity", "Supplement": 0},
            "FontDescriptor": descriptor,
            "W": [0, widths],
            "CIDToGIDMap": cid_to_gid,
        }
    )
    to_unicode = pdf.add(Stream({}, _to_unicode(codes)))
    ref = pdf.add(
        {
            "Type": Name("Font"),
            "Subtype": Name("Type0"),
            "BaseFont": base,
            "Encoding": Name("Identity-H"),
            "DescendantFonts": [cid_font],
            "ToUnicode": to_unicode,
        }
    )
    return EmbeddedFont(ref, codes)
