"""Query parameters of the API lists.

The parameter names follow the public site's lists (``source``,
``published_after``, ``actor``, ``country``, ``tag``, ``kind``, ``status``,
``speaker``, ``date``), so a reader's filtered page and the data behind it are
one URL apart. Actors and sources are named by slug, countries by ISO code (any
case). Every filter narrows the public querysets the views hand in; none of
them widens what readers may see.

``?search=`` is :class:`FoldedSearchFilter`: accent- and case-insensitive on
names, through the folded alias keys the importer maintains.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import django_filters as df
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import Q, QuerySet
from rest_framework.filters import BaseFilterBackend
from rest_framework.request import Request

from kb.articles.models import Article, Mention
from kb.claims.models import Claim, Decision, Role, Stance
from kb.entities.models import Actor, Alias, Country
from kb.pipeline.fold import fold


def _actors_named(term: str) -> QuerySet[Alias]:
    """Ids of actors one of whose accepted names contains ``term``, accents aside."""
    return Alias.objects.accepted().filter(key__contains=fold(term)).values("actor_id")


def _countries_named(term: str) -> list[str]:
    """Codes of countries whose name, official name or other names contain ``term``.

    Countries have no alias table and number a few hundred, so they are
    matched in Python with the same ``fold`` as everything else.
    """
    key = fold(term)
    codes = []
    for code, name, official, others, demonyms in Country.objects.values_list(
        "code", "name", "official_name", "other_names", "demonyms"
    ):
        names = [name, official, *(others or []), *(demonyms or [])]
        if code.casefold() == key or any(key in fold(n) for n in names):
            codes.append(code)
    return codes


def search_articles(queryset: QuerySet, term: str, *, everything: bool = False) -> QuerySet:
    # An unsure link readers do not see does not make an article theirs to find.
    links = Mention.objects.accepted() if everything else Mention.objects.public()
    mentioned = links.filter(actor_id__in=_actors_named(term))
    return queryset.filter(
        Q(title__icontains=term)
        | Q(body__icontains=term)
        | Q(pk__in=mentioned.values("article_id"))
    )


def search_actors(queryset: QuerySet, term: str, *, everything: bool = False) -> QuerySet:
    return queryset.filter(Q(pk__in=_actors_named(term)) | Q(name__icontains=term))


def search_countries(queryset: QuerySet, term: str, *, everything: bool = False) -> QuerySet:
    return queryset.filter(pk__in=_countries_named(term))


def search_claims(queryset: QuerySet, term: str, *, everything: bool = False) -> QuerySet:
    # A speaker readers are not shown (an unsure, unreviewed one) is not searched either:
    # the search would name them.
    spoken = queryset if everything else queryset.attributed()
    return queryset.filter(text__icontains=term) | spoken.filter(speaker_id__in=_actors_named(term))


def search_mentions(queryset: QuerySet, term: str, *, everything: bool = False) -> QuerySet:
    return queryset.filter(Q(surface__icontains=term) | Q(actor_id__in=_actors_named(term)))


def search_roles(queryset: QuerySet, term: str, *, everything: bool = False) -> QuerySet:
    return queryset.filter(Q(title__icontains=term) | Q(actor_id__in=_actors_named(term)))


class FoldedSearchFilter(BaseFilterBackend):
    """``?search=term``, with the matching rules in the view's ``search_function``."""

    param = "search"

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        search: Callable[..., QuerySet] | None = getattr(view, "search_function", None)
        term = request.query_params.get(self.param, "").strip()
        if search is None or not term:
            return queryset
        if "\x00" in term:
            # No name holds a NUL (and PostgreSQL refuses it in a query): nothing matches.
            return queryset.none()
        return search(queryset, term, everything=unreviewed_all(request))

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        if getattr(view, "search_function", None) is None:
            return []
        return [
            {
                "name": self.param,
                "required": False,
                "in": "query",
                "description": "Words to look for; names match without regard to accents or case.",
                "schema": {"type": "string"},
            }
        ]


