"""A reader's walk through the site in Chromium, without any JavaScript of ours.

home → an article → an actor through an inline link → their country → a claim,
then a search for "Guaido" and a filtered list. Screenshots go to
tests/browser/artifacts/.
"""

from __future__ import annotations

import re

import pytest

from tests.site.conftest import build_world


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_reader_walks_from_home_to_a_claim_then_searches_and_filters(page, shot):
    world = build_world()
    world.guaido.mention_count = 2
    world.guaido.save()

    page.goto("/")
    assert page.locator("h1").inner_text() == "Editorial knowledge base"
    assert page.locator("svg.graph").count() == 1
    shot("site-home")

    page.get_by_role("link", name="Guaidó challenges Maduro").first.click()
    page.wait_for_url(f"**{world.article.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Guaidó challenges Maduro"
    shot("site-article")

    page.locator(f'.body a.mention[href="{world.guaido.get_absolute_url()}"]').first.click()
    page.wait_for_url(f"**{world.guaido.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Juan Guaidó"
    shot("site-actor")

    page.locator("p.meta").get_by_role("link", name="Venezuela").click()
    page.wait_for_url("**/countries/ve/")
    assert page.locator("h1").inner_text() == world.ve.name
    shot("site-country")

    page.locator(f'a[href="{world.quote.get_absolute_url()}"]').first.click()
    page.wait_for_url(f"**{world.quote.get_absolute_url()}")
    assert "Juan Guaidó" in page.locator("h1").inner_text()
    # The claim links to its exact span in the article, which the article renders.
    page.get_by_role("link", name=re.compile("See it in the article")).click()
    anchor = f"span-{world.quote.start}-{world.quote.end}"
    page.wait_for_url(f"**#{anchor}")
    assert page.locator(f"#{anchor}").count() == 1
    shot("site-claim-in-article")

    page.get_by_label("Search", exact=True).fill("Guaido")
    page.get_by_role("button", name="Search").first.click()
    page.wait_for_url("**/search/?q=Guaido*")
    assert page.get_by_role("link", name="Juan Guaidó", exact=True).count() >= 1
    shot("site-search")

    page.goto("/claims/")
    page.get_by_label("Status").select_option("disputed")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**status=disputed*")
    rows = page.locator("table.list tbody tr")
    assert rows.count() == 1 and "Maduro rejected the demand" in rows.first.inner_text()
    shot("site-claims-filtered")
