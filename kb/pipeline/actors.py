"""Actors: clean body in, people and organisations with their mentions out.

In:  the clean body, spans to ignore (photo credits, bylines), heading spans
     (names there are linked, never discovered), quote spans, the country
     mentions, and the read-only ``Snapshot`` of known actors.
Out: ``ActorFound``s, each with a kind, a canonical name, its surface forms,
     every mention span, an optional country and an optional ``known_key``.
How: capitalised name sequences are cut out of the text, stripped of titles
("Mexican Foreign Minister", "Mr"), and kept only with evidence: a title or
honorific, a common first name, a reporting verb, an appositive role noun,
"X administration", an organisation head word ("Group", "Court"), or an
acronym defined in brackets. Short forms ("Ortega", "Mr Ibáñez") and
misspellings ("Ibanes") resolve to the full name seen in the article through
accent/case folding and a guarded fuzzy match (same first name, or a surname
of one multi-word person). Snapshot aliases resolve names across articles;
forms an editor rejected for an actor never link to it.
Guarantees: never raises; every mention satisfies ``body[s:e]`` equal to one
of the actor's surface forms, and spans never overlap.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

import pycountry
from rapidfuzz.fuzz import ratio

from kb.pipeline.fold import MEMO_ENTRIES
from kb.pipeline.geo import GeoMention, is_geo_word, lookup
from kb.pipeline.known import linking_keys
from kb.pipeline.text import (
    fold,
    folded_lexicon,
    lexicon,
    load_json,
    near_words,
    strip_possessive,
)
from kb.pipeline.types import ActorFound, ActorKind, KnownActor, Snapshot

_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W_](?:[\w'’]*[^\W_])?(?:\.(?:com|org|net|info)\b)?")
# Lower-case particles inside personal names ("Simón de la Cruz", "Ursula von der Leyen").
_PERSON_PARTICLES = frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "los",
        "da",
        "do",
        "dos",
        "das",
        "van",
        "von",
        "der",
        "den",
        "y",
        "al",
        "el",
        "bin",
        "ibn",
        "du",
        "le",
    ]
)
# Words that may join the parts of one name: the particles, plus "of the"-style links.
_CONNECTORS = _PERSON_PARTICLES | {"of", "for", "on"}
_CORE_TITLES = frozenset(
    [
        "President",
        "Minister",
        "Secretary",
        "General",
        "Ambassador",
        "Envoy",
        "Adviser",
        "Advisor",
        "Senator",
        "Congressman",
        "Congresswoman",
        "Governor",
        "Mayor",
        "Chancellor",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Pope",
        "Judge",
        "Justice",
        "Chairman",
        "Chairwoman",
        "Director",
        "Commander",
        "Colonel",
        "Lieutenant",
        "Captain",
        "Admiral",
        "Marshal",
        "Sergeant",
        "Spokesman",
        "Spokeswoman",
        "Leader",
        "Premier",
        "Emir",
        "Sultan",
        "Sheikh",
        "Commissioner",
        "Representative",
        "Chief",
        "Officer",
        "Secretary-General",
        "President-elect",
        "Vice-President",
    ]
)
_NOT_ORG_ACRONYMS = frozenset(
    [
        "COVID",
        "GDP",
        "CEO",
        "TV",
        "AM",
        "PM",
        "OK",
        "II",
        "III",
        "IV",
        "VI",
        "BC",
        "AD",
        "UTC",
        "GMT",
        # Time zones after a timestamp ("21:37h CEST") and caption labels ("FILE - ").
        "CET",
        "CEST",
        "BST",
        "EST",
        "EDT",
        "PST",
        "PDT",
        "FILE",
        "PHOTO",
        "PhD",
        "MP",
        "MPs",
        "NGO",
        "NGOs",
        "ID",
    ]
)
_ADMIN_RE = re.compile(
    r"\s+(?:administration|government|regime|presidency|era|years|cabinet|camp|loyalists)\b"
)
_REPORT_AFTER_RE = re.compile(
    r"\s*,?\s+(?:has\s+|had\s+|have\s+)?(?:said|says|told|tells|wrote|writes|added|adds|tweeted|declared|insisted|"
    r"stated|argued|warned|explained|noted|announced|asked|replied|urged|stressed|claimed|denied)\b"
)
_REPORT_BEFORE_RE = re.compile(r"\b(?:said|says|wrote|writes|added|according to|told by|asked)\s+$")
_ACRONYM_THING_RE = re.compile(
    r"\s+(?:law|act|bill|programme|program|plan|scheme|index|virus|boxes|delegates)\b"
)
_ACRONYM_BEFORE_RE = re.compile(r"\bacronym\s+$")
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an)\s+$")
_APPOSITIVE_RE = re.compile(
    r"\s*,\s+(?:who\b|(?:himself\s+|herself\s+)?(?:(one of)\s+)?"
    r"(?:(a|an|the|his|her|its|their)\s+)?([a-z][\w-]*|(?<=[a-z] )[A-Z][\w-]*))"
)
_ORG_APPOSITIVE_RE = re.compile(r"\s*,\s+which\b")


def _ends_with(rx: re.Pattern[str], before: str, longest: int) -> re.Match[str] | None:
    """``rx.search(before)`` for a pattern ``\\b(?:words)\\s+$`` whose words are at most
    ``longest`` characters: only the tail can match, so only the tail is scanned."""
    stripped = len(before.rstrip())
    if stripped == len(before):
        return None  # "\\s+$" needs trailing space
    return rx.search(before, max(0, stripped - longest))


_PREV_WORD_RE = re.compile(r"([A-Za-z-]+)(,?)\s+$")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-")


def _prev_word(before: str) -> re.Match[str] | None:
    """``_PREV_WORD_RE.search(before)``, started where the last word run begins."""
    end = len(before.rstrip())
    if end == len(before):
        return None
    if end and before[end - 1] == ",":
        end -= 1
    start = end
    while start and before[start - 1] in _WORD_CHARS:
        start -= 1
    if start == end:
        return None
    return _PREV_WORD_RE.search(before, start)


_MEDIA_BEFORE_RE = re.compile(
    r"\b(?:news agency|newspaper|broadcaster|news channel|tv channel|television channel)\s+$", re.I
)
_PLACE_AFTER_RE = re.compile(
    r"\s+(?:bridge|airport|street|avenue|boulevard|square|plaza|highway|motorway|crossing|"
    r"border crossing|stadium|metro station|station)\b"
)
_ORG_AFTER_RE = re.compile(
    r"\s+(?:opinion poll|poll|pollster|survey|company|firm|group|party|agency|bank)\b"
)
_BRACKET_RE = re.compile(
    r"\s*\((?:often |also |commonly |widely )?(?:known as |called |or )?([A-Z][A-Za-z0-9&.]{1,9})\)"
)
_MEDIA_HEADS = frozenset(
    [
        "Times",
        "Post",
        "News",
        "Journal",
        "Herald",
        "Tribune",
        "Gazette",
        "Press",
        "Television",
        "Radio",
        "Channel",
    ]
)


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

    def add(self, cand: Candidate) -> None:
        self.forms[cand.text] = self.forms.get(cand.text, 0) + 1
        self.mentions.append((cand.start, cand.end))
        self.evidence += cand.evidence
        self.keys.add(fold(cand.text))
        self.outside_quotes = self.outside_quotes or not cand.in_quote

    @property
    def multi(self) -> list[str]:
        return [f for f in self.forms if " " in f]

    def name(self) -> str:
        if self.known:
            return self.known.name
        if self.label:
            return self.label

        # Each form's folded words once, not once per pair of forms.
        words = {f: frozenset(_parts(f)) for f in self.forms}

        def score(form: str) -> tuple[int, int, int, int]:
            if self.kind == "person":
                accents = sum(1 for ch in form if ord(ch) > 127)
                parts = words[form]
                support = sum(n for f, n in self.forms.items() if words[f] <= parts)
                return (len(form.split()), accents, support, len(form))
            titled = all(w[0].isupper() for w in form.split() if w.lower() not in _CONNECTORS)
            key = fold(form)
            same = sum(n for f, n in self.forms.items() if fold(f) == key)
            return (int(len(form.split()) > 1), same, int(titled), len(form))

        return max(self.forms, key=score)


def _in_any(pos: int, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> bool:
    return any(s <= pos < e for s, e in spans)


class _Spans:
    """``_in_any`` for many positions against the same spans, by bisection."""

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


# A capitalised word or an acronym with dots ("U.S."). Written capital-first, with
# "(?:[A-Z]\.){2,}" folded in behind a look-behind, so that the regex engine can skip
# to the next capital instead of trying the pattern at every position (3x faster).
_CAP = r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž](?:(?<=[A-Z])\.(?:[A-Z]\.)+|[\w'’]*(?:\.(?:com|org|net|info)\b)?))"
_CONNECTOR_ALT = "|".join(sorted(_CONNECTORS, key=len, reverse=True))
# A run: capitalised words joined by one space, a hyphen or a no-break space, with
# lower-case connectors ("of", "de", "of the") allowed between two capitalised words.
_RUN_RE = re.compile(rf"{_CAP}(?:(?:[ \-\xa0]|(?: (?:(?:of|for) the|{_CONNECTOR_ALT}))+ ){_CAP})*")


def _sequences(body: str) -> list[list[tuple[str, int, int]]]:
    """Runs of capitalised words joined by single spaces or hyphens, possessives ending a run."""
    runs: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]]
    for run in _RUN_RE.finditer(body):
        if run.start() > 0 and (body[run.start() - 1].isalnum() or body[run.start() - 1] == "_"):
            continue  # the capital sits inside a word ("McDonald" is one word; "iPhone" none)
        text = run.group()
        if text.isalpha() and text.isascii():
            runs.append([(text, run.start(), run.end())])  # one plain word, the usual run
            continue
        if text.isascii() and text.replace(" ", "").replace("-", "").isalpha():
            # Plain ASCII words: _TOKEN_RE would cut exactly at the spaces and hyphens
            # and no possessive can end one, so split without the regex.
            pos = run.start()
            current = []
            for spaced in text.split(" "):
                for word in spaced.split("-"):
                    current.append((word, pos, pos + len(word)))
                    pos += len(word) + 1
            runs.append(current)
            continue
        current = []
        for match in _TOKEN_RE.finditer(text):
            word = match.group()
            start = run.start() + match.start()
            bare = strip_possessive(word)
            current.append((bare, start, start + len(bare)))
            if bare != word:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
    return runs


class _Lexicon:
    def __init__(self) -> None:
        self.honorifics = lexicon("honorifics")
        self.titles = lexicon("titles") | _CORE_TITLES
        self.stop = lexicon("stopwords")
        self.not_actor = lexicon("not_actor_words")
        self.first_names = folded_lexicon("first_names")
        self.org_heads = lexicon("org_heads")
        self.role_nouns = folded_lexicon("role_nouns")
        self.org_role_nouns = folded_lexicon("org_role_nouns")


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 7 and letters.isupper() and letters.isalpha()


@cache
def _shared_lexicon() -> _Lexicon:
    return _Lexicon()


_Plan = tuple[int | None, str, tuple[tuple[int, int], ...]]


@lru_cache(maxsize=MEMO_ENTRIES)
def _plan(words: tuple[str, ...]) -> _Plan | None:
    """What ``_candidates`` makes of a run, from its words alone: where an officer's
    title splits it (or None), the title leading it, and the (start, end) word
    slices of the pieces to classify. None when it holds no name. Runs recur
    (names are repeated), so this is worked out once per distinct run."""
    lex = _shared_lexicon()
    # Drop leading function words ("The", "But", "When") and lone sentence-initial common words.
    i = 0
    while i < len(words) and (words[i] in lex.stop or words[i].lower() in _CONNECTORS):
        i += 1
    if i == len(words):
        return None  # nothing but function words: no split, no title, no name
    # An organisation naming its officer: "European Commission President Ursula
    # von der Leyen" is the Commission, then a titled person.
    split = next(
        (
            k
            for k in range(i + 1, len(words) - 1 if len(words) - i > 2 else i)
            if words[k] in _CORE_TITLES
            and any(w in lex.org_heads for w in words[i:k])
            and words[k + 1][:1].isupper()
            and words[k + 1] not in lex.titles
        ),
        None,
    )
    if split is not None:
        return split, "", _piece_slices(words, i, split, lex)
    # Titles: "Mexican Foreign Minister", "US Secretary of State", "Mr", "Lieutenant-Colonel".
    title_end = -1
    seen_core = False
    for j in range(i, len(words)):
        w = words[j]
        if w in lex.honorifics or w in _CORE_TITLES:
            title_end, seen_core = j, True
        elif (
            w in lex.titles
            or is_geo_word(w)
            or w in ("Vice", "Deputy", "Former", "Acting", "Interim")
        ):
            if seen_core and w in lex.titles and j + 1 < len(words):
                title_end = j  # "Secretary of State": the title runs on
            continue
        elif (
            w in ("of", "for")
            and seen_core
            and j + 1 < len(words)
            and (words[j + 1] in lex.titles or is_geo_word(words[j + 1]))
        ):
            continue
        else:
            break
    title = ""
    if title_end >= i and title_end + 1 < len(words):
        title = " ".join(words[i : title_end + 1])
        i = title_end + 1
    while i < len(words) and (words[i].lower() in _CONNECTORS or words[i] == "the"):
        i += 1
    if i == len(words):
        return None
    return None, title, _piece_slices(words, i, len(words), lex)


def _piece_slices(
    words: tuple[str, ...], lo: int, hi: int, lex: _Lexicon
) -> tuple[tuple[int, int], ...]:
    """``_split_piece(run[lo:hi])`` as word slices of the run: the pieces are
    contiguous, and the split looks only at the words, so word indices stand in
    for offsets."""
    parts = [(w, k, k + 1) for k, w in enumerate(words[lo:hi], start=lo)]
    return tuple((piece[0][1], piece[-1][2]) for piece in _split_piece(parts, lex))


def _candidates(
    body: str,
    lex: _Lexicon,
    excluded: tuple[tuple[int, int], ...],
    headings: list[tuple[int, int]],
    quotes: list[tuple[int, int]],
    publisher: str | None,
) -> list[Candidate]:
    out: list[Candidate] = []
    # A news outlet naming itself is not an actor; a think tank citing itself
    # ("As Crisis Group has argued") is.
    words = (publisher or "").split()
    media_like = bool(words) and (_is_acronym(words[0]) or words[-1] in _MEDIA_HEADS)
    publisher_key = fold(publisher) if publisher and media_like else None
    pending: list[list[tuple[str, int, int]]] = []
    in_excluded, in_quotes, in_headings = _Spans(excluded), _Spans(quotes), _Spans(headings)
    for run in _runs_then_pending(_sequences(body), pending):
        plan = _plan(tuple([w for w, _s, _e in run]))
        if plan is None:
            continue
        split, title, slices = plan
        if split is not None:
            pending.append(run[split:])
            for a, b in slices:
                cand = _classify(body, run[a:b], "", lex)
                if cand is not None and cand.start not in in_excluded:
                    cand.in_quote = cand.start in in_quotes
                    cand.in_heading = cand.start in in_headings
                    out.append(cand)
            continue
        for a, b in slices:
            cand = _classify(body, run[a:b], title, lex)
            if cand is None:
                continue
            title = ""
            if cand.start in in_excluded:
                continue
            if publisher_key and fold(cand.text) in (publisher_key, fold(publisher_key.split()[0])):
                continue
            cand.in_quote = cand.start in in_quotes
            cand.in_heading = cand.start in in_headings
            out.append(cand)
    spelled = _acronym_names(body, excluded) + _state_bodies(body, excluded)
    if spelled:
        out = [c for c in out if not any(x.start <= c.start < x.end for x in spelled)]
        for cand in spelled:
            cand.in_quote = cand.start in in_quotes
            cand.in_heading = cand.start in in_headings
        out = sorted(out + spelled, key=lambda c: c.start)
    return out


_DEFINED_ACRONYM_RE = re.compile(r"\s\(([A-Z][A-Z&.]{1,8})\)")
_ACRONYM_GLUE = frozenset(["of", "for", "and", "the", "in", "on", "de", "la", "del", "&", ","])


def _spelled_out(body: str, paren: int, letters: str) -> tuple[int, int] | None:
    """The name before "(OSCE)" whose capitalised words' initials spell the acronym."""
    line_start = body.rfind("\n", 0, paren) + 1
    words = list(re.finditer(r"[\w’'-]+|[,&]", body[max(line_start, paren - 160) : paren]))
    offset = max(line_start, paren - 160)
    need = list(letters)
    start: int | None = None
    for word in reversed(words):
        text = word.group()
        if text[:1].isupper():
            if not need or text[0] != need[-1]:
                return None
            need.pop()
            start = offset + word.start()
            if not need:
                break
        elif text.lower() not in _ACRONYM_GLUE:
            return None
    if need or start is None or len(letters) < 2:
        return None
    return start, paren


