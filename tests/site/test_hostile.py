"""Hostile text in names, aliases, titles, tags and claims stays text on every page and feed."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from kb.articles.models import Mention
from kb.claims.models import Claim, Stance
from kb.entities.models import Actor, Alias

pytestmark = pytest.mark.django_db

EVIL = '</script><script>alert(1)</script><img src=x onerror="alert(2)">javascript:alert(3)'


@pytest.fixture
def evil(world):
    actor = Actor.objects.create(
        kind=Actor.Kind.ORGANIZATION, name=f"Evil {EVIL}", country=world.ve, description=EVIL
    )
    Alias.objects.create(actor=actor, name=f"Evilalias {EVIL}")
    actor.tags.add(EVIL[:90])
    article = world.article
    article.title = f"Headline {EVIL}"
    article.save()
    article.tags.add(f"evil {EVIL[:80]}")
    Mention.objects.create(article=article, start=0, end=6, surface="Guaidó", actor=actor)
    claim = Claim.objects.create(
        article=article,
        start=0,
        end=10,
        kind=Claim.Kind.STATEMENT,
        text=f"Evilclaim {EVIL}",
        speaker=actor,
        status=Claim.Status.VERIFIED,
    )
    claim.tags.add(EVIL[:90])
    claim.countries.add(world.ve)
    stance = Stance.objects.create(
        subject_actor=actor, relation=Stance.Relation.CONDEMNS, object_actor=world.guaido
    )
    stance.evidence.add(claim)
    return actor, claim


def assert_safe_html(html: str) -> None:
    # Our own scripts are JSON-LD only; nothing else may open a script element.
    scripts = re.findall(r"<script[^>]*>", html)
    assert all(s == '<script type="application/ld+json">' for s in scripts), scripts
    for payload in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        json.loads(payload)
        assert "<" not in payload
    assert "<img" not in html and 'onerror="' not in html
    assert 'href="javascript:' not in html.lower()


def test_every_page_escapes_hostile_text(client, world, evil):
    actor, claim = evil
    tag_slug = actor.tags.first().slug
    urls = [
        "/",
        "/articles/",
        world.article.get_absolute_url(),
        "/actors/",
        actor.get_absolute_url(),
        world.guaido.get_absolute_url(),
        "/countries/",
        "/countries/ve/",
        "/claims/",
        claim.get_absolute_url(),
        f"/tags/{tag_slug}/",
        "/search/?q=Evil",
        "/search/?q=Evilclaim",
        "/search/?q=Headline",
        f"/search/?q={EVIL}",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_safe_html(html)
    # ...and the text is still shown, escaped.
    html = client.get(actor.get_absolute_url()).content.decode()
    assert "Evil &lt;/script&gt;&lt;script&gt;alert(1)" in html


def test_feeds_carry_hostile_text_as_text(client, world, evil):
    _, _claim = evil
    for url in (
        "/feeds/articles/",
        "/feeds/articles/atom/",
        "/feeds/claims/",
        "/feeds/claims/atom/",
    ):
        body = client.get(url).content
        root = ET.fromstring(body)  # still well-formed XML
        assert b"<script>" not in body and b"<img" not in body
        texts = "".join(root.itertext())
        assert "<script>alert(1)</script>" in texts  # the reader sees the text itself
