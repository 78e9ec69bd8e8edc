"""Syndicated copies at import: find the original of a story, file the story's bands.

In:  an article's clean body (``story_match``), then the article once written
     (``story_file``).
Out: the earlier article it republishes, or None; its signature and LSH bands
     are stored either way, so later copies find it.
Guarantees: two queries whatever the size of the knowledge base (the articles
sharing a band, with their signatures, in one; the bands in another); the
original is the first article of the story, so a chain of copies points at one
article.
"""

from __future__ import annotations

from dataclasses import dataclass

from kb.articles.models import Article, StoryBand
from kb.pipeline.syndication import StorySignature, bands, containment, same_story, signature

# Rows read per lookup: a band shared by very many articles is a stock phrase.
MAX_CANDIDATE_ROWS = 500


@dataclass(frozen=True, slots=True)
class StoryMatch:
    signature: StorySignature
    bands: list[str]
    original_id: int | None


def story_match(body: str, *, exclude: int | None = None) -> StoryMatch:
    sig = signature(body)
    keys = bands(sig)
    if not keys:
        return StoryMatch(sig, keys, None)
    rows = (
        StoryBand.objects.filter(band__in=keys)
        .exclude(article_id=exclude)
        .values_list(
            "article_id",
            "article__story_signature",
            "article__story_shingles",
            "article__same_story_as",
        )[:MAX_CANDIDATE_ROWS]
    )
    best: tuple[float, int] | None = None
    seen: set[int] = set()
    for pk, data, shingles, copy_of in rows:
        if pk in seen:
            continue
        seen.add(pk)
        other = StorySignature.from_bytes(bytes(data), shingles)
        if same_story(sig, other):
            score = containment(sig, other)
            if best is None or score > best[0]:
                best = (score, copy_of or pk)
    return StoryMatch(sig, keys, best[1] if best else None)


def story_fields(article: Article, match: StoryMatch) -> None:
    """Set the article's story fields before it is saved."""
    article.story_signature = match.signature.to_bytes()
    article.story_shingles = match.signature.shingles
    article.same_story_as_id = match.original_id


def story_file(article: Article, match: StoryMatch, *, new: bool) -> None:
    """File the saved article's bands, so later copies find it."""
    if not new:
        StoryBand.objects.filter(article=article).delete()
    StoryBand.objects.bulk_create([StoryBand(article=article, band=k) for k in match.bands])
