"""Whether the words after a capitalised run go on with a post.

In:  the text after a run (up to 80 characters).
Out: ``qualifies_post`` (a body's post follows: "… lawmaker X"), ``post_joins`` ("and"
     joins the run to the rest of one post: "(Refugee Relief) and Repatriation
     Commissioner") and ``post_continues`` ("(UN Resident) and Humanitarian
     Coordinator").
Guarantees: pure; reads only the text given.
"""

from __future__ import annotations

import re

from kb.pipeline.entity import Lexicon, shared_lexicon
from kb.pipeline.geo import is_geo_word
from kb.pipeline.person_context import ADMIN_RE
from kb.pipeline.text import fold

_AND_POST_RE = re.compile(r"\s+and\s+(?:[A-Z][\w-]*\s+){0,2}(?P<noun>[A-Z][\w-]*)\b")
_POST_THEN_NAME_RE = re.compile(r" (?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*) [A-Z][\w'\u2019-]")


# Posts in a body, not in a person's circle ("Trudeau ally X", "Blinken spokesman Y").
_BODY_POSTS = frozenset(
    ["councillor", "councilor", "lawmaker", "legislator", "senator", "deputy", "mp",
     "commander", "member", "chairman", "chairwoman", "mayor", "governor"]
)  # fmt: skip


def qualifies_post(after: str, lex: Lexicon) -> bool:
    """Whether a lower-case post in a body follows the run ("Trudeau ally X" is no
    post of Trudeau's; "Renewal Party lawmaker X" is)."""
    match = _POST_THEN_NAME_RE.match(after)
    return (
        match is not None
        and fold(match.group(1)) in _BODY_POSTS
        and not ADMIN_RE.match(after)  # "the Obama administration official X"
    )


def post_joins(after: str) -> bool:
    """Whether "and" joins a run to the rest of one post ("and Repatriation
    Commissioner"), not to a second person's post ("and Commissioner Mollah")."""
    match = _AND_POST_RE.match(after)
    if match is None:
        return False
    nouns = shared_lexicon().role_nouns
    joined = match.group().split()[1:]
    if fold(joined[0]) in nouns or is_geo_word(joined[0]):
        return False  # "and Japanese Deputy Foreign Minister X": another person's post
    return any(fold(w) in nouns for w in joined[1:])


def post_continues(after: str) -> bool:
    """Whether "and" after a name joins it to a post's last words: "(UN Resident) and
    Humanitarian Coordinator"."""
    match = _AND_POST_RE.match(after)
    if match is None:
        return False
    # "and Humanitarian Coordinator Carlos …": any of the capitalised words may be the post.
    nouns = shared_lexicon().role_nouns
    return any(fold(w) in nouns for w in match.group().split()[1:])
