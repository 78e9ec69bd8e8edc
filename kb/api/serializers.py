"""Read-only representations of the public knowledge base.

Every resource carries ``url`` (itself in the API) and, where the public site
has a page for it, ``html_url``. Relations are hyperlinks, so a client can
walk from an article to its source, mentions and claims, and from a claim to
its speaker and article. Collections too large to inline (an article's
mentions, an actor's claims) are links to a filtered list.

The serializers never query: views hand them querysets with the needed
``select_related`` / ``prefetch_related`` already in place.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.db.models import Model
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import _reverse

from kb.api.filters import unreviewed_all
from kb.articles.models import Article, Mention, Source
from kb.claims.models import Claim, Role, Stance
from kb.entities.models import Actor, Country


def _absolute(serializer: serializers.Serializer, path: str) -> str:
    request = serializer.context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


def _list_link(serializer: serializers.Serializer, name: str, **params: str) -> str:
    return _absolute(serializer, f"{reverse(f'api:{name}-list')}?{urlencode(params)}")


class HtmlUrlField(serializers.Field):
    """The public page of the object, absolute when a request is at hand."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value: Model) -> str:
        return _absolute(self.parent, value.get_absolute_url())  # type: ignore[attr-defined]


extend_schema_field({"type": "string", "format": "uri"})(HtmlUrlField)


class TagListField(serializers.Field):
    """Tag names; relies on ``prefetch_related("tags")``."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.update(read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> list[str]:
        return sorted(tag.name for tag in value.all())


extend_schema_field({"type": "array", "items": {"type": "string"}})(TagListField)


class CanonicalLinkField(serializers.HyperlinkedRelatedField):
    """A hyperlink without the request's ``?format=``: a CSV row links to the resource."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.reverse = _reverse  # DRF's own reverse() copies ?format= from the request


def _link(view_name: str, *, lookup_field: str = "pk", **kwargs: Any) -> Any:
    kwargs.setdefault("read_only", True)
    return CanonicalLinkField(view_name=f"api:{view_name}", lookup_field=lookup_field, **kwargs)


def _country_link(**kwargs: Any) -> Any:
    # The country's primary key is its code, so the link needs no join.
    return _link("country-detail", lookup_url_kwarg="code", **kwargs)


class SourceSerializer(serializers.HyperlinkedModelSerializer):
    url = _link("source-detail", lookup_field="slug", source="*")
    articles = serializers.SerializerMethodField(help_text="The source's articles.")

    class Meta:
        model = Source
        fields = ["url", "slug", "name", "home_url", "articles"]

    home_url = serializers.SerializerMethodField(help_text="The publisher's site, when known.")

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_home_url(self, obj: Source) -> str | None:
        return obj.url or None  # the model stores "unknown" as a blank string

    @extend_schema_field(OpenApiTypes.URI)
    def get_articles(self, obj: Source) -> str:
        return _list_link(self, "article", source=obj.slug)