def _acronym_names(body: str, excluded: tuple[tuple[int, int], ...]) -> list[Candidate]:
    """Organisations defined by their acronym: "Centre for Research, Transparency and
    Accountability (CRTA)" is one name even across the comma and the "and"."""
    found = []
    for match in _DEFINED_ACRONYM_RE.finditer(body):
        letters = match.group(1).replace(".", "").replace("&", "")
        span = _spelled_out(body, match.start(), letters)
        if span is None or _in_any(span[0], excluded):
            continue
        text = body[span[0] : span[1]]
        cand = Candidate(span[0], span[1], text, len(text.split()), "organization", 2)
        cand.acronym_of = match.group(1)
        found.append(cand)
    return found


_AND_MORE_RE = re.compile(r" and [A-Z][\w-]*(?: (?:of |in |for |the )*[A-Z][\w-]*)*")
_STATE_BODY_WORDS = ("embassy", "Embassy", "consulate", "Consulate", "ministry", "Ministry")
_FORCES_WORDS = ("armed forces", "military", "army")


_STATE_BODY_RE = re.compile(
    r"\b(?P<geo>[A-Z][\w.]*(?: [A-Z][\w.]*)?) (?P<noun>[Ee]mbassy|[Cc]onsulate|"
    r"(?:[Dd]efen[cs]e|[Ff]oreign|[Ii]nterior|[Ff]inance|[Tt]rade|[Cc]ommerce|[Jj]ustice) "
    r"[Mm]inistry)(?: in (?P<place>[A-Z][\w-]+(?: [A-Z][\w-]+)?))?"
)


