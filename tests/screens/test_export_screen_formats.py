"""The export screen's formats and template, through the pilot: ``f`` goes through every format
of the paper and back, the file name and the preview's first line following it; PDF and HTML
are written; the Word minutes' template line (``t``) shows only for them, its file is passed to
the desk, blank is the house style, and a template that is not a Word file is refused in one
line with nothing written. At 80x24 every choice is on the screen, none cut."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from textual.widgets import Input, Static

from clerk_tui import paths
from clerk_tui.app import ClerkApp
from clerk_tui.desk.exporting import PAPERS
from screens.dialogs.confirm import ConfirmDialog
from screens.export import ExportScreen
from tests.conftest import SIZE
from tests.screens.test_export_screen import november_id, open_export, path_of, status_of

SIZES = [(80, 24), (140, 45)]
SIZE_IDS = ["80x24", "140x45"]
STEM = "Panel-2021-11-29"
KINDS = {
    "docx": "Word (.docx), A4, house style",
    "pdf": "PDF, A4, tagged",
    "html": "Web page, one file",
    "md": "Markdown (.md)",
    "txt": "Plain text (.txt)",
}


def kind_of(screen: ExportScreen) -> str:
    return str(screen.query_one("#export-kind", Static).render())


def template_shown(screen: ExportScreen) -> bool:
    return screen.query_one("#export-template-row").display


def template_line(screen: ExportScreen) -> str:
    return str(screen.query_one("#export-template-name", Static).render())


def notices(app: ClerkApp) -> list[str]:
    return [n.message for n in app._notifications]


def word_template(folder: Path, name: str = "Solihull.docx") -> Path:
    path = folder / name
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Solihull Metropolitan Borough Council"
    document.save(str(path))
    return path


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_f_goes_through_every_minutes_format_and_back(
    demo_app: ClerkApp, size: tuple[int, int]
) -> None:
    async with demo_app.run_test(size=size) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        seen = []
        for _ in PAPERS["minutes"].formats:
            seen.append(screen.fmt)
            assert path_of(screen).endswith(f"{STEM}-minutes.{screen.fmt}")
            assert kind_of(screen) == KINDS[screen.fmt]
            # The preview is the minutes as now, whatever the format.
            assert screen.preview_text.startswith("**DRAFT**")
            assert template_shown(screen) == (screen.fmt == "docx")
            await pilot.press("f")
            await pilot.pause()
        assert seen == ["docx", "pdf", "html", "md", "txt"]
        assert screen.fmt == "docx"
        assert path_of(screen).endswith(f"{STEM}-minutes.docx")


async def test_f_goes_through_every_agenda_format(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        await pilot.press("w")
        await pilot.pause()
        names, kinds = [], []
        for _ in PAPERS["agenda"].formats:
            names.append(Path(path_of(screen)).name)
            kinds.append(kind_of(screen))
            assert not template_shown(screen)  # the agenda is not built on a template
            await pilot.press("f")
            await pilot.pause()
        assert names == [f"{STEM}-agenda.{fmt}" for fmt in ("md", "docx", "pdf", "html")]
        assert kinds == ["Markdown (.md)", "Word (.docx), A4", "PDF, A4, tagged", KINDS["html"]]
        assert screen.fmt == "md"


@pytest.mark.parametrize(
    ("presses", "fmt", "starts"),
    [(1, "pdf", b"%PDF"), (2, "html", b"<")],
    ids=["pdf", "html"],
)
async def test_pdf_and_html_are_written(
    demo_app: ClerkApp, presses: int, fmt: str, starts: bytes
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        await pilot.press(*"f" * presses, "enter")
        await pilot.pause()
        written = paths.documents_dir() / f"{STEM}-minutes.{fmt}"
        assert status_of(screen) == f"Written: {written}"
    assert written.read_bytes().lstrip().startswith(starts)


async def test_a_template_typed_builds_the_word_minutes_on_it(
    demo_app: ClerkApp, tmp_path: Path
) -> None:
    template = word_template(tmp_path)
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        assert template_line(screen) == "House style (A4, Arial)"
        await pilot.press("t")
        assert screen.query_one("#export-template", Input).has_focus
        await pilot.press(*str(template))
        await pilot.pause()
        assert kind_of(screen) == "Word (.docx), on template Solihull.docx"
        await pilot.press("escape")  # keeps what was typed, as the file does
        await pilot.pause()
        assert screen.template == str(template)
        assert template_line(screen) == "Solihull.docx"
        await pilot.press("enter")
        await pilot.pause()
        written = paths.documents_dir() / f"{STEM}-minutes.docx"
        assert status_of(screen) == f"Written: {written}"
    header = docx.Document(str(written)).sections[0].header
    assert "Solihull Metropolitan Borough Council" in [p.text for p in header.paragraphs]


async def test_blank_is_the_house_style_and_other_formats_take_no_template(
    demo_app: ClerkApp, tmp_path: Path
) -> None:
    template = word_template(tmp_path)
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        await pilot.press("t", *str(template), "escape", "t", "ctrl+u")
        await pilot.pause()
        assert kind_of(screen) == KINDS["docx"]
        await pilot.press("escape")
        await pilot.pause()
        assert (screen.template, template_line(screen)) == ("", "House style (A4, Arial)")
        await pilot.press("f", "t")
        await pilot.pause()
        assert not template_shown(screen)
        assert notices(demo_app)[-1].startswith("Only the Word minutes are built on a template")
        assert not screen.query_one("#export-template", Input).has_focus


@pytest.mark.parametrize("bad", ["notes.docx", "missing.docx"], ids=["not-word", "missing"])
async def test_a_template_that_is_not_a_word_file_is_refused_in_one_line(
    demo_app: ClerkApp, tmp_path: Path, bad: str
) -> None:
    template = tmp_path / bad
    if bad == "notes.docx":
        template.write_text("not a Word file", encoding="utf-8")
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        await pilot.press("t", *str(template), "enter")
        await pilot.pause()
        said = status_of(screen)
        assert said.startswith("Not written: ")
        assert "\n" not in said
        assert notices(demo_app)[-1] == said.removeprefix("Not written: ")
        assert pilot.app.screen is screen
    assert not paths.documents_dir().exists()


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_every_choice_fits_on_the_screen(demo_app: ClerkApp, size: tuple[int, int]) -> None:
    async with demo_app.run_test(size=size) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        body = screen.query_one("#export-body").region
        for fmt in ("docx", "pdf"):  # with the template line and without it
            assert screen.fmt == fmt
            for id in ("export-what", "export-format", "export-exempt", "export-exempt-count"):
                region = screen.query_one(f"#{id}").region
                assert body.contains_region(region), (id, region, body)
            assert screen.query_one("#export-template-row").region.bottom <= size[1] - 2
            await pilot.press("f")
            await pilot.pause()
            body = screen.query_one("#export-body").region


async def test_a_click_on_the_template_line_types_it(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        await pilot.click("#export-template-name")
        await pilot.pause()
        assert screen.query_one("#export-template", Input).has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.query_one("#export-template", Input).display
        assert screen.query_one("#export-template-name").display


async def test_the_bodys_own_template_is_the_default_and_blank_the_house_style(
    demo_app: ClerkApp, tmp_path: Path
) -> None:
    november = november_id(demo_app)
    body = demo_app.desk.agenda.meeting(november).body.id
    demo_app.desk.papers.set_body_template(body, word_template(tmp_path))
    (tmp_path / "Solihull.docx").unlink()  # the body's copy is kept in the database
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november)
        assert template_line(screen) == "Solihull.docx (the body's own)"
        assert kind_of(screen) == "Word (.docx), on template Solihull.docx"
        await pilot.press("enter")
        await pilot.pause()
        written = paths.documents_dir() / f"{STEM}-minutes.docx"
        header = docx.Document(str(written)).sections[0].header
        assert "Solihull Metropolitan Borough Council" in [p.text for p in header.paragraphs]
        await pilot.press("t")  # blank: the house style, this once
        await pilot.pause()
        assert kind_of(screen) == KINDS["docx"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert template_line(screen) == "House style (A4, Arial)"
    header = docx.Document(str(written)).sections[0].header
    assert "Solihull Metropolitan Borough Council" not in [p.text for p in header.paragraphs]
