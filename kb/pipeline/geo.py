"""Countries: clean body in, ISO 3166 alpha-2 countries with their mentions out.

In:  the clean body (and spans that must be ignored, such as photo credits).
Out: ``GeoMention``s (code, span, how it was named) and ``CountryFound``s.
A country is found through its name or short name (pycountry plus
``data/countries.json``: "US", "U.S.", "Britain", "Russia", "Soviet Union"), its
demonym ("the Mexican government", "Venezuelans") or its capital used for the
state ("Ottawa interprets", "Washington's about-face", "between Caracas and
Washington"). A capital that is merely a place ("in Caracas"), a city named
like its country ("Mexico City") and regions ("Latin America") are not
countries.
Guarantees: never raises; every mention satisfies ``body[s:e] == surface``.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

import pycountry

from kb.pipeline.text import load_json
from kb.pipeline.types import CountryFound

GeoKind = Literal["name", "demonym", "capital"]


@dataclass(frozen=True, slots=True)
class GeoMention:
    code: str
    start: int
    end: int
    surface: str
    kind: GeoKind


@dataclass(frozen=True, slots=True)
class Gazetteer:
    # exact surface -> (code, or None for "not a country" such as "Latin America"; kind)
    entries: dict[str, tuple[str | None, GeoKind]]
    lengths: dict[
        str, tuple[int, ...]
    ]  # first word -> lengths of the keys it starts, longest first
    display: dict[str, str]


# A key is looked up by slicing the body at each capitalised word over the lengths of the
# keys that word starts, which is much faster than one regex alternation of every name.
_GEO_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+")
# "(?:[A-Z]\.){2,}|[A-ZÀ-ÞĀ-Ž][^\W_]*", capital first so the engine skips to capitals.
_CAP_WORD_RE = re.compile(r"[A-ZÀ-ÞĀ-Ž](?:(?<=[A-Z])\.(?:[A-Z]\.)+|[^\W_]*)")


@cache
def gazetteer() -> Gazetteer:
    data = load_json("countries.json")
    entries: dict[str, tuple[str | None, GeoKind]] = {}
    display: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        display[code] = getattr(country, "common_name", None) or country.name
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                entries.setdefault(value, (code, "name"))
    display.update(data["display"])
    for code, names in data["aliases"].items():
        for name in names:
            entries[name] = (code, "name")
    for demonym, code in data["demonyms"].items():
        entries[demonym] = (code, "demonym")
        if not demonym.endswith(("s", "sh", "ese", "ch", "i")):
            entries.setdefault(demonym + "s", (code, "demonym"))
    for capital, code in data["capitals"].items():
        entries.setdefault(capital, (code, "capital"))
    for phrase in data["not_countries"]:
        entries[phrase] = (None, "name")
    # "Democratic People's Republic of Korea" is also written with a typographic apostrophe.
    for key, value in list(entries.items()):
        if "'" in key:
            entries.setdefault(key.replace("'", "’"), value)
        if key.startswith("Saint "):
            # "St. Lucia", "St Kitts and Nevis": Saint's abbreviations name it too.
            entries.setdefault("St. " + key[6:], value)
            entries.setdefault("St " + key[6:], value)
    by_first: dict[str, set[int]] = {}
    for key in entries:
        first = _CAP_WORD_RE.match(key)
        if first:
            by_first.setdefault(first.group(), set()).add(len(key))
    lengths = {word: tuple(sorted(lens, reverse=True)) for word, lens in by_first.items()}
    return Gazetteer(entries, lengths, display)


def _scan(body: str, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    hits: list[tuple[int, int, str]] = []
    next_free = 0
    for match in _CAP_WORD_RE.finditer(body):
        start = match.start()
        if start < next_free:
            continue
        if start > 0 and (body[start - 1].isalnum() or body[start - 1] in ".-_"):
            continue
        for length in gaz.lengths.get(match.group(), ()):
            surface = body[start : start + length]
            # A slice past the end is shorter than asked: it is a shorter name.
            if len(surface) != length or surface not in gaz.entries:
                continue
            end = start + length
            after = body[end : end + 2]
            if (
                after[:1].isalnum()
                or after[:1] == "_"
                or (after[:1] == "." and after[1:2].isalnum())
            ):
                continue
            if after[:1] == "-" and after[1:2].isupper():
                continue
            hits.append((start, end, surface))
            next_free = end
            break
    return hits


def lookup(surface: str) -> str | None:
    """ISO code for an exact country name, short name or demonym (not capitals)."""
    hit = gazetteer().entries.get(surface)
    if hit and hit[1] != "capital":
        return hit[0]
    return None


def is_capital(surface: str) -> bool:
    """A capital's name ("Niamey"), which may stand for its state."""
    hit = gazetteer().entries.get(surface)
    return hit is not None and hit[1] == "capital"