def _state_bodies(body: str, excluded: tuple[tuple[int, int], ...]) -> list[Candidate]:
    """A state's embassy or ministry named by its country: "the Chinese embassy in
    Brussels", "US Embassy in Colombia", "the French defence ministry"."""
    found = []
    for match in near_words(_STATE_BODY_RE, body, _STATE_BODY_WORDS):
        start, geo = match.start(), match.group("geo")
        if lookup(geo) is None and " " in geo:
            start, geo = start + geo.index(" ") + 1, geo.split(" ", 1)[1]  # "The Chinese"
        if lookup(geo) is None or _in_any(start, excluded):
            continue
        end = match.end("noun")
        if match.group("place") and match.group("noun").lower() in ("embassy", "consulate"):
            end = match.end("place")  # one country keeps embassies in many
        text = body[start:end]
        found.append(Candidate(start, end, text, len(text.split()), "organization", 2))
    return found


def _runs_then_pending(
    runs: list[list[tuple[str, int, int]]], pending: list[list[tuple[str, int, int]]]
) -> Iterator[list[tuple[str, int, int]]]:
    """Each run, and right after it any tail the caller split off and queued."""
    for run in runs:
        yield run
        while pending:
            yield pending.pop()


def _split_piece(
    parts: list[tuple[str, int, int]], lex: _Lexicon
) -> list[list[tuple[str, int, int]]]:
    """Cut a run where a person name meets a place ("Evo Morales of Bolivia") or a stop word."""
    words = [w for w, _s, _e in parts]
    joined = "of" in words or "for" in words
    for k, w in enumerate(words[1:-1] if joined else (), start=1):
        if (
            w in ("of", "for")
            and not any(x in lex.org_heads for x in words[:k])
            and any(x in lex.org_heads for x in words[k + 1 :])
        ):
            # "Juan González of the National Security Council", "Supporters of the
            # Serbian Progressive Party": a person or a common word, then a body.
            left = _split_piece(parts[:k], lex)
            right = parts[k + 1 :]
            while right and right[0][0] == "the":
                right = right[1:]
            return left + (_split_piece(right, lex) if right else [])
    has_head = any(w in lex.org_heads for w in words) or (
        _is_acronym(words[0]) and words[0] not in _NOT_ORG_ACRONYMS and lookup(words[0]) is None
    )
    pieces: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for k, part in enumerate(parts):
        w = part[0]
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if w.lower() in _CONNECTORS and nxt in lex.not_actor and nxt not in lex.org_heads:
            break  # "the National Security Council on Monday": the name ends at the date
        if (w.lower() in _CONNECTORS or w == "the") and not has_head and w not in _PERSON_PARTICLES:
            if current:
                pieces.append(current)
            pieces.append([("\x01", part[1], part[2])])  # a connector: separates without tainting
            current = []
            continue
        if (
            w.lower() in _CONNECTORS
            and not has_head
            and w in _PERSON_PARTICLES
            and (is_geo_word(nxt) or not current)
        ):
            if current:
                pieces.append(current)
            current = []
            continue
        if w in lex.not_actor and w not in lex.org_heads and not has_head:
            if current:
                pieces.append(current)
            pieces.append([("\x00", part[1], part[2])])  # a barrier the classifier ignores
            current = []
            continue
        current.append(part)
    if current:
        pieces.append(current)
    # Pieces directly beside a not-actor word are phrases like "Cold War" or "Monroe Doctrine".
    cleaned: list[list[tuple[str, int, int]]] = []
    for idx, piece in enumerate(pieces):
        if piece[0][0] in ("\x00", "\x01"):
            continue
        near_barrier = (idx > 0 and pieces[idx - 1][0][0] == "\x00") or (
            idx + 1 < len(pieces) and pieces[idx + 1][0][0] == "\x00"
        )
        if near_barrier and not any(w in lex.org_heads for w, _s, _e in piece):
            continue
        while piece and piece[-1][0].lower() in _CONNECTORS:
            piece = piece[:-1]
        if piece:
            cleaned.append(piece)
    return cleaned


