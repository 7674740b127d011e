"""Resolutions: numbered i., ii., iii., their sub-points a., b.; their words as typed."""

from __future__ import annotations

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


def number_resolutions(resolutions: Sequence[ResolutionRecord]) -> Resolved:
    """Number resolutions in the house style, their words exactly as the clerk typed them.

    One resolution stands alone (no label); several are labelled i., ii., iii., and the
    sub-points of one a., b. The joining punctuation ("; and", ";", ".") is the clerk's: the
    resolution dialog offers it as it is typed, and the minutes never add or rewrite it, so
    what is printed is what was stored (issue 13).
    """
    kept = [r for r in resolutions if r.text.strip() or any(c.strip() for c in r.children)]
    count = len(kept)
    out: list[NumberedResolution] = []
    for index, resolution in enumerate(kept):
        label = f"{roman(index + 1)}." if count > 1 else ""
        ids = resolution.child_ids or (None,) * len(resolution.children)
        subs = tuple(
            SubPoint(f"{letter(n + 1)}.", child, source=Source("resolution", child_id))
            for n, (child, child_id) in enumerate(
                (c.strip(), i) for c, i in zip(resolution.children, ids, strict=True) if c.strip()
            )
        )
        source = Source("resolution", resolution.id)
        out.append(NumberedResolution(label, resolution.text.strip(), subs, source=source))
    return Resolved(tuple(out))


#: The endings the resolution dialog offers, by what they are for (the house style's list:
#: "; and" before the last point, ";" between the others, "." after the last).
ENDINGS: dict[str, str] = {"and": "; and", "next": ";", "last": "."}
_REPLACED_ENDINGS = ("; and", "; or", ";", ".", ",", ":")


def end_with(text: str, ending: str) -> str:
    """``text`` ending with ``ending`` in place of any joining punctuation it ends with:
    ``end_with("That A be noted;", "; and")`` is "That A be noted; and". What the clerk
    presses in the dialog; the minutes then print the words as they are."""
    body = text.rstrip()
    for old in _REPLACED_ENDINGS:
        if body.endswith(old):
            body = body[: -len(old)].rstrip()
            break
    return f"{body}{ending}" if body else body
