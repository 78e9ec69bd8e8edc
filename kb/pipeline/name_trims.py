"""Trims of a classified name: the words around a person's name that are no part of it.

In:  the clean body, a ``Candidate`` the classifier made, and the shared lexicon.
Out: ``trimmed``: the candidate with a post's body word ("Secretary to the Treasury X"),
     letters after the name ("X MP"), a member's title and party ("Labour MP X")
     taken off, and a Korean or Chinese given name's lower-case syllable ("Park
     Min-jun") put on; ``syllable_after``: that syllable, for the classifier's look
     past it.
Guarantees: pure except that it updates the candidate it is given; the span stays the
     candidate's text in the body.
"""

# ruff: noqa: RUF001, RUF003 - Turkish honorifics are written with a dotless i

from __future__ import annotations

import re

from kb.pipeline.entity import Candidate, Lexicon, actor_words
from kb.pipeline.text import fold

# Chinese, Korean and Taiwanese names: family name first, a hyphenated given name.
FAMILY_FIRST = actor_words("east_asian_family_names")
HYPHEN_SUFFIXES = frozenset(
    ["led", "backed", "based", "era", "style", "born", "run", "owned", "made", "linked",
     "aligned", "allied", "controlled", "like", "type", "level", "wide", "free"]
)  # fmt: skip
_SYLLABLE_RE = re.compile(r"-([a-z]{2,5})\b")


def syllable_after(text: str, pos: int = 0) -> re.Match[str] | None:
    """A given name's lower-case syllable after a hyphen at ``pos`` ("-yun" of "Hung
    Tzu-yun"); "-led", "-based" and the like are no syllable."""
    match = _SYLLABLE_RE.match(text, pos)
    return match if match and match.group(1) not in HYPHEN_SUFFIXES else None


def trimmed(body: str, cand: Candidate, lex: Lexicon) -> Candidate:
    cand = _without_post_nominal(_past_post_object(body, cand, lex))
    cand = _without_trailing_post(cand, lex)
    return _with_syllable(body, _without_member_title(cand, lex))


_MEMBERS = frozenset(["MP", "MEP", "Member", "Deputy", "Senator", "Sir", "Dame"])


def _without_member_title(cand: Candidate, lex: Lexicon) -> Candidate:
    """ "(Labour) MP Daniel Osei-Mensah", "Conservative Member Sir Hugh Pemberton-Clarke":
    a member's title and party before a name are no part of it."""
    words = cand.text.split()
    if cand.kind != "person" or len(words) < 3:
        return cand
    k = 0
    while k < len(words) - 2 and (
        words[k] in _MEMBERS or (words[k + 1] in _MEMBERS and fold(words[k]) not in lex.first_names)
    ):
        k += 1
    if k:
        cut = cand.text.index(words[k], sum(len(w) + 1 for w in words[:k]) - 1)
        cand.start += cut
        cand.text = cand.text[cut:]
        cand.ntokens -= k
    return cand


_POST_NOMINALS = frozenset(
    ["MP", "MEP", "MSP", "MLA", "TD", "QC", "KC", "OBE", "CBE", "MBE", "KBE", "PhD"]
)


# Honorifics written after the name: "Salihoğlu Bey", "Ayten Hanım" (Turkish dotless i),
# "Nawaz Sahib".
_AFTER_HONORIFICS = frozenset(
    ["Bey", "Hanım", "Hanim", "Efendi", "Pasha", "Paşa", "Sahib", "Saheb"]
)
AFTER_HONORIFIC = "(?:" + "|".join(sorted(_AFTER_HONORIFICS)) + ")"


def _without_post_nominal(cand: Candidate) -> Candidate:
    """ "Dame Helen Achterberg-Moss MP", "Salihoğlu Bey": letters or an honorific after a
    name are no part of it."""
    words = cand.text.split()
    if cand.kind == "person" and (
        (len(words) >= 3 and words[-1] in _POST_NOMINALS)
        or (len(words) >= 2 and words[-1] in _AFTER_HONORIFICS)
    ):
        _drop_last_word(cand)
        cand.single = " " not in cand.text  # "Ayten (Hanım)": a first name, linked as one
    return cand


def _drop_last_word(cand: Candidate) -> None:
    cand.text = cand.text[: cand.text.rfind(" ")]
    cand.end = cand.start + len(cand.text)
    cand.ntokens -= 1


# Posts one holder fills, which end no body's name unless "of" leads to them ("Office
# of the President").
_TRAILING_POSTS = frozenset(
    ["Commander", "Chief", "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Minister",
     "Speaker", "Governor", "Mayor", "Ambassador", "Envoy", "Coordinator", "Chairman",
     "Chairwoman", "Chairperson"]
)  # fmt: skip


def _without_trailing_post(cand: Candidate, lex: Lexicon) -> Candidate:
    """ "The Jaffna Security Forces Commander, Major General X,": the post of a body's
    head is no part of the body's name, which ends on its own head word ("Forces"; not
    "WHO Regional Director")."""
    words = cand.text.split()
    if (
        cand.kind == "organization"
        and len(words) >= 3
        and words[-1] in _TRAILING_POSTS
        and words[-2] in lex.org_heads
        and " of " not in cand.text
    ):
        _drop_last_word(cand)
    return cand


_POST_TO_RE = re.compile(r"\b[A-Z][\w-]+ (?:to|of|for) the $")


def _past_post_object(body: str, cand: Candidate, lex: Lexicon) -> Candidate:
    """ "Secretary to the Treasury Lalith Gunasekara-Mendis": the post ends on its body's
    word; the name begins at the first name after it."""
    words = cand.text.split()
    if (
        cand.kind != "person"
        or len(words) < 3
        or fold(words[0]) in lex.first_names
        or (fold(words[1]) not in lex.first_names and words[0] not in lex.org_heads)
        or not _POST_TO_RE.search(body, max(0, cand.start - 40), cand.start)
    ):
        return cand
    skip = len(words[0]) + 1
    cand.start += skip
    cand.text = cand.text[skip:]
    cand.ntokens -= 1
    return cand


def _with_syllable(body: str, cand: Candidate) -> Candidate:
    """ "Park Min-jun", "Hwang Joon-kook", "Albert Hui Ka-lok": a Korean or Cantonese
    given name's second syllable is written in lower case after a hyphen, and still part
    of the name ("Ruiz-led" is no syllable)."""
    words = cand.text.split()
    if cand.kind == "person" and (
        # "CHEN Yi-ting": a family name may be written in capitals
        (len(words) == 2 and words[0].title() in FAMILY_FIRST)
        or (len(words) == 3 and words[1].title() in FAMILY_FIRST)
    ):
        syllable = syllable_after(body, cand.end)
        if syllable:
            cand.end = syllable.end()
            cand.text = body[cand.start : cand.end]
    return cand
