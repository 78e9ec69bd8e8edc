"""``python -m kb.pipeline GOLD_DIR [TEXT_DIR]``: score the pipeline without Django.

Texts default to the ``seeds`` folder beside GOLD_DIR. Prints ``Report.as_table()``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kb.pipeline.evaluate import score_folder


def main(argv: list[str]) -> int:
    gold_dir = Path(argv[0]) if argv else Path("../shared/gold")
    text_dir = Path(argv[1]) if len(argv) > 1 else gold_dir.parent / "seeds"
    sys.stdout.write(score_folder(gold_dir, text_dir).as_table() + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
