"""What the screen does when the record pane (screens/widgets/item_minute.py) asks to edit,
delete or move a record of the current item, or to reword a sentence the minutes write (or
give it back its generated words): the dialog, then one Desk call.

Each edit records while its dialog is open, so a refusal keeps the words there; each done
change calls ``done`` with the meeting it read back inside its own transaction (the screen
redraws from that, reading nothing more).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen

from clerk_tui.desk.live_action import ReadBack
from clerk_tui.minutes import Paragraph, Source
from screens.base import attempt, desk_of
from screens.debate_flow import debate_of, take_motion
from screens.dialogs.action import ActionDialog
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.guarded import ask_and_record
from screens.dialogs.note import NoteDialog
from screens.dialogs.resolution import ResolutionDialog
from screens.dialogs.sentence import (
    AMENDMENT_WORDS,
    SentenceDialog,
    SentenceEdit,
    sentence_words,
)
from screens.dialogs.vote_named import NamedVotesDialog
from screens.widgets.item_minute import ItemMinute, item_words

Done = Callable[[ReadBack], None]


def edit_record(
    screen: Screen[None], pane: ItemMinute, kind: str, record_id: int, done: Done
) -> None:
    view = pane.view
    if view is None:
        return
    where = item_words(view)
    desk = desk_of(screen)
    back = ReadBack()

    def edited(_: object) -> None:
        done(back)

    if kind == "note":
        note = next(n for n in view.notes if n.id == record_id)
        dialog = NoteDialog(where, note)
        ask_and_record(
            screen, dialog, lambda f: desk.decisions.edit_note(note.id, f, read_back=back), edited
        )
    elif kind == "resolution":
        resolution = view.resolution(record_id)
        if resolution is None:
            return
        parents = [r for r in view.resolutions if r.parent_id is None]
        edit = ResolutionDialog(where, parents, resolution)
        ask_and_record(
            screen,
            edit,
            lambda f: desk.decisions.edit_resolution(record_id, f, read_back=back),
            edited,
        )
    elif kind == "vote":
        _name_votes(screen, pane, record_id, back, edited)
    elif kind == "motion":
        # A motion's block opens its debate: amend, withdraw, edit, confirm its wording.
        take_motion(screen, view.item.id, _shown_in(screen, pane, done), motion_id=record_id)
    elif kind == "action":
        action = next(a for a in view.actions if a.id == record_id)
        owners = attempt(screen, lambda: desk.decisions.action_owners(view.body_id)) or []
        source = view.resolution(action.resolution_id)
        form = ActionDialog(
            where,
            minute=action.minute_label,
            owners=owners,
            resolution_label=source.label if source else "",
            action=action,
        )
        ask_and_record(
            screen, form, lambda f: desk.decisions.edit_action(action.id, f, read_back=back), edited
        )


def _shown_in(
    screen: Screen[None], pane: ItemMinute, done: Done
) -> Callable[[str, ReadBack, str], None]:
    """What a debate record does once stored: its line highlighted, the screen redrawn."""

    def shown(key: str, back: ReadBack, message: str) -> None:
        pane.select_after_load(key)
        done(back)
        if message:
            screen.notify(message, timeout=4, markup=False)

    return shown


def _name_votes(
    screen: Screen[None],
    pane: ItemMinute,
    vote_id: int,
    back: ReadBack,
    edited: Callable[[object], None],
) -> None:
    """After a show of hands, the members who ask for their own vote to be recorded."""
    view = pane.view
    vote = view.vote(vote_id) if view else None
    if view is None or vote is None:
        return
    if vote.method == "recorded":
        screen.notify(
            "A recorded vote names everyone already: delete it and take it again to correct it",
            severity="warning",
        )
        return
    desk = desk_of(screen)
    setup = attempt(screen, lambda: desk.decisions.vote_setup(view.item.id))
    if setup is None:
        return
    dialog = NamedVotesDialog(setup, vote)
    ask_and_record(
        screen,
        dialog,
        lambda c: desk.decisions.record_named_votes(vote_id, c, read_back=back),
        edited,
    )


def delete_record(screen: Screen[None], kind: str, record_id: int, detail: str, done: Done) -> None:
    decisions = desk_of(screen).decisions
    back = ReadBack()
    deletes: dict[str, tuple[str, Callable[[int], None]]] = {
        "note": ("this note", lambda i: decisions.delete_note(i, read_back=back)),
        "resolution": (
            "this resolution (and its sub-points)",
            lambda i: decisions.delete_resolution(i, read_back=back),
        ),
        "vote": ("this vote", lambda i: decisions.delete_vote(i, read_back=back)),
        "action": (
            "this action (it leaves the tracker too)",
            lambda i: decisions.delete_action(i, read_back=back),
        ),
        "motion": (
            "this motion (with its amendments and their votes)",
            lambda i: desk_of(screen).debate.delete_motion(i, read_back=back),
        ),
    }
    what, delete = deletes[kind]

    def answered(yes: bool | None) -> None:
        if yes and _did(screen, lambda: delete(record_id)):
            done(back)

    screen.app.push_screen(ConfirmDialog(f"Delete {what}?", _clip(detail, 300)), answered)


def move_record(
    screen: Screen[None], pane: ItemMinute, kind: str, record_id: int, offset: int, done: Done
) -> None:
    decisions = desk_of(screen).decisions
    back = ReadBack()
    moves: dict[str, Callable[[int, int], None]] = {
        "note": lambda i, by: decisions.move_note(i, by, read_back=back),
        "resolution": lambda i, by: decisions.move_resolution(i, by, read_back=back),
    }
    if _did(screen, lambda: moves[kind](record_id, offset)):
        pane.select_after_load(f"{kind}-{record_id}")
        done(back)


def reword_sentence(
    screen: Screen[None], pane: ItemMinute, source: str, sentence: Paragraph, done: Done
) -> None:
    """The sentence's dialog; the clerk's words kept in its place (or the generated ones back)."""
    view = pane.view
    if view is None:
        return
    item_id = view.item.id
    sentences = desk_of(screen).sentences
    back = ReadBack()
    dialog = SentenceDialog(
        item_words(view),
        source,
        sentence.text,
        sentence.written or "",
        sentence.edited,
        amendment=_of_amendment(screen, item_id, source),
    )

    def record(edit: SentenceEdit) -> None:
        if edit.text is None:
            sentences.restore_sentence(item_id, source, read_back=back)
        else:
            sentences.edit_sentence(item_id, source, edit.text, read_back=back)

    def recorded(_: object) -> None:
        pane.select_after_load(source)
        done(back)

    ask_and_record(screen, dialog, record, recorded)


def restore_sentence(
    screen: Screen[None], pane: ItemMinute, source: str, sentence: Paragraph, done: Done
) -> None:
    """Delete on a reworded sentence: ask, then the minutes' own words again."""
    view = pane.view
    if view is None:
        return
    item_id = view.item.id
    back = ReadBack()
    what = sentence_words(source, amendment=_of_amendment(screen, item_id, source))

    def answered(yes: bool | None) -> None:
        restore = desk_of(screen).sentences.restore_sentence
        if yes and _did(screen, lambda: restore(item_id, source, read_back=back)):
            pane.select_after_load(source)
            done(back)

    screen.app.push_screen(
        ConfirmDialog(
            f"Back to the generated words for {what}?",
            _clip(f"The minutes will say: {sentence.written or ''}", 300),
        ),
        answered,
    )


def _of_amendment(screen: Screen[None], item_id: int, source: str) -> bool:
    """Whether the debate's sentence ``source`` ("motion-7", "substantive-7") says an
    amendment, so its dialog names it as one."""
    said = Source.from_key(source)
    if said.kind not in AMENDMENT_WORDS or said.id is None:
        return False
    setup = debate_of(screen, item_id)
    motion = setup.motion(said.id) if setup is not None else None
    return motion is not None and motion.is_amendment


def _did(screen: Screen[None], call: Callable[[], None]) -> bool:
    """Run a Desk call that returns nothing; True when it was recorded."""

    def run() -> bool:
        call()
        return True

    return attempt(screen, run) is True


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
