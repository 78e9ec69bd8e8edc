"""Read-only API views: what the public site shows, as JSON or CSV.

Each viewset starts from the public queryset of its model (no deprecated
claims, no rejected mentions, stances or roles, no merged actors), with the
joins and prefetches its serializer needs, so a page costs the same number of
queries for one row or fifty. The shared behaviour lives in :class:`KbViewSet`:
CSV export of whole lists, conditional GET, throttling of anonymous clients.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from django.db.models import Max, Model, Prefetch, QuerySet
from django.http import (
    HttpRequest,
    HttpResponseBase,
    HttpResponseNotModified,
    StreamingHttpResponse,
)
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import http_date, parse_http_date_safe
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.filters import OrderingFilter
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from kb.api import filters, serializers
from kb.api.renderers import CSVRenderer, csv_lines
from kb.api.schema import KbAutoSchema
from kb.articles.models import Article, Mention, Source
from kb.claims.models import Claim, Role, Stance
from kb.entities.models import Actor, Alias, Country
from kb.paging import COUNT_LIMIT, OpenPaginator

SLUG = "[-a-zA-Z0-9_]+"
ID = "[0-9]{1,18}"
# Columns only the detail page needs; a list would load them for nothing.
ARTICLE_TEXT = ("raw_text", "body", "offsets", "blocks")
CSV_CHUNK = 500


def _defer_article(prefix: str) -> list[str]:
    return [f"{prefix}{field}" for field in ARTICLE_TEXT]


class AnonApiThrottle(AnonRateThrottle):
    """The anonymous rate, read when a request comes rather than at import.

    DRF binds ``THROTTLE_RATES`` once at import; reading ``api_settings`` here
    lets ``override_settings(REST_FRAMEWORK=...)`` (which reloads them) apply.
    """

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class KbPagination(PageNumberPagination):
    """Page numbers, with a count that stops at ``COUNT_LIMIT`` rows (``kb.paging``).

    ``count`` is exact up to the limit and ``null`` past it, and ``next`` keeps
    leading on to the last row; ``?page=last`` is refused there, as the last
    page is not known without counting every row.
    """

    page_size_query_param = "page_size"
    max_page_size = 200
    django_paginator_class = OpenPaginator

    def get_page_number(self, request: Request, paginator: Any) -> Any:
        number = request.query_params.get(self.page_query_param) or 1
        if number in self.last_page_strings and paginator.more:
            raise NotFound(f"More than {COUNT_LIMIT} rows: the last page is not counted.")
        return super().get_page_number(request, paginator)

    def get_paginated_response(self, data: Any) -> Response:
        response = super().get_paginated_response(data)
        if self.page.paginator.more:
            response.data["count"] = None
        return response

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        described = super().get_paginated_response_schema(schema)
        described["properties"]["count"].update(
            nullable=True,
            description=f"The number of rows, or null when there are more than {COUNT_LIMIT}.",
        )
        return described


class KbViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only resource with CSV export and conditional GET.

    ``?format=csv`` on a list streams every filtered row (not one page),
    reading the queryset in chunks. JSON and CSV responses to GET carry an
    ``ETag`` (a hash of the body) and, for models with ``updated_at``, a
    ``Last-Modified``; a client that sends them back gets ``304 Not Modified``.
    """

    renderer_classes = [JSONRenderer, CSVRenderer]
    pagination_class = KbPagination
    # Read-only and public: every client is anonymous and throttled as such.
    authentication_classes: list[type] = []
    throttle_classes = [AnonApiThrottle]
    permission_classes = [AllowAny]
    filter_backends = [DjangoFilterBackend, filters.FoldedSearchFilter, OrderingFilter]
    schema = KbAutoSchema()
    lookup_value_regex = ID
    last_modified_field: str | None = None
    search_function: Callable[..., QuerySet] | None = None
    last_modified: dt.datetime | None = None

    def list(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
        queryset = self.filter_queryset(self.get_queryset())
        if request.accepted_renderer.format == CSVRenderer.format:
            return self.csv_response(queryset)
        if self.last_modified_field:
            # Over the whole table, not the filtered rows: a claim that was just
            # deprecated has left the public list, but its change must still count.
            table = queryset.model._default_manager
            self.last_modified = table.aggregate(last=Max(self.last_modified_field))["last"]
            if self.not_modified_since(request):
                # A poller that sends only If-Modified-Since costs one query.
                return _not_modified(self.last_modified)
        page = self.paginate_queryset(queryset)
        serializer = self.get_serializer(page, many=True)
        return self.get_paginated_response(serializer.data)

    def not_modified_since(self, request: Request) -> bool:
        """Whether If-Modified-Since can be answered before reading any row.

        If-None-Match, when sent, takes precedence (RFC 9110), and needs the body.
        """
        since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        return (
            since is not None
            and "If-None-Match" not in request.headers
            and self.last_modified is not None
            and int(self.last_modified.timestamp()) <= since
        )

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        if self.last_modified_field:
            self.last_modified = getattr(instance, self.last_modified_field)
        return Response(self.get_serializer(instance).data)

    def csv_response(self, queryset: QuerySet) -> StreamingHttpResponse:
        # One serializer for every row, as a list serializer's child: building
        # its fields per row would cost more than the row itself.
        serializer = self.get_serializer_class()(context=self.get_serializer_context())
        header = list(serializer.fields)

        def rows() -> Iterator[Any]:
            # A chunk size lets prefetch_related work batch by batch.
            for obj in queryset.iterator(chunk_size=CSV_CHUNK):
                yield serializer.to_representation(obj)

        name = self.basename or "export"
        response = StreamingHttpResponse(
            csv_lines(header, rows()), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}s.csv"'
        return response

    def finalize_response(
        self, request: Request, response: HttpResponseBase, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        response = super().finalize_response(request, response, *args, **kwargs)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and isinstance(response, Response)
        ):
            # The body exists only once rendered; the check runs right after.
            response.add_post_render_callback(
                partial(_conditional, request._request, self.last_modified)
            )
        return response


def _not_modified(last_modified: dt.datetime | None) -> HttpResponseNotModified:
    response = HttpResponseNotModified()
    if last_modified is not None:
        response.headers["Last-Modified"] = http_date(last_modified.timestamp())
    return response


def _conditional(
    request: HttpRequest, last_modified: dt.datetime | None, response: HttpResponseBase
) -> HttpResponseBase:
    """What ``ConditionalGetMiddleware`` does, plus our Last-Modified."""
    set_response_etag(response)
    if last_modified is not None:
        response.headers["Last-Modified"] = http_date(last_modified.timestamp())
    return get_conditional_response(
        request,
        etag=response.headers.get("ETag"),
        last_modified=parse_http_date_safe(response.headers.get("Last-Modified", "")),
        response=response,
    )


class SourceViewSet(KbViewSet):
    """Publishers."""

    serializer_class = serializers.SourceSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG
    ordering_fields = ["name"]

    def get_queryset(self) -> QuerySet[Source]:
        return Source.objects.all()


class ArticleViewSet(KbViewSet):
    """Articles, newest first. The detail adds the clean body."""

    lookup_field = "slug"
    lookup_value_regex = SLUG
    filterset_class = filters.ArticleFilter
    search_function = staticmethod(filters.search_articles)
    ordering_fields = ["published", "title", "imported_at", "updated_at", "id"]
    last_modified_field = "updated_at"

    def get_serializer_class(self) -> type[serializers.ArticleSerializer]:
        if self.action == "retrieve":
            return serializers.ArticleDetailSerializer
        return serializers.ArticleSerializer

    def get_queryset(self) -> QuerySet[Article]:
        queryset = Article.objects.select_related("source").prefetch_related("tags")
        if self.action != "retrieve":
            queryset = queryset.defer(*ARTICLE_TEXT)
        return queryset


class CountryViewSet(KbViewSet):
    """Countries, by ISO 3166 code."""

    serializer_class = serializers.CountrySerializer
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z]{2}"
    filterset_class = filters.CountryFilter
    search_function = staticmethod(filters.search_countries)
    ordering_fields = ["name", "code", "mention_count"]

    def get_queryset(self) -> QuerySet[Country]:
        return Country.objects.all()

    def get_object(self) -> Model:
        # Codes are stored upper case; the public site writes them lower case.
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()


