"""Roles read from appositions: the clause beside a name that says its post.

In:  the clean body, a person's mention, the organisations' mentions and the
     country mentions near it.
Out: ``after_role`` ("X, the president of the National Assembly,"),
     ``as_role`` ("X was chosen as Peru's new president") and ``before_role``
     ("Peru's foreign minister, X"), each as (role start or end, title,
     organisation, country), or None.
Guarantees: pure functions of the text; never raise.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re

from kb.pipeline.geo import GeoMention, lookup
from kb.pipeline.role_owner import country_at, org_at, owner_before
from kb.pipeline.role_posts import TITLE_GLUE, is_role_noun, role_words, title_words
from kb.pipeline.role_ranks import RANK_BEFORE_RE
from kb.pipeline.text import fold, strip_possessive

STOP_WORDS = frozenset(
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
_ACCREDITED = frozenset(["envoy", "ambassador", "representative", "delegate", "emissary"])
_PHRASE_RE = re.compile(
    r"\s+(?:of|at|for|in)\s+(?:the\s+)?[\w-]+(?:\s+(?!of\b|on\b|in\b|at\b|and\b)[\w-]+){0,3}"
)
# "was chosen as Sri Lanka's new president" (not "recognized Ana Ruiz as president": a
# state's recognition, which the stances record, is no post the text says she holds).
_AS_VERBS = r"(?:chosen|elected|re-elected|appointed|named|sworn in|confirmed|installed)"
_AS_END = r"(?=[,.;:]|\s+(?:on|in|after|by|and|for|with|at|until|from|to)\b)"
_AS_AFTER_RE = re.compile(
    rf"\s+(?:(?:was|has been|had been|is|were)\s+)?{_AS_VERBS}\s+as\s+(?P<what>.{{1,60}}?)"
    + _AS_END
)
_AS_BEFORE_RE = re.compile(rf"\b(?:{_AS_VERBS})\s+$")
# "Garba, 51, was appointed military governor of Tillabéri region": the post right after
# the verb, without "as"; only lower-case words, so "was named Ana Ruiz's deputy" is left.
_APPOINTED_RE = re.compile(
    r"(?:,\s+\d{2},)?\s+(?:was|has been|had been)\s+(?:appointed|named|elected|re-elected)\s+"
    r"(?!(?:to|by|in|on|at|for|from|with|after|as|the|a|an)\b)"
    r"(?P<what>(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)"
    r"(?=[,.;:]|\s+(?:of|on|in|after|by|and|for|with|at|until|from|to)\b)"
)
_AS_TAIL_RE = re.compile(
    r"\s+as\s+(?P<what>.{1,60}?)(?=[,.;:]|\s+(?:on|in|after|by|and|for|with|at|until|from|to)\b)"
)
_AS_OWNER_RE = re.compile(
    r"^(?:the\s+)?(?:[a-z][\w-]*\s+)?(?P<owner>[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)['’]s\s+"
)
_AFTER_RE = re.compile(
    r"(?:\s+\([^()\n]{1,12}\))?,\s+(?:who (?:is|has been)\s+)?"
    r"(?:(?:the|a|an|its|their|his|her)\s+)?"
    r"((?:(?:[A-Za-z][\w.’'-]*)\s+){0,3}?(?P<noun>[A-Za-z][a-z-]+))"
    r"(?P<rest>(?:\s+(?:of|at|for|in|to)\s+[^,.;:()“”\"]{1,90})?)"
    r"(?=[,.;:)]|\s+\(|\s+(?:said|says|told|wrote|since|who)\b)"
)
_BEFORE_RE = re.compile(
    r"(?:^|[.\n:;]\s*|,\s+|\b[Tt]he\s+|[’']s\s+)"
    r"(?P<title>(?P<core>(?:[A-Za-z][\w-]*\s+){0,3}?(?P<noun>[A-Za-z][a-z]+(?:-[A-Za-z][a-z]+)*))"
    r"(?:\s+(?:of|for|at|to|in)\s+(?:the\s+)?[A-Za-z][^,.;:]{0,70}?)?),\s+$"
)


def after_role(
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
    if not is_role_noun(noun):
        return None
    title = match.group(1)
    if STOP_WORDS & set(title.lower().split()):
        return None  # ", as interim president", ", and the leader"
    if noun[0].isupper():
        # A release's capitals: "X, Minister of Foreign Affairs," "X, Assistant Foreign
        # Minister for ...": every word before the post a title word too.
        if not all(fold(w) in title_words() or w in TITLE_GLUE for w in title.split()[:-1]):
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
    if fold(noun) in _ACCREDITED and re.match(r"\s+to\b", match.group("rest")):
        # "envoy to the Lima Group", "ambassador to Belgium": the post is accredited
        # there, not held in it ("adviser to the UAE president" is held there).
        rest_start = rest_end
    org = org_at(orgs, rest_start, rest_end)
    country = country_at(geo, match.start(1), match.end(1)) or country_at(geo, rest_start, rest_end)
    return match.end(), title, org[2] if org else None, country


def as_role(
    body: str, start: int, end: int, orgs: list[tuple[int, int, str]]
) -> tuple[int, str, str | None, str | None] | None:
    """ "Ana Ruiz was chosen as Peru's new president", "appointed Ana Ruiz as premier"."""
    match = _AS_AFTER_RE.match(body, end) or _APPOINTED_RE.match(body, end)
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
    if any(w[:1].isupper() for w in what.split()) or not is_role_noun(what.split()[-1]):
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
        # "Representative of the Secretary-General for X, Y": a post's owner is no post of Y.
        owner = body[max(0, candidate.start() - 3) : candidate.start()] == "of "
        if candidate.end() == start and is_role_noun(candidate.group("noun")) and not owner:
            return candidate
        pos = candidate.start() + 1
    return None


def before_role(
    body: str,
    start: int,
    orgs: list[tuple[int, int, str]],
    geo: list[GeoMention],
) -> tuple[int, str, str | None, str | None] | None:
    """ "Peru's foreign minister, " / 'The President of Venezuela, ' before a name,
    past a rank or honorific ("the commission chairperson, Justice X")."""
    rank = RANK_BEFORE_RE.search(body, max(0, start - 40), start)
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
    cut = max((k + 1 for k, w in enumerate(core) if w.lower() in STOP_WORDS), default=0)
    if cut:
        if cut >= len(words):
            return None
        role_start += len(" ".join(words[:cut])) + 1
        title = " ".join(words[cut:])
        if not is_role_noun(title.split(" of ")[0].split()[-1]):
            return None
    country = country_at(geo, role_start, start)
    role_start, owner, owner_country = owner_before(body, role_start, window_start, orgs)
    # "the secretary general of the Organization of American States": the organisation
    # follows the post noun; one spanning it is the title misread as a name.
    org = org_at(orgs, match.end("noun"), start)
    head = title.split(" of ")[0].split(" for ")[0].split(" at ")[0].split(" in ")[0].strip()
    return role_start, head, org[2] if org else owner, owner_country or country
