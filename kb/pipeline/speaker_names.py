"""The name a reporting cue or a title leads to.

In:  the clean body, a position right after a cue ("said ", "according to ") or a
     quote, and the mentions outside quotes.
Out: ``named_after``: the last person a run of title words leads to ("said UN
     refugee chief Ana Ruiz", "said Congo's deputy minister of foreign affairs and
     international cooperation X"), the person set off after them ("said Okafor's
     deputy, Lena Brooks"), else the body or country that opens it, else None
     (a possessor, a post with no name read, "said IMF mission chief X" with X
     unread); ``is_title_gap``: whether text between a cue and a name is only
     title words; ``owns``: whether a name is a possessive ("the United Nations'").
Guarantees: pure; the mention returned is one of those given.
"""

# ruff: noqa: RUF001, RUF003 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re

from kb.pipeline.geo import is_geo_word
from kb.pipeline.text import fold, folded_lexicon
from kb.pipeline.types import Mention
from kb.pipeline.wordlists import words

FUNCTION_WORDS = words("function_words")


LOWER_TITLES = (
    words("person_descriptions") | words("org_descriptions") | folded_lexicon("role_nouns")
)


# The words of a title or description between a verb or quote and the name they
# introduce: "UN refugee chief", "Renewal Party lawmaker", "the Minister of Foreign
# Affairs"; no punctuation but a possessive, no clause word ("while", "in").
_TITLE_WORD_RE = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z][a-z]{0,3}\.|[A-Za-z][\w-]*(?:[’']s)?|[a-z][’'][a-z]+"  # "d'affaires"
    r"|W/(?:ro|t|o)"  # Amharic honorifics: "W/ro" (Weyzero), "W/t" (Weyzerit)
)


_POSTS_TO = frozenset(
    ["ambassador", "envoy", "representative", "adviser", "advisor", "delegate", "emissary",
     "secretary", "assistant", "aide", "counsellor", "counselor"]
)  # fmt: skip


_TITLE_GLUE = frozenset(["of", "for", "the", "a", "an", "his", "her", "its", "their"])


def owns(body: str, end: int) -> bool:
    """Whether the name ending at ``end`` is a possessive: "Okafor's", "the United
    Nations' envoy"."""
    mark = body[end : end + 2]
    return mark in ("'s", "’s") or (
        body[end - 1 : end] == "s" and mark[:1] in ("'", "’") and mark[1:] in (" ", "")
    )


def is_title_gap(text: str) -> bool:
    """Whether ``text`` (between a verb or quote and a name) is only title words."""
    # A Polynesian name may open on a glottal stop: "Supervisor of Elections ‘Eleni Fifita".
    parts = text.removesuffix("‘").removesuffix("ʻ").split()
    if len(parts) > 9 or len(text) > 90 or "\n" in text:
        return False
    for k, part in enumerate(parts):
        if not _TITLE_WORD_RE.fullmatch(part):
            return False
        if (
            part == "and"
            and 0 < k < len(parts) - 1
            and parts[k - 1].islower() == parts[k + 1].islower()
        ):
            # "minister of foreign affairs and international cooperation", "Resident
            # and Humanitarian Coordinator": one post's words on both sides
            continue
        if part == "to" and k > 0 and parts[k - 1].lower() in _POSTS_TO:
            continue  # "former ambassador to Belgium X"
        if part.lower() == "under" and parts[k + 1 : k + 2] in (["Secretary"], ["secretary"]):
            continue  # "Treasury Under Secretary X": a post, not a preposition
        if part == "in" and 0 < k < len(parts) - 1 and parts[k + 1][:1].isupper():
            continue  # "Humanitarian Coordinator in Mozambique": where the post is held
        if (
            part.lower() in FUNCTION_WORDS
            and part.lower() not in _TITLE_GLUE
            and not (part.isupper() and len(part) > 1)  # "WHO" is a body, not "who"
        ):
            return False
    return True


# A post in lower case whose portfolio lists its fields with commas.
_PORTFOLIO_LIST_RE = re.compile(r"\s+[a-z][a-z -]*(?:\s+(?:for|of)\s+)[a-z ]+(?:,\s*[a-z ]+)+\s+")
_APPOSED_NAME_RE = re.compile(r"(?P<title>[^,.;:“”\"\n]{0,70}),\s+")
_SECOND_APPOSITION_RE = re.compile(r"[a-z][^,.;:“”\"\n]{0,60},\s+")


