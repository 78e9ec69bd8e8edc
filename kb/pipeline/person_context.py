"""The context that makes a capitalised piece a person (or, after all, a body).

In:  a ``Candidate`` not yet given a kind, its ``Traits``, and the text before
     and after it.
Out: ``person_by_context``: the candidate as a person with an evidence weight (a
     title, a first name, a reporting verb before or after, a post in apposition
     or set off by a comma, an honorific, "known as", "gave her name as"), or as
     an organisation when the context says so ("militias known as X", "X, which",
     "Renewal Party lawmaker X"), or None; ``ends_with`` and ``prev_word``, the
     cheap tail searches ``classify`` shares.
Guarantees: pure; reads only the text it is given.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kb.pipeline.entity import CORE_TITLES, Candidate, Lexicon
from kb.pipeline.geo import is_state, lookup
from kb.pipeline.name_shapes import name_shaped, plural_of_people
from kb.pipeline.text import fold
from kb.pipeline.wordlists import words

if TYPE_CHECKING:
    from kb.pipeline.classify import Traits

ADMIN_RE = re.compile(
    r"\s+(?:administration|government|regime|presidency|era|years|cabinet|camp|loyalists)\b"
)


REPORT_AFTER_RE = re.compile(
    r"\s*,?\s+(?:has\s+|had\s+|have\s+)?(?:said|says|told|tells|wrote|writes|added|adds|tweeted|declared|insisted|"
    r"stated|argued|warned|explained|noted|announced|asked|replied|urged|stressed|claimed|denied|"
    r"accused|accuses|expressed|condemned|denounced|acknowledged|confirmed|responded|reiterated|"
    r"affirmed|emphasi[sz]ed|vowed|welcomed|critici[sz]ed|rejected)\b"
)


# "an ally of President Ruiz, Pavel Orsk.": a role, a comma, then the name.
_ROLE_COMMA_RE = re.compile(r"\b([a-z][a-z-]+|[A-Z][A-Za-z]+)\s*,\s+$")


# "Olivier Nduhungirehe of Rwanda": a name, then its country.
OF_COUNTRY_RE = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})")


REPORT_BEFORE_RE = re.compile(r"\b(?:said|says|wrote|writes|added|according to|told by|asked)\s+$")


ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an)\s+$")


APPOSITIVE_RE = re.compile(
    r"\s*,\s+(?:who\b|whose\s+(?:husband|wife|son|daughter|father|mother|brother|sister|"
    r"children|parents|family)\b|(?:himself\s+|herself\s+)?(?:(one of)\s+)?"
    r"(?:(a|an|the|his|her|its|their)\s+)?([a-z][\w-]*|(?<=[a-z] )[A-Z][\w-]*))"
)


_AGE_AFTER_RE = re.compile(r",\s+\d{1,3},")
# "Markus Feldhaus (EPP, Germany)": a member's group and state in brackets after a name.
_GROUP_STATE_AFTER_RE = re.compile(
    r"\s*\([A-Z][\w&/ .'\u2019-]{0,30},\s*(?P<state>[A-Z][\w .'\u2019-]{1,30})\)"
)
# A verb right after a lone first name: "Aisha heard", "Musa has spent".
_SUBJECT_VERB_RE = re.compile(
    r" (?:[a-z]+ed|says|said|told|tells|heard|saw|went|left|fled|lost|took|came|spent|was|is|"
    r"has|had|will|would|could|can|wants|wanted|knows|knew|thinks|thought|lives|lived)\b"
)
# A body's noun set off before the name: "The party of the ex-president, Raíces Peruanas,".
ORG_DESCRIBED_BEFORE_RE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z][\w-]*\s+){0,2}"
    r"(?:party|movement|coalition|alliance|militia|front|bloc|union|operator|company|firm)"
    r"(?:\s+of\s+(?:the\s+)?[^,.;:“”\"]{1,40})?,\s+$"
)
ORG_APPOSITIVE_RE = re.compile(
    r"\s*,\s+(?:which|whose\s+(?:chairman|chairwoman|chair|leader|members|deputies|"
    r"lawmakers|ministers|founder|candidate|spokesman|spokeswoman|spokesperson)s?)\b"
)


PREV_WORD_RE = re.compile(r"([A-Za-z-]+)(,?)\s+$")


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-")


PARTY_MEMBER_AFTER_RE = re.compile(
    r"\s+(?:lawmakers?|legislators?|senators?|MPs?|deputy|deputies|congress(?:wo)?man)\s+[A-Z]"
)


LINKED_BEFORE_RE = re.compile(
    r"(?:^|(?<=[a-z] )|(?<=[.,;:\n] ))([A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)*) "
    r"(?:por|para|pour|con|sin|de|del|des|du|et|y|e|of(?: the)?|for(?: the)?)"
    r"(?: (?:el|la|los|las|le|les))? $"
)


NAME_ONLY_BEFORE_RE = re.compile(
    r"\b(?:gave|gives|give|giving) (?:his|her|their|only (?:his|her|their)) (?:first )?names? "
    r"(?:only )?as\s+$|\bidentified (?:only )?as\s+$"
)


_GROUP_NOUNS = frozenset(
    ["militia", "militias", "group", "groups", "rebels", "movement", "coalition", "fighters",
     "gang", "gangs", "faction", "factions", "alliance", "network", "party", "organisation",
     "organization", "force", "forces", "brigade", "brigades"]
)  # fmt: skip


KNOWN_AS_BEFORE_RE = re.compile(r"\b([a-z]+),? (?:also |better )?known as\s+$")


HONORIFIC_BEFORE_RE = re.compile(
    r"\b(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Sen|Rep|Gov|Capt|Lt|Maj|Brig|Adm|Cmdr|Cdr|Sgt|Hon|H\.E)\."
    r"|head of (?:state|government))\s+$"
)


_NAMING_NOUNS = frozenset(["coalition", "alliance", "movement", "bloc", "network", "platform"])
ORG_AFTER_RE = re.compile(
    r"\s+(opinion poll|poll|pollster|survey|company|firm|group|party|agency|bank|coalition|"
    r"alliance|movement|bloc|network|platform|gang|cartel|militia)\b"
)


def ends_with(rx: re.Pattern[str], before: str, longest: int) -> re.Match[str] | None:
    """``rx.search(before)`` for a pattern ``\\b(?:words)\\s+$`` whose words are at most
    ``longest`` characters: only the tail can match, so only the tail is scanned."""
    stripped = len(before.rstrip())
    if stripped == len(before):
        return None  # "\\s+$" needs trailing space
    return rx.search(before, max(0, stripped - longest))


def prev_word(before: str) -> re.Match[str] | None:
    """``PREV_WORD_RE.search(before)``, started where the last word run begins."""
    end = len(before.rstrip())
    if end == len(before):
        return None
    if end and before[end - 1] == ",":
        end -= 1
    start = end
    while start and before[start - 1] in _WORD_CHARS:
        start -= 1
    if start == end:
        return None
    return PREV_WORD_RE.search(before, start)


_POST_OF_RE = re.compile(
    r"\b([a-z][a-z-]+)\s+(?:to|of|for|at|with|in)\s+(?:the|a|an|its)\s+(?:[a-z][\w-]*\s+){0,2}$"
)


def _post_of_group(before: str, lex: Lexicon) -> bool:
    """ "Montiel's envoy to the group, (X,)": the group is a post's complement, and the
    name set off after it is the post holder's."""
    match = _POST_OF_RE.search(before[-40:])
    return match is not None and fold(match.group(1)) in lex.role_nouns


