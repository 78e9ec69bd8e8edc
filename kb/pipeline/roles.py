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
from functools import cache
from itertools import accumulate

from kb.pipeline.geo import GeoMention, gazetteer, lookup
from kb.pipeline.role_found import (
    APPOSITION,
    PREFIX_FULL,
    PREFIX_SHORT,
    add_role,
    country_after,
    make_role,
    placed,
)
from kb.pipeline.role_owner import country_at, org_at, owner_before
from kb.pipeline.role_posts import is_post, role_words
from kb.pipeline.text import fold, folded_lexicon, lexicon, strip_possessive
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
_WORD_RE = re.compile(r"\S+")
_PHRASE_RE = re.compile(
    r"\s+(?:of|at|for|in)\s+(?:the\s+)?[\w-]+(?:\s+(?!of\b|on\b|in\b|at\b|and\b)[\w-]+){0,3}"
)
# "was chosen as Sri Lanka's new president", "recognized Ana Ruiz as prime minister".
_AS_VERBS = r"(?:chosen|elected|re-elected|appointed|named|sworn in|confirmed|installed)"
_AS_END = r"(?=[,.;:]|\s+(?:on|in|after|by|and|for|with|at|until|from|to)\b)"
_AS_AFTER_RE = re.compile(
    rf"\s+(?:(?:was|has been|had been|is|were)\s+)?{_AS_VERBS}\s+as\s+(?P<what>.{{1,60}}?)"
    + _AS_END
)
_AS_BEFORE_RE = re.compile(rf"\b(?:{_AS_VERBS}|recogni[sz]ed)\s+$")
_AS_TAIL_RE = re.compile(
    r"\s+as\s+(?P<what>.{1,60}?)(?=[,.;:]|\s+(?:on|in|after|by|and|for|with|at|until|from|to)\b)"
)
_AS_OWNER_RE = re.compile(
    r"^(?:the\s+)?(?:[a-z][\w-]*\s+)?(?P<owner>[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)['’]s\s+"
)
_MODIFIER_RE = re.compile(r"(?<=\S )([a-z][a-z-]{2,}) $")
_AFTER_RE = re.compile(
    r"(?:\s+\([^()\n]{1,12}\))?,\s+(?:who (?:is|has been)\s+)?"
    r"(?:(?:the|a|an|its|their|his|her)\s+)?"
    r"((?:(?:[A-Za-z][\w.’'-]*)\s+){0,3}?(?P<noun>[A-Za-z][a-z-]+))"
    r"(?P<rest>(?:\s+(?:of|at|for|in|to)\s+[^,.;:()“”\"]{1,90})?)"
    r"(?=[,.;:)]|\s+\(|\s+(?:said|says|told|wrote|since|who)\b)"
)
_BEFORE_RE = re.compile(
    r"(?:^|[.\n:;]\s*|,\s+|\b[Tt]he\s+|[’']s\s+)"
    r"(?P<title>(?P<core>(?:[A-Za-z][\w-]*\s+){0,3}?(?P<noun>[A-Za-z][a-z-]+))"
    r"(?:\s+(?:of|for|at|to|in)\s+(?:the\s+)?[A-Za-z][^,.;:]{0,70}?)?),\s+$"
)


@cache
def _role_words() -> frozenset[str]:
    posts = role_words("posts")
    suffixed = {f"{p} {s}" for p in posts for s in role_words("post_suffixes")}
    return folded_lexicon("role_nouns") | {fold(t) for t in lexicon("titles")} | posts | suffixed


def _is_role_noun(word: str) -> bool:
    return fold(word) in folded_lexicon("role_nouns")


# An honorific before a name is no post ("Justice X", "Dr X"); a rank is ("General X").
_HONORIFICS = frozenset(
    fold(w)
    for w in ("Justice", "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Prof", "Prof.",
              "Professor", "Sheikh", "H.E.")
)  # fmt: skip
# A rank or honorific between an apposed post and the name: "the commission
# chairperson, Justice X", "the army chief, General X".
_RANK_BEFORE_RE = re.compile(
    r"(?:\b(?:General|Lieutenant[- ]General|Major[- ]General|Brigadier[- ]General|Colonel|"
    r"Lieutenant[- ]Colonel|Major|Captain|Admiral|Marshal|Justice|Judge|Dr|Mr|Mrs|Ms|Prof|"
    r"Professor|Sheikh|H\.E)\.?\s+)+$"
)


