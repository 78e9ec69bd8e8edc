"""FilterSets for the public lists: declared like ModelForms, fed efficient querysets.

Actors, sources and countries are named by slug or ISO code in a text box, as
the API names them (kb/api/filters.py): a <select> of every actor or country
would grow with the knowledge base and cost most of a list page's render time.
An unknown slug or code matches nothing. Invalid values (a malformed date, a
bad ordering) make the field invalid and django-filter then ignores it, so
query parameters never cause an error page.
"""

from __future__ import annotations

import django_filters as filters
from django.db.models import QuerySet

from kb.articles.models import Article, Mention
from kb.claims.models import Claim
from kb.entities.models import Actor, Country


class SlugFilter(filters.CharFilter):
    """An exact slug or code typed by the reader; a NUL byte matches nothing."""

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        if value and "\x00" in value:
            return qs.none()
        return super().filter(qs, value.strip() if value else value)


class CountryCodeFilter(SlugFilter):
    """An ISO 3166 alpha-2 code in any case."""

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        return super().filter(qs, value.upper() if value else value)


class ArticleFilter(filters.FilterSet):
    q = filters.CharFilter(field_name="title", lookup_expr="icontains", label="Title contains")
    source = SlugFilter(field_name="source__slug", label="Source (slug)")
    published_after = filters.DateFilter(
        field_name="published", lookup_expr="gte", label="Published on or after (YYYY-MM-DD)"
    )
    published_before = filters.DateFilter(
        field_name="published", lookup_expr="lte", label="Published on or before (YYYY-MM-DD)"
    )
    actor = SlugFilter(label="Mentions actor (slug)", method="mentioning_actor")
    country = SlugFilter(label="Mentions country (ISO code)", method="mentioning_country")
    tag = filters.CharFilter(field_name="tags__slug", label="Tag", distinct=True)
    o = filters.OrderingFilter(
        fields=(("published", "published"), ("title", "title")),
        field_labels={"published": "Date", "title": "Title"},
        label="Sort by",
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def mentioning_actor(self, qs: QuerySet[Article], name: str, value: str) -> QuerySet:
        if "\x00" in value:
            return qs.none()
        mentions = Mention.objects.accepted().filter(actor__slug=value.strip())
        return qs.filter(pk__in=mentions.values("article_id"))

    def mentioning_country(self, qs: QuerySet[Article], name: str, value: str) -> QuerySet:
        if "\x00" in value:
            return qs.none()
        mentions = Mention.objects.accepted().filter(country_id=value.strip().upper())
        return qs.filter(pk__in=mentions.values("article_id"))


class ActorFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Actor.Kind.choices, label="Kind")
    country = CountryCodeFilter(field_name="country_id", label="Country (ISO code)")
    tag = filters.CharFilter(field_name="tags__slug", label="Tag", distinct=True)
    o = filters.OrderingFilter(
        fields=(("name", "name"), ("mention_count", "mentions")),
        field_labels={"name": "Name", "mention_count": "Mentions"},
        label="Sort by",
    )

    class Meta:
        model = Actor
        fields: list[str] = []


class CountryFilter(filters.FilterSet):
    o = filters.OrderingFilter(
        fields=(("name", "name"), ("mention_count", "mentions")),
        field_labels={"name": "Name", "mention_count": "Mentions"},
        label="Sort by",
    )

    class Meta:
        model = Country
        fields: list[str] = []


PUBLIC_STATUSES = [c for c in Claim.Status.choices if c[0] != Claim.Status.DEPRECATED]


class ClaimFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Claim.Kind.choices, label="Kind")
    status = filters.ChoiceFilter(choices=PUBLIC_STATUSES, label="Status")
    speaker = SlugFilter(field_name="speaker__slug", label="Speaker (actor slug)")
    country = SlugFilter(label="About country (ISO code)", method="about_country")
    tag = filters.CharFilter(field_name="tags__slug", label="Tag", distinct=True)
    date_after = filters.DateFilter(
        field_name="article__published", lookup_expr="gte", label="Published on or after"
    )
    date_before = filters.DateFilter(
        field_name="article__published", lookup_expr="lte", label="Published on or before"
    )
    o = filters.OrderingFilter(
        fields=(("created_at", "created"), ("article__published", "date"), ("status", "status")),
        field_labels={
            "created_at": "Added",
            "article__published": "Article date",
            "status": "Status",
        },
        label="Sort by",
    )

    class Meta:
        model = Claim
        fields: list[str] = []

    def about_country(self, qs: QuerySet[Claim], name: str, value: str) -> QuerySet:
        if "\x00" in value:
            return qs.none()
        about = Claim.countries.through.objects.filter(country_id=value.strip().upper())
        return qs.filter(pk__in=about.values("claim_id"))
