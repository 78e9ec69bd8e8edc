"""Roles: the clean body and its people, organisations and countries in, roles out.

In:  the clean body, the ``ActorFound``s and the country mentions.
Out: ``RoleFound``s: which person holds which post, for which organisation
     and which country, read from title prefixes ("Peruvian Foreign Minister
     Ana Quispe", "Renewal Party lawmaker Tomas Vidal"), appositions on either
     side of a name ("Ramón Ibáñez, the president of the National Assembly",
     "Peru's foreign minister, Ana Quispe") and "X was chosen as Peru's new
     president". Only posts count (``role_posts``: not "ally", "hero",
     "predecessor", "head" alone); who the title is of comes from ``role_owner``;
     former, validity, confidence and one role per post from ``role_found``.
Guarantees: never raises; each role's span covers the title and the name, lies
inside the body, and one (holder, post, organisation, country) is reported once,
at its first mention.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date
from itertools import accumulate

from kb.pipeline.entity import COURTESY_STYLES
from kb.pipeline.geo import GeoMention, gazetteer, is_geo_word
from kb.pipeline.role_appositions import after_role, as_role, before_role
from kb.pipeline.role_found import (
    APPOSITION,
    PREFIX_FULL,
    PREFIX_SHORT,
    add_role,
    country_after,
    make_role,
    placed,
)
from kb.pipeline.role_owner import country_at, owner_before
from kb.pipeline.role_posts import TITLE_GLUE, is_post, is_role_noun, role_words, title_words
from kb.pipeline.role_ranks import split_rank
from kb.pipeline.text import fold, lexicon
from kb.pipeline.types import ActorFound, RoleFound

_WORD_RE = re.compile(r"\S+")
_POSTED_TAIL_RE = re.compile(r"\s+(?:to|in)\s+[A-Z][\w-]*$")
# A rank abbreviated before a name: "Col. Bakary Diarra-Keïta", "Capt. X".
_ABBREVIATION_RE = re.compile(r"\b[A-Z][a-z]{1,3}\. $")
# "UN refugee chief Ana Ruiz": one lowercase word between the owner and the title.
_MODIFIER_RE = re.compile(r"(?<=\S )([a-z][a-z-]{2,}) $")


# An honorific before a name is no post ("Justice X", "Dr X"); a rank is ("General X").
_HONORIFICS = frozenset(
    fold(w)
    for w in ("Justice", "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Prof", "Prof.",
              "Professor", "Sheikh", "Sheikha", "Prince", "Princess", "H.E.", "Hon", "Hon.",
              *COURTESY_STYLES, *(f"{w}." for w in COURTESY_STYLES))
)  # fmt: skip


# A royal or courtesy style between a post and the name: no part of the post.
_STYLES = frozenset(["Prince", "Princess", "Sheikh", "Sheikha", "Hon", "Hon."])


_TO_BEFORE_RE = re.compile(r"(?:\b(?P<post>(?:[A-Z][\w-]*\s+){1,3}))?\bto\s+(?:the\s+)?$")


def _title_before(body: str, start: int, line_start: int) -> tuple[int, str] | None:
    """Where the capitalised title right before the name at ``start`` begins, and its text."""
    words = list(_WORD_RE.finditer(body, max(line_start, start - 90), start - 1))[-8:]
    roles = title_words()
    title_start: int | None = None
    skip = -1
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        text = word.group().strip("’'")
        if text[-1:] in ",;:" and title_start is not None:
            break  # "Military Leader, Lieutenant Colonel Ana Ruiz": the title is the last
        if text[-1:] == "." and text[:1].islower():
            break  # "taken from his home. Deputy Minister X": a sentence ends there
        if fold(text) in roles or text in TITLE_GLUE:
            title_start = word.start()
            continue
        if index > 1 and words[index - 1].group() in ("to", "in") and is_geo_word(text):
            # "Ambassador to Russia Ezequiel Mendoza": where the post is held, and the post
            title_start = words[index - 1].start()
            skip = index - 1
            continue
        if index == skip:
            continue  # the "to" already read with its place
        break
    if title_start is None:
        return None
    to = _TO_BEFORE_RE.search(body, max(line_start, title_start - 60), title_start)
    if to and to.group("post") and fold(to.group("post").split()[-1]) in roles:
        title_start = to.start("post")  # "Adviser to the President X": the adviser's post
    title = body[title_start:start].strip()
    while title.split(" ", 1)[0] in ("of", "for", "and", "the"):
        parts = title.split(" ", 1)
        if len(parts) == 1:
            return None
        title_start += len(parts[0]) + 1
        title = parts[1]
    return title_start, title


def _prefix_role(
    body: str,
    start: int,
    orgs: list[tuple[int, int, str]],
    geo: list[GeoMention],
) -> tuple[int, str, str | None, str | None] | None:
    """'Peruvian Foreign Minister ' / "Venezuela's Foreign Minister " before a name."""
    line_start = body.rfind("\n", 0, start) + 1
    if start < 2 or body[start - 1] != " ":
        return None
    if not body[start - 2].isalnum() and not _ABBREVIATION_RE.search(body, start - 8, start):
        return None  # "minister, Ana Quispe" is an apposition, read by _before_role
    before = body[max(line_start, start - 40) : start - 1].rsplit(" ", 2)
    previous = before[-1].strip("’'")
    posted = len(before) > 1 and before[-2] in ("to", "in") and is_geo_word(previous)
    if fold(previous.rstrip(".")) not in title_words() and not posted:
        return None  # no title right before the name: most mentions stop here
    found = _title_before(body, start, line_start)
    if found is None:
        return None
    title_start, title = found
    # "Ambassador to Russia": the post is the ambassador's; where it is held, no part of it.
    title = _POSTED_TAIL_RE.sub("", title)
    if all(fold(w) in _HONORIFICS for w in title.split()):
        return None  # "Justice X", "Dr X": an honorific, no post
    while " " in title and title.rsplit(" ", 1)[1] in _STYLES:
        title = title.rsplit(" ", 1)[0]  # "Energy Minister Prince X": the post is the minister
    tail = title.split()
    if tail and fold(tail[-1]) in role_words("dangling"):
        return None  # "Minister of Foreign Affairs": the "name" is the title's end
    if not tail or not any(_is_post_title(w) for w in tail[-2:]):
        return None
    if all(w in TITLE_GLUE or w in ("Vice", "Deputy", "Former", "Acting") for w in tail):
        return None
    role_start, organization, country = owner_before(body, title_start, line_start, orgs)
    modifier = _MODIFIER_RE.search(body, max(line_start, title_start - 30), title_start)
    if organization is None and country is None and modifier:
        # "UN refugee chief Ana Ruiz": one lowercase word between the owner and the title.
        owner = owner_before(body, modifier.start(), line_start, orgs)
        if owner[1] or (owner[2] and _owns(body, modifier.start(), line_start)):
            role_start, organization, country = owner
            title = f"{modifier.group(1)} {title}"
    return role_start, title, organization, country or country_at(geo, title_start, start)


_INTERNATIONAL_LEAD_RE = re.compile(r"(?:[Tt]he\s+)?(?:UN|U\.N\.|United Nations)\s+")


def _office_role(
    body: str,
    start: int,
    orgs: list[tuple[int, int, str]],
    geo: list[GeoMention],
) -> tuple[int, str, str | None, None] | None:
    """ "UN High Commissioner for Refugees Ana Ruiz", "The United Nations High
    Commissioner for Human Rights, Volker Türk,": a body named after its head's post
    names that post before a name. The title is the post; the body, its office."""
    del geo
    index = bisect_left(orgs, (start,)) - 1
    if index < 0:
        return None
    org_start, org_end, name = orgs[index]
    if body[org_end:start] not in (" ", ", ") or org_end > start:
        return None
    lead = _INTERNATIONAL_LEAD_RE.match(body, org_start, org_end)
    if lead is None:
        return None
    title = body[lead.end() : org_end]
    head = title.split(" for ", 1)[0].split()
    if not head or not all(w[:1].isupper() for w in head) or not is_role_noun(head[-1]):
        return None
    return org_start, title, name, None


def _owns(body: str, end: int, floor: int) -> bool:
    """A country word right before ``end`` that owns what follows: "Peru's", "Peruvian";
    not a bare name, which is a verb's subject ("Peru met Foreign Minister Ana Ruiz")."""
    words = body[max(floor, end - 30) : end].split()
    if not words:
        return False
    last = words[-1]
    if last.endswith(("'s", "\u2019s")):
        return True
    entry = gazetteer().entries.get(last)
    return entry is not None and entry[1] == "demonym"


