"""The API over the five seed articles, imported as the command imports them."""

from __future__ import annotations

import re

import pytest

from kb.articles.models import Article

pytestmark = pytest.mark.django_db


def test_every_imported_article_is_listed_and_reachable(client, imported_seeds):
    rows = client.get("/api/articles/").json()["results"]
    assert {row["slug"] for row in rows} == set(Article.objects.values_list("slug", flat=True))
    for row in rows:
        # The schema's path pattern must admit every slug the importer makes.
        assert re.fullmatch(r"[-a-zA-Z0-9_]+", row["slug"]), row["slug"]
        detail = client.get(row["url"])
        assert detail.status_code == 200
        assert detail.json()["body"]
        for link in ("mentions", "claims"):
            assert client.get(row[link]).status_code == 200


@pytest.mark.parametrize(
    "url", ["/api/actors/", "/api/countries/", "/api/claims/", "/api/mentions/", "/api/roles/"]
)
def test_lists_and_their_rows_resolve(client, imported_seeds, url):
    page = client.get(url, {"page_size": 20}).json()
    for row in page["results"]:
        assert client.get(row["url"]).status_code == 200
