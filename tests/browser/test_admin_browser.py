"""The editors' desk in a real browser: merge, verify, link conflicting figures, tag.

Logs in through the real admin login form (django-axes sees a real request).
Screenshots go to tests/browser/artifacts/ (git-ignored).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "curation"))

from desk_world import world  # noqa: F401  (fixture)

from kb.claims.models import Claim, ClaimLink
from kb.entities.models import Actor, MergeRecord

PASSWORD = "desk-test-password-9"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_editor_desk_in_the_browser(world, page, shot, django_user_model):  # noqa: F811
    user = django_user_model.objects.create_user("desk", password=PASSWORD, is_staff=True)
    # An editor who is also a reviewer may verify claims.
    user.groups.add(*Group.objects.filter(name__in=["Editors", "Reviewers"]))

    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    assert "/admin/login" not in page.url

    # 1. Merge the two Guaidós, keeping the accented one.
    page.goto("/admin/entities/actor/?q=guaido")
    page.check(f"input.action-select[value='{world.guaido.pk}']")
    page.check(f"input.action-select[value='{world.guaido_dup.pk}']")
    page.select_option("select[name=action]", "merge_actors")
    page.click("button[name=index]")
    page.wait_for_selector("#merge-form")
    page.check(f"#survivor-{world.guaido.pk}")
    shot("desk-1-merge-confirm")
    page.click("#merge-submit")
    page.wait_for_selector(".messagelist li")
    shot("desk-2-merged")
    record = MergeRecord.objects.get()
    assert (record.survivor_id, record.merged_id) == (world.guaido.pk, world.guaido_dup.pk)
    assert Actor.objects.get(pk=world.guaido_dup.pk).merged_into_id == world.guaido.pk

    # 2. Verify the quote.
    page.goto("/admin/claims/claim/")
    page.check(f"input.action-select[value='{world.quote.pk}']")
    page.select_option("select[name=action]", "mark_verified")
    page.click("button[name=index]")
    page.wait_for_selector(".messagelist li")
    shot("desk-3-verified")
    quote = Claim.objects.get(pk=world.quote.pk)
    assert (quote.status, quote.status_changed_by_id) == ("verified", user.pk)

    # 3. Link the two migrant figures from the conflicts view, as an update.
    page.goto("/admin/claims/claim/")
    page.click("text=Possible conflicts")
    row = page.locator(f"tr.kb-conflict[data-first='{world.figure_one.pk}']")
    shot("desk-4-conflicts")
    row.locator("button[value=updates]").click()
    page.wait_for_selector(".messagelist li")
    link = ClaimLink.objects.get(type="updates")
    assert (link.from_claim_id, link.to_claim_id) == (world.figure_two.pk, world.figure_one.pk)
    assert page.locator("tr.kb-conflict").count() == 0

    # 4. Tag an article, with a suggestion from existing tags.
    page.goto(f"/admin/articles/article/{world.one.pk}/change/")
    assert page.locator(".kb-body mark.kb-actor").count() >= 1
    tags = page.locator("input[name=tags]")
    tags.fill("")
    tags.type("opp")
    page.wait_for_selector("#kb-tag-suggestions option[value='opposition']", state="attached")
    tags.fill("lima group, opposition")
    shot("desk-5-article")
    page.click("input[name=_save]")
    shot("desk-6-tagged")
    page.wait_for_selector(".messagelist li")
    assert set(world.one.tags.names()) == {"lima group", "opposition"}