# A sentence's end after a word no abbreviation ("Lima. "), not "Brig. " or "U.S. ".
_SENTENCE_END_RE = re.compile(r"(\w*[a-z]{3})[.!?]\s")


def named_after(body: str, pos: int, mentions: list[Mention]) -> Mention | None:
    """The actor a noun phrase starting at ``pos`` names: the last person its title
    words lead to ("said UN refugee chief Ana Ruiz while …" -> Ana Ruiz) or the
    person set off after them ("said Okafor's deputy, Lena Brooks"), else the body
    or country that opens it ("said Ruritania in a statement"). A possessor owns
    the title and is not the one named ("Okafor's deputy")."""
    found: list[Mention] = []
    last = pos
    for m in mentions:
        if m.start < pos or m.start > pos + 100 or m.kind == "demonym":
            continue
        # A body's own name is title words too: "said Land and Justice Party lawmaker X".
        if m.start < last:
            continue  # a name inside the one before ("Armenia" in "Armenia Alliance")
        gap = body[last : m.start]
        if any(len(w) > 4 or is_geo_word(w) for w in _SENTENCE_END_RE.findall(gap)):
            break  # "said Ferreira de Lima. Ana Ruiz …": the next sentence names no speaker
        if found and gap[:2] in ("'s", "’s"):
            gap = gap[2:]  # "said Congo's deputy minister X": the owner's post
        # "said FAO Representative in Somalia X": where the post is held.
        held_in = m.kind == "country" and gap.endswith(" in ") and is_title_gap(gap[:-3])
        # "said World Food Programme (WFP) Sudan country director X": the acronym in brackets
        # is the body's name again.
        bare = gap.replace("(", " ").replace(")", " ") if found and gap.strip() else gap
        if found and _PORTFOLIO_LIST_RE.fullmatch(bare):
            # "commissioner for political affairs, peace and security": one portfolio
            bare = bare.replace(",", " ")
        if not is_title_gap(bare) and not held_in:
            break
        found.append(m)
        last = m.end
    owned = [m for m in found if owns(body, m.end)]
    people = [m for m in found if m.kind == "person" and m not in owned]
    if people:
        return people[-1]
    apposed = _APPOSED_NAME_RE.match(body, pos)
    if apposed and is_title_gap(re.sub(r"[()]", " ", apposed.group("title")) + " "):
        # "said the president of the Senate, Tomas Vidal, on Monday", "affirmed the
        # Commissioner of the Government, Commandant Ana Ruiz, at the opening"
        ats = [apposed.end()]
        second = _SECOND_APPOSITION_RE.match(body, apposed.end())
        if second:
            ats.append(second.end())  # "the deputy of PJ, party member of the MUD, X"
        for at in ats:
            person = next(
                (
                    m
                    for m in mentions
                    if m.kind == "person"
                    and at <= m.start <= at + 40
                    and (m.start == at or is_title_gap(body[at : m.start]))
                ),
                None,
            )
            if person is not None:
                return person
    found = [m for m in found if m not in owned]
    if not found or owned:
        return None
    if set(fold(body[pos : found[0].start]).split()) & LOWER_TITLES:
        return None  # "said the president of the Senate": the post's holder, unnamed
    if _POST_AFTER_RE.match(body, found[-1].end) and found[-1].kind != "person":
        return None  # "said a PDF battalion commander who …": someone of the body, unnamed
    if any(_holder_follows(body, m.end) for m in found):
        # "said NUG foreign minister Ana Ruiz", "said IMF mission chief for Sri Lanka
        # Ana Ruiz": a name we did not read as one holds the post
        return None
    return found[0]


# A body's spokesperson speaks for it: "said a State Department spokesperson".
_SPOKES = frozenset(["spokesman", "spokeswoman", "spokesperson"])
_POST_AFTER_RE = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,3}(?:"
    + "|".join(re.escape(w) for w in sorted(folded_lexicon("role_nouns") - _SPOKES))
    + r")\b(?!['’])"
)
_HOLDER_AFTER_RE = re.compile(
    r"(?P<title>(?:\s+[a-z][\w-]*){1,4}(?:\s+(?:for|of)(?:\s+[A-Z][\w-]*){1,3})?)"
    r"\s+(?:(?:Dr|Mr|Ms|Mrs)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+"
)


def _holder_follows(body: str, pos: int) -> bool:
    """Whether a post and a name follow a body's name: "IMF mission chief Ana Ruiz"."""
    match = _HOLDER_AFTER_RE.match(body, pos)
    return match is not None and bool(set(fold(match.group("title")).split()) & LOWER_TITLES)
