"""The cue words of stances, from ``data/stances.json``, compiled once.

In:  nothing (reads the packaged word lists).
Out: ``cues()``: one regular expression over every cue phrase, each match
     naming its kind (active, holder, appositive, nominal, ended, includes,
     removed, among) and relation;
     and helpers that tell whether the words between a name and a cue may
     stand there (``subject_gap``, ``object_gap``), whether a sentence hedges
     (``hedged``) and whether a stretch negates (``negates``).
Guarantees: pure; the same lists give the same answers.
"""

# ruff: noqa: RUF001 - curly apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from kb.pipeline import cue_scan
from kb.pipeline.text import load_json, lowered

GapMode = str  # "direct" | "interposed" | "relative" | "others"


@dataclass(frozen=True, slots=True)
class Cues:
    regex: re.Pattern[str]
    kinds: tuple[tuple[str, str], ...]  # group index -> (kind, relation)
    passive: dict[str, frozenset[str]]
    scanner: cue_scan.Scanner | None = None  # how a cue may begin (``cue_scan``)

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """The cues in ``text[start:end]``, as ``regex.finditer`` finds them."""
        if self.scanner is None:
            return self.regex.finditer(text, start, end)
        return self.scanner.matches(text, start, end)

    def blanked(self, text: str) -> str:
        """``regex.sub(" ", text)``."""
        parts: list[str] = []
        last = 0
        for hit in self.finditer(text, 0, len(text)):
            parts += (text[last : hit.start()], " ")
            last = hit.end()
        parts.append(text[last:])
        return "".join(parts)


def data() -> Any:
    return load_json("stances.json")


@cache
def words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in data()[name])


def _longest_first(fragments: list[str]) -> list[str]:
    return sorted(fragments, key=len, reverse=True)


@cache
def cues() -> Cues:
    d = data()
    entries: list[tuple[str, str, list[str]]] = []
    for kind in ("active", "holder", "appositive", "nominal"):
        for relation, fragments in d[kind].items():
            entries.append((kind, relation, _longest_first(fragments)))
    entries.append(("ended", "member_of", _longest_first(d["ended"])))
    entries.append(("includes", "member_of", _longest_first(d["includes"])))
    entries.append(("removed", "member_of", _longest_first(d["removed"])))
    entries.append(("among", "member_of", [d["among_members"]]))
    # Longest alternatives first across kinds too: "met with" before "met".
    order = sorted(range(len(entries)), key=lambda i: -len("|".join(entries[i][2])))
    groups = [(f"c{i}", entries[i][2]) for i in order]
    alternation = "|".join(f"(?P<{name}>{'|'.join(alts)})" for name, alts in groups)
    lead, tail = r"(?<![\w-])", r"(?![\w-])"
    regex = re.compile(rf"{lead}(?:{alternation}){tail}", re.IGNORECASE)
    passive = {rel: frozenset(p.lower() for p in ps) for rel, ps in d["passive"].items()}
    scanner = cue_scan.Scanner.build(groups, lead, tail, re.IGNORECASE)
    return Cues(regex, tuple((k, r) for k, r, _ in entries), passive, scanner)


def cue_of(match: re.Match[str]) -> tuple[str, str]:
    return cues().kinds[int((match.lastgroup or "c0")[1:])]


_GAP_WORD_RE = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")


def _tokens(gap: str) -> tuple[list[str], str]:
    """The words of ``gap`` (hyphenated and possessive words whole), lowered, and
    what is left between them."""
    found = [m.group().lower() for m in _GAP_WORD_RE.finditer(gap)]
    return found, _GAP_WORD_RE.sub(" ", gap)


_SPACES_RE = re.compile(r"\s*")
_QUOTES_RE = re.compile(r"[\s\"“”‘]*")  # scare quotes: recognizes "the president X"


def fillers_only(gap: str) -> bool:
    """Only auxiliaries, adverbs, negators and time words between subject and cue."""
    found, rest = _tokens(gap)
    if not _SPACES_RE.fullmatch(rest) or len(found) > 8:
        return False
    allowed = words("subject_fillers")
    for i, word in enumerate(found):
        if word not in allowed and not word.isdigit():
            return False
        if word == "to" and not any(w in words("to_after") for w in found[:i]):
            return False  # "urged X to back": an infinitive asserts nothing
    return True


@cache
def _relative_re() -> re.Pattern[str]:
    heads = "|".join(sorted(words("relative_heads")))
    return re.compile(
        rf"\s*,?\s*(?:(?:the|all|both|several|\d+)\s+)?(?:(?:\w+\s+)?(?:{heads})\s+)?"
        r"(?:which|who|that)\b(?P<rest>.*)",
        re.IGNORECASE | re.DOTALL,
    )


# ", which hosted the summit,", ", an ally of Y,", ", meanwhile,": a phrase set off by
# commas that starts with a lower-case word.
_INTERPOSED_RE = re.compile(
    r"\s*,\s*(?:which|who|an?|the|[a-z][\w-]*)\b[^,;()“”\"]*,(?P<rest>.*)", re.DOTALL
)