class _Traits(NamedTuple):
    """What ``_classify`` reads from a piece's words alone."""

    head_named: bool  # an organisation head word, a web address: an organisation
    acronym: bool  # "OSCE": an organisation unless the context says otherwise
    head_first: bool  # "Center for ...": may run on over "and"
    first_lower: bool  # the first word, lower-cased, is a first name
    first_name: bool  # person evidence from a common first name
    named: bool  # the folded first word is a first name
    adjectival: bool  # "Chavist", "Bolivarian": not a name before "government"
    not_actor: bool  # a not-actor word or a place among the words
    geo: bool  # a place among the words


@lru_cache(maxsize=MEMO_ENTRIES)
def _traits(words: tuple[str, ...], text: str) -> _Traits | None:
    """None when the words alone rule out a name; names recur, so worked out once."""
    lex = _shared_lexicon()
    if all(is_geo_word(w) or w in lex.titles for w in words) or is_geo_word(text):
        return None
    if len(words) == 1 and (words[0] in lex.stop or words[0] in lex.titles):
        return None
    if words[-1] in _MEDIA_HEADS and len(words) > 1:
        return None
    head_first = len(words) > 2 and words[0] in lex.org_heads and words[1] in ("of", "for")
    folded_first = fold(words[0]) in lex.first_names
    first_lower = words[0].lower() in lex.first_names
    geo = any(is_geo_word(w) for w in words)
    return _Traits(
        head_named=(
            any(w in lex.org_heads for w in words[1:])
            or (len(words) == 1 and words[0] in lex.org_heads)
            or head_first
            or text.endswith((".com", ".org", ".net", ".info"))
        ),
        acronym=(
            _is_acronym(words[0]) and words[0] not in _NOT_ORG_ACRONYMS and lookup(words[0]) is None
        ),
        head_first=head_first,
        first_lower=first_lower,
        first_name=(first_lower and len(words) > 1 and folded_first)
        or (folded_first and len(words) > 1),
        named=folded_first,
        adjectival=text.endswith(("ist", "ian", "ese", "ic")),
        not_actor=any(w in lex.not_actor or is_geo_word(w) for w in words),
        geo=geo,
    )


