"""The building blocks of the tables' integrity (db/models.py): a named CHECK that a column
holds one of its allowed values, a count that cannot go negative, and a foreign key to the row
a row is part of, which the audit follows when that row is deleted.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import CheckConstraint
from sqlmodel import Field


def one_of(column: str, values: tuple[str, ...], *, nullable: bool = False) -> CheckConstraint:
    """A CHECK that ``column`` holds one of ``values`` (named, so errors say which)."""
    allowed = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    condition = f"{column} IN ({allowed})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=f"{column}_allowed")


def not_negative(column: str) -> CheckConstraint:
    return CheckConstraint(f"{column} >= 0", name=f"{column}_not_negative")


# The mark on a foreign key to the row this one is part of (a note of its item, a named vote
# of its vote): deleting that row deletes this one first, each through the audit
# (db.audit.dependents), so undo can put it back. The schema says RESTRICT, never CASCADE, so
# the database itself refuses to take a row behind the audit's back; a RESTRICT without the
# mark (a person's votes) refuses the delete outright.
PART_OF = "part_of"


def part_of(target: str, *, index: bool = False, **field: Any) -> Any:
    """A foreign key to the row this one is part of (see PART_OF)."""
    return Field(
        foreign_key=target,
        ondelete="RESTRICT",
        index=index,
        sa_column_kwargs={"info": {PART_OF: True}},
        **field,
    )
