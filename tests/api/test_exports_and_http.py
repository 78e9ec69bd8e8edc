"""Query budgets, CSV export, conditional GET and throttling."""

from __future__ import annotations

import csv
import datetime as dt
import io
import string

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from rest_framework.settings import api_settings

from kb.articles.models import Mention, Source
from kb.claims.models import Claim, Role, Stance
from kb.entities.models import Actor, Country

from .conftest import make_actor, make_article

pytestmark = pytest.mark.django_db


def grow(kb, n: int) -> None:
    """n more rows of every kind, each with its own related rows to tempt N+1."""
    taken = set(Country.objects.values_list("code", flat=True))
    free_codes = (
        a + b for a in string.ascii_uppercase for b in string.ascii_uppercase if a + b not in taken
    )
    for i in range(n):
        article = make_article(100 + i, source=kb.cbc, published=dt.date(2020, 1, 1))
        article.tags.add(f"tag{i}")
        actor = make_actor(f"Person {i}", country=kb.ve)
        actor.tags.add(f"tag{i}")
        claim = Claim.objects.create(
            article=article, start=0, end=5, kind=Claim.Kind.QUOTE, text=f"Quote {i}", speaker=actor
        )
        claim.subjects.add(actor)
        claim.countries.add(kb.ve)
        claim.tags.add(f"tag{i}")
        Mention.objects.create(article=article, start=0, end=5, surface="x", actor=actor)
        stance = Stance.objects.create(
            subject_actor=actor,
            relation=Stance.Relation.SUPPORTS,
            object_country=kb.ve,
            article=article,
        )
        stance.evidence.add(claim)
        Role.objects.create(
            actor=actor, title="Minister", organization=kb.assembly, article=article
        )
        Source.objects.create(name=f"Source {i}", slug=f"source-{i}")
        Country.objects.create(code=next(free_codes), name=f"Land {i}")


ENDPOINTS = [
    "/api/articles/",
    "/api/actors/",
    "/api/countries/",
    "/api/claims/",
    "/api/mentions/",
    "/api/stances/",
    "/api/roles/",
    "/api/sources/",
]


def count_queries(client, url: str, **params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200, response.content
    if params.get("format") == "csv":
        b"".join(response.streaming_content)  # the rows are read while streaming
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ENDPOINTS)
def test_list_costs_the_same_for_one_row_and_fifty(client, kb, url):
    Country.objects.exclude(code__in=["VE", "US"]).delete()  # reference data, if loaded
    assert len(client.get(url).json()["results"]) <= 3
    small = count_queries(client, url, page_size=50)
    grow(kb, 50)
    assert len(client.get(url, {"page_size": 50}).json()["results"]) == 50
    large = count_queries(client, url, page_size=50)
    assert large == small, f"{url}: {small} queries for a few rows, {large} for fifty"


def test_claim_list_budget(client, kb):
    grow(kb, 10)
    # 1 count, 1 Max(updated_at) for Last-Modified, 1 claims joined with article and
    # speaker, then one prefetch each for tags, subjects and countries.
    with CaptureQueriesContext(connection) as ctx:
        client.get("/api/claims/")
    assert len(ctx.captured_queries) == 6, "\n".join(q["sql"] for q in ctx.captured_queries)


@pytest.mark.parametrize("url", ["/api/articles/", "/api/claims/", "/api/actors/"])
def test_csv_costs_the_same_for_one_row_and_fifty(client, kb, url):
    small = count_queries(client, url, format="csv")
    grow(kb, 50)
    assert count_queries(client, url, format="csv") == small