class AnyTextField(forms.CharField):
    """A text field that takes any string, NUL included; the filter decides what it means."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]


class TextFilter(df.CharFilter):
    """A slug or name filter: a value with a NUL matches nothing (none is stored).

    Django's form field would reject it with a 400, but the schema rightly says
    any string is a valid query; answering "no rows" keeps the two in step and
    never sends a NUL to PostgreSQL, which refuses them.
    """

    field_class = AnyTextField

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        if value and "\x00" in value:
            return qs.none()
        return super().filter(qs, value)


def nul_matches_nothing(
    method: Callable[[Any, QuerySet, str, str], QuerySet],
) -> Callable[[Any, QuerySet, str, str], QuerySet]:
    """The same rule as :class:`TextFilter`, for filters with a ``method``."""

    def wrapper(self: Any, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value and "\x00" in value:
            return queryset.none()
        return method(self, queryset, name, value)

    return wrapper


class CountryCodeFilter(TextFilter):
    """An ISO code in any case; ``field_name`` is the country foreign key."""

    def filter(self, qs: QuerySet, value: str) -> QuerySet:
        return super().filter(qs, value.upper() if value else value)


def unreviewed_all(request: Any) -> bool:
    """``?unreviewed=all``: less confident unreviewed facts and links too."""
    params = getattr(request, "query_params", None) or getattr(request, "GET", None) or {}
    return params.get("unreviewed") == "all"


def _mentions(request: Any) -> QuerySet[Mention]:
    """The mentions a request may see: links readers follow, or with
    ``?unreviewed=all`` every accepted one."""
    return Mention.objects.accepted() if unreviewed_all(request) else Mention.objects.public()


def _tag_filter() -> df.CharFilter:
    return TextFilter(field_name="tags__slug", label="Tag (slug)")


class ArticleFilter(df.FilterSet):
    source = TextFilter(field_name="source__slug", label="Source (slug)")
    published_after = df.DateFilter(field_name="published", lookup_expr="gte")
    published_before = df.DateFilter(field_name="published", lookup_expr="lte")
    actor = TextFilter(method="filter_actor", label="Mentioned actor (slug)")
    country = TextFilter(method="filter_country", label="Mentioned country (ISO code)")
    tag = _tag_filter()

    class Meta:
        model = Article
        fields: list[str] = []

    @nul_matches_nothing
    def filter_actor(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        mentions = _mentions(self.request).filter(actor__slug=value)
        return queryset.filter(pk__in=mentions.values("article_id"))

    @nul_matches_nothing
    def filter_country(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        mentions = Mention.objects.accepted().filter(country_id=value.upper())
        return queryset.filter(pk__in=mentions.values("article_id"))


class ActorFilter(df.FilterSet):
    kind = df.ChoiceFilter(choices=Actor.Kind.choices)
    country = CountryCodeFilter(field_name="country_id", label="Country (ISO code)")
    tag = _tag_filter()

    class Meta:
        model = Actor
        fields: list[str] = []


class CountryFilter(df.FilterSet):
    historical = df.BooleanFilter()

    class Meta:
        model = Country
        fields: list[str] = []


class ClaimFilter(df.FilterSet):
    kind = df.ChoiceFilter(choices=Claim.Kind.choices)
    status = df.ChoiceFilter(
        choices=[c for c in Claim.Status.choices if c[0] != Claim.Status.DEPRECATED]
    )
    speaker = TextFilter(method="filter_speaker", label="Speaker (actor slug)")
    subject = TextFilter(method="filter_subject", label="Actor the claim is about (slug)")
    country = TextFilter(method="filter_country", label="Country the claim is about (ISO code)")
    article = TextFilter(field_name="article__slug", label="Article (slug)")
    tag = _tag_filter()
    # As on the site: a claim is dated by its article.
    date = df.DateFilter(field_name="article__published", label="Published on")
    date_after = df.DateFilter(
        field_name="article__published", lookup_expr="gte", label="Published on or after"
    )
    date_before = df.DateFilter(
        field_name="article__published", lookup_expr="lte", label="Published on or before"
    )

    class Meta:
        model = Claim
        fields: list[str] = []

    @nul_matches_nothing
    def filter_speaker(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Claims this actor is shown to have made (``?unreviewed=all``: any)."""
        if not unreviewed_all(self.request):
            queryset = queryset.attributed()
        return queryset.filter(speaker__slug=value)

    @nul_matches_nothing
    def filter_subject(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            pk__in=Claim.subjects.through.objects.filter(actor__slug=value).values("claim_id")
        )

    @nul_matches_nothing
    def filter_country(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            pk__in=Claim.countries.through.objects.filter(country_id=value.upper()).values(
                "claim_id"
            )
        )


