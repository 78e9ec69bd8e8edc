"""FilterSets for the public lists: declared like ModelForms, fed efficient querysets.

On the article and actor lists, actors, sources and countries are named by
slug or ISO code in a text box, as the API names them (kb/api/filters.py): a
<select> of every actor or country would grow with the knowledge base and
cost most of a list page's render time. The claim list picks its speaker and
country by name from a <select> of only those that occur in public claims
(one query each, whatever the page shows); the query string still carries a
slug and a code, so old links keep working. An unknown slug or code matches
nothing. Invalid values (a malformed date, a bad ordering) make the field
invalid and django-filter then ignores it, so query parameters never cause an
error page. Every choice's empty option reads "Any".
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator

import django_filters as filters
from django import forms
from django.db.models import QuerySet
from django_filters.fields import ChoiceField

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


ANY = "Any"


class ChoiceFilter(filters.ChoiceFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", ANY)
        super().__init__(*args, **kwargs)


class OrderingFilter(filters.OrderingFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", ANY)
        super().__init__(*args, **kwargs)


class QueriedChoices:
    """Choices read from the database once, when the form first iterates them.

    A plain callable would be called on every iteration, and a <select> is
    iterated twice as it renders (once to decide on ``required``).
    """

    def __init__(self, read: Callable[[], list[tuple[str, str]]]) -> None:
        self.read = read
        self.rows: list[tuple[str, str]] | None = None

    def __iter__(self) -> Iterator[tuple[str, str]]:
        if self.rows is None:
            self.rows = self.read()
        return iter(self.rows)


class SelectKeepingValue(forms.Select):
    """A <select> that shows a value it has no option for (an old link's slug).

    Otherwise the reader would see "Any" over a list that is in fact filtered.
    """

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        chosen = next((v for v in value if v), None)
        if chosen and not any(o["selected"] for _, options, _ in groups for o in options):
            option = self.create_option(name, chosen, chosen, True, len(groups), attrs=attrs)
            groups.append((None, [option], len(groups)))
        return groups


class OpenChoiceField(ChoiceField):
    """Any value is valid, not only the offered ones, so that choices need no
    query to validate and a slug that is not offered still filters (to nothing,
    unless it names a match); a NUL byte is invalid, hence ignored."""

    widget = SelectKeepingValue

    def valid_value(self, value: str) -> bool:
        return "\x00" not in value


class NamedSlugFilter(SlugFilter):
    """A slug or code picked by name from a <select> whose choices the
    FilterSet supplies per request (``choices`` in ``extra``)."""

    field_class = OpenChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", ANY)
        super().__init__(*args, **kwargs)


def _folded(text: str) -> str:
    """A sort key that puts "Álvaro" with the As, not after "Z"."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).casefold()


def speaker_choices() -> list[tuple[str, str]]:
    """(slug, name) of every actor readers are told made a public claim, by name (one query).

    Two actors with one name are told apart by their country, or else their slug.
    """
    rows = list(
        Actor.objects.filter(pk__in=Claim.objects.public().attributed().values("speaker_id"))
        .order_by("name", "slug")
        .values_list("slug", "name", "country__name")
    )
    twice = {name for name, n in Counter(name for _, name, _ in rows).items() if n > 1}
    choices = [
        (slug, f"{name} ({country or slug})" if name in twice else name)
        for slug, name, country in rows
    ]
    return sorted(choices, key=lambda choice: _folded(choice[1]))


def claim_country_choices() -> list[tuple[str, str]]:
    """(code, name) of every country a public claim is about, by name (one query)."""
    about = Claim.countries.through.objects.filter(claim__in=Claim.objects.public())
    rows = Country.objects.filter(pk__in=about.values("country_id")).values_list("code", "name")
    return sorted(rows, key=lambda choice: _folded(choice[1]))


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
    o = OrderingFilter(
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
        mentions = Mention.objects.public().filter(actor__slug=value.strip())
        return qs.filter(pk__in=mentions.values("article_id"))

    def mentioning_country(self, qs: QuerySet[Article], name: str, value: str) -> QuerySet:
        if "\x00" in value:
            return qs.none()
        mentions = Mention.objects.accepted().filter(country_id=value.strip().upper())
        return qs.filter(pk__in=mentions.values("article_id"))


class ActorFilter(filters.FilterSet):
    kind = ChoiceFilter(choices=Actor.Kind.choices, label="Kind")
    country = CountryCodeFilter(field_name="country_id", label="Country (ISO code)")
    tag = filters.CharFilter(field_name="tags__slug", label="Tag", distinct=True)
    o = OrderingFilter(
        fields=(("name", "name"), ("mention_count", "mentions")),
        field_labels={"name": "Name", "mention_count": "Mentions"},
        label="Sort by",
    )

    class Meta:
        model = Actor
        fields: list[str] = []


class CountryFilter(filters.FilterSet):
    o = OrderingFilter(
        fields=(("name", "name"), ("mention_count", "mentions")),
        field_labels={"name": "Name", "mention_count": "Mentions"},
        label="Sort by",
    )

    class Meta:
        model = Country
        fields: list[str] = []


PUBLIC_STATUSES = [c for c in Claim.Status.choices if c[0] != Claim.Status.DEPRECATED]


class ClaimFilter(filters.FilterSet):
    kind = ChoiceFilter(choices=Claim.Kind.choices, label="Kind")
    status = ChoiceFilter(choices=PUBLIC_STATUSES, label="Status")
    speaker = NamedSlugFilter(label="Speaker", method="by_speaker")
    country = NamedSlugFilter(label="About country", method="about_country")
    tag = filters.CharFilter(field_name="tags__slug", label="Tag", distinct=True)
    date_after = filters.DateFilter(
        field_name="article__published", lookup_expr="gte", label="Published on or after"
    )
    date_before = filters.DateFilter(
        field_name="article__published", lookup_expr="lte", label="Published on or before"
    )
    o = OrderingFilter(
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

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get("country"):
            # Codes are offered in capitals; an old link's "ve" is still Venezuela.
            data = data.copy()
            data["country"] = data["country"].strip().upper()
        super().__init__(data, *args, **kwargs)
        # Per request, so each page reads the current speakers and countries.
        self.filters["speaker"].extra["choices"] = QueriedChoices(speaker_choices)
        self.filters["country"].extra["choices"] = QueriedChoices(claim_country_choices)

    def by_speaker(self, qs: QuerySet[Claim], name: str, value: str) -> QuerySet:
        """Claims readers are told this actor made (never one whose speaker is not shown)."""
        if "\x00" in value:
            return qs.none()
        return qs.attributed().filter(speaker__slug=value.strip())

    def about_country(self, qs: QuerySet[Claim], name: str, value: str) -> QuerySet:
        if "\x00" in value:
            return qs.none()
        about = Claim.countries.through.objects.filter(country_id=value.strip().upper())
        return qs.filter(pk__in=about.values("claim_id"))
