"""``clerk-tui export minutes MEETING --template FILE.docx`` (and ``--no-template``) as a
subprocess on a copy of the demo: a Word file is built on; anything else named as a template
(a text file renamed .docx, a zip that is no Word file, an empty file, a FIFO, a folder, a
missing file, a loop of links, the database itself or its -wal) is one line, exit 2, nothing
written and the database unchanged."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

import docx
import pytest

from tests.test_cli_export_actions import clerk, one_line_error

NOVEMBER = "2021-11-29"


def word_file(path: Path, header: str = "") -> Path:
    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    document.add_paragraph("the template's own body text")
    document.save(str(path))
    return path


def relabelled(source: Path, target: Path, main: bytes, to: bytes) -> Path:
    """The Word file ``source`` with its main part's content type changed (a .dotx, a .docm)."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(out, "w") as copy:
        for item in archive.infolist():
            data = archive.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(main, to)
            copy.writestr(item, data)
    target.write_bytes(out.getvalue())
    return target


def fingerprint(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes())
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


def bad_templates(folder: Path, database: Path) -> dict[str, tuple[str, str]]:
    """name → (the path to give --template, words its refusal says)."""
    (folder / "text.docx").write_text("Minutes of the meeting\n", encoding="utf-8")
    with zipfile.ZipFile(folder / "notes.docx", "w") as archive:
        archive.writestr("notes.txt", "not a Word part")
    (folder / "empty.docx").write_bytes(b"")
    os.mkfifo(folder / "pipe.docx")
    (folder / "folder.docx").mkdir()
    (folder / "loop-a.docx").symlink_to(folder / "loop-b.docx")
    (folder / "loop-b.docx").symlink_to(folder / "loop-a.docx")
    (folder / "dangling.docx").symlink_to(folder / "nowhere.docx")
    good = word_file(folder / "good.docx")
    damaged = good.read_bytes()
    (folder / "damaged.docx").write_bytes(damaged[: len(damaged) // 2])
    relabelled(
        good, folder / "macros.docm", b"document.main+xml", b"document.macroEnabled.main+xml"
    )
    return {
        "text": (str(folder / "text.docx"), "text.docx is not a Word file (.docx): it is not"),
        "zip": (str(folder / "notes.docx"), "notes.docx is not a Word file (.docx): it holds no"),
        "empty": (str(folder / "empty.docx"), "empty.docx is not a Word file (.docx): it is empty"),
        "fifo": (str(folder / "pipe.docx"), "pipe.docx is a pipe (FIFO), not a Word file"),
        "folder": (str(folder / "folder.docx"), "folder.docx is a folder"),
        "missing": (str(folder / "missing.docx"), "missing.docx does not exist"),
        "dangling": (str(folder / "dangling.docx"), "dangling.docx is a link to nothing"),
        "loop": (str(folder / "loop-a.docx"), "loop-a.docx: its links go round in a loop"),
        "damaged": (str(folder / "damaged.docx"), "damaged.docx is not a Word file (.docx):"),
        "docm": (
            str(folder / "macros.docm"),
            "macros.docm is not a Word file (.docx): it is macro",
        ),
        "database": (str(database), "demo.db is not a Word file (.docx)"),
    }


CASES = (
    "text",
    "zip",
    "empty",
    "fifo",
    "folder",
    "missing",
    "dangling",
    "loop",
    "damaged",
    "docm",
    "database",
)


@pytest.mark.parametrize("case", CASES)
def test_a_template_that_is_no_word_file_is_one_line_and_nothing_written(
    demo_path: Path, tmp_path: Path, case: str
) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    template, words = bad_templates(folder, demo_path)[case]
    out = tmp_path / "out"
    out.mkdir()
    before, files = fingerprint(demo_path), files_under(out)
    result = clerk(
        demo_path, tmp_path, "export", "minutes", NOVEMBER, "--template", template,
        "-o", str(out / "minutes.docx"),
    )  # fmt: skip
    one_line_error(result, words)
    assert files_under(out) == files
    assert not files_under(tmp_path / "home" / "Documents")
    assert fingerprint(demo_path) == before


def test_the_template_is_for_word_minutes_only(demo_path: Path, tmp_path: Path) -> None:
    template = word_file(tmp_path / "council.docx")
    for fmt in ("pdf", "html", "md", "txt"):
        out = tmp_path / f"minutes.{fmt}"
        result = clerk(
            demo_path, tmp_path, "export", "minutes", NOVEMBER, "--format", fmt,
            "--template", str(template), "-o", str(out),
        )  # fmt: skip
        one_line_error(result, "--template is for Word (.docx) minutes")
        assert not out.exists()
    result = clerk(demo_path, tmp_path, "export", "agenda", "2022-03-14", "--template", "x.docx")
    one_line_error(result, "unrecognized arguments: --template")


def test_template_and_no_template_are_one_or_the_other(demo_path: Path, tmp_path: Path) -> None:
    template = word_file(tmp_path / "council.docx")
    result = clerk(
        demo_path, tmp_path, "export", "minutes", NOVEMBER, "--template", str(template),
        "--no-template",
    )  # fmt: skip
    one_line_error(result, "not allowed with argument --template")


def test_a_word_template_is_built_on(demo_path: Path, tmp_path: Path) -> None:
    """A link to a Word file is fine; the file written is Word minutes, and the template is
    only read."""
    template = word_file(tmp_path / "council.docx", header="Borsetshire County Council")
    link = tmp_path / "link.docx"
    link.symlink_to(template)
    original = template.read_bytes()
    out = tmp_path / "minutes.docx"
    result = clerk(
        demo_path, tmp_path, "export", "minutes", NOVEMBER, "--template", str(link),
        "-o", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "RESOLVED" in text
    assert "Borsetshire County Council" in header_text(out)
    assert template.read_bytes() == original


def test_a_word_template_dotx_is_built_on(demo_path: Path, tmp_path: Path) -> None:
    dotx = tmp_path / "council.dotx"
    relabelled(
        word_file(tmp_path / "council.docx"), dotx, b"document.main+xml", b"template.main+xml"
    )
    out = tmp_path / "minutes.docx"
    result = clerk(
        demo_path, tmp_path, "export", "minutes", NOVEMBER, "--template", str(dotx), "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert "RESOLVED" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


def test_the_output_file_as_its_own_template_is_harmless(demo_path: Path, tmp_path: Path) -> None:
    """The template is read whole before the export is written: naming the file about to be
    replaced builds on the old one, and the new one is whole Word minutes."""
    out = word_file(tmp_path / "minutes.docx", header="Borsetshire County Council")
    before = fingerprint(demo_path)
    result = clerk(
        demo_path, tmp_path, "export", "minutes", NOVEMBER, "--template", str(out),
        "-o", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "RESOLVED" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Borsetshire County Council" in header_text(out)  # the old file's, built on
    assert fingerprint(demo_path) == before


def test_the_wal_named_as_the_template_is_only_read(demo_path: Path, tmp_path: Path) -> None:
    from db import open_database

    database = open_database(demo_path)  # the app open on it: its -wal is there
    try:
        wal = demo_path.with_name(demo_path.name + "-wal")
        assert wal.exists()
        size = wal.stat().st_size
        result = clerk(
            demo_path, tmp_path, "export", "minutes", NOVEMBER, "--template", str(wal),
            "-o", str(tmp_path / "m.docx"),
        )  # fmt: skip
        one_line_error(result, "demo.db-wal is not a Word file (.docx)")
        assert wal.stat().st_size == size
        assert not (tmp_path / "m.docx").exists()
    finally:
        database.close()


def test_no_template_writes_the_house_style(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "minutes.docx"
    result = clerk(
        demo_path, tmp_path, "export", "minutes", NOVEMBER, "--no-template", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert "RESOLVED" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


def header_text(path: Path) -> str:
    document = docx.Document(str(path))
    return "\n".join(p.text for s in document.sections for p in s.header.paragraphs)


def test_the_template_and_the_bodys_own_are_honoured(demo_path: Path, tmp_path: Path) -> None:
    """--template FILE: its header carried through; none named: the body's own (kept in the
    database, the file itself gone); --no-template: the house style."""
    from clerk_tui.desk import Desk
    from db import open_database

    given = word_file(tmp_path / "given.docx", header="Borsetshire County Council")
    own = word_file(tmp_path / "own.docx", header="Ambridge Parish Council")
    database = open_database(demo_path)
    try:
        desk = Desk(database)
        desk.papers.set_body_template(desk.agenda.bodies()[0].id, own)
    finally:
        database.close()
    own.unlink()
    runs = {
        "given": ["--template", str(given)],
        "own": [],
        "house": ["--no-template"],
    }
    headers = {}
    for name, argv in runs.items():
        out = tmp_path / f"{name}.docx"
        result = clerk(demo_path, tmp_path, "export", "minutes", NOVEMBER, *argv, "-o", str(out))
        assert result.returncode == 0, result.stderr
        headers[name] = header_text(out)
    assert "Borsetshire County Council" in headers["given"]
    assert "Ambridge Parish Council" not in headers["given"]
    assert "Ambridge Parish Council" in headers["own"]
    assert "Council" not in headers["house"]
