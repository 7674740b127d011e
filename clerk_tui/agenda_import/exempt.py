"""Exempt items: the marks agendas put on business taken in private. Pure, standard library only."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from clerk_tui.agenda_import.cells import HEADING_MARKS_RE, show, unmark
from clerk_tui.agenda_import.titles import kind_from_title

# A wrong "exempt" hides an item's content from the public minutes (the clerk unticks it); a
# wrong "public" publishes what the law says must not be. So a clear mark makes an item exempt:
# a bracketed "(EXEMPT)", "(Private)", "(Not for publication)", "(Part II)"; "EXEMPT:" leading
# or "– EXEMPT" ending the title; "not for publication" or a Schedule 12A reference anywhere;
# a description that is only a mark; a "PART II" heading above the items. A word that only
# hints ("a private company", "exempt from fees", "Appendix 2 is exempt") leaves the item public
# with a caution for the clerk. The exclusion resolution and the notice of recording talk about
# exempt business without being any: they are never marked.

_MARK_WORDS = (
    r"(?:exempt(?:\s+(?:item|report|business|matter|information))?"
    r"|private(?:\s+(?:and|&)\s+confidential|\s+(?:item|report|business|session|meeting))?"
    r"|confidential(?:\s+(?:item|report|business))?"
    r"|not\s+for\s+publication)"
)
# After a mark inside brackets: the bracket's end, a separator, or the ground ("by virtue of
# paragraph 3"); "(Private Sector Housing)" is a name, not a mark.
_AFTER_MARK = r"(?=\s*(?:[)\]\-–—:,;]|by\s|under\s|within\s|para|schedule))"
_BRACKET_MARK_RE = re.compile(
    rf"[(\[]\s*(?:{_MARK_WORDS}|part\s+ii){_AFTER_MARK}[^)\]]*[)\]]"
    r"|[(\[][^)\]]*\b(?:schedule|sched\.?|sch\.?)\s*12\s*a\b[^)\]]*[)\]]",
    re.IGNORECASE,
)
_LEADING_MARK_RE = re.compile(rf"^\s*{_MARK_WORDS}\s*(?:[:|]|\s[-–—])\s*(?=\S)", re.IGNORECASE)
_TRAILING_MARK_RE = re.compile(
    rf"(?:\s+[-–—]|\s*[:|])\s*{_MARK_WORDS}\s*\.?\s*$|\s+not\s+for\s+publication\s*\.?\s*$",
    re.IGNORECASE,
)
_ONLY_MARK_RE = re.compile(rf"\(?\s*(?:{_MARK_WORDS}|part\s+ii)\s*\)?\s*\.?", re.IGNORECASE)
_PUBLICATION_RE = re.compile(r"\bnot\s+for\s+publication\b", re.IGNORECASE)
# "Schedule 12A", "Sch 12A", "Sched. 12A", "Sch.12A"; and s100A(4), the power it is used under.
_SCHEDULE_RE = re.compile(
    r"\b(?:schedule|sched\.?|sch\.?)\s*12\s*a\b|\bs(?:ection|\.)?\s*100\s*a\s*\(\s*4\s*\)",
    re.IGNORECASE,
)
_PARAGRAPHS_RE = re.compile(
    r"\bpara(?:graph)?(?P<plural>s)?\.?\s*"
    r"(?P<list>\d{1,2}[a-c]?(?:\s*(?:,|&|\band\b|\bor\b)\s*\d{1,2}[a-c]?)*)(?!\.?\d)",
    re.IGNORECASE,
)
_MARK_BEFORE_RE = re.compile(rf"{_MARK_WORDS}\W{{0,4}}(?:\w+\s+){{0,4}}$", re.IGNORECASE)
_APPENDIX_RE = re.compile(r"\b(?:appendix|appendices|annex(?:e|es)?|attachment)\b", re.I)
_HINT_RE = re.compile(
    r"\b(?:exempt|confidential|private|in\s+camera|closed\s+session|part\s+ii"
    # The words of Schedule 12A's paragraphs, quoted by an agenda that names no paragraph.
    r"|financial\s+or\s+business\s+affairs\s+of\s+any\s+particular\s+person"
    r"|legal\s+professional\s+privilege|reveal\s+the\s+identity\s+of\s+an\s+individual"
    r"|labour\s+relations\s+matter)\b",
    re.IGNORECASE,
)
# "private" before these is about the private sector, not a private session. (A private
# company or contractor may well be why an item is exempt: that still gets a caution.)
_PRIVATE_THINGS_RE = re.compile(
    r"private\s+(?:sector|rented|rental|landlords?|tenants?|tenancy|tenancies|hire|housing|"
    r"members?'?|life|lives|sewers?|roads?|streets?|drains?)(?![\w-])",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"[.;!?]\s+(?=[A-Z(])")
EXCLUSION_RE = re.compile(r"\bexclusion\s+of\s+(?:the\s+)?(?:press|public)\b", re.IGNORECASE)
_PUBLIC_KINDS = frozenset({"notice-of-recording"})
_SECTION_START_RE = re.compile(
    r"^(?:part\s+(?:ii|2|two|b)\s*(?:$|[-–—:.(])"
    r"|(?:exempt|private|confidential)\s+(?:items?|business|section|session|part|reports?)\b"
    r"|items?\s+(?:to\s+be\s+)?(?:taken|considered)\s+in\s+private\b)",
    re.IGNORECASE,
)
_PUBLIC_SECTION_RE = re.compile(
    r"^(?:part\s+(?:i|1|one|a)\s*(?:$|[-–—:.(])|public\s+(?:items?|business|section|part)\b)",
    re.IGNORECASE,
)
DEFAULT_EXEMPT_REASON = "Schedule 12A"
"""The reason of an item marked exempt without naming a paragraph: the minutes then say "exempt
information as defined in Schedule 12A to the Local Government Act 1972"."""


