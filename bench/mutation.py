"""Mutation testing of the pure core: mutmut 3 over ONE module at a time, with that module's own
tests only, and its score (killed / total) printed per module.

    python bench/mutation.py rules timing numbering minutes [--max-children 1] [--show]

Each module runs in a scratch copy of the project (mutmut writes its ``mutants/`` folder where it
runs, and which module and which tests it uses can only be said in the configuration file): the
copy's pyproject.toml is this one with ``only_mutate`` and ``pytest_add_cli_args_test_selection``
added to the shared ``[tool.mutmut]`` settings. A mutant counts as killed when a test failed or
timed out with it in place (a mutant that makes the tests hang is caught, not missed). The
scratch folder is kept and printed so that ``mutmut show NAME`` can be run in it.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The module (a file, or a package folder, whichever it is) and its own tests, as glob patterns
# from the project's root: a test module split by job stays that module's tests without naming
# each part here.
MODULES: dict[str, tuple[str, tuple[str, ...]]] = {
    "rules": ("clerk_tui/rules", ("tests/test_rules*.py",)),
    "timing": ("clerk_tui/timing", ("tests/test_timing.py",)),
    "numbering": ("clerk_tui/numbering", ("tests/test_numbering.py",)),
    "minutes": ("clerk_tui/minutes", ("tests/test_minutes*.py",)),
    "agenda_import": ("clerk_tui/agenda_import", ("tests/test_agenda_import*.py",)),
}

# Tests that read a module's source for its imports: mutmut rewrites every module it mutates to
# import its own trampoline, so under mutmut these fail with no mutant in place and stop the run.
# No mutant changes an import, so leaving them out kills no fewer mutants.
DESELECTED: dict[str, tuple[str, ...]] = {
    "minutes": (
        "tests/test_minutes_purity.py"
        "::test_minutes_modules_import_only_the_standard_library_and_the_meeting_views",
    ),
}


def _test_files(patterns: tuple[str, ...]) -> list[str]:
    """The test files the patterns name, sorted; none at all is an error (a renamed or deleted
    test module would otherwise leave mutmut running the whole suite, or nothing)."""
    files = sorted({path.relative_to(ROOT).as_posix() for p in patterns for path in ROOT.glob(p)})
    if not files:
        raise SystemExit(f"mutation: no test files match {', '.join(patterns)}")
    return files


# What the scratch copy needs: the packages the tests import (conftest imports the app) and the
# tests with their fixtures; snapshots are for the app's screens, never run here.
COPIED = ("clerk_tui", "db", "screens", "tests")
IGNORED = shutil.ignore_patterns("__pycache__", "__snapshots__", "*.pyc", ".hypothesis")

# mutmut's exit codes (mutmut.stats.status_by_exit_code), grouped as this score counts them.
KILLED_CODES = {1, 3, 24, -24, 36, 152, 255, 37}
SURVIVED_CODES = {0}
UNTESTED_CODES = {5, 33}


@dataclass(frozen=True)
class Score:
    module: str
    killed: int
    survived: tuple[str, ...]
    other: Counter[str]
    total: int
    seconds: float
    workdir: Path

    @property
    def percent(self) -> float:
        return 100.0 * self.killed / self.total if self.total else 100.0


def _toml_value(value: object) -> str:
    """A TOML value for the settings mutmut reads: strings, numbers, booleans, lists of them.
    (JSON spells these the way TOML does; booleans are the one difference.)"""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return json.dumps(value)


def _scratch_pyproject(
    module_path: str, tests: tuple[str, ...], deselected: tuple[str, ...] = ()
) -> str:
    """This project's pyproject.toml with [tool.mutmut] narrowed to one module and its tests."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    shared = dict(tomllib.loads(text).get("tool", {}).get("mutmut", {}))
    only = f"{module_path}/*" if (ROOT / module_path).is_dir() else f"{module_path}.py"
    shared["only_mutate"] = [only]
    shared["pytest_add_cli_args_test_selection"] = _test_files(tests)
    deselect = [arg for node in deselected for arg in ("--deselect", node)]
    shared["pytest_add_cli_args"] = [*shared.get("pytest_add_cli_args", []), *deselect]
    shared["use_git_change_detection"] = False  # the scratch copy is no git checkout
    without = re.sub(r"(?ms)^\[tool\.mutmut\]\n.*?(?=^\[|\Z)", "", text)
    settings = "\n".join(f"{key} = {_toml_value(value)}" for key, value in shared.items())
    return f"{without.rstrip()}\n\n[tool.mutmut]\n{settings}\n"


