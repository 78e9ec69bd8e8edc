"""Whether two forms of a person's name are one person, within one article.

In:  name forms as the text spells them ("María José de la Fuente y Ortiz",
     "De la Fuente", "Wang", "Ibanes").
Out: ``same_person`` for two multi-word forms; ``surname_match`` for a lone word
     against a person's multi-word forms (3 exact surname, 2 inner name, 1 fuzzy).
Guarantees: pure and memoised; accent- and case-blind (folded words); an East
     Asian family name matches as the first word only for names of up to three
     words, from a generic list of family names (never a list of people).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from kb.pipeline.entity import (
    PATRONYMIC_PARTICLES,
    PERSON_PARTICLES,
    Entity,
    actor_words,
    parts,
    shared_lexicon,
)
from kb.pipeline.fold import MEMO_ENTRIES
from kb.pipeline.text import fold


@lru_cache(maxsize=MEMO_ENTRIES)
def same_person(a: str, b: str) -> bool:
    """Guarded fuzzy match of two multi-word names: same first name, near-identical rest."""
    ta, tb = _particles_as_one(parts(a)), _particles_as_one(parts(b))
    if ta == tb or (len(ta) == 2 and ta == tb[::-1]):
        return True  # "Vadász Béla" and "Béla Vadász": a Hungarian name in either order
    if ta[-1] == tb[-1] and (set(ta) <= set(tb) or set(tb) <= set(ta)):
        return True
    if _inner_run(ta, tb) or _inner_run(tb, ta):
        return True  # "De la Fuente" in "María José de la Fuente y Ortiz"
    if _leading_run(ta, tb) or _leading_run(tb, ta):
        return True  # "Gennady Pavlovich": the given name and patronymic of the full name
    if _spelled_apart(ta, tb) or _spelled_apart(tb, ta):
        return True
    if _misspelt_given(ta, tb) or _misspelt_given(tb, ta):
        return True
    if _initialled(ta, tb) or _initialled(tb, ta):
        return True
    return len(ta) == len(tb) and ta[0] == tb[0] and ratio(" ".join(ta[1:]), " ".join(tb[1:])) >= 80


# Transliterations of one Arabic particle: "Abou Ras" is "Abu Ras", "el-Hassan" "al-Hassan".
_PARTICLE_SPELLINGS = {"abou": "abu", "abo": "abu", "el": "al"}


def _particles_as_one(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(
        _PARTICLE_SPELLINGS.get(w) or ("al-" + w[3:] if w.startswith("el-") else w) for w in words
    )


def _leading_run(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``short`` (two words or more) opens ``full`` of three words or more: a given name
    and patronymic ("Gennady Pavlovich Sokolnikov"), or a first surname's full name."""
    return (
        2 <= len(short) < len(full)
        and len(full) >= 3
        and full[: len(short)] == short
        and short[0] not in _ARTICLES  # "Los Buitres del Pacífico": a gang's name
    )


_ARTICLES = frozenset(["los", "las", "el", "la", "le", "les", "the", "al", "o", "os", "as"])


