"""Precision and recall of syndicated-copy detection on pairs of our own.

``python bench/syndication_pairs.py GLOB [GLOB ...]`` (default: the seeds and
the test fixtures) cleans every article, makes three copies of each (a new
header and byline; the first 60 % of its paragraphs; a 75 % cut under a
header, with some words upper-cased) and asks ``same_story`` about each copy
against its original (should match) and about every pair of different
articles (should not). Prints the counts, precision, recall, and the highest
containment between two different stories.
"""

from __future__ import annotations

import glob
import itertools
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.pipeline.clean import clean  # noqa: E402
from kb.pipeline.syndication import containment, same_story, signature  # noqa: E402

DEFAULT = [str(ROOT / "seeds" / "*.txt"), str(ROOT / "tests/pipeline/fixtures/*/*.txt")]


def copies(body: str, rng: random.Random) -> list[str]:
    paragraphs = [p for p in body.split("\n") if p.strip()]
    words = body.split()
    for i in rng.sample(range(len(words)), max(1, len(words) // 40)):
        words[i] = words[i].upper()
    return [
        "SYNDICATED WIRE\nBy Staff Reporter | Updated 2 hours ago\n" + body,
        "\n".join(paragraphs[: max(2, int(len(paragraphs) * 0.6))]),
        "Republished with permission.\n" + " ".join(words[: int(len(words) * 0.75)]),
    ]


def main(patterns: list[str]) -> int:
    rng = random.Random(7)
    paths = sorted({p for pattern in patterns for p in glob.glob(pattern)})
    bodies = {p: clean(Path(p).read_text("utf-8")).body for p in paths}
    sigs = {p: signature(b) for p, b in bodies.items()}
    tp = fn = fp = tn = 0
    for path, body in bodies.items():
        for copy in copies(body, rng):
            if same_story(sigs[path], signature(clean(copy).body)):
                tp += 1
            else:
                fn += 1
                print(f"missed copy of {path}")
    worst = 0.0
    for a, b in itertools.combinations(paths, 2):
        worst = max(worst, containment(sigs[a], sigs[b]))
        if same_story(sigs[a], sigs[b]):
            fp += 1
            print(f"false match: {a} ~ {b}")
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(
        f"{len(paths)} articles: {tp + fn} copies, {fp + tn} pairs of different stories; "
        f"precision {precision:.3f}, recall {recall:.3f}; "
        f"highest containment between different stories {worst:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:] or DEFAULT))
