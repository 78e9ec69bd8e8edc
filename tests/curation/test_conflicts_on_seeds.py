"""The possible-conflicts view on the seeds: figures about one frame that really disagree.

The seeds' gold (../shared/gold/SUMMARY.md) names two disagreements among the
figures: how many Venezuelans left (2.3 million, about three million, hundreds
of thousands, 4,769,000: six pairs) and how many countries recognised Guaidó
(about 60 against "the US and more than 20 other nations": one pair).
"""

from __future__ import annotations

import pytest

from kb.curation.conflicts import conflicts_find

pytestmark = pytest.mark.django_db

MIGRANTS = ("2.3 million", "three million", "hundreds of thousands", "4,769,000")
RECOGNITION = ("60 countries", "20 other nations")


def _about(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def test_the_seeds_conflicts_are_real_and_found(imported_seeds) -> None:
    conflicts = conflicts_find()
    real = [
        c
        for c in conflicts
        if all(_about(claim.text, MIGRANTS) for claim in c.pair)
        or all(_about(claim.text, RECOGNITION) for claim in c.pair)
    ]
    listed = [(c.first.text, c.second.text) for c in conflicts]
    # At least 80 % of the listed pairs are real conflicts ...
    assert conflicts and len(real) / len(conflicts) >= 0.8, listed
    # ... and at least 4 of the 7 real pairs are listed.
    assert len(real) >= 4, listed


def test_durations_and_sanctioned_people_are_never_set_against_migrants(imported_seeds) -> None:
    for conflict in conflicts_find():
        texts = " | ".join(claim.text for claim in conflict.pair)
        assert "years" not in texts
        assert "18 Venezuelans" not in texts
