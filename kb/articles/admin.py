"""Admin for sources, articles and mentions, and the highlighted body.

``render_highlighted(body, spans)`` turns the clean body and its spans
(mentions, quotes, figures) into escaped HTML where every span is marked and
colour-coded. Spans may nest or overlap: the body is cut at every span
boundary and each piece carries the classes of all spans covering it, so the
markup is always well formed.

What needs the apps above is added by subclassing these admins: the claims
inline by ``kb.claims.admin``; the workflows (reject with a rejected alias,
re-point a mention, split) by ``kb.curation.admin``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from simple_history.admin import SimpleHistoryAdmin

from kb.articles.models import Article, Mention, Source
from kb.entities.admin import FoldedSearchMixin


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    css: str
    title: str
    # Mentions are the innermost marks; claims wrap them.
    is_mention: bool = True
    ref: str = ""


def mention_css(mention: Mention) -> str:
    if mention.status == Mention.Status.REJECTED:
        return "kb-rejected"
    if mention.actor_id:
        return "kb-actor"
    if mention.country_id:
        return "kb-country"
    return "kb-unresolved"


def mention_span(mention: Mention) -> Span:
    target = mention.actor or mention.country
    what = {
        "kb-rejected": "rejected",
        "kb-actor": f"actor: {target}",
        "kb-country": f"country: {target}",
        "kb-unresolved": "unresolved",
    }[mention_css(mention)]
    if mention.status == Mention.Status.CONFIRMED:
        what += " (confirmed)"
    return Span(
        mention.start, mention.end, mention_css(mention), what, True, f"mention-{mention.pk}"
    )


def render_highlighted(body: str, spans: Sequence[Span]) -> SafeString:
    """The body as escaped HTML with every span marked (see the module docstring)."""
    n = len(body)
    spans = [s for s in spans if 0 <= s.start < s.end <= n]
    cuts = sorted({0, n, *(s.start for s in spans), *(s.end for s in spans)})
    starts: dict[int, list[Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
    open_spans: list[Span] = []
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        open_spans = [s for s in open_spans if s.end > a] + starts.get(a, [])
        text = escape(body[a:b])
        mentions = [s for s in open_spans if s.is_mention]
        claims = [s for s in open_spans if not s.is_mention]
        if mentions:
            m = mentions[-1]
            text = format_html(
                '<mark class="kb-m {}" title="{}" data-ref="{}">{}</mark>',
                m.css,
                m.title,
                m.ref,
                text,
            )
        for c in claims:
            text = format_html(
                '<span class="kb-c {}" title="{}" data-ref="{}">{}</span>',
                c.css,
                c.title,
                c.ref,
                text,
            )
        out.append(str(text))
    # Every piece above was escaped or built by format_html.
    return mark_safe("".join(out))


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "url"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class PrefetchedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete select whose selected option may come from rows already loaded.

    Django's widget looks its selected row up with one query per form; an
    article has hundreds of mentions, so the inline hands every widget the
    actors and countries its queryset already joined (``prefetched``).
    """

    prefetched: dict[str, Model] | None = None

    def optgroups(self, name: str, value: list[str], attr: object = None) -> list:
        chosen = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        known = self.prefetched or {}
        if not all(v in known for v in chosen):
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        for v in chosen:
            label = self.choices.field.label_from_instance(known[v])
            options.append(self.create_option(name, v, label, True, len(options)))
        return [(None, options, 0)]


def _share_loaded_targets(forms: list) -> None:
    targets: dict[str, dict[str, Model]] = {"actor": {}, "country": {}}
    for form in forms:
        for field, rows in targets.items():
            obj = getattr(form.instance, field, None) if form.instance.pk else None
            if obj is not None:
                rows[str(obj.pk)] = obj
    for form in forms:
        for field, rows in targets.items():
            widget = getattr(form.fields[field].widget, "widget", form.fields[field].widget)
            if isinstance(widget, PrefetchedAutocompleteSelect):
                widget.prefetched = rows


class MentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    fields = ["surface", "start", "end", "actor", "country", "status"]
    readonly_fields = ["surface", "start", "end"]
    autocomplete_fields = ["actor", "country"]
    verbose_name_plural = "mentions (confirm, reject, or re-link to another actor)"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("actor", "country")

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name in self.autocomplete_fields:
            kwargs["widget"] = PrefetchedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        base = super().get_formset(request, obj, **kwargs)

        class MentionFormSet(base):  # type: ignore[misc, valid-type]
            def __init__(self, *args: Any, **kw: Any) -> None:
                super().__init__(*args, **kw)
                _share_loaded_targets(self.forms)

        return MentionFormSet

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        # Mentions are found in the text; an editor confirms, rejects or re-links them.
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        # Deleting would let the next import find it again; rejecting is remembered.
        return False


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["display_title", "source", "published", "language", "split_from", "tag_list"]
    list_filter = ["source", "language", ("split_from", admin.EmptyFieldListFilter)]
    list_select_related = ["source", "split_from"]
    search_fields = ["title", "original_name", "slug"]
    autocomplete_fields = ["source"]
    date_hierarchy = "published"
    readonly_fields = [
        "highlighted_body",
        "original_name",
        "content_hash",
        "split_from",
        "split_offset",
        "imported_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "source", "published", "language", "tags"]}),
        ("Text as the machine read it", {"fields": ["highlighted_body"]}),
        (
            "Provenance",
            {
                "classes": ["collapse"],
                "fields": [
                    "original_name",
                    "content_hash",
                    "split_from",
                    "split_offset",
                    "imported_at",
                    "updated_at",
                ],
            },
        ),
    ]
    inlines = [MentionInline]

    class Media:
        css = {"all": ["admin-kb/article.css"]}

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).prefetch_related("tags")

    @admin.display(description="title", ordering="title")
    def display_title(self, obj: Article) -> str:
        return obj.display_title

    @admin.display(description="tags")
    def tag_list(self, obj: Article) -> str:
        return ", ".join(sorted(t.name for t in obj.tags.all()))

    def highlight_spans(self, obj: Article) -> list[Span]:
        return [
            mention_span(m)
            for m in Mention.objects.filter(article=obj).select_related("actor", "country")
        ]

    @admin.display(description="body")
    def highlighted_body(self, obj: Article) -> SafeString:
        if obj.pk is None:
            return SafeString("")
        legend = SafeString(
            '<p class="kb-legend"><mark class="kb-m kb-actor">actor</mark> '
            '<mark class="kb-m kb-country">country</mark> '
            '<mark class="kb-m kb-unresolved">unresolved</mark> '
            '<mark class="kb-m kb-rejected">rejected</mark> '
            '<span class="kb-c kb-quote">quote</span> '
            '<span class="kb-c kb-figure">figure</span> '
            '<span class="kb-c kb-other">other claim</span></p>'
        )
        return format_html(
            '{}<div class="kb-body">{}</div>',
            legend,
            render_highlighted(obj.body, self.highlight_spans(obj)),
        )


@admin.register(Mention)
class MentionAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = [
        "surface",
        "article_link",
        "actor",
        "country",
        "status",
        "confidence",
        "start",
        "end",
    ]
    list_filter = ["status", ("actor", admin.EmptyFieldListFilter), "actor__kind"]
    list_select_related = ["article", "actor", "country"]
    search_fields = ["surface", "actor__name", "article__title"]
    folded_search_path = "actor__mentions"
    autocomplete_fields = ["actor", "country", "article"]
    # The importer's confidence is its own reading: an editor decides by the status.
    readonly_fields = ["article", "start", "end", "surface", "confidence"]

    @admin.display(description="article", ordering="article")
    def article_link(self, obj: Mention) -> str:
        url = reverse("admin:articles_article_change", args=[obj.article_id])
        return format_html('<a href="{}">{}</a>', url, obj.article.display_title)
