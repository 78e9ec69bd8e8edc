"""Where a cue can start: the word starts whose first letters begin some cue.

In:  the cue patterns (``data/stances.json``) and a text.
Out: ``start_keys(fragment)``: the lowercase first letters (up to ``PREFIX``)
     any match of a pattern can begin with, read off its parsed form;
     ``matches(regex, keys, text, start, end)``: the regex's matches, tried only
     at word starts that begin with a key.
Guarantees: the same matches as ``regex.finditer`` (the keys over-approximate
every way a pattern can begin; a pattern whose start cannot be read gives
None, and then callers scan everywhere). Trying the ~150-way alternation at
every word cost more than the rest of the stance stage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

PREFIX = 3
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


def positions(text: str, start: int, end: int, keys: frozenset[str]) -> Iterator[int]:
    """Word starts in ``text[start:end]`` where some cue may begin: a word shorter
    than PREFIX must be a whole key ("a", "is"), a longer one begin with one."""
    for hit in _WORD_RE.finditer(text, start, end):
        word = hit.group()
        if (word if len(word) < PREFIX else word[:PREFIX]).lower() in keys:
            yield hit.start()


def matches(
    regex: re.Pattern[str], keys: frozenset[str] | None, text: str, start: int, end: int
) -> Iterator[re.Match[str]]:
    """``regex.finditer(text, start, end)``, tried only where a key begins a word."""
    if keys is None:
        yield from regex.finditer(text, start, end)
        return
    covered = start
    for pos in positions(text, start, end, keys):
        if pos < covered:
            continue
        hit = regex.match(text, pos, end)
        if hit:
            yield hit
            covered = hit.end()
