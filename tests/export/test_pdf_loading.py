"""fontTools and the PDF writer load when a PDF is made, not when the app starts or another
paper is exported; the fonts ship inside the package."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files

PROGRAM = """
import json, sys
import clerk_tui.app, clerk_tui.cli, clerk_tui.desk.papers, clerk_tui.export.pdf
from clerk_tui.export.pdf import render_minutes_pdf
loaded = [m for m in sys.modules if m.startswith(("fontTools", "clerk_tui.export.pdf"))]
print(json.dumps(sorted(loaded)))
"""


def test_start_up_loads_no_font_machinery() -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(run.stdout) == ["clerk_tui.export.pdf"]


def test_fonts_and_their_licence_are_package_data() -> None:
    fonts = files("clerk_tui.export.pdf").joinpath("fonts")
    for name in ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"):
        assert fonts.joinpath(name).read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType
    assert "SIL Open Font License" in fonts.joinpath("LICENSE-LiberationSans.txt").read_text()
