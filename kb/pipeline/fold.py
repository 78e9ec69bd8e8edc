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


@lru_cache(maxsize=MEMO_ENTRIES)
def fold(name: str) -> str:
    """Accent-, case- and punctuation-insensitive key for a name."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", stripped.casefold()).strip()
