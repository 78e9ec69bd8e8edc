"""Hostile text stays inert in a real browser: site pages, feeds and admin pages.

Names, titles, aliases, tags and claim text carry script payloads; a Source's
URL is a ``javascript:`` link. On every page no payload may run (it would set
``window.__xss`` or open a dialog), the text must show as text where a reader
sees it, and no ``<a href="javascript:`` may appear in the HTML.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "curation"))

from desk_world import make_article

from kb.articles.models import Mention, Source
from kb.claims.models import Claim
from kb.entities.models import Actor, Alias

SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=1">'
BREAKOUT = "</script><script>window.__xss=1</script>"
PAYLOAD = f"{SCRIPT}{IMG}{BREAKOUT}"
PASSWORD = "hostile-browser-password-7"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_hostile_text_never_runs_in_the_browser(page, shot, live_server, django_user_model):
    source = Source.objects.create(
        name=f"Wire {IMG}", slug="evil-wire", url="javascript:window.__xss=1"
    )
    body = f"Evilbody {PAYLOAD} Villain Person spoke. Then more text follows here.\n"
    article = make_article(
        body, "hostile", dt.date(2020, 5, 1), source=source, title=f"Headline {PAYLOAD}"
    )
    article.tags.add(f"tagx {SCRIPT}")
    actor = Actor.objects.create(
        kind=Actor.Kind.PERSON, name=f"Villain {PAYLOAD}", description=f"Desc {IMG}"
    )
    alias = Alias.objects.create(actor=actor, name=f"Aka {IMG}")
    actor.tags.add(f"tagx {SCRIPT}")
    start = body.index("Villain Person")
    Mention.objects.create(
        article=article, start=start, end=start + 14, surface="Villain Person", actor=actor
    )
    claim = Claim.objects.create(
        article=article,
        start=0,
        end=8,
        kind=Claim.Kind.QUOTE,
        text=f"Evilclaim {PAYLOAD}",
        speaker=actor,
        status=Claim.Status.VERIFIED,
    )
    claim.subjects.add(actor)
    claim.tags.add(f"tagx {SCRIPT}")
    tag = article.tags.get()
    django_user_model.objects.create_superuser("boss", "boss@example.org", PASSWORD)

    # The detector works: the same payload, unescaped, does set the flag.
    page.set_content(f"<body>{IMG}</body>")
    page.wait_for_function("window.__xss === 1")

    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def visit(url: str, *, visible: str | None = None) -> str:
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        assert page.evaluate("window.__xss") is None, url
        html = page.content()
        assert '<a href="javascript:' not in html.lower(), url
        if visible is not None:
            # The payload shows as text: the reader sees the angle brackets.
            assert visible in page.inner_text("body"), url
        return html

    visit(article.get_absolute_url(), visible=f"Headline {SCRIPT}")
    shot("hostile-article")
    visit(actor.get_absolute_url(), visible=f"Villain {SCRIPT}")
    shot("hostile-actor")
    visit(claim.get_absolute_url(), visible=f"Evilclaim {SCRIPT}")
    visit(f"/tags/{tag.slug}/", visible=f"Headline {SCRIPT}")
    visit("/search/?q=Villain", visible=f"Villain {SCRIPT}")
    visit("/articles/", visible=f"Headline {SCRIPT}")
    visit("/actors/", visible=f"Villain {SCRIPT}")
    visit("/claims/", visible=f"Evilclaim {SCRIPT}")
    visit("/")
    for feed in ["/feeds/articles/", "/feeds/articles/atom/", "/feeds/claims/"]:
        visit(feed)

    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", "boss")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    assert "/admin/login" not in page.url
    for url, text in [
        (f"/admin/articles/article/{article.pk}/change/", f"Headline {SCRIPT}"),
        (f"/admin/entities/actor/{actor.pk}/change/", f"Villain {SCRIPT}"),
        (f"/admin/entities/alias/{alias.pk}/change/", f"Aka {IMG}"),
        (f"/admin/claims/claim/{claim.pk}/change/", f"Evilclaim {SCRIPT}"),
        (f"/admin/articles/source/{source.pk}/change/", f"Wire {IMG}"),
        (f"/admin/taggit/tag/{tag.pk}/change/", None),
        ("/admin/entities/actor/", f"Villain {SCRIPT}"),
        ("/admin/claims/claim/", None),
        ("/admin/articles/article/", f"Headline {SCRIPT}"),
    ]:
        html = visit(url)
        if text is not None:
            # In the admin the payload sits in form fields or change-list cells.
            assert text in html.replace("&lt;", "<").replace("&gt;", ">").replace(
                "&quot;", '"'
            ) or text in page.inner_text("body"), url
    shot("hostile-admin-claim")
    assert dialogs == []
