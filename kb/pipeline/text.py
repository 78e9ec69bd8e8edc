"""Folding and tokenising helpers shared by every pipeline stage.

In:  any ``str``.
Out: folded keys (accent-less, case-less, with typographic apostrophes and
     dashes unified) and word tokens with their exact offsets.
Guarantees: pure functions, never raise, and every ``Token`` satisfies
``text[token.start:token.end] == token.text``.
"""

# ruff: noqa: RUF001, RUF002 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from kb.pipeline.fold import fold as fold

DATA_DIR = Path(__file__).with_name("data")

# A word: letters, digits, inner apostrophes, dots of acronyms ("U.S.") and
# hyphens ("Pérez-Jiménez") are kept together; callers split further if needed.
WORD_RE = re.compile(
    r"(?:[A-Z]\.){2,}|[^\W_](?:[\w'’]*[^\W_])?(?:\.(?=com\b|org\b|net\b|info\b)\w+)?"
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def strip_possessive(word: str) -> str:
    """ "Ruiz’s" -> "Ruiz"; "States'" -> "States"."""
    for suffix in ("'s", "’s", "'S", "’S"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    if word.endswith(("'", "’")):
        return word[:-1]
    return word


@cache
def load_json(name: str) -> Any:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def lexicon(name: str) -> frozenset[str]:
    """A word list from ``data/lexicon.json`` as a frozenset of exact strings."""
    return frozenset(load_json("lexicon.json")[name])


@cache
def folded_lexicon(name: str) -> frozenset[str]:
    return frozenset(fold(word) for word in load_json("lexicon.json")[name])


SENTENCE_END_RE = re.compile(r"(?<=[.!?])[”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9])|\n+")
# SENTENCE_END_RE with the punctuation consumed instead of looked behind at: a pattern
# starting with one character class lets the engine skip ahead (an alternation of a
# class and a literal does not: 3x); group 1 is SENTENCE_END_RE's first branch.
_SENTENCE_END_FAST_RE = re.compile(
    r"[.!?\n](?:(?<=[.!?])([”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9]))|(?<=\n)\n*)"
)


_ABBREVIATION_END_RE = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Gen|Sen|Rep|Gov|No|vs)\.)$"
)


@lru_cache(maxsize=8)
def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Approximate sentence spans.

    Abbreviations like "Mr." or "U.S." may split a sentence, which is tolerated.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END_FAST_RE.finditer(text):
        # The break starts after the punctuation (SENTENCE_END_RE's look-behind).
        at = match.start() + 1 if match.group(1) is not None else match.start()
        prev = text[max(0, at - 4) : at]
        # "U.S. President", "Mr. Hunt", "Jan. 10": the dot belongs to a short word,
        # not a sentence end.
        # A quote opening after it ends the sentence all the same: "posted on X. “The …".
        if _ABBREVIATION_END_RE.search(prev) and text[match.end() : match.end() + 1] not in '“"':
            continue
        if at > start:
            bounds.append((start, at))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


@lru_cache(maxsize=4)
def lowered(body: str) -> str:
    """``body.lower()``, once per body: several stages look for words in the same one."""
    return body.lower()


def may_contain(body: str, word: str, start: int, end: int) -> bool:
    """False only when lower-case ``word`` (letters other than i, k and s, which
    IGNORECASE also matches to other letters) is nowhere in ``body[start:end]`` in any
    case: a cheap test before running a case-insensitive regex there."""
    low = lowered(body)
    return len(low) != len(body) or low.find(word, start, end) >= 0


@lru_cache(maxsize=64)
def _lowered_words(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w.lower() for w in words))


def find_words(body: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Whole-word occurrences of any of ``words``, in any case, in order, via ``str.find``."""
    low = lowered(body)
    if len(low) == len(body):  # lower() kept every offset (true for nearly all text)
        body, words = low, _lowered_words(words)
    hits: list[tuple[int, int]] = []
    for word in words:
        pos = body.find(word)
        while pos >= 0:
            end = pos + len(word)
            if (pos == 0 or not body[pos - 1].isalnum()) and (
                end >= len(body) or not body[end].isalnum()
            ):
                hits.append((pos, end))
            pos = body.find(word, end)
    return sorted(hits)


def near_words(
    pattern: re.Pattern[str], body: str, anchor: tuple[str, ...]
) -> Iterator[re.Match[str]]:
    """``pattern``'s matches whose "noun" group ends where a word of ``anchor`` does.

    Scanning only around a rare word is much faster than running ``pattern``,
    which may start at any capital, over the whole body.
    """
    for hit in find_words(body, anchor):
        lo = max(0, hit[0] - 60)
        while lo > 0 and not body[lo - 1].isspace():
            lo -= 1
        for match in pattern.finditer(body, lo, min(len(body), hit[1] + 60)):
            if match.end("noun") == hit[1]:
                yield match
                break