def person_by_context(
    cand: Candidate,
    found: Traits,
    before: str,
    after: str,
    lex: Lexicon,
    *,
    reported_post: bool = False,
    set_off: str = "",
) -> Candidate | None:
    """Weigh the evidence that a piece with no organisation form is a person; the
    context may still make it an organisation ("the group X", "X, which")."""
    if cand.single and plural_of_people(cand.text, lex):
        return None  # "Economists say", "Presidents of the States Parties": no one's name
    following = _NEXT_WORD_RE.match(after)
    if following and not found.first_name and plural_of_people(following.group(1), lex):
        return None  # "Tamil Nadu politicians", "Gaza residents": a place qualifying people
    if cand.single and _MODIFIER_BEFORE_RE.search(before[-4:]) and _described_after(after):
        return None  # "a Solino resident", "an Abuja trader": a place, not a name
    if not cand.title and not found.first_name and ORG_DESCRIBED_BEFORE_RE.search(before):
        cand.kind, cand.evidence = "organization", 2  # "The party of the ex-president, X,"
        return cand
    evidence = 2 if cand.title else 0
    if found.first_name:
        evidence += 2
    reported_by = ends_with(REPORT_BEFORE_RE, before, 12)
    # "according to Eurostat": one unknown word after "according to" may be a body.
    # "one of the elders of Ubari, said": one word a preposition governs is where the
    # speaker is from, not who speaks.
    governed_place = cand.single and not found.first_name and _GOVERNED_RE.search(before[-6:])
    if (REPORT_AFTER_RE.match(after) and not governed_place) or (
        reported_by and not (cand.single and reported_by.group().startswith("according"))
    ):
        evidence += 2
    if not cand.single and cand.ntokens <= 4 and _named_after_role(set_off or before, after, lex):
        evidence += 2
    if reported_post:
        evidence += 2
    if (
        not cand.single
        and cand.ntokens <= 4
        and after[:2] == ", "
        and after[2:3].isupper()
        and not any(w in lex.titles for w in cand.text.split())
    ):
        # "Halima Osei-Bakari, Assistant Secretary-General for Africa, said": a post
        # in capitals set off after the name.
        first = re.findall(r"[\w-]+", after[2:70])[:4]
        if any(w in CORE_TITLES for w in first):
            evidence += 2
    if not cand.single and name_shaped(tuple(cand.text.split())):
        evidence += 2  # "Siobhan O'Rourke", "Lilit Karenovna Avetisyan"
    post_of_body = _POST_OF_BODY_BEFORE_RE.search(set_off or before)
    if post_of_body and fold(post_of_body.group("noun")) in lex.role_nouns:
        evidence += 2  # "the deputy of the Partido Socialista Unido (PSUV) Dilcia Briceño"
    if _AGE_AFTER_RE.match(after):
        evidence += 2  # "Shazia, 41, a schoolteacher,": an age set off after a name
    group_state = _GROUP_STATE_AFTER_RE.match(after)
    if not cand.single and group_state and is_state(group_state.group("state")):
        evidence += 2  # "Markus Feldhaus (EPP, Germany) said": a member of a house
    if cand.single and found.named and _SUBJECT_VERB_RE.match(after):
        evidence += 2  # "Aisha heard the water": a first name as the subject of a verb
    if not cand.single and ends_with(HONORIFIC_BEFORE_RE, before, 22):
        # "Dr. Aminata N'Diaye", "head of state Abdulsalami Abubakar"
        evidence += 2
    if "as " in before[-4:] and NAME_ONLY_BEFORE_RE.search(before):
        evidence += 2  # "a nurse, who gave her name only as Mary"
    named_as = KNOWN_AS_BEFORE_RE.search(before) if "as " in before[-4:] else None
    if named_as and fold(named_as.group(1)) in lex.role_nouns:
        evidence += 2  # "a commander known as Abu Hudhaifa al-Ansari"
    elif named_as and fold(named_as.group(1)) in _GROUP_NOUNS:
        cand.kind, cand.evidence = "organization", 2  # "militias known as Wazalendo"
        return cand
    word = prev_word(before)
    # "the Argentinian analyst Atilio Boron, the group ...": a person's role just before
    # the name outweighs a body's noun in what follows.
    role_before = word is not None and fold(word.group(1)) in lex.role_nouns
    appositive = _appositive_evidence(after, role_before, lex)
    if appositive is None:
        cand.kind, cand.evidence = "organization", 2
        return cand
    evidence += appositive
    if word:
        noun = fold(word.group(1))
        if noun not in lex.role_nouns and noun.removesuffix("s") in lex.role_nouns:
            noun = noun.removesuffix("s")  # "his counterparts Felix Tshisekedi"
        if noun in lex.role_nouns and (found.named or noun not in lex.org_role_nouns):
            evidence += 2
        elif noun in words("ordinary_people") and not cand.single:
            evidence += 2  # "cloth trader Hadiza Issoufou"
        elif word.group(1) in lex.titles and noun in lex.org_role_nouns:
            evidence += 2  # "Major Ruiz": a rank as written, not an oil "major"
        elif noun in lex.org_role_nouns and not (
            (before.endswith(", ") and word.group(1)[:1].isupper())
            or _post_of_group(before[: word.start()], lex)
            or (found.first_name and not cand.single)  # "the agency, Felipe Andrés X"
            # "the LDPR faction Vadim Sergeyevich Morozkin": a patronymic is a person's
            or (not cand.single and name_shaped(tuple(cand.text.split())))
        ):
            # "the rebel group, M23" names the group; "the European Union, Josep
            # Borrell" ends one name, set off from the next.
            cand.kind, cand.evidence = "organization", 2
            return cand
    if PARTY_MEMBER_AFTER_RE.match(after) and not found.first_name:
        # "Primero Justicia lawmaker Tomás Vidal": the member's party before the name,
        # its first words over a Romance connector ("Juntos por el Cambio").
        cand.kind, cand.evidence = "organization", 2
        more = LINKED_BEFORE_RE.search(before)
        if more:
            cand.start -= len(before) - more.start(1)
            cand.text = before[more.start(1) :] + cand.text
            cand.ntokens = len(cand.text.split())
            cand.single = False
        return cand
    org_noun = ORG_AFTER_RE.match(after)
    if org_noun and (cand.single or (cand.ntokens <= 4 and not evidence)):
        # "the opposition Civic Horizon party", "the Altyn Orda company"
        cand.kind, cand.evidence = "organization", 1
        if cand.single and org_noun.group(1) in _NAMING_NOUNS:
            # "the Houthi movement": one word names no movement or coalition alone.
            cand.text += org_noun.group()
            cand.end += len(org_noun.group())
            cand.single, cand.ntokens = False, 2
        return cand
    if ORG_APPOSITIVE_RE.match(after) and not evidence:
        cand.kind, cand.evidence = "organization", 1
        return cand
    if (
        cand.single
        and ADMIN_RE.match(after)
        and not ends_with(ARTICLE_BEFORE_RE, before, 2)
        and not found.adjectival
    ):
        evidence += 2
    if found.not_actor and (evidence < 2 or found.geo):
        return None
    cand.kind, cand.evidence = "person", evidence
    return cand


