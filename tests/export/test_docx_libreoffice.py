"""The Word papers as LibreOffice lays them out (where it is installed): the November minutes
convert, run to more than one A4 page, and so does the tracker, on landscape A4."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.docx import render_docx
from clerk_tui.export.tracker import render_tracker_docx
from clerk_tui.minutes import Minutes
from tests.export.test_tracker import reference_rows

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)

A4_POINTS = (595.3, 841.9)


def to_pdf(data: bytes, tmp_path: Path, name: str) -> bytes:
    """``data`` converted by LibreOffice headless, with a profile of its own (a shared one is
    locked by any other LibreOffice running)."""
    source = tmp_path / f"{name}.docx"
    source.write_bytes(data)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return (tmp_path / f"{name}.pdf").read_bytes()


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """The MediaBox of every page (LibreOffice writes one per page object)."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    return [(float(w), float(h)) for w, h in boxes]


def test_november_minutes_render_on_several_a4_pages(minutes: Minutes, tmp_path: Path) -> None:
    pdf = to_pdf(render_docx(minutes, DocumentInfo("Minutes")), tmp_path, "minutes")
    sizes = page_sizes(pdf)
    assert len(sizes) > 1
    for width, height in sizes:
        assert abs(width - A4_POINTS[0]) < 1 and abs(height - A4_POINTS[1]) < 1


def test_tracker_renders_on_landscape_a4(tmp_path: Path) -> None:
    data = render_tracker_docx(reference_rows(), body_name="Panel", as_of=date(2022, 3, 14))
    sizes = page_sizes(to_pdf(data, tmp_path, "tracker"))
    assert sizes
    for width, height in sizes:
        assert abs(width - A4_POINTS[1]) < 1 and abs(height - A4_POINTS[0]) < 1