class ActorViewSet(KbViewSet):
    """People and organizations (merged actors are left out: they live on in the survivor)."""

    serializer_class = serializers.ActorSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG
    filterset_class = filters.ActorFilter
    search_function = staticmethod(filters.search_actors)
    ordering_fields = ["name", "mention_count", "created_at", "updated_at"]
    last_modified_field = "updated_at"

    def get_queryset(self) -> QuerySet[Actor]:
        return Actor.objects.active().prefetch_related(
            "tags", Prefetch("aliases", queryset=Alias.objects.accepted())
        )


class ClaimViewSet(KbViewSet):
    """Claims with their provenance (deprecated claims are not public).

    Lists what readers see: a quote whose speaker no editor confirmed and the
    importer was less sure of than KB_PUBLIC_CONFIDENCE comes without its speaker,
    such a figure not at all; ``?unreviewed=all`` gives them all, speakers included."""

    serializer_class = serializers.ClaimSerializer
    filterset_class = filters.ClaimFilter
    search_function = staticmethod(filters.search_claims)
    ordering_fields = ["created_at", "updated_at", "refers_to", "id", "kind", "status"]
    last_modified_field = "updated_at"

    def get_queryset(self) -> QuerySet[Claim]:
        claims = Claim.objects.accepted() if _all(self) else Claim.objects.public()
        return (
            claims.select_related("article", "speaker")
            .defer(*_defer_article("article__"))
            .prefetch_related(
                "tags", Prefetch("subjects", queryset=Actor.objects.only("id", "slug")), "countries"
            )
        )


