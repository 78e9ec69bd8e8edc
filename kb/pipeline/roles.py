"""Roles: the clean body and its people, organisations and countries in, roles out.

In:  the clean body, the ``ActorFound``s and the country mentions.
Out: ``RoleFound``s: which person holds which title, for which organisation
     and which country, read from title prefixes ("Peruvian Foreign Minister
     Ana Quispe", "Chile's Foreign Minister Tomás Vidal") and
     appositions on either side of a name ("Ramón Ibáñez, the president of the
     National Assembly", "Peru's foreign minister, Ana Quispe").
Guarantees: never raises; each role's span covers the title and the name, lies
inside the body, and one (actor, title) pair is reported once, at its first
mention.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from kb.pipeline.geo import GeoMention, lookup
from kb.pipeline.text import fold, folded_lexicon, lexicon
from kb.pipeline.types import ActorFound, RoleFound

# Words that may sit inside a capitalised title ("Secretary of State for Cuba").
_TITLE_GLUE = frozenset(["of", "for", "and", "the", "State", "Affairs", "Foreign", "Special"])
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "or",
        "as",
        "its",
        "his",
        "her",
        "their",
        "who",
        "which",
        "with",
        "including",
        "like",
        "than",
        "to",
    ]
)
_POSSESSIVE_RE = re.compile(r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)*)['’]s\s+$")
_WORD_RE = re.compile(r"\S+")
_AFTER_RE = re.compile(
    r",\s+(?:who is\s+)?(?:(?:the|a|an|its|their|his|her)\s+)?"
    r"((?:(?:[A-Za-z][\w.’'-]*)\s+){0,3}?(?P<noun>[a-z][a-z-]+))"
    r"(?P<rest>(?:\s+(?:of|at|for|in|to)\s+[^,.;:()“”\"]{1,90})?)"
    r"(?=[,.;:)]|\s+\(|\s+(?:said|says|told|wrote)\b)"
)
_BEFORE_RE = re.compile(
    r"(?:^|[.\n:;]\s*|,\s+|\b[Tt]he\s+|[’']s\s+)"
    r"(?P<title>(?:[A-Za-z][\w-]*\s+){0,3}?(?P<noun>[A-Za-z][a-z-]+)"
    r"(?:\s+(?:of|for|at)\s+(?:the\s+)?[A-Z][^,.;:]{0,70}?)?),\s+$"
)


@cache
def _role_words() -> frozenset[str]:
    return folded_lexicon("role_nouns") | {fold(t) for t in lexicon("titles")}


def _is_role_noun(word: str) -> bool:
    return fold(word) in folded_lexicon("role_nouns")


def _org_at(orgs: list[tuple[int, int, str]], start: int, end: int) -> tuple[int, int, str] | None:
    for s, e, name in orgs:
        if start <= s and e <= end:
            return s, e, name
    return None


def _org_ending(orgs: list[tuple[int, int, str]], end: int) -> tuple[int, int, str] | None:
    """The organisation mention (``orgs`` sorted by start) that ends at ``end``."""
    index = bisect_left(orgs, (end,)) - 1
    while index >= 0 and orgs[index][0] > end - 120:
        if orgs[index][1] == end:
            return orgs[index]
        index -= 1
    return None


def _country_at(geo: list[GeoMention], start: int, end: int) -> str | None:
    for g in geo:
        if start <= g.start and g.end <= end:
            return g.code
    return None


def _prefix_role(
    body: str,
    start: int,
    orgs: list[tuple[int, int, str]],
    geo: list[GeoMention],
) -> tuple[int, str, str | None, str | None] | None:
    """'Peruvian Foreign Minister ' / "Venezuela's Foreign Minister " before a name."""
    line_start = body.rfind("\n", 0, start) + 1
    window_start = max(line_start, start - 90)
    if start < 2 or body[start - 1] != " " or not body[start - 2].isalnum():
        return None  # "minister, Ana Quispe" is an apposition, read by _before_role
    previous = body[max(line_start, start - 30) : start - 1].rsplit(" ", 1)[-1].strip("’'")
    if fold(previous) not in _role_words():
        return None  # no title right before the name: most mentions stop here
    words = list(_WORD_RE.finditer(body, window_start, start - 1))[-8:]
    if not words:
        return None
    base = words[0].start()
    roles = _role_words()
    title_from: int | None = None
    for word in reversed(words):
        text = word.group().strip("’'")
        if fold(text) in roles or text in _TITLE_GLUE:
            title_from = word.start() - base
            continue
        break
    if title_from is None:
        return None
    title_start = base + title_from
    title = body[title_start:start].strip()
    while title.split(" ", 1)[0] in ("of", "for", "and", "the"):
        parts = title.split(" ", 1)
        if len(parts) == 1:
            return None
        title_start += len(parts[0]) + 1
        title = parts[1]
    tail = title.split()
    if not tail or not any(_is_role_noun(w) or w in lexicon("titles") for w in tail[-2:]):
        return None
    if all(w in _TITLE_GLUE or w in ("Vice", "Deputy", "Former", "Acting") for w in tail):
        return None
    role_start = title_start
    country: str | None = None
    organization: str | None = None
    qualifier = body[base:title_start].split()
    possessive = _POSSESSIVE_RE.search(body, max(line_start, title_start - 40), title_start)
    org = _org_ending(orgs, title_start - 1)
    if possessive and possessive.end() == title_start:
        code = lookup(possessive.group(1))
        if code:
            country, role_start = code, possessive.start(1)
        elif org:
            organization, role_start = org[2], org[0]
    elif org:
        organization, role_start = org[2], org[0]
    elif qualifier and lookup(qualifier[-1]):
        country = lookup(qualifier[-1])
        role_start = title_start - len(qualifier[-1]) - 1
    inner_country = _country_at(geo, title_start, start)
    return role_start, title, organization, country or inner_country


def _after_role(
    body: str,
    end: int,
    orgs: list[tuple[int, int, str]],
    geo: list[GeoMention],
) -> tuple[int, str, str | None, str | None] | None:
    """'…, the president of the National Assembly' after a name."""
    match = _AFTER_RE.match(body, end)
    if match is None or "\n" in match.group():
        return None
    noun = match.group("noun")
    if not _is_role_noun(noun):
        return None
    title = match.group(1)
    if _STOP_WORDS & set(title.lower().split()):
        return None  # ", as interim president", ", and the leader"
    if any(w[0].isupper() and lookup(w) is None for w in title.split()[:-1]):
        return (
            None  # "Venezuela researcher" keeps its country; "Sahel programme head" is a role too
        )
    rest_start, rest_end = match.start("rest"), match.end("rest")
    org = _org_at(orgs, rest_start, rest_end)
    country = _country_at(geo, match.start(1), match.end(1)) or _country_at(
        geo, rest_start, rest_end
    )
    return match.end(), title, org[2] if org else None, country


def _before_role(
    body: str,
    start: int,
    orgs: list[tuple[int, int, str]],
    geo: list[GeoMention],
) -> tuple[int, str, str | None, str | None] | None:
    """ "Peru's foreign minister, " / 'The President of Venezuela, ' before a name."""
    if body[start - 2 : start] != ", ":
        return None
    window_start = max(body.rfind("\n", 0, start) + 1, start - 110)
    match = None
    for candidate in _BEFORE_RE.finditer(body, window_start, start):
        if candidate.end() == start:
            match = candidate
            break
    if match is None or not _is_role_noun(match.group("noun")):
        return None
    title = match.group("title")
    words = title.split()
    role_start = match.start("title")
    # "including the Democratic chair of ...": the role starts after the last function word.
    cut = max((k + 1 for k, w in enumerate(words) if w.lower() in _STOP_WORDS), default=0)
    if cut:
        if cut >= len(words):
            return None
        role_start += len(" ".join(words[:cut])) + 1
        title = " ".join(words[cut:])
        if not _is_role_noun(title.split(" of ")[0].split()[-1]):
            return None
    country = _country_at(geo, role_start, start)
    possessive = _POSSESSIVE_RE.search(body, max(window_start, role_start - 40), role_start)
    if possessive and possessive.end() == role_start:
        code = lookup(possessive.group(1))
        if code:
            country, role_start = code, possessive.start(1)
    org = _org_at(orgs, match.start("title"), start)
    head = title.split(" of ")[0].split(" for ")[0].split(" at ")[0].strip()
    return role_start, head, org[2] if org else None, country


def find_roles(
    body: str, actors: tuple[ActorFound, ...], geo: list[GeoMention]
) -> tuple[RoleFound, ...]:
    orgs = sorted((s, e, a.name) for a in actors if a.kind == "organization" for s, e in a.mentions)
    geo = sorted(geo, key=lambda g: g.start)
    starts = [g.start for g in geo]
    found: dict[tuple[str, str], RoleFound] = {}
    for actor in actors:
        if actor.kind != "person":
            continue
        for start, end in actor.mentions:
            near = geo[bisect_left(starts, start - 130) : bisect_left(starts, end + 130)]
            for reader in (_prefix_role, _before_role):
                hit = reader(body, start, orgs, near)
                if hit is not None:
                    role_start, title, org, country = hit
                    role = RoleFound(actor.name, title, org, country, role_start, end)
                    found.setdefault((actor.name, fold(title)), role)
                    break
            after = _after_role(body, end, orgs, near)
            if after is not None:
                role_end, title, org, country = after
                role = RoleFound(actor.name, title, org, country, start, role_end)
                found.setdefault((actor.name, fold(title)), role)
    return tuple(sorted(found.values(), key=lambda r: (r.start, r.end)))
