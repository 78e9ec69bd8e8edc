"""Figures on small invented sentences: what is a figure, its kind and range, its confidence."""

from __future__ import annotations

import pytest

from kb.pipeline.extract import extract
from kb.pipeline.types import Figure


def _figures(text: str) -> list[Figure]:
    return list(extract("A test article\n\n" + text).figures)


def _one(text: str, surface: str) -> Figure:
    found = [f for f in _figures(text) if surface in f.text]
    assert len(found) == 1, [f.text for f in _figures(text)]
    return found[0]


# (sentence, surface, kind, low, high)
READINGS = [
    pytest.param(
        "Tens of thousands of people marched in the capital.",
        "Tens of thousands",
        "count",
        20_000,
        99_999,
        id="tens_of_thousands_is_not_thousands",
    ),
    pytest.param(
        "Gunmen killed dozens of villagers in the north.",
        "dozens",
        "count",
        24,
        144,
        id="dozens_is_a_range",
    ),
    pytest.param(
        "The minister began a two-day visit to the port.",
        "two-day",
        "duration",
        1.96,
        2.04,
        id="hyphenated_duration",
    ),
    pytest.param(
        "The council adopted a 12-point plan.", "12-point", "size", 11.76, 12.24, id="n_point"
    ),
    pytest.param(
        "The talks could last up to three weeks.",
        "three weeks",
        "duration",
        2,
        3,
        id="up_to_is_an_upper_bound",
    ),
    pytest.param(
        "Coverage is below 30 per cent in the camps.",
        "30 per cent",
        "percent",
        20,
        30,
        id="below_is_an_upper_bound",
    ),
    pytest.param(
        "The opposition leader, Ana Ruiz, 47, was arrested.", "47", "age", 46.06, 47.94, id="age"
    ),
    pytest.param(
        "The agency sanctioned two Panama-flagged oil tankers.",
        "two Panama-flagged oil tankers",
        "count",
        1.96,
        2.04,
        id="word_number_with_modifiers",
    ),
]


@pytest.mark.parametrize(("text", "surface", "kind", "low", "high"), READINGS)
def test_reading(text: str, surface: str, kind: str, low: float, high: float) -> None:
    fig = _one(text, surface)
    assert fig.kind == kind
    assert fig.low == pytest.approx(low, rel=0.01)
    assert fig.high == pytest.approx(high, rel=0.01)


NOT_FIGURES = [
    pytest.param("The court ruled on the 14 of January.", id="date_n_of_month"),
    pytest.param("Call +41 22 000 0000 for details.", id="phone_number"),
    pytest.param("Five years ago the rulers lobbied for the deal.", id="years_ago"),
    pytest.param("They fled the same towns three times.", id="frequency"),
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_a_figure(text: str) -> None:
    assert _figures(text) == []
