"""Where each block of the minutes comes from (its Source): the record pane finds the record
behind a sentence by it, so every block names the record it says, or the sentence it is."""

from __future__ import annotations

from clerk_tui.minutes import Block, Bullets, Minutes, Resolved, Source, minutes_of
from tests.export.exempt_meeting import exempt_meeting
from tests.export.reference_meeting import reference_meeting

Keys = str | list[str] | list[list[str]] | None


def keys(block: Block) -> Keys:
    if isinstance(block, Bullets):
        return [s.key for s in block.sources]
    if isinstance(block, Resolved):
        return [
            [
                r.source.key if r.source else "",
                *(c.source.key if c.source else "" for c in r.children),
            ]
            for r in block.resolutions
        ]
    source = getattr(block, "source", None)
    return source.key if source is not None else None


def sources(minutes: Minutes) -> dict[int | None, tuple[int | None, list[Keys]]]:
    return {s.minute_number: (s.item_id, [keys(b) for b in s.blocks]) for s in minutes.sections}


def test_the_sentences_the_minutes_write_themselves_name_what_they_are() -> None:
    found = sources(minutes_of(reference_meeting()))
    assert found[612] == (12, ["apologies"])
    assert found[613] == (13, ["none-declared"])
    assert found[616] == (16, ["note", "note", "vote"])
    assert found[618][1][3] == ["note"] * 8
    assert found[622] == (22, [[["resolution"]], "note"])


def test_an_exempt_item_in_public_and_confidential_minutes() -> None:
    public = sources(minutes_of(exempt_meeting()))
    assert public[613] == (13, ["declaration", "declaration"])
    assert public[623] == (40, ["exclusion", "departure"])
    confidential = sources(minutes_of(exempt_meeting(), include_exempt=True))
    assert confidential[623] == (
        40,
        [
            "exclusion", "note", ["note"], "departure", "vote", "vote", "vote",
            [["resolution", "resolution"], ["resolution"]], "note",
        ],
    )  # fmt: skip


def test_a_key_names_its_source_again_even_when_its_kind_holds_a_hyphen() -> None:
    for source in (Source("none-declared"), Source("vote", 5), Source("arrival", 3)):
        assert Source.from_key(source.key) == source
    assert Source.from_key("apologies") == Source("apologies")
    assert Source.from_key("none-declared").kind == "none-declared"
