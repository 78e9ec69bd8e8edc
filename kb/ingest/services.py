"""Import one article: text in, rows written in one transaction, an outcome out.

``article_import(raw, original_name=...)`` extracts the text with
``kb.pipeline.extract`` and writes the article with its mentions, claims,
stances and roles. The work is split along its seams: this module writes the
article and its mentions, ``kb.ingest.actors`` resolves who and where it names,
``kb.ingest.facts`` writes its claims and the facts they evidence. It guarantees:

- one ``transaction.atomic()`` per article: an article is written whole or not
  at all, so one bad file never half-writes;
- idempotence: identical raw text (by SHA-256) is ``unchanged``, whatever the
  file is called;
- an update (same ``original_name``, new text) re-extracts but keeps every
  editor decision: confirmed or rejected mentions, claims an editor reviewed,
  linked, tagged or wrote, and confirmed, corrected or rejected stances and roles
  (the facts are shared across articles: an update replaces only this article's
  evidence, and an extracted fact left with none is dropped);
- editors' aliases and rejections reach the pipeline through ``SnapshotIndex``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from django.db import transaction
from django.db.models import Count

from kb.articles.models import Article, Mention, Source
from kb.articles.services import (
    add_mention_counts,
    refresh_mention_counts,
    take_actor_linking_lock,
)
from kb.claims.facts import article_evidence_clear, claims_drop
from kb.claims.models import Claim
from kb.entities.models import Actor, Country, unique_slug
from kb.ingest.actors import actors_resolve, countries_resolve
from kb.ingest.facts import FactWriter
from kb.ingest.snapshot import SnapshotIndex
from kb.ingest.stories import StoryMatch, story_fields, story_file, story_match
from kb.pipeline import extract
from kb.pipeline.jsonout import to_json
from kb.pipeline.types import Extraction, KnownActor, Snapshot

Status = Literal["new", "updated", "unchanged", "failed", "dry-run"]


@dataclass(slots=True)
class ImportOutcome:
    original_name: str
    status: Status
    article: Article | None = None
    extraction: Extraction | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "file": self.original_name,
            "status": self.status,
            "error": self.error,
        }
        if self.extraction is not None:
            data.update(to_json(self.extraction))
        return data


def content_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def article_import(
    raw: str,
    *,
    original_name: str,
    source_name: str | None = None,
    tags: Sequence[str] = (),
    dry_run: bool = False,
    snapshot: Snapshot | SnapshotIndex | None = None,
) -> ImportOutcome:
    """Import one article's text. See the module docstring for the guarantees."""
    problem = _unstorable(raw)
    if problem is not None:
        return ImportOutcome(original_name, "failed", error=problem)
    digest = content_hash(raw)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is not None:
        return ImportOutcome(original_name, "unchanged", article=existing)
    if snapshot is None:
        snapshot = SnapshotIndex.load()
    if isinstance(snapshot, SnapshotIndex):
        index: SnapshotIndex | None = snapshot
        snapshot = snapshot.for_text(raw)
    else:
        index = None
    extraction = extract(raw, snapshot)
    if not extraction.body.strip():
        return ImportOutcome(
            original_name,
            "failed",
            extraction=None,
            error="nothing left after removing web boilerplate",
        )
    if dry_run:
        return ImportOutcome(original_name, "dry-run", extraction=extraction)
    with transaction.atomic():
        take_actor_linking_lock()
        # Re-check inside the lock: a concurrent importer may have just written it.
        existing = Article.objects.filter(content_hash=digest).first()
        if existing is not None:
            return ImportOutcome(original_name, "unchanged", article=existing)
        article = Article.objects.select_for_update().filter(original_name=original_name).first()
        status: Status = "updated" if article is not None else "new"
        story = story_match(extraction.body, exclude=article.pk if article else None)
        article = _write_article(
            article, raw, digest, original_name, extraction, source_name, story
        )
        if tags:
            article.tags.add(*tags)
        writer = _ArticleWriter(article, extraction, new=status == "new")
        # A syndicated copy is linked to its original and adds nothing of its
        # own: no second set of mentions, claims or figure "conflicts".
        story_file(article, story, new=status == "new")
        copy_of = story.original_id
        if copy_of is None:
            writer.write()
    if index is not None and copy_of is None:
        # Teach the caller's index what this article added, for the next file.
        for known in writer.known_actors():
            index.add(known)
    return ImportOutcome(original_name, status, article=article, extraction=extraction)


