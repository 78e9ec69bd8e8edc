"""Placeholder extractor (to be replaced by the real pipeline)."""

from __future__ import annotations

from kb.pipeline.types import EMPTY_SNAPSHOT, Block, Extraction, OffsetRun, Snapshot


def extract(raw: str, snapshot: Snapshot = EMPTY_SNAPSHOT) -> Extraction:
    body = raw.strip()
    start = raw.find(body) if body else 0
    return Extraction(
        raw=raw,
        body=body,
        title=None,
        published=None,
        publisher=None,
        offsets=(OffsetRun(0, start, len(body)),),
        blocks=(Block("paragraph", 0, len(body)),),
    )