def read_csv(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_holds_every_filtered_row_not_one_page(client, kb):
    grow(kb, 60)  # more than a page (50)
    rows = read_csv(client.get("/api/claims/", {"format": "csv"}))
    assert len(rows) == Claim.objects.public().count() == 62
    assert client.get("/api/claims/").json()["count"] == 62
    assert len(client.get("/api/claims/").json()["results"]) == 50


def test_csv_honours_filters_and_flattens_links(client, kb):
    rows = read_csv(client.get("/api/claims/", {"format": "csv", "speaker": "juan-guaido"}))
    assert [row["id"] for row in rows] == [str(kb.quote.pk)]
    row = rows[0]
    assert row["speaker"] == f"http://testserver/api/actors/{kb.guaido.slug}/"
    assert row["countries"] == "http://testserver/api/countries/VE/"
    assert row["tags"] == "elections"
    assert row["value"] == ""  # None is an empty cell


def test_csv_of_articles_with_filters(client, kb):
    rows = read_csv(client.get("/api/articles/?format=csv&published_after=2020-01-01"))
    assert [row["slug"] for row in rows] == [kb.new.slug]
    assert rows[0]["source"].endswith("/api/sources/bbc/")
    assert "body" not in rows[0]
    assert (
        'filename="articles.csv"' in client.get("/api/articles/?format=csv")["Content-Disposition"]
    )


def test_csv_list_cells_join_with_a_separator(client, kb):
    kb.quote.countries.add(kb.us)
    rows = read_csv(client.get("/api/claims/", {"format": "csv", "kind": "quote"}))
    assert sorted(rows[0]["countries"].split(" | ")) == [
        "http://testserver/api/countries/US/",
        "http://testserver/api/countries/VE/",
    ]


def test_csv_detail_and_errors_render_too(client, kb):
    detail = client.get(f"/api/actors/{kb.guaido.slug}/", {"format": "csv"})
    assert detail.status_code == 200
    lines = detail.content.decode().splitlines()
    assert lines[0].startswith("url,html_url,slug,name")
    assert "Juan Guaidó" in lines[1]
    error = client.get("/api/articles/", {"format": "csv", "published_after": "nope"})
    assert error.status_code == 400
    assert error.content.decode().splitlines()[0] == "published_after"


@pytest.mark.parametrize("url", ["/api/claims/", "/api/articles/{slug}/", "/api/countries/"])
def test_etag_gives_304_until_something_changes(client, kb, url):
    url = url.format(slug=kb.old.slug)
    first = client.get(url)
    etag = first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    kb.old.title = "A new headline"
    kb.old.save()
    kb.quote.text = "We shall win."
    kb.quote.save()
    kb.ve.name = "Bolivarian Republic of Venezuela"
    kb.ve.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_etag_differs_between_json_and_csv(client, kb):
    assert client.get("/api/claims/")["ETag"] != client.get("/api/claims/?format=csv&page=1").get(
        "ETag"
    )


def test_last_modified_gives_304_to_if_modified_since(client, kb):
    first = client.get(f"/api/actors/{kb.guaido.slug}/")
    last_modified = first["Last-Modified"]
    assert (
        client.get(
            f"/api/actors/{kb.guaido.slug}/", HTTP_IF_MODIFIED_SINCE=last_modified
        ).status_code
        == 304
    )
    listed = client.get("/api/actors/")
    assert (
        client.get("/api/actors/", HTTP_IF_MODIFIED_SINCE=listed["Last-Modified"]).status_code
        == 304
    )
    assert (
        client.get(
            "/api/actors/", HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT"
        ).status_code
        == 200
    )


def test_list_last_modified_is_the_newest_change(client, kb):
    Actor.objects.filter(pk=kb.maduro.pk).update(
        updated_at=dt.datetime(2030, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
    )
    assert client.get("/api/actors/")["Last-Modified"] == "Mon, 06 May 2030 07:08:09 GMT"


def test_a_claim_leaving_the_public_list_changes_last_modified(client, kb):
    Claim.objects.update(updated_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    before = client.get("/api/claims/")["Last-Modified"]
    kb.quote.status = Claim.Status.DEPRECATED
    kb.quote.save()
    response = client.get("/api/claims/", HTTP_IF_MODIFIED_SINCE=before)
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [kb.figure.pk]


def test_if_modified_since_alone_is_answered_without_reading_rows(client, kb):
    last_modified = client.get("/api/claims/")["Last-Modified"]
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/api/claims/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 304
    assert response["Last-Modified"] == last_modified
    # 1 query: Max(updated_at); no count, no rows.
    assert len(ctx.captured_queries) == 1


def test_if_none_match_wins_over_if_modified_since(client, kb):
    first = client.get("/api/claims/")
    response = client.get(
        "/api/claims/",
        HTTP_IF_MODIFIED_SINCE=first["Last-Modified"],
        HTTP_IF_NONE_MATCH='"not-the-etag"',
    )
    assert response.status_code == 200


def test_anonymous_clients_are_throttled(client, kb):
    rest = {**api_settings.user_settings, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}
    # override_settings makes DRF reload api_settings; the API's throttle reads the
    # rate per request, so the low rate applies without re-importing anything.
    with override_settings(REST_FRAMEWORK=rest):
        codes = [client.get("/api/countries/").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        blocked = client.get("/api/claims/")
        assert blocked.status_code == 429
        assert int(blocked["Retry-After"]) > 0
        assert "throttled" in blocked.json()["detail"].lower()
    assert client.get("/api/countries/").status_code == 200  # default rate again
