"""What was said and what holds: claims, links between them, stances and roles.

Imports ``kb.articles`` and ``kb.entities``. Stances and roles hold for a time
(``valid_from`` / ``valid_to``, either unknown) and are dated by an article;
``.valid_on(day)`` answers "what held on that day?" in one indexed query.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from kb.articles.models import Article
from kb.entities.models import Actor, Country


class Decision(models.TextChoices):
    """How far an editor has looked at an extracted fact."""

    EXTRACTED = "extracted", "Extracted"
    CONFIRMED = "confirmed", "Confirmed by an editor"
    REJECTED = "rejected", "Rejected by an editor"


class ClaimQuerySet(models.QuerySet["Claim"]):
    def public(self) -> ClaimQuerySet:
        """Claims readers may see: everything but deprecated ones."""
        return self.exclude(status=Claim.Status.DEPRECATED)

    def quotes(self) -> ClaimQuerySet:
        return self.filter(kind=Claim.Kind.QUOTE)

    def figures(self) -> ClaimQuerySet:
        return self.filter(kind=Claim.Kind.FIGURE)

    def by(self, actor: Actor) -> ClaimQuerySet:
        return self.filter(speaker=actor)

    def about(self, target: Actor | Country) -> ClaimQuerySet:
        if isinstance(target, Actor):
            return self.filter(subjects=target)
        return self.filter(countries=target)


class Claim(models.Model):
    class Kind(models.TextChoices):
        QUOTE = "quote", "Quote"
        FIGURE = "figure", "Figure"
        STANCE = "stance", "Stance"
        STATEMENT = "statement", "Statement"

    class Status(models.TextChoices):
        EXTRACTED = "extracted", "Extracted"
        REVIEWED = "reviewed", "Reviewed"
        VERIFIED = "verified", "Verified"
        DISPUTED = "disputed", "Disputed"
        DEPRECATED = "deprecated", "Deprecated"

    class Origin(models.TextChoices):
        EXTRACTED = "extracted", "Found by the importer"
        EDITOR = "editor", "Written by an editor"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="claims", help_text="Where it was said."
    )
    start = models.PositiveIntegerField(help_text="Offset of the claim's first character.")
    end = models.PositiveIntegerField(help_text="Offset just past its last character.")
    kind = models.CharField(max_length=10, choices=Kind.choices, db_index=True)
    text = models.TextField(help_text="The claim as written (a quote's words, a figure's phrase).")
    speaker = models.ForeignKey(
        Actor,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims_made",
        help_text="Who said it, when known.",
    )
    subjects = models.ManyToManyField(
        Actor, blank=True, related_name="claims_about", help_text="Actors the claim is about."
    )
    countries = models.ManyToManyField(
        Country, blank=True, related_name="claims", help_text="Countries the claim is about."
    )
    refers_to = models.DateField(
        null=True, blank=True, help_text="The date the claim is about, when it differs."
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.EXTRACTED, db_index=True
    )
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    status_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EXTRACTED)
    value = models.FloatField(null=True, blank=True, help_text="For figures: the number.")
    unit = models.CharField(
        max_length=50, blank=True, help_text="For figures: people, USD, percent, ..."
    )
    counted = models.CharField(
        max_length=300, blank=True, help_text="For figures: what is counted (Venezuelans who left)."
    )
    note = models.TextField(blank=True, help_text="An editor's note.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    tags = TaggableManager(blank=True, help_text="Comma-separated tags.")
    history = HistoricalRecords(m2m_fields=[subjects, countries])

    objects = ClaimQuerySet.as_manager()

    class Meta:
        verbose_name = "claim"
        verbose_name_plural = "claims"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="claim_span_not_empty"),
            models.UniqueConstraint(
                fields=["article", "kind", "start", "end"], name="claim_one_per_span_kind"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="claim_status_idx"),
            # A speaker's newest claims (actor pages), read without a sort.
            models.Index(fields=["speaker", "-id"], name="claim_speaker_idx"),
            # Serves the default ordering, so a list page reads its rows from
            # the index instead of sorting every claim.
            models.Index(fields=["-created_at", "-id"], name="claim_created_idx"),
        ]
        permissions = [
            ("verify_claim", "Can verify or dispute claims"),
            ("review_claim", "Can mark claims as reviewed or deprecated"),
        ]

    def __str__(self) -> str:
        text = self.text if len(self.text) <= 80 else self.text[:77] + "…"
        return f"{self.get_kind_display()}: {text}"

    def get_absolute_url(self) -> str:
        return reverse("site:claim", args=[self.pk])

    def clean(self) -> None:
        if self.article_id and self.end > len(self.article.body):
            raise ValidationError({"end": "The span runs past the end of the article body."})


class ClaimLink(models.Model):
    class Type(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        CONTRADICTS = "contradicts", "Contradicts"
        SAME_FIGURE = "same_figure", "Same figure"
        UPDATES = "updates", "Updates"

    from_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_from")
    to_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_to")
    type = models.CharField(max_length=12, choices=Type.choices)
    note = models.TextField(blank=True, help_text="Why these claims are linked.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "claim link"
        verbose_name_plural = "claim links"
        constraints = [
            models.UniqueConstraint(
                fields=["from_claim", "to_claim", "type"], name="claimlink_unique"
            ),
            models.CheckConstraint(
                condition=~Q(from_claim=F("to_claim")), name="claimlink_not_to_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.from_claim_id} {self.get_type_display().lower()} #{self.to_claim_id}"


class TimeBoundQuerySet(models.QuerySet):
    def valid_on(self, day: dt.date) -> models.QuerySet:
        """Rows that held on ``day`` (an unknown bound counts as open)."""
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        ).exclude(decision=Decision.REJECTED)

    def accepted(self) -> models.QuerySet:
        return self.exclude(decision=Decision.REJECTED)


class Stance(models.Model):
    """Subject → relation → object: "Russia supports Nicolás Maduro"."""

    class Relation(models.TextChoices):
        SUPPORTS = "supports", "supports"
        OPPOSES = "opposes", "opposes"
        RECOGNIZES = "recognizes", "recognizes"
        SANCTIONS = "sanctions", "sanctions"
        CONDEMNS = "condemns", "condemns"
        MEMBER_OF = "member_of", "is a member of"
        ALLIED_WITH = "allied_with", "is allied with"

    subject_actor = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.CASCADE, related_name="stances_held"
    )
    subject_country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.CASCADE, related_name="stances_held"
    )
    relation = models.CharField(max_length=12, choices=Relation.choices, db_index=True)
    negated = models.BooleanField(
        default=False, help_text="The text says the opposite (Mexico did NOT sign)."
    )
    object_actor = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.CASCADE, related_name="stances_received"
    )
    object_country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.CASCADE, related_name="stances_received"
    )
    valid_from = models.DateField(null=True, blank=True, help_text="From when it held, if known.")
    valid_to = models.DateField(null=True, blank=True, help_text="Until when it held, if known.")
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stances",
        help_text="The article that states and dates it.",
    )
    evidence = models.ManyToManyField(
        Claim, blank=True, related_name="stances", help_text="Claims that show it."
    )
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.EXTRACTED)
    note = models.TextField(blank=True)

    history = HistoricalRecords(m2m_fields=[evidence])

    objects = TimeBoundQuerySet.as_manager()

    class Meta:
        verbose_name = "stance"
        verbose_name_plural = "stances"
        ordering = ["-valid_from", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(subject_actor__isnull=True) ^ Q(subject_country__isnull=True),
                name="stance_one_subject",
            ),
            models.CheckConstraint(
                condition=Q(object_actor__isnull=True) ^ Q(object_country__isnull=True),
                name="stance_one_object",
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="stance_dates_in_order",
            ),
        ]
        indexes = [
            models.Index(fields=["valid_from", "valid_to"], name="stance_validity_idx"),
            # The default ordering: the home page's newest stances, without a sort.
            models.Index(fields=["-valid_from", "id"], name="stance_newest_idx"),
            # An actor's or country's page reads its newest stances, on each side,
            # straight from these: no sort of every stance the target ever took.
            *(
                models.Index(fields=[side, "-valid_from", "id"], name=f"stance_{side}_idx")
                for side in ("subject_actor", "object_actor", "subject_country", "object_country")
            ),
        ]

    def __str__(self) -> str:
        neg = "not " if self.negated else ""
        return f"{self.subject} {neg}{self.get_relation_display()} {self.object}"

    @property
    def subject(self) -> Actor | Country | None:
        return self.subject_actor or self.subject_country

    @property
    def object(self) -> Actor | Country | None:
        return self.object_actor or self.object_country


class Role(models.Model):
    """An actor holds a post in an organization or a country, for a time."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=200, help_text="The post (Foreign Minister).")
    organization = models.ForeignKey(
        Actor,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="posts",
        limit_choices_to={"kind": Actor.Kind.ORGANIZATION},
        help_text="The organization the post is in (National Assembly), if any.",
    )
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="roles"
    )
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roles",
        help_text="The article that states and dates it.",
    )
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.EXTRACTED)

    history = HistoricalRecords()

    objects = TimeBoundQuerySet.as_manager()

    class Meta:
        verbose_name = "role"
        verbose_name_plural = "roles"
        ordering = ["actor", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="role_dates_in_order",
            ),
        ]
        indexes = [
            models.Index(fields=["valid_from", "valid_to"], name="role_validity_idx"),
            # An actor page reads the actor's newest role rows from it.
            models.Index(fields=["actor", "-id"], name="role_newest_idx"),
        ]

    def __str__(self) -> str:
        where = self.organization or self.country
        return f"{self.actor}: {self.title}" + (f", {where}" if where else "")
