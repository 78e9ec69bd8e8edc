"""What was said and what holds: claims, links between them, stances and roles.

Imports ``kb.articles`` and ``kb.entities``. Stances and roles hold for a time
(``valid_from`` / ``valid_to``, either unknown) and are dated by articles;
``.valid_on(day)`` answers "what held on that day?" in one indexed query.

One fact, many sources: a stance or a role is one row per fact (its ``key``),
whatever the number of articles that attest it; each article adds evidence
(``StanceEvidence``: a claim, the sentence; ``RoleEvidence``: a span) and the
fact keeps its first and last attested dates. A quote several outlets report
is one claim with extra ``ClaimSource`` rows. ``kb.claims.facts`` keeps the
consolidated fields right as evidence comes and goes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from kb.articles.models import Article, public_confidence
from kb.entities.models import Actor, Country
from kb.pipeline.fold import fold


class Decision(models.TextChoices):
    """How far an editor has looked at an extracted fact."""

    EXTRACTED = "extracted", "Extracted"
    CONFIRMED = "confirmed", "Confirmed by an editor"
    REJECTED = "rejected", "Rejected by an editor"


def _vouched() -> Q:
    """A claim an editor vouches for (reviewed, verified, disputed, or written by one),
    or the importer is sure enough of: ``public_confidence()`` or more."""
    return (
        ~Q(status=Claim.Status.EXTRACTED)
        | Q(origin=Claim.Origin.EDITOR)
        | Q(confidence__gte=public_confidence())
    )


class ClaimQuerySet(models.QuerySet["Claim"]):
    def accepted(self) -> ClaimQuerySet:
        """Every claim but deprecated ones, however sure the importer was."""
        return self.exclude(status=Claim.Status.DEPRECATED)

    def public(self) -> ClaimQuerySet:
        """Claims readers may see: not deprecated, and a figure only when vouched for
        (a quote below the threshold is shown, but without its speaker: ``attributed``)."""
        return self.accepted().filter(~Q(kind=Claim.Kind.FIGURE) | _vouched())

    def attributed(self) -> ClaimQuerySet:
        """Claims whose speaker readers are shown: one vouched for (see ``_vouched``)."""
        return self.filter(_vouched(), speaker__isnull=False)

    def quotes(self) -> ClaimQuerySet:
        return self.filter(kind=Claim.Kind.QUOTE)

    def figures(self) -> ClaimQuerySet:
        return self.filter(kind=Claim.Kind.FIGURE)

    def by(self, actor: Actor) -> ClaimQuerySet:
        return self.filter(speaker=actor)

    def said_by(self, actor: Actor) -> ClaimQuerySet:
        """What readers are told ``actor`` said: attributed claims only."""
        return self.attributed().filter(speaker=actor)

    def about(self, target: Actor | Country) -> ClaimQuerySet:
        if isinstance(target, Actor):
            return self.filter(subjects=target)
        return self.filter(countries=target)

    def with_source_count(self) -> ClaimQuerySet:
        """Annotate ``n_sources``: the first article plus every other outlet (one subquery)."""
        extra = (
            ClaimSource.objects.filter(claim=models.OuterRef("pk"))
            .order_by()
            .values("claim")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(n_sources=models.functions.Coalesce(models.Subquery(extra), 0) + 1)


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
    figure_kind = models.CharField(
        max_length=10,
        blank=True,
        help_text="For figures: count, duration, age, percent, money, rate or size. Only "
        "counts in one frame are ever compared.",
    )
    low = models.FloatField(
        null=True, blank=True, help_text="For figures: the least the wording allows."
    )
    high = models.FloatField(
        null=True, blank=True, help_text="For figures: the most the wording allows."
    )
    frame = models.CharField(
        max_length=160,
        blank=True,
        db_index=True,
        help_text="For figures: what is counted, as event|thing|place (displaced|people|VE); "
        "empty when the sentence does not say all three.",
    )
    frame_label = models.CharField(
        max_length=200, blank=True, help_text="The frame in words (people who left Venezuela)."
    )
    confidence = models.FloatField(
        default=1.0,
        help_text="How sure the importer is: of a quote's speaker, of a figure's reading "
        "(0 to 1). Unreviewed quotes below the public threshold are shown without their "
        "speaker, unreviewed figures below it not at all.",
    )
    relation = models.CharField(
        max_length=12,
        blank=True,
        help_text="For stance claims: the relation the sentence states (one claim per "
        "sentence and relation).",
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
                fields=["article", "kind", "start", "end", "relation"],
                name="claim_one_per_span_kind",
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

    @property
    def vouched(self) -> bool:
        """An editor's word, or confident enough to show (``ClaimQuerySet.attributed``)."""
        return (
            self.status != Claim.Status.EXTRACTED
            or self.origin == Claim.Origin.EDITOR
            or self.confidence >= public_confidence()
        )

    @property
    def shown_speaker(self) -> Actor | None:
        """The speaker readers are shown: none for an unreviewed quote the importer
        was not sure enough of."""
        return self.speaker if self.vouched else None

    @property
    def machine_read(self) -> bool:
        """Shown to readers as read by the importer, with no editor's check yet."""
        return self.status == Claim.Status.EXTRACTED and self.origin == Claim.Origin.EXTRACTED

    @property
    def source_count(self) -> int:
        """How many outlets report it: ``Claim.article`` plus its ``ClaimSource`` rows."""
        annotated = getattr(self, "n_sources", None)
        if annotated is not None:
            return int(annotated)
        return 1 + self.other_sources.count()


