"""The site's own state: the data version its page cache is keyed by.

Every write to a knowledge-base table changes ``DataVersion.token`` through a
database trigger (migration 0003), inside the writer's own transaction. So a
page cached under one token always shows the data of that token: imports in
another process, bulk updates, raw SQL and admin edits all invalidate it, and a
rolled-back write rolls the token back with the data.
"""

from __future__ import annotations

import secrets

from django.db import IntegrityError, models, transaction


class DataVersion(models.Model):
    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    token = models.BigIntegerField(
        default=0, help_text="Changed by triggers on every write to the knowledge base."
    )

    class Meta:
        verbose_name = "data version"
        verbose_name_plural = "data version"

    def __str__(self) -> str:
        return f"data version {self.token}"

    @classmethod
    def current(cls) -> int:
        """The current token (one query); a fresh random one if the row is gone."""
        token = cls.objects.filter(pk=1).values_list("token", flat=True).first()
        if token is not None:
            return token
        # A flushed database (tests) has no row: start from a random token so
        # that no page cached before the flush can be served again.
        token = secrets.randbits(62)
        try:
            with transaction.atomic():
                cls.objects.create(pk=1, token=token)
        except IntegrityError:
            return cls.objects.filter(pk=1).values_list("token", flat=True).first() or token
        return token
