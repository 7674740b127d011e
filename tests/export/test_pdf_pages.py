"""How the PDF minutes fall on pages: a minute heading never at the foot of a page,
"RESOLVED: -" never without its first resolution, a resolution list kept on one page where it
fits, on long generated meetings of many shapes."""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

from clerk_tui.export.pdf import render_minutes_pdf
from clerk_tui.minutes import (
    RESOLVED_LABEL,
    Bullets,
    Minutes,
    NumberedResolution,
    Paragraph,
    Resolved,
    Section,
    SubPoint,
    roman,
)
from tests.export.pdf_support import page_lines, read

HEADING = re.compile(r"^\d{3} ITEM \d+$")
WORDS = [
    "the",
    "panel",
    "noted",
    "that",
    "commissioner",
    "report",
    "police",
    "budget",
    "update",
    "members",
    "agreed",
]


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def long_meeting(seed: int, items: int = 30) -> Minutes:
    rng = random.Random(seed)
    sections = []
    for n in range(items):
        blocks: list[Paragraph | Bullets | Resolved] = []
        for _ in range(rng.randint(0, 4)):
            blocks.append(Paragraph(sentence(rng, rng.randint(5, 120))))
        if rng.random() < 0.3:
            blocks.append(Bullets(tuple(sentence(rng, rng.randint(4, 40)) for _ in range(3))))
        count = rng.randint(1, 5)
        resolutions = tuple(
            NumberedResolution(
                f"{roman(k + 1)}." if count > 1 else "",
                sentence(rng, rng.randint(4, 30)),
                tuple(SubPoint(f"{c}.", sentence(rng, 8)) for c in "ab"[: rng.randint(0, 2)]),
            )
            for k in range(count)
        )
        blocks.append(Resolved(resolutions))
        sections.append(Section(600 + n, f"ITEM {n}", tuple(blocks)))
    return Minutes(
        heading="MINUTES OF A LONG MEETING",
        draft=True,
        confidential=False,
        present=tuple(f"Cllr Member {k}" for k in range(12)),
        also_present=(),
        sections=tuple(sections),
        closing="The meeting ended at 18:00 hours",
    )


@pytest.mark.parametrize("seed", range(6))
def test_no_page_ends_with_a_heading_or_resolved(seed: int) -> None:
    minutes = long_meeting(seed)
    pages = page_lines(read(render_minutes_pdf(minutes)))
    assert len(pages) > 10
    headings = [line for page in pages for line in page if HEADING.match(line)]
    assert len(headings) == len(minutes.sections)  # every heading found, on a line of its own
    for page in pages:
        assert not HEADING.match(page[-1]), page[-3:]
        assert page[-1] != RESOLVED_LABEL, page[-3:]


@pytest.mark.parametrize("seed", range(6))
def test_resolution_lists_kept_on_one_page(seed: int) -> None:
    pages = page_lines(read(render_minutes_pdf(long_meeting(seed))))
    for number, page in enumerate(pages):
        for index, line in enumerate(page):
            if line != RESOLVED_LABEL:
                continue
            # What follows RESOLVED on its page runs to the next heading or the page's end:
            # the list is whole when the next page does not go on with it.
            rest = page[index + 1 :]
            assert rest, "RESOLVED: - alone at the foot of a page"
            if any(HEADING.match(ln) for ln in rest) or number + 1 == len(pages):
                continue
            following = pages[number + 1][0]
            assert HEADING.match(following) or following.startswith(("The meeting", "Chair")), (
                f"a resolution list runs from page {number + 1} onto the next: {following!r}"
            )


def test_the_signature_block_stays_together() -> None:
    for seed in range(6):
        pages = page_lines(read(render_minutes_pdf(long_meeting(seed))))
        assert pages[-1][-2:] == ["Chair", "Date"]
        assert "The meeting ended at 18:00 hours" in pages[-1]


def test_a_paragraph_leaves_no_line_alone_at_either_end_of_a_page() -> None:
    words = [f"w{n}" for n in range(90)]
    paragraph = Paragraph(" ".join(words))  # seven lines or so
    seen_split = False
    for members in range(30, 75):
        minutes = dataclasses.replace(
            long_meeting(0, items=0),
            present=tuple(f"Cllr Member {k}" for k in range(members)),
            sections=(Section(601, "ITEM 1", (paragraph,)),),
        )
        pages = page_lines(read(render_minutes_pdf(minutes)))
        where = [[ln for ln in page if re.search(r"\bw\d+\b", ln)] for page in pages]
        holding = [lines for lines in where if lines]
        if len(holding) == 2:
            seen_split = True
            assert len(holding[0]) >= 2 and len(holding[1]) >= 2, holding
    assert seen_split
