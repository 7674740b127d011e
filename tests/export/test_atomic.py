"""write_atomic: all or nothing, and errors in words."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from clerk_tui.errors import ClerkError
from clerk_tui.export import atomic
from clerk_tui.export.atomic import write_atomic


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


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_unwritable_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ClerkError, match="is not writable"):
            write_atomic(folder / "y.txt", b"x")
    finally:
        folder.chmod(0o700)


def test_unwritable_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    target = tmp_path / "y.txt"
    with pytest.raises(ClerkError) as caught:
        write_atomic(target, b"x")
    assert str(caught.value) == f"cannot write {target}: the folder {tmp_path} is not writable"


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