class MentionFilter(df.FilterSet):
    article = TextFilter(field_name="article__slug", label="Article (slug)")
    actor = TextFilter(field_name="actor__slug", label="Actor (slug)")
    country = CountryCodeFilter(field_name="country_id", label="Country (ISO code)")
    status = df.ChoiceFilter(
        choices=[c for c in Mention.Status.choices if c[0] != Mention.Status.REJECTED]
    )

    class Meta:
        model = Mention
        fields: list[str] = []


# ASCII digits only: \d would take any script's, which the site refuses.
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class IsoDateField(forms.DateField):
    """A day written ``YYYY-MM-DD`` in ASCII digits, and no other way.

    The site's ``?as_of=`` reads exactly these (``kb.site.facts.parse_as_of``),
    so a day the page shows is a day the API filters on, and a value the page
    ignores is one the API refuses with a 400.
    """

    input_formats = ["%Y-%m-%d"]

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, str) and value and not _ISO_DAY.fullmatch(value):
            raise forms.ValidationError("Enter a day as YYYY-MM-DD.", code="invalid")
        return super().to_python(value)


class ValidOnFilter(df.DateFilter):
    """Rows that held on the given day (``TimeBoundQuerySet.valid_on``).

    The same queryset method the site's actor, organization and country pages
    call for ``?as_of=``, so the two always list the same rows.
    """

    field_class = IsoDateField

    def filter(self, qs: QuerySet, value: dt.date | None) -> QuerySet:
        return qs.valid_on(value) if value else qs  # type: ignore[attr-defined]


_DECISIONS = [c for c in Decision.choices if c[0] != Decision.REJECTED]


class StanceFilter(df.FilterSet):
    relation = df.ChoiceFilter(choices=Stance.Relation.choices)
    negated = df.BooleanFilter(label="The text says the opposite (false: only what holds)")
    subject_actor = TextFilter(field_name="subject_actor__slug", label="Subject (actor slug)")
    subject_country = CountryCodeFilter(field_name="subject_country_id", label="Subject (ISO code)")
    object_actor = TextFilter(field_name="object_actor__slug", label="Object (actor slug)")
    object_country = CountryCodeFilter(field_name="object_country_id", label="Object (ISO code)")
    article = TextFilter(field_name="article__slug", label="Article (slug)")
    decision = df.ChoiceFilter(choices=_DECISIONS)
    valid_on = ValidOnFilter(label="Held on this day")

    class Meta:
        model = Stance
        fields: list[str] = []


class RoleFilter(df.FilterSet):
    actor = TextFilter(field_name="actor__slug", label="Actor (slug)")
    organization = TextFilter(field_name="organization__slug", label="Organization (slug)")
    country = CountryCodeFilter(field_name="country_id", label="Country (ISO code)")
    article = TextFilter(field_name="article__slug", label="Article (slug)")
    decision = df.ChoiceFilter(choices=_DECISIONS)
    valid_on = ValidOnFilter(label="Held on this day")

    class Meta:
        model = Role
        fields: list[str] = []
