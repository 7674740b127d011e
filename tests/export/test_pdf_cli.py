"""`clerk-tui export ... --format pdf` on the demo database, as a clerk runs it."""

from __future__ import annotations

from pathlib import Path

from tests.export.pdf_support import page_lines, read, structure_tags
from tests.test_cli_export_minutes import cli


def test_export_minutes_and_actions_as_pdf(demo_path: Path, tmp_path: Path) -> None:
    minutes = tmp_path / "november.pdf"
    run = cli(demo_path, "export", "minutes", "2021-11-29", "-o", str(minutes), home=tmp_path)
    assert run.returncode == 0, run.stderr
    reader = read(minutes.read_bytes())
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert structure_tags(reader).count("H1") == 1
    assert [line for page in page_lines(reader) for line in page][-2:] == ["Chair", "Date"]

    actions = tmp_path / "actions.pdf"
    run = cli(demo_path, "export", "actions", "--format", "pdf", "-o", str(actions), home=tmp_path)
    assert run.returncode == 0, run.stderr
    page = read(actions.read_bytes()).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    assert "Minute No. Date Action Update" in " ".join(page.extract_text().split())
