"""Where a cue can start: the word starts whose first letters begin some cue.

In:  the cue patterns (``data/stances.json``) and a text.
Out: ``start_keys(fragment)``: the lowercase first letters (up to ``PREFIX``)
     any match of a pattern can begin with, read off its parsed form;
     ``Scanner.build(...).matches(text, start, end)``: an alternation's matches,
     tried only at word starts that begin with a key, with only the alternatives
     that may begin with it.
Guarantees: the same matches as ``regex.finditer`` (the keys over-approximate
every way a pattern can begin; a pattern whose start cannot be read gives
None, and then callers scan everywhere). Trying the ~150-way alternation at
every word cost more than the rest of the stance stage.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

from kb.pipeline.text import lowered

# Five letters, not three: "for", "wit", "pro" began a cue's word at 2,400, 1,460
# and 760 word starts of the bench corpus and never a cue; five halves the positions tried.
PREFIX = 5
_WORD_RE = re.compile(r"(?<![\w-])[^\W\d_]+")


def _walk(items: Any, partials: set[str]) -> tuple[set[str], set[str]] | None:
    """(partials still inside the first word, first words completed); None when unknown."""
    done: set[str] = set()
    for op, arg in items:
        if not partials:
            break
        if op is C.LITERAL:
            ch = chr(arg).lower()
            if ch == " ":
                done |= partials
                partials = set()
            else:
                partials = {p + ch for p in partials}
        elif op is C.SUBPATTERN:
            got = _walk(arg[-1], partials)
            if got is None:
                return None
            partials, more = got
            done |= more
        elif op is C.BRANCH:
            nxt: set[str] = set()
            for branch in arg[1]:
                got = _walk(branch, set(partials))
                if got is None:
                    return None
                nxt |= got[0]
                done |= got[1]
            partials = nxt
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, _high, sub = arg
            got = _walk(sub, set(partials))
            if got is None:
                return None
            partials = got[0] | (partials if low == 0 else set())
            done |= got[1]
        elif op is C.AT:
            continue
        else:
            return None
        partials = {p for p in partials if len(p) < PREFIX} | {
            p[:PREFIX] for p in partials if len(p) >= PREFIX
        }
        done |= {p for p in partials if len(p) >= PREFIX}
        partials = {p for p in partials if len(p) < PREFIX}
    return partials, done


def start_keys(fragment: str) -> set[str] | None:
    """The lowercase first letters (up to PREFIX) any match of ``fragment`` starts with."""
    got = _walk(P.parse(fragment, re.IGNORECASE), {""})
    if got is None:
        return None
    keys = got[0] | got[1]
    return None if "" in keys else keys


def positions(text: str, start: int, end: int, keys: Collection[str]) -> Iterator[tuple[int, str]]:
    """Word starts in ``text[start:end]`` where some cue may begin, with their key: a
    word shorter than PREFIX must be a whole key ("a", "is"), a longer one begin with one."""
    for hit in _WORD_RE.finditer(text, start, end):
        word = hit.group()
        key = (word if len(word) < PREFIX else word[:PREFIX]).lower()
        if key in keys:
            yield hit.start(), key


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` as a trie, so the engine tries one branch per letter."""
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[0], []).append(word[1:])
    alternatives = []
    for first, rests in sorted(branches.items()):
        tails = [r for r in rests if r]
        if not tails:
            alternatives.append(re.escape(first))
            continue
        tail = _trie(tails)
        alternatives.append(re.escape(first) + (f"(?:{tail})?" if "" in rests else tail))
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


_LETTERS_RE = re.compile(r"[^\W\d_]+")


def _finder(keys: Collection[str]) -> re.Pattern[str] | None:
    """``positions`` as one regex over the lower-cased text: a word start (``_WORD_RE``'s)
    where a key begins a word of PREFIX letters or more, or is a shorter word whole.
    Only ASCII keys: lower() turns no other character into an ASCII letter, and keeps
    every character's class (word, digit, hyphen), so on a text lower() keeps the
    length of it finds what ``positions`` finds. Keys of other characters never begin
    a word of letters."""
    usable = [k for k in keys if k.isascii() and _LETTERS_RE.fullmatch(k)]
    full = [k for k in usable if len(k) == PREFIX]
    short = sorted((k for k in usable if len(k) < PREFIX), key=len, reverse=True)
    if not full or not short:
        return None
    whole = "|".join(re.escape(k) for k in short)
    return re.compile(rf"(?<![\w-])(?:{_trie(full)}|(?:{whole})(?![^\W\d_]))")


@dataclass(frozen=True, slots=True)
class Scanner:
    """One regex per key, holding only the alternatives that may begin with that key:
    an alternative that cannot begin there cannot match there, so trying the rest in
    their order finds what the whole alternation finds, at a fraction of the cost."""

    by_key: dict[str, re.Pattern[str]]
    finder: re.Pattern[str] | None

    @staticmethod
    def build(
        groups: list[tuple[str, list[str]]], lead: str, tail: str, flags: re.RegexFlag
    ) -> Scanner | None:
        """``groups``: (name, alternatives) in the whole regex's order, which is
        ``lead(?:(?P<name>alt|alt)|...)tail``; None when a start cannot be read."""
        starts = {alt: start_keys(alt) for _name, alts in groups for alt in alts}
        keys: set[str] = set()
        for found in starts.values():
            if found is None:
                return None
            keys |= found
        by_key: dict[str, re.Pattern[str]] = {}
        for key in keys:
            kept = [(name, [a for a in alts if key in (starts[a] or ())]) for name, alts in groups]
            alternation = "|".join(f"(?P<{name}>{'|'.join(alts)})" for name, alts in kept if alts)
            by_key[key] = re.compile(f"{lead}(?:{alternation}){tail}", flags)
        return Scanner(by_key, _finder(keys))

    def _positions(self, text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
        low = lowered(text)
        if self.finder is None or len(low) != len(text):
            return positions(text, start, end, self.by_key)
        return ((hit.start(), hit.group()) for hit in self.finder.finditer(low, start, end))

    def matches(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """The whole regex's ``finditer(text, start, end)``."""
        covered = start
        for pos, key in self._positions(text, start, end):
            if pos < covered:
                continue
            hit = self.by_key[key].match(text, pos, end)
            if hit:
                yield hit
                covered = hit.end()
