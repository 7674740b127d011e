"""A declaration of interest: which member (of those present), on which item (the current one
unless changed), what kind of interest, what it is, and what the member did."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Select

from clerk_tui.errors import ClerkError
from clerk_tui.rules import DeclarationAction, DeclarationKind
from screens.base import plain
from screens.dialogs.form import FormDialog, text_of

KINDS = (
    ("Disclosable pecuniary", DeclarationKind.DISCLOSABLE_PECUNIARY),
    ("Other registrable", DeclarationKind.OTHER_REGISTRABLE),
    ("Non-registrable", DeclarationKind.NON_REGISTRABLE),
    ("Other", DeclarationKind.OTHER),
)
ACTIONS = (
    ("Left the room", DeclarationAction.LEFT_ROOM),
    ("Stayed, did not vote", DeclarationAction.STAYED_DID_NOT_VOTE),
    ("Dispensation held", DeclarationAction.DISPENSATION),
    ("Spoke and voted", DeclarationAction.SPOKE_AND_VOTED),
)


@dataclass(frozen=True)
class DeclarationFields:
    person_id: int
    item_id: int
    kind: str
    nature: str
    action: str


class DeclarationDialog(FormDialog[DeclarationFields]):
    TITLE = "Declaration of interest"

    def __init__(
        self,
        members: list[tuple[str, int]],
        items: list[tuple[str, int]],
        item_id: int,
    ) -> None:
        """``members``: (name, person id) of the members present; ``items``: (label, id)."""
        super().__init__()
        self.members = members
        self.items = items
        self.item_id = item_id

    def fields(self) -> ComposeResult:
        yield self.row(
            "Member",
            Select(
                [(plain(name), pid) for name, pid in self.members],
                prompt="who declared",
                id="declaration-member",
            ),
        )
        yield self.row(
            "On item",
            Select(
                [(plain(label), item_id) for label, item_id in self.items],
                value=self.item_id,
                id="declaration-item",
                allow_blank=False,
            ),
        )
        yield self.row(
            "Kind",
            Select(
                KINDS,
                value=DeclarationKind.OTHER_REGISTRABLE,
                allow_blank=False,
                id="declaration-kind",
            ),
        )
        yield self.row(
            "Member then",
            Select(
                ACTIONS,
                value=DeclarationAction.SPOKE_AND_VOTED,
                allow_blank=False,
                id="declaration-action",
            ),
        )
        yield self.row(
            "Nature",
            Input(
                placeholder="e.g. a family member works for West Midlands Police",
                id="declaration-nature",
            ),
        )

    def value(self) -> DeclarationFields:
        member = self.query_one("#declaration-member", Select).value
        if not isinstance(member, int):
            raise ClerkError("choose the member who declared", where="member")
        item = self.query_one("#declaration-item", Select).value
        nature = text_of(self, "#declaration-nature")
        if not nature:
            raise ClerkError("say what the interest is", where="nature")
        return DeclarationFields(
            person_id=member,
            item_id=int(str(item)),
            kind=str(self.query_one("#declaration-kind", Select).value),
            nature=nature,
            action=str(self.query_one("#declaration-action", Select).value),
        )