class ClaimSource(models.Model):
    """Another outlet reporting the same claim ("reported by N sources").

    ``Claim.article`` stays the first source; each other article that reports
    the same words by the same speaker adds one row here instead of a claim.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="other_sources")
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="claim_sources",
        help_text="The other article that reports it.",
    )
    start = models.PositiveIntegerField(help_text="Where it starts in that article's body.")
    end = models.PositiveIntegerField(help_text="Where it ends in that article's body.")

    class Meta:
        verbose_name = "other source"
        verbose_name_plural = "other sources"
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "article", "start", "end"], name="claimsource_unique"
            ),
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="claimsource_span_not_empty"
            ),
        ]
        indexes = [models.Index(fields=["article", "start"], name="claimsource_article_idx")]

    def __str__(self) -> str:
        return f"#{self.claim_id} in article #{self.article_id} [{self.start}:{self.end}]"


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

    def public(self) -> models.QuerySet:
        """What readers see: confirmed facts, and unreviewed ones confident enough
        (show those as machine-read); never rejected ones."""
        return self.filter(
            Q(decision=Decision.CONFIRMED)
            | Q(decision=Decision.EXTRACTED, confidence__gte=public_confidence())
        )

    def attested_between(self, first: dt.date, last: dt.date) -> models.QuerySet:
        """Facts some article attested within [first, last]."""
        return self.accepted().filter(first_attested__lte=last, last_attested__gte=first)


class StanceQuerySet(TimeBoundQuerySet):
    def newest_shown(self) -> models.QuerySet:
        """What readers see, newest first, without ends merged away: the home page
        graph draws the first of these, and the review queue puts them first."""
        return (
            self.public()
            .exclude(subject_actor__merged_into__isnull=False)
            .exclude(object_actor__merged_into__isnull=False)
            .order_by("-valid_from", "id")
        )

    def of(self, target: Actor | Country) -> StanceQuerySet:
        """Stances the target takes or receives (actor or country), rejected ones excluded."""
        side = "actor" if isinstance(target, Actor) else "country"
        return self.accepted().filter(
            Q(**{f"subject_{side}": target}) | Q(**{f"object_{side}": target})
        )


def ref_key(target: Actor | Country | None, pk: Any = None, *, kind: str = "") -> str:
    """``actor:12`` or ``country:VE``: one end of a fact's key."""
    if target is not None:
        kind = "actor" if isinstance(target, Actor) else "country"
        pk = target.pk
    return f"{kind}:{pk}" if pk else ""


