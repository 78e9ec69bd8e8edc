"""The API shows what the public site shows, linked together, filtered like the site."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kb import paging
from kb.entities.models import Country

pytestmark = pytest.mark.django_db


def results(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def slugs(rows, key="url"):
    return {row[key].rstrip("/").rsplit("/", 1)[-1] for row in rows}


def test_root_lists_every_resource(client, kb):
    body = client.get("/api/").json()
    for name in ("articles", "actors", "countries", "claims", "mentions", "stances", "roles"):
        assert body[name].endswith(f"/api/{name}/")


def test_deprecated_claims_are_not_public(client, kb):
    ids = {row["id"] for row in results(client, "/api/claims/")}
    assert ids == {kb.quote.pk, kb.figure.pk}
    assert client.get(f"/api/claims/{kb.deprecated.pk}/").status_code == 404
    assert client.get(f"/api/claims/{kb.quote.pk}/").status_code == 200


def test_rejected_and_unresolved_mentions_are_not_public(client, kb):
    rows = results(client, "/api/mentions/")
    assert {row["id"] for row in rows} == {
        m.pk for m in kb.old.mentions.all() | kb.new.mentions.filter(country__isnull=False)
    }
    assert kb.rejected_mention.pk not in {row["id"] for row in rows}
    assert client.get(f"/api/mentions/{kb.rejected_mention.pk}/").status_code == 404


def test_merged_actors_are_not_public(client, kb):
    assert slugs(results(client, "/api/actors/")) == {
        kb.guaido.slug,
        kb.maduro.slug,
        kb.assembly.slug,
    }
    assert client.get(f"/api/actors/{kb.merged.slug}/").status_code == 404


def test_rejected_stances_and_roles_are_not_public(client, kb):
    assert {row["id"] for row in results(client, "/api/stances/")} == {kb.stance.pk}
    assert {row["id"] for row in results(client, "/api/roles/")} == {kb.role.pk}
    assert client.get(f"/api/stances/{kb.rejected_stance.pk}/").status_code == 404
    assert client.get(f"/api/roles/{kb.rejected_role.pk}/").status_code == 404


def test_stance_evidence_links_only_public_claims(client, kb):
    stance = client.get(f"/api/stances/{kb.stance.pk}/").json()
    assert stance["evidence"] == [f"http://testserver/api/claims/{kb.quote.pk}/"]
    assert stance["subject_country"] == "http://testserver/api/countries/US/"
    assert stance["object_actor"] == f"http://testserver/api/actors/{kb.guaido.slug}/"


def test_article_links_to_source_mentions_claims_and_page(client, kb):
    article = client.get(f"/api/articles/{kb.old.slug}/").json()
    assert article["html_url"] == f"http://testserver{kb.old.get_absolute_url()}"
    assert article["body"] == kb.old.body
    source = client.get(article["source"]).json()
    assert source["name"] == "CBC News"
    mentions = client.get(article["mentions"]).json()["results"]
    assert {m["surface"] for m in mentions} == {"Juan Guaidó", "Venezuela"}
    claims = client.get(article["claims"]).json()["results"]
    assert [c["id"] for c in claims] == [kb.quote.pk]


def test_claim_links_to_speaker_article_subjects_and_countries(client, kb):
    claim = client.get(f"/api/claims/{kb.quote.pk}/").json()
    assert claim["html_url"] == f"http://testserver{kb.quote.get_absolute_url()}"
    assert client.get(claim["speaker"]).json()["name"] == "Juan Guaidó"
    assert client.get(claim["article"]).json()["slug"] == kb.old.slug
    assert [client.get(u).json()["name"] for u in claim["subjects"]] == ["Nicolás Maduro"]
    assert [client.get(u).json()["code"] for u in claim["countries"]] == ["VE"]
    assert claim["tags"] == ["elections"]


def test_actor_shows_accepted_aliases_and_links_its_claims(client, kb):
    actor = client.get(f"/api/actors/{kb.guaido.slug}/").json()
    assert actor["aliases"] == ["Guaido", "Juan Guaidó"]  # not the rejected "The Usurper"
    assert actor["country"] == "http://testserver/api/countries/VE/"
    assert actor["tags"] == ["opposition"]
    assert [c["id"] for c in client.get(actor["claims"]).json()["results"]] == [kb.quote.pk]
    assert [r["id"] for r in client.get(actor["roles"]).json()["results"]] == [kb.role.pk]
    assert slugs(client.get(actor["articles"]).json()["results"]) == {kb.old.slug}


def test_country_by_code_in_either_case(client, kb):
    assert client.get("/api/countries/ve/").json()["name"] == "Venezuela"
    country = client.get("/api/countries/VE/").json()
    assert country["html_url"] == "http://testserver/countries/ve/"
    assert slugs(client.get(country["actors"]).json()["results"]) == {
        kb.guaido.slug,
        kb.maduro.slug,
        kb.assembly.slug,
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"source": "cbc-news"}, {"article-1"}),
        ({"published_after": "2020-01-01"}, {"article-2"}),
        ({"published_before": "2020-01-01"}, {"article-1"}),
        ({"actor": "juan-guaido"}, {"article-1"}),  # the mention in article 2 is rejected
        ({"country": "ve"}, {"article-1", "article-2"}),
        ({"tag": "sanctions"}, {"article-2"}),
        ({"source": "nobody"}, set()),
    ],
)
def test_article_filters(client, kb, params, expected):
    assert slugs(results(client, "/api/articles/", **params)) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "organization"}, {"national-assembly"}),
        ({"country": "VE", "kind": "person"}, {"juan-guaido", "nicolas-maduro"}),
        ({"tag": "opposition"}, {"juan-guaido"}),
        ({"country": "US"}, set()),
    ],
)
def test_actor_filters(client, kb, params, expected):
    assert slugs(results(client, "/api/actors/", **params)) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "figure"}, {"figure"}),
        ({"status": "verified"}, {"figure"}),
        ({"speaker": "juan-guaido"}, {"quote"}),
        ({"speaker": "nicolas-maduro"}, set()),  # his only claim is deprecated
        ({"subject": "nicolas-maduro"}, {"quote"}),
        ({"country": "ve"}, {"quote"}),
        ({"tag": "elections"}, {"quote"}),
        ({"date": "2022-12-30"}, {"figure"}),
        ({"date_after": "2020-01-01"}, {"figure"}),
        ({"date_before": "2020-01-01"}, {"quote"}),
        ({"article": "article-2"}, {"figure"}),
    ],
)
def test_claim_filters(client, kb, params, expected):
    names = {kb.quote.pk: "quote", kb.figure.pk: "figure"}
    assert {names[row["id"]] for row in results(client, "/api/claims/", **params)} == expected


def test_stance_and_role_held_on_a_day(client, kb):
    assert [r["id"] for r in results(client, "/api/stances/", valid_on="2020-06-01")] == [
        kb.stance.pk
    ]
    assert results(client, "/api/stances/", valid_on="2023-06-01") == []
    assert [r["id"] for r in results(client, "/api/roles/", valid_on="2020-06-01")] == [kb.role.pk]
    assert results(client, "/api/roles/", valid_on="2018-06-01") == []


def test_a_filter_value_it_cannot_read_is_a_400(client, kb):
    response = client.get("/api/articles/", {"published_after": "not a date"})
    assert response.status_code == 400
    assert "published_after" in response.json()


@pytest.mark.parametrize("term", ["Guaido", "guaidó", "GUAIDO", "Juan Guaido"])
def test_actor_search_ignores_accents_and_case(client, kb, term):
    assert slugs(results(client, "/api/actors/", search=term)) == {kb.guaido.slug}


def test_search_through_a_rejected_alias_finds_nothing(client, kb):
    assert results(client, "/api/actors/", search="Usurper") == []


def test_search_on_claims_articles_and_countries(client, kb):
    assert [c["id"] for c in results(client, "/api/claims/", search="Guaido")] == [kb.quote.pk]
    assert [c["id"] for c in results(client, "/api/claims/", search="million")] == [kb.figure.pk]
    assert slugs(results(client, "/api/articles/", search="guaido")) == {kb.old.slug}
    assert [c["code"] for c in results(client, "/api/countries/", search="venezuelan")] == ["VE"]
    assert "US" in {c["code"] for c in results(client, "/api/countries/", search="u.s.")}


def test_ordering(client, kb):
    names = [row["name"] for row in results(client, "/api/actors/", ordering="-name")]
    assert names == ["Nicolás Maduro", "National Assembly", "Juan Guaidó"]
    dates = [row["published"] for row in results(client, "/api/articles/", ordering="published")]
    assert dates == ["2019-01-23", "2022-12-30"]


def test_pagination(client, kb):
    first = client.get("/api/actors/", {"page_size": 2, "ordering": "name"}).json()
    assert first["count"] == 3
    assert [r["name"] for r in first["results"]] == ["Juan Guaidó", "National Assembly"]
    second = client.get(first["next"]).json()
    assert [r["name"] for r in second["results"]] == ["Nicolás Maduro"]
    assert second["next"] is None
    assert client.get("/api/actors/", {"page": 9}).status_code == 404


def test_pages_go_on_past_the_count_limit(client, monkeypatch):
    """Past COUNT_LIMIT rows the count is null, yet ``next`` leads to every row once."""
    monkeypatch.setattr(paging, "COUNT_LIMIT", 60)
    every = list(Country.objects.order_by("code").values_list("code", flat=True))
    assert len(every) > 200  # the reference data: far past the limit
    seen, url, pages = [], "/api/countries/?page_size=50&ordering=code", 0
    while url:
        with CaptureQueriesContext(connection) as queries:
            body = client.get(url).json()
        # 1 bounded count, 1 page of rows (one more row past the limit, to know of a next page).
        assert len(queries) == 2, [q["sql"] for q in queries]
        assert body["count"] is None
        seen += [row["code"] for row in body["results"]]
        url, pages = body["next"], pages + 1
    assert seen == every
    assert pages == -(-len(every) // 50)
    past = client.get("/api/countries/", {"page_size": 50, "page": pages + 1})
    assert past.status_code == 404
    assert client.get("/api/countries/", {"page": "last"}).status_code == 404
    assert client.get("/api/countries/", {"page": 0}).status_code == 404
    monkeypatch.setattr(paging, "COUNT_LIMIT", 10_000)
    assert client.get("/api/countries/").json()["count"] == len(every)
