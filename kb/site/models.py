"""The site's own state: the data version its page cache is keyed by.

Every write to a knowledge-base table changes ``DataVersion.token`` through a
database trigger (migration 0003), inside the writer's own transaction. So a
page cached under one token always shows the data of that token: imports in
another process, bulk updates, raw SQL and admin edits all invalidate it, and a
rolled-back write rolls the token back with the data.
"""

from __future__ import annotations

import secrets

from django.db import IntegrityError, connection, models, transaction


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
    def _read(cls) -> int | None:
        if connection.vendor != "postgresql":
            return cls.objects.filter(pk=1).values_list("token", flat=True).first()
        # PostgreSQL bumps once per transaction (migration 0005). Reading the token
        # re-arms the bump, so a write after this read, in the same transaction,
        # changes the token again and a page rendered in between is never reused.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT token, set_config('kb.data_version_bumped', '', true) "
                "FROM site_dataversion WHERE id = 1"
            )
            row = cursor.fetchone()
        return row[0] if row else None

    @classmethod
    def current(cls) -> int:
        """The current token (one query); a fresh random one if the row is gone."""
        token = cls._read()
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
