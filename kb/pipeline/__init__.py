"""Pure-Python extraction: raw article text in, a frozen ``Extraction`` out.

See ``kb.pipeline.types`` for the contract. This package imports nothing from
Django or the rest of ``kb``.
"""

from kb.pipeline.extract import extract
from kb.pipeline.types import EMPTY_SNAPSHOT, Extraction, KnownActor, Snapshot

__all__ = ["EMPTY_SNAPSHOT", "Extraction", "KnownActor", "Snapshot", "extract"]