def _classify(
    body: str, piece: list[tuple[str, int, int]], title: str, lex: _Lexicon
) -> Candidate | None:
    words = tuple([w for w, _s, _e in piece])
    start, end = piece[0][1], piece[-1][2]
    text = body[start:end]
    traits = _traits(words, text)
    if traits is None:
        return None
    before = body[max(0, start - 60) : start]
    after = body[end : end + 80]
    cand = Candidate(start, end, text, len(words), None, 0, title=title, single=len(words) == 1)
    if _ends_with(_MEDIA_BEFORE_RE, before, 18):
        return None
    if _PLACE_AFTER_RE.match(after):
        return None  # "the Simon Bolivar bridge" names a place after a person
    if traits.head_named:
        cand.kind, cand.evidence = "organization", 2
    elif traits.acronym:
        if len(words) == 1 and _ACRONYM_THING_RE.match(after):
            return None
        if _ends_with(_ACRONYM_BEFORE_RE, before, 7):
            return None
        cand.kind, cand.evidence = "organization", 1
    bracket = _BRACKET_RE.match(body, end)
    if bracket and bracket.group(1) != text and _is_acronym(bracket.group(1)):
        cand.acronym_of = bracket.group(1)
        if cand.kind is None and not title and not traits.first_lower:
            cand.kind, cand.evidence = "organization", 2
    if cand.kind == "organization":
        if traits.head_first:
            more = _AND_MORE_RE.match(body, end)
            if more:
                # "Center for Strategic and International Studies": a head-first name
                # runs on over "and" while capitalised words follow.
                cand.end = more.end()
                cand.text = body[start : cand.end]
        return cand
    # Person evidence.
    evidence = 0
    if title:
        evidence += 2
    if traits.first_name:
        evidence += 2
    if _REPORT_AFTER_RE.match(after) or _ends_with(_REPORT_BEFORE_RE, before, 12):
        evidence += 2
    prev_word = _prev_word(before)
    # "the Argentinian analyst Atilio Boron, the group ...": a person's role just before
    # the name outweighs a body's noun in what follows.
    role_before = prev_word is not None and fold(prev_word.group(1)) in lex.role_nouns
    appositive = _APPOSITIVE_RE.match(after)
    if appositive:
        if appositive.group(3) is None:
            evidence += 2  # ", who ..."
        elif (
            appositive.group(1)
            or appositive.group(2)
            or fold(appositive.group(3)) in lex.role_nouns
        ):
            # ", the president of ...", ", one of the alliance's leaders", ", head of ...":
            # a role anywhere in the first words makes a person; a body's noun, a body.
            nouns = [fold(n) for n in re.findall(r"[\w-]+", after[appositive.start(3) :])[:5]]
            if any(n in lex.role_nouns or n.removesuffix("s") in lex.role_nouns for n in nouns):
                evidence += 2
            elif any(n in lex.org_role_nouns for n in nouns) and not role_before:
                cand.kind, cand.evidence = "organization", 2
                return cand
    if prev_word:
        noun = fold(prev_word.group(1))
        if noun in lex.role_nouns and (traits.named or noun not in lex.org_role_nouns):
            evidence += 2
        elif noun in lex.org_role_nouns:
            cand.kind, cand.evidence = "organization", 2
            return cand
    if _ORG_AFTER_RE.match(after) and len(words) == 1:
        cand.kind, cand.evidence = "organization", 1
        return cand
    if _ORG_APPOSITIVE_RE.match(after) and not evidence:
        cand.kind, cand.evidence = "organization", 1
        return cand
    if (
        len(words) == 1
        and _ADMIN_RE.match(after)
        and not _ends_with(_ARTICLE_BEFORE_RE, before, 2)
        and not traits.adjectival
    ):
        evidence += 2
    if traits.not_actor and (evidence < 2 or traits.geo):
        return None
    cand.kind, cand.evidence = "person", evidence
    return cand


