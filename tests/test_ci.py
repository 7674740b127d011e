"""CI runs what a newcomer is told to run: README's test command, word for word, and that command's
checks in the order that fails fastest."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_test_command() -> list[str]:
    """The steps of README's "Test it" command, as the shell would split them at ``&&``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"\*\*Test it\*\*.*?```sh\n(.*?)\n```", readme, re.S)
    assert found, "README has no **Test it** command"
    (line,) = found.group(1).splitlines()  # one line, to paste
    return [" ".join(shlex.split(step)) for step in line.split("&&")]


def ci_steps() -> list[str]:
    """What .ci/run runs, in order (comments, set -e, cd and pip's own upgrade left aside)."""
    steps = []
    for raw in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", "set ", "cd ")):
            continue
        words = [w for w in shlex.split(line) if w != "--quiet"]
        if words[:4] == ["python", "-m", "pip", "install"] and "--upgrade" in words:
            continue  # pip upgrading itself: not a step of the project's
        steps.append(" ".join(words))
    return steps


def test_ci_runs_the_readme_test_command_step_for_step() -> None:
    assert ci_steps() == readme_test_command()


def test_the_checks_run_cheapest_first_and_stop_at_the_first_failure() -> None:
    """Lint, format, types and the import floors are told in seconds, before the long tests;
    ``&&`` (and ``set -e`` in CI) stops at the first that fails."""
    assert "set -euo pipefail" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_test_command()[-5:] == [
        "ruff check .",
        "ruff format --check .",
        "mypy",
        "lint-imports",
        "pytest",
    ]