# Relations that read the same both ways: "X meets Y" is "Y meets X", one fact.
SYMMETRIC_RELATIONS = frozenset({"meets"})


def stance_key(subject: str, relation: str, negated: bool, obj: str) -> str:
    """The identity of a stance: ``actor:12|supports|0|country:VE``."""
    if relation in SYMMETRIC_RELATIONS and obj < subject:
        subject, obj = obj, subject
    return f"{subject}|{relation}|{int(negated)}|{obj}"


def role_key(actor_id: Any, title: str, organization_id: Any, country_id: Any) -> str:
    """The identity of a role: holder, folded title, organization, country."""
    return f"{actor_id}|{fold(title)}|{organization_id or ''}|{country_id or ''}"


class StanceEvidence(models.Model):
    """One sentence showing a stance, with what that sentence says of it."""

    stance = models.ForeignKey("Stance", on_delete=models.CASCADE)
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE)
    confidence = models.FloatField(default=1.0, help_text="The importer's confidence here.")
    valid_from = models.DateField(null=True, blank=True, help_text="The start this text gives.")
    valid_to = models.DateField(null=True, blank=True, help_text="The end this text gives.")

    class Meta:
        # The table of the former auto-created link, kept (with its unique pair).
        db_table = "claims_stance_evidence"
        unique_together = [("stance", "claim")]
        verbose_name = "stance evidence"
        verbose_name_plural = "stance evidence"

    def __str__(self) -> str:
        return f"stance #{self.stance_id} ← claim #{self.claim_id}"