def _prepare(module: str, workdir: Path) -> None:
    module_path, tests = MODULES[module]
    if workdir.exists():
        shutil.rmtree(workdir)  # never reuse results cached against older tests
    workdir.mkdir(parents=True)
    for name in COPIED:
        shutil.copytree(ROOT / name, workdir / name, ignore=IGNORED)
    (workdir / "pyproject.toml").write_text(
        _scratch_pyproject(module_path, tests, DESELECTED.get(module, ())), encoding="utf-8"
    )


def _results(workdir: Path) -> tuple[Counter[int | None], list[str]]:
    """Exit code counts over every mutant, and the names of those that survived."""
    codes: Counter[int | None] = Counter()
    survivors: list[str] = []
    for meta in sorted((workdir / "mutants").rglob("*.meta")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, code in data.get("exit_code_by_key", {}).items():
            codes[code] += 1
            if code in SURVIVED_CODES:
                survivors.append(name)
    return codes, survivors


def measure(module: str, *, max_children: int, workroot: Path) -> Score:
    workdir = workroot / module
    _prepare(module, workdir)
    began = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children)],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.monotonic() - began
    codes, survivors = _results(workdir)
    if run.returncode != 0 or not codes:
        tail = "\n".join((run.stdout + run.stderr).strip().splitlines()[-15:])
        raise SystemExit(f"mutation: mutmut failed on {module} (in {workdir}):\n{tail}")
    other: Counter[str] = Counter()
    for code, count in codes.items():
        if code in UNTESTED_CODES:
            other["no tests"] += count
        elif code is None:
            other["not checked"] += count
        elif code not in KILLED_CODES and code not in SURVIVED_CODES:
            other[f"exit {code}"] += count
    killed = sum(count for code, count in codes.items() if code in KILLED_CODES)
    return Score(
        module=module,
        killed=killed,
        survived=tuple(survivors),
        other=other,
        total=sum(codes.values()),
        seconds=seconds,
        workdir=workdir,
    )


def _report(score: Score, *, show: bool) -> None:
    extra = "".join(f", {count} {what}" for what, count in sorted(score.other.items()))
    print(
        f"{score.module:<14} killed {score.killed:>4} / {score.total:<4} = {score.percent:5.1f}%"
        f"   survived {len(score.survived)}{extra}   ({score.seconds:.0f} s)"
    )
    for name in score.survived:
        print(f"    survived: {name}")
        if show:
            diff = subprocess.run(
                [sys.executable, "-m", "mutmut", "show", name],
                cwd=score.workdir,
                capture_output=True,
                text=True,
                check=False,
            ).stdout
            print("\n".join(f"      {line}" for line in diff.splitlines()[1:]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="+", choices=sorted(MODULES))
    parser.add_argument(
        "--max-children", type=int, default=1, help="mutants tested at once (default 1)"
    )
    parser.add_argument("--show", action="store_true", help="print each survivor's diff")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "clerk-mutation",
        help="where the scratch copies go (one folder per module, kept)",
    )
    args = parser.parse_args(argv)
    print(f"mutmut over one module at a time, its own tests only; scratch in {args.workdir}")
    for module in args.modules:
        _report(
            measure(module, max_children=args.max_children, workroot=args.workdir),
            show=args.show,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