_LOCATIVE_BEFORE_RE = re.compile(r"\b(?:in|at|from|to|into|near|the)\s+$", re.IGNORECASE)


def _placelike(body: str, starts: list[int]) -> bool:
    """A recurring word most often after "in", "from", "the" ("in Cúcuta", "the
    Constituent") is a place or a body, not a surname."""
    governed = sum(1 for s in starts if _LOCATIVE_BEFORE_RE.search(body, max(0, s - 6), s))
    return 2 * governed > len(starts)


def _mid_sentence(body: str, start: int) -> bool:
    before = body[max(0, start - 3) : start].rstrip(" \xa0")
    return bool(before) and before[-1] not in '.!?\n“"‘(:'


@cache
def _places() -> frozenset[str]:
    return frozenset(fold(sub.name) for sub in pycountry.subdivisions)


def is_place(word: str) -> bool:
    return fold(word) in _places()


@lru_cache(maxsize=MEMO_ENTRIES)
def _parts(form: str) -> tuple[str, ...]:
    """The folded words of a name; names recur in every pass, so they are split once."""
    return tuple(fold(form).split())


@lru_cache(maxsize=MEMO_ENTRIES)
def _same_person(a: str, b: str) -> bool:
    """Guarded fuzzy match of two multi-word names: same first name, near-identical rest."""
    ta, tb = _parts(a), _parts(b)
    if ta == tb:
        return True
    if ta[-1] == tb[-1] and (set(ta) <= set(tb) or set(tb) <= set(ta)):
        return True
    return len(ta) == len(tb) and ta[0] == tb[0] and ratio(" ".join(ta[1:]), " ".join(tb[1:])) >= 80


def _surname_match(token: str, entity: Entity) -> int:
    """0: no; 3: exact surname; 2: exact inner name; 1: fuzzy surname."""
    key = fold(token)
    best = 0
    for form in entity.multi:
        score = _surname_score(key, form)
        if score == 3:
            return 3
        best = max(best, score)
    return best


@lru_cache(maxsize=MEMO_ENTRIES)
def _surname_score(key: str, form: str) -> int:
    """``_surname_match`` against one multi-word form; the same pairs recur all article long."""
    parts = _parts(form)
    if key == parts[-1] or key == " ".join(parts[1:]):
        return 3
    if key in parts[1:]:
        return 2
    if len(key) >= 5 and ratio(key, parts[-1]) >= 80 and key[0] == parts[-1][0]:
        return 1
    return 0


def _known_index(snapshot: Snapshot) -> dict[str, list[KnownActor]]:
    index: dict[str, list[KnownActor]] = {}
    for actor in snapshot.actors:
        for key in _known_keys(actor):
            index.setdefault(key, []).append(actor)
    return index


# The same actors come in every snapshot, so their keys are folded once.
_known_keys = lru_cache(maxsize=MEMO_ENTRIES)(linking_keys)