def _unstorable(raw: str) -> str | None:
    """Why no database could store this text, if so (the same answer on SQLite and PostgreSQL)."""
    if "\x00" in raw:
        # PostgreSQL text columns refuse NUL; SQLite would store it. Refuse it on both.
        return "text contains NUL characters (binary data?)"
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        return "text contains unpaired surrogate characters"
    return None


def _write_article(
    article: Article | None,
    raw: str,
    digest: str,
    original_name: str,
    extraction: Extraction,
    source_name: str | None,
    story: StoryMatch,
) -> Article:
    source = _source(source_name or extraction.publisher)
    if article is None:
        article = Article(original_name=original_name)
    article.title = (extraction.title or "")[:500]
    article.raw_text = raw
    article.body = extraction.body
    article.offsets = [[o.body_start, o.raw_start, o.length] for o in extraction.offsets]
    article.blocks = [[b.kind, b.start, b.end] for b in extraction.blocks]
    article.content_hash = digest
    article.language = extraction.language
    article.published = extraction.published
    if source is not None or article.source_id is None:
        article.source = source
    if not article.slug:
        article.slug = unique_slug(Article, extraction.title or _stem(original_name))
    story_fields(article, story)
    article.save()
    return article


def _stem(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[0] if "." in base else base


def _source(name: str | None) -> Source | None:
    if not name:
        return None
    source = Source.objects.filter(name__iexact=name).first()
    if source is None:
        source = Source.objects.create(name=name, slug=unique_slug(Source, name))
    return source


class _ArticleWriter:
    """Writes an extraction's mentions, claims and stances for one article.

    Query budget per article is bounded by the number of *distinct* names in
    it, never by the size of the knowledge base.
    """

    def __init__(self, article: Article, extraction: Extraction, *, new: bool = False) -> None:
        self.article = article
        # A new article has nothing to clear or keep: skip those reads (7 queries).
        self.new = new
        self.extraction = extraction
        self.actors_by_name: dict[str, Actor] = {}
        self.countries: dict[str, Country] = {}
        self.new_mentions: list[Mention] = []
        # Stances and roles this article evidenced before an update.
        self.touched_facts: tuple[set[int], set[int]] = (set(), set())

    def write(self) -> None:
        touched_actors: set[int] = set()
        touched_countries: set[str] = set()
        if not self.new:
            touched_actors = set(
                Mention.objects.filter(article=self.article, actor__isnull=False).values_list(
                    "actor_id", flat=True
                )
            )
            touched_countries = set(
                Mention.objects.filter(article=self.article, country__isnull=False).values_list(
                    "country_id", flat=True
                )
            )
            self._clear_extracted()
        self._resolve_countries()
        self._resolve_actors()
        self._write_mentions()
        FactWriter(
            self.article,
            self.extraction,
            actors_by_name=self.actors_by_name,
            countries=self.countries,
            new=self.new,
            touched=self.touched_facts,
        ).write()
        self._link_subjects()
        if self.new:
            # Nothing was there before: add this article's mentions to the counts.
            add_mention_counts(
                actors=Counter(m.actor_id for m in self.new_mentions if m.actor_id),
                countries=Counter(m.country_id for m in self.new_mentions if m.country_id),
            )
            return
        touched_actors |= {a.pk for a in self.actors_by_name.values()}
        touched_countries |= set(self.countries)
        refresh_mention_counts(actor_ids=touched_actors, country_codes=touched_countries)

    def _clear_extracted(self) -> None:
        """Drop what the importer wrote last time and no editor has touched."""
        Mention.objects.filter(article=self.article, status=Mention.Status.EXTRACTED).delete()
        # The facts stay (they are one row across articles); this article's evidence goes.
        self.touched_facts = article_evidence_clear(self.article)
        untouched = (
            Claim.objects.filter(
                article=self.article,
                origin=Claim.Origin.EXTRACTED,
                status=Claim.Status.EXTRACTED,
                note="",
            )
            .annotate(
                n_links=Count("links_from", distinct=True) + Count("links_to", distinct=True),
                n_tags=Count("tagged_items", distinct=True),
                n_stances=Count("stances", distinct=True),
            )
            .filter(n_links=0, n_tags=0, n_stances=0)
        )
        claims_drop(untouched.values_list("pk", flat=True))

    def known_actors(self) -> list[KnownActor]:
        """The actors this article linked, as the next extraction should know them."""
        result = []
        for item in self.extraction.actors:
            actor = self.actors_by_name[item.name]
            result.append(
                KnownActor(
                    key=actor.slug,
                    name=actor.name,
                    kind=actor.kind,  # type: ignore[arg-type]
                    country=actor.country_id,
                    aliases=tuple({item.name, *item.surface_forms}),
                )
            )
        return result

    def _resolve_countries(self) -> None:
        self.countries = countries_resolve(self.extraction)

    def _resolve_actors(self) -> None:
        self.actors_by_name = actors_resolve(self.extraction.actors, self.countries)

    def _inside(self, start: int, end: int) -> bool:
        """A span the pipeline found lies inside the body; others are dropped, never stored."""
        return 0 <= start < end <= len(self.extraction.body)

    def _write_mentions(self) -> None:
        kept: set[tuple[int, int]] = (
            set()
            if self.new
            else set(Mention.objects.filter(article=self.article).values_list("start", "end"))
        )
        body = self.extraction.body
        rows: list[Mention] = []
        for item in self.extraction.actors:
            actor = self.actors_by_name[item.name]
            for start, end in item.mentions:
                if (start, end) not in kept and self._inside(start, end):
                    kept.add((start, end))
                    rows.append(
                        Mention(
                            article=self.article,
                            start=start,
                            end=end,
                            surface=body[start:end][:300],
                            actor=actor,
                            confidence=item.confidence,
                        )
                    )
        for item in self.extraction.countries:
            country = self.countries.get(item.code)
            for start, end in item.mentions:
                if (start, end) not in kept and self._inside(start, end):
                    kept.add((start, end))
                    rows.append(
                        Mention(
                            article=self.article,
                            start=start,
                            end=end,
                            surface=body[start:end][:300],
                            country=country,
                        )
                    )
        Mention.objects.bulk_create(rows)
        self.new_mentions = rows

    def _link_subjects(self) -> None:
        """A claim is about the actors and countries mentioned inside its span."""
        claims = list(Claim.objects.filter(article=self.article).values_list("pk", "start", "end"))
        if not claims:
            return
        mentions = list(
            Mention.objects.accepted()
            .filter(article=self.article)
            .values_list("start", "end", "actor_id", "country_id")
        )
        actor_through = Claim.subjects.through
        country_through = Claim.countries.through
        actor_rows, country_rows = set(), set()
        for pk, c_start, c_end in claims:
            for m_start, m_end, actor_id, country_id in mentions:
                if c_start <= m_start and m_end <= c_end:
                    if actor_id:
                        actor_rows.add((pk, actor_id))
                    if country_id:
                        country_rows.add((pk, country_id))
        actor_through.objects.bulk_create(
            [actor_through(claim_id=c, actor_id=a) for c, a in actor_rows], ignore_conflicts=True
        )
        country_through.objects.bulk_create(
            [country_through(claim_id=c, country_id=k) for c, k in country_rows],
            ignore_conflicts=True,
        )


__all__ = [
    "ImportOutcome",
    "article_import",
    "content_hash",
    "refresh_mention_counts",
]
