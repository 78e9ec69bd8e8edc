"""The posts around a name that make it a person: set off after it, before it, or
reported ("said the deputy of the PSUV, X").

In:  the text before and after a capitalised piece, and the lexicon.
Out: ``appositive_evidence`` (", the president of …", ", a hydrologist at …"),
     ``named_after_role`` ("the foreign minister, X"), ``reported_post_before``
     ("said the deputy …"), ``post_of_group`` ("a commander of the militia X"),
     ``described_after`` ("a Sudanese doctor X" read as a description), the post
     of a body before a name (``POST_OF_BODY_BEFORE_RE``) and ``GROUP_NOUNS``.
Guarantees: pure; reads only the text it is given.
"""

from __future__ import annotations

import re

from kb.pipeline.entity import CORE_TITLES, Lexicon
from kb.pipeline.geo import lookup
from kb.pipeline.text import fold
from kb.pipeline.wordlists import words

# "an ally of President Ruiz, Pavel Orsk.": a role, a comma, then the name.
_ROLE_COMMA_RE = re.compile(r"\b([a-z][a-z-]+|[A-Z][A-Za-z]+)\s*,\s+$")


# "Olivier Nduhungirehe of Rwanda": a name, then its country.
OF_COUNTRY_RE = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})")


APPOSITIVE_RE = re.compile(
    r"\s*,\s+(?:who\b|whose\s+(?:husband|wife|son|daughter|father|mother|brother|sister|"
    r"children|parents|family)\b|(?:himself\s+|herself\s+)?(?:(one of)\s+)?"
    # "Gul Bibi, a 52-year-old widow": an age before the noun
    r"(?:(a|an|the|his|her|its|their)\s+)?(?:\d{1,3}-year-old\s+)?"
    r"([a-z][\w-]*|(?<=[a-z] )[A-Z][\w-]*"
    r"|[A-Z][\w.-]*(?=['\u2019]s\s)))"  # "X, WFP's country director,"
)


GROUP_NOUNS = frozenset(
    ["militia", "militias", "group", "groups", "rebels", "movement", "coalition", "fighters",
     "gang", "gangs", "faction", "factions", "alliance", "network", "party", "organisation",
     "organization", "force", "forces", "brigade", "brigades"]
)  # fmt: skip


# People a place names, not a body: "a Pentagon official", "a Chevron engineer" are a
# body's, so those nouns are left out.
_BODY_STAFF = frozenset(
    ["official", "officer", "source", "diplomat", "soldier", "volunteer", "worker", "engineer",
     "mechanic"]
)  # fmt: skip


def described_after(after: str) -> bool:
    """Whether an ordinary person's noun follows: "(a Solino) resident"."""
    word = re.match(r"\s+([a-z][\w-]*)", after)
    return (
        word is not None
        and word.group(1) in words("ordinary_people")
        and word.group(1) not in _BODY_STAFF
    )


POST_OF_BODY_BEFORE_RE = re.compile(
    r"\b(?P<noun>[a-z]+) of (?:the )?[A-Z][^()\n]{1,60}\([A-Z]{2,8}\)\s+$"
)


_REPORTED_POST_RE = re.compile(
    r"\b(?:said|says|added|told|according to)\s+(?:the\s+)?"
    # "said Ecowas commissioner for political affairs, peace and security X": the body
    # before the post, a portfolio listed with commas
    r"(?:[A-Z][\w.-]*(?: [A-Z][\w.-]*)?(?:['\u2019]s)?\s+)?((?:[a-z][\w-]*,?\s+){1,10})$"
)


def reported_post_before(before: str, lex: Lexicon) -> bool:
    """ "said deputy minister of foreign affairs and international cooperation X": a
    reporting verb, then a post in lower case, then the name."""
    match = _REPORTED_POST_RE.search(before)
    if match is None or match.group(1).split()[-1] in ("for", "of", "in", "to", "at", "on"):
        return False  # "chief for Ruritania X": the post's place opens the name
    return any(fold(w.rstrip(",")) in lex.role_nouns for w in match.group(1).split())


