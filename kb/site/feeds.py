"""RSS and Atom feeds of the latest articles and public claims.

The syndication framework writes XML through an escaping writer, so titles
and texts go out as text, never as markup.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from kb.articles.models import Article
from kb.claims.models import Claim

FEED_SIZE = 30


class ArticleFeed(Feed):
    title = "Latest articles"
    link = reverse_lazy("site:article_list")
    description = "Articles most recently published in the knowledge base."

    def items(self) -> QuerySet[Article]:
        return Article.objects.select_related("source").defer("raw_text", "offsets", "blocks")[
            :FEED_SIZE
        ]

    def item_title(self, item: Article) -> str:
        return item.display_title

    def item_description(self, item: Article) -> str:
        text = " ".join(item.body[:400].split())
        return text + ("…" if len(item.body) > 400 else "")

    def item_pubdate(self, item: Article) -> dt.datetime | None:
        if item.published is None:
            return item.imported_at
        return dt.datetime.combine(item.published, dt.time(), tzinfo=dt.UTC)

    def item_updateddate(self, item: Article) -> dt.datetime:
        return item.updated_at

    def item_author_name(self, item: Article) -> str | None:
        return item.source.name if item.source_id else None


class AtomArticleFeed(ArticleFeed):
    feed_type = Atom1Feed
    subtitle = ArticleFeed.description


class ClaimFeed(Feed):
    title = "Latest claims"
    link = reverse_lazy("site:claim_list")
    description = "Claims most recently added to the knowledge base (deprecated ones excluded)."

    def items(self) -> QuerySet[Claim]:
        return (
            Claim.objects.public()
            .select_related("speaker")
            .order_by("-created_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, item: Claim) -> str:
        speaker = f"{item.shown_speaker.name}: " if item.shown_speaker else ""
        text = item.text if len(item.text) <= 100 else item.text[:99] + "…"
        return f"{speaker}{text}"

    def item_description(self, item: Claim) -> str:
        return f"{item.get_kind_display()} ({item.get_status_display()}): {item.text}"

    def item_pubdate(self, item: Claim) -> dt.datetime:
        return item.created_at

    def item_author_name(self, item: Claim) -> str | None:
        return item.shown_speaker.name if item.shown_speaker else None


class AtomClaimFeed(ClaimFeed):
    feed_type = Atom1Feed
    subtitle = ClaimFeed.description
