"""What a name's own shape says: a patronymic, an elided particle, a Turkic "oglu",
or a plural of people ("Economists", "Tamil Nadu politicians") that is no one's name.

In:  a candidate's words or text, and the shared lexicon.
Out: ``name_shaped`` (the words look like a person's name of their own) and
     ``plural_of_people`` (a plural noun of people or posts).
Guarantees: pure functions of their arguments.
"""

from __future__ import annotations

import re

from kb.pipeline.entity import Lexicon
from kb.pipeline.text import fold
from kb.pipeline.wordlists import words

_PATRONYMIC_RE = re.compile(r"[A-Z]\w+(?:ovich|evich|ovna|evna|ichna)")
_ELIDED_NAME_RE = re.compile(r"[A-Z]['\u2019][A-Z]\w+")  # O'Rourke, N'Diaye, D'Souza
_TURKIC_PARTICLES = frozenset(["oglu", "ogly", "kyzy", "gizi", "uulu", "bint", "bin", "ibn"])


def name_shaped(words: tuple[str, ...]) -> bool:
    """Whether the words are shaped like a person's name whatever the first name:
    "Siobhan O'Rourke", "Lilit Karenovna Avetisyan", "Elnur Tofig oglu Hasanli"."""
    return any(
        _ELIDED_NAME_RE.fullmatch(w) or _PATRONYMIC_RE.fullmatch(w) or w in _TURKIC_PARTICLES
        for w in words[1:]
    )


def plural_of_people(text: str, lex: Lexicon) -> bool:
    """ "Economists", "fishermen": a plural of people or posts, no one's name."""
    word = fold(text)
    if word.endswith("men"):  # "fishermen", "policemen"
        return word[:-3] + "man" in words("ordinary_people") or word[:-3] + "man" in lex.role_nouns
    return word.endswith("s") and (
        word[:-1] in lex.role_nouns or word[:-1] in words("ordinary_people")
    )
