"""``article_import`` on text no database could store: a clean failure, on every database."""

from __future__ import annotations

import pytest

from kb.articles.models import Article
from kb.ingest.services import article_import


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("A title\n\nSome\x00text", "text contains NUL characters (binary data?)"),
        ("A title\n\nSome \ud800 text", "text contains unpaired surrogate characters"),
    ],
)
def test_unstorable_text_fails_without_writing(text: str, reason: str) -> None:
    outcome = article_import(text, original_name="x.txt")
    assert (outcome.status, outcome.error) == ("failed", reason)
    assert not Article.objects.exists()
