"""``python -m kb.pipeline GOLD_DIR [TEXT_DIR]``: score the pipeline without Django.

Texts default to the ``seeds`` folder beside GOLD_DIR. Prints ``Report.as_table()``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kb.pipeline import extract
from kb.pipeline.evaluate import evaluate
from kb.pipeline.jsonout import to_json


def main(argv: list[str]) -> int:
    gold_dir = Path(argv[0]) if argv else Path("../shared/gold")
    text_dir = Path(argv[1]) if len(argv) > 1 else gold_dir.parent / "seeds"
    predictions = {}
    for gold_file in sorted(gold_dir.glob("*.json")):
        name = json.loads(gold_file.read_text("utf-8")).get("file") or gold_file.stem + ".txt"
        text = (text_dir / name).read_text("utf-8")
        predictions[gold_file.stem] = to_json(extract(text))
    sys.stdout.write(evaluate(gold_dir, predictions).as_table() + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
