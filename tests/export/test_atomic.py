"""write_atomic: all or nothing, and errors in words."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_tui.errors import ClerkError
from clerk_tui.export import atomic
from clerk_tui.export.atomic import write_atomic
from tests.bad_inputs.corpus import WITHOUT_OVERRIDE


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_bytes_and_text(tmp_path: Path) -> None:
    target = tmp_path / "minutes.docx"
    assert write_atomic(target, b"\x00\x01") == target
    assert target.read_bytes() == b"\x00\x01"
    write_atomic(target, "Cllr Paul Bradley – Dudley\n")
    assert target.read_text(encoding="utf-8") == "Cllr Paul Bradley – Dudley\n"
    assert leftovers(tmp_path) == []


def test_replacing_keeps_the_files_permissions(tmp_path: Path) -> None:
    target = tmp_path / "minutes.txt"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "y.docx"
    with pytest.raises(ClerkError) as caught:
        write_atomic(target, b"x")
    assert str(caught.value) == (
        f"cannot write {target}: the folder {tmp_path / 'nowhere'} does not exist"
    )


def test_path_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ClerkError, match="it is a folder"):
        write_atomic(tmp_path, b"x")


def test_folder_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(ClerkError, match="is a file, not a folder"):
        write_atomic(blocker / "y.txt", b"x")


def test_unwritable_folder(tmp_path: Path) -> None:
    """Really read-only: in a child without the capability that lets root ignore modes."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    script = (
        "import sys\n"
        "from clerk_tui.errors import ClerkError\n"
        "from clerk_tui.export.atomic import write_atomic\n"
        "try:\n"
        "    write_atomic(sys.argv[1], b'x')\n"
        "except ClerkError as error:\n"
        "    print(error)\n"
    )
    prefix = WITHOUT_OVERRIDE if os.geteuid() == 0 else []
    try:
        result = subprocess.run(
            [*prefix, sys.executable, "-c", script, str(folder / "y.txt")],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        folder.chmod(0o700)
    assert result.stdout.strip() == (
        f"cannot write {folder / 'y.txt'}: the folder {folder} is not writable"
    ), result.stderr
    assert list(folder.iterdir()) == []


def fail_at(monkeypatch: pytest.MonkeyPatch, stage: str, error: OSError) -> None:
    """Make one step of the write fail as the disk would."""
    if stage == "create":
        real_open = os.open

        def refuse_to_create(path: object, flags: int, *args: object) -> int:
            if flags & os.O_CREAT:
                raise error
            return real_open(path, flags, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(atomic.os, "open", refuse_to_create)
        return

    def refuse(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(atomic.os, {"fsync": "fsync", "rename": "replace"}[stage], refuse)


FAULTS = [
    ("create", OSError(errno.EROFS, "Read-only file system"), "read-only file system"),
    ("create", PermissionError(errno.EACCES, "Permission denied"), "is not writable"),
    ("create", OSError(errno.ENOSPC, "No space left on device"), "no space left on device"),
    ("create", OSError(errno.ENAMETOOLONG, "File name too long"), "file name too long"),
    ("fsync", OSError(errno.ENOSPC, "No space left on device"), "no space left on device"),
    ("fsync", OSError(errno.EIO, "Input/output error"), "input/output error"),
    ("fsync", OSError(errno.EDQUOT, "Disk quota exceeded"), "disk quota exceeded"),
    ("rename", OSError(errno.EIO, "Input/output error"), "input/output error"),
    ("rename", OSError(errno.EROFS, "Read-only file system"), "read-only file system"),
    ("rename", OSError(errno.EXDEV, "Invalid cross-device link"), "invalid cross-device link"),
]


@pytest.mark.parametrize(("stage", "error", "words"), FAULTS, ids=lambda v: str(v)[:20])
def test_every_os_error_is_one_line_and_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str, error: OSError, words: str
) -> None:
    target = tmp_path / "minutes.txt"
    target.write_text("the old minutes")
    fail_at(monkeypatch, stage, error)
    with pytest.raises(ClerkError) as caught:
        write_atomic(target, "the new minutes")
    monkeypatch.undo()
    assert str(caught.value).startswith(f"cannot write {target}: ")
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)
    assert target.read_text() == "the old minutes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.txt"]


def test_failure_while_writing_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "minutes.txt"
    target.write_text("the old minutes")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(ClerkError) as caught:
        write_atomic(target, "the new minutes")
    assert str(caught.value) == f"cannot write {target}: no space left on device"
    assert target.read_text() == "the old minutes"
    assert leftovers(tmp_path) == []


def test_failure_on_rename_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_rename(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "replace", no_rename)
    with pytest.raises(ClerkError, match="input/output error"):
        write_atomic(tmp_path / "a.txt", b"x")
    assert list(tmp_path.iterdir()) == []


def test_private_is_0600_even_over_a_0644_file(tmp_path: Path) -> None:
    target = tmp_path / "minutes-CONFIDENTIAL.md"
    target.write_text("old")
    target.chmod(0o644)
    write_atomic(target, "exempt matter", private=True)
    assert target.read_text() == "exempt matter"
    assert target.stat().st_mode & 0o777 == 0o600


def test_private_new_file_is_0600(tmp_path: Path) -> None:
    target = tmp_path / "new.md"
    write_atomic(target, "exempt matter", private=True)
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_link_to_a_file_writes_the_file_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert write_atomic(link, "new") == link
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_a_long_name_in_two_byte_letters_still_fits_the_temporary_file(tmp_path: Path) -> None:
    # 250 bytes: a name may have 255, and the temporary one adds its own prefix and suffix.
    target = tmp_path / ("é" * 123 + ".md")
    assert len(os.fsencode(target.name)) == 249
    write_atomic(target, "x")
    assert target.read_text() == "x"
    assert leftovers(tmp_path) == []


def test_a_name_over_255_bytes_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ClerkError, match="is too long \\(303 bytes"):
        write_atomic(tmp_path / ("m" * 300 + ".md"), "x")
    assert list(tmp_path.iterdir()) == []


def test_a_sqlite_file_is_never_written_over(tmp_path: Path) -> None:
    backup = tmp_path / "clerk-2024-01-01.db"
    backup.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4080)
    before = backup.read_bytes()
    with pytest.raises(ClerkError, match="it is a database"):
        write_atomic(backup, "# Minutes")
    assert backup.read_bytes() == before
