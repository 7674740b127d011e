"""Agenda import: whatever the bytes, an ImportedAgenda or a ClerkError, nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_tui.agenda_import import ITEM_KINDS, PAPERS, ImportedAgenda, parse_agenda
from clerk_tui.errors import ClerkError
from tests.agenda_reference import FIXTURES, REFERENCE_BYTES

# --------------------------------------------------------------------------------------------
# Whatever the bytes: an ImportedAgenda or a ClerkError, nothing else


def _parses_or_refuses(data: bytes) -> None:
    try:
        agenda = parse_agenda(data, source="fuzz.txt")
    except ClerkError as error:
        assert error.where is not None and error.where.startswith("fuzz.txt")
        assert "\n" not in str(error)
        return
    assert isinstance(agenda, ImportedAgenda)
    assert agenda.items
    assert all(item.title and item.papers in PAPERS for item in agenda.items)
    assert all(item.kind in ITEM_KINDS for item in agenda.items)


_FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FUZZ
@given(st.binary(max_size=2000))
def test_fuzz_arbitrary_bytes(data: bytes) -> None:
    _parses_or_refuses(data)


@_FUZZ
@given(st.text(max_size=2000))
def test_fuzz_arbitrary_text(text: str) -> None:
    _parses_or_refuses(text.encode("utf-8"))


_AGENDA_ALPHABET = st.sampled_from(
    [*'0123456789:.,;|\t\n\r -–"#*_<>/()aApPmMxTAF', "Attached", "To Follow", "number", "title"]
)


@_FUZZ
@given(st.lists(_AGENDA_ALPHABET, max_size=300).map("".join))
def test_fuzz_agenda_like_text(text: str) -> None:
    _parses_or_refuses(text.encode("utf-8"))
    _parses_or_refuses(("number,title,papers,time,exempt\n" + text).encode("utf-8"))
    _parses_or_refuses(("| number | title | time |\n|---|---|---|\n" + text).encode("utf-8"))


@_FUZZ
@given(
    st.sampled_from(
        [REFERENCE_BYTES]
        + [
            (FIXTURES / name).read_bytes()
            for name in ("agenda-2022-03-14.md", "agenda-2022-03-14.csv")
        ]
    ),
    st.lists(
        st.tuples(st.integers(0, 4000), st.integers(0, 40), st.binary(max_size=8)), max_size=6
    ),
)
def test_fuzz_damaged_fixtures(data: bytes, edits: list[tuple[int, int, bytes]]) -> None:
    damaged = bytearray(data)
    for start, length, insert in edits:
        at = start % (len(damaged) + 1)
        damaged[at : at + length] = insert
    _parses_or_refuses(bytes(damaged))
