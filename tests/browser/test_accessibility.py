"""Every public page passes axe-core with no serious or critical violation.

axe-core is vendored (tests/browser/vendor/, version in its README) and
injected from disk, so the test fetches nothing from the web. The seed
articles are imported through the real service, then one page of each kind
is checked: home, the lists, an article, an actor (a person with stances),
an organization, a country, a claim, a tag and a search.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
SERIOUS = {"serious", "critical"}


def seed_pages() -> list[str]:
    """One URL per kind of page, chosen from what the seeds import."""
    from django.db.models import Count

    from kb.articles.models import Article
    from kb.claims.models import Claim
    from kb.entities.models import Actor

    article = Article.objects.order_by("pk").first()
    article.tags.add("venezuela")
    active = Actor.objects.filter(merged_into__isnull=True)
    person = (
        active.filter(kind=Actor.Kind.PERSON)
        .annotate(n=Count("stances_held"))
        .order_by("-n", "-mention_count", "pk")
        .first()
    )
    organization = active.filter(kind=Actor.Kind.ORGANIZATION).order_by("-mention_count").first()
    claim = Claim.objects.public().order_by("pk").first()
    return [
        "/",
        "/articles/",
        article.get_absolute_url(),
        "/actors/",
        person.get_absolute_url(),
        organization.get_absolute_url(),
        "/countries/",
        "/countries/ve/",
        "/claims/",
        claim.get_absolute_url(),
        "/tags/venezuela/",
        "/search/?q=Maduro",
    ]


OPEN_DETAILS = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"


def serious_violations(page) -> list[dict]:
    """axe-core's serious and critical findings, with folded content unfolded."""
    page.evaluate(OPEN_DETAILS)
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [(n["target"], n.get("failureSummary", "")) for n in v["nodes"][:5]],
            "count": len(v["nodes"]),
        }
        for v in results["violations"]
        if v["impact"] in SERIOUS
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_no_page_has_a_serious_or_critical_axe_violation(page, imported_seeds):
    found = {}
    for url in seed_pages():
        response = page.goto(url)
        assert response.status == 200, url
        violations = serious_violations(page)
        if violations:
            found[url] = violations
    print(json.dumps(found, indent=1, ensure_ascii=False))
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)
