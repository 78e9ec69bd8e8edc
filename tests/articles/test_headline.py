"""An untitled article's title: its first sentence, cut at a word, with an ellipsis."""

from __future__ import annotations

import pytest

from kb.articles.models import TITLE_CHARS, headline_from


@pytest.mark.parametrize(
    ("body", "title"),
    [
        (
            "Canadian Prime Minister Anna Berg on Friday urged the Ruritanian President "
            "to step down. She said more.",
            "Canadian Prime Minister Anna Berg on Friday urged the Ruritanian President to…",
        ),
        ("The talks resumed. Both sides came.", "The talks resumed."),
        ("A line of its own\nand the rest", "A line of its own"),
        (
            "The group met to refocus, after months, on the crisis in the region and its "
            "many refugees",
            "The group met to refocus, after months, on the crisis in the region and its…",
        ),
    ],
)
def test_a_title_from_the_body_ends_at_a_word(body: str, title: str) -> None:
    made = headline_from(body)
    assert made == title
    assert len(made) <= TITLE_CHARS + 1
    if made.endswith("…"):
        assert body.startswith(made[:-1])
        assert body[len(made) - 1] == " "  # the cut falls between words
