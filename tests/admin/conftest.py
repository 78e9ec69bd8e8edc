"""Admin tests share the hand-built world of tests/curation."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "curation"))

from desk_world import editor, reviewer, world

__all__ = ["editor", "reviewer", "world"]
