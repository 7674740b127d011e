"""A name field that offers the people the database already knows, so one human stays one row:
type "Bob" and "Bob Piper" is suggested; right arrow (or end) takes it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.suggester import Suggester
from textual.widgets import Input

from clerk_tui.desk import PersonView

Lookup = Callable[[str], Sequence[PersonView]]


class PeopleSuggester(Suggester):
    """Completes a name from the people whose full name starts with what has been typed."""

    def __init__(self, lookup: Lookup) -> None:
        # No cache: a person added a moment ago must be offered at once.
        super().__init__(use_cache=False, case_sensitive=False)
        self.lookup = lookup

    async def get_suggestion(self, value: str) -> str | None:
        typed = " ".join(value.split())
        if not typed:
            return None
        for person in self.lookup(typed):
            if person.full_name.casefold().startswith(value.casefold()):
                return person.full_name
        return None


class PersonInput(Input):
    """An Input for a person's full name; ``known()`` is the person it names, if any."""

    def __init__(self, lookup: Lookup, value: str = "", **kwargs: object) -> None:
        super().__init__(
            value,
            placeholder="full name, e.g. Bob Piper",
            suggester=PeopleSuggester(lookup),
            **kwargs,  # type: ignore[arg-type]
        )
        self.lookup = lookup

    def known(self) -> PersonView | None:
        """The known person whose name this is exactly (case aside), or None."""
        name = " ".join(self.value.split()).casefold()
        if not name:
            return None
        return next((p for p in self.lookup(name) if p.full_name.casefold() == name), None)
