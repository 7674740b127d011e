"""The body's own Word template, set in its details (issue 14): e on Home, the Word template
field given a .docx, ctrl+s: its bytes are kept in the database and the field shows the file's
name when the details open again; blanked, the body goes back to the house style; a file that is
no Word file is refused in one line beside the fields, the dialog open, nothing kept. At 80x24
and 140x45."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from textual.widgets import Input, Static

from clerk_tui.app import ClerkApp
from screens.dialogs.body import BodyDialog

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((140, 45), id="140x45")]


def word_file(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Borsetshire County Council")
    document.save(str(path))
    return path


async def open_details(app: ClerkApp, pilot: object) -> Input:
    await pilot.press("e")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, BodyDialog)
    return app.screen.query_one("#body-template", Input)


@pytest.mark.parametrize("size", SIZES)
async def test_the_body_template_is_set_shown_and_cleared(
    demo_app: ClerkApp, tmp_path: Path, size: tuple[int, int]
) -> None:
    template = word_file(tmp_path / "Council minutes.docx")
    async with demo_app.run_test(size=size) as pilot:
        await pilot.pause()
        body = demo_app.desk.agenda.bodies()[0].id
        field = await open_details(demo_app, pilot)
        assert field.value == ""
        field.value = str(template)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(demo_app.screen, BodyDialog)
        kept = demo_app.desk.papers.body_template(body)
        assert kept is not None and kept.file_name == "Council minutes.docx"

        # Opened again, the field names the file; saved unchanged, the template is kept.
        field = await open_details(demo_app, pilot)
        assert field.value == "Council minutes.docx"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.desk.papers.body_template(body) == kept

        field = await open_details(demo_app, pilot)
        field.value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.desk.papers.body_template(body) is None


@pytest.mark.parametrize("size", SIZES)
async def test_a_file_that_is_no_word_file_is_refused_beside_the_fields(
    demo_app: ClerkApp, tmp_path: Path, size: tuple[int, int]
) -> None:
    text = tmp_path / "notes.docx"
    text.write_text("not a Word file\n", encoding="utf-8")
    async with demo_app.run_test(size=size) as pilot:
        await pilot.pause()
        body = demo_app.desk.agenda.bodies()[0]
        field = await open_details(demo_app, pilot)
        demo_app.screen.query_one("#body-contact_name", Input).value = "Jane Clerk"
        field.value = str(text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, BodyDialog)
        error = str(demo_app.screen.query_one("#form-error", Static).render())
        assert "notes.docx is not a Word file (.docx)" in error
        assert "\n" not in error
        # One clerk action: neither the template nor the other details were kept.
        assert demo_app.desk.papers.body_template(body.id) is None
        assert demo_app.desk.agenda.body(body.id).contact_name == body.contact_name
