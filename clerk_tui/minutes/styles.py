"""A body's own wording of the sentences the minutes write (its house style), and the clerk's
edit of one sentence: what each kind of sentence may say, checked once, and filled in.

A wording is plain text with placeholders in braces that the minutes fill from the records:
``Apologies were received from {names}.`` A brace itself is written twice (``{{``). Each kind
of sentence has its own placeholders (:data:`STYLES`); a wording naming any other is refused
in one line, so a body's style can never print "{votes}" in its minutes.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from clerk_tui.errors import ClerkError


@dataclass(frozen=True)
class Style:
    """One kind of generated sentence a body may word its own way."""

    kind: str  # the sentencestyle row's kind
    label: str  # how the body's details name it
    placeholders: dict[str, str]  # name → what the minutes put there
    default: str  # the minutes' own wording, in the same placeholders, as the clerk is shown


STYLES: dict[str, Style] = {
    style.kind: style
    for style in (
        Style(
            "vote",
            "Vote sentence",
            {
                "for": "votes for",
                "against": "votes against",
                "abstentions": "abstentions",
                "present": "voting members present",
                "outcome": "“carried” or “not carried”",
                "motion": "the motion's words",
                "sentence": "the minutes' own sentence for the vote",
            },
            "{sentence}  (e.g. “A vote of Panel Members present resulted in an 8:1 majority in "
            "favour of the recommendation. …”)",
        ),
        Style(
            "apologies",
            "Apologies",
            {"names": "those who sent apologies, as “A, B and C”"},
            "Apologies for non-attendance were received on behalf of {names}.",
        ),
        Style("no-apologies", "No apologies", {}, "No apologies were received."),
        Style("none-declared", "No declarations", {}, "None declared."),
        Style(
            "arrival",
            "Late arrival",
            {"name": "who came", "when": "“during this item”, “at 14:20 hours”"},
            "{name} joined the meeting {when}.",
        ),
        Style(
            "departure",
            "Departure",
            {"name": "who left", "when": "“at 15:10 hours”, “after this item”"},
            "{name} left the meeting {when}.",
        ),
        Style(
            "exclusion",
            "Exclusion of press and public",
            {"reason": "the statutory ground, in full"},
            "Resolved that the press and public be excluded from the meeting for this item on "
            "the grounds that it involves the likely disclosure of exempt information as "
            "defined in {reason}.",
        ),
        # Not a sentence of its own: the words the speakers' sentence gives what public
        # speakers and the applicant address ("spoke in objection to the application").
        Style("speakers", "What speakers address", {}, "the application"),
    )
}


def _fields(wording: str, what: str) -> list[str]:
    """The placeholders ``wording`` names, in order; refused when it is not a wording."""
    try:
        parsed = list(string.Formatter().parse(wording))
    except ValueError:
        raise ClerkError(
            f"the {what} has an unmatched {{ or }}: write {{{{ or }}}} for a brace itself"
        ) from None
    names: list[str] = []
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            raise ClerkError(
                f"the {what} has {{{name}{'!' + conversion if conversion else ''}"
                f"{':' + spec if spec else ''}}}: a placeholder is a name in braces, "
                "as {names}"
            )
        names.append(name)
    return names


def check_wording(kind: str, wording: str) -> str:
    """``wording`` for a body's ``kind`` of sentence, stripped; a ClerkError in one line when
    the kind is not one the minutes write or it names a placeholder the kind does not have."""
    style = STYLES.get(kind)
    if style is None:
        raise ClerkError(
            f"the minutes write no {kind!r} sentence: choose one of {', '.join(STYLES)}"
        )
    wording = " ".join(wording.split())
    what = f"{style.label.lower()} wording"
    unknown = [n for n in _fields(wording, what) if n not in style.placeholders]
    if unknown:
        allowed = " ".join(f"{{{n}}}" for n in style.placeholders) or "no placeholders"
        raise ClerkError(f"the {what} may hold {allowed}, not {{{unknown[0]}}}")
    return wording


def styled(styles: dict[str, str], kind: str, generated: str, **values: str) -> str:
    """The sentence of ``kind`` in the body's wording (``styles``: kind → wording), filled with
    ``values``; the minutes' own ``generated`` words when the body has none. A wording that no
    longer checks (edited outside the app) gives way to the generated words, never an error."""
    wording = styles.get(kind, "").strip()
    if not wording:
        return generated
    try:
        check_wording(kind, wording)
        return wording.format(sentence=generated, **values)
    except (ClerkError, KeyError, IndexError, ValueError):
        return generated


__all__ = ["STYLES", "Style", "check_wording", "styled"]
