"""Resolutions: numbered i., ii., iii., their sub-points a., b., and the joining punctuation
of the house style ("; and", ";", ".") added where the clerk left it out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from clerk_tui.minutes.blocks import NumberedResolution, Resolved, Source, SubPoint
from clerk_tui.minutes.records import ResolutionRecord

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman(number: int) -> str:
    """1 → "i", 4 → "iv", 14 → "xiv"."""
    if number < 1:
        raise ValueError(f"no roman numeral for {number}")
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def letter(number: int) -> str:
    """1 → "a", 26 → "z", 27 → "aa"."""
    if number < 1:
        raise ValueError(f"no letter for {number}")
    out = ""
    while number:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


_ENDS_WITH_JOINER = re.compile(r"\b(and|or)$", re.IGNORECASE)
_FINAL_STOP = (".", "!", "?")


def _end_list_item(text: str) -> str:
    """A point that is neither last nor last but one ends with ";" (unless it has its own)."""
    text = text.rstrip()
    if text.endswith(";") or _ENDS_WITH_JOINER.search(text) or text.endswith(":"):
        return text
    if text.endswith((".", ",")):
        text = text[:-1].rstrip()
    return f"{text};"


def _end_last_but_one(text: str) -> str:
    """The point before the last ends with "; and" unless the clerk joined it already."""
    text = text.rstrip()
    if _ENDS_WITH_JOINER.search(text) or text.endswith(":"):
        return text
    text = text.rstrip(" .,;").rstrip()
    return f"{text}; and"


def _end_last(text: str) -> str:
    """The last point ends with a full stop."""
    text = text.rstrip()
    if text.endswith(_FINAL_STOP) or text.endswith(":"):
        return text
    text = text.rstrip(" ,;").rstrip()
    return f"{text}."


def _ending(index: int, count: int) -> str:
    if index == count - 1:
        return "last"
    if index == count - 2:
        return "last-but-one"
    return "other"


_ENDERS = {"last": _end_last, "last-but-one": _end_last_but_one, "other": _end_list_item}


def number_resolutions(resolutions: Sequence[ResolutionRecord]) -> Resolved:
    """Number and punctuate resolutions in the house style.

    One resolution stands alone (no label); several are labelled i., ii., iii. Their endings:
    the last ends with ".", the last but one with "; and", the others with ";" — each only
    where the clerk did not type it. A resolution with sub-points keeps its own text as typed
    (it introduces them); its sub-points a., b. end with ";" and the last takes the ending
    the resolution would have had.
    """
    kept = [r for r in resolutions if r.text.strip() or any(c.strip() for c in r.children)]
    count = len(kept)
    out: list[NumberedResolution] = []
    for index, resolution in enumerate(kept):
        ending = _ENDERS[_ending(index, count)]
        label = f"{roman(index + 1)}." if count > 1 else ""
        source = Source("resolution", resolution.id)
        ids = resolution.child_ids or (None,) * len(resolution.children)
        children = [
            (c.strip(), Source("resolution", i))
            for c, i in zip(resolution.children, ids, strict=True)
            if c.strip()
        ]
        if children:
            subs = tuple(
                SubPoint(
                    f"{letter(n + 1)}.",
                    ending(child) if n == len(children) - 1 else _end_list_item(child),
                    source=child_source,
                )
                for n, (child, child_source) in enumerate(children)
            )
            out.append(NumberedResolution(label, resolution.text.strip(), subs, source=source))
        else:
            out.append(NumberedResolution(label, ending(resolution.text.strip()), source=source))
    return Resolved(tuple(out))
