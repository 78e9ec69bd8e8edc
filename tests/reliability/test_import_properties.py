"""Property tests on the import service: whatever the text, the importer keeps its promises.

For any text, ``article_import``:
- never raises: it returns ``new`` or ``failed`` with a one-line reason;
- writes only valid spans: every mention's surface is ``body[start:end]``,
  every claim lies inside the body, and every offset run maps body text back
  to identical raw text;
- is idempotent: a second import, under the same or another name, is
  ``unchanged`` and writes nothing.

Each example runs in a savepoint that is rolled back, so examples never see
each other's rows.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.articles.models import Article, Mention
from kb.claims.models import Claim
from kb.ingest.services import article_import

NAMES = [
    "Nicolás Maduro",
    "Nicolas Maduro",
    "Juan Guaidó",
    "Guaido",
    "Mr Maduro",
    "the Lima Group",
    "Venezuela",
    "Colombia",
    "the United States",
    "U.S.",
    "Russia",
    "Hugo Chávez",
    "the National Assembly",
]
PIECES = [
    *NAMES,
    " said ",
    ' "We will not give up," ',
    " recognised ",
    " condemned ",
    " supports ",
    " 4.5 million Venezuelans have left ",
    " $2bn ",
    "Image copyright Getty Images",
    "Leave a Reply",
    "\n\n",
    "\n",
    ". ",
    "“",
    "”",
    "By Jane Doe, BBC News\n",
    "12 March 2019\n",
    "\t",
    "\u00a0",
    "\u200b",
    "e\u0301",  # a decomposed é
]

article_like = st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=40).map("".join)
any_text = st.text(max_size=400) | article_like

PROPERTY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def check_spans(article: Article) -> None:
    body, raw = article.body, article.raw_text
    for start, end, surface in Mention.objects.filter(article=article).values_list(
        "start", "end", "surface"
    ):
        assert 0 <= start < end <= len(body)
        assert body[start:end][:300] == surface
    for start, end in Claim.objects.filter(article=article).values_list("start", "end"):
        assert 0 <= start < end <= len(body)
    for body_start, raw_start, length in article.offsets:
        assert body[body_start : body_start + length] == raw[raw_start : raw_start + length]


@pytest.mark.django_db
@PROPERTY_SETTINGS
@given(text=any_text)
def test_import_never_raises_and_writes_valid_spans(text: str) -> None:
    with transaction.atomic():
        outcome = article_import(text, original_name="prop.txt")
        assert outcome.status in {"new", "failed"}
        if outcome.status == "failed":
            assert outcome.error and "\n" not in outcome.error
            assert not Article.objects.exists()
        else:
            assert outcome.article is not None
            article = Article.objects.get(pk=outcome.article.pk)
            assert article.raw_text == text
            check_spans(article)

            before = (Mention.objects.count(), Claim.objects.count())
            again = article_import(text, original_name="prop.txt")
            other = article_import(text, original_name="another name.txt")
            assert (again.status, other.status) == ("unchanged", "unchanged")
            assert again.article.pk == other.article.pk == article.pk
            assert Article.objects.count() == 1
            assert (Mention.objects.count(), Claim.objects.count()) == before
        transaction.set_rollback(True)


@pytest.mark.django_db
@PROPERTY_SETTINGS
@given(first=article_like, second=article_like)
def test_reimport_under_same_name_updates_in_place(first: str, second: str) -> None:
    with transaction.atomic():
        one = article_import(first, original_name="same.txt")
        two = article_import(second, original_name="same.txt")
        if one.status == "new" and two.status != "failed":
            expected = "unchanged" if first == second else "updated"
            assert two.status == expected
            assert Article.objects.count() == 1
            check_spans(Article.objects.get())
        transaction.set_rollback(True)
