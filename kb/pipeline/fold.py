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


# Names and words repeat across articles; the cache is bounded, so memory is too.
@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Accent-, case- and punctuation-insensitive key for a name."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", stripped.casefold()).strip()
