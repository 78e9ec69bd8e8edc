"""Time-bound facts as actor, organization and country pages show them.

In:  a request's ``?as_of=`` value; role rows and ``member_of`` stance rows,
     already narrowed to a day with ``TimeBoundQuerySet.valid_on`` when a day
     is asked for, with their articles (and the stances' evidence claims with
     theirs) fetched.
Out: :class:`AsOf` (the day shown, or the value that was ignored), one
     :class:`Post` per post an actor held and one :class:`Membership` per
     member, group and period, each with its dates and the articles that
     attest it.
Guarantees: no database access. The functions group rows the caller has read
in a bounded number of queries, so a page costs the same for 1 row or 50.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kb.articles.models import Article
from kb.claims.models import Role, Stance
from kb.entities.models import Actor, Country

# Only the ISO form: the page says which day it shows, so there is no guessing
# between 06/01 as June or January. ASCII digits only (\d would take any script's).
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# A post or membership lists this many of its articles; the rest are counted.
SOURCE_LIMIT = 5


@dataclass(frozen=True)
class AsOf:
    """The day a page shows (``None``: every date), and any value it had to ignore."""

    day: dt.date | None = None
    ignored: str = ""


def parse_as_of(value: str | None) -> AsOf:
    """``YYYY-MM-DD`` gives that day; anything else is ignored, and said to be."""
    if not value:
        return AsOf()
    if _ISO_DAY.fullmatch(value):
        try:
            return AsOf(day=dt.date.fromisoformat(value))
        except ValueError:  # 2021-02-30 and the like
            pass
    # Shown back to the reader (escaped by the template), so kept short.
    shown = value.replace("\x00", "")
    return AsOf(ignored=shown if len(shown) <= 40 else shown[:39] + "…")


@dataclass
class Attested:
    """Dates and sources shared by posts and memberships."""

    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    articles: list[Article] = field(default_factory=list)

    def widen(self, valid_from: dt.date | None, valid_to: dt.date | None) -> None:
        """Earliest known start, latest known end: an unknown bound stays unknown."""
        if valid_from is not None and (self.valid_from is None or valid_from < self.valid_from):
            self.valid_from = valid_from
        if valid_to is not None and (self.valid_to is None or valid_to > self.valid_to):
            self.valid_to = valid_to

    def cite(self, articles: Iterable[Article | None]) -> None:
        known = {a.pk for a in self.articles}
        for article in articles:
            if article is not None and article.pk not in known:
                known.add(article.pk)
                self.articles.append(article)

    @property
    def shown_articles(self) -> list[Article]:
        return self.articles[:SOURCE_LIMIT]

    @property
    def more_articles(self) -> int:
        return max(len(self.articles) - SOURCE_LIMIT, 0)


@dataclass
class Post(Attested):
    """A post an actor held, once, however many articles (role rows) attest it."""

    title: str = ""
    organization: Actor | None = None
    country: Country | None = None
    newest_row: int = 0


def group_posts(roles: Iterable[Role]) -> list[Post]:
    """One :class:`Post` per (title, organization, country), newest start first.

    Its dates span the rows' known dates; its articles are the rows' articles,
    newest row first.
    """
    posts: dict[tuple[str, int | None, str | None], Post] = {}
    for role in roles:
        key = (role.title, role.organization_id, role.country_id)
        post = posts.get(key)
        if post is None:
            post = posts[key] = Post(
                title=role.title, organization=role.organization, country=role.country
            )
        post.widen(role.valid_from, role.valid_to)
        post.cite([role.article, *(e.article for e in role.evidence.all())])
        post.newest_row = max(post.newest_row, role.pk)
    return sorted(
        posts.values(),
        key=lambda p: (p.valid_from is not None, p.valid_from or dt.date.min, p.newest_row),
        reverse=True,
    )


@dataclass
class Membership(Attested):
    """``member`` belonged to ``group`` from ``valid_from`` to ``valid_to``."""

    member: Actor | Country | None = None
    group: Actor | Country | None = None


def _key(target: Actor | Country | None) -> str:
    return f"{type(target).__name__}:{target.pk}" if target is not None else ""


def group_memberships(stances: Iterable[Stance]) -> list[Membership]:
    """One :class:`Membership` per (member, group, period), in order of joining.

    Rows that state the same period (several articles saying one thing) are one
    membership citing all their articles: each row's own article, then those of
    its evidence claims (prefetched with their articles). Different periods of
    one member (left, then rejoined) stay apart. Unknown starts come last.
    """
    found: dict[tuple[str, str, Any, Any], Membership] = {}
    for stance in stances:
        key = (_key(stance.subject), _key(stance.object), stance.valid_from, stance.valid_to)
        membership = found.get(key)
        if membership is None:
            membership = found[key] = Membership(
                valid_from=stance.valid_from,
                valid_to=stance.valid_to,
                member=stance.subject,
                group=stance.object,
            )
        membership.cite([stance.article, *(claim.article for claim in stance.evidence.all())])
    return sorted(
        found.values(),
        key=lambda m: (
            m.valid_from is None,
            m.valid_from or dt.date.min,
            m.member.name.casefold() if m.member is not None else "",
        ),
    )