def named_after_role(before: str, after: str, lex: Lexicon) -> bool:
    """ "the criminal judge who approved them, Fredy Orellana.", "the Permanent
    Representative ... to the United Nations, Hwang Joon Kook,": a role noun or title
    in the clause before the comma; or "Olivier Nduhungirehe of Rwanda": a country
    after the name."""
    # Cheap tests first: most names are followed by no "of" and preceded by no comma.
    of_country = OF_COUNTRY_RE.match(after) if " of " in after[:5] else None
    if of_country and lookup(of_country.group(1)) is not None:
        return True
    if not before.rstrip().endswith(",") or not _ROLE_COMMA_RE.search(before, len(before) - 40):
        return False
    clause = re.split(r"[.;:!?\n“”\"()]", before)[-1]
    if clause == before:
        clause = clause.split(" ", 1)[-1]  # the window may start inside a word
    if not re.search(r"\b[a-z]{3,}\b", clause) and not (
        re.search(r"\b(?:of|for)\b", clause) and any(w in CORE_TITLES for w in clause.split())
    ):
        # "Key Representative Says, Restating ...": a headline in title case; but "The
        # Minister of Communication, X," is a post
        return False
    ordinary = words("ordinary_people")  # "A schoolteacher from Falam, X,"
    return any(
        w in lex.titles
        or fold(w) in lex.role_nouns
        or fold(w).removesuffix("s") in lex.role_nouns
        or w in ordinary
        for w in re.findall(r"[\w-]+", clause)
    )


# Nouns of a trade by their ending: "hydrologist", "physician", "statistician".
_PROFESSION_RE = re.compile(r"[a-z]{3,}(?:ologist|ist|ician|grapher|nomist)")


def appositive_evidence(after: str, role_before: bool, lex: Lexicon) -> int | None:
    """Person evidence from what follows a comma: 2 for ", who" or a role noun, 0 for
    nothing, None when a body's noun follows ("X, the group that ...")."""
    appositive = APPOSITIVE_RE.match(after)
    if not appositive:
        return 0
    if appositive.group(3) is None:
        return 2  # ", who ..."
    # "X, WFP's country director": an owner, then a post in lower case (not "on X,
    # Eritrea's Information Minister Y", where the name the post goes with follows).
    owner = bool(_OWNER_THEN_POST_RE.match(after, appositive.end(3)))
    if (
        appositive.group(1)
        or appositive.group(2)
        or owner
        or fold(appositive.group(3)) in lex.role_nouns
    ):
        # ", the president of ...", ", one of the alliance's leaders", ", head of ...":
        # a role anywhere in the first words makes a person; a body's noun, a body.
        clause = after[appositive.start(3) :]
        # "X, the World Food Programme's country director,": the post follows the owner.
        owned = _OWNED_RE.search(clause[:80])
        if owned:
            clause = clause[owned.end() :]
        nouns = [fold(n) for n in re.findall(r"[\w-]+", clause)[:5]]
        if any(n in lex.role_nouns or n.removesuffix("s") in lex.role_nouns for n in nouns):
            return 2
        head = re.split(r"[,.;:(]", clause, maxsplit=1)[0].split()[-1:]
        if any(n in words("ordinary_people") for n in nouns) and not (
            head and fold(head[0]) in GROUP_NOUNS
        ):
            return 2  # "Musa, a motorcycle taxi driver,", not "Al-Nour, a separatist group,"
        if (
            nouns
            and _PROFESSION_RE.fullmatch(nouns[0])
            and not any(n in lex.org_role_nouns or n in GROUP_NOUNS for n in nouns)
        ):
            return 2  # "Yonas Gebremedhin, a hydrologist at …": a trade's noun
        if any(n in lex.org_role_nouns for n in nouns) and not role_before:
            return None
    return 0


# An owner's possessive opening an apposition: its capitalised name, then 's.
_OWNED_RE = re.compile(r"^(?:[A-Z][\w.&-]*\s+){0,5}?[A-Z][\w.&-]*['\u2019]s\s+")
_OWNER_THEN_POST_RE = re.compile(r"['\u2019]s\s+[a-z]")
_POST_OF_RE = re.compile(
    r"\b([a-z][a-z-]+)\s+(?:to|of|for|at|with|in)\s+(?:the|a|an|its)\s+(?:[a-z][\w-]*\s+){0,2}$"
)


def post_of_group(before: str, lex: Lexicon) -> bool:
    """ "Montiel's envoy to the group, (X,)": the group is a post's complement, and the
    name set off after it is the post holder's."""
    match = _POST_OF_RE.search(before[-40:])
    return match is not None and fold(match.group(1)) in lex.role_nouns
