"""The context that makes a capitalised piece a person (or, after all, a body).

In:  a ``Candidate`` not yet given a kind, its ``Traits``, and the text before
     and after it.
Out: ``person_by_context``: the candidate as a person with an evidence weight (a
     title, a first name, a reporting verb before or after, a post in apposition
     or set off by a comma, an honorific, "known as", "gave her name as"), or as
     an organisation when the context says so ("militias known as X", "X, which",
     "Renewal Party lawmaker X"), or None; ``ends_with`` and ``prev_word``, the
     cheap tail searches ``classify`` shares. The posts around a name are read in
     ``person_posts``.
Guarantees: pure; reads only the text it is given.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kb.pipeline.entity import CORE_TITLES, Candidate, Lexicon
from kb.pipeline.geo import is_state
from kb.pipeline.name_shapes import name_shaped, plural_of_people
from kb.pipeline.person_posts import (
    GROUP_NOUNS,
    POST_OF_BODY_BEFORE_RE,
    appositive_evidence,
    described_after,
    named_after_role,
    post_of_group,
)
from kb.pipeline.text import fold
from kb.pipeline.wordlists import words

if TYPE_CHECKING:
    from kb.pipeline.classify import Traits

ADMIN_RE = re.compile(
    r"\s+(?:administration|government|regime|presidency|era|years|cabinet|camp|loyalists)\b"
)


REPORT_AFTER_RE = re.compile(
    # "X, speaking to reporters in Antakya, said": past a participle's clause set off
    r"\s*,?(?:\s+[a-z]+ing\b[^,.;:!?“”\"()\n]{0,80},)?"
    r"\s+(?:has\s+|had\s+|have\s+)?(?:said|says|told|tells|wrote|writes|added|adds|tweeted|declared|insisted|"
    r"stated|argued|warned|explained|noted|announced|asked|replied|urged|stressed|claimed|denied|"
    r"accused|accuses|expressed|condemned|denounced|acknowledged|confirmed|responded|reiterated|"
    r"affirmed|emphasi[sz]ed|vowed|welcomed|critici[sz]ed|rejected)\b"
)


REPORT_BEFORE_RE = re.compile(r"\b(?:said|says|wrote|writes|added|according to|told by|asked)\s+$")
# "“…,” told to this newspaper X", "said to AFP X": a cue, whom it was said to, the name.
TOLD_TO_BEFORE_RE = re.compile(
    r"[”\"],?\s+(?:said|told|declared|indicated|explained|confided|affirmed)\s+to\s+"
    r"(?:the\s+|our\s+|this\s+)?(?:[a-z]+\s+){0,2}(?:[A-Z]{2,6}\s+)?$"
)


ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an)\s+$")


# "Ana Ruiz, 29,", and in translation "Ana Ruiz, of 29 years,".
_AGE_AFTER_RE = re.compile(r",\s+(?:\d{1,3}|of\s+\d{1,3}\s+years(?:\s+old)?),")
# "Markus Feldhaus (EPP, Germany)": a member's group and state in brackets after a name.
_GROUP_STATE_AFTER_RE = re.compile(
    r"\s*\([A-Z][\w&/ .'\u2019-]{0,30},\s*(?P<state>[A-Z][\w .'\u2019-]{1,30})\)"
)
# A verb right after a lone first name: "Aisha heard", "Musa has spent".
_SUBJECT_VERB_RE = re.compile(
    r" (?:[a-z]+ed|says|said|told|tells|heard|saw|went|left|fled|lost|took|came|spent|was|is|"
    r"has|had|will|would|could|can|wants|wanted|knows|knew|thinks|thought|lives|lived)\b"
)
# "X is the head nurse", "X was a senior adviser": a post said of the name.
_IS_THE_POST_RE = re.compile(r" (?:is|was) (?:the|a|an) (?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z]+)\b")
# Verbs only a person is the subject of, after a name opening its clause.
_HUMAN_VERB_RE = re.compile(
    r" (?:stood|sat|wept|smiled|nodded|shrugged|laughed|sighed|recalled|remembered|waited|"
    r"walked|knelt|cried|paused|frowned)\b"
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


_OUTLET_FIRST = frozenset(["Radio", "Television", "Channel", "Télé", "Radio-Télévision"])
_NOUN_AFTER_RE = re.compile(r"\s+(?!the\b)[a-z]")
_OF_THE_BEFORE_RE = re.compile(r"\b(?:of|for) the\s+$")


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
    if cand.single and _MODIFIER_BEFORE_RE.search(before[-4:]) and described_after(after):
        return None  # "a Solino resident", "an Abuja trader": a place, not a name
    if not cand.title and not found.first_name and ORG_DESCRIBED_BEFORE_RE.search(before):
        cand.kind, cand.evidence = "organization", 2  # "The party of the ex-president, X,"
        return cand
    evidence = 2 if cand.title else 0
    if found.first_name:
        evidence += 2
    reported_by = ends_with(REPORT_BEFORE_RE, before, 12) or TOLD_TO_BEFORE_RE.search(before[-60:])
    # "according to Eurostat": one unknown word after "according to" may be a body.
    # "one of the elders of Ubari, said": one word a preposition governs is where the
    # speaker is from, not who speaks.
    governed_place = cand.single and not found.first_name and _GOVERNED_RE.search(before[-6:])
    if (REPORT_AFTER_RE.match(after) and not governed_place) or (
        reported_by and not (cand.single and reported_by.group().startswith("according"))
    ):
        evidence += 2
    if not cand.single and cand.ntokens <= 4 and named_after_role(set_off or before, after, lex):
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
    post_of_body = POST_OF_BODY_BEFORE_RE.search(set_off or before)
    if post_of_body and fold(post_of_body.group("noun")) in lex.role_nouns:
        evidence += 2  # "the deputy of the Partido Socialista Unido (PSUV) Dilcia Briceño"
    if _AGE_AFTER_RE.match(after):
        evidence += 2  # "Shazia, 41, a schoolteacher,": an age set off after a name
    group_state = _GROUP_STATE_AFTER_RE.match(after)
    if not cand.single and group_state and is_state(group_state.group("state")):
        evidence += 2  # "Markus Feldhaus (EPP, Germany) said": a member of a house
    if cand.single and found.named and _SUBJECT_VERB_RE.match(after):
        evidence += 2  # "Aisha heard the water": a first name as the subject of a verb
    copula = _IS_THE_POST_RE.match(after) if not cand.single else None
    if copula and fold(copula.group("noun")) in lex.role_nouns:
        evidence += 2  # "Kahindo Masika Furaha is the head nurse here"
    if not cand.single and _HUMAN_VERB_RE.match(after) and before.endswith((", ", "\n")):
        evidence += 2  # "At the camp, Gul Bibi stood next to …": only people stand or weep
    if not cand.single and ends_with(HONORIFIC_BEFORE_RE, before, 22):
        # "Dr. Aminata N'Diaye", "head of state Abdulsalami Abubakar"
        evidence += 2
    if "as " in before[-4:] and NAME_ONLY_BEFORE_RE.search(before):
        evidence += 2  # "a nurse, who gave her name only as Mary"
    named_as = KNOWN_AS_BEFORE_RE.search(before) if "as " in before[-4:] else None
    if named_as and fold(named_as.group(1)) in lex.role_nouns:
        evidence += 2  # "a commander known as Abu Hudhaifa al-Ansari"
    elif named_as and fold(named_as.group(1)) in GROUP_NOUNS:
        cand.kind, cand.evidence = "organization", 2  # "militias known as Wazalendo"
        return cand
    word = prev_word(before)
    # "the Argentinian analyst Atilio Boron, the group ...": a person's role just before
    # the name outweighs a body's noun in what follows.
    role_before = word is not None and fold(word.group(1)) in lex.role_nouns
    appositive = appositive_evidence(after, role_before, lex)
    if appositive is None:
        cand.kind, cand.evidence = "organization", 2
        return cand
    if not governed_place:
        # not "In Moradabad, Siddiqui's younger brother told PTI": a place a preposition
        # governs, with the clause's subject set off after it
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
            or post_of_group(before[: word.start()], lex)
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
    if not found.first_name and _OF_THE_BEFORE_RE.search(before[-9:]):
        return None  # "Minister of the Popular Power for Electric Energy": no one's name
    if cand.text.split(" ", 1)[0] in _OUTLET_FIRST:
        return None  # "on the waves of Radio Tête-à-Tête": a station, no one
    if (
        cand.single
        and not found.named
        and not cand.title
        and before.endswith(" the ")
        and not _NOUN_AFTER_RE.match(after)  # "the Trump administration": a person's
    ):
        return None  # "said to the Gazeta": one word after "the" is no one's name
    cand.kind, cand.evidence = "person", evidence
    return cand


_NEXT_WORD_RE = re.compile(r"\s+([a-z][a-z-]+)\b")
_GOVERNED_RE = re.compile(r"\b(?:of|[Ii]n|[Ff]rom|[Aa]t|[Nn]ear)\s+$")


_MODIFIER_BEFORE_RE = re.compile(r"\b(?:[Aa]n?)\s+$")
