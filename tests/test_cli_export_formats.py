"""Every format of every paper from the command line, as a subprocess on a copy of the demo:
the file is written where -o says, not empty, and each is what its ending says (a PDF begins
%PDF, a web page <!DOCTYPE html>, a Word file is a zip python-docx opens, text is UTF-8)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from clerk_tui.desk.exporting import PAPERS
from tests.test_cli_export_actions import clerk

MEETING = {"minutes": "2021-11-29", "agenda": "2022-03-14", "attendance": "2021-11-29",
           "chapters": "2021-11-29"}  # fmt: skip
ACTION_FORMATS = ("csv", "md", "docx", "pdf", "html")
PAIRS = [
    *((what, fmt) for what, paper in PAPERS.items() for fmt in paper.formats),
    *(("actions", fmt) for fmt in ACTION_FORMATS),
]
CASES = [pytest.param(w, f, id=f"{w}-{f}") for w, f in PAIRS]


def check_kind(data: bytes, fmt: str) -> None:
    if fmt == "pdf":
        assert data.startswith(b"%PDF-")
    elif fmt == "html":
        assert data.lstrip().lower().startswith(b"<!doctype html>")
        assert b"</html>" in data.lower()
    elif fmt == "docx":
        assert zipfile.is_zipfile(io.BytesIO(data))
        assert docx.Document(io.BytesIO(data)).paragraphs or docx.Document(io.BytesIO(data)).tables
    else:
        assert data.decode("utf-8-sig").strip()


@pytest.mark.parametrize(("what", "fmt"), CASES)
def test_every_format_of_every_paper_is_written(
    demo_path: Path, tmp_path: Path, what: str, fmt: str
) -> None:
    out = tmp_path / f"{what}.{fmt}"
    meeting = [] if what == "actions" else [MEETING[what]]
    body = ["--body", "Panel"] if what in ("agenda", "actions") else []
    result = clerk(demo_path, tmp_path, "export", what, *meeting, *body, "--format", fmt,
                   "-o", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    data = out.read_bytes()
    assert data
    check_kind(data, fmt)


@pytest.mark.parametrize(
    ("what", "name", "fmt"), [("minutes", ".pdf", "pdf"), ("actions", ".html", "html")]
)
def test_a_name_that_is_only_an_ending_says_the_format(
    demo_path: Path, tmp_path: Path, what: str, name: str, fmt: str
) -> None:
    """ "-o .pdf" is a PDF (Path calls it a hidden file with no suffix): never a Word file
    under a PDF's name."""
    out = tmp_path / name
    meeting = [MEETING[what]] if what == "minutes" else []
    result = clerk(demo_path, tmp_path, "export", what, *meeting, "-o", str(out))
    assert result.returncode == 0, result.stderr
    check_kind(out.read_bytes(), fmt)
