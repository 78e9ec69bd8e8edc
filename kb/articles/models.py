"""What was published: sources, articles, and the mentions found in them.

Imports only ``kb.entities``. An article keeps its raw text verbatim; the clean
body is what every span (mention, claim) indexes into.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from kb.entities.models import Actor, Country


def public_confidence() -> float:
    """Readers see unreviewed facts and links at or above this confidence (facts marked as
    machine-read): ``settings.KB_PUBLIC_CONFIDENCE``."""
    return float(getattr(settings, "KB_PUBLIC_CONFIDENCE", 0.6))


class Source(models.Model):
    name = models.CharField(max_length=200, unique=True, help_text="The publisher (CBC News).")
    slug = models.SlugField(max_length=220, unique=True)
    url = models.URLField(blank=True, help_text="The publisher's home page, when known.")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "source"
        verbose_name_plural = "sources"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet["Article"]):
    def mentioning(self, target: Actor | Country) -> ArticleQuerySet:
        """Articles with an accepted mention of an actor or a country."""
        field = "actor" if isinstance(target, Actor) else "country"
        return self.filter(
            pk__in=Mention.objects.accepted().filter(**{field: target}).values("article_id")
        )


class Article(models.Model):
    title = models.CharField(max_length=500, blank=True, help_text="The headline, if it has one.")
    slug = models.SlugField(max_length=220, unique=True, help_text="Used in the article's URL.")
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text="Who published it.",
    )
    published = models.DateField(
        null=True, blank=True, db_index=True, help_text="Publication date, when the text gives it."
    )
    original_name = models.CharField(
        max_length=500,
        unique=True,
        help_text="The file it was imported from. Re-importing a file of this name updates "
        "this article.",
    )
    raw_text = models.TextField(help_text="The text exactly as imported. Never altered.")
    body = models.TextField(
        help_text="The clean text, with web debris removed. Every span indexes into it."
    )
    offsets = models.JSONField(
        default=list,
        editable=False,
        help_text="Runs [body_start, raw_start, length] mapping the body back to the raw text.",
    )
    blocks = models.JSONField(
        default=list,
        editable=False,
        help_text="Paragraphs, captions and headings of the body: [kind, start, end].",
    )
    content_hash = models.CharField(
        max_length=64, editable=False, help_text="SHA-256 of the raw text; identical files match."
    )
    language = models.CharField(max_length=10, default="en")
    split_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="split_parts",
        help_text="The article this one was split out of.",
    )
    split_offset = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Where in the original body this part starts (for split articles).",
    )
    same_story_as = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="syndicated_copies",
        help_text="The article this one republishes (another header or byline, or trimmed). "
        "A copy adds no mentions or claims of its own.",
    )
    story_signature = models.BinaryField(
        blank=True, default=b"", editable=False, help_text="MinHash of the body's word shingles."
    )
    story_shingles = models.PositiveIntegerField(default=0, editable=False)
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    tags = TaggableManager(blank=True, help_text="Comma-separated tags.")
    history = HistoricalRecords(
        excluded_fields=["raw_text", "body", "offsets", "blocks", "story_signature"]
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "article"
        verbose_name_plural = "articles"
        ordering = [F("published").desc(nulls_last=True), "-id"]
        constraints = [
            models.UniqueConstraint(fields=["content_hash"], name="article_unique_content_hash"),
        ]
        indexes = [models.Index(fields=["-published", "-id"], name="article_latest_idx")]

    def __str__(self) -> str:
        return self.title or self.original_name

    def get_absolute_url(self) -> str:
        return reverse("site:article", args=[self.slug])

    @property
    def display_title(self) -> str:
        """The headline, or the body's first sentence cut at a word, with an ellipsis."""
        return self.title or headline_from(self.body)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
TITLE_CHARS = 80


def headline_from(body: str, limit: int = TITLE_CHARS) -> str:
    """The first sentence of ``body``, cut at the last whole word within ``limit``."""
    first = body.strip().split("\n", 1)[0].strip()
    first = _SENTENCE_END.split(first, 1)[0]
    if len(first) <= limit:
        return first
    cut = first[: limit + 1].rsplit(None, 1)[0] if " " in first[:limit] else first[:limit]
    return cut.rstrip(" ,;:-\u2013\u2014") + "\u2026"


class StoryBand(models.Model):
    """One LSH band of an article's story signature: articles sharing a band are compared."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="story_bands")
    band = models.CharField(max_length=24)

    class Meta:
        indexes = [models.Index(fields=["band"], name="storyband_band_idx")]

    def __str__(self) -> str:
        return f"{self.article_id}:{self.band}"


class MentionQuerySet(models.QuerySet["Mention"]):
    def accepted(self) -> MentionQuerySet:
        """Mentions readers see: resolved and not rejected by an editor."""
        return self.exclude(status=Mention.Status.REJECTED).filter(
            Q(actor__isnull=False) | Q(country__isnull=False)
        )

    def public(self) -> MentionQuerySet:
        """Links readers follow: accepted, and confirmed by an editor or found with at
        least ``public_confidence()`` (a less sure one reads as plain text)."""
        return self.accepted().filter(
            Q(status=Mention.Status.CONFIRMED) | Q(confidence__gte=public_confidence())
        )

    def unresolved(self) -> MentionQuerySet:
        return self.filter(actor__isnull=True, country__isnull=True)


class Mention(models.Model):
    class Status(models.TextChoices):
        EXTRACTED = "extracted", "Extracted"
        CONFIRMED = "confirmed", "Confirmed by an editor"
        REJECTED = "rejected", "Rejected by an editor"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    start = models.PositiveIntegerField(help_text="Offset of the first character in the body.")
    end = models.PositiveIntegerField(help_text="Offset just past the last character.")
    surface = models.CharField(max_length=300, help_text="The text as it appears in the body.")
    actor = models.ForeignKey(
        Actor,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentions",
        help_text="The actor this names, if resolved.",
    )
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentions",
        help_text="The country this names, if resolved.",
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.EXTRACTED,
        help_text="Confirmed and rejected links are editors' decisions; re-imports keep them.",
    )
    confidence = models.FloatField(
        default=1.0,
        help_text="How sure the importer is that this text names the actor (0 to 1; a "
        "country's name is sure). Unconfirmed links below the public threshold are not "
        "shown to readers as links.",
    )

    history = HistoricalRecords()

    objects = MentionQuerySet.as_manager()

    class Meta:
        verbose_name = "mention"
        verbose_name_plural = "mentions"
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="mention_span_not_empty"),
            models.CheckConstraint(
                condition=~(Q(actor__isnull=False) & Q(country__isnull=False)),
                name="mention_one_target",
            ),
            models.UniqueConstraint(
                fields=["article", "start", "end"], name="mention_one_per_span"
            ),
        ]
        indexes = [
            models.Index(fields=["actor", "article"], name="mention_actor_idx"),
            models.Index(fields=["country", "article"], name="mention_country_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.surface} ({self.start}-{self.end})"

    @property
    def target(self) -> Actor | Country | None:
        return self.actor or self.country
