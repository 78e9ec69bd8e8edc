"""FilterSets for the public lists: declared like ModelForms, fed efficient querysets.

Invalid values (an unknown slug, a malformed date, a bad ordering) make the
field invalid and django-filter then ignores it, so query parameters never
cause an error page.
"""

from __future__ import annotations

import django_filters as filters
from django.db.models import QuerySet

from kb.articles.models import Article, Source
from kb.claims.models import Claim
from kb.entities.models import Actor, Country


def _active_actors(request: object) -> QuerySet[Actor]:
    return Actor.objects.active().only("slug", "name").order_by("name")


def _countries(request: object) -> QuerySet[Country]:
    return Country.objects.only("code", "name").order_by("name")


class ArticleFilter(filters.FilterSet):
    q = filters.CharFilter(field_name="title", lookup_expr="icontains", label="Title contains")
    source = filters.ModelChoiceFilter(
        queryset=Source.objects.order_by("name"), to_field_name="slug", label="Source"
    )
    published_after = filters.DateFilter(
        field_name="published", lookup_expr="gte", label="Published on or after (YYYY-MM-DD)"
    )
    published_before = filters.DateFilter(
        field_name="published", lookup_expr="lte", label="Published on or before (YYYY-MM-DD)"
    )
    actor = filters.ModelChoiceFilter(
        queryset=_active_actors, to_field_name="slug", label="Mentions actor", method="mentioning"
    )
    country = filters.ModelChoiceFilter(
        queryset=_countries, label="Mentions country", method="mentioning"
    )
    tag = filters.CharFilter(field_name="tags__slug", label="Tag", distinct=True)
    o = filters.OrderingFilter(
        fields=(("published", "published"), ("title", "title")),
        field_labels={"published": "Date", "title": "Title"},
        label="Sort by",
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def mentioning(self, qs: QuerySet[Article], name: str, value: Actor | Country) -> QuerySet:
        return qs.mentioning(value) if value else qs


class ActorFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Actor.Kind.choices, label="Kind")
    country = filters.ModelChoiceFilter(queryset=_countries, label="Country")
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
    speaker = filters.ModelChoiceFilter(
        queryset=_active_actors, to_field_name="slug", label="Speaker"
    )
    country = filters.ModelChoiceFilter(
        queryset=_countries, field_name="countries", label="About country", distinct=True
    )
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
