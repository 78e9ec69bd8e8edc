"""The countries of actors, and a country's armed forces, parliament and police as actors.

In:  the body, the article's ``Entity``s, its country mentions (``GeoMention``),
     excluded spans and quote spans.
Out: ``main_country`` (the country an article is about, or None);
     ``dateline_country`` (the state a dateline files from, when the story names it);
     ``armed_forces`` (one "Venezuelan armed forces" entity per country whose
     military the text names); ``national_bodies`` (a country's parliament and
     police named by a common noun: "Parliament (Sri Lanka)"); ``assign_countries``
     (country votes on each entity from the country named just before it,
     "Mexican Foreign Minister X", within it, "Embassy of Peru", or just after
     it, "X of Bolivia").
Guarantees: pure apart from the votes it adds; a known actor's own country
     always outvotes what the text suggests.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from kb.pipeline.bodies import ministry_label
from kb.pipeline.entity import Candidate, Entity, Lexicon, Spans, actor_words, in_any
from kb.pipeline.geo import GeoMention, gazetteer, lookup
from kb.pipeline.known_links import GENERIC_HEADS
from kb.pipeline.publisher import dateline
from kb.pipeline.reference_orgs import is_international
from kb.pipeline.text import fold, load_json, near_words

_SEATS: dict[str, str] = load_json("actor_words.json")["seats_of_government"]
_FORCES_WORDS = ("armed forces", "military", "army")
_FORCES_RE = re.compile(
    r"\b(?:(?P<owner>[A-Z][\w.]*(?: [A-Z][\w.]*)?)(?P<poss>['’]s)? |(?P<country>the country['’]s )"
    r"|(?P<the>[Tt]he ))(?P<noun>armed forces|military|army)\b"
)
# "the military" as a noun, not "the military action": what may follow it.
_FORCES_NOUN_RE = re.compile(
    r"['’]s\b|\s*[.,;:)—–-]|\s+(?:and|or|has|have|had|is|was|were|are|will|would|could|may|might|"
    r"in|to|of|for|from|on|at|as|that|who|which|itself|remains?|remained|supported|backs?|"
    r"backed|says?|said)\b"
)


@cache
def demonym_of() -> dict[str, str]:
    """Each country's first demonym in the gazetteer: "VE" -> "Venezuelan"."""
    names: dict[str, str] = {}
    for demonym, code in load_json("countries.json")["demonyms"].items():
        names.setdefault(code, demonym)
    return names


