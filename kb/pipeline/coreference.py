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
       the words before or after a name), the most present such person first;
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

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache, lru_cache

from kb.pipeline.geo import gazetteer, lookup
from kb.pipeline.org_descriptions import DESCRIPTION_LEAD, org_descriptions
from kb.pipeline.pronouns import governed, it_said, pronouns
from kb.pipeline.role_ranks import spelled_out
from kb.pipeline.statements import document_authors
from kb.pipeline.text import fold, near_words
from kb.pipeline.types import UNRESOLVED, ActorFound, Mention, RoleFound
from kb.pipeline.wordlists import alternation, anchors, inside, synonyms, words

__all__ = ["UNRESOLVED", "descriptions", "merge", "resolve", "words"]


@cache
def _person_re() -> re.Pattern[str]:
    return re.compile(
        DESCRIPTION_LEAD + rf"(?:(?:{alternation(words('description_adjectives'))})\s+)?"
        # Lazy, so "the Director General" is a post before "Director" is tried as a demonym.
        r"(?:(?P<demonym>[A-Z][a-z]+)\s+)??(?:(?P<body>[A-Z]{2,6})\s+)?"
        rf"(?P<noun>(?i:{alternation(words('person_descriptions'))}))\b"
        r"(?! of\b)(?![ -][A-Z])(?!['’]s\b)"
    )


def resolve(
    body: str,
    mentions: Sequence[Mention],
    *,
    actors: tuple[ActorFound, ...] = (),
    roles: tuple[RoleFound, ...] = (),
    display: dict[str, str] | None = None,
    quotes: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """The extra mentions for descriptions and pronouns (see the module docstring)."""
    ordered = merge(mentions, _repeated_names(body, mentions, actors))
    described = descriptions(body, ordered, actors, roles, display or {}, quotes)
    merged = merge(ordered, described)
    found = pronouns(body, merged, quotes)
    found += it_said(body, merge(merged, found), quotes)
    found += document_authors(body, merge(merged, found), quotes)
    given = set(mentions)
    found += [m for m in ordered if m not in given]
    return sorted(described + found, key=lambda m: m.start)


def _repeated_names(
    body: str, mentions: Sequence[Mention], actors: tuple[ActorFound, ...]
) -> list[Mention]:
    """An actor's own surface forms where the text repeats them but no mention covers
    them ("American Stephanie Williams", "Williams likewise …")."""
    hits: list[tuple[int, int, ActorFound]] = []
    for actor in actors:
        forms = {f for f in (actor.name, *actor.surface_forms) if len(f) >= 4 and f[:1].isupper()}
        for form in forms:
            pos = body.find(form)
            while pos >= 0:
                end = pos + len(form)
                if (pos == 0 or not _word_char(body[pos - 1])) and (
                    end == len(body) or not _word_char(body[end])
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
    out += _person_descriptions(body, outside, actors, roles)
    out += _government_descriptions(body, ordered, actors, display or {})
    return out


@lru_cache(maxsize=8192)
def _holds(noun: str, titles: tuple[str, ...], *, head_first: bool = True) -> bool:
    """Whether one of ``titles`` (folded) is a post called ``noun`` or a synonym of it:
    it ends with it ("UN refugee chief"), or, with ``head_first``, opens with it
    ("minister of foreign affairs")."""
    wanted = (noun, *synonyms().get(noun, ()))
    titles = tuple(fold(spelled_out(t)) for t in titles)  # "maj gen" is "the general"
    # "the general" is no Secretary-General, "the secretary" no general secretary's aide.
    compounds = [c for c in words("compound_titles") if noun in c.replace("-", " ").split()]
    kept = [t for t in titles if not any(c in t for c in compounds if c != noun)]
    return any(
        t == w or t.endswith(" " + w) or (head_first and t.startswith(w + " "))
        for t in kept
        for w in wanted
    )


_HONORIFIC_END_RE = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame)\.?\s*)+$")


