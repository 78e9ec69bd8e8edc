"""Coreference: descriptions and pronouns that stand for an actor named elsewhere.

In:  the clean body, the actor and country mentions, the actors, the roles
     (who holds which post) and the quoted spans.
Out: extra ``Mention``s, one per resolved description or pronoun, for the
     later stages (quotes, stances, roles) to merge with ``merge``:
     - an actor's own name or surface form where the text repeats it but no
       mention covers it ("Williams likewise …");
     - "the coalition", "the bloc", "the ministry", "Ruritania's foreign
       ministry" -> the organisation named with that head (``org_descriptions``);
     - "the president", "Venezuela's president", "the AU chief", "the soldier", "the
       emissary" -> the person who holds that post or description (a role, or
       the words before or after a name), the most present such person first
       (``person_descriptions``);
     - "the Biden administration", "US officials", "the Mexican government"
       -> the country;
     - "he"/"she" and "it said" outside quotes -> see ``pronouns``;
     - "the statement said", "a statement from X" -> its author (``statements``).
A description of a body that speaks ("the ministry") that names none of the
article's actors is a ``Mention`` of kind ``unresolved`` with an empty name:
the text names a voice, but not one we know, so no other name may stand in.
Guarantees: never raises; ``body[m.start:m.end]`` is the description or
pronoun itself; only whole words are read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

from kb.pipeline.echoed_titles import echoed_titles
from kb.pipeline.entity import shared_lexicon
from kb.pipeline.geo import gazetteer, lookup
from kb.pipeline.org_descriptions import org_descriptions
from kb.pipeline.person_descriptions import person_descriptions
from kb.pipeline.pronouns import it_said, pronouns
from kb.pipeline.statements import document_authors
from kb.pipeline.types import UNRESOLVED, ActorFound, Mention, RoleFound
from kb.pipeline.wordlists import alternation, inside, words

__all__ = ["UNRESOLVED", "descriptions", "merge", "resolve", "words"]


def resolve(
    body: str,
    mentions: Sequence[Mention],
    *,
    actors: tuple[ActorFound, ...] = (),
    roles: tuple[RoleFound, ...] = (),
    display: dict[str, str] | None = None,
    quotes: Sequence[tuple[int, int]] = (),
    excluded: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """The extra mentions for descriptions and pronouns (see the module docstring);
    ``excluded`` (datelines, credits) names no one again."""
    ordered = merge(mentions, _repeated_names(body, mentions, actors, excluded))
    described = descriptions(body, ordered, actors, roles, display or {}, quotes)
    merged = merge(ordered, described)
    found = pronouns(body, merged, quotes)
    found += it_said(body, merge(merged, found), quotes)
    found += document_authors(body, merge(merged, found), quotes)
    given = set(mentions)
    found += [m for m in ordered if m not in given]
    return sorted(described + found, key=lambda m: m.start)


def _repeated_names(
    body: str,
    mentions: Sequence[Mention],
    actors: tuple[ActorFound, ...],
    excluded: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """An actor's own surface forms where the text repeats them but no mention covers
    them ("American Stephanie Williams", "Williams likewise …")."""
    hits: list[tuple[int, int, ActorFound]] = []
    for actor in actors:
        forms = {f for f in (actor.name, *actor.surface_forms) if len(f) >= 4 and f[:1].isupper()}
        if actor.kind == "person":
            forms |= _particle_surnames(actor.name)
        for form in forms:
            pos = body.find(form)
            while pos >= 0:
                end = pos + len(form)
                if (
                    (pos == 0 or not _word_char(body[pos - 1]))
                    and (end == len(body) or not _word_char(body[end]))
                    and not any(lo <= pos < hi for lo, hi in excluded)
                    and not (actor.kind == "person" and _another_given_name(body, pos, actor.name))
                ):
                    hits.append((pos, end, actor))
                pos = body.find(form, end)
    if not hits:
        return []
    taken = sorted((m.start, m.end) for m in mentions)
    out: list[Mention] = []
    # Longest first at each start; a hit is kept when nothing taken overlaps it.
    for start, end, actor in sorted(hits, key=lambda h: (h[0], -h[1])):
        index = bisect_left(taken, (end,)) - 1
        if (index >= 0 and taken[index][1] > start) or (out and out[-1].end > start):
            continue
        out.append(Mention(start, end, actor.name, actor.kind))
    return out


_PARTICLE_SURNAME_RE = re.compile(
    r"^\S+\s+((?:d['\u2019]|de |del |da |van |von |al-|el-)[A-Z]\S*(?: \S+)*)$"
)


def _particle_surnames(name: str) -> set[str]:
    """ "d'Almeida Nzé" for "Marie-Laure d'Almeida Nzé": a surname opening on a
    particle, which the text repeats in lower case where no capital starts a name."""
    match = _PARTICLE_SURNAME_RE.match(name)
    return {match.group(1)} if match else set()


_CAPITALISED_BEFORE_RE = re.compile(r"\b([A-Z][\w'\u2019-]*) $")


def _another_given_name(body: str, pos: int, name: str) -> bool:
    """ "Fritz-Gérald Pierre-Louis" is no "Pierre-Louis" of Marie-Claude's: the surname
    of a person named in full, after a name word that is not that person's, is someone
    else's name."""
    if " " not in name:
        return False  # "Siddharth Raghavan" may be the given name of a "Raghavan"
    word = _CAPITALISED_BEFORE_RE.search(body, max(0, pos - 30), pos)
    if word is None:
        return False
    lex = shared_lexicon()
    w = word.group(1)
    return not (
        w in name.split()
        or w in lex.titles
        or w in lex.honorifics
        or w in lex.stop
        or lookup(w) is not None
    )


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "-_"