_NEXT_WORD_RE = re.compile(r"\s+([a-z][a-z-]+)\b")
_GOVERNED_RE = re.compile(r"\b(?:of|in|from|at|near)\s+$")


_MODIFIER_BEFORE_RE = re.compile(r"\b(?:[Aa]n?)\s+$")


# People a place names, not a body: "a Pentagon official", "a Chevron engineer" are a
# body's, so those nouns are left out.
_BODY_STAFF = frozenset(
    ["official", "officer", "source", "diplomat", "soldier", "volunteer", "worker", "engineer",
     "mechanic"]
)  # fmt: skip


def _described_after(after: str) -> bool:
    """Whether an ordinary person's noun follows: "(a Solino) resident"."""
    word = re.match(r"\s+([a-z][\w-]*)", after)
    return (
        word is not None
        and word.group(1) in words("ordinary_people")
        and word.group(1) not in _BODY_STAFF
    )


_POST_OF_BODY_BEFORE_RE = re.compile(
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


def _named_after_role(before: str, after: str, lex: Lexicon) -> bool:
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


def _appositive_evidence(after: str, role_before: bool, lex: Lexicon) -> int | None:
    """Person evidence from what follows a comma: 2 for ", who" or a role noun, 0 for
    nothing, None when a body's noun follows ("X, the group that ...")."""
    appositive = APPOSITIVE_RE.match(after)
    if not appositive:
        return 0
    if appositive.group(3) is None:
        return 2  # ", who ..."
    if appositive.group(1) or appositive.group(2) or fold(appositive.group(3)) in lex.role_nouns:
        # ", the president of ...", ", one of the alliance's leaders", ", head of ...":
        # a role anywhere in the first words makes a person; a body's noun, a body.
        nouns = [fold(n) for n in re.findall(r"[\w-]+", after[appositive.start(3) :])[:5]]
        if any(n in lex.role_nouns or n.removesuffix("s") in lex.role_nouns for n in nouns):
            return 2
        if any(n in words("ordinary_people") for n in nouns):
            return 2  # "Musa, a motorcycle taxi driver,"
        if _PROFESSION_RE.fullmatch(nouns[0]) and not any(
            n in lex.org_role_nouns or n in _GROUP_NOUNS for n in nouns
        ):
            return 2  # "Yonas Gebremedhin, a hydrologist at …": a trade's noun
        if any(n in lex.org_role_nouns for n in nouns) and not role_before:
            return None
    return 0
