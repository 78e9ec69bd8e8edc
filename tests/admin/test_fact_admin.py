"""Editors confirm, reject and correct consolidated stances and roles in the admin,
and see how many outlets report a quote. The facts come from the real import."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from kb.claims.models import Claim, Decision, Role, Stance
from kb.ingest.services import article_import

pytestmark = pytest.mark.django_db

JANUARY = (
    "date 2019-01-10 Russia backs Maduro\n\n"
    "Russia supports Nicolás Maduro, officials said on Thursday.\n\n"
    "“We will not abandon our friends in Caracas,” said Nicolás Maduro on Thursday. "
    "Foreign Minister Sergei Lavrov met him.\n"
)
MARCH = (
    "date 2019-03-02 Moscow stands firm\n\n"
    "The Kremlin said again on Saturday that Russia supports Nicolás Maduro. "
    '"We will not abandon our friends in Caracas!" said Nicolás Maduro on Saturday.\n'
)


@pytest.fixture
def ed_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def facts() -> Stance:
    for name, text in (("january.txt", JANUARY), ("march.txt", MARCH)):
        assert article_import(text, original_name=name).status == "new"
    return Stance.objects.get(subject_country="RU")


def change_form_data(response: Any) -> dict[str, Any]:
    """What the change form would post back unchanged: the form's and inlines' data."""
    form = response.context["adminform"].form
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or value is False:
            continue
        data[name] = value.isoformat() if isinstance(value, dt.date) else value
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management.initial.get(name, 0)
    return data


def test_reject_and_confirm_actions(facts, ed_client, editor) -> None:
    url = reverse("admin:claims_stance_changelist")
    response = ed_client.post(
        url, {"action": "reject_facts", ACTION_CHECKBOX_NAME: [facts.pk]}, follow=True
    )
    assert response.status_code == 200
    facts.refresh_from_db()
    assert facts.decision == Decision.REJECTED
    assert facts.history.first().history_user == editor
    # Re-importing the evidence does not bring it back.
    article_import(MARCH + "\nMore talks are planned.\n", original_name="march.txt")
    facts.refresh_from_db()
    assert facts.decision == Decision.REJECTED
    (role,) = Role.objects.all()
    ed_client.post(
        reverse("admin:claims_role_changelist"),
        {"action": "confirm_facts", ACTION_CHECKBOX_NAME: [role.pk]},
    )
    role.refresh_from_db()
    assert role.decision == Decision.CONFIRMED


def test_a_correction_in_the_change_form_is_the_editors_word(facts, ed_client, editor) -> None:
    url = reverse("admin:claims_stance_change", args=[facts.pk])
    page = ed_client.get(url)
    html = page.content.decode()
    assert "Russia supports Nicolás Maduro, officials said on Thursday." in html  # evidence
    data = change_form_data(page)
    data.update(relation="recognizes", valid_to="2019-12-31")
    response = ed_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    facts.refresh_from_db()
    assert (facts.relation, facts.valid_to, facts.decision) == (
        "recognizes",
        dt.date(2019, 12, 31),
        Decision.CONFIRMED,
    )
    assert facts.history.first().history_user == editor
    article_import(JANUARY + "\nMore talks are planned.\n", original_name="january.txt")
    (row,) = Stance.objects.filter(subject_country="RU")
    assert (row.pk, row.relation, row.valid_to) == (facts.pk, "recognizes", dt.date(2019, 12, 31))


def test_a_correction_onto_an_existing_fact_is_refused(facts, ed_client) -> None:
    other = Stance.objects.create(
        subject_country_id="RU", relation="condemns", object_actor=facts.object_actor
    )
    url = reverse("admin:claims_stance_change", args=[facts.pk])
    data = change_form_data(ed_client.get(url))
    data["relation"] = "condemns"
    response = ed_client.post(url, data)
    assert response.status_code == 200
    assert f"stance #{other.pk}" in response.content.decode()


def test_claims_list_says_how_many_outlets_report_a_quote(facts, ed_client) -> None:
    (quote,) = Claim.objects.quotes()
    response = ed_client.get(reverse("admin:claims_claim_changelist"), {"kind": "quote"})
    assert "2 sources" in response.content.decode()
    page = ed_client.get(reverse("admin:claims_claim_change", args=[quote.pk]))
    assert "also reported by" in page.content.decode().lower()
    assert "2 sources" in page.content.decode()
    assert ed_client.get(reverse("admin:claims_claim_add")).status_code == 200
    role_page = ed_client.get(
        reverse("admin:claims_role_change", args=[Role.objects.get().pk])
    ).content.decode()
    assert "Foreign Minister Sergei Lavrov" in role_page
