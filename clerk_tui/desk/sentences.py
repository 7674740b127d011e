"""The clerk's words for the sentences the minutes write themselves (issue 13).

Two things are kept: the clerk's edit of one generated sentence on one item (a
``minutesentence`` row, keyed by the item and the block's ``Source.key``: "apologies",
"vote-5"), which the minutes then print in its place whatever is recorded later; and a body's
own wording of a kind of sentence (a ``sentencestyle`` row: "Following a vote of members
present, it was:"), the default for every meeting of the body. Each change is one clerk action:
one transaction, audited, so undo takes it back; given a ``read_back``, the meeting is read
into it inside the same transaction for the live screen to show what was committed.
"""

from __future__ import annotations

from sqlmodel import col, select

from clerk_tui.desk.item_record import item_for, item_words
from clerk_tui.desk.live_action import ReadBack
from clerk_tui.desk.store import Changes, Store, get
from clerk_tui.errors import ClerkError
from clerk_tui.minutes.blocks import EDITABLE_SENTENCES, Source
from clerk_tui.minutes.styles import STYLES, check_wording
from db import models
from db.snapshot import read_meeting

# How the audit trail (and undo) names each sentence.
_WORDS = {
    "apologies": "the apologies sentence",
    "none-declared": "“None declared.”",
    "declaration": "a declaration's sentence",
    "arrival": "an arrival's sentence",
    "departure": "a departure's sentence",
    "exclusion": "the exclusion of press and public",
    "vote": "a vote's sentence",
    "motion": "a motion's sentence",
    "motion-outcome": "a motion's outcome",
    "substantive": "the substantive motion's sentence",
    "speakers": "the speakers' sentence",
}


def _kind_of(source: str) -> str:
    """The kind of sentence a source key names ("vote-5" → "vote"); refused when the minutes
    write no such sentence."""
    kind = Source.from_key(source).kind
    if kind in EDITABLE_SENTENCES:
        return kind
    raise ClerkError(f"{source!r} is not a sentence the minutes write")


class SentenceService:
    """``desk.sentences``: generated sentences as the clerk and the body word them."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ---- one sentence on one item --------------------------------------------------------
    def edit_sentence(
        self, item_id: int, source: str, text: str, *, read_back: ReadBack | None = None
    ) -> None:
        """Keep ``text`` as the item's sentence ``source``, in place of the generated words."""
        what = _WORDS[_kind_of(source)]
        text = text.strip()
        if not text:
            raise ClerkError(
                "the sentence needs some words (delete on it goes back to the minutes' own)"
            )
        with self.store.recording() as changes:
            item = item_for(changes, item_id)
            row = self._row(changes, item_id, source)
            summary = f"edit of {what} on {item_words(item)}"
            if row is None:
                changes.add(
                    models.MinuteSentence(
                        item_id=item_id, source=source, text=text, created_at=changes.at
                    ),
                    summary,
                )
            else:
                changes.update(row, summary, text=text)
            self._read_back(changes, read_back)

    def restore_sentence(
        self, item_id: int, source: str, *, read_back: ReadBack | None = None
    ) -> None:
        """Go back to the generated words for the item's sentence ``source`` (the edit goes)."""
        what = _WORDS[_kind_of(source)]
        with self.store.recording() as changes:
            item = item_for(changes, item_id)
            row = self._row(changes, item_id, source)
            if row is None:
                raise ClerkError(f"{what} on {item_words(item)} already follows the records")
            changes.delete(row, f"{what} on {item_words(item)} back to the minutes' own words")
            self._read_back(changes, read_back)

    @staticmethod
    def _row(changes: Changes, item_id: int, source: str) -> models.MinuteSentence | None:
        query = select(models.MinuteSentence).where(
            col(models.MinuteSentence.item_id) == item_id,
            col(models.MinuteSentence.source) == source,
        )
        return changes.session.exec(query).first()

    @staticmethod
    def _read_back(changes: Changes, back: ReadBack | None) -> None:
        if back is not None and changes.meeting_id is not None:
            back.snapshot = read_meeting(changes.session, changes.meeting_id)

    # ---- a body's own wording ------------------------------------------------------------
    def styles(self, body_id: int) -> dict[str, str]:
        """The body's own wording of each kind of sentence it has set (kind → wording)."""
        with self.store.reading() as session:
            get(session, models.Body, body_id, "body")
            rows = session.exec(
                select(models.SentenceStyle).where(col(models.SentenceStyle.body_id) == body_id)
            ).all()
            return {row.kind: row.wording for row in rows}

    def set_style(self, body_id: int, kind: str, wording: str) -> dict[str, str]:
        """Word the body's ``kind`` of sentence its own way from now on (see set_styles)."""
        return self.set_styles(body_id, {kind: wording})

    def set_styles(self, body_id: int, wordings: dict[str, str]) -> dict[str, str]:
        """Word the body's sentences its own way from now on (kind → wording), in one clerk
        action; a blank wording goes back to the minutes' own. Refused in one line, nothing
        kept, when a wording names a placeholder its kind does not have (clerk_tui.minutes.
        styles documents them). Returns the body's wording of each kind it has set."""
        checked = {kind: check_wording(kind, wording) for kind, wording in wordings.items()}
        with self.store.recording() as changes:
            body = get(changes.session, models.Body, body_id, "body")
            rows = {
                row.kind: row
                for row in changes.session.exec(
                    select(models.SentenceStyle).where(col(models.SentenceStyle.body_id) == body_id)
                ).all()
            }
            for kind, wording in checked.items():
                label = f"{body.name}: {STYLES[kind].label.lower()}"
                row = rows.get(kind)
                if row is not None and row.wording == wording:
                    continue
                if not wording:
                    if row is not None:
                        changes.delete(row, f"{label} back to the minutes' own words")
                elif row is None:
                    changes.add(
                        models.SentenceStyle(
                            body_id=body_id, kind=kind, wording=wording, created_at=changes.at
                        ),
                        f"{label} worded its own way",
                    )
                else:
                    changes.update(row, f"{label} reworded", wording=wording)
        return self.styles(body_id)


__all__ = ["SentenceService"]