def main_country(geo: list[GeoMention], excluded: tuple[tuple[int, int], ...]) -> str | None:
    """The country an article is about: clearly the most named one, or none."""
    counts: dict[str, int] = {}
    for g in geo:
        if not in_any(g.start, excluded):
            counts[g.code] = counts.get(g.code, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 3:
        return None
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None
    return ranked[0][0]


def dateline_country(
    body: str, geo: list[GeoMention], excluded: tuple[tuple[int, int], ...]
) -> str | None:
    """The state of a dateline's place ("Bissau (AFP) -", "NOUAKCHOTT (Reuters) -"), when
    the story names that state among its two most named: wire copy's bare "the
    foreign ministry" is then the home state's. A venue's host ("GENEVA (Reuters) -"
    over talks on Iran) is rarely named again, so it gives none."""
    for line in body[:1500].split("\n")[:12]:
        dated = dateline(line)
        if dated is None:
            continue
        place = dated.group(0).split("(")[0].split(",")[0].strip(" -–—")
        hit = gazetteer().entries.get(place) or gazetteer().entries.get(place.title())
        if hit is None:
            return None
        counts: dict[str, int] = {}
        for g in geo:
            if not in_any(g.start, excluded):
                counts[g.code] = counts.get(g.code, 0) + 1
        top = sorted(counts, key=lambda code: -counts[code])[:2]
        return hit[0] if hit[0] in top and counts[hit[0]] >= 2 else None
    return None


def armed_forces(
    body: str,
    geo: list[GeoMention],
    excluded: tuple[tuple[int, int], ...],
    quotes: list[tuple[int, int]],
    main: str | None,
) -> list[Entity]:
    """A country's armed forces as one organisation: "Venezuela's military", "the
    Venezuelan military", "the country's armed forces"; a bare "the armed forces"
    or "the military" only in an article plainly about one country (``main``)."""
    by_code: dict[str, Entity] = {}  # by label
    for match in near_words(_FORCES_RE, body, _FORCES_WORDS):
        if in_any(match.start(), excluded) or not _FORCES_NOUN_RE.match(body, match.end()):
            continue
        owner = match.group("owner")
        if owner:
            code = lookup(owner)
            if code is None and " " in owner:
                code = lookup(owner.split()[-1])
                owner = owner.split()[-1]
            start = match.end("owner") - len(owner)
        else:
            code, start = main, match.start("noun")
        if code is None or code not in demonym_of():
            continue
        label = f"{demonym_of()[code]} armed forces"
        _add_body_mention(by_code, label, code, body, (start, match.end()), quotes)
    return list(by_code.values())


_BODY_LABELS = {"parliament": "Parliament", "police": "Police"}
_BODY_RE = re.compile(
    r"\b(?:(?P<owner>[A-Z][\w.]*(?: [A-Z][\w.]*)?)(?P<poss>['’]s)? |(?P<country>the country['’]s )"
    r"|(?P<the>[Tt]he ))?(?P<national>national )?(?P<noun>parliament|police|Parliament|Police)\b"
)
# A noun the body's name modifies ("police officers", "parliament building") is
# not the body acting, and "members of parliament" are people.
_BODY_MODIFIES = frozenset(actor_words("body_modifiers"))
_LEGISLATURES = frozenset(fold(w) for w in actor_words("legislatures"))


def national_bodies(
    body: str,
    entities: list[Entity],
    excluded: tuple[tuple[int, int], ...],
    quotes: list[tuple[int, int]],
    main: str | None,
) -> list[Entity]:
    """A country's parliament or police named by the common noun: "Kenya's
    parliament", "the Georgian police", and a bare "parliament" or "Police said"
    only in an article plainly about one country (``main``). One entity per body
    and country, labelled "Parliament (Sri Lanka)" as ``name_generic_bodies``
    labels a capitalised one; a span another actor already holds ("National
    Police", "Vanuatu Police Force") is left to it."""
    by_key: dict[str, Entity] = {}  # by label
    taken: Spans | None = None  # built on the first match: most articles have none
    for match in near_words(_BODY_RE, body, ("parliament", "police", "Parliament", "Police")):
        noun = match.group("noun")
        if taken is None:
            taken = Spans([m for e in entities for m in e.mentions])
        if in_any(match.start("noun"), excluded) or match.start("noun") in taken:
            continue
        owner = match.group("owner")
        if owner and owner.endswith(".") and lookup(owner.split()[-1]) is None:
            owner = None  # "on Tuesday. Police said": the sentence ended before the body
        if not _acts_as_body(body, match, owner):
            continue
        if owner:
            code = lookup(owner)
            if code is None and " " in owner:
                owner = owner.split()[-1]
                code = lookup(owner)
            start = match.end("owner") - len(owner)
        elif match.group("the"):
            code, start = main, match.start()
        else:
            code, start = (
                main,
                match.start("national") if match.group("national") else match.start("noun"),
            )
        if code is None or code not in demonym_of():
            continue
        label = f"{_BODY_LABELS[noun.lower()]} ({gazetteer().display.get(code, code)})"
        _add_body_mention(by_key, label, code, body, (start, match.end()), quotes)
    return list(by_key.values())


def _add_body_mention(
    by_label: dict[str, Entity],
    label: str,
    code: str,
    body: str,
    span: tuple[int, int],
    quotes: list[tuple[int, int]],
) -> None:
    """One more mention of a country's body, the entity made on its first."""
    entity = by_label.get(label)
    if entity is None:
        entity = by_label[label] = Entity("organization", label=label)
        entity.country_votes[code] = 99
    text = body[span[0] : span[1]]
    cand = Candidate(span[0], span[1], text, len(text.split()), "organization", 2)
    cand.in_quote = in_any(span[0], quotes)
    entity.add(cand)


def join_named_bodies(entities: list[Entity], bodies: list[Entity]) -> list[Entity]:
    """ "Congress voted ... parliament voted", "the Bangladesh Army ... the army":
    a body named by a common noun is the body the article already names by its
    own name for that country: any generic name of a legislature, or the
    country's own name before an armed-forces noun ("Arakan Army" is not
    Myanmar's). Returns the entities left."""
    joined: set[int] = set()
    common = {id(b) for b in bodies}
    for body in bodies:
        label = body.label or ""
        if label.startswith("Parliament ("):
            matches = _is_legislature
        elif label.endswith(" armed forces"):
            matches = _is_national_force
        else:
            continue
        code = body.country()
        if code is None:
            continue
        for other in entities:
            if other is body or other.kind != "organization" or id(other) in joined:
                continue
            if id(other) in common or other.country() != code:
                continue
            if any(matches(form, code) for form in other.forms):
                other.absorb(body)
                joined.add(id(body))
                break
    return [e for e in entities if id(e) not in joined]


def _is_legislature(form: str, code: str) -> bool:
    return fold(form).removeprefix("the ") in _LEGISLATURES


_FORCE_NAME_RE = re.compile(
    r"^(?:[Tt]he )?(?P<geo>[A-Z][\w.]*(?: [A-Z][\w.]*)?) "
    r"(?:Army|Armed Forces|Defen[cs]e Forces|Military)$"
)


def _is_national_force(form: str, code: str) -> bool:
    match = _FORCE_NAME_RE.match(form)
    return match is not None and lookup(match.group("geo")) == code


def _acts_as_body(body: str, match: re.Match[str], owner: str | None) -> bool:
    """Whether the noun names the body itself: not a word of a longer name
    ("Police Force", "European Parliament"), a modifier ("police officers") or
    the seats of "members of parliament"."""
    noun, end = match.group("noun"), match.end("noun")
    after = re.match(r"\s+([\w-]+)", body[end : end + 40])
    if after and (
        after.group(1).lower() in _BODY_MODIFIES
        or (noun[0].isupper() and after.group(1)[0].isupper())
    ):
        return False
    if re.search(
        r"\b(?:[Mm]embers?|MPs?) of\s+$", body[max(0, match.start() - 20) : match.start()]
    ):
        return False
    if owner or match.group("the") or match.group("national"):
        return True
    if noun == "parliament":
        return True  # "a vote in parliament", "parliament voted"
    # A bare "police" mid-sentence is as often the officers ("soldiers and police
    # kept watch") as the force; "Police said" opening a sentence is the force.
    before = body[max(0, match.start("noun") - 3) : match.start("noun")]
    return noun == "Police" and (
        match.start("noun") == 0 or before.endswith("\n") or bool(re.search(r"[.!?]\s+$", before))
    )


_TITLE_OF_RE = re.compile(r"\b(?:president|minister|leader|head|king|queen|ruler) of\s+$", re.I)
_GAP_WORDS = ("of", "the", "s", "former", "then", "late", "his", "her")


def assign_countries(
    body: str, entities: list[Entity], geo: list[GeoMention], lex: Lexicon
) -> None:
    geo = sorted(geo, key=lambda g: g.start)
    geo_starts = [g.start for g in geo]
    for entity in entities:
        if entity.known and entity.known.country:
            entity.country_votes[entity.known.country] = 99
            continue
        for form in entity.forms:
            if form in _SEATS:  # "the Kremlin" is Russia's
                entity.country_votes[_SEATS[form]] = entity.country_votes.get(_SEATS[form], 0) + 2
        for start, end in entity.mentions:
            lo = bisect_left(geo_starts, start - 120)
            hi = bisect_right(geo_starts, end + 10)
            for g in geo[lo:hi]:
                if (g.end <= start and _names_before(body, g, start, lex)) or (
                    g.start >= end
                    and g.start - end <= 5
                    and re.match(r"^\s+(?:of|in)\s+$", body[end : g.start])
                ):
                    entity.country_votes[g.code] = entity.country_votes.get(g.code, 0) + 1
            if is_international(entity.label) or entity.kind == "person":
                # no member named inside its name is its country; "Rosa Argentina
                # Mendieta" is no Argentinian
                continue
            for g in (g for g in geo[lo:hi] if start <= g.start < end):
                entity.country_votes[g.code] = entity.country_votes.get(g.code, 0) + 1


def _names_before(body: str, g: GeoMention, start: int, lex: Lexicon) -> bool:
    """Whether the country mention ``g`` ending before ``start`` is the mention's
    country: "Venezuela's X", "Mexican Foreign Minister X", "president of Peru, X"."""
    if start - g.end > 45:
        return False
    gap = body[g.end : start]
    words = re.findall(r"[A-Za-z-]+", gap)
    if not words and g.kind == "demonym" and gap == " ":
        return True  # "the Guatemalan Attorney General's Office"
    if not words and not re.match(r"[’']s\b", gap):
        lead = body[max(0, g.start - 30) : g.start]
        if not (gap.strip() == "," and _TITLE_OF_RE.search(lead)):
            return False
    return "\n" not in gap and all(
        w.lower() in lex.role_nouns or w in lex.titles or w.lower() in _GAP_WORDS for w in words
    )


def name_generic_bodies(entities: list[Entity]) -> None:
    """ "Peru's Congress ... Congress voted": a body every state has, named by a
    generic name only, is that country's body: "Congress (Peru)", so that it is
    never taken for another country's. Without a country of its own (the article's
    main country is not enough: "Congress" in a story about Venezuela is the US's)
    it keeps its bare name."""
    display = gazetteer().display
    for entity in entities:
        if entity.known or entity.label or entity.kind != "organization":
            continue
        code = entity.country()
        if code is None or not all(fold(f) in GENERIC_HEADS for f in entity.forms):
            continue
        # "Foreign Ministry" is the "Ministry of Foreign Affairs (Iran)" that
        # "the Iranian Foreign Ministry" names, so the two forms are one body.
        name = entity.name()
        entity.label = ministry_label(name, code) or f"{name} ({display.get(code, code)})"