@dataclass(frozen=True)
class Marks:
    """What an item's words say about it being exempt."""

    exempt: bool = False
    reason: str = ""  # "paragraph 3 of Schedule 12A" when a paragraph is named, else blank
    title: str = ""  # the title with a clear mark taken off
    evidence: str = ""  # the words that said so, for a caution
    doubt: str = ""  # a caution when the words only hint


def paragraph_reason(text: str) -> str:
    """ "paragraph 3 of Schedule 12A" from the paragraph named beside Schedule 12A or a mark."""
    for match in _PARAGRAPHS_RE.finditer(text):
        near = text[max(0, match.start() - 100) : match.end() + 100]
        if _SCHEDULE_RE.search(near) or _MARK_BEFORE_RE.search(text[: match.start()]):
            numbers = re.split(r"\s*(?:,|&|\band\b|\bor\b)\s*", match["list"], flags=re.I)
            numbers = [n.upper() for n in numbers if n]
            if len(numbers) == 1:
                return f"paragraph {numbers[0]} of Schedule 12A"
            return f"paragraphs {', '.join(numbers[:-1])} and {numbers[-1]} of Schedule 12A"
    return ""


def _sentence_at(text: str, index: int) -> str:
    start = 0
    for end in _SENTENCE_END_RE.finditer(text):
        if end.end() > index:
            return text[start : end.start() + 1]
        start = end.end()
    return text[start:]


def _strong_in(text: str, *, title: bool) -> tuple[int, str] | None:
    """Where the first clear mark in a title or a description is, and its words."""
    for pattern in (_BRACKET_MARK_RE, _LEADING_MARK_RE, _TRAILING_MARK_RE):
        match = pattern.search(text)
        if match is not None:
            return match.start(), match[0].strip(" -–—:|")
    if not title and _ONLY_MARK_RE.fullmatch(text.strip()):
        return 0, text.strip()
    match = _PUBLICATION_RE.search(text) or _SCHEDULE_RE.search(text)
    return (match.start(), _context(text, match.start(), match.end())) if match else None


def _unmarked_title(title: str) -> str:
    """The title without a bracketed, leading or trailing mark (never left empty)."""
    stripped = _BRACKET_MARK_RE.sub(" ", title)
    stripped = _LEADING_MARK_RE.sub("", stripped)
    stripped = _TRAILING_MARK_RE.sub("", stripped)
    stripped = " ".join(stripped.split()).strip(" -–—:|")
    return stripped or title


def _hint_in(text: str) -> re.Match[str] | None:
    for match in _HINT_RE.finditer(text):
        if match[0].lower() == "private" and _PRIVATE_THINGS_RE.match(text, match.start()):
            continue
        return match
    return None


def _context(text: str, start: int, end: int, width: int = 24) -> str:
    """The words around text[start:end], for a caution."""
    before, after = max(0, start - width), min(len(text), end + width)
    words = " ".join(text[before:after].split())
    return ("…" if before else "") + words + ("…" if after < len(text) else "")


def exempt_marks(title: str, description: str = "") -> Marks:
    """What the title and description of an item say about it being exempt (see above). Marks
    written in look-alike characters ("(ＥＸＥＭＰＴ)") count too: they are read folded (NFKC)."""
    folded = unicodedata.normalize("NFKC", title), unicodedata.normalize("NFKC", description)
    if folded != (title, description):
        found = _exempt_marks(*folded)
        return found if found.exempt or found.doubt else Marks(title=title)
    return _exempt_marks(title, description)


def _exempt_marks(title: str, description: str) -> Marks:
    if EXCLUSION_RE.search(title) or kind_from_title(title) in _PUBLIC_KINDS:
        return Marks(title=title)
    for text, is_title in ((title, True), (description, False)):
        found = _strong_in(text, title=is_title)
        if found is None:
            continue
        at, words = found
        reason = paragraph_reason(f"{title}. {description}")
        if not is_title and _APPENDIX_RE.search(_sentence_at(text, at)):
            # "Appendix 2 is exempt under paragraph 3": the report itself may be public.
            return Marks(title=title, doubt=f"says an appendix is exempt ({show(words, 60)})")
        return Marks(True, reason, _unmarked_title(title) if is_title else title, words)
    for text in (title, description):
        hint = _hint_in(text)
        if hint is not None:
            context = show(_context(text, hint.start(), hint.end()), 60)
            return Marks(title=title, doubt=f"mentions {hint[0]!r} ({context})")
    return Marks(title=title)


def section_mark(line: str) -> str | None:
    """A heading above a group of items: "exempt" (Part II, not for publication...), "public"
    (Part I), or None for any other line."""
    text = unmark(HEADING_MARKS_RE.sub("", line.strip())).strip(" *_")
    if len(text) > 120:
        return None
    if _PUBLIC_SECTION_RE.match(text):
        return "public"
    # A heading, not a sentence carried on from the item above: in capitals, marked as a
    # Markdown heading, or short.
    headed = line.lstrip().startswith("#") or not any(ch.islower() for ch in text)
    if (headed or len(text) <= 60) and (
        _SECTION_START_RE.match(text) or _PUBLICATION_RE.search(text)
    ):
        return "exempt"
    return None
