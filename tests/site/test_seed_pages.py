"""Every page over the real seed articles, imported through the real importer.

Asserts nothing about what extraction finds (that is improving in parallel),
only that whatever it finds renders: every linked page answers, inline links
point at pages that exist, and the markup we generate stays well-formed.
"""

from __future__ import annotations

import re

import pytest

from kb.articles.models import Article
from kb.claims.models import Claim
from kb.entities.models import Actor, Country

pytestmark = pytest.mark.django_db


def test_every_seed_page_renders_and_links_resolve(client, imported_seeds):
    urls = {"/", "/articles/", "/actors/", "/countries/", "/claims/"}
    urls |= {a.get_absolute_url() for a in Article.objects.all()}
    urls |= {a.get_absolute_url() for a in Actor.objects.active()[:40]}
    urls |= {c.get_absolute_url() for c in Country.objects.filter(mention_count__gt=0)[:40]}
    urls |= {c.get_absolute_url() for c in Claim.objects.public()[:40]}
    linked: set[str] = set()
    for url in sorted(urls):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert re.search(r"<title>[^<]+</title>", html) and "<h1>" in html, url
        if url.startswith("/articles/") and url != "/articles/":
            body = html[html.index('<div class="body">') :]
            # Inline links: every one goes to an actor, country or claim page.
            linked |= set(re.findall(r'href="(/(?:actors|countries|claims)/[^"#]+/)"', body))
    for url in sorted(linked - urls)[:60]:
        assert client.get(url).status_code == 200, url
    assert len(imported_seeds) == 5
