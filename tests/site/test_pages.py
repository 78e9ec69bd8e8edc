"""The readers' pages through the test client: content, links, hiding rules."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from kb.articles.models import Mention
from kb.claims.models import Claim
from tests.site.conftest import BODY

pytestmark = pytest.mark.django_db


def jsonld_of(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert blocks, "every page carries JSON-LD"
    return [json.loads(b) for b in blocks]


def h1_of(html: str) -> str:
    match = re.search(r"<h1>(.*?)</h1>", html, re.S)
    assert match, "every page has an h1"
    return match.group(1)


def test_home_counts_latest_actors_claims_and_graph(client, world):
    world.guaido.mention_count = 3
    world.guaido.save()
    html = client.get("/").content.decode()
    assert "<title>Home" in html and "<main" in html and "<nav" in html and "<footer" in html
    assert re.search(r"<strong>1</strong> articles", html)
    # Deprecated claims are not counted: the quote and the disputed one remain.
    assert re.search(r"<strong>2</strong> claims", html)
    assert world.article.get_absolute_url() in html
    assert world.guaido.get_absolute_url() in html
    assert world.quote.get_absolute_url() in html  # verified
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and '<table class="stances">' in html
    assert "Juan Guaido Duplicate" not in html  # merged actors never show
    assert jsonld_of(html)[0]["@type"] == "WebSite"


def test_article_links_every_accepted_mention_inline(client, world):
    html = client.get(world.article.get_absolute_url()).content.decode()
    assert h1_of(html) == "Guaidó challenges Maduro"
    body = html[html.index('<div class="body">') : html.index("</div>", html.index('class="body"'))]
    accepted = Mention.objects.accepted().filter(article=world.article)
    for mention in accepted:
        assert f'href="{mention.target.get_absolute_url()}"' in body
    maduro_links = body.count(f'href="{world.maduro.get_absolute_url()}"')
    assert maduro_links == accepted.filter(actor=world.maduro).count() == 1  # rejected: not linked
    assert f'id="span-{world.quote.start}-{world.quote.end}"' in body
    assert f'href="{world.quote.get_absolute_url()}"' in body
    assert "<figure><figcaption>Photo: " in body
    assert "<h2>" not in body  # the leading heading repeats the title, shown as the h1
    assert "Deprecatedclaimtext" not in html
    assert reverse("site:article_raw", args=[world.article.slug]) in html
    assert "Test Wire" in html and "elections" in html
    ld = jsonld_of(html)[0]
    assert ld["@type"] == "NewsArticle" and ld["datePublished"] == "2019-01-23"
    assert {m["name"] for m in ld["mentions"]} == {"Juan Guaidó", "Nicolás Maduro"}


def test_raw_text_is_served_verbatim_as_plain_text(client, world):
    response = client.get(reverse("site:article_raw", args=[world.article.slug]))
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == "RAW " + BODY


def test_actor_page(client, world):
    html = client.get(world.guaido.get_absolute_url()).content.decode()
    assert h1_of(html) == "Juan Guaidó"
    assert "Guaido" in html and "Rejectedname" not in html
    assert "President of the National Assembly" in html
    assert world.ve.get_absolute_url() in html
    assert world.quote.get_absolute_url() in html  # claims made
    assert "<mark>Juan Guaidó</mark>" in html or "<mark>Guaidó</mark>" in html  # snippet
    assert world.maduro.get_absolute_url() in html  # co-mentioned, and in the stance
    assert "opposes" in html and 'class="graph"' in html and 'class="timeline"' in html
    ld = jsonld_of(html)[0]
    assert ld["@type"] == "Person" and "Guaido" in ld["alternateName"]


def test_merged_actor_redirects_to_survivor(client, world):
    response = client.get(world.merged.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == world.guaido.get_absolute_url()


def test_country_page(client, world):
    html = client.get("/countries/ru/").content.decode()
    assert h1_of(html) == world.ru.name
    assert "supports" in html and world.maduro.get_absolute_url() in html
    assert world.quote.get_absolute_url() in html  # the stance's evidence
    assert "2019" in html
    assert jsonld_of(html)[0]["@type"] == "Country"
    ve = client.get("/countries/ve/").content.decode()
    assert world.guaido.get_absolute_url() in ve
    assert "recognizes" not in ve  # the rejected stance
    assert client.get("/countries/VE/").status_code == 301
    assert client.get("/countries/zz/").status_code == 404


def test_claim_page(client, world):
    html = client.get(world.quote.get_absolute_url()).content.decode()
    assert "Juan Guaidó" in h1_of(html)
    link = f"{world.article.get_absolute_url()}#span-{world.quote.start}-{world.quote.end}"
    assert f'href="{link}"' in html
    assert "<mark>We will not stop until Venezuela is free</mark>" in html
    assert "told reporters in Caracas" in html  # the surrounding paragraph
    assert 'class="side-by-side"' in html and "Maduro rejected the demand" in html
    ld = jsonld_of(html)[0]
    assert ld["@type"] == "ClaimReview" and ld["itemReviewed"]["@type"] == "Claim"
    plain = client.get(Claim.objects.get(text="Maduro rejected the demand").get_absolute_url())
    assert jsonld_of(plain.content.decode())[0]["@type"] == "ClaimReview"  # disputed
    assert client.get(world.deprecated.get_absolute_url()).status_code == 404


def test_tag_page(client, world):
    html = client.get("/tags/elections/").content.decode()
    assert "elections" in h1_of(html)
    assert world.article.get_absolute_url() in html and world.quote.get_absolute_url() in html
    assert client.get("/tags/no-such-tag/").status_code == 404


@pytest.mark.parametrize(
    ("url", "present", "absent"),
    [
        ("/articles/?actor=juan-guaido", "article", None),
        ("/articles/?actor=nicolas-maduro&published_after=2020-01-01", None, "article"),
        ("/articles/?tag=elections&source=test-wire", "article", None),
        ("/articles/?country=RU", "article", None),
        ("/actors/?kind=organization", None, "guaido"),
        ("/actors/?country=VE&tag=opposition", "guaido", "maduro"),
        ("/claims/?status=disputed", "contradiction", "quote"),
        ("/claims/?speaker=juan-guaido&country=VE", "quote", "contradiction"),
        ("/claims/?tag=elections&kind=quote&date_after=2019-01-01", "quote", "contradiction"),
    ],
)
def test_list_filters(client, world, url, present, absent):
    html = client.get(url).content.decode()
    objects = {
        "article": world.article,
        "guaido": world.guaido,
        "maduro": world.maduro,
        "quote": world.quote,
        "contradiction": world.contradiction,
    }
    main = html[html.index("<table") :]
    if present:
        assert objects[present].get_absolute_url() in main
    if absent:
        assert f'href="{objects[absent].get_absolute_url()}"' not in main


def test_lists_hide_deprecated_merged_and_paginate(client, world):
    world.grow(30)
    claims = client.get("/claims/").content.decode()
    assert "Deprecatedclaimtext" not in claims
    assert "Page 1 of 2" in claims
    second = client.get("/claims/?page=2").content.decode()
    assert "Page 2 of 2" in second
    actors = client.get("/actors/?o=-mentions").content.decode()
    assert "Juan Guaido Duplicate" not in actors
    ordered = client.get("/articles/?o=title").content.decode()
    titles = re.findall(r'<td><a href="/articles/[^"]+/">([^<]+)</a>', ordered)
    assert titles == sorted(titles)


ODD = ["", "0", "-1", "999999", "abc", "%00", "' OR 1=1 --", '"*(', "NEAR(", "\u202e", "x" * 500]


@pytest.mark.parametrize("value", ODD)
@pytest.mark.parametrize(
    "path",
    ["/articles/", "/actors/", "/countries/", "/claims/", "/search/"],
)
def test_odd_query_parameters_never_500(client, world, path, value):
    params = {
        key: value
        for key in (
            "q",
            "page",
            "o",
            "kind",
            "status",
            "source",
            "actor",
            "country",
            "tag",
            "speaker",
            "published_after",
            "published_before",
            "date_after",
            "date_before",
        )
    }
    response = client.get(path, params)
    assert response.status_code == 200


def test_feeds_and_sitemap(client, world):
    for url in ("/feeds/articles/", "/feeds/claims/"):
        rss = ET.fromstring(client.get(url).content)
        assert rss.tag == "rss" and rss.findall("./channel/item")
    atom = ET.fromstring(client.get("/feeds/claims/atom/").content)
    entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") for e in entries]
    assert any("We will not stop" in t for t in titles)
    assert not any("Deprecatedclaimtext" in t for t in titles)
    ET.fromstring(client.get("/feeds/articles/atom/").content)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert world.article.get_absolute_url() in sitemap and "/countries/ve/" in sitemap
    assert world.deprecated.get_absolute_url() + "<" not in sitemap
    assert world.merged.get_absolute_url() not in sitemap