def subject_gap(gap: str) -> GapMode | None:
    """How the words between a subject and its cue attach them, or None when they do not."""
    if fillers_only(gap):
        return "direct"
    relative = _relative_re().fullmatch(gap)
    if relative and fillers_only(relative.group("rest")):
        return "relative"
    interposed = _INTERPOSED_RE.fullmatch(gap)
    if interposed and fillers_only(interposed.group("rest")):
        return "interposed"
    others = _others_re().fullmatch(gap)
    if others and fillers_only(others.group("rest")):
        return "others"
    return None


@cache
def _others_re() -> re.Pattern[str]:
    """ "X and more than 20 other nations have backed": X is one of the backers."""
    nouns = "|".join(sorted(words("others_nouns")))
    return re.compile(
        rf"\s*,?\s*and\s+(?:[\w-]+\s+){{0,5}}?(?:{nouns})\s+(?P<rest>.*)",
        re.IGNORECASE | re.DOTALL,
    )


_HYPHEN_OK_RE = re.compile(r"\w+-(?:backed|led|elected|declared|proclaimed|appointed|wing)")
_LIST_INTRO_RE = re.compile(
    r"(?P<head>.*?)\s*(?::|,?\s*(?:including|such as|namely))\s*", re.DOTALL
)


def object_gap(gap: str) -> bool:
    """Determiners, titles and a few plain words ("the elected Venezuelan President",
    "the country's state-owned oil firm") between cue and object; no preposition,
    conjunction or verb ("the arrest of", "calls for"). A head ending in ":" or
    "including" may introduce a list: "a handful of smaller countries: X, Y".
    """
    intro = _LIST_INTRO_RE.fullmatch(gap)
    if intro and re.search(r"\w", gap):
        head = intro.group("head")
        last = head.split()[-1].lower() if head.split() else ""
        return last in words("others_nouns") and len(head.split()) <= 6
    found, rest = _tokens(gap)
    if not _QUOTES_RE.fullmatch(rest) or len(found) > 8:
        return False
    raw = [m.group() for m in _GAP_WORD_RE.finditer(gap)]
    allowed, blockers = words("object_fillers"), words("object_blockers")
    plain = 0
    for word, original in zip(found, raw, strict=True):
        if word in blockers:
            return False
        if word in allowed or original[0].isupper() or _HYPHEN_OK_RE.fullmatch(word):
            continue
        plain += 1
    return plain <= 4


@cache
def _negator_re() -> re.Pattern[str]:
    """Any negator as a whole word: the alternation backtracks into every alternative,
    so it finds one wherever one of them alone would."""
    alternation = "|".join(re.escape(n) for n in sorted(words("negators")))
    return re.compile(rf"(?<![\w'])(?:{alternation})(?![\w'])")


def negates(text: str) -> bool:
    lowered = " ".join(m.group().lower() for m in _GAP_WORD_RE.finditer(text))
    return _negator_re().search(lowered) is not None


@cache
def _hedges(strong_only: bool) -> tuple[frozenset[str], re.Pattern[str]]:
    hedges = words("strong_hedges") if strong_only else words("hedges") | words("strong_hedges")
    alternation = "|".join(sorted((re.escape(h) for h in hedges), key=len, reverse=True))
    # A cheap first look: most sentences hold no hedge word at all.
    return hedges, re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])", re.IGNORECASE)


# IGNORECASE matches these to an ASCII letter that lower() does not turn them into.
_ODD_CASES = ("İ", "ı", "ſ")


@lru_cache(maxsize=4)
def _strong_spots(body: str) -> list[int] | None:
    """Where a strong hedge word begins in ``body``, as a substring in any case; None
    when lower() cannot tell (it changes the length, or an odd case is there)."""
    low = lowered(body)
    hedges = _hedges(True)[0]
    if not all(h.isascii() for h in hedges):
        return None
    if len(low) != len(body) or any(c in body for c in _ODD_CASES):
        return None
    spots: list[int] = []
    for hedge in hedges:
        pos = low.find(hedge)
        while pos >= 0:
            spots.append(pos)
            pos = low.find(hedge, pos + 1)
    return sorted(spots)


def strongly_hedged(body: str, start: int, end: int) -> bool:
    """``hedged(body[start:end], strong_only=True)``, told at once for the many
    stretches in which no strong hedge word begins at all."""
    spots = _strong_spots(body)
    if spots is not None:
        index = bisect_left(spots, start)
        if index == len(spots) or spots[index] >= end:
            return False
    return hedged(body[start:end], strong_only=True)


def hedged(text: str, strong_only: bool = False) -> bool:
    """A hedge word ("reportedly", "may", "denies", "is expected to") in ``text``."""
    hedges, anywhere = _hedges(strong_only)
    if not anywhere.search(text):
        return False
    for i, m in enumerate(_GAP_WORD_RE.finditer(text)):
        word = m.group()
        if (word.islower() or i == 0) and word.lower() in hedges:
            return True
    return False
