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


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text", ["the United States", "Nicolás Maduro", "U.S. and the United States"]
)
def test_only_spans_inside_the_body_are_stored(text: str) -> None:
    """Found by hypothesis: the pipeline gave 'the United States' a mention ending at 56."""
    from kb.articles.models import Mention
    from kb.claims.models import Claim

    outcome = article_import(text, original_name="short.txt")
    assert outcome.status == "new"
    body = outcome.article.body
    for start, end, surface in Mention.objects.values_list("start", "end", "surface"):
        assert 0 <= start < end <= len(body)
        assert body[start:end] == surface
    for start, end in Claim.objects.values_list("start", "end"):
        assert 0 <= start < end <= len(body)