def _is_post_title(title: str) -> bool:
    """Whether one of the last two words is a role noun, a title or a rank."""
    ranks = role_words("ranks")
    return any(
        is_role_noun(w) or w in lexicon("titles") or fold(w.rstrip(".")) in ranks
        for w in title.split()[-2:]
    )


def _posts_in(title: str) -> list[str]:
    """ "State Councillor and Foreign Minister": two posts when both halves are posts."""
    parts = title.split(" and ")
    if len(parts) == 2 and all(is_post(p, qualified=False) for p in parts):
        return parts
    return [title]


def _roles_at(
    body: str,
    actor: ActorFound,
    span: tuple[int, int],
    orgs: list[tuple[int, int, str]],
    near: list[GeoMention],
    published: date | None,
) -> list[RoleFound]:
    start, end = span
    out: list[RoleFound] = []
    full = PREFIX_FULL if len(body[start:end].split()) > 1 else PREFIX_SHORT
    ranked = False
    readers = ((_office_role, full), (_prefix_role, full), (before_role, APPOSITION))
    for reader, confidence in readers:
        hit = reader(body, start, orgs, near)
        if hit is not None:
            role_start, title, org, country = hit
            country = country or country_after(body, end, near)
            parts = _posts_in(title)
            rank = split_rank(title) if reader is _prefix_role else None
            if rank is not None:
                # "Army chief General X": the post and the rank are two roles; a rank
                # alone ("Commandant X") leaves an apposed post before it to read.
                post, rank_title = rank
                ranked = not post
                parts = [p for p in (post, rank_title) if p and _is_post_title(p)]
                org = org if post else None
            elif reader is _prefix_role and body[max(0, role_start - 2) : role_start] == ", ":
                ranked = True  # "The Secretary-General of OTCA, Ambassador X": both posts
            for part in parts:
                role = make_role(
                    actor, (role_start, end), (part, org, country), body, published, confidence
                )
                if role is not None:
                    out.append(role)
            if out and not ranked:
                break
    after = after_role(body, end, orgs, near) or as_role(body, start, end, orgs)
    if after is not None:
        role_end, title, org, country = after
        role = make_role(
            actor, (start, role_end), (title, org, country), body, published, APPOSITION
        )
        if role is not None:
            out.append(role)
    return out


