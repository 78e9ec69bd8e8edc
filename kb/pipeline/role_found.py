"""Roles, second half: a reader's hit in, one ``RoleFound`` per post out.

In:  a title, organisation and country a reader of ``roles`` found next to a
     person's mention; the body, its country mentions and the article's date.
Out: a ``RoleFound`` when the title is a post (``role_posts``), with ``former``
     ("former", "ex-", "ousted" before it), ``valid_from`` from the clause after
     the name ("since 2019"), a confidence by rule, and a country when the
     sentence names neither organisation nor country (``placed``); ``add_role``
     keeps one role per holder, post, organisation and country.
Guarantees: pure, never raises.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import cache

from kb.pipeline.geo import GeoMention
from kb.pipeline.reference_orgs import is_international
from kb.pipeline.role_posts import head_noun, is_post, post, role_words, since
from kb.pipeline.text import fold, load_json
from kb.pipeline.types import ActorFound, RoleFound

# Confidence by how the title reaches the name (see ``find_roles``).
PREFIX_FULL, PREFIX_SHORT, APPOSITION, _CONTEXT_FAR, _PLACED = 0.9, 0.8, 0.7, 0.5, 0.4
_RANK_WORDS = frozenset(["vice", "deputy", "under", "assistant"])
_CLAUSE_END_RE = re.compile(r"[;\n]|[.!?](?:\s|$)")
_OF_COUNTRY_RE = re.compile(r"\s+of\s+(?:the\s+)?")


@cache
def _former_before_re() -> re.Pattern[str]:
    words = "|".join(sorted(role_words("former_markers"), key=len, reverse=True))
    return re.compile(rf"\b(?:{words})-?\s*(?:\w+\s+)?$", re.IGNORECASE)


def _clause_after(body: str, end: int) -> str:
    stop = _CLAUSE_END_RE.search(body, end, min(len(body), end + 160))
    return body[end : stop.start() if stop else min(len(body), end + 160)]


def country_after(body: str, end: int, geo: list[GeoMention]) -> str | None:
    """ "President Ilham Aliyev of Azerbaijan": a country right after the name."""
    match = _OF_COUNTRY_RE.match(body, end)
    if match is None:
        return None
    return next((g.code for g in geo if g.start == match.end() and g.kind == "name"), None)


def make_role(
    actor: ActorFound,
    span: tuple[int, int],
    hit: tuple[str, str | None, str | None],
    body: str,
    published: date | None,
    confidence: float,
) -> RoleFound | None:
    """A ``RoleFound`` for a reader's hit, or None when its title is not a post."""
    title, organization, country = hit
    found = post(title)
    if found is None:
        return None
    country = country or found.country
    if not is_post(found.title, qualified=bool(organization or country)):
        return None
    start, end = span
    window = fold(body[max(0, start - 30) : start])
    former = found.former or bool(_former_before_re().search(window))
    if not (organization or country) and actor.country:
        country, confidence = actor.country, min(confidence, _CONTEXT_FAR)
    valid_from = since(_clause_after(body, end), published)
    return RoleFound(
        actor.name,
        found.title,
        organization,
        country,
        start,
        end,
        former=former,
        valid_from=valid_from,
        confidence=confidence,
    )


def _title_words(title: str) -> set[str]:
    spellings: dict[str, str] = load_json("roles.json")["spellings"]
    return {spellings.get(w, w) for w in fold(title).split()}


def same_post(a: RoleFound, b: RoleFound) -> bool:
    """Same holder and post: same head noun and rank, one title's words within the other's."""
    wa, wb = _title_words(a.title), _title_words(b.title)
    return (
        a.actor == b.actor
        and head_noun(a.title) == head_noun(b.title)
        and wa & _RANK_WORDS == wb & _RANK_WORDS
        and (wa <= wb or wb <= wa)
    )


def add_role(found: list[RoleFound], role: RoleFound) -> None:
    """One role per holder, post, organisation and country: the first mention's, unless a
    later mention of the same post gives the organisation or country the first lacked."""
    for index, old in enumerate(found):
        if not same_post(old, role):
            continue
        if (old.organization, old.country) == (role.organization, role.country):
            return
        if old.organization is None and old.country is None:
            found[index] = role
            return
        if role.organization is None and role.country is None:
            return
    found.append(role)


def _sentence(body: str, start: int, end: int) -> tuple[int, int]:
    before = max(body.rfind(". ", 0, start), body.rfind("\n", 0, start))
    after = _CLAUSE_END_RE.search(body, end)
    return before + 1, after.start() if after else len(body)


def placed(
    body: str,
    role: RoleFound,
    geo: list[GeoMention],
    orgs: Sequence[tuple[int, int, str]] = (),
) -> RoleFound:
    """A role whose text names neither organisation nor country takes the country its
    sentence names nearest before it ("stopping in Colombia to meet President Ana
    Ruiz"), else the one the article names most; confidence
    0.4 (a post named bare is most often the article's country's; the guess can be
    wrong, as for a foreign head of state named without his country)."""
    if role.organization or role.country:
        return role
    # "SADC Executive Secretary", "the IAEA Director General X", "World Food Programme
    # (WFP) Sudan country director X": a post of the international body named in it.
    inside = [
        n for a, b, n in orgs if role.start - 2 <= a and b <= role.end and is_international(n)
    ]
    if inside:
        return replace(role, organization=inside[-1])
    if not geo:
        return role
    s, _e = _sentence(body, role.start, role.end)
    before = [g for g in geo if s <= g.start < role.start]
    if before:  # "stopping in Colombia to meet President Ana Ruiz"
        return replace(role, country=before[-1].code, confidence=min(role.confidence, _PLACED))
    # Not the first country after the post: "Foreign Minister X flew to Havana" is
    # no Cuban minister. The article's most named country is the better guess.
    counts: dict[str, int] = {}
    for g in geo:
        counts[g.code] = counts.get(g.code, 0) + 1
    top = max(counts, key=lambda c: counts[c])  # a tie goes to the country named first
    return replace(role, country=top, confidence=min(role.confidence, _PLACED))