class Stance(models.Model):
    """Subject → relation → object: "Russia supports Ana Ruiz"."""

    class Relation(models.TextChoices):
        SUPPORTS = "supports", "supports"
        OPPOSES = "opposes", "opposes"
        RECOGNIZES = "recognizes", "recognizes"
        SANCTIONS = "sanctions", "sanctions"
        CONDEMNS = "condemns", "condemns"
        MEMBER_OF = "member_of", "is a member of"
        ALLIED_WITH = "allied_with", "is allied with"
        INVITES = "invites", "invites"
        MEETS = "meets", "meets"
        ACCUSES = "accuses", "accuses"

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
    valid_from = models.DateField(
        null=True,
        blank=True,
        help_text="From when it held: the text's date, else the first article attesting it.",
    )
    valid_to = models.DateField(
        null=True, blank=True, help_text="Until when it held, when a text ends it (a withdrawal)."
    )
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stances",
        help_text="The first article that attests it.",
    )
    evidence = models.ManyToManyField(
        Claim,
        blank=True,
        through=StanceEvidence,
        related_name="stances",
        help_text="Sentences (stance claims) that show it, from every article.",
    )
    first_attested = models.DateField(
        null=True, blank=True, editable=False, help_text="The earliest article date attesting it."
    )
    last_attested = models.DateField(
        null=True, blank=True, editable=False, help_text="The latest article date attesting it."
    )
    confidence = models.FloatField(
        default=1.0, help_text="The importer's confidence: the best of its evidence (0 to 1)."
    )
    key = models.CharField(
        max_length=120,
        default="",
        editable=False,
        help_text="subject|relation|negated|object: one row per fact.",
    )
    extracted_key = models.CharField(
        max_length=120,
        null=True,
        blank=True,
        editable=False,
        help_text="The key the importer found it under; kept when an editor corrects the "
        "fact, so the next import attaches its evidence here instead of bringing it back.",
    )
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.EXTRACTED)
    note = models.TextField(blank=True)

    history = HistoricalRecords(m2m_fields=[evidence])

    objects = StanceQuerySet.as_manager()

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
            models.UniqueConstraint(fields=["key"], name="stance_one_per_fact"),
            models.UniqueConstraint(fields=["extracted_key"], name="stance_one_per_extracted_key"),
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

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.key = self.compute_key()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "key"}
        super().save(*args, **kwargs)

    def compute_key(self) -> str:
        subject = ref_key(None, self.subject_actor_id, kind="actor") or ref_key(
            None, self.subject_country_id, kind="country"
        )
        obj = ref_key(None, self.object_actor_id, kind="actor") or ref_key(
            None, self.object_country_id, kind="country"
        )
        return stance_key(subject, self.relation, self.negated, obj)

    def clean(self) -> None:
        key = self.compute_key()
        same = Stance.objects.filter(key=key).exclude(pk=self.pk).first()
        if same is not None:
            raise ValidationError(
                f"This fact is already stance #{same.pk} ({same.get_decision_display()}); "
                "correct or reject that one instead."
            )

    @property
    def subject(self) -> Actor | Country | None:
        return self.subject_actor or self.subject_country

    @property
    def object(self) -> Actor | Country | None:
        return self.object_actor or self.object_country

    @property
    def machine_read(self) -> bool:
        """Shown to readers as found by the importer, not checked by an editor."""
        return self.decision == Decision.EXTRACTED


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
    valid_from = models.DateField(
        null=True,
        blank=True,
        help_text="From when it was held: the text's date, else the first article naming it.",
    )
    valid_to = models.DateField(
        null=True,
        blank=True,
        help_text="Until when: the text's date, or the date of an article calling it former.",
    )
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="roles",
        help_text="The first article that attests it.",
    )
    first_attested = models.DateField(
        null=True, blank=True, editable=False, help_text="The earliest article date naming it."
    )
    last_attested = models.DateField(
        null=True, blank=True, editable=False, help_text="The latest article date naming it."
    )
    confidence = models.FloatField(
        default=1.0, help_text="The importer's confidence: the best of its evidence (0 to 1)."
    )
    key = models.CharField(
        max_length=300,
        default="",
        editable=False,
        help_text="holder|folded title|organization|country: one row per post held.",
    )
    extracted_key = models.CharField(
        max_length=300,
        null=True,
        blank=True,
        editable=False,
        help_text="The key the importer found it under; kept when an editor corrects it.",
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
            models.UniqueConstraint(fields=["key"], name="role_one_per_fact"),
            models.UniqueConstraint(fields=["extracted_key"], name="role_one_per_extracted_key"),
        ]
        indexes = [
            models.Index(fields=["valid_from", "valid_to"], name="role_validity_idx"),
            # An actor page reads the actor's newest role rows from it.
            models.Index(fields=["actor", "-id"], name="role_newest_idx"),
        ]

    def __str__(self) -> str:
        where = self.organization or self.country
        return f"{self.actor}: {self.title}" + (f", {where}" if where else "")

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.key = self.compute_key()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "key"}
        super().save(*args, **kwargs)

    def compute_key(self) -> str:
        return role_key(self.actor_id, self.title, self.organization_id, self.country_id)

    def clean(self) -> None:
        if not self.actor_id:
            return
        same = Role.objects.filter(key=self.compute_key()).exclude(pk=self.pk).first()
        if same is not None:
            raise ValidationError(
                f"This post is already role #{same.pk} ({same.get_decision_display()}); "
                "correct or reject that one instead."
            )

    @property
    def machine_read(self) -> bool:
        return self.decision == Decision.EXTRACTED


class RoleEvidence(models.Model):
    """One place an article names the post ("Foreign Minister Ana Quispe")."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="evidence")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="role_evidence")
    start = models.PositiveIntegerField(help_text="Where title and name start in the body.")
    end = models.PositiveIntegerField(help_text="Where they end.")
    former = models.BooleanField(default=False, help_text="The text calls it former.")
    confidence = models.FloatField(default=1.0)
    valid_from = models.DateField(null=True, blank=True, help_text="The start this text gives.")
    valid_to = models.DateField(null=True, blank=True, help_text="The end this text gives.")

    class Meta:
        verbose_name = "role evidence"
        verbose_name_plural = "role evidence"
        constraints = [
            models.UniqueConstraint(
                fields=["role", "article", "start", "end"], name="roleevidence_unique"
            ),
        ]
        indexes = [models.Index(fields=["article"], name="roleevidence_article_idx")]

    def __str__(self) -> str:
        return f"role #{self.role_id} in article #{self.article_id} [{self.start}:{self.end}]"
