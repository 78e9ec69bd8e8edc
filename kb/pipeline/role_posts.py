"""Posts: what makes a title a post, and what the words around it say.

In:  a title as the text writes it ("former Peruvian Foreign Minister"), the
     words of the clause after it, and the article's date.
Out: ``Post`` (the title without "former"/"ex-", descriptive words and a
     leading country adjective; whether it is past; the country that adjective
     names) or None when the title is a description, not a post ("ally",
     "hero", "strongman", "predecessor", "head" or "leader" alone); and the
     day a clause says the post began ("since 2019", "took office in March").
Word lists: ``data/roles.json`` (generic English, no names); country
adjectives come from ``geo``'s gazetteer.
Guarantees: pure, never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from kb.pipeline.geo import lookup
from kb.pipeline.text import fold, folded_lexicon, lexicon, load_json, strip_possessive

# A title's head noun is its last word before one of these ("Secretary of State").
_PREPOSITION_RE = re.compile(r"\s(?:of|for|to|at|in|on|from|with)\s", re.IGNORECASE)
_ARTICLES = frozenset(["the", "a", "an", "its", "his", "her", "their"])
_TIMES_RE = re.compile(r"^\w+-time$", re.IGNORECASE)  # "six-time prime minister"

_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTHS = {m.lower(): i + 1 for i, m in enumerate(_MONTH_NAMES)}
_DAY = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
_MONTH = "(?:" + "|".join(_MONTH_NAMES) + ")"
_YEAR = r"(?:19|20)\d\d"
_WHEN = rf"(?P<when>{_DAY}{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s+{_YEAR})?|{_YEAR})"
# "since 2019", "who took office in March", "was sworn in on 3 May 2021", "appointed in 2020".
_SINCE_RE = re.compile(
    r"\b(?:since|(?:took|assumed|has held|has been in) (?:office|power|the post)\s+(?:in|on|since)"
    r"|(?:appointed|elected|sworn in|named|installed|inaugurated)\s+(?:in|on))\s+" + _WHEN
)


@dataclass(frozen=True, slots=True)
class Post:
    title: str
    former: bool
    country: str | None  # the ISO code a leading country adjective names


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(fold(w) for w in load_json("roles.json")[name])


def role_words(name: str) -> frozenset[str]:
    """A folded word list of ``data/roles.json``."""
    return _words(name)


def _country_word(word: str) -> str | None:
    bare = strip_possessive(word)
    return lookup(bare) or (lookup(bare.capitalize()) if bare.islower() else None)


def head_noun(title: str) -> str:
    """The folded last word of ``title`` before its first preposition."""
    core = _PREPOSITION_RE.split(f" {title} ", maxsplit=1)[0]
    words = fold(core).split()
    while len(words) > 1 and words[-1] in _words("post_suffixes"):
        words.pop()  # "President-elect", "Prime Minister Designate"
    return words[-1] if words else ""


def is_post(title: str, qualified: bool) -> bool:
    """A post: its head noun names one, and no word of it is a description.

    ``qualified``: a country or organisation goes with the title; "leader",
    "head" and "chief" are posts only then, or with another word before them
    ("opposition leader") or an "of" after them ("head of the central bank").
    """
    folded = fold(title).split()
    if not folded or _words("not_posts") & set(folded):
        return False
    if " ".join(folded) in _words("ranks"):
        return True  # "Commandant", "Lt. Col.": a rank is a post of its own
    head = head_noun(title)
    if head in _words("posts") or head.replace(" ", "-") in _words("posts"):
        return True
    if head in _words("qualified_posts"):
        core = fold(_PREPOSITION_RE.split(f" {title} ", maxsplit=1)[0]).split()
        return qualified or len(core) > 1 or len(core) < len(folded)
    return False


def post(title: str) -> Post | None:
    """``title`` without its leading "former", descriptive words, article and country
    adjective, or None when nothing of a title is left."""
    words = title.replace("\u2019", "'").split()
    former = False
    country: str | None = None
    while words:
        word = words[0]
        key = fold(word)
        if key.startswith("ex ") and len(key) > 3:
            former, words[0] = True, word[3:]
            continue
        if key in _words("former_markers"):
            former = True
        elif key in _words("descriptive") or key in _ARTICLES or _TIMES_RE.match(word):
            pass
        elif (code := _country_word(word)) is not None and len(words) > 1:
            country = country or code
        else:
            break
        words = words[1:]
    if not words:
        return None
    return Post(" ".join(words).strip(" ,;:"), former, country)


def since(clause: str, published: date | None) -> date | None:
    """The day ``clause`` says a post began, resolved against ``published``."""
    match = _SINCE_RE.search(clause)
    if match is None:
        return None
    when = match.group("when")
    year_match = re.search(r"(?:19|20)\d\d", when)
    month_match = re.search(_MONTH, when)
    month = _MONTHS[month_match.group().lower()] if month_match else 1
    if year_match:
        year = int(year_match.group())
    elif published is not None:
        # "took office in March": the last March on or before the article's date.
        year = published.year if month <= published.month else published.year - 1
    else:
        return None
    day_match = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", when.replace(str(year), ""))
    day = int(day_match.group(1)) if day_match and month_match else 1
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 1)


# Words that may sit inside a capitalised title ("Secretary of State for Cuba").
TITLE_GLUE = frozenset(["of", "for", "and", "the", "State", "Affairs", "Foreign", "Special"])


@cache
def title_words() -> frozenset[str]:
    """Every folded word a title before a name may be made of: role nouns, titles,
    posts (with their suffixes) and ranks."""
    posts = role_words("posts")
    suffixed = {f"{p} {s}" for p in posts for s in role_words("post_suffixes")}
    titles = {fold(t) for t in lexicon("titles")}
    return folded_lexicon("role_nouns") | titles | posts | suffixed | role_words("ranks")


def is_role_noun(word: str) -> bool:
    return fold(word) in folded_lexicon("role_nouns")
