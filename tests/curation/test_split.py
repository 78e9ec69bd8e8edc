"""Split an article (kb.curation.split): spans move with the tail, the raw text stays whole."""

from __future__ import annotations

import datetime as dt

import pytest

from kb.articles.models import Article, Mention
from kb.claims.models import Claim
from kb.curation.base import WorkflowError
from kb.curation.split import article_split

pytestmark = pytest.mark.django_db


def test_split_moves_spans_and_keeps_raw_text(world):
    one = world.one
    one.tags.add("two pieces")
    raw, digest, body = one.raw_text, one.content_hash, one.body
    p = body.index("Juan Guaido said")
    new = article_split(one, p, title="Second part", published=dt.date(2022, 1, 1))

    one.refresh_from_db()
    assert one.raw_text == raw and one.content_hash == digest
    assert one.body == body[:p]
    assert new.split_from == one and new.split_offset == p and one.split_offset == 0
    assert new.content_hash != digest
    assert list(new.tags.names()) == ["two pieces"]
    assert new.body == body[p:]
    assert new.raw_text == raw[raw.index("Juan Guaido said") :]
    for article in (one, new):
        for m in article.mentions.all():
            assert article.body[m.start : m.end] == m.surface
        for c in article.claims.all():
            assert article.body[c.start : c.end] == c.text
        for body_start, raw_start, length in article.offsets:
            assert (
                article.body[body_start : body_start + length]
                == article.raw_text[raw_start : raw_start + length]
            )
    assert set(new.mentions.values_list("surface", flat=True)) == {"Juan Guaido", "Venezuela"}
    assert set(one.mentions.values_list("surface", flat=True)) == {
        "Juan Guaidó",
        "Lima Group",
        "Lima",
    }
    world.stance.refresh_from_db()
    assert world.stance.article == new  # it follows its evidence, the quote


def test_split_refuses_a_position_inside_a_span(world):
    p = world.one.body.index("Guaidó met")  # inside the mention "Juan Guaidó"
    with pytest.raises(WorkflowError, match="falls inside"):
        article_split(world.one, p)
    with pytest.raises(WorkflowError):
        article_split(world.one, 0)
    assert Article.objects.count() == 2


def test_split_seed_003_into_its_2016_and_2022_pieces(imported_seeds, seeds_dir):
    from kb.ingest.services import article_import

    path = next(seeds_dir.glob("003_*.txt"))
    article = next(a for a in imported_seeds if a.original_name == path.name)
    body = article.body
    # The 2022 piece starts with a photo caption (gold: lines 41-123).
    position = body.find("American and Venezuelan flags are seen")
    assert position > len(body) // 4
    mentions_before = Mention.objects.filter(article=article).count()
    claims_before = Claim.objects.filter(article=article).count()

    new = article_split(article, position, published=dt.date(2022, 3, 1))

    article.refresh_from_db()
    assert article.raw_text == path.read_text("utf-8")
    assert article.body + new.body == body
    assert "Slow-motion Coup" in article.body and "Slow-motion Coup" not in new.body
    assert Mention.objects.filter(article__in=[article, new]).count() == mentions_before
    assert Claim.objects.filter(article__in=[article, new]).count() == claims_before
    for part in (article, new):
        for m in part.mentions.all():
            assert part.body[m.start : m.end] == m.surface
        for c in part.claims.all():
            assert c.end <= len(part.body)
    # Re-importing the file finds it unchanged: the original keeps the file's hash.
    again = article_import(path.read_text("utf-8"), original_name=path.name)
    assert again.status == "unchanged" and again.article == article
