"""The review queue in a real browser, on the imported seed articles.

An editor logs in through the admin login form, opens the queue from the admin
index, rejects a wrong stance with the keyboard (j to its row, r) and corrects
a quote's speaker with clicks; the public pages then show the change: the
rejected stance is gone from its subject's actor page, and the claim page names
the corrected speaker plainly (no "machine-read" mark). Last, it ticks two
roles with x, confirms them with "Confirm selected", and confirms the next with c.
Screenshots go to tests/browser/artifacts/ (git-ignored).
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from kb.articles.models import public_confidence
from kb.claims.models import Claim, Role, Stance
from kb.curation.queue import PAGE_SIZE, ReviewQueue
from kb.entities.models import Actor

PASSWORD = "review-test-password-7"


def stance_cells(page) -> list[list[str]]:
    """Who / relation / whom of every row in the page's stances table."""
    return page.eval_on_selector_all(
        "table.stances tbody tr",
        "rows => rows.map(r => Array.from(r.cells).slice(0, 3).map(c => c.innerText.trim()))",
    )


def stance_row(stance: Stance) -> list[str]:
    relation = ("does not " if stance.negated else "") + stance.get_relation_display()
    return [stance.subject.name, relation, stance.object.name]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_editor_reviews_a_stance_and_a_quote_from_the_queue(
    imported_seeds, page, shot, django_user_model
):
    user = django_user_model.objects.create_user("reviewer", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))

    # The seeds' extraction says Guaidó supports Maduro: a fact to reject.
    pending = Stance.objects.filter(decision="extracted", subject_actor__isnull=False)
    wrong = (
        pending.filter(
            subject_actor__slug="juan-guaido",
            relation="supports",
            object_actor__slug="nicolas-maduro",
        ).first()
        or pending.order_by("pk").first()
    )
    assert wrong is not None
    subject_url = f"/actors/{wrong.subject_actor.slug}/"
    order = [row.item for row in ReviewQueue(("stance",))[0:1000]]
    position = order.index(f"stance:{wrong.pk}")
    page_number, index = divmod(position, PAGE_SIZE)

    quote = (
        Claim.objects.quotes()
        # One readers see attributed, marked machine-read (not one below the threshold).
        .filter(status="extracted", speaker__isnull=False, confidence__gte=public_confidence())
        .select_related("speaker")
        .order_by("pk")
        .first()
    )
    assert quote is not None
    right = Actor.objects.active().exclude(pk=quote.speaker_id).order_by("-mention_count").first()

    # Before: both machine readings are public.
    page.goto(subject_url)
    assert stance_row(wrong) in stance_cells(page)
    page.goto(f"/claims/{quote.pk}/")
    assert page.locator(".machine-read").count() == 1

    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")

    # The admin index links the queue, with its counts.
    link = page.locator("#review-queue-link a")
    assert link.inner_text().startswith("Review queue: ")
    assert "stances" in link.inner_text() and "quotes to review" in link.inner_text()
    link.click()
    page.wait_for_selector("#review-queue")
    shot("review-1-queue")

    # 1. Reject the stance with the keyboard: focus the first row, j down to it, r.
    page.goto(f"/admin/review/?kind=stance&page={page_number + 1}")
    page.locator("tr.review-row").first.focus()
    for _ in range(index):
        page.keyboard.press("j")
    focused = page.evaluate("document.activeElement.dataset.item")
    assert focused == f"stance:{wrong.pk}"
    with page.expect_navigation():
        page.keyboard.press("r")
    page.wait_for_selector(".messagelist li")
    assert "Rejected:" in page.locator(".messagelist").inner_text()
    shot("review-2-stance-rejected")
    wrong.refresh_from_db()
    assert wrong.decision == "rejected"
    assert page.locator(f"#row-stance-{wrong.pk}").count() == 0

    # 2. Correct the quote's speaker with clicks: Correct, type the name, save.
    page.goto("/admin/review/?kind=quote")
    row = page.locator(f"#row-quote-{quote.pk}")
    if row.count() == 0:  # on a later page
        page.goto("/admin/review/?kind=quote&page=2")
    row.locator("summary").click()
    row.locator("input[name=speaker]").fill(right.name)
    shot("review-3-quote-correct")
    row.locator("button.review-save").click()
    page.wait_for_selector(".messagelist li")
    assert "Corrected and confirmed" in page.locator(".messagelist").inner_text()
    quote.refresh_from_db()
    assert (quote.status, quote.speaker_id) == ("reviewed", right.pk)

    # After: the rejected stance is gone from the subject's page ...
    page.goto(subject_url)
    assert stance_row(wrong) not in stance_cells(page)
    shot("review-4-actor-page")
    # ... and the claim page names the corrected speaker plainly.
    page.goto(f"/claims/{quote.pk}/")
    assert page.locator("h1").inner_text() == f"Quote by {right.name}"
    assert page.locator(".machine-read").count() == 0
    assert "Reviewed" in page.locator(".facts").inner_text()
    shot("review-5-claim-page")

    # 3. Tick two roles with x and confirm them together; confirm a third with c.
    page.goto("/admin/review/?kind=role")
    first_three = page.eval_on_selector_all(
        "tr.review-row", "rows => rows.slice(0, 3).map(r => r.dataset.item)"
    )
    page.locator("tr.review-row").first.focus()
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    with page.expect_navigation():
        page.click("#bulk-confirm")
    assert "Confirmed 2 item(s)." in page.locator(".messagelist").inner_text()
    page.locator("tr.review-row").first.focus()
    with page.expect_navigation():
        page.keyboard.press("c")
    assert "Confirmed:" in page.locator(".messagelist").inner_text()
    ids = [int(item.split(":")[1]) for item in first_three]
    assert set(Role.objects.filter(pk__in=ids).values_list("decision", flat=True)) == {"confirmed"}
