"""The read-only snapshot of known names that the pipeline receives.

``SnapshotIndex.load()`` reads every active actor with its accepted and
rejected aliases in two queries. ``for_text(raw)`` then hands the pipeline only
the actors whose names share a word with the text, so the cost of one
article's extraction does not grow with the size of the knowledge base.
``add()`` teaches the index the actors an import just wrote, so the next file
in the same run links to them.
"""

from __future__ import annotations

import re
from collections import defaultdict

from kb.entities.models import Actor, Alias
from kb.pipeline.fold import fold
from kb.pipeline.types import KnownActor, Snapshot

_WORD = re.compile(r"\w+")


class SnapshotIndex:
    def __init__(self, actors: list[KnownActor] | None = None) -> None:
        self._actors: dict[str, KnownActor] = {}
        self._by_word: defaultdict[str, set[str]] = defaultdict(set)
        for actor in actors or ():
            self.add(actor)

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

    def add(self, actor: KnownActor) -> None:
        self._actors[actor.key] = actor
        for name in (actor.name, *actor.aliases):
            for word in fold(name).split():
                if len(word) > 2:
                    self._by_word[word].add(actor.key)

    def __len__(self) -> int:
        return len(self._actors)

    def for_text(self, raw: str) -> Snapshot:
        words = {fold(w) for w in _WORD.findall(raw)}
        keys: set[str] = set()
        for word in words:
            keys |= self._by_word.get(word, set())
        return Snapshot(actors=tuple(self._actors[k] for k in sorted(keys)))

    def snapshot(self) -> Snapshot:
        return Snapshot(actors=tuple(self._actors.values()))
