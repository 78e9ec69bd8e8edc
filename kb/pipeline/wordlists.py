"""The generic word lists of ``data/coreference.json``, shared by coreference,
pronouns, quote spans and speakers: no names of people, only English words."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from kb.pipeline.text import load_json


@cache
def words(name: str) -> frozenset[str]:
    """A word list of ``data/coreference.json``."""
    return frozenset(load_json("coreference.json")[name])


@cache
def synonyms() -> dict[str, tuple[str, ...]]:
    """Descriptions that name the same post ("emissary" -> "envoy", ...)."""
    table: dict[str, list[str]] = load_json("coreference.json")["description_synonyms"]
    return {key: tuple(value) for key, value in table.items()}


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted, not overlapping)."""
    index = bisect_right(spans, (pos, 10**12)) - 1
    return index >= 0 and spans[index][0] <= pos < spans[index][1]


def alternation(items: frozenset[str]) -> str:
    """A regex alternation of ``items``, longest first, any run of spaces inside."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True)
    )


@cache
def anchors(items: frozenset[str]) -> tuple[str, ...]:
    """The last word of each item, as written and capitalised: ``near_words`` anchors."""
    return tuple(
        sorted({w.split()[-1] for w in items} | {w.split()[-1].capitalize() for w in items})
    )