def is_state(surface: str) -> bool:
    """A state's name, short name or demonym, or its ISO code as a parliament's
    record writes it ("(EPP, LT)")."""
    return lookup(surface) is not None or (
        len(surface) == 2 and surface.isupper() and surface in gazetteer().display
    )


def is_geo_word(surface: str) -> bool:
    return surface in gazetteer().entries


_AUX = frozenset(
    [
        "is",
        "was",
        "has",
        "have",
        "had",
        "will",
        "would",
        "may",
        "might",
        "can",
        "could",
        "should",
        "must",
        "does",
        "did",
        "remains",
        "seems",
        "appears",
        "wants",
        "wanted",
        "says",
        "said",
        "insists",
        "insisted",
        "regards",
        "regarded",
        "sees",
        "saw",
    ]
)
_RELATION_BEFORE_RE = re.compile(
    r"(?:allies|ally|friends|friend|enemies|foes|envoys?|partners?) of\s+$|"
    r"(?:relations|ties|talks|dialogue|negotiations|deal|rapprochement) with\s+$|"
    r"(?:led|backed|supported|pressured|sanctioned|favoured|favored) by\s+$|"
    r"(?:between|neither|both|from)\s+$|(?:pressure from|support from)\s+$"
)
# "Spanish-speaking", "the Spanish acronym CLAP": a language, not a state.
_LANGUAGE_USE_RE = re.compile(
    r"-speaking|-language|\s+(?:acronym|language|word|words|name|term|speakers?|translation|version|"
    r"original|verbs?|grammar|lessons?|classes|course|subtitles|dubbing|edition)\b"
)
# "(English, Spanish):" in a contact block: the languages a press officer speaks.
_LANGUAGE_LIST_RE = re.compile(r"\((?:[A-Z][a-z]+(?:,\s*|\s+and\s+|\s*/\s*)?){2,}\)")
# "(Translated from Portuguese)", "from the Spanish", "in accented English,": the
# language, where no noun follows it.
_SPOKEN_IN_RE = re.compile(
    r"(?:\btranslat\w*\s+(?:from|into)\s+(?:the\s+)?|\b(?:in|speaks?|spoke|speaking)\s+"
    r"(?:(?:accented|fluent|broken|halting|perfect|native|plain|simple)\s+)?)$",
    re.IGNORECASE,
)
_LANGUAGE_END_RE = re.compile(r"\s*(?:[,.;:)\]]|$|\s+(?:and|or|but|that|to|by|for|with|on)\b)")
_RELATIVE_THEN_VERB_RE = re.compile(r",\s+(?:which|who)\s[^,.;:“”\"]{1,80},\s+([a-z]+)")
_COORD_RE = re.compile(r"^\s+(?:and|nor|or)\s+$")


def _capital_is_state(body: str, start: int, end: int, capitals: list[tuple[int, int]]) -> bool:
    after = body[end : end + 40]
    before = body[max(0, start - 40) : start]
    if re.match(r"\s+[A-Z]", after) or (
        # (a name runs on within its line only: "…PDVSA.\n\nCaracas never accepted")
        re.search(r"[A-Z][\w.]*[ \t]\Z", before) and not re.search(r"[a-z]{2}\.\s\Z", before)
    ):  # "on Friday. Washington said": a sentence ends before it
        return (
            False  # part of a longer name: "Lima Group", "Washington Office", "George Washington"
        )
    if re.search(r"\b(?:the|a|an)\s+$", before):
        return False  # attributive: "the Mexico City talks"
    if re.match(r"[’']s\s+[a-z]", after):
        return True
    # "Washington, which had lobbied for a stronger text, said": the verb after the clause.
    # "Caracas never accepted": past an adverb.
    word = re.match(
        r"\s+(?:(?:never|also|again|still|already|then|later|soon|[a-z]+ly)\s+)?([a-z]+)", after
    )
    word = word or _RELATIVE_THEN_VERB_RE.match(body, end, end + 120)
    if word and (
        word.group(1) in _AUX
        or (word.group(1).endswith("s") and not word.group(1).endswith("ss"))
        or (word.group(1).endswith("ed") and len(word.group(1)) > 4)
    ):
        # "in Washington", "visited Caracas": a place, whatever verb follows.
        return not re.search(
            r"\b(?:in|at|to|from|near|outside|into|of|across|around|visit|visited)\s+$", before
        )
    if _RELATION_BEFORE_RE.search(before):
        return True
    for other_start, other_end in capitals:
        between = body[end:other_start] if other_start >= end else body[other_end:start]
        if (other_start, other_end) != (start, end) and _COORD_RE.match(between):
            # "Washington and Moscow agreed": states; "offices in Nairobi and Bogotá",
            # "consultations in Nairobi and Kampala": places.
            first = _list_start(body, min(start, other_start), capitals)
            return not _PLACE_BEFORE_RE.search(body, max(0, first - 90), first)
    return False


