"""The debate's tables (schema version 6): motions and the amendments to them, and the speakers
heard on an item. Declared beside :mod:`db.models` (which names them with the rest) to keep
each module small; the same integrity habits: named CHECKs, RESTRICT foreign keys, and
``part_of`` for a row the audit deletes with the one it belongs to."""

from __future__ import annotations

from pydantic import NaiveDatetime
from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from db.constraints import not_negative, one_of, part_of

# Debate (schema version 6): a motion or an amendment to one, and what became of it; and the
# capacity a speaker is heard in.
MOTION_KINDS = ("motion", "amendment")
MOTION_STATES = ("moved", "withdrawn", "carried", "lost", "not-put")
SPEAKER_CAPACITIES = (
    "public-support", "public-objection", "ward-member", "officer", "applicant", "other",
)  # fmt: skip


class Motion(SQLModel, table=True):
    """A motion moved on an item, or an amendment to one (schema version 6).

    ``amends_id``: the motion (or, where standing orders allow, the amendment) an amendment
    amends; None for a motion. ``text``: the words as moved ("to delete … and insert …" for an
    amendment). ``substantive_text``: a motion's words as the amendments carried made them,
    confirmed by the clerk; "" while none has been carried. ``as_printed``: a report's
    recommendation moved as printed. ``state`` follows the votes on it (carried, lost) or the
    clerk (withdrawn, not put)."""

    __table_args__ = (
        one_of("kind", MOTION_KINDS),
        one_of("state", MOTION_STATES),
        not_negative("position"),
        CheckConstraint("length(trim(text)) > 0", name="motion_text_not_blank"),
        CheckConstraint(
            "(kind = 'amendment') = (amends_id IS NOT NULL)", name="amendment_amends_motion"
        ),
        CheckConstraint(
            "mover_id IS NULL OR seconder_id IS NULL OR mover_id <> seconder_id",
            name="seconder_not_mover",
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    item_id: int = part_of("agendaitem.id", index=True)
    position: int
    kind: str = "motion"
    amends_id: int | None = part_of("motion.id", default=None, index=True)
    text: str
    substantive_text: str = ""
    as_printed: bool = False
    mover_id: int | None = Field(default=None, foreign_key="person.id", ondelete="RESTRICT")
    seconder_id: int | None = Field(default=None, foreign_key="person.id", ondelete="RESTRICT")
    state: str = "moved"
    created_at: NaiveDatetime


class Speaker(SQLModel, table=True):
    """Someone heard on an item (schema version 6): a public speaker, a ward member, an
    officer, the applicant. ``time_limit`` in seconds (0: none); ``started_at`` / ``ended_at``
    are the chamber's clock when the timer was started and stopped: the time actually taken."""

    __table_args__ = (
        one_of("capacity", SPEAKER_CAPACITIES),
        not_negative("position"),
        not_negative("time_limit"),
        CheckConstraint("length(trim(name)) > 0", name="speaker_name_not_blank"),
        CheckConstraint(
            "ended_at IS NULL OR (started_at IS NOT NULL AND ended_at >= started_at)",
            name="speaker_times_in_order",
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    item_id: int = part_of("agendaitem.id", index=True)
    position: int
    name: str
    capacity: str = "other"
    time_limit: int = 180
    started_at: NaiveDatetime | None = None
    ended_at: NaiveDatetime | None = None
    created_at: NaiveDatetime
