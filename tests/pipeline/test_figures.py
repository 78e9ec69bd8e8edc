# ruff: noqa: RUF001 - curly quotes are the text under test
"""Figures on small invented sentences: what is a figure, its kind and range, its confidence."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kb.pipeline.extract import extract
from kb.pipeline.figure_confidence import FigureEvidence, figure_confidence, is_definite
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


# Confidence: from the evidence that produced the figure (kb/pipeline/figure_confidence.py).
# (sentence, surface, lowest, highest): the confidence the figure must fall within.
CONFIDENCE = [
    pytest.param(
        "The appeal is only 14 per cent funded.", "14 per cent", 0.9, 1.0, id="percent_has_a_unit"
    ),
    pytest.param(
        "About 400,000 people have fled Haiti this year.",
        "400,000",
        0.9,
        1.0,
        id="stated_frame_is_surest",
    ),
    pytest.param(
        "Fighting has killed hundreds of thousands of people.",
        "hundreds of thousands",
        0.8,
        0.9,
        id="vague_quantity_is_confident_but_less",
    ),
    pytest.param(
        "The mayor said the town lost two villages in a week.",
        "two villages",
        0.8,
        0.9,
        id="word_number_below_digits",
    ),
    pytest.param(
        '"We lost two villages in a week," the mayor said.',
        "two villages",
        0.0,
        0.79,
        id="inside_a_quote_is_less_sure",
    ),
    pytest.param(
        "Mali, Niger and Burkina Faso left the bloc. The three juntas signed a pact.",
        "three juntas",
        0.0,
        0.5,
        id="definite_restatement_is_no_claim",
    ),
    pytest.param(
        "The motion passed by 29 votes to 21 on Thursday.", "21", 0.0, 0.79, id="no_head_noun"
    ),
    pytest.param(
        "The motion passed by 29 votes to 21 on Thursday.",
        "29 votes",
        0.8,
        1.0,
        id="head_noun_stated",
    ),
    pytest.param(
        "Delegates from 48 Cantons met in the square.",
        "48 Cantons",
        0.0,
        0.79,
        id="capitalised_head_is_likely_a_name",
    ),
    pytest.param(
        "The council adopted the 14-member panel's report.",
        "14-member",
        0.8,
        1.0,
        id="definite_size_is_still_a_figure",
    ),
]


@pytest.mark.parametrize(("text", "surface", "lowest", "highest"), CONFIDENCE)
def test_confidence(text: str, surface: str, lowest: float, highest: float) -> None:
    assert lowest <= _one(text, surface).confidence <= highest


def test_caption_and_distance_lower_confidence() -> None:
    plain = FigureEvidence("count", head="people")
    assert figure_confidence(plain) == pytest.approx(0.9)
    assert figure_confidence(replace(plain, in_caption=True)) == pytest.approx(0.8)
    far = replace(plain, head="other displaced rural people")
    assert figure_confidence(far) < figure_confidence(plain)


def test_demonym_head_is_no_name() -> None:
    assert figure_confidence(FigureEvidence("count", head="Venezuelans")) >= 0.8
    assert is_definite("between the ") and is_definite("Sri Lanka’s ")
    assert not is_definite("more than ")