def descriptions(
    body: str,
    mentions: list[Mention],
    actors: tuple[ActorFound, ...] = (),
    roles: tuple[RoleFound, ...] = (),
    display: dict[str, str] | None = None,
    quotes: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """Mentions for the descriptions that stand for a named actor or a country; a
    name inside a quote ("the president Ana Ruiz" in someone's words) introduces
    no one the writer's descriptions stand for."""
    ordered = sorted(mentions, key=lambda m: m.start)
    spans = sorted(quotes)
    outside = [m for m in ordered if not inside(spans, m.start)]
    out = org_descriptions(body, ordered, actors)
    out += person_descriptions(body, outside, actors, roles)
    out += echoed_titles(body, outside, [(m.start, m.end) for m in out])
    out += _government_descriptions(body, ordered, actors, display or {})
    out += _the_government(body, ordered, spans)
    return out


# "the government said": the state the article is about, when one plainly is.
_THE_GOVERNMENT_RE = re.compile(
    # "the spokesperson of the government": governed, no subject of its own
    r"(?<!\bof )(?<!\bfor )(?<!\bto )(?<!\bby )(?<!\bwith )(?<!\bfrom )(?<!\bagainst )"
    r"\b[Tt]he government\b(?!\s+(?:of|in|and)\b)(?![\u2019']s)"
)


def _the_government(
    body: str, ordered: list[Mention], quotes: list[tuple[int, int]]
) -> list[Mention]:
    """A bare "the government" outside quotes is the country the article plainly is
    about: named three times or more, and half as often again as any other."""
    if "he government" not in body:
        return []
    counts = Counter(m.name for m in ordered if m.kind in ("country", "demonym"))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]):
        return []
    main = ranked[0][0]
    return [
        Mention(m.start(), m.end(), main, "country")
        for m in _THE_GOVERNMENT_RE.finditer(body)
        if not inside(quotes, m.start())
    ]


# "the government in Paramaribo said": the state, speaking from its capital.
_GOVERNMENT_IN_RE = re.compile(
    # "The federal government in Mogadishu", "the central authorities in Kabul"
    r"(?<=\b[Tt]he )(?:(?:federal|central|national|transitional|interim) )?"
    r"(?:government|authorities) (?:in|of) (?P<place>[A-Z][\w-]+(?: [A-Z][\w-]+)?)"
)


def _government_descriptions(
    body: str, ordered: list[Mention], actors: tuple[ActorFound, ...], display: dict[str, str]
) -> list[Mention]:
    """ "the Trump administration", "US officials", "the Mexican government" -> the country."""
    # "the Mexican government", and in a release's capitals "the Korean Government".
    # "Brazil's government" too: the state's own.
    follow_re = re.compile(rf"(?:[\u2019']s)?\s+((?i:{alternation(words('government_words'))}))\b")
    country_of = {a.name: a.country for a in actors}
    us_named = any(m.kind == "country" and m.name == display.get("US") for m in ordered)
    out: list[Mention] = []
    for m in ordered:
        follow = follow_re.match(body, m.end)
        if follow is None:
            continue
        if m.kind in ("country", "demonym"):
            name = m.name  # country mentions already carry the display name
        elif m.kind == "person" and follow.group(1).lower() == "administration":
            # "the Biden administration": a leader's surname before "administration" is
            # the American usage for the government, so an unplaced leader is the US's
            # when the article names the US at all.
            code = country_of.get(m.name) or ("US" if us_named else None)
            if not code:
                continue
            name = display.get(code, code)
        else:
            continue
        out.append(Mention(m.start, follow.end(), name, "country"))
    for match in _GOVERNMENT_IN_RE.finditer(body):
        entry = gazetteer().entries.get(match.group("place"))
        code = entry[0] if entry and entry[1] in ("name", "capital") else None
        if code is not None:
            start = match.start() - 4  # "the " before it
            out.append(Mention(start, match.end(), display.get(code, code), "country"))
    return sorted(out, key=lambda m: m.start)


def _uncovered(mentions: list[Mention], extra: list[Mention]) -> list[Mention]:
    """The mentions no extra covers; both sorted by start. Extras are few and short:
    only those starting up to 80 characters before a mention can cover it, a window
    that only moves forward."""
    kept: list[Mention] = []
    lo = hi = 0
    for m in mentions:
        while hi < len(extra) and extra[hi].start <= m.start:
            hi += 1
        while lo < hi and extra[lo].start < m.start - 80:
            lo += 1
        if lo < hi and any(m.end <= x.end for x in extra[lo:hi]):
            continue
        kept.append(m)
    return kept


def merge(mentions: Sequence[Mention], extra: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with ``extra`` added; an extra replaces the mentions it covers and
    is dropped where it would cut one in two."""
    mentions = sorted(mentions, key=lambda m: m.start)
    if not extra:
        return mentions
    extra = sorted(extra, key=lambda m: (m.start, -m.end))
    kept = _uncovered(mentions, extra)
    kept_starts = [m.start for m in kept]

    def crosses_kept(x: Mention) -> bool:
        lo = bisect_left(kept_starts, x.start - 80)
        hi = bisect_left(kept_starts, x.end)
        return any(m.start < x.start < m.end or m.start < x.end < m.end for m in kept[lo:hi])

    covered = [x for x in extra if not crosses_kept(x)]
    return sorted(kept + covered, key=lambda m: m.start)