def _title_before(body: str, start: int, line_start: int) -> tuple[int, str] | None:
    """Where the capitalised title right before the name at ``start`` begins, and its text."""
    words = list(_WORD_RE.finditer(body, max(line_start, start - 90), start - 1))[-8:]
    roles = _role_words()
    title_start: int | None = None
    for word in reversed(words):
        text = word.group().strip("’'")
        if text[-1:] in ",;:" and title_start is not None:
            break  # "Military Leader, Lieutenant Colonel Ana Ruiz": the title is the last
        if fold(text) in roles or text in _TITLE_GLUE:
            title_start = word.start()
            continue
        break
    if title_start is None:
        return None
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
    if start < 2 or body[start - 1] != " " or not body[start - 2].isalnum():
        return None  # "minister, Ana Quispe" is an apposition, read by _before_role
    previous = body[max(line_start, start - 30) : start - 1].rsplit(" ", 1)[-1].strip("’'")
    if fold(previous) not in _role_words():
        return None  # no title right before the name: most mentions stop here
    found = _title_before(body, start, line_start)
    if found is None:
        return None
    title_start, title = found
    if all(fold(w) in _HONORIFICS for w in title.split()):
        return None  # "Justice X", "Dr X": an honorific, no post
    tail = title.split()
    if tail and fold(tail[-1]) in role_words("dangling"):
        return None  # "Minister of Foreign Affairs": the "name" is the title's end
    if not tail or not any(_is_role_noun(w) or w in lexicon("titles") for w in tail[-2:]):
        return None
    if all(w in _TITLE_GLUE or w in ("Vice", "Deputy", "Former", "Acting") for w in tail):
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
    if noun[0].isupper():
        # A release's capitals: "X, Minister of Foreign Affairs," "X, Assistant Foreign
        # Minister for ...": every word before the post a title word too.
        if not all(fold(w) in _role_words() or w in _TITLE_GLUE for w in title.split()[:-1]):
            return None
    elif any(w[0].isupper() and lookup(strip_possessive(w)) is None for w in title.split()[:-1]):
        return (
            None  # "Venezuela researcher" keeps its country; "Sahel programme head" is a role too
        )
    rest_start, rest_end = match.start("rest"), match.end("rest")
    if fold(noun) in role_words("qualified_posts"):
        # "head of the presidential guard of …": the phrase after says what of.
        phrase = _PHRASE_RE.match(body, rest_start, rest_end)
        title = f"{title}{phrase.group()}" if phrase else title
    org = org_at(orgs, rest_start, rest_end)
    country = country_at(geo, match.start(1), match.end(1)) or country_at(geo, rest_start, rest_end)
    return match.end(), title, org[2] if org else None, country


def _as_role(
    body: str, start: int, end: int, orgs: list[tuple[int, int, str]]
) -> tuple[int, str, str | None, str | None] | None:
    """ "Ana Ruiz was chosen as Peru's new president", "recognized Ana Ruiz as premier"."""
    match = _AS_AFTER_RE.match(body, end)
    if match is None and _AS_BEFORE_RE.search(body, max(0, start - 30), start):
        match = _AS_TAIL_RE.match(body, end)
    if match is None or "\n" in match.group():
        return None
    what = match.group("what")
    country: str | None = None
    owner = _AS_OWNER_RE.match(what)
    if owner:
        country = lookup(owner.group("owner"))
        if country is None:
            return None  # "as the party's candidate": read no other owner
        what = what[owner.end() :]
    if any(w[:1].isupper() for w in what.split()) or not _is_role_noun(what.split()[-1]):
        return None
    org = org_at(orgs, match.start("what"), match.end("what"))
    return match.end(), what, org[2] if org else None, country


def _before_match(body: str, window_start: int, start: int) -> re.Match[str] | None:
    """The first title ending at ``start`` whose noun is a role noun ("the process of
    handing power from the current president of Guatemala, " reads the president)."""
    pos = window_start
    while pos < start:
        candidate = _BEFORE_RE.search(body, pos, start)
        if candidate is None:
            return None
        if candidate.end() == start and _is_role_noun(candidate.group("noun")):
            return candidate
        pos = candidate.start() + 1
    return None


def _before_role(
    body: str,
    start: int,
    orgs: list[tuple[int, int, str]],
    geo: list[GeoMention],
) -> tuple[int, str, str | None, str | None] | None:
    """ "Peru's foreign minister, " / 'The President of Venezuela, ' before a name,
    past a rank or honorific ("the commission chairperson, Justice X")."""
    rank = _RANK_BEFORE_RE.search(body, max(0, start - 40), start)
    if rank is not None:
        start = rank.start()
    if body[start - 2 : start] != ", ":
        return None
    window_start = max(body.rfind("\n", 0, start) + 1, start - 110)
    match = _before_match(body, window_start, start)
    if match is None:
        return None
    title = match.group("title")
    words = title.split()
    role_start = match.start("title")
    # "including the Democratic chair of ...": the role starts after the last function word.
    core = match.group("core").split()  # "including the Democratic chair" before "of ..."
    cut = max((k + 1 for k, w in enumerate(core) if w.lower() in _STOP_WORDS), default=0)
    if cut:
        if cut >= len(words):
            return None
        role_start += len(" ".join(words[:cut])) + 1
        title = " ".join(words[cut:])
        if not _is_role_noun(title.split(" of ")[0].split()[-1]):
            return None
    country = country_at(geo, role_start, start)
    role_start, owner, owner_country = owner_before(body, role_start, window_start, orgs)
    # "the secretary general of the Organization of American States": the organisation
    # follows the post noun; one spanning it is the title misread as a name.
    org = org_at(orgs, match.end("noun"), start)
    head = title.split(" of ")[0].split(" for ")[0].split(" at ")[0].split(" in ")[0].strip()
    return role_start, head, org[2] if org else owner, owner_country or country


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
    for reader, confidence in ((_prefix_role, full), (_before_role, APPOSITION)):
        hit = reader(body, start, orgs, near)
        if hit is not None:
            role_start, title, org, country = hit
            country = country or country_after(body, end, near)
            for part in _posts_in(title):
                role = make_role(
                    actor, (role_start, end), (part, org, country), body, published, confidence
                )
                if role is not None:
                    out.append(role)
            if out:
                break
    after = _after_role(body, end, orgs, near) or _as_role(body, start, end, orgs)
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
        if actor.kind != "person":
            continue
        for start, end in actor.mentions:
            near = geo[bisect_left(starts, start - 130) : bisect_left(starts, end + 130)]
            for role in _roles_at(body, actor, (start, end), orgs, near, published):
                add_role(found, role)
    found = [placed(body, r, geo) for r in found]
    return tuple(sorted(found, key=lambda r: (r.start, r.end)))
