"""The words the pure modules share with the schema: the kinds of agenda item. Pure (db keeps
its own copy for its CHECK constraint, since db imports nothing above it; a test holds the two
equal)."""

from __future__ import annotations

ITEM_KINDS: tuple[str, ...] = (
    "notice-of-recording",
    "apologies",
    "membership",
    "declarations",
    "previous-minutes",
    "public-questions",
    "report",
    "update",
    "urgent-business",
    "work-programme",
    "other",
)
