"""Actor, organization and country pages on a given day (``?as_of=YYYY-MM-DD``).

The Lima Group (``members`` in conftest): Argentina a member from 2017 until
24 March 2021, Canada from 2017 on (stated by two articles), the Opposition
Coalition from 2019; Mexico did not sign and an editor rejected Uruguay.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kb.claims.models import Role
from kb.entities.models import Actor
from kb.site.facts import parse_as_of

pytestmark = pytest.mark.django_db


def section(html: str, heading_id: str) -> str:
    """The markup of the <section> labelled by ``heading_id``."""
    match = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', html, re.S)
    assert match, f"no section {heading_id}"
    return match.group(1)


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def member_links(html: str) -> set[str]:
    rows = re.findall(r"<tr>\s*<td><a href=\"([^\"]+)\">", section(html, "members-h"))
    return set(rows)


def test_an_organization_lists_its_members_over_time(client, members):
    html = page(client, members.group.get_absolute_url())
    assert member_links(html) == {
        members.argentina.get_absolute_url(),
        members.canada.get_absolute_url(),
        members.coalition.get_absolute_url(),
    }
    table = section(html, "members-h")
    # Who joined, who left, and which articles say so.
    argentina = re.search(r"/countries/ar/.*?</tr>", table, re.S).group(0)  # type: ignore[union-attr]
    assert '<time datetime="2017-08-08">' in argentina
    assert '<time datetime="2021-03-24">' in argentina
    assert members.leaving.get_absolute_url() in argentina  # the stance's own article
    assert members.founding.get_absolute_url() in argentina  # its evidence claim's article
    # Canada once, citing both articles that state its membership.
    assert table.count("/countries/ca/") == 1
    canada = re.search(r"/countries/ca/.*?</tr>", table, re.S).group(0)  # type: ignore[union-attr]
    assert members.founding.get_absolute_url() in canada
    assert members.echo.get_absolute_url() in canada
    assert "/countries/mx/" not in table and "/countries/uy/" not in table
    # Mexico's stance says what it is: not a member.
    assert re.search(r"/countries/mx/.*?is not a member of", section(html, "stances-h"), re.S)


def test_as_of_shows_the_members_of_that_day(client, members):
    url = members.group.get_absolute_url()
    before = page(client, f"{url}?as_of=2019-06-01")
    assert member_links(before) == {
        members.argentina.get_absolute_url(),
        members.canada.get_absolute_url(),
        members.coalition.get_absolute_url(),
    }
    after = page(client, f"{url}?as_of=2021-06-01")
    assert member_links(after) == {
        members.canada.get_absolute_url(),
        members.coalition.get_absolute_url(),
    }
    # Argentina is gone from the whole page: stances table and alignment graph too.
    assert "/countries/ar/" not in after
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in after  # the graph of that day
    assert "/countries/ca/" in re.search(r"<svg.*?</svg>", after, re.S).group(0)  # type: ignore[union-attr]


def test_before_anyone_joined_there_are_no_members(client, members):
    html = page(client, f"{members.group.get_absolute_url()}?as_of=2017-01-01")
    assert member_links(html) == set()
    assert "None on that day." in section(html, "members-h")


def test_the_page_says_which_day_it_shows_and_links_back(client, members):
    url = members.group.get_absolute_url()
    html = page(client, f"{url}?as_of=2021-06-01")
    assert '<time datetime="2021-06-01">1 June 2021</time>' in html
    assert f'<a href="{url}">Show every date</a>' in html
    assert 'name="as_of" value="2021-06-01"' in html
    # Without a day: no such note, and the form is empty.
    plain = page(client, url)
    assert "Show every date" not in plain and 'name="as_of" value=""' in plain


@pytest.mark.parametrize(
    "value",
    ["June", "2021-02-30", "2021-6-1", "01/06/2021", "\uff12\uff10\uff12\uff11-06-01", "<b>x</b>"],
)
def test_a_bad_day_is_ignored_and_said_to_be(client, members, value):
    html = page(client, f"{members.group.get_absolute_url()}?as_of={value}")
    assert "is not a date written YYYY-MM-DD, so it was ignored" in html
    assert "<b>x</b>" not in html  # shown back escaped
    # Every date is shown: Argentina included.
    assert members.argentina.get_absolute_url() in member_links(html)


def test_parse_as_of():
    assert parse_as_of("2019-06-01").day == dt.date(2019, 6, 1)
    assert parse_as_of(None).day is None and not parse_as_of("").ignored
    assert parse_as_of("2019-13-01").ignored == "2019-13-01"
    assert parse_as_of("x" * 100).ignored == "x" * 39 + "…"
    assert parse_as_of("a\x00b").ignored == "ab"


def test_a_country_page_shows_its_memberships_on_a_day(client, members):
    url = members.argentina.get_absolute_url()
    html = page(client, url)
    assert members.group.get_absolute_url() in section(html, "memberships-h")
    during = page(client, f"{url}?as_of=2019-06-01")
    assert members.group.get_absolute_url() in section(during, "memberships-h")
    after = page(client, f"{url}?as_of=2021-06-01")
    assert "None on that day." in section(after, "memberships-h")
    assert members.group.get_absolute_url() not in after
    assert '<time datetime="2021-06-01">1 June 2021</time>' in after
    bad = page(client, f"{url}?as_of=soon")
    assert "is not a date written YYYY-MM-DD" in bad
    assert members.group.get_absolute_url() in section(bad, "memberships-h")


def test_an_actor_member_shows_what_it_belongs_to(client, members):
    html = page(client, f"{members.coalition.get_absolute_url()}?as_of=2020-01-01")
    assert members.group.get_absolute_url() in section(html, "memberships-h")
    html = page(client, f"{members.coalition.get_absolute_url()}?as_of=2018-01-01")
    assert members.group.get_absolute_url() not in html


def test_an_actor_page_shows_the_posts_held_on_a_day(client, world, members):
    minister = Actor.objects.create(kind=Actor.Kind.PERSON, name="A Minister")
    Role.objects.create(
        actor=minister,
        title="Foreign Minister",
        country=world.ve,
        valid_from=dt.date(2017, 1, 1),
        valid_to=dt.date(2020, 12, 31),
        article=members.founding,
    )
    Role.objects.create(
        actor=minister,
        title="Ambassador",
        organization=members.group,
        valid_from=dt.date(2021, 1, 1),
        article=members.echo,
    )
    Role.objects.create(
        actor=minister, title="Spokesperson", decision="rejected", article=members.echo
    )
    url = minister.get_absolute_url()
    items = re.findall(r"<li>(.*?)</li>", section(page(client, url), "roles-h"), re.S)
    assert len(items) == 2  # the rejected post left out
    ambassador, foreign_minister = items  # newest start first
    assert ambassador.startswith("Ambassador") and members.group.get_absolute_url() in ambassador
    assert "from 1 Jan 2017" in foreign_minister and "until 31 Dec 2020" in foreign_minister
    assert members.founding.get_absolute_url() in foreign_minister
    roles = section(page(client, f"{url}?as_of=2019-06-01"), "roles-h")
    assert "Foreign Minister" in roles and "Ambassador" not in roles
    assert "Roles held on 1 Jun 2019" in roles
    roles = section(page(client, f"{url}?as_of=2021-06-01"), "roles-h")
    assert "Foreign Minister" not in roles and "Ambassador" in roles
    roles = section(page(client, f"{url}?as_of=2016-06-01"), "roles-h")
    assert "No roles held on that day." in roles


# Query budgets ---------------------------------------------------------------

# An organization's page, as tests/site/test_query_counts.py counts the actor
# page: actor (+ country, merged_into), up to DENSE of its mentions' articles,
# stances (+ both ends, article), stance evidence, claims made, claims about,
# co-mentioned actors, aliases, tags, roles, member_of stances either way
# (+ both ends, article), their evidence (+ article). No articles mention the
# group, so the article and mention queries are not made.
ORGANIZATION_BUDGET = 11


@pytest.mark.parametrize("as_of", ["", "?as_of=2019-06-01", "?as_of=2021-06-01", "?as_of=bad"])
@pytest.mark.parametrize("grown", [1, 50])
def test_an_organization_page_costs_the_same_for_1_or_50_members(
    client, members, django_assert_num_queries, as_of, grown
):
    members.grow(grown)
    # +1: the data version (kb.site.cache), read before rendering.
    with django_assert_num_queries(ORGANIZATION_BUDGET + 1):
        html = page(client, f"{members.group.get_absolute_url()}{as_of}")
    assert len(member_links(html)) >= grown


@pytest.mark.parametrize("grown", [1, 50])
def test_a_country_page_on_a_day_costs_the_same_for_1_or_50_memberships(
    client, members, django_assert_max_num_queries, grown
):
    for i in range(grown):
        group = Actor.objects.create(kind=Actor.Kind.ORGANIZATION, name=f"Group {i}")
        members.canada.stances_held.create(
            relation="member_of", object_actor=group, article=members.echo
        )
    # +1: the data version; the budget is test_query_counts' "country_as_of".
    with django_assert_max_num_queries(9 + 1):
        html = page(client, f"{members.canada.get_absolute_url()}?as_of=2019-06-01")
    assert html.count("/actors/group-") >= grown


# The page cache ----------------------------------------------------------------


def test_the_page_cache_keeps_one_page_per_day(client, members, django_assert_num_queries):
    url = members.group.get_absolute_url()
    assert "/countries/ar/" in page(client, f"{url}?as_of=2019-06-01")
    # Another day is another page, not the one just cached.
    assert "/countries/ar/" not in page(client, f"{url}?as_of=2021-06-01")
    assert "/countries/ar/" in page(client, url)
    # Each is then served from the cache: one query, the data version.
    for day, shows_argentina in (("2019-06-01", True), ("2021-06-01", False)):
        with django_assert_num_queries(1):
            html = page(client, f"{url}?as_of={day}")
        assert ("/countries/ar/" in html) is shows_argentina