class ArticleSerializer(serializers.HyperlinkedModelSerializer):
    url = _link("article-detail", lookup_field="slug", source="*")
    html_url = HtmlUrlField()
    source = _link("source-detail", lookup_field="slug", allow_null=True)
    source_name = serializers.CharField(source="source.name", read_only=True, allow_null=True)
    tags = TagListField()
    mentions = serializers.SerializerMethodField(help_text="The article's accepted mentions.")
    claims = serializers.SerializerMethodField(help_text="The article's public claims.")

    class Meta:
        model = Article
        fields = [
            "url",
            "html_url",
            "id",
            "slug",
            "title",
            "source",
            "source_name",
            "published",
            "language",
            "original_name",
            "tags",
            "mentions",
            "claims",
            "imported_at",
            "updated_at",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_mentions(self, obj: Article) -> str:
        return _list_link(self, "mention", article=obj.slug)

    @extend_schema_field(OpenApiTypes.URI)
    def get_claims(self, obj: Article) -> str:
        return _list_link(self, "claim", article=obj.slug)


class ArticleDetailSerializer(ArticleSerializer):
    """An article with its clean body, which every span indexes into."""

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body"]


class CountrySerializer(serializers.HyperlinkedModelSerializer):
    url = _country_link(source="*")
    html_url = HtmlUrlField()
    actors = serializers.SerializerMethodField(help_text="Actors of this country.")
    claims = serializers.SerializerMethodField(help_text="Public claims about this country.")
    articles = serializers.SerializerMethodField(help_text="Articles that mention this country.")

    class Meta:
        model = Country
        fields = [
            "url",
            "html_url",
            "code",
            "name",
            "official_name",
            "demonyms",
            "other_names",
            "historical",
            "mention_count",
            "actors",
            "articles",
            "claims",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_actors(self, obj: Country) -> str:
        return _list_link(self, "actor", country=obj.code)

    @extend_schema_field(OpenApiTypes.URI)
    def get_articles(self, obj: Country) -> str:
        return _list_link(self, "article", country=obj.code)

    @extend_schema_field(OpenApiTypes.URI)
    def get_claims(self, obj: Country) -> str:
        return _list_link(self, "claim", country=obj.code)


class ActorSerializer(serializers.HyperlinkedModelSerializer):
    url = _link("actor-detail", lookup_field="slug", source="*")
    html_url = HtmlUrlField()
    country = _country_link(allow_null=True)
    aliases = serializers.SerializerMethodField(help_text="Names the actor goes by.")
    tags = TagListField()
    mentions = serializers.SerializerMethodField(help_text="Accepted mentions of the actor.")
    articles = serializers.SerializerMethodField(help_text="Articles that mention the actor.")
    claims = serializers.SerializerMethodField(help_text="Public claims the actor made.")
    roles = serializers.SerializerMethodField(help_text="Posts the actor held.")

    class Meta:
        model = Actor
        fields = [
            "url",
            "html_url",
            "slug",
            "name",
            "kind",
            "country",
            "description",
            "aliases",
            "tags",
            "mention_count",
            "mentions",
            "articles",
            "claims",
            "roles",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field({"type": "array", "items": {"type": "string"}})
    def get_aliases(self, obj: Actor) -> list[str]:
        # Relies on a prefetch of the accepted aliases only.
        return sorted({alias.name for alias in obj.aliases.all()})

    @extend_schema_field(OpenApiTypes.URI)
    def get_mentions(self, obj: Actor) -> str:
        return _list_link(self, "mention", actor=obj.slug)

    @extend_schema_field(OpenApiTypes.URI)
    def get_articles(self, obj: Actor) -> str:
        return _list_link(self, "article", actor=obj.slug)

    @extend_schema_field(OpenApiTypes.URI)
    def get_claims(self, obj: Actor) -> str:
        return _list_link(self, "claim", speaker=obj.slug)

    @extend_schema_field(OpenApiTypes.URI)
    def get_roles(self, obj: Actor) -> str:
        return _list_link(self, "role", actor=obj.slug)


class ClaimSerializer(serializers.HyperlinkedModelSerializer):
    url = _link("claim-detail", source="*")
    html_url = HtmlUrlField()
    article = _link("article-detail", lookup_field="slug")
    speaker = _link("actor-detail", lookup_field="slug", allow_null=True)
    speaker_name = serializers.CharField(source="speaker.name", read_only=True, allow_null=True)
    subjects = _link("actor-detail", lookup_field="slug", many=True)
    countries = _country_link(many=True)
    tags = TagListField()

    class Meta:
        model = Claim
        fields = [
            "url",
            "html_url",
            "id",
            "kind",
            "status",
            "text",
            "article",
            "start",
            "end",
            "speaker",
            "speaker_name",
            "subjects",
            "countries",
            "refers_to",
            "value",
            "unit",
            "counted",
            "confidence",
            "tags",
            "created_at",
            "updated_at",
        ]

    def to_representation(self, instance: Claim) -> dict[str, Any]:
        data = super().to_representation(instance)
        if not (unreviewed_all(self.context.get("request")) or instance.vouched):
            # As on the site: a speaker the importer was not sure of is not named.
            data["speaker"] = data["speaker_name"] = None
        return data


class MentionSerializer(serializers.HyperlinkedModelSerializer):
    url = _link("mention-detail", source="*")
    article = _link("article-detail", lookup_field="slug")
    actor = _link("actor-detail", lookup_field="slug", allow_null=True)
    country = _country_link(allow_null=True)

    class Meta:
        model = Mention
        fields = [
            "url",
            "id",
            "article",
            "start",
            "end",
            "surface",
            "actor",
            "country",
            "status",
            "confidence",
        ]


class StanceSerializer(serializers.HyperlinkedModelSerializer):
    url = _link("stance-detail", source="*")
    subject_actor = _link("actor-detail", lookup_field="slug", allow_null=True)
    subject_country = _country_link(allow_null=True)
    object_actor = _link("actor-detail", lookup_field="slug", allow_null=True)
    object_country = _country_link(allow_null=True)
    article = _link("article-detail", lookup_field="slug", allow_null=True)
    evidence = _link("claim-detail", many=True)
    text = serializers.CharField(source="__str__", read_only=True, help_text="In words.")

    class Meta:
        model = Stance
        fields = [
            "url",
            "id",
            "text",
            "subject_actor",
            "subject_country",
            "relation",
            "negated",
            "object_actor",
            "object_country",
            "valid_from",
            "valid_to",
            "article",
            "evidence",
            "decision",
            "confidence",
            "first_attested",
            "last_attested",
        ]


class RoleSerializer(serializers.HyperlinkedModelSerializer):
    url = _link("role-detail", source="*")
    actor = _link("actor-detail", lookup_field="slug")
    organization = _link("actor-detail", lookup_field="slug", allow_null=True)
    country = _country_link(allow_null=True)
    article = _link("article-detail", lookup_field="slug", allow_null=True)

    class Meta:
        model = Role
        fields = [
            "url",
            "id",
            "actor",
            "title",
            "organization",
            "country",
            "valid_from",
            "valid_to",
            "article",
            "decision",
            "confidence",
            "first_attested",
            "last_attested",
        ]


class ErrorSerializer(serializers.Serializer):
    """What a 4xx response carries: a message, or field-by-field messages."""

    detail = serializers.CharField(required=False)
