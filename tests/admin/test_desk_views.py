"""The editors' desk through the admin views (force_login: django-axes needs a request)."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from kb.articles.models import Article, Mention
from kb.claims.models import Claim, ClaimLink
from kb.entities.models import Actor, Alias, MergeRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def ed_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def rev_client(client, reviewer):
    client.force_login(reviewer)
    return client


def _names(response) -> set[str]:
    return {str(obj) for obj in response.context["cl"].result_list}


def test_search_ignores_accents(world, ed_client):
    Actor.objects.create(kind="person", name="José Gregorio Hernández")
    Actor.objects.create(kind="person", name="Leopoldo Lopez")  # no alias yet
    url = reverse("admin:entities_actor_changelist")
    assert "José Gregorio Hernández" in _names(ed_client.get(url, {"q": "jose gregorio"}))
    names = _names(ed_client.get(url, {"q": "Guaido"}))
    assert {"Juan Guaidó", "Juan Guaido"} <= names
    assert "Nicolás Maduro" not in names
    assert _names(ed_client.get(url, {"q": "NICOLAS"})) == {"Nicolás Maduro"}
    assert _names(ed_client.get(url, {"q": "Leopoldo López"})) == {"Leopoldo Lopez"}
    # Autocomplete widgets use the same search.
    response = ed_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "claims", "model_name": "claim", "field_name": "speaker", "term": "guaido"},
    )
    assert {r["text"] for r in response.json()["results"]} >= {"Juan Guaidó"}


def test_article_page_highlights_every_kind_of_span(world, ed_client):
    Mention.objects.filter(article=world.one, surface="Lima Group").update(status="rejected")
    response = ed_client.get(reverse("admin:articles_article_change", args=[world.one.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for css in ("kb-actor", "kb-country", "kb-unresolved", "kb-rejected", "kb-quote", "kb-figure"):
        assert f"kb-m {css}" in html or f"kb-c {css}" in html, css
    assert 'title="actor: Juan Guaidó"' in html
    assert "admin-kb/article.css" in html
    assert reverse("admin:articles_article_split", args=[world.one.pk]) in html


def test_merge_through_the_confirmation_page_then_undo(world, ed_client):
    url = reverse("admin:entities_actor_changelist")
    ids = [str(world.guaido.pk), str(world.guaido_dup.pk)]
    page = ed_client.post(url, {"action": "merge_actors", ACTION_CHECKBOX_NAME: ids})
    assert page.status_code == 200
    assert "admin/curation/merge_confirm.html" in [t.name for t in page.templates]
    assert MergeRecord.objects.count() == 0  # nothing happens before confirming
    done = ed_client.post(
        url,
        {
            "action": "merge_actors",
            ACTION_CHECKBOX_NAME: ids,
            "post": "yes",
            "survivor": str(world.guaido.pk),
        },
    )
    assert done.status_code == 302
    record = MergeRecord.objects.get()
    assert (record.survivor, record.merged) == (world.guaido, world.guaido_dup)
    assert not Mention.objects.filter(actor=world.guaido_dup).exists()

    undo = ed_client.post(
        reverse("admin:entities_mergerecord_changelist"),
        {"action": "undo_merges", ACTION_CHECKBOX_NAME: [str(record.pk)]},
    )
    assert undo.status_code == 302
    record.refresh_from_db()
    assert record.undone_at is not None
    assert Mention.objects.filter(actor=world.guaido_dup).count() == 2


def test_reject_action_records_a_rejected_alias(world, ed_client):
    m = Mention.objects.get(article=world.two, surface="Guaidó")
    ed_client.post(
        reverse("admin:articles_mention_changelist"),
        {"action": "reject_mentions", ACTION_CHECKBOX_NAME: [str(m.pk)]},
    )
    m.refresh_from_db()
    assert m.status == "rejected"
    assert Alias.objects.get(actor=world.guaido_dup, key="guaido").rejected


def test_mention_change_form_relinks(world, ed_client):
    m = Mention.objects.get(article=world.two, surface="Guaidó")
    response = ed_client.post(
        reverse("admin:articles_mention_change", args=[m.pk]),
        {"actor": str(world.guaido.pk), "country": "", "status": "extracted"},
    )
    assert response.status_code == 302, response.content[:2000]
    m.refresh_from_db()
    assert (m.actor, m.status) == (world.guaido, "confirmed")
    assert Alias.objects.get(actor=world.guaido_dup, key="guaido").rejected


def _actions(client) -> set[str]:
    response = client.get(reverse("admin:claims_claim_changelist"))
    return {name for name, _ in response.context["action_form"].fields["action"].choices}


def test_claim_actions_follow_permissions(world, ed_client, client, reviewer):
    assert {"mark_reviewed", "mark_deprecated"} <= _actions(ed_client)
    assert "mark_verified" not in _actions(ed_client)
    ed_client.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "mark_verified", ACTION_CHECKBOX_NAME: [str(world.quote.pk)]},
    )
    world.quote.refresh_from_db()
    assert world.quote.status == "extracted"  # an editor cannot verify

    client.force_login(reviewer)
    assert {"mark_verified", "mark_disputed", "mark_reviewed"} <= _actions(client)
    client.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "mark_verified", ACTION_CHECKBOX_NAME: [str(world.quote.pk)]},
    )
    world.quote.refresh_from_db()
    assert (world.quote.status, world.quote.status_changed_by) == ("verified", reviewer)
    history = client.get(reverse("admin:claims_claim_history", args=[world.quote.pk]))
    assert history.status_code == 200 and "rev" in history.content.decode()


def test_conflicts_view_lists_and_links(world, ed_client):
    url = reverse("admin:claims_claim_conflicts")
    response = ed_client.get(url)
    assert [(c.first, c.second) for c in response.context["conflicts"]] == [
        (world.figure_one, world.figure_two)
    ]
    assert "Updates (newer" in response.content.decode()
    ed_client.post(
        url,
        {"first": world.figure_one.pk, "second": world.figure_two.pk, "type": "contradicts"},
    )
    link = ClaimLink.objects.get(type="contradicts")
    assert (link.from_claim, link.to_claim) == (world.figure_one, world.figure_two)
    assert ed_client.get(url).context["conflicts"] == []


def test_split_view(world, ed_client):
    url = reverse("admin:articles_article_split", args=[world.one.pk])
    assert ed_client.get(url).status_code == 200
    bad = ed_client.post(url, {"marker": "Guaidó met"})
    assert "falls inside" in bad.content.decode()
    response = ed_client.post(url, {"marker": "About 2.3 million", "title": "Tail"})
    new = Article.objects.get(title="Tail")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[new.pk])
    assert new.claims.get() == world.figure_one


def test_relink_action(world, ed_client):
    Mention.objects.filter(actor=world.maduro).delete()
    ed_client.post(
        reverse("admin:entities_actor_changelist"),
        {"action": "relink_actors", ACTION_CHECKBOX_NAME: [str(world.maduro.pk)]},
    )
    assert Mention.objects.filter(actor=world.maduro, article=world.two).count() == 1


def test_editor_reaches_every_desk_page_but_not_users(world, ed_client):
    for name in [
        "entities_country",
        "entities_actor",
        "entities_alias",
        "entities_mergerecord",
        "articles_source",
        "articles_article",
        "articles_mention",
        "claims_claim",
        "claims_claimlink",
        "claims_stance",
        "claims_role",
        "taggit_tag",
    ]:
        assert ed_client.get(reverse(f"admin:{name}_changelist")).status_code == 200, name
    assert ed_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    claim_page = ed_client.get(reverse("admin:claims_claim_change", args=[world.quote.pk]))
    assert claim_page.status_code == 200
    assert "links_from" in claim_page.content.decode()  # the ClaimLink inline
    actor_page = ed_client.get(reverse("admin:entities_actor_change", args=[world.guaido_dup.pk]))
    assert "President of the National Assembly" in actor_page.content.decode()


def test_tag_suggestions(world, ed_client):
    response = ed_client.get(reverse("admin:taggit_tag_suggest"), {"q": "opp"})
    assert response.json() == {"results": ["opposition"]}
    assert Claim.objects.count() == 3


def _form_data(response) -> dict[str, object]:
    """The POST data a browser would send back for an admin change form, unchanged."""
    data: dict[str, object] = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        mgmt = formset.management_form
        data.update({mgmt.add_prefix(k): v for k, v in mgmt.initial.items()})
        forms.extend(formset.forms)
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            if value is None or field.disabled:
                continue
            if isinstance(value, list | tuple):
                value = [str(v) for v in value]
            elif isinstance(value, bool):
                if not value:
                    continue
                value = "on"
            data[form.add_prefix(name)] = value
    return data


def test_article_change_form_saves_tags_and_mention_decisions(world, ed_client):
    url = reverse("admin:articles_article_change", args=[world.one.pk])
    data = _form_data(ed_client.get(url))
    data["tags"] = "lima group, opposition"
    lima = Mention.objects.get(article=world.one, surface="Lima Group")
    prefix = next(k[: -len("-id")] for k, v in data.items() if k.endswith("-id") and v == lima.pk)
    data[f"{prefix}-status"] = "rejected"
    response = ed_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert set(world.one.tags.names()) == {"lima group", "opposition"}
    lima.refresh_from_db()
    assert lima.status == "rejected"
    assert Alias.objects.get(actor=world.lima, key="lima group").rejected


def test_seed_articles_render_on_the_desk(imported_seeds, admin_client):
    for article in imported_seeds:
        response = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
        html = response.content.decode()
        assert response.status_code == 200
        assert '<div class="kb-body">' in html
        # The highlighted body holds the whole text: tags aside, nothing is lost.
        marks = html.count("<mark ")
        assert marks == html.count("</mark>")
        assert marks >= article.mentions.count()
    assert admin_client.get(reverse("admin:claims_claim_conflicts")).status_code == 200


def test_render_highlighted_nests_and_escapes():
    import html as htmllib
    import re

    from kb.articles.admin import Span, render_highlighted

    body = "Maduro said <b>“we & they”</b> to Cuba."
    spans = [
        Span(0, 6, "kb-actor", "actor: Maduro"),
        Span(12, 30, "kb-quote", "quote", is_mention=False),
        Span(20, 24, "kb-actor", "actor: x"),  # a mention inside the quote
        Span(34, 38, "kb-country", "country: Cuba"),
        Span(30, 99, "kb-figure", "out of range", is_mention=False),  # ignored
    ]
    out = str(render_highlighted(body, spans))
    assert "<b>" not in out  # the body's own markup is escaped
    assert htmllib.unescape(re.sub(r"<[^>]+>", "", out)) == body
    assert out.count("<mark ") == out.count("</mark>") == 3  # Maduro, the inner one, Cuba
    assert (
        '<span class="kb-c kb-quote" title="quote" data-ref=""><mark class="kb-m kb-actor"' in out
    )


def test_article_change_page_queries_do_not_grow_with_mentions(world, admin_client):
    """The mentions inline reuses the actors and countries its queryset joined."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("admin:articles_article_change", args=[world.two.pk])

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert admin_client.get(url).status_code == 200
        return len(ctx.captured_queries)

    before = count()
    body = world.two.body
    for i, word in enumerate(["Some", "million", "Venezuelans", "have", "left", "country"]):
        start = body.index(word)
        Mention.objects.create(
            article=world.two,
            start=start,
            end=start + len(word),
            surface=word,
            actor=[world.guaido, world.lima, world.maduro][i % 3] if i % 2 else None,
            country=None if i % 2 else world.ve,
        )
    assert count() == before
