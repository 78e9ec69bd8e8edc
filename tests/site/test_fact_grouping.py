"""kb.site.facts: grouping role and membership rows, without a database."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from kb.articles.models import Article
from kb.entities.models import Actor, Country
from kb.site.facts import SOURCE_LIMIT, group_memberships, group_posts

D = dt.date


def article(pk: int) -> Article:
    return Article(pk=pk, slug=f"a{pk}", title=f"Article {pk}")


def role(pk, title, *, org=None, country=None, start=None, end=None, source=None, cited=()):
    return SimpleNamespace(
        pk=pk,
        title=title,
        organization=org,
        organization_id=org.pk if org else None,
        country=country,
        country_id=country.pk if country else None,
        valid_from=start,
        valid_to=end,
        article=source,
        evidence=SimpleNamespace(all=lambda: [SimpleNamespace(article=a) for a in cited]),
    )


def stance(subject, obj, *, start=None, end=None, source=None, evidence=()):
    claims = [SimpleNamespace(article=a) for a in evidence]
    return SimpleNamespace(
        subject=subject,
        object=obj,
        valid_from=start,
        valid_to=end,
        article=source,
        evidence=SimpleNamespace(all=lambda: claims),
    )


VE = Country(code="VE", name="Venezuela")
AR, CA = Country(code="AR", name="Argentina"), Country(code="CA", name="Canada")
LIMA = Actor(pk=1, name="Lima Group", kind="organization")
COALITION = Actor(pk=2, name="Coalition", kind="organization")


def test_one_post_per_title_organization_and_country():
    posts = group_posts(
        [
            role(5, "Foreign Minister", country=VE, start=D(2019, 1, 1), source=article(1)),
            role(4, "Foreign Minister", country=VE, end=D(2020, 1, 1), source=article(2)),
            role(3, "Foreign Minister", country=VE, start=D(2018, 1, 1), source=article(1)),
            role(2, "Foreign Minister", org=LIMA, start=D(2021, 1, 1), source=None),
            role(1, "Ambassador", start=None, source=article(3)),
        ]
    )
    assert [(p.title, p.organization, p.country) for p in posts] == [
        ("Foreign Minister", LIMA, None),  # newest start first
        ("Foreign Minister", None, VE),
        ("Ambassador", None, None),  # unknown start last
    ]
    minister = posts[1]
    # The earliest known start, the latest known end; each article once.
    assert (minister.valid_from, minister.valid_to) == (D(2018, 1, 1), D(2020, 1, 1))
    assert [a.pk for a in minister.articles] == [1, 2]
    assert posts[0].articles == []


def test_a_post_cites_every_article_its_evidence_comes_from():
    (post,) = group_posts(
        [role(1, "Foreign Minister", country=VE, source=article(1), cited=[article(1), article(4)])]
    )
    assert [a.pk for a in post.articles] == [1, 4]


def test_one_membership_per_member_and_period_citing_every_article():
    found = group_memberships(
        [
            stance(CA, LIMA, start=D(2017, 8, 8), source=article(1), evidence=[article(2)]),
            stance(CA, LIMA, start=D(2017, 8, 8), source=article(2), evidence=[article(3)]),
            stance(AR, LIMA, start=D(2017, 8, 8), end=D(2021, 3, 24), source=article(4)),
            stance(COALITION, LIMA, source=None, evidence=[article(5)]),
            # The same member again later: another period, kept apart.
            stance(AR, LIMA, start=D(2023, 1, 1), source=article(6)),
        ]
    )
    assert [(m.member, m.valid_from, m.valid_to) for m in found] == [
        (AR, D(2017, 8, 8), D(2021, 3, 24)),  # joined first; by name on a tie
        (CA, D(2017, 8, 8), None),
        (AR, D(2023, 1, 1), None),
        (COALITION, None, None),  # unknown start last
    ]
    assert [a.pk for a in found[1].articles] == [1, 2, 3]
    assert found[1].group is LIMA
    assert [a.pk for a in found[3].articles] == [5]


def test_sources_beyond_the_limit_are_counted():
    many = [article(n) for n in range(SOURCE_LIMIT + 3)]
    (membership,) = group_memberships([stance(CA, LIMA, source=many[0], evidence=many[1:])])
    assert len(membership.shown_articles) == SOURCE_LIMIT
    assert membership.more_articles == 3
