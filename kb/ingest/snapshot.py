"""The read-only snapshot of known names that the pipeline receives.

``SnapshotIndex.load()`` reads every active actor with its accepted and
rejected aliases in two queries. ``for_text(raw)`` (``kb.pipeline.known``) then
hands the pipeline only the actors it could link in that text, so the cost of
one article's extraction does not grow with the size of the knowledge base.
``add()`` teaches the index the actors an import just wrote, so the next file
in the same run links to them.
"""

from __future__ import annotations

from collections import defaultdict

from kb.entities.models import Actor, Alias
from kb.pipeline.known import KnownIndex
from kb.pipeline.types import KnownActor


class SnapshotIndex(KnownIndex):
    @classmethod
    def load(cls) -> SnapshotIndex:
        names: dict[int, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
        for actor_id, name, rejected in Alias.objects.filter(
            actor__merged_into__isnull=True
        ).values_list("actor_id", "name", "rejected"):
            names[actor_id][1 if rejected else 0].append(name)
        actors = []
        for pk, slug, name, kind, country in Actor.objects.active().values_list(
            "pk", "slug", "name", "kind", "country_id"
        ):
            accepted, rejected = names.get(pk, ([], []))
            actors.append(
                KnownActor(
                    key=slug,
                    name=name,
                    kind=kind,
                    country=country,
                    aliases=tuple(accepted),
                    rejected=tuple(rejected),
                )
            )
        return cls(actors)
