"""Name folding: the one definition of "the same name" used everywhere.

``fold("Ibáñez")`` and ``fold("IBANEZ")`` are both ``"ibanez"``. The database
indexes aliases by this key and the pipeline matches names with it, so the two
must never disagree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+")


# Every memo in the pipeline holds at most this many entries. Names and words
# repeat across articles, but a newsroom's vocabulary keeps growing, so an
# unbounded memo would grow with the corpus; bounded, an import's memory is flat.
MEMO_ENTRIES = 1 << 14


# Longer strings are whole lines and paragraphs (the cleaner compares them):
# they recur within one article only, so they get a memo of their own, sized
# for one article, instead of pushing the names out of the big one.
_NAME_LENGTH = 64


def fold(name: str) -> str:
    """Accent-, case- and punctuation-insensitive key for a name."""
    if len(name) > _NAME_LENGTH:
        return _memo_fold_line(name)
    return _memo_fold(name)


def _fold(name: str) -> str:
    if name.isascii():
        # NFKD leaves ASCII as it is and casefold() is lower() there: the same
        # key, without walking the string character by character.
        return _NON_WORD.sub(" ", name.lower()).strip()
    stripped = unicodedata.normalize("NFKD", name)
    # Marks are never ASCII: translate (slow per character) only a text that has one.
    if any(unicodedata.combining(c) for c in _ASCII_RUNS.sub("", stripped)):
        stripped = stripped.translate(_MARKS)
    return _NON_WORD.sub(" ", stripped.casefold()).strip()


_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")


class _Marks(dict[int, int | None]):
    """``str.translate`` table deleting combining marks, filled in as code points are met
    (half the time of testing every character in Python)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_MARKS = _Marks()


_memo_fold = lru_cache(maxsize=MEMO_ENTRIES)(_fold)
_memo_fold_line = lru_cache(maxsize=1024)(_fold)
