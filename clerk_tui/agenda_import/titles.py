"""An item's title: the kind it names, and where a topic's title ends and its description
begins."""

from __future__ import annotations

import re

_KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (
            "notice-of-recording",
            r"\bnotice of (?:recording|webcasting|filming|broadcasting)\b"
            r"|\b(?:recording and )?webcasting\b|\bfilming and recording\b",
        ),
        ("apologies", r"\bapologies\b"),
        ("membership", r"\bmembership\b"),
        (
            "declarations",
            r"\bdeclarations? of (?:members'? |any )?(?:pecuniary )?interests?\b"
            r"|\bdisclosable pecuniary interests?\b|\binterests? declared\b",
        ),
        ("previous-minutes", r"\bminutes\b"),
        (
            "public-questions",
            r"\bpublic questions?\b|\bquestions? (?:from|by) (?:the |members of the )?public\b",
        ),
        ("urgent-business", r"\burgent business\b|\bany other (?:urgent )?business\b"),
        ("work-programme", r"\bwork ?programmes?\b|\bwork ?programs?\b"),
        ("other", r"\bexclusion of (?:the )?(?:press|public)\b"),
    )
)


def kind_from_title(title: str) -> str:
    """The kind of an item from its title; "report" when nothing else fits.

    >>> kind_from_title("DECLARATIONS OF INTEREST (IF ANY)")
    'declarations'
    """
    text = " ".join(title.casefold().replace("’", "'").split())
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(text):
            return kind
    return "report"


_TITLE_TRAILERS = frozenset({"-", "–", "—", ":", "|"})


def split_topic(topic: str) -> tuple[str, str]:
    """Split an agenda topic into (title, description) at the end of its leading capitals.

    The title is the run of words with no lowercase letter ("DECLARATIONS OF INTEREST (IF ANY)",
    "BUDGET 2022/23 – PLAN"); the description starts at the first word with one ("To note...",
    "Report of..."). A lone "A" before a lowercase word starts the description ("A report...").
    A topic in mixed case from its first word has no such boundary: it is all title.
    """
    tokens = topic.split()
    if not tokens:
        return "", ""
    cut = next(
        (i for i, token in enumerate(tokens) if any(ch.islower() for ch in token)), len(tokens)
    )
    if cut == 0:
        return " ".join(tokens), ""
    if 1 < cut < len(tokens) and tokens[cut - 1] == "A" and tokens[cut][:1].islower():
        cut -= 1
    title_tokens = tokens[:cut]
    while title_tokens and title_tokens[-1] in _TITLE_TRAILERS:
        title_tokens.pop()
    description_tokens = tokens[cut:]
    while description_tokens and description_tokens[0] in _TITLE_TRAILERS:
        description_tokens.pop(0)
    title = " ".join(title_tokens).rstrip(":").rstrip()
    return title, " ".join(description_tokens)
