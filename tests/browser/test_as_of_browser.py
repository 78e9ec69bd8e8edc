"""A reader picks a day on an organization's page with the date field, in Chromium."""

from __future__ import annotations

import pytest

from tests.site.conftest import build_members


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_reader_picks_a_day_and_goes_back_to_every_date(page, shot):
    members = build_members()
    url = members.group.get_absolute_url()
    table = "table.memberships >> nth=0"

    page.goto(url)
    assert page.locator(table).get_by_role("link", name="Argentina", exact=True).count() == 1

    page.get_by_label("As of", exact=True).fill("2021-06-01")
    page.get_by_role("button", name="Show that day").click()
    page.wait_for_url(f"**{url}?as_of=2021-06-01")
    assert "1 June 2021" in page.get_by_role("status").inner_text()
    assert page.locator(table).get_by_role("link", name="Canada", exact=True).count() == 1
    assert page.locator(table).get_by_role("link", name="Argentina", exact=True).count() == 0
    shot("site-organization-as-of")

    page.get_by_role("link", name="Show every date").click()
    page.wait_for_url(f"**{url}")
    assert page.locator(table).get_by_role("link", name="Argentina", exact=True).count() == 1