def _inner_run(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``short`` is a run of ``full``'s words after its first, with a real name in it
    (not particles alone): a double surname with its particles."""
    n = len(short)
    if n < 2 or n >= len(full) or not any(len(w) > 2 and w not in PERSON_PARTICLES for w in short):
        return False
    return any(full[k : k + n] == short for k in range(1, len(full) - n + 1))


def _spelled_apart(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """A translation's other spelling of the end of ``full``: "Nasir Uddin" for
    "Abul Mansur Nasiruddin" (written apart), "Selaya del Valle" for "Ramón Antonio
    Zelaya del Valle" (one letter off, at least three words)."""
    n = len(short)
    if n < 2 or n >= len(full):
        return False
    if "".join(short) == full[-1]:
        return True
    if n == 2:
        return _misspelt_pair(short, full[-2:])
    return ratio(" ".join(short), " ".join(full[-n:])) >= 90


def _initialled(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """ "V. A. Petrosyants" for "Vahagn Arturovich Petrosyants": the same surname, the
    given names written as initials, two at least ("R. Mammadli" is any R.)."""
    given = short[:-1]
    return (
        len(given) >= 2
        and short[-1] == full[-1]
        and all(len(w) == 1 for w in given)
        and len(full) - 1 >= len(given)
        and all(w == f[0] for w, f in zip(given, full, strict=False))
    )


def _misspelt_given(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """ "Yusleydi Mora" for "Yusleidy Carolina Mora": the same surname, a given name a
    letter or two off, neither a given name of its own ("Maria" is no "Mario")."""
    if len(short) != 2 or len(full) < 3 or short[-1] != full[-1]:
        return False
    a, b = short[0], full[0]
    first_names = shared_lexicon().first_names
    if a == b or min(len(a), len(b)) < 6 or a in first_names or b in first_names:
        return False
    # "yusleydi" / "yusleidy": two letters swapped, the same letters
    return a[0] == b[0] and (ratio(a, b) >= 80 or sorted(a) == sorted(b))


def _misspelt_pair(short: tuple[str, ...], tail: tuple[str, ...]) -> bool:
    """ "Rangel Cifontes" for "Jorge Alberto Rangel Sifontes", "Kapenda Mutango" for
    "Sebastião Luís Capenda Mutango": one word the same, the other one letter or two
    off; never two first names ("Carla Pérez" is no "María Carlos Pérez")."""
    same = [a == b for a, b in zip(short, tail, strict=True)]
    if sum(same) != 1:
        return False
    a, b = next((x, y) for x, y, s in zip(short, tail, same, strict=True) if not s)
    first_names = shared_lexicon().first_names
    if min(len(a), len(b)) < 5 or a in first_names or b in first_names:
        return False
    return ratio(a, b) >= 80


# Chinese, Korean and Vietnamese names put the family name first: a later lone
# "Wang" is "Wang Lixin".
_FAMILY_FIRST = frozenset(fold(w) for w in actor_words("east_asian_family_names"))


def surname_match(token: str, entity: Entity) -> int:
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
    """``surname_match`` against one multi-word form; the same pairs recur all article long."""
    words = parts(form)
    if key == words[-1] or key == " ".join(words[1:]):
        return 3
    if " " in key and key == " ".join(words[-len(key.split()) :]) and len(words) > len(key.split()):
        return 3  # "N'Diaye" (folded "n diaye") for "Mamadou Lamine N'Diaye"
    if key == words[0] and key in _FAMILY_FIRST and len(words) <= 3:
        return 3
    if key in words[1:]:
        return 2
    if len(key) >= 5 and ratio(key, words[-1]) >= 80 and key[0] == words[-1][0]:
        return 1
    if (
        len(key) >= 6
        and len(words) >= 4
        and any(
            key[0] == w[0] and ratio(key, w) >= 85 for w in words[1:-1] if w not in PERSON_PARTICLES
        )
    ):
        return 1  # "Colmenarez" for "Aníbal José Colmenares Rondón": the first surname
    if (
        key == words[0]
        and key not in PERSON_PARTICLES
        and (
            len(words) <= 3
            or words[1] in PATRONYMIC_PARTICLES
            # a Samoan title no lexicon lists as a given name opens the name and stands for it
            or key not in shared_lexicon().first_names
        )
    ):
        # "Zhai" for "Zhai Mingde", "Letay" for "Letay Gebremariam", "Mwanaisha" for
        # "Mwanaisha binti Salum Khamis" (a name with a patronymic goes by its first),
        # "Seiuli" for "Seiuli Fa'amoana Tuilagi"
        return 1
    if len(key) >= 5 and len(words) >= 2:
        # "Al-Obeidi" for "Abdulsattar Hamid el-Ubeydi": one Arabic name, transliterated twice
        sound = _transliterated(key)
        if sound in (_transliterated(words[-1]), _transliterated(" ".join(words[-2:]))):
            return 1
    return 0


_ARTICLE_RE = re.compile(r"^(?:al|el|ul|as|ash|ad|an|ar|at|az)\s")
_VOWELS = str.maketrans("oey", "uii")


def _transliterated(name: str) -> str:
    """A folded name as Arabic transliterations agree on it: no article, "ou", "o" as
    "u", "ei", "ey", "e" as "i", no doubled letter."""
    name = _ARTICLE_RE.sub("", name)
    for pair, one in (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "i"), ("ey", "i")):
        name = name.replace(pair, one)
    return re.sub(r"(.)\1", r"\1", name.translate(_VOWELS))
