"""``/sitemap.xml``: every public page a crawler should know about."""

from __future__ import annotations

import datetime as dt

from django.contrib.sitemaps import Sitemap
from django.db.models import Q, QuerySet
from django.urls import reverse

from kb.articles.models import Article
from kb.claims.models import Claim
from kb.entities.models import Actor, Country


class StaticSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return [
            "site:home",
            "site:article_list",
            "site:actor_list",
            "site:country_list",
            "site:claim_list",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class ArticleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self) -> QuerySet[Article]:
        return Article.objects.only("slug", "updated_at").order_by("id")

    def lastmod(self, item: Article) -> dt.datetime:
        return item.updated_at


class ActorSitemap(Sitemap):
    def items(self) -> QuerySet[Actor]:
        return Actor.objects.active().only("slug", "updated_at").order_by("id")

    def lastmod(self, item: Actor) -> dt.datetime:
        return item.updated_at


class CountrySitemap(Sitemap):
    def items(self) -> QuerySet[Country]:
        return (
            Country.objects.filter(Q(mention_count__gt=0) | Q(actors__isnull=False))
            .distinct()
            .only("code")
            .order_by("code")
        )


class ClaimSitemap(Sitemap):
    def items(self) -> QuerySet[Claim]:
        return Claim.objects.public().only("id", "updated_at").order_by("id")

    def lastmod(self, item: Claim) -> dt.datetime:
        return item.updated_at


SITEMAPS = {
    "pages": StaticSitemap,
    "articles": ArticleSitemap,
    "actors": ActorSitemap,
    "countries": CountrySitemap,
    "claims": ClaimSitemap,
}
