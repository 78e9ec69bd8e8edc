"""The desk's POSTs through their forms: a bad POST says what is wrong and changes nothing."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from kb.articles.models import Article, Mention
from kb.claims.models import ClaimLink
from kb.curation.forms import MergeActorsForm, SplitArticleForm
from kb.entities.models import Actor, MergeRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def ed_client(client, editor):
    client.force_login(editor)
    return client


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# --------------------------------------------------------------------------- merge


def _merge(client, world, **extra):
    ids = [str(world.guaido.pk), str(world.guaido_dup.pk)]
    return client.post(
        reverse("admin:entities_actor_changelist"),
        {"action": "merge_actors", ACTION_CHECKBOX_NAME: ids, "post": "yes", **extra},
    )


@pytest.mark.parametrize(
    ("survivor", "error"),
    [
        (None, "Pick the actor to keep."),
        ("maduro", "Pick the actor to keep among those listed."),  # not one of those selected
        ("not-a-number", "Pick the actor to keep among those listed."),
    ],
)
def test_merge_without_a_valid_survivor_shows_the_page_again_with_the_error(
    world, ed_client, survivor, error
):
    data = {} if survivor is None else {"survivor": survivor}
    if survivor == "maduro":
        data["survivor"] = str(world.maduro.pk)
    page = _merge(ed_client, world, **data)
    assert page.status_code == 200
    assert "admin/curation/merge_confirm.html" in [t.name for t in page.templates]
    assert error in page.content.decode()
    assert MergeRecord.objects.count() == 0
    assert not Actor.objects.filter(merged_into__isnull=False).exists()


def test_the_merge_form_is_unbound_until_the_confirmation_page_is_posted(world):
    actors = [world.guaido, world.guaido_dup]
    opening = MergeActorsForm(actors, {"action": "merge_actors"})  # the changelist's POST
    assert not opening.is_bound and not opening.errors
    assert opening["survivor"].value() == world.guaido.pk  # the most mentioned, preselected
    answer = MergeActorsForm(actors, {"post": "yes", "survivor": str(world.guaido_dup.pk)})
    assert answer.is_valid()
    assert answer.cleaned_data["survivor"] is world.guaido_dup
    assert answer.merged() == [world.guaido]


# --------------------------------------------------------------------------- split


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "Give the text the second part starts with, or a position."),
        ({"marker": "Not in this article"}, "That text is not in the body"),
        ({"marker": "Juan Guaidó met"}, "That text is not in the body"),  # its very start
        ({"position": "ten"}, "Enter a whole number."),
        ({"position": "100000"}, "Split inside the body: between 1 and"),  # the workflow's check
        ({"marker": "About 2.3 million", "published": "2022-02-30"}, "Enter a valid date."),
        ({"marker": "About 2.3 million", "title": "x" * 501}, "at most 500 characters"),
    ],
)
def test_a_bad_split_says_why_and_splits_nothing(world, ed_client, data, error):
    body = world.one.body
    url = reverse("admin:articles_article_split", args=[world.one.pk])
    response = ed_client.post(url, data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert Article.objects.count() == 2
    world.one.refresh_from_db()
    assert world.one.body == body
    assert not Mention.objects.exclude(article__in=[world.one, world.two]).exists()


def test_the_split_form_finds_the_marker_and_reads_the_date(world):
    data = {"marker": "  About 2.3 million ", "published": "2022-01-05"}
    form = SplitArticleForm(world.one, data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["position"] == world.one.body.index("About 2.3 million")
    assert str(form.cleaned_data["published"]) == "2022-01-05"
    by_position = SplitArticleForm(world.one, {"position": "40"})
    assert by_position.is_valid() and by_position.cleaned_data["position"] == 40


# --------------------------------------------------------------------------- conflicts


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"type": "nonsense"}, "Unknown link type “nonsense”."),
        ({"second": "999999"}, "That claim no longer exists."),
        ({"second": None}, "Pick two claims."),
        ({"type": None}, "Choose how to link the two claims."),
    ],
)
def test_a_bad_conflict_link_says_why_and_links_nothing(world, ed_client, data, error):
    post = {"first": world.figure_one.pk, "second": world.figure_two.pk, "type": "contradicts"}
    post.update(data)
    post = {k: v for k, v in post.items() if v is not None}
    links = ClaimLink.objects.count()
    response = ed_client.post(reverse("admin:claims_claim_conflicts"), post, follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:claims_claim_conflicts")
    assert error in " ".join(_messages(response))
    assert ClaimLink.objects.count() == links
    assert len(response.context["conflicts"]) == 1  # still open


def test_a_claim_linked_to_itself_is_the_workflows_error(world, ed_client):
    post = {"first": world.figure_one.pk, "second": world.figure_one.pk, "type": "contradicts"}
    links = ClaimLink.objects.count()
    response = ed_client.post(reverse("admin:claims_claim_conflicts"), post, follow=True)
    assert "A claim cannot be linked to itself." in _messages(response)
    assert ClaimLink.objects.count() == links
