"""Names written in capitals where a release introduces its speakers.

In:  the clean body and its excluded spans.
Out: ``caps_names``: a person ``Candidate`` for each name in capitals opening a
     line and set off by a comma before the post it holds ("MARÍA ISABEL
     SALVATIERRA-RUIZ, Special Representative of the Secretary-General, said"),
     the style of UN meetings coverage; its label is the name in ordinary case
     ("María Isabel Salvatierra-Ruiz"), which later mentions ("Ms.
     Salvatierra-Ruiz") link to by its folded forms.
Guarantees: pure; a run of acronyms ("UN, AU and IGAD, ...") is never read as a
     name: each word must be a word of letters, most of them longer than an acronym.
"""

# ruff: noqa: RUF001, RUF002 - curly apostrophes are the text this code reads

from __future__ import annotations

import re

from kb.pipeline.entity import Candidate, in_any
from kb.pipeline.geo import lookup

# Capitals of Latin-1 and Latin Extended-A ("WIŚNIEWSKA", "OZOLIŅA"); an initial ("K.").
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ž"
_CAPS_WORD = rf"(?:[A-Z]\.|[{_UPPER}][{_UPPER}'’]*(?:-[{_UPPER}][{_UPPER}'’]*)*)"
_CAPS_NAME_RE = re.compile(
    rf"(?m)^(?:(?:MR|MS|MRS|DR)\.?\s+)?(?P<name>{_CAPS_WORD}(?:\s{_CAPS_WORD}){{1,4}}),\s+"
    # the post after it: "Special Envoy of …", "co-founder of …"
    r"(?=[A-Z][a-z]|[a-z]+(?:-[a-z]+)?\s+(?:of|at|for|and)\b)"
)
_VOWEL_RE = re.compile(r"[AEIOUY]")


def caps_names(body: str, excluded: tuple[tuple[int, int], ...]) -> list[Candidate]:
    found = []
    for match in _CAPS_NAME_RE.finditer(body):
        start, end = match.span("name")
        words = match.group("name").split()
        if in_any(start, excluded) or sum(_name_word(w) for w in words) < len(words) - 1:
            continue  # "UN, AU": acronyms, not a name
        if any(lookup(w) is not None for w in words):
            continue  # "FRANCE 24", "UNITED STATES": a place or an outlet
        text = body[start:end]
        label = " ".join(
            w.lower() if w in _PARTICLES and 0 < k < len(words) - 1 else _ordinary_case(w)
            for k, w in enumerate(words)
        )
        found.append(Candidate(start, end, text, len(words), "person", 2, label=label))
    return found


# Particles inside a name ("RAMÓN ECHEVERRÍA DE LA TORRE"): short, but no acronyms.
_PARTICLES = frozenset(
    ["DE", "DEL", "LA", "LAS", "LOS", "DA", "DAS", "DO", "DOS", "DI", "DU", "Y", "E", "VAN", "VON",
     "DER", "DEN", "TER", "BIN", "BINT", "AL", "EL", "ABU", "BEN", "LE"]
)  # fmt: skip


def _name_word(word: str) -> bool:
    """A word of a name, not an acronym: long, a particle, an initial, or three letters
    with a vowel ("NAW HTOO PAW")."""
    return (
        len(word) >= 4
        or word in _PARTICLES
        or word.endswith(".")
        or (len(word) == 3 and _VOWEL_RE.search(word) is not None)
    )


def _ordinary_case(word: str) -> str:
    """ "SALVATIERRA-RUIZ" -> "Salvatierra-Ruiz", "O’BRIEN" -> "O’Brien"."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group()[0] + m.group()[1:].lower(), word)