class MentionViewSet(KbViewSet):
    """Where an article names an actor or a country (rejected links are left out).

    Lists the links readers follow: confirmed, or found with at least
    KB_PUBLIC_CONFIDENCE; ``?unreviewed=all`` adds the less sure ones."""

    serializer_class = serializers.MentionSerializer
    filterset_class = filters.MentionFilter
    search_function = staticmethod(filters.search_mentions)
    ordering_fields = ["id", "start"]

    def get_queryset(self) -> QuerySet[Mention]:
        mentions = Mention.objects.accepted() if _all(self) else Mention.objects.public()
        return mentions.select_related("article", "actor").defer(*_defer_article("article__"))


def _all(view: Any) -> bool:
    return filters.unreviewed_all(getattr(view, "request", None))


def _facts(model: type[Stance] | type[Role], request: Any) -> QuerySet:
    """What readers see (confirmed, or unreviewed and confident enough); with
    ``?unreviewed=all`` every fact no editor rejected, less confident ones included."""
    if filters.unreviewed_all(request):
        return model.objects.accepted()  # type: ignore[attr-defined,no-any-return]
    return model.objects.public()  # type: ignore[attr-defined,no-any-return]


class StanceViewSet(KbViewSet):
    """Who supports, opposes, recognizes... whom, and when (rejected ones left out).

    Lists what readers see: facts an editor confirmed, and unreviewed ones at or
    above KB_PUBLIC_CONFIDENCE (``decision`` says which); ``?unreviewed=all`` adds
    the less confident ones."""

    serializer_class = serializers.StanceSerializer
    filterset_class = filters.StanceFilter
    ordering_fields = ["valid_from", "valid_to", "id", "relation"]

    def get_queryset(self) -> QuerySet[Stance]:
        return (
            _facts(Stance, getattr(self, "request", None))
            .select_related("subject_actor", "subject_country", "object_actor", "object_country")
            .select_related("article")
            .defer(*_defer_article("article__"))
            .prefetch_related(Prefetch("evidence", queryset=Claim.objects.public().only("id")))
        )


class RoleViewSet(KbViewSet):
    """Posts held by actors, and when (rejected ones left out; ``?unreviewed=all`` as
    for stances)."""

    serializer_class = serializers.RoleSerializer
    filterset_class = filters.RoleFilter
    search_function = staticmethod(filters.search_roles)
    ordering_fields = ["valid_from", "valid_to", "id", "title"]

    def get_queryset(self) -> QuerySet[Role]:
        return (
            _facts(Role, getattr(self, "request", None))
            .select_related("actor", "organization", "article")
            .defer(*_defer_article("article__"))
        )
