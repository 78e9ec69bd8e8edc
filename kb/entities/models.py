"""Who and where: countries, actors, the names they go by, and merge records.

This app imports no other ``kb`` app. Roles and stances, which need an article
to date them, live in ``kb.claims``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from kb.pipeline.fold import fold


class Country(models.Model):
    code = models.CharField(
        "ISO code",
        max_length=2,
        primary_key=True,
        help_text="ISO 3166 alpha-2 code, upper case (VE, US). Historical states use their "
        "withdrawn code (SU for the Soviet Union).",
    )
    name = models.CharField(max_length=100, help_text="The short name readers know (Venezuela).")
    official_name = models.CharField(max_length=200, blank=True, help_text="The ISO official name.")
    demonyms = models.JSONField(
        default=list, blank=True, help_text="Adjectives and people (Venezuelan, Venezuelans)."
    )
    other_names = models.JSONField(
        default=list,
        blank=True,
        help_text="Other ways writers name it (U.S., Britain, the States).",
    )
    historical = models.BooleanField(
        default=False, help_text="A state that no longer exists (the Soviet Union)."
    )
    mention_count = models.PositiveIntegerField(
        default=0, editable=False, help_text="Accepted mentions; kept up to date by the importer."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "country"
        verbose_name_plural = "countries"
        ordering = ["name"]
        indexes = [models.Index(fields=["-mention_count"], name="country_mentions_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("site:country", args=[self.code.lower()])


class ActorQuerySet(models.QuerySet["Actor"]):
    def active(self) -> ActorQuerySet:
        """Actors that have not been merged into another."""
        return self.filter(merged_into__isnull=True)

    def people(self) -> ActorQuerySet:
        return self.filter(kind=Actor.Kind.PERSON)

    def organizations(self) -> ActorQuerySet:
        return self.filter(kind=Actor.Kind.ORGANIZATION)

    def named(self, name: str) -> ActorQuerySet:
        """Actors known by ``name`` through any alias, ignoring accents and case."""
        return self.filter(aliases__key=fold(name), aliases__rejected=False).distinct()


class Actor(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANIZATION = "organization", "Organization"

    kind = models.CharField(
        max_length=12, choices=Kind.choices, help_text="A person, or an organization."
    )
    name = models.CharField(
        max_length=200, help_text="The canonical name, with its accents (Nicolás Maduro)."
    )
    slug = models.SlugField(max_length=220, unique=True, help_text="Used in the actor's URL.")
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actors",
        help_text="The country the actor belongs to or acts for, when clear.",
    )
    description = models.TextField(blank=True, help_text="A line or two for readers.")
    curated = models.BooleanField(
        default=False,
        help_text="An editor has set this actor's name, kind or country; the importer will "
        "not change them.",
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_actors",
        editable=False,
        help_text="Set when this actor was merged into another; it is kept so the merge can "
        "be undone.",
    )
    mention_count = models.PositiveIntegerField(
        default=0, editable=False, help_text="Accepted mentions; kept up to date by the importer."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    tags = TaggableManager(blank=True, help_text="Comma-separated tags.")
    history = HistoricalRecords(excluded_fields=["mention_count", "updated_at"])

    objects = ActorQuerySet.as_manager()

    class Meta:
        verbose_name = "actor"
        verbose_name_plural = "actors"
        ordering = ["name"]
        indexes = [
            models.Index(fields=["-mention_count"], name="actor_mentions_idx"),
            models.Index(fields=["kind", "name"], name="actor_kind_name_idx"),
            # A country page lists its most-mentioned actors: read off this
            # index, not sorted from every actor of the country.
            models.Index(
                fields=["country", "-mention_count", "name"], name="actor_country_mentions_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        if not self.slug:
            self.slug = unique_slug(Actor, self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("site:actor", args=[self.slug])


def unique_slug(model: type[models.Model], text: str, *, max_length: int = 200) -> str:
    """A slug for ``text`` not yet used by ``model`` (``name``, ``name-2``, ...)."""
    base = slugify(fold(text))[:max_length] or "item"
    slug, n = base, 1
    while model._default_manager.filter(slug=slug).exists():  # type: ignore[attr-defined]
        n += 1
        slug = f"{base}-{n}"
    return slug


class AliasQuerySet(models.QuerySet["Alias"]):
    def accepted(self) -> AliasQuerySet:
        return self.filter(rejected=False)


class Alias(models.Model):
    class Origin(models.TextChoices):
        EXTRACTED = "extracted", "Found by the importer"
        EDITOR = "editor", "Added by an editor"
        MERGE = "merge", "Kept from a merged actor"

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="aliases", help_text="Who this name means."
    )
    name = models.CharField(max_length=200, help_text="The name as written (Ibanez, Mr Ibáñez).")
    key = models.CharField(
        max_length=200,
        db_index=True,
        editable=False,
        help_text="The name without accents, case or punctuation, for matching.",
    )
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EXTRACTED)
    rejected = models.BooleanField(
        default=False,
        help_text="An editor says this name does NOT mean this actor; the importer will never "
        "link it to them again.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    objects = AliasQuerySet.as_manager()

    class Meta:
        verbose_name = "alias"
        verbose_name_plural = "aliases"
        ordering = ["actor", "name"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "key"], name="alias_one_key_per_actor"),
            models.CheckConstraint(condition=~Q(key=""), name="alias_key_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.key = fold(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class MergeRecord(models.Model):
    """One actor merged into another, with what moved, so it can be undone."""

    survivor = models.ForeignKey(
        Actor, on_delete=models.PROTECT, related_name="merges_received", help_text="Who remains."
    )
    merged = models.ForeignKey(
        Actor, on_delete=models.PROTECT, related_name="merges_given", help_text="Who was merged."
    )
    moved = models.JSONField(
        default=dict,
        help_text="The primary keys of every row the merge changed, by table, with their "
        "previous values, so that undo restores exactly what was there.",
    )
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    performed_at = models.DateTimeField(auto_now_add=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "merge record"
        verbose_name_plural = "merge records"
        ordering = ["-performed_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(survivor=models.F("merged")), name="merge_not_into_itself"
            )
        ]

    def __str__(self) -> str:
        return f"{self.merged} → {self.survivor}"
