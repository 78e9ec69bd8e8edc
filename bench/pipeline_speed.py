"""Measure the extraction pipeline's speed: CPU-time MB/s per core, and where it goes.

In:  ``--articles N`` generated articles (``bench/make_corpus.py``, deterministic)
     plus the seed articles; ``--profile K`` also profiles the first K texts;
     ``--dump FILE`` writes every text's ``to_json`` output (for before/after diffs).
Out: one line ``MB/s per core`` on stdout (the timed passes, and the first pass that
     builds the snapshot, whose caches start cold), then a cProfile top-20 by own time.
Guarantees: CPU time (``time.process_time``), so the figure holds on a loaded
     machine; the snapshot is built as the importer builds it: a first pass over
     the corpus collects every actor found into a ``KnownIndex`` (what
     ``SnapshotIndex`` is without Django), and each text gets ``for_text``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import write_corpus  # noqa: E402
from kb.pipeline import KnownActor, extract  # noqa: E402
from kb.pipeline.fold import fold  # noqa: E402
from kb.pipeline.jsonout import to_json  # noqa: E402
from kb.pipeline.known import KnownIndex  # noqa: E402

# CPU seconds of the first pass (caches cold, empty snapshot), as a first import sees it.
COLD = [0.0]


def load_texts(articles: int) -> list[tuple[str, str]]:
    texts = [(p.name, p.read_text("utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), articles)
        texts += [
            (str(p.relative_to(tmp)), p.read_text("utf-8"))
            for p in sorted(Path(tmp).rglob("*.txt"))
        ]
    return texts


def build_index(texts: list[tuple[str, str]], plain: dict[str, object]) -> KnownIndex:
    """Every actor the pipeline finds in the corpus, with its surface forms as aliases.

    ``plain`` receives each text's ``to_json`` without a snapshot.
    """
    index = KnownIndex()
    for name, text in texts:
        t0 = time.process_time()
        extraction = extract(text)
        COLD[0] += time.process_time() - t0
        plain[name] = to_json(extraction)
        for actor in extraction.actors:
            key = fold(actor.name).replace(" ", "-")
            if key in index:
                continue
            aliases = tuple(f for f in actor.surface_forms if f != actor.name)
            index.add(KnownActor(key, actor.name, actor.kind, actor.country, aliases))
    return index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--profile", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=1, help="timed passes; the best is kept")
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args(argv)

    texts = load_texts(args.articles)
    plain: dict[str, object] = {}
    index = build_index(texts, plain)
    work = [(name, text, index.for_text(text)) for name, text in texts]
    size = sum(len(text.encode("utf-8")) for _n, text, _s in work)

    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.process_time()
        for _name, text, snapshot in work:
            extract(text, snapshot)
        best = min(best, time.process_time() - t0)
    print(
        f"{len(work)} texts, {size / 1e6:.2f} MB, {len(index)} known actors: "
        f"{best:.2f} CPU s, {size / 1e6 / best:.2f} MB/s per core "
        f"(first pass, cold caches, no snapshot: {size / 1e6 / COLD[0]:.2f} MB/s)"
    )

    if args.dump:
        linked = {name: to_json(extract(text, snapshot)) for name, text, snapshot in work}
        out = {"plain": plain, "known": linked}
        args.dump.write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True))

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _name, text, snapshot in work[: args.profile]:
            extract(text, snapshot)
        profiler.disable()
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(20)
        print(stream.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
