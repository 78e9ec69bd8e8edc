"""Which known actors one article can link to, found without scanning them all.

In:  ``KnownActor`` values, added as the knowledge base grows (``add``).
Out: ``known_index(snapshot)``: the snapshot's actors by linking key, as the
     actor stages look them up; ``for_text(raw)``: the ``Snapshot`` of exactly
     the actors that have a linking key (a folded name or accepted alias that
     an editor has not rejected) whose every word occurs in the text.
Guarantees: the pipeline links a name to a known actor only when the name's
     folded key equals one of that actor's keys (``known_keys``), and a
     name in the text is made of the text's words. So an actor left out here
     could never have been linked, and extraction with ``for_text(raw)`` gives
     the same result as with every known actor. The work per article depends on
     the article's words, not on how many actors the knowledge base holds.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from kb.pipeline.fold import MEMO_ENTRIES, fold
from kb.pipeline.types import KnownActor, Snapshot

_WORD = re.compile(r"\w+")


def linking_keys(actor: KnownActor) -> tuple[str, ...]:
    """The folded names an actor links by: its name and accepted aliases, less the rejected."""
    rejected = {fold(r) for r in actor.rejected}
    keys = (fold(form) for form in (actor.name, *actor.aliases))
    return tuple(dict.fromkeys(key for key in keys if key and key not in rejected))


# The same actors come in every snapshot, so their keys are folded once.
known_keys = lru_cache(maxsize=MEMO_ENTRIES)(linking_keys)


def known_index(snapshot: Snapshot) -> dict[str, list[KnownActor]]:
    """The snapshot's actors by each folded key they link by, in snapshot order."""
    index: dict[str, list[KnownActor]] = {}
    for actor in snapshot.actors:
        for key in known_keys(actor):
            index.setdefault(key, []).append(actor)
    return index


def text_words(raw: str) -> set[str]:
    """The folded words of a text; folding one word may split it (``½`` is ``1 2``)."""
    words: set[str] = set()
    for token in set(_WORD.findall(raw)):
        words.update(fold(token).split())
    return words


class KnownIndex:
    """Known actors by one word of each linking key: its longest, as the rarest guess.

    Indexing every word instead would hand each article every actor sharing a
    common word with it ("national", "venezuela"), and that set grows with the
    knowledge base: 51 actors per article at 1k articles, 152 at 50k.
    """

    def __init__(self, actors: list[KnownActor] | None = None) -> None:
        self._actors: dict[str, KnownActor] = {}
        self._by_word: defaultdict[str, set[tuple[tuple[str, ...], str]]] = defaultdict(set)
        for actor in actors or ():
            self.add(actor)

    def add(self, actor: KnownActor) -> None:
        """Learn an actor, or its new aliases; an entry it no longer links by only costs a check."""
        self._actors[actor.key] = actor
        for key in linking_keys(actor):
            words = tuple(key.split())
            self._by_word[max(words, key=len)].add((words, actor.key))

    def __len__(self) -> int:
        return len(self._actors)

    def __contains__(self, key: object) -> bool:
        return key in self._actors

    def for_text(self, raw: str) -> Snapshot:
        words = text_words(raw)
        keys: set[str] = set()
        for word in words:
            for needed, key in self._by_word.get(word, ()):
                if key not in keys and all(w in words for w in needed):
                    keys.add(key)
        return Snapshot(actors=tuple(self._actors[k] for k in sorted(keys)))

    def snapshot(self) -> Snapshot:
        """Every known actor (for tools that want the whole knowledge base)."""
        return Snapshot(actors=tuple(self._actors.values()))
