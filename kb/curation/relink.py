"""Re-link: look again for some actors' names in the articles already imported.

In: the actors (and optionally the articles to search; all by default).
Out: a ``RelinkOutcome``: how many mentions were created, how many re-pointed,
and in which articles.

Guarantees: one ``transaction.atomic()`` that locks the actors and each
article it reads; editors' decisions are never overridden (a confirmed or
rejected mention keeps its span and target, and a rejected alias is never
looked for); a span overlapping another mention is left alone; longer names
win over shorter ones; mention counts are recounted in the same transaction.
Running it twice changes nothing the second time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction

from kb.articles.models import Article, Mention
from kb.articles.services import refresh_mention_counts
from kb.entities.models import Actor, Alias
from kb.pipeline.fold import fold

# (length of the folded name, the actor it names, the pattern that finds it)
Pattern = tuple[int, Actor, re.Pattern[str]]


@dataclass
class RelinkOutcome:
    created: int = 0
    linked: int = 0
    articles: set[int] = field(default_factory=set)


def actors_relink(
    actors: Iterable[Actor], *, articles: Iterable[Article] | None = None
) -> RelinkOutcome:
    """Look again for these actors' names in existing articles and link what is found.

    A name binds when it is the actor's canonical name, a name of several
    words, or an alias an editor added (a bare surname found by the importer
    is too weak, as in the importer). Spans an editor confirmed or rejected
    are never touched; an extracted mention that is unresolved or linked
    elsewhere at exactly that span is re-pointed; a span that overlaps any
    other mention is left alone. Longer names win over shorter ones.
    """
    outcome = RelinkOutcome()
    with transaction.atomic():
        actor_list = list(
            Actor.objects.select_for_update().filter(
                pk__in=[a.pk for a in actors], merged_into__isnull=True
            )
        )
        if not actor_list:
            return outcome
        patterns = _patterns(actor_list)
        touched: set[int | None] = {a.pk for a in actor_list}
        qs = (
            Article.objects.all()
            if articles is None
            else Article.objects.filter(pk__in=[a.pk for a in articles])
        )
        for article in qs.select_for_update().only("pk", "body"):
            _relink_article(article, patterns, outcome, touched)
        refresh_mention_counts(actor_ids=touched)
    return outcome


def _patterns(actors: list[Actor]) -> list[Pattern]:
    """Every name worth looking for, longest first."""
    patterns: list[Pattern] = []
    for actor in actors:
        aliases = Alias.objects.filter(actor=actor)
        rejected = {a.key for a in aliases if a.rejected}
        keys = {fold(actor.name)}
        keys |= {
            a.key
            for a in aliases
            if not a.rejected and (len(a.key.split()) > 1 or a.origin != Alias.Origin.EXTRACTED)
        }
        for key in keys - rejected - {""}:
            patterns.append((len(key), actor, _alias_pattern(key)))
    patterns.sort(key=lambda p: -p[0])
    return patterns


def _relink_article(
    article: Article, patterns: list[Pattern], outcome: RelinkOutcome, touched: set[int | None]
) -> None:
    """Link what ``patterns`` find in one article, adding to ``outcome`` and ``touched``."""
    folded = _fold_chars(article.body)
    existing = {(m.start, m.end): m for m in Mention.objects.filter(article=article)}
    taken = [(s, e) for s, e in existing]
    for _, actor, pattern in patterns:
        for match in pattern.finditer(folded):
            span = (match.start(), match.end())
            mention = existing.get(span)
            if mention is None:
                if any(s < span[1] and span[0] < e for s, e in taken):
                    continue
                mention = Mention.objects.create(
                    article=article,
                    start=span[0],
                    end=span[1],
                    surface=article.body[span[0] : span[1]][:300],
                    actor=actor,
                )
                existing[span] = mention
                taken.append(span)
                outcome.created += 1
                outcome.articles.add(article.pk)
            elif mention.status == Mention.Status.EXTRACTED and (
                mention.actor_id != actor.pk and mention.country_id is None
            ):
                touched.add(mention.actor_id)
                mention.actor = actor
                mention.save(update_fields=["actor"])
                outcome.linked += 1
                outcome.articles.add(article.pk)


def _fold_chars(text: str) -> str:
    """Fold ``text`` character by character, keeping its length (offsets stay valid)."""
    out = []
    for ch in text:
        f = fold(ch)
        out.append(f if len(f) == 1 else (ch.lower() if len(ch.lower()) == 1 else ch))
    return "".join(out)


def _alias_pattern(key: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in key.split()]
    return re.compile(r"(?<!\w)" + r"\W+".join(words) + r"(?!\w)")
