"""Syndicated copies: the same story republished with another header or byline, or trimmed.

In:  an article's clean body.
Out: a ``StorySignature`` (a MinHash of its word 5-shingles, from datasketch),
     the LSH ``bands`` under which to file and find it, and ``containment``:
     the estimated share of the shorter story's shingles found in the longer.
Guarantees: pure and deterministic (a fixed seed), no Django. A copy trimmed
to half its length still contains nearly all of its shingles in the original,
so containment, not Jaccard similarity, decides; two different stories on one
topic share few 5-word runs and stay well under ``SAME_STORY``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash  # type: ignore[import-untyped]

from kb.pipeline.fold import fold

SHINGLE_WORDS = 5
PERMUTATIONS = 128
BANDS = 32  # 32 bands of 4 rows: two stories sharing half their shingles meet in a band
ROWS = PERMUTATIONS // BANDS
SAME_STORY = 0.8
# Too short to tell a copy from a stock phrase.
MIN_SHINGLES = 20
_SEED = 20190123
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class StorySignature:
    hashvalues: tuple[int, ...]
    shingles: int

    def to_bytes(self) -> bytes:
        return np.asarray(self.hashvalues, dtype=np.uint64).tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, shingles: int) -> StorySignature:
        values = np.frombuffer(data, dtype=np.uint64)
        return cls(tuple(int(v) for v in values), shingles)


def _shingles(body: str) -> set[bytes]:
    words = _WORD_RE.findall(fold(body))
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(max(0, len(words) - SHINGLE_WORDS + 1))
    }


def signature(body: str) -> StorySignature:
    shingles = _shingles(body)
    minhash = MinHash(num_perm=PERMUTATIONS, seed=_SEED)
    minhash.update_batch(list(shingles))
    return StorySignature(tuple(int(v) for v in minhash.hashvalues), len(shingles))


def bands(sig: StorySignature) -> list[str]:
    """One key per LSH band; stories that share a key are worth comparing."""
    if sig.shingles < MIN_SHINGLES:
        return []
    data = np.asarray(sig.hashvalues, dtype=np.uint64)
    keys = []
    for b in range(BANDS):
        digest = hashlib.blake2b(data[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8)
        keys.append(f"{b}:{digest.hexdigest()}")
    return keys


def containment(a: StorySignature, b: StorySignature) -> float:
    """Estimated |A ∩ B| / min(|A|, |B|) from the MinHash Jaccard estimate."""
    if min(a.shingles, b.shingles) < MIN_SHINGLES:
        return 0.0
    same = sum(1 for x, y in zip(a.hashvalues, b.hashvalues, strict=True) if x == y)
    jaccard = same / PERMUTATIONS
    shared = jaccard * (a.shingles + b.shingles) / (1 + jaccard)
    return min(1.0, shared / min(a.shingles, b.shingles))


def same_story(a: StorySignature, b: StorySignature) -> bool:
    return containment(a, b) >= SAME_STORY