def find_actors(
    body: str,
    *,
    excluded: tuple[tuple[int, int], ...] = (),
    headings: list[tuple[int, int]] | None = None,
    quotes: list[tuple[int, int]] | None = None,
    geo: list[GeoMention] | None = None,
    snapshot: Snapshot | None = None,
    publisher: str | None = None,
) -> tuple[ActorFound, ...]:
    lex = _Lexicon()
    known = _known_index(snapshot) if snapshot else {}
    cands = _candidates(body, lex, excluded, headings or [], quotes or [], publisher)
    for cand in cands:
        if cand.kind is None or cand.evidence == 0:
            hits = known.get(fold(cand.text))
            if hits:
                cand.kind, cand.evidence = hits[0].kind, 2

    entities: list[Entity] = []
    by_key: dict[str, Entity] = {}
    acronyms: dict[str, Entity] = {}

    def attach(cand: Candidate, entity: Entity) -> None:
        entity.add(cand)
        by_key.setdefault(fold(cand.text), entity)
        if cand.acronym_of:
            acronyms[cand.acronym_of] = entity

    # Pass 1: multi-word names and organisations found outside headings.
    for cand in cands:
        if cand.kind is None or cand.in_heading:
            continue
        if cand.kind == "person" and cand.single:
            continue
        if cand.kind == "organization" and cand.single and cand.text in acronyms:
            attach(cand, acronyms[cand.text])
            continue
        entity = by_key.get(fold(cand.text))
        if entity is None and cand.kind == "person":
            entity = next(
                (
                    e
                    for e in entities
                    if e.kind == "person" and any(_same_person(cand.text, f) for f in e.multi)
                ),
                None,
            )
        if (
            entity is None
            and cand.kind == "organization"
            and cand.single
            and cand.text in lex.org_heads
        ):
            entity = next(
                (
                    e
                    for e in entities
                    if e.kind == "organization" and any(f.split()[-1] == cand.text for f in e.forms)
                ),
                None,
            )
            if entity is None and cand.text not in (
                "Congress",
                "Parliament",
                "Senate",
                "Pentagon",
                "Kremlin",
            ):
                continue
        if entity is None and cand.kind == "organization" and not cand.single:
            # "Lima Group Alliance of Nations" after "Lima Group": a longer styling of
            # the same body.
            key = fold(cand.text)
            entity = next(
                (
                    e
                    for e in entities
                    if e.kind == "organization"
                    and any(len(k.split()) > 1 and key.startswith(k + " ") for k in e.keys)
                ),
                None,
            )
        if entity is None:
            entity = Entity(cand.kind)
            entities.append(entity)
        attach(cand, entity)

    # Pass 2: single-word person forms resolve to a full name, else stand alone with evidence.
    singles: dict[str, list[Candidate]] = {}
    for c in cands:
        if c.kind == "person" and c.single:
            singles.setdefault(fold(c.text), []).append(c)
    surname_hits: dict[str, list[tuple[int, Entity]]] = {}
    for cand in cands:
        if cand.kind is None or cand.in_heading or not cand.single or cand.kind == "organization":
            continue
        if cand.text in acronyms:
            attach(cand, acronyms[cand.text])
            continue
        entity = by_key.get(fold(cand.text))
        if entity is None:
            # Pass 2 adds no multi-word form, so a surname's matches stay the same all
            # pass long (new entities have none): found once per surname.
            key = fold(cand.text)
            matched = surname_hits.get(key)
            if matched is None:
                pairs = [(_surname_match(cand.text, e), e) for e in entities if e.kind == "person"]
                matched = surname_hits[key] = [p for p in pairs if p[0] > 0]
            scored = [(score, -abs(cand.start - e.mentions[0][0]), e) for score, e in matched]
            if scored:
                entity = max(scored, key=lambda s: (s[0], s[1]))[2]
        if entity is None:
            entity = next(
                (
                    e
                    for e in entities
                    if e.kind == "person"
                    and not e.multi
                    and any(
                        len(k) >= 5
                        and k[0] == fold(cand.text)[0]
                        and ratio(k, fold(cand.text)) >= 80
                        for k in e.keys
                    )
                ),
                None,
            )
        if entity is None:
            same = singles.get(fold(cand.text), [])
            support = sum(c.evidence for c in same)
            # A capitalised word used again and again mid-sentence, that is no place,
            # is a name ("Pompeo").
            recurring = sum(1 for c in same if not c.in_quote and _mid_sentence(body, c.start))
            if support < 2 and (
                recurring < 3 or is_place(cand.text) or _placelike(body, [c.start for c in same])
            ):
                continue
            entity = Entity("person")
            entity.evidence += 2 if support < 2 else 0
            entities.append(entity)
        attach(cand, entity)

    # Pass 3: headings only link to actors already found.
    for cand in cands:
        if cand.in_heading and cand.kind is not None:
            entity = by_key.get(fold(cand.text)) or acronyms.get(cand.text)
            if entity is not None:
                attach(cand, entity)

    # Multi-word organisation names also appear in other cases ("Lima group").
    lowered = body.lower()
    if len(lowered) == len(body):  # lower() kept every offset (true for nearly all text)
        for entity in entities:
            if entity.kind != "organization":
                continue
            for form in list(entity.forms):
                if " " not in form:
                    continue
                for found in _find_all_casefree(lowered, form.lower()):
                    span = (found, found + len(form))
                    if any(s <= found < e for s, e in entity.mentions) or _in_any(found, excluded):
                        continue
                    surface = body[span[0] : span[1]]
                    entity.forms[surface] = entity.forms.get(surface, 0) + 1
                    entity.mentions.append(span)

    _merge_acronyms(entities)
    entities += _armed_forces(body, geo or [], excluded, quotes or [])
    kept = [e for e in entities if _keep(e, lex)]
    _resolve_known(kept, known)
    _assign_countries(body, kept, geo or [], lex)
    return tuple(_finish(e) for e in sorted(kept, key=lambda e: min(e.mentions)))


def _find_all_casefree(lowered: str, needle: str) -> list[int]:
    """Whole-word occurrences of ``needle`` in the lower-cased body, via ``str.find`` (fast)."""
    hits: list[int] = []
    pos = lowered.find(needle)
    while pos >= 0:
        end = pos + len(needle)
        if (pos == 0 or not lowered[pos - 1].isalnum()) and (
            end >= len(lowered) or not lowered[end].isalnum()
        ):
            hits.append(pos)
        pos = lowered.find(needle, pos + 1)
    return hits


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
def _demonym_of() -> dict[str, str]:
    names: dict[str, str] = {}
    for demonym, code in load_json("countries.json")["demonyms"].items():
        names.setdefault(code, demonym)
    return names


