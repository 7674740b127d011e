"""The minutes' wording as the clerk and the body set it (schema version 4): a generated
sentence the clerk edited in place, and a body's own wording of a kind of sentence. Declared
beside :mod:`db.models` (which names them with the rest) to keep each module small."""

from __future__ import annotations

from pydantic import NaiveDatetime
from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from db.constraints import part_of


class MinuteSentence(SQLModel, table=True):
    """A sentence the minutes write themselves (the apologies, "None declared.", a declaration,
    an arrival or departure, the vote sentence, the exclusion of press and public) as the clerk
    edited it on the live screen: printed in its place, and no longer following the records.
    ``source`` is the generated block's ``Source.key`` within its item ("apologies", "vote-5",
    "arrival-3"). Schema version 4."""

    __table_args__ = (
        UniqueConstraint("item_id", "source", name="uq_sentence_source"),
        CheckConstraint("length(trim(source)) > 0", name="source_not_blank"),
    )
    id: int | None = Field(default=None, primary_key=True)
    item_id: int = part_of("agendaitem.id")  # the unique key's index serves it
    source: str
    text: str
    created_at: NaiveDatetime


class SentenceStyle(SQLModel, table=True):
    """A body's own wording for one kind of generated sentence ("Following a vote of members
    present, it was:"), used for every meeting of the body unless the clerk edits the sentence
    itself. ``kind`` names the sentence (the minutes' SENTENCE_KINDS and "vote"); ``wording`` may
    hold the placeholders the minutes document for that kind. Schema version 4."""

    __table_args__ = (
        UniqueConstraint("body_id", "kind", name="uq_style_kind"),
        CheckConstraint("length(trim(kind)) > 0", name="kind_not_blank"),
    )
    id: int | None = Field(default=None, primary_key=True)
    body_id: int = part_of("body.id")  # the unique key's index serves it
    kind: str
    wording: str
    created_at: NaiveDatetime
