"""Coreference: descriptions and pronouns that stand for an actor named elsewhere.

In:  the clean body, the actor and country mentions, the actors, the roles
     (who holds which post) and the quoted spans.
Out: extra ``Mention``s, one per resolved description or pronoun, for the
     later stages (quotes, stances, roles) to merge with ``merge``:
     - "the coalition", "the bloc", "the ministry", "Ruritania's foreign
       ministry" -> the organisation named with that head (earlier in the text,
       or the one actor of the article with that head and country);
     - "the president", "Venezuela's president", "the soldier", "the
       emissary" -> the person who holds that post or description (a role, or
       the words before or after a name), the most present such person first;
     - "the Biden administration", "US officials", "the Mexican government"
       -> the country;
     - "he"/"she" outside quotes -> the subject of the nearest earlier
       sentence that names a person of a compatible gender (Mr/Ms, gendered
       nouns, and earlier resolutions fix a gender).
A description of a body that speaks ("the ministry") that names none of the
article's actors is a ``Mention`` of kind ``unresolved`` with an empty name:
the text names a voice, but not one we know, so no other name may stand in.
Guarantees: never raises; ``body[m.start:m.end]`` is the description or
pronoun itself; only whole words are read.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache

from kb.pipeline.geo import lookup
from kb.pipeline.text import fold, lexicon, load_json, near_words, sentence_bounds
from kb.pipeline.types import ActorFound, Mention, RoleFound

UNRESOLVED = "unresolved"


@cache
def words(name: str) -> frozenset[str]:
    """A word list of ``data/coreference.json``."""
    return frozenset(load_json("coreference.json")[name])


@cache
def _synonyms() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = load_json("coreference.json")["description_synonyms"]
    return {key: tuple(value) for key, value in table.items()}


def _alternation(items: frozenset[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True)
    )


@cache
def _org_re() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:[Tt]he|(?P<owner>[A-Z][\w.]*(?: [A-Z][\w.]*)?)[’']s)\s+"
        r"(?P<adj>(?:[A-Za-z][\w-]*\s+){0,2}?)"
        rf"(?P<noun>{_alternation(words('org_descriptions'))})\b(?![ -][A-Z])"
    )


@cache
def _person_re() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:[Tt]he|(?P<owner>[A-Z][\w.]*(?: [A-Z][\w.]*)?)[’']s)\s+"
        rf"(?:(?:{_alternation(words('description_adjectives'))})\s+)?"
        rf"(?P<noun>(?i:{_alternation(words('person_descriptions'))}))\b"
        r"(?! of\b)(?![ -][A-Z])(?!['’]s\b)"
    )


def _anchors(items: frozenset[str]) -> tuple[str, ...]:
    return tuple(
        sorted({w.split()[-1] for w in items} | {w.split()[-1].capitalize() for w in items})
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
    ordered = sorted(mentions, key=lambda m: m.start)
    described = descriptions(body, ordered, actors, roles, display or {}, quotes)
    merged = merge(ordered, described)
    pronouns = _pronouns(body, merged, quotes)
    pronouns += _it_said(body, merge(merged, pronouns), quotes)
    return sorted(described + pronouns, key=lambda m: m.start)


def descriptions(
    body: str,
    mentions: list[Mention],
    actors: tuple[ActorFound, ...] = (),
    roles: tuple[RoleFound, ...] = (),
    display: dict[str, str] | None = None,
    quotes: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """Mentions for the descriptions that stand for a named actor or a country; a
    name inside a quote ("the president Juan Guaidó" in someone's words) introduces
    no one the writer's descriptions stand for."""
    ordered = sorted(mentions, key=lambda m: m.start)
    spans = sorted(quotes)
    outside = [m for m in ordered if not _inside(spans, m.start)]
    out = _org_descriptions(body, ordered, actors)
    out += _person_descriptions(body, outside, actors, roles)
    out += _government_descriptions(body, ordered, actors, display or {})
    return out


def _org_descriptions(
    body: str, ordered: list[Mention], actors: tuple[ActorFound, ...]
) -> list[Mention]:
    starts = [m.start for m in ordered]
    org_actors = [a for a in actors if a.kind == "organization"]
    out: list[Mention] = []
    for match in near_words(_org_re(), body, _anchors(words("org_descriptions"))):
        noun = fold(match.group("noun")).split()[-1]
        owner = match.group("owner")
        code = lookup(owner) if owner else None
        if owner and code is None:
            if noun in words("org_descriptions_that_speak") - {"party", "movement"}:
                out.append(Mention(match.start(), match.end(), "", UNRESOLVED))
            continue  # "Maduro's party": a person's, not the article's body
        adjectives = fold(match.group("adj")).split()
        required = [w for w in adjectives if w not in words("generic_org_adjectives")]
        demonyms = {c for c in (lookup(w) for w in adjectives) if c}
        if demonyms:
            code = code or next(iter(demonyms))
            required = [w for w in required if lookup(w) is None]
        earlier = [
            m for m in ordered[: bisect_left(starts, match.start())] if m.kind == "organization"
        ]
        name = _org_named(noun, required, code, earlier, org_actors)
        if name:
            out.append(Mention(match.start(), match.end(), name, "organization"))
        elif noun in words("org_descriptions_that_speak") and (
            owner or match.group(0)[:3].lower() == "the"
        ):
            out.append(Mention(match.start(), match.end(), "", UNRESOLVED))
    return out


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
        if noun not in parts or not all(w in parts for w in required):
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


def _holds(noun: str, titles: list[str]) -> bool:
    """Whether one of ``titles`` (folded) is a post called ``noun`` or a synonym of it."""
    wanted = (noun, *_synonyms().get(noun, ()))
    return any(
        t == w or t.endswith(" " + w) or t.startswith(w + " ") for t in titles for w in wanted
    )


def _described(body: str, m: Mention) -> list[str]:
    """The descriptions the text gives a person at mention ``m``: the words before the
    name in its clause ("UN refugee chief Ana Ruiz") and an apposition after it
    ("Ana Ruiz, a soldier,")."""
    before = body[max(0, m.start - 60) : m.start]
    before = re.split(r"[.,;:!?“”\"()\n]", before)[-1]
    found = [fold(before).strip()]
    after = re.match(
        r",\s+(?:a|an|the)\s+([\w\s-]{1,50}?)(?=[,.;:]|\s+(?:who|said|says)\b)",
        body[m.end : m.end + 70],
    )
    if after:
        found.append(fold(after.group(1)).strip())
    return [f for f in found if f]


def _person_descriptions(
    body: str, ordered: list[Mention], actors: tuple[ActorFound, ...], roles: tuple[RoleFound, ...]
) -> list[Mention]:
    starts = [m.start for m in ordered]
    country_of = {a.name: a.country for a in actors}
    titles: dict[str, list[RoleFound]] = {}
    for role in roles:
        titles.setdefault(role.actor, []).append(role)
    out: list[Mention] = []
    for match in near_words(_person_re(), body, _anchors(words("person_descriptions"))):
        owner = match.group("owner")
        code = lookup(owner) if owner else None
        if owner and code is None:
            continue
        noun = " ".join(fold(match.group("noun")).split())
        best = _title_holder(
            body, noun, code, ordered[: bisect_left(starts, match.start())], titles, country_of
        )
        if best:
            out.append(Mention(match.start(), match.end(), best, "person"))
    return out


def _title_holder(
    body: str,
    noun: str,
    code: str | None,
    earlier: list[Mention],
    titles: dict[str, list[RoleFound]],
    country_of: dict[str, str | None],
) -> str | None:
    """The holder of post ``noun`` named most so far: "the president" in an article
    about Maduro is Maduro even just after a line on Chávez."""
    salience: dict[str, int] = {}
    last: dict[str, int] = {}
    for m in earlier:
        if m.kind != "person":
            continue
        held = [r for r in titles.get(m.name, []) if _holds(noun, [fold(r.title)])]
        if not held and not _holds(noun, _described(body, m)):
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
        last[m.name] = m.start
    if not salience:
        return None
    return max(salience, key=lambda n: (salience[n], last[n]))


def _government_descriptions(
    body: str, ordered: list[Mention], actors: tuple[ActorFound, ...], display: dict[str, str]
) -> list[Mention]:
    """ "the Trump administration", "US officials", "the Mexican government" -> the country."""
    follow_re = re.compile(rf"\s+({_alternation(words('government_words'))})\b")
    country_of = {a.name: a.country for a in actors}
    us_named = any(m.kind == "country" and m.name == display.get("US") for m in ordered)
    out: list[Mention] = []
    for m in ordered:
        follow = follow_re.match(body, m.end)
        if follow is None:
            continue
        if m.kind in ("country", "demonym"):
            name = m.name  # country mentions already carry the display name
        elif m.kind == "person" and follow.group(1) == "administration":
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
    return out


def merge(mentions: Sequence[Mention], extra: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with ``extra`` added; an extra replaces the mentions it covers and
    is dropped where it would cut one in two."""
    mentions = sorted(mentions, key=lambda m: m.start)
    if not extra:
        return mentions
    extra = sorted(extra, key=lambda m: (m.start, -m.end))
    starts = [x.start for x in extra]

    def covered_by_extra(m: Mention) -> bool:
        # Extras are few and short: only those starting up to 80 characters before can cover.
        lo = bisect_left(starts, m.start - 80)
        hi = bisect_left(starts, m.start + 1)
        return any(x.start <= m.start and m.end <= x.end for x in extra[lo:hi])

    kept = [m for m in mentions if not covered_by_extra(m)]
    kept_starts = [m.start for m in kept]

    def crosses_kept(x: Mention) -> bool:
        lo = bisect_left(kept_starts, x.start - 80)
        hi = bisect_left(kept_starts, x.end)
        return any(m.start < x.start < m.end or m.start < x.end < m.end for m in kept[lo:hi])

    covered = [x for x in extra if not crosses_kept(x)]
    return sorted(kept + covered, key=lambda m: m.start)


# -- pronouns ---------------------------------------------------------------------------

_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b(?!['’-])")
_IT_SAID_RE = re.compile(r"\b[Ii]t\s+(?:also\s+|again\s+|further\s+)?(?P<verb>[a-z]+)\b")
_WINDOW = 1500  # how far back (characters) a pronoun looks for its person


def _word_before(body: str, pos: int, floor: int) -> str:
    """The word before ``pos`` in the clause, skipping a determiner ("with the EU" -> "with")."""
    found = re.findall(r"[A-Za-z’'-]+|[,;:()]", body[max(floor, pos - 40) : pos])
    while found and found[-1].lower() in ("the", "a", "an", "its", "their", "his", "her"):
        found.pop()
    return found[-1].lower() if found else ""


def is_subject(body: str, m: Mention, floor: int) -> bool:
    """Whether mention ``m`` may be the subject of its clause: no preposition governs
    it ("according to X" names a voice, "led by X" an agent) and it owns nothing
    ("X's decision")."""
    if body[m.end : m.end + 2] in ("'s", "’s"):
        return False
    lead = body[max(floor, m.start - 14) : m.start].lower()
    if lead.endswith("according to "):
        return True
    word = _word_before(body, m.start, floor)
    if word.endswith(("ed", "ing")) and word not in words("function_words"):
        return False  # the object of a verb: "demanding Rajapaksa resign", "recognized X"
    return word == "by" or word not in words("prepositions")


def _gender_of_words(text: str) -> str | None:
    folded = fold(text).split()
    if not folded:
        return None
    last = folded[-1]
    if last in words("female_words"):
        return "she"
    if last in words("male_words"):
        return "he"
    return None


def _initial_genders(body: str, people: list[Mention]) -> dict[str, str]:
    """Genders the text states: "Ms Ortega", "actress Ana Ruiz", "Ana Ruiz, a spokeswoman"."""
    genders: dict[str, str] = {}
    for m in people:
        if m.name in genders:
            continue
        before = re.split(r"[,;:.!?\"“”()\n]", body[max(0, m.start - 30) : m.start])[-1]
        tokens = before.split()
        for index in range(len(tokens), 0, -1):
            gender = _gender_of_words(" ".join(tokens[:index]))
            if gender:
                genders[m.name] = gender
                break
        surface = body[m.start : m.end].split()
        gender = _gender_of_words(surface[0]) if len(surface) > 1 else None
        if gender:
            genders[m.name] = gender
    return genders


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    index = bisect_right(spans, (pos, 10**12)) - 1
    return index >= 0 and spans[index][0] <= pos < spans[index][1]


def _pronouns(
    body: str, mentions: list[Mention], quotes: Sequence[tuple[int, int]]
) -> list[Mention]:
    """ "he"/"she" outside quotes -> the person (see ``_antecedent``)."""
    spans = sorted(quotes)
    people = [m for m in mentions if m.kind == "person" and m.name and not _inside(spans, m.start)]
    genders = _initial_genders(body, people)
    known = sorted((m.start, m.end) for m in mentions)
    bounds = sentence_bounds(body)
    out: list[Mention] = []
    for match in _PRONOUN_RE.finditer(body):
        if _inside(spans, match.start()):
            continue
        gender = match.group().lower()
        found = _antecedent(body, match.start(), gender, people, bounds, genders, known)
        if found is None:
            continue
        mention = Mention(match.start(), match.end(), found.name, "person")
        genders.setdefault(found.name, gender)
        out.append(mention)
        index = bisect_left([p.start for p in people], mention.start)
        people.insert(index, mention)
    return out


def _antecedent(
    body: str,
    pos: int,
    gender: str,
    people: list[Mention],
    bounds: list[tuple[int, int]],
    genders: dict[str, str],
    known: list[tuple[int, int]],
) -> Mention | None:
    """The subject of the nearest sentence before ``pos`` (its own clause first) that
    names a person whose gender, when known, is the pronoun's."""
    starts = [p.start for p in people]
    lo = bisect_left(starts, pos - _WINDOW)
    hi = bisect_left(starts, pos)
    candidates = [p for p in people[lo:hi] if genders.get(p.name, gender) == gender]
    return _nearest_subject(body, pos, candidates, bounds, known)


def _nearest_subject(
    body: str,
    pos: int,
    pool: list[Mention],
    bounds: list[tuple[int, int]],
    known: list[tuple[int, int]],
) -> Mention | None:
    """Walking back sentence by sentence from ``pos``: the first person in subject
    position of the first sentence that has one in ``pool``; None when a name we do
    not know comes first ("Guterres tempered …, signalling that he …")."""
    index = bisect_right(bounds, (pos, 10**12)) - 1
    while index >= 0 and pool:
        lo, hi = bounds[index]
        hi = min(hi, pos)
        here = [p for p in pool if lo <= p.start < hi]
        subjects = [p for p in here if is_subject(body, p, lo)]
        unknown = _unknown_subject(body, lo, hi, known)
        if unknown is not None and (not subjects or unknown < subjects[0].start):
            return None
        if subjects:
            return subjects[0]
        pool = [p for p in pool if p.start < lo]
        index -= 1
    return None


_NAME_SUBJECT_RE = re.compile(
    r"(?:^|,\s+|\b(?:and|but|that|while|when|after)\s+)"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)"
    r"\s+(?:[a-z]+ed|[a-z]+s|said|told|had|was|will|would|wrote|met|spoke)\b"
)


def _unknown_subject(body: str, lo: int, hi: int, known: list[tuple[int, int]]) -> int | None:
    """Where a capitalised name that is no mention stands as the subject of a verb
    between ``lo`` and ``hi``, if anywhere. A single word opening the sentence
    ("Officials said") is not taken for a name."""
    for match in _NAME_SUBJECT_RE.finditer(body, lo, hi):
        name = match.group("name")
        if match.start("name") == lo and " " not in name:
            continue
        if fold(name.split()[0]) in words("not_names"):
            continue
        start, end = match.span("name")
        index = bisect_left(known, (end,)) - 1
        if index >= 0 and known[index][1] > start:
            continue  # a country, body or person we know is (part of) it
        return start
    return None


def _it_said(
    body: str, mentions: list[Mention], quotes: Sequence[tuple[int, int]]
) -> list[Mention]:
    """ "it said" outside quotes -> the body or country that is the subject of the
    nearest sentence naming one; nothing when that subject is a person or a name we
    do not know."""
    spans = sorted(quotes)
    voices = [
        m
        for m in mentions
        if m.kind in ("person", "organization", "country") and m.name
        if not _inside(spans, m.start)
    ]
    known = sorted((m.start, m.end) for m in mentions)
    bounds = sentence_bounds(body)
    out: list[Mention] = []
    for match in _IT_SAID_RE.finditer(body):
        if match.group("verb") not in lexicon("reporting_verbs") or _inside(spans, match.start()):
            continue
        starts = [v.start for v in voices]
        pool = voices[
            bisect_left(starts, match.start() - _WINDOW) : bisect_left(starts, match.start())
        ]
        found = _nearest_subject(body, match.start(), pool, bounds, known)
        if found is not None and found.kind != "person":
            out.append(Mention(match.start(), match.start() + 2, found.name, found.kind))
    return out
