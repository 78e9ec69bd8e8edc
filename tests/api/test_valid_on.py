"""``valid_on`` in the API agrees with ``?as_of=`` on the site's pages.

The Lima Group of tests/site/conftest.py: Argentina a member until 24 March
2021, Canada from 2017 on (two articles say so), the Opposition Coalition (an
organization) from 2019; Mexico did not sign (a negated stance) and an editor
rejected Uruguay.
"""

from __future__ import annotations

import re

import pytest

from tests.site.conftest import build_members

pytestmark = pytest.mark.django_db

DAYS = ["2017-01-01", "2019-06-01", "2021-03-24", "2021-06-01"]


@pytest.fixture
def members(db):
    return build_members()


def stances(client, **params):
    response = client.get("/api/stances/", params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def last_part(url: str | None) -> str | None:
    return url.rstrip("/").rsplit("/", 1)[-1] if url else None


def members_in_api(client, group, day):
    rows = stances(
        client, relation="member_of", object_actor=group.slug, valid_on=day, negated="false"
    )
    return {last_part(row["subject_country"]) or last_part(row["subject_actor"]) for row in rows}


def members_on_page(client, group, day):
    html = client.get(f"{group.get_absolute_url()}?as_of={day}").content.decode()
    table = re.search(r'<section aria-labelledby="members-h">(.*?)</section>', html, re.S)
    assert table
    links = re.findall(r'<tr>\s*<td><a href="/(?:countries|actors)/([^/"]+)/">', table.group(1))
    return {link.upper() if len(link) == 2 else link for link in links}


def test_members_of_an_organization_by_slug_on_a_day(client, members):
    rows = stances(
        client, relation="member_of", object_actor=members.group.slug, valid_on="2021-06-01"
    )
    by_subject = {last_part(r["subject_country"]) or last_part(r["subject_actor"]): r for r in rows}
    # Countries and actors alike, each as a link to its own resource.
    assert set(by_subject) == {"CA", "opposition-coalition", "MX"}
    assert by_subject["CA"]["subject_country"].endswith("/api/countries/CA/")
    assert by_subject["CA"]["subject_actor"] is None
    coalition = by_subject["opposition-coalition"]
    assert coalition["subject_actor"].endswith("/api/actors/opposition-coalition/")
    assert coalition["subject_country"] is None
    assert coalition["object_actor"].endswith(f"/api/actors/{members.group.slug}/")
    # Mexico did not sign: listed as the negated stance it is, and left out on request.
    assert by_subject["MX"]["negated"] is True
    assert members_in_api(client, members.group, "2021-06-01") == {"CA", "opposition-coalition"}
    # Before Argentina left.
    assert members_in_api(client, members.group, "2019-06-01") == {
        "AR",
        "CA",
        "opposition-coalition",
    }


@pytest.mark.parametrize("day", DAYS)
def test_the_api_and_the_page_list_the_same_members(client, members, day):
    assert members_in_api(client, members.group, day) == members_on_page(client, members.group, day)


@pytest.mark.parametrize("day", DAYS)
def test_the_api_and_the_country_page_list_the_same_memberships(client, members, day):
    rows = stances(
        client, relation="member_of", subject_country="ar", valid_on=day, negated="false"
    )
    html = client.get(f"{members.argentina.get_absolute_url()}?as_of={day}").content.decode()
    on_page = members.group.get_absolute_url() in html
    assert bool(rows) is on_page


def test_an_unknown_slug_lists_nothing(client, members):
    assert stances(client, relation="member_of", object_actor="no-such-group") == []


@pytest.mark.parametrize(
    "value", ["June", "2021-02-30", "2021-6-1", "06/01/2021", " 2021-06-01", "\uff12021-06-01"]
)
def test_a_day_the_site_would_ignore_is_a_400(client, members, value):
    response = client.get("/api/stances/", {"valid_on": value})
    assert response.status_code == 400
    assert "valid_on" in response.json()
    assert client.get("/api/roles/", {"valid_on": value}).status_code == 400