@lru_cache(maxsize=8192)
def _described(body: str, start: int, end: int) -> tuple[str, ...]:
    """The descriptions the text gives a person at mention ``body[start:end]``: the
    words before the name in its clause ("UN refugee chief Ana Ruiz") and an
    apposition after it ("Ana Ruiz, a soldier,")."""
    window = _HONORIFIC_END_RE.sub("", body[max(0, start - 90) : start])
    pieces = re.split(r"[,;:!?“”\"()\n]|\.\s", window)
    found = [fold(pieces[-1]).strip()]
    # "The official representative of the MFA of Armenia X": the post's head ends
    # before its first "of".
    found.append(re.split(r"\s(?:of|for)\s", found[0], maxsplit=1)[0])
    if not found[0] and len(pieces) > 1 and window.rstrip(" ").endswith(","):
        # "the Cabinet Secretary for Foreign Affairs, Dr. Ana Ruiz": the post comes
        # first, set off by a comma; its head is "cabinet secretary".
        post = fold(pieces[-2]).strip()
        found += [post, re.split(r"\s(?:of|for|in|at|to)\s", post, maxsplit=1)[0]]
    after = re.match(
        # "Ana Ruiz, a soldier,", "Ana Ruiz, Chevron's vice president for …,"
        r",\s+(?:a|an|the|[A-Z][\w.-]*(?: [A-Z][\w.-]*)?[’']s)\s+"
        r"([\w\s-]{1,90}?)(?=[,.;:]|\s+(?:who|said|says)\b)",
        body[end : end + 130],
    )
    if after:
        described = fold(after.group(1)).strip()
        found.append(described)
        # "a soldier in his unit" describes a soldier too.
        found.append(re.split(r"\s(?:in|of|at|for|from|with|on)\s", described, maxsplit=1)[0])
    return tuple(f for f in found if f)


def _person_descriptions(
    body: str, ordered: list[Mention], actors: tuple[ActorFound, ...], roles: tuple[RoleFound, ...]
) -> list[Mention]:
    starts = [m.start for m in ordered]
    people = [m for m in ordered if m.kind == "person"]  # the only ones that hold posts
    people_starts = [m.start for m in people]
    country_of = {a.name: a.country for a in actors}
    orgs_at = {m.start: m.name for m in ordered if m.kind == "organization"}
    titles: dict[str, list[RoleFound]] = {}
    for role in roles:
        titles.setdefault(role.actor, []).append(role)
    out: list[Mention] = []
    for match in near_words(_person_re(), body, anchors(words("person_descriptions"))):
        owner = match.group("owner")
        code = lookup(owner) if owner else None
        if owner and code is None:
            continue
        if match.group("demonym"):  # "the Peruvian foreign minister"
            code = code or lookup(match.group("demonym"))
            if code is None:
                continue
        body_name = None
        if match.group("body"):  # "the AU chief": a post in that body
            body_name = orgs_at.get(match.start("body"))
            if body_name is None:
                continue
        noun = " ".join(fold(match.group("noun")).split())
        apposed = _apposed_person(body, ordered, starts, match.end())
        if apposed is not None:
            # "The Guatemalan president, Ana Ruiz, said": the name is given right there.
            out.append(Mention(match.start(), match.end(), apposed.name, "person"))
            continue
        best = _title_holder(
            body,
            match.start(),
            noun,
            code,
            people[: bisect_left(people_starts, match.start())],
            titles,
            country_of,
            body_name,
        )
        if best:
            out.append(Mention(match.start(), match.end(), best, "person"))
    return out


def _apposed_person(
    body: str, ordered: list[Mention], starts: list[int], end: int
) -> Mention | None:
    """The person named right after a description, set off by a comma."""
    index = bisect_left(starts, end)
    if index < len(ordered) and body[end : ordered[index].start] == ", ":
        m = ordered[index]
        return m if m.kind == "person" else None
    return None


# Capitalised words before a name, on its line; a stop only after an abbreviation
# ("Gen.", "Dr."), so "… in Tokyo. Hayashi said" ends the run at "Hayashi".
_TITLE_RUN_RE = re.compile(r"(?:(?:\b[A-Z][a-z]{0,3}\.|\b[A-Z][\w-]*)[ ]+)+$")


def _leads_clause(body: str, start: int) -> bool:
    """Whether no preposition governs the name at ``start``, past its title words
    ("under President Orsk" is governed; "Foreign Minister Ruiz said" is not)."""
    titles = _TITLE_RUN_RE.search(body, max(0, start - 60), start)
    pos = titles.start() if titles else start
    return not governed(body, pos, max(0, pos - 60))


# A holder of the post named this close before the description (in characters, and at
# most one paragraph break away) is the one it means, whoever is named more.
_NEAR = 300