# A place preposition before a list, past any names it starts with ("in Brussels, ").
_PLACE_BEFORE_RE = re.compile(
    r"\b(?:in|at|to|from|near|outside|into|via|visit|visited)\s+"
    r"(?:[A-Z][\w-]+(?:\s[A-Z][\w-]+)?(?:,\s+|\s+and\s+)){0,4}$"
)
_LIST_GLUE_RE = re.compile(r",\s+(?:and\s+)?|\s+and\s+|\s+or\s+")


def _list_start(body: str, start: int, capitals: list[tuple[int, int]]) -> int:
    """Where a list of capitals ending in the one at ``start`` begins ("Brussels, Nairobi
    and Bogotá"): earlier capitals joined to it by commas or "and"."""
    ends = {e: s for s, e in capitals}
    moved = True
    while moved:
        moved = False
        for end, begin in ends.items():
            if end < start and _LIST_GLUE_RE.fullmatch(body, end, start):
                start, moved = begin, True
                break
    return start


def _in_language_list(body: str, start: int, end: int, gaz: Gazetteer) -> bool:
    """Whether the demonym sits in a bracketed list of nothing but demonyms."""
    lo = body.rfind("(", max(0, start - 40), start)
    if lo < 0:
        return False
    listed = _LANGUAGE_LIST_RE.match(body, lo, min(len(body), end + 40))
    return listed is not None and all(
        w in gaz.entries and gaz.entries[w][1] == "demonym"
        for w in re.findall(r"[A-Z][a-z]+", listed.group())
    )


_DOLLARS_RE = re.compile(r" dollars?\b")


def find_mentions(body: str, excluded: tuple[tuple[int, int], ...] = ()) -> list[GeoMention]:
    gaz = gazetteer()
    raw_hits: list[tuple[int, int, str, str, GeoKind]] = []
    for start, end, surface in _scan(body, gaz):
        if any(s <= start < e for s, e in excluded):
            continue
        code, kind = gaz.entries[surface]
        if code is None:
            continue
        if kind == "demonym" and (
            _LANGUAGE_USE_RE.match(body, end)
            or (
                _SPOKEN_IN_RE.search(body, max(0, start - 40), start)
                and _LANGUAGE_END_RE.match(body, end)
            )
        ):
            continue
        if kind == "demonym" and _in_language_list(body, start, end, gaz):
            continue
        if code == "US" and (body.startswith("$", end) or _DOLLARS_RE.match(body, end)):
            continue  # "US$6 million", "96 million US dollars": a currency
        raw_hits.append((start, end, code, surface, kind))
    capitals = [(s, e) for s, e, _c, _t, k in raw_hits if k == "capital"]
    mentions: list[GeoMention] = []
    for start, end, code, surface, kind in raw_hits:
        if kind == "capital" and not _capital_is_state(body, start, end, capitals):
            continue
        mentions.append(GeoMention(code, start, end, surface, kind))
    return mentions


def countries_found(mentions: list[GeoMention]) -> tuple[CountryFound, ...]:
    gaz = gazetteer()
    by_code: dict[str, list[GeoMention]] = {}
    for mention in mentions:
        by_code.setdefault(mention.code, []).append(mention)
    found = []
    for code, items in by_code.items():
        forms = tuple(dict.fromkeys(m.surface for m in items))
        name = gaz.display.get(code) or _historic_name(code) or code
        found.append(CountryFound(code, name, forms, tuple((m.start, m.end) for m in items)))
    return tuple(found)


def _historic_name(code: str) -> str | None:
    for country in pycountry.historic_countries:
        if getattr(country, "alpha_2", None) == code:
            return str(country.name)
    return None
