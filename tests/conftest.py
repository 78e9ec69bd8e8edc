"""Shared fixtures: the seed files, and importing them through the real command."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "gold"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def imported_seeds(db):
    """The five seed articles imported through the service, as the command does."""
    from kb.ingest.services import article_import
    from kb.ingest.snapshot import SnapshotIndex

    index = SnapshotIndex.load()
    outcomes = [
        article_import(p.read_text("utf-8"), original_name=p.name, snapshot=index)
        for p in sorted(SEEDS.glob("*.txt"))
    ]
    return [o.article for o in outcomes]
