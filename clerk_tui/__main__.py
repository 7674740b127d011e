"""``python -m clerk_tui``: the same as the ``clerk-tui`` command."""

import sys

from clerk_tui.cli import main

sys.exit(main())