def _outside_orgs(geo: list[GeoMention], orgs: list[tuple[int, int, str]]) -> list[GeoMention]:
    """The country mentions no organisation's mention covers ("Organization of American
    States"); of the mentions starting at or before one, the one reaching furthest
    covers it if any does."""
    starts = [s for s, _e, _n in orgs]
    reach = list(accumulate((e for _s, e, _n in orgs), max))
    out: list[GeoMention] = []
    for g in geo:
        index = bisect_right(starts, g.start) - 1
        if index < 0 or reach[index] < g.end:
            out.append(g)
    return out


def _holder_name(name: str) -> bool:
    """A name that can hold a post: not a place ("Geneva") nor only title words
    ("Chargé d'Affaires", "Press Chancellery") read as a person."""
    if is_geo_word(name):
        return False
    words = [fold(w) for w in name.replace("'", " ").replace("’", " ").split()]
    return not all(w in title_words() or w in _NOT_HOLDER_WORDS for w in words)


_NOT_HOLDER_WORDS = frozenset(
    ["d", "charge", "affaires", "press", "chancellery", "election", "office"]
)


def find_roles(
    body: str,
    actors: tuple[ActorFound, ...],
    geo: list[GeoMention],
    published: date | None = None,
) -> tuple[RoleFound, ...]:
    """Posts the people in ``actors`` hold, as the body states them.

    Confidence: a title right before a full name ("Foreign Minister Kari Berg")
    0.9, before a surname alone 0.8; an apposition ("Kari Berg, Norway's foreign
    minister") 0.7; when the sentence names neither organisation nor country and
    the country is the holder's own (from ``actors``), at most 0.5. ``valid_from``
    is read from the clause after the name ("since 2019", "who took office in
    March", resolved against ``published``); ``valid_to`` is left unknown.
    """
    orgs = sorted((s, e, a.name) for a in actors if a.kind == "organization" for s, e in a.mentions)
    geo = sorted(_outside_orgs(geo, orgs), key=lambda g: g.start)
    starts = [g.start for g in geo]
    found: list[RoleFound] = []
    for actor in actors:
        if actor.kind != "person" or not _holder_name(actor.name):
            continue
        for start, end in actor.mentions:
            near = geo[bisect_left(starts, start - 130) : bisect_left(starts, end + 130)]
            for role in _roles_at(body, actor, (start, end), orgs, near, published):
                add_role(found, role)
    found = [placed(body, r, geo, orgs) for r in found]
    return tuple(sorted(found, key=lambda r: (r.start, r.end)))
