"""Figure frames: what a number counts, and which figures may be compared."""

from __future__ import annotations

import pytest

from kb.pipeline.extract import extract
from kb.pipeline.frames import Frame, conflicting
from kb.pipeline.types import Figure


def _figures(text: str) -> list[Figure]:
    return list(extract("A test article\n\n" + text).figures)


def _one(text: str, surface: str) -> Figure:
    found = [f for f in _figures(text) if surface in f.text]
    assert len(found) == 1, [f.text for f in _figures(text)]
    return found[0]


def _frame(figure: Figure) -> Frame:
    return Frame(figure.kind, figure.low, figure.high, figure.frame)


def test_a_displaced_population_is_framed_by_event_thing_and_country() -> None:
    fig = _one(
        "An estimated 1.2 million Sudanese have fled their country since 2023, the agency said.",
        "1.2 million",
    )
    assert fig.frame == "displaced|people|SD"
    assert fig.frame_label == "people who left Sudan since 2023"


def test_the_country_fled_is_the_anchor_when_the_noun_names_none() -> None:
    fig = _one("About 400,000 people have fled Haiti this year.", "400,000")
    assert fig.frame == "displaced|people|HT"
    assert fig.low == pytest.approx(360_000)
    assert fig.high == pytest.approx(440_000)


def test_hundreds_of_thousands_is_a_range_not_a_hundred() -> None:
    fig = _one("The exodus of hundreds of thousands of Haitians continues.", "hundreds")
    assert fig.text == "hundreds of thousands of Haitians"
    assert fig.value is None
    assert (fig.low, fig.high) == (200_000, 999_999)
    assert fig.frame == "displaced|people|HT"


def test_figures_about_the_same_frame_that_disagree_conflict() -> None:
    a = _one("About 400,000 people have fled Haiti this year.", "400,000")
    b = _one("Some 1.5 million Haitians have left the country.", "1.5 million")
    assert conflicting(_frame(a), _frame(b))


def test_more_than_and_a_close_figure_do_not_conflict() -> None:
    a = _one("More than 3 million Syrians have fled their country.", "3 million")
    b = _one("About 3.2 million Syrians have left their country.", "3.2 million")
    assert not conflicting(_frame(a), _frame(b))


def test_the_same_people_under_another_event_are_another_frame() -> None:
    fled = _one("About 400,000 Haitians have fled the country.", "400,000")
    sanctioned = _one("The bloc sanctions 12 Haitians accused of abuses.", "12")
    assert sanctioned.frame == "sanctioned|people|HT"
    assert not conflicting(_frame(fled), _frame(sanctioned))


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        ("The talks lasted four years without result.", "four years", "duration"),
        ("The general, 64, ruled for six years.", "six years", "duration"),
        ("Turnout fell to 40 percent in the north.", "40 percent", "percent"),
        ("The fund pledged $400 million in aid.", "$400 million", "money"),
        ("People cross at a rate of 3,000 to 5,000 a day.", "3,000", "rate"),
        ("The 15-member council met on Monday.", "15-member", "size"),
    ],
)
def test_durations_percentages_money_rates_and_sizes_are_never_counts(
    text: str, surface: str, kind: str
) -> None:
    fig = _one(text, surface)
    assert fig.kind == kind
    assert fig.frame == ""


def test_durations_never_conflict_with_each_other() -> None:
    a = _one("The talks lasted four years without result.", "four years")
    b = _one("The talks lasted six years without result.", "six years")
    assert not conflicting(_frame(a), _frame(b))


def test_recognition_counts_are_framed_by_the_person_recognised() -> None:
    fig = _one(
        "Opposition leader Amara Diallo said about 50 countries recognised Diallo as leader.",
        "50",
    )
    assert fig.frame == "recognized|countries|amara diallo"


def test_a_sentence_without_an_event_gets_no_frame() -> None:
    fig = _one("Some 2,000 Haitians live in the capital's northern districts.", "2,000")
    assert fig.frame == ""


def test_a_linking_verb_does_not_join_the_counted_noun() -> None:
    fig = _one("The number of 40,000 Eritrean refugees is an underestimate.", "40,000")
    assert fig.text == "40,000 Eritrean refugees"
