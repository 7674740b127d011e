"""The live screen's speaker keys: ``k`` starts and stops the timer of the current item's next
speaker, ``K`` opens the item's list of speakers (screens/dialogs/speakers.py).

Functions of the screen (screens/live.py declares the bindings and calls them): each record is
one Desk call (one committed transaction) reading the meeting back, from which the screen
redraws (the clock bar shows the running speaker) before the next key.
"""

from __future__ import annotations

from clerk_tui.desk.debate_fields import SpeakerFields, SpeakerView
from clerk_tui.desk.live_action import ReadBack
from clerk_tui.desk.live_view import minutes_seconds
from clerk_tui.desk.unminuted import unminuted
from screens.base import attempt, desk_of
from screens.decision_keys import DecisionKeys
from screens.dialogs.speakers import SpeakersDialog
from screens.widgets.item_header import item_label

EVERYONE_HEARD = "Everyone listed has spoken: K to add a speaker"


def time_speaker(screen: DecisionKeys) -> None:
    """``k``: stop the speaker running, else start the current item's next one; with nobody
    listed on the item, open the list to add one instead of refusing."""
    view = screen.view
    if view is None:
        return
    running = view.speaker
    # The speaker running is stopped wherever they are (the item may have ended since).
    item_id = screen.current_item_id if running is None else running.speaker.item_id
    # Closed, nobody can be timed: the Desk's refusal says so rather than a list opening.
    nobody = item_id is not None and not view.speakers_on(item_id)
    if running is None and nobody and not view.closed:
        list_speakers(screen)
        return
    if item_id is None:
        screen.notify("There is no current item: start one (s) or select one", severity="warning")
        return
    back = ReadBack()
    timed = attempt(screen, lambda: desk_of(screen).speakers.toggle_timer(item_id, read_back=back))
    if back.snapshot is None:
        return  # refused, and told
    screen.redraw(back)
    if timed is None:
        screen.notify(EVERYONE_HEARD, title="Speakers", timeout=5)
    elif timed.heard:
        took = minutes_seconds(timed.spoken(timed.ended_at or view.now))
        screen.notify(f"{timed.name} spoke for {took}", title="Speaker", timeout=4, markup=False)


def list_speakers(screen: DecisionKeys) -> None:
    """``K``: the current item's speakers: list, edit, delete, reorder."""
    view, item_id = screen.view, screen.current_item_id
    line = None if view is None else view.line(item_id)
    if view is None or line is None or item_id is None:
        screen.notify("There is no current item: start one (s) or select one", severity="warning")
        return
    reason = unminuted(view.closed, line.item)
    if reason is not None:  # the Desk refuses it too, but before the dialog is kinder
        screen.notify(reason, title="Not recorded", severity="warning", markup=False)
        return
    speakers = LiveSpeakers(screen, item_id)
    dialog = SpeakersDialog(
        item_label(line)[:60],
        view.speakers_on(item_id),
        speakers,
        speaking_time=view.meeting.body.speaking_time,
    )
    screen.app.push_screen(dialog, lambda _: speakers.closed())


class LiveSpeakers:
    """The speakers dialog's actions on one item: each a Desk call, the live screen redrawn
    from what it read back, the item's speakers handed back to the dialog."""

    def __init__(self, screen: DecisionKeys, item_id: int) -> None:
        self.screen = screen
        self.item_id = item_id
        self.last: ReadBack | None = None  # the meeting as the latest record left it

    def _done(self, back: ReadBack) -> tuple[SpeakerView, ...]:
        # The dialog stays open for the next speaker and shows the list itself: the live
        # screen under it is redrawn once, when it closes, not after every speaker (which
        # cost each enter a second full redraw before its frame).
        self.last = back
        snapshot = back.snapshot
        return () if snapshot is None else snapshot.speakers_on(self.item_id)

    def closed(self) -> None:
        if self.last is not None:
            self.screen.redraw(self.last)

    def add(self, fields: SpeakerFields) -> tuple[SpeakerView, ...]:
        back = ReadBack()
        desk_of(self.screen).speakers.add_speaker(self.item_id, fields, read_back=back)
        return self._done(back)

    def edit(self, speaker_id: int, fields: SpeakerFields) -> tuple[SpeakerView, ...]:
        back = ReadBack()
        desk_of(self.screen).speakers.edit_speaker(speaker_id, fields, read_back=back)
        return self._done(back)

    def delete(self, speaker_id: int) -> tuple[SpeakerView, ...]:
        back = ReadBack()
        desk_of(self.screen).speakers.delete_speaker(speaker_id, read_back=back)
        return self._done(back)

    def move(self, speaker_id: int, step: int) -> tuple[SpeakerView, ...]:
        back = ReadBack()
        desk_of(self.screen).speakers.move_speaker(speaker_id, step, read_back=back)
        return self._done(back)