def _title_holder(
    body: str,
    at: int,
    noun: str,
    code: str | None,
    earlier: list[Mention],
    titles: dict[str, list[RoleFound]],
    country_of: dict[str, str | None],
    body_name: str | None = None,
) -> str | None:
    """The holder of post ``noun`` the description means: the one just named as a
    subject ("Foreign Minister Ana Ruiz said … / The minister added"), else the one
    named most so far ("the president" in an article about Ruiz is Ruiz even just
    after a line on Orsk, or "under President Orsk")."""
    salience: dict[str, int] = {}
    last: dict[str, int] = {}
    last_end: dict[str, int] = {}
    subject_at: dict[str, int] = {}
    untitled_subject = -1  # the last subject the article gives no post or description
    for m in earlier:
        if m.kind != "person":
            continue
        held = [
            r
            for r in titles.get(m.name, [])
            if body_name in (None, r.organization)
            and (_holds(noun, (fold(r.title),)) or _heads_body(noun, r.title, body_name))
        ]
        if not held and (
            body_name or not _holds(noun, _described(body, m.start, m.end), head_first=False)
        ):
            if (
                m.name not in titles
                and at - m.start <= _NEAR
                and _leads_clause(body, m.start)
                and not _described(body, m.start, m.end)
            ):
                untitled_subject = m.start
            continue
        countries = {r.country for r in held} | {country_of.get(m.name)}
        if code and code not in countries and countries != {None}:
            continue
        # "Venezuela's president" is the president, not the interim or vice one.
        plain = not held or any(
            not words("qualified_title_words") & set(fold(r.title).split()) for r in held
        )
        rank = 1 + int(plain) + (2 if code and code in countries else 0)
        salience[m.name] = salience.get(m.name, 0) + rank
        last[m.name], last_end[m.name] = m.start, m.end
        if _leads_clause(body, m.start):
            subject_at[m.name] = m.start
    if not salience:
        return None
    recent = max(last, key=lambda n: last[n])
    # Only a sentence that opens on it introduces someone ("A Western diplomat …"); "a
    # half-brother of a former oil minister" describes the one named.
    introduced = _introduced_re(noun).search(body, last_end[recent], at)
    if introduced and body[last_end[recent] : introduced.start()].strip() != ",":
        # "A Western diplomat …, who asked not to be named, … the diplomat said": the one
        # just introduced, unnamed, not the holder named before.
        return None
    if untitled_subject > last[recent]:
        # "Hayashi said … The minister added": the subject just named may hold the
        # post though the article never says so; naming the earlier holder would guess.
        return None
    tail = body[last[recent] : at]
    if subject_at.get(recent) == last[recent] and len(tail) <= _NEAR and tail.count("\n\n") <= 1:
        return recent
    return max(salience, key=lambda n: (salience[n], last[n]))


def _heads_body(noun: str, title: str, body_name: str | None) -> bool:
    """ "the AU chief" is the AU's chairperson: with a body named, "chief" or "head"
    means its top post, whatever the body calls it."""
    return (
        body_name is not None
        and noun in words("body_head_nouns")
        and any(_holds(post, (title,)) for post in words("body_head_posts"))
    )


@cache
def _introduced_re(noun: str) -> re.Pattern[str]:
    """A sentence opening on someone unnamed with post ``noun``: "A Western diplomat"."""
    return re.compile(
        rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"’]\s)|(?<=\n))[Aa]n?\s+(?:[\w-]+\s+){{0,3}}"
        rf"{re.escape(noun)}\b",
        re.MULTILINE,
    )


# "the government in Paramaribo said": the state, speaking from its capital.
_GOVERNMENT_IN_RE = re.compile(
    r"(?<=\b[Tt]he )(?:government|authorities) (?:in|of) (?P<place>[A-Z][\w-]+(?: [A-Z][\w-]+)?)"
)


def _government_descriptions(
    body: str, ordered: list[Mention], actors: tuple[ActorFound, ...], display: dict[str, str]
) -> list[Mention]:
    """ "the Trump administration", "US officials", "the Mexican government" -> the country."""
    # "the Mexican government", and in a release's capitals "the Korean Government".
    follow_re = re.compile(rf"\s+((?i:{alternation(words('government_words'))}))\b")
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
