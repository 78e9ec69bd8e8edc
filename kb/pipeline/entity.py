"""The working records of the actor stages, and the word lists they share.

In:  nothing at import; the word lists load once from ``data/actor_words.json``
     and ``data/lexicon.json`` on first use.
Out: ``Candidate`` (one capitalised span and what it seems to be), ``Entity``
     (the candidates found to be one actor), the shared ``Lexicon``, and small
     helpers every actor stage uses (``in_any``, ``Spans``, ``parts``).
Guarantees: pure; the word lists are frozensets, built once and never mutated.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache

from kb.pipeline.fold import MEMO_ENTRIES
from kb.pipeline.text import fold, folded_lexicon, lexicon, load_json
from kb.pipeline.types import ActorKind, KnownActor


@cache
def actor_words(name: str) -> frozenset[str]:
    """A word list from ``data/actor_words.json`` as a frozenset of exact strings."""
    return frozenset(load_json("actor_words.json")[name])


# Lower-case particles inside personal names ("Simón de la Cruz", "Ursula von der Leyen").
PERSON_PARTICLES = actor_words("person_particles")
# Words that may join the parts of one name: the particles, plus "of the"-style links.
CONNECTORS = PERSON_PARTICLES | {"of", "for", "on"}
# "son of", "daughter of" inside a name: "Ahmed bin Ramadan", "Mwanaisha binti Salum".
PATRONYMIC_PARTICLES = frozenset(["bin", "bint", "binti", "ibn", "ould"])
CORE_TITLES = actor_words("core_titles")
NOT_ORG_ACRONYMS = actor_words("not_org_acronyms")
# Last words of a news outlet's name ("Financial Times"): never an actor's name.
MEDIA_HEADS = actor_words("media_heads")
# "Dona Amélia", "Ato Galgalo", "Alhaji Osman": styles of other languages before a name.
COURTESY_STYLES = actor_words("courtesy_styles")
# The styles as one regex alternation, longest first, for the readers of text before a name.
COURTESY_STYLE_ALT = "|".join(re.escape(w) for w in sorted(COURTESY_STYLES, key=len, reverse=True))


class Lexicon:
    """The lexicon's word lists the actor stages read, gathered once."""

    def __init__(self) -> None:
        self.honorifics = lexicon("honorifics") | COURTESY_STYLES
        self.titles = lexicon("titles") | CORE_TITLES | actor_words("title_words")
        self.stop = lexicon("stopwords")
        self.not_actor = lexicon("not_actor_words")
        self.first_names = folded_lexicon("first_names")
        self.org_heads = lexicon("org_heads")
        self.role_nouns = folded_lexicon("role_nouns") | actor_words("role_nouns")
        self.org_role_nouns = folded_lexicon("org_role_nouns")


@cache
def shared_lexicon() -> Lexicon:
    return Lexicon()


def is_name_particle(words: tuple[str, ...] | list[str], k: int) -> bool:
    """A capitalised particle leading the rest of a name ("Al Harbi", "De la Fuente",
    "Bin Salman"): part of the name, not a connector between two names."""
    word = words[k]
    return (
        word[:1].isupper()
        and word.lower() in PERSON_PARTICLES
        and k + 1 < len(words)
        and (words[k + 1][:1].isupper() or words[k + 1].lower() in PERSON_PARTICLES)
    )


def is_acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 7 and letters.isupper() and letters.isalpha()


@lru_cache(maxsize=MEMO_ENTRIES)
def parts(form: str) -> tuple[str, ...]:
    """The folded words of a name; names recur in every pass, so they are split once."""
    return tuple(fold(form).split())


def in_any(pos: int, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> bool:
    return any(s <= pos < e for s, e in spans)


class Spans:
    """``in_any`` for many positions against the same spans, by bisection."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _e in ordered]
        # The furthest end among the spans starting at or before each one: pos lies
        # in some span starting at or before it iff that reach passes pos.
        self._ends: list[int] = []
        reach = -1
        for _s, e in ordered:
            reach = max(reach, e)
            self._ends.append(reach)

    def __contains__(self, pos: int) -> bool:
        idx = bisect_right(self._starts, pos)
        return idx > 0 and self._ends[idx - 1] > pos


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    text: str
    ntokens: int
    kind: ActorKind | None
    evidence: int
    title: str = ""
    acronym_of: str | None = None
    single: bool = False
    in_quote: bool = False
    in_heading: bool = False
    label: str | None = None  # the canonical name a state body's form stands for


@dataclass(slots=True)
class Entity:
    kind: ActorKind
    forms: dict[str, int] = field(default_factory=dict)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    evidence: int = 0
    keys: set[str] = field(default_factory=set)
    country_votes: dict[str, int] = field(default_factory=dict)
    known: KnownActor | None = None
    outside_quotes: bool = False
    label: str | None = None  # a name no mention spells: "Venezuelan armed forces"
    defined: bool = False  # spelled out before a bracketed acronym: "... (CTRI)"

    def add(self, cand: Candidate) -> None:
        self.forms[cand.text] = self.forms.get(cand.text, 0) + 1
        self.mentions.append((cand.start, cand.end))
        self.evidence += cand.evidence
        self.keys.add(fold(cand.text))
        self.outside_quotes = self.outside_quotes or not cand.in_quote
        self.defined = self.defined or (cand.acronym_of is not None and cand.ntokens > 1)

    def absorb(self, short: Entity) -> None:
        """Take in every form and mention of ``short``, another styling of this actor."""
        for form, count in short.forms.items():
            self.forms[form] = self.forms.get(form, 0) + count
        self.mentions += short.mentions
        self.evidence += short.evidence
        self.keys |= short.keys
        self.outside_quotes = self.outside_quotes or short.outside_quotes
        self.defined = self.defined or short.defined

    def country(self) -> str | None:
        """The country most votes name (the first so named on a tie), or None."""
        if not self.country_votes:
            return None
        return max(self.country_votes.items(), key=lambda kv: kv[1])[0]

    @property
    def multi(self) -> list[str]:
        return [f for f in self.forms if " " in f]

    def name(self) -> str:
        if self.known:
            return self.known.name
        if self.label:
            return self.label

        # Each form's folded words once, not once per pair of forms.
        words = {f: frozenset(parts(f)) for f in self.forms}

        def score(form: str) -> tuple[int, int, int, int]:
            if self.kind == "person":
                accents = sum(1 for ch in form if ord(ch) > 127)
                support = sum(n for f, n in self.forms.items() if words[f] <= words[form])
                return (len(form.split()), accents, support, len(form))
            titled = all(w[0].isupper() for w in form.split() if w.lower() not in CONNECTORS)
            key = fold(form)
            same = sum(n for f, n in self.forms.items() if fold(f) == key)
            return (int(len(form.split()) > 1), same, int(titled), len(form))

        return max(self.forms, key=score)
