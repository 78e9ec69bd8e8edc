"""Descriptions that stand for an organisation named elsewhere in the article.

In:  the clean body, its mentions in text order, and the article's actors.
Out: ``org_descriptions``: a ``Mention`` for each "the coalition", "the bloc", "The
     Ministry", "Ruritania's foreign ministry", naming the organisation the text
     called by that noun in an apposition ("IGAD, the East African bloc,"; "The UN
     refugee agency, UNHCR,"), else the last one named with that head, else the
     one actor of the article with that head and country; a body that speaks
     ("the ministry") naming none of the article's actors is ``UNRESOLVED``.
Guarantees: pure; ``body[m.start:m.end]`` is the description itself.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from kb.pipeline.geo import lookup
from kb.pipeline.reference_orgs import alias_words
from kb.pipeline.text import fold, near_words, sentence_bounds
from kb.pipeline.types import UNRESOLVED, ActorFound, Mention
from kb.pipeline.wordlists import alternation, anchors, words

# "The …" or an owner's "X's …" opening a description. An owner's words end in a
# letter: "congratulated Paz. Chile's ministry" owns by "Chile" alone.
DESCRIPTION_LEAD = r"\b(?:[Tt]he|(?P<owner>[A-Z](?:[\w.]*\w)?(?: [A-Z](?:[\w.]*\w)?)?)[’']s)\s+"


@cache
def _org_re() -> re.Pattern[str]:
    return re.compile(
        DESCRIPTION_LEAD
        + r"(?P<adj>(?:(?!(?:of|from|to|in|on|for|with|and|at|by)\b)[A-Za-z][\w-]*\s+){0,2}?)"
        # "The Ministry said" in a release's house style is "the ministry".
        + rf"(?P<noun>(?i:{alternation(words('org_descriptions'))}))\b(?![ -][A-Z])"
        # "the Bolivarian Alliance for the Peoples of …": a name going on, no description
        + r"(?!\s+(?:of|for)\s+(?:the\s+)?[A-Z])"
    )


def org_descriptions(
    body: str, ordered: list[Mention], actors: tuple[ActorFound, ...]
) -> list[Mention]:
    orgs = [m for m in ordered if m.kind == "organization"]
    starts = [m.start for m in orgs]
    org_actors = [a for a in actors if a.kind == "organization"]
    out: list[Mention] = []
    org_ends = {m.end for m in orgs}
    for match in near_words(_org_re(), body, anchors(words("org_descriptions"))):
        if match.end() in org_ends:
            continue  # "The Iranian Foreign Ministry": a body's own name, not a description
        noun = fold(match.group("noun")).split()[-1]
        if noun == "community" and not match.group("noun").startswith("C"):
            continue  # "the Community" is CARICOM's or the EAC's; "the community" is anyone
        owner = match.group("owner")
        code = lookup(owner) if owner else None
        adjectives = fold(match.group("adj")).split()
        required = [w for w in adjectives if w not in words("generic_org_adjectives")]
        if owner and code is None:
            # A place we cannot look up: the body must carry its name, as in
            # "Ministry of Foreign Affairs (Ruritania)"; "Ruiz's party" names none.
            required += fold(owner).split()
        demonyms = {c for c in (lookup(w) for w in adjectives) if c}
        if demonyms:
            code = code or next(iter(demonyms))
            required = [w for w in required if lookup(w) is None]
        earlier = orgs[: bisect_left(starts, match.start())]
        name = _apposed_org(body, noun, earlier) if not required else None
        if name is None and not required and noun in words("collective_descriptions"):
            name = _previous_subject(body, match.start(), earlier)
        name = name or _org_named(noun, required, code, earlier, org_actors)
        if name:
            out.append(Mention(match.start(), match.end(), name, "organization"))
        elif noun in words("org_descriptions_that_speak") - {"party", "movement"}:
            out.append(Mention(match.start(), match.end(), "", UNRESOLVED))
    return out


@cache
def _appositions(noun: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The apposition calling a body ``noun`` after its name, and the one before it."""
    described = rf"(?:the|an?)\s+(?:[\w’'-]+\s+){{0,4}}{re.escape(noun)},"
    return (
        re.compile(rf"\s*(?:\([A-Z]{{2,8}}\))?,\s+{described}", re.IGNORECASE),
        re.compile(rf"\b{described}\s+$", re.IGNORECASE),
    )


def _previous_subject(body: str, at: int, earlier: list[Mention]) -> str | None:
    """ "Al-Shabaab claimed ... The group described …": a sentence opening on "The group"
    right after one opening on a body's name means that body."""
    bounds = sentence_bounds(body)
    index = bisect_left(bounds, (at + 1,)) - 1
    if index < 1 or bounds[index][0] != at:
        return None  # not a sentence's opening words
    lo, _hi = bounds[index - 1]
    for mention in earlier:
        if mention.start >= lo:
            return mention.name if not body[lo : mention.start].strip() else None
    return None


def _apposed_org(body: str, noun: str, earlier: list[Mention]) -> str | None:
    """ "IGAD, the East African bloc, ... the bloc said", "The UN refugee agency,
    UNHCR, ... the agency said": the organisation the text itself called by that
    noun, in an apposition, most recently."""
    after, before = _appositions(noun)
    for mention in reversed(earlier):
        if after.match(body, mention.end, mention.end + 80):
            return mention.name
        if before.search(body, max(0, mention.start - 80), mention.start):
            return mention.name  # "The UN refugee agency, UNHCR, ... the agency said"
    return None


# "the company" is the body whose name ends like a company's: "Corvane Maritime FZE".
_COMPANY_NOUNS = frozenset(["company", "firm", "operator"])
_COMPANY_FORMS = frozenset(
    ["company", "ltd", "inc", "llc", "llp", "corp", "corporation", "plc", "gmbh", "fze", "fzco",
     "fzc", "jsc", "pjsc", "spa", "bhd", "pte", "holdings", "industries", "airlines", "airways",
     "motors", "shipping"]
)  # fmt: skip


def _head(name: str) -> str:
    """The head noun of a body's name: its last word before "of", "for", "on" or a bracket
    ("Council for Foreign and Community Relations" is a council, no community)."""
    words = fold(re.split(r"\s+(?:of|for|on|to|in)\s+|\s*\(", name, maxsplit=1)[0]).split()
    return words[-1] if words else ""


def _org_named(
    noun: str,
    required: list[str],
    code: str | None,
    earlier: list[Mention],
    org_actors: list[ActorFound],
) -> str | None:
    """The organisation a description with head ``noun`` names: the last one named
    with that head, else the only actor of the article with it."""
    country = {a.name: a.country for a in org_actors}

    def fits(name: str) -> bool:
        parts = set(fold(name).replace("(", " ").replace(")", " ").split())
        aliases = alias_words(name)  # "the UN refugee agency UNHCR … the agency"
        named_so = (
            noun == _head(name)
            or noun in aliases
            or (noun in _COMPANY_NOUNS and bool(parts & _COMPANY_FORMS))
        )
        parts |= aliases
        if not named_so or not all(w in parts for w in required):
            return False
        return code is None or country.get(name) in (None, code)

    named = [m.name for m in earlier if fits(m.name)]
    if named:
        return named[-1]
    if noun in words("collective_descriptions"):
        heads = words("collective_heads")
        named = [m.name for m in earlier if heads & set(fold(m.name).split())]
        if named:
            return named[-1]
    candidates = {a.name for a in org_actors if fits(a.name)}
    if code is not None:
        placed = {n for n in candidates if country.get(n) == code}
        candidates = placed or candidates
    return next(iter(candidates)) if len(candidates) == 1 else None