def _main_country(geo: list[GeoMention], excluded: tuple[tuple[int, int], ...]) -> str | None:
    """The country an article is about: clearly the most named one, or none."""
    counts: dict[str, int] = {}
    for g in geo:
        if not _in_any(g.start, excluded):
            counts[g.code] = counts.get(g.code, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 3:
        return None
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None
    return ranked[0][0]


def _armed_forces(
    body: str,
    geo: list[GeoMention],
    excluded: tuple[tuple[int, int], ...],
    quotes: list[tuple[int, int]],
) -> list[Entity]:
    """A country's armed forces as one organisation: "Venezuela's military", "the
    Venezuelan military", "the country's armed forces"; a bare "the armed forces"
    or "the military" only in an article plainly about one country."""
    main = _main_country(geo, excluded)
    by_code: dict[str, Entity] = {}
    for match in near_words(_FORCES_RE, body, _FORCES_WORDS):
        if _in_any(match.start(), excluded) or not _FORCES_NOUN_RE.match(body, match.end()):
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
        if code is None or code not in _demonym_of():
            continue
        entity = by_code.get(code)
        if entity is None:
            entity = Entity("organization", label=f"{_demonym_of()[code]} armed forces")
            entity.country_votes[code] = 99
            by_code[code] = entity
        text = body[start : match.end()]
        cand = Candidate(start, match.end(), text, len(text.split()), "organization", 2)
        cand.in_quote = _in_any(start, quotes)
        entity.add(cand)
    return list(by_code.values())


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _merge_acronyms(entities: list[Entity]) -> None:
    """ "EU" and "European Union" in one article are one body when the letters agree."""
    orgs = [e for e in entities if e.kind == "organization"]
    for short in orgs:
        if short.multi or not all(_is_acronym(f) for f in short.forms):
            continue
        letters = {f.replace(".", "") for f in short.forms}
        # "TSJ" before "Supreme Court of Justice (TSJ)": a translated name's initials
        # need not agree, but the bracket defined the acronym for the whole article.
        full = next(
            (
                e
                for e in orgs
                if e is not short
                and e.multi
                and (any(_initials(f) in letters for f in e.multi) or letters & set(e.forms))
            ),
            None,
        )
        if full is None or short not in entities:
            continue
        _absorb(full, short, entities)
    # "UN Office for the Coordination of Humanitarian Affairs" then "Office for the
    # Coordination of Humanitarian Affairs (OCHA)": the parent's acronym only qualifies.
    for short in [e for e in entities if e.kind == "organization" and e.multi]:
        tails = {f for f in short.multi if len(f.split()) >= 3}
        full = next(
            (
                e
                for e in entities
                if e is not short
                and e.kind == "organization"
                and any(
                    f.split(" ", 1)[-1] in tails and _is_acronym(f.split(" ", 1)[0])
                    for f in e.multi
                )
            ),
            None,
        )
        if full is not None:
            _absorb(full, short, entities)


def _absorb(full: Entity, short: Entity, entities: list[Entity]) -> None:
    for form, count in short.forms.items():
        full.forms[form] = full.forms.get(form, 0) + count
    full.mentions += short.mentions
    full.evidence += short.evidence
    full.keys |= short.keys
    full.outside_quotes = full.outside_quotes or short.outside_quotes
    entities.remove(short)


def _keep(entity: Entity, lex: _Lexicon) -> bool:
    if entity.kind == "person":
        return entity.evidence >= 2 or (bool(entity.multi) and len(entity.mentions) >= 2)
    return entity.evidence >= 1 and entity.outside_quotes


def _resolve_known(entities: list[Entity], known: dict[str, list[KnownActor]]) -> None:
    for entity in entities:
        keys = [fold(f) for f in sorted(entity.forms, key=lambda f: -len(f))]
        for key in keys:
            for actor in known.get(key, []):
                rejected = {fold(r) for r in actor.rejected}
                if rejected & entity.keys:
                    continue
                entity.known = actor
                entity.kind = actor.kind
                break
            if entity.known:
                break


_GAP_WORDS_RE = re.compile(
    r"^(?:[’']s)?(?:[\s,]+(?:of|the|a|former|then|late|his|her|its|[A-Za-z-]+))*?[\s,]*$"
)


def _assign_countries(
    body: str, entities: list[Entity], geo: list[GeoMention], lex: _Lexicon
) -> None:
    geo = sorted(geo, key=lambda g: g.start)
    geo_starts = [g.start for g in geo]
    for entity in entities:
        if entity.known and entity.known.country:
            entity.country_votes[entity.known.country] = 99
            continue
        for start, end in entity.mentions:
            lo = bisect_left(geo_starts, start - 120)
            hi = bisect_right(geo_starts, end + 10)
            for g in geo[lo:hi]:
                if g.end <= start and start - g.end <= 45:
                    gap = body[g.end : start]
                    words = re.findall(r"[A-Za-z-]+", gap)
                    if not words and not re.match(r"[’']s\b", gap):
                        lead = body[max(0, g.start - 30) : g.start]
                        if not (
                            gap.strip() == ","
                            and re.search(
                                r"\b(?:president|minister|leader|head|king|queen|ruler) of\s+$",
                                lead,
                                re.I,
                            )
                        ):
                            continue
                    if "\n" in gap or any(
                        w.lower() not in lex.role_nouns
                        and w not in lex.titles
                        and w.lower()
                        not in ("of", "the", "s", "former", "then", "late", "his", "her")
                        for w in words
                    ):
                        continue
                    entity.country_votes[g.code] = entity.country_votes.get(g.code, 0) + 1
                elif (
                    g.start >= end
                    and g.start - end <= 5
                    and re.match(r"^\s+(?:of|in)\s+$", body[end : g.start])
                ):
                    entity.country_votes[g.code] = entity.country_votes.get(g.code, 0) + 1
            for g in (g for g in geo[lo:hi] if start <= g.start < end):
                entity.country_votes[g.code] = entity.country_votes.get(g.code, 0) + 1


def _finish(entity: Entity) -> ActorFound:
    mentions = tuple(sorted(set(entity.mentions)))
    country = None
    if entity.country_votes:
        country = max(entity.country_votes.items(), key=lambda kv: kv[1])[0]
    kind: ActorKind = entity.known.kind if entity.known else entity.kind
    return ActorFound(
        name=entity.name(),
        kind=kind,
        country=country,
        surface_forms=tuple(entity.forms),
        mentions=mentions,
        known_key=entity.known.key if entity.known else None,
    )
