"""The subject of a reporting verb before a quote, read off the names of its clause.

In:  the clean body, the mentions between the sentence's start and the cue, and the
     cue's position.
Out: ``clause_subject`` (the first name no preposition governs: "X, a researcher at
     Y, called"), ``apposed`` ("teacher Carla Nunes, 45, said"), ``antecedent_of_relative``
     ("the Conference, which called"; "Ana Ruiz, the president of the Assembly, who
     said"), ``subject_of_relative`` ("which the Assembly declared null and qualified
     as"), ``listed`` (three names or more: no one voice) and ``word_before``.
Guarantees: pure; the mention returned is one of those given.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re

from kb.pipeline.pronouns import governed as governed_by
from kb.pipeline.speaker_names import FUNCTION_WORDS, LOWER_TITLES, is_title_gap, owns
from kb.pipeline.text import folded_lexicon
from kb.pipeline.titles import MEMBER_TITLES
from kb.pipeline.types import Mention
from kb.pipeline.wordlists import words

_PREPOSITIONS = words("prepositions")


_TITLE_GAP_RE = re.compile(r"^(?:[’']s)?(?:\s+(?:[A-Z][\w’'-]*|of|for|the))*\s+$")


def word_before(body: str, pos: int, floor: int) -> str:
    """The word before ``pos`` in the clause, skipping a determiner ("with the EU" -> "with")."""
    words = re.findall(r"[A-Za-z’'-]+|[,;:()]", body[max(floor, pos - 40) : pos])
    while words and words[-1].lower() in ("the", "a", "an", "its", "their", "his", "her"):
        words.pop()
    return words[-1].lower() if words else ""


# "led by former Paraguayan Foreign Minister X": an agent's post after "by".
_BY_POST_RE = re.compile(
    r"\b(?:[a-z]+ed|led|read(?: out)?|run|written)\s+by\s+(?P<post>(?:[\w’'.-]+,?\s+){1,9})$"
)


def governed_post(body: str, mention: Mention, floor: int) -> bool:
    """Whether the person at ``mention`` is the agent after "by", past the words of
    a post: "the mission, led by former Paraguayan Foreign Minister X, called"."""
    if mention.kind != "person":
        return False
    by = _BY_POST_RE.search(body, max(floor, mention.start - 100), mention.start)
    if by is None:
        return False
    # "represented by the Secretary General of the Government, Mr. X": set off, styled
    post = _past_honorifics(by.group("post")).rstrip().removesuffix(",")
    return "," not in post and is_title_gap(" " + post + " ")


# "The deputy (PASTEF Fatou Guèye)": a member's title in lower case before a party's name.
_MEMBER_BEFORE_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(t.lower() for t in MEMBER_TITLES))}|member)\s+$"
)


def _titled_by(body: str, qualifier: Mention, mention: Mention) -> bool:
    """Whether ``qualifier``, a country or the same person, names the post of
    ``mention``: "Panama's foreign minister, X", "Paraguayan Foreign Minister X"."""
    if mention.kind != "person":
        return False
    if qualifier.name == mention.name and body[qualifier.end : mention.start] == ", ":
        return True  # "Panama's foreign minister, X": the description, then the name
    if qualifier.kind not in ("country", "demonym"):
        return False
    gap = _past_honorifics(body[qualifier.end : mention.start])
    gap = gap.removeprefix("’s").removeprefix("'s").removesuffix(", ")
    return bool(gap.strip()) and is_title_gap(gap + " ")


def clause_subject(body: str, floor: int, inside: list[Mention]) -> Mention | None:
    """The first mention of the clause that no preposition governs: the subject of its verb.

    A country naming a title ("US Secretary of State Antony Blinken") yields the
    person it qualifies.
    """
    governed = False
    for index, mention in enumerate(inside):
        before = word_before(body, mention.start, floor)
        if governed and before in ("and", "or", "nor"):
            continue  # "between Vucic and Kurti": the preposition governs both
        if governed and _titled_by(body, inside[index - 1], mention):
            continue  # "read by Panama's foreign minister, X": governed with its post
        owner = inside[index - 1] if index else None
        if (
            governed
            and owner is not None
            and owns(body, owner.end)
            and (mention.start - owner.end <= 3)
        ):
            continue  # "goes to the ILO's Governing Body": governed with its owner
        if (
            governed
            and body[mention.start - 1 : mention.start] == "("
            and any(m.kind == "person" for m in inside[index + 1 :])
        ):
            continue  # "the deputy of the Movimiento al Socialismo (MAS), X": governed too
        governed = (
            (before in _PREPOSITIONS and not government_of(body, mention))
            or governed_post(body, mention, floor)
            or is_object(body, mention.start)
            # "the vice-president of the governing PSUV": past lower-case adjectives
            or governed_by(body, mention.start, floor)
        )
        if governed:
            continue  # "with Dbeibah", "voted to remove Castillo": not the subject
        if owns(body, mention.end):
            # "The Commission's spokesman, Olof Gill, said": the possessor is not the subject;
            # "The Russian Federation's delegate said" names the delegate no more.
            owned = _OWNED_PERSON_RE.match(body, mention.end)
            nxt = inside[index + 1] if index + 1 < len(inside) else None
            if owned and not (
                nxt is not None
                and nxt.kind == "person"
                and _SET_OFF_NAME_RE.fullmatch(body, owned.end(), nxt.start)
            ):
                return None
            continue
        if listed(body, inside, index) or paired(body, inside, index):
            return None  # "Eleven members - Argentina, Brazil, Canada ... - signed": many
        if mention.kind in ("country", "demonym") and index + 1 < len(inside):
            nxt = inside[index + 1]
            gap = body[mention.end : nxt.start]
            if nxt.kind in ("person", "organization") and (
                _TITLE_GAP_RE.match(gap + " ")
                or (nxt.kind == "person" and gap.strip() and is_title_gap(gap))
            ):
                return nxt  # "U.S. charge d'affaires Thomas R. Whitfield met …"
            person = next((m for m in inside[index + 1 :] if m.kind == "person"), None)
            gap = _past_honorifics(body[mention.end : person.start]) if person else ""
            if (
                person is not None
                and gap.endswith(", ")
                and is_title_gap(gap[:-2])
                and body[person.end : person.end + 1] == ","
            ):
                return person  # "The U.S. special envoy for Syria, Gregory Hallett, who met"
        if mention.kind == "organization" and index + 1 < len(inside):
            nxt = inside[index + 1]
            if (
                nxt.kind == "organization"
                and _QUALIFIED_THEN_NAMED_RE.fullmatch(body, mention.end, nxt.start)
                and body[nxt.end : nxt.end + 1] == ","
            ):
                # "The UN peacekeeping mission in the country, MONUSCO, said": a part of
                # the body, named right after.
                return nxt
            # "RSF commander Ana Ruiz said": the body qualifies the person's post.
            gap = _past_honorifics(body[mention.end : nxt.start])
            if nxt.kind == "person" and gap.strip() and is_title_gap(gap):
                return nxt
            if (
                nxt.kind == "person"
                and gap == " "
                and _MEMBER_BEFORE_RE.search(body, max(0, mention.start - 20), mention.start)
            ):
                return nxt  # "The deputy PASTEF Fatou Guèye accused": the party's member
            person = next((m for m in inside[index + 1 :] if m.kind == "person"), None)
            if (
                person is not None
                and nxt.kind == "country"
                and body[person.end : person.end + 1] == ","
                and (gap := _past_honorifics(body[mention.end : person.start])).endswith(", ")
                and is_title_gap(gap[:-2])
            ):
                return person  # "The UN Special Coordinator for Lebanon, X, said"
            if (
                nxt.kind == "person"
                and _post_then_ranked(gap)
                and body[nxt.end : nxt.end + 1] == ","
            ):
                # "A senior Hamas official, Ziad Abu Hashem, said … and accused", "The Jaffna
                # Security Forces Commander, Major General X, told"
                return nxt
        if mention.kind == "organization" and _BODYS_PERSON_AFTER_RE.match(body, mention.end):
            return None  # "The National Assembly speaker, a member of …, accused": not the body
        return mention
    # "The majority of the group's members …, calling for": the members' body; not
    # "China's representative said": a person of it, unnamed.
    owners = [
        m
        for m in inside
        if owns(body, m.end)
        and word_before(body, m.start, floor) in ("of", "")
        and not _OWNED_PERSON_RE.match(body, m.end)
    ]
    return owners[0] if owners else None


def _post_then_ranked(gap: str) -> bool:
    """Whether ``gap`` is a post set off by a comma, perhaps with a rank or title
    before the name after it: " official, ", " Commander, Major General "."""
    post, comma, rank = gap.rpartition(", ")
    return bool(comma and post.strip() and is_title_gap(post) and is_title_gap(rank))


_HONORIFICS_END_RE = re.compile(r",\s+(?:(?:Dr|Mr|Mrs|Ms|Prof|H\.E|Dato['’]?|Ambassador)\.?\s+)+$")


def _past_honorifics(gap: str) -> str:
    """ "Executive Secretary, Dr. ": the post set off before a name, its honorifics dropped."""
    return _HONORIFICS_END_RE.sub(", ", gap)


_GOVERNMENT_OF_RE = re.compile(r"\b[Gg]overnment of (?:the )?$")


def government_of(body: str, mention: Mention) -> bool:
    """ "The Government of Guyana … warned": the state is the subject, "of" or not."""
    return mention.kind == "country" and bool(
        _GOVERNMENT_OF_RE.search(body, max(0, mention.start - 20), mention.start)
    )


_OBJECT_RE = re.compile(
    r"(?:\bto\s+(?P<verb>[a-z]+)|\b(?P<past>[a-z]+ed))\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}$"
)


def is_object(body: str, pos: int) -> bool:
    """Whether the mention at ``pos`` is the object of a verb: a past form ("recognized
    Dbeibah") or an infinitive ("to remove President Castillo"); adjectives and titles
    ("The conservative X", "rector X") do not make it one."""
    match = _OBJECT_RE.search(body, max(0, pos - 60), pos)
    if match is None:
        return False
    verb = match.group("verb") or match.group("past")
    return verb not in LOWER_TITLES and verb not in FUNCTION_WORDS


_APPOSITION_RE = re.compile(r"\s*,[^,;:“”\"()]{1,60},\s*")


def apposed(body: str, inside: list[Mention], cue_start: int) -> Mention | None:
    """The name an apposition with no name in it sets off before the verb ("Carla Nunes,
    45, said"), or the first of the names it coordinates ("Mali and Burkina Faso, both
    …, warned")."""
    for index in range(len(inside) - 1, -1, -1):
        m = inside[index]
        if not _APPOSITION_RE.fullmatch(body, m.end, cue_start):
            continue
        if any(n.name != m.name for n in inside[index + 1 :]):
            return None  # a name inside the apposition: "The head of X, Ana Ruiz, said"
        if word_before(body, m.start, max(0, m.start - 40)) in _PREPOSITIONS:
            return None  # "The Embassy of China in Bolivia, through …, said": not Bolivia
        while (
            index > 0
            and body[inside[index - 1].end : inside[index].start] in (" and ", ", ")
            # "Mali and Burkina Faso, both …": coordinated alike, not "On South Sudan, the
            # Information Minister, X, told"
            and inside[index - 1].kind == inside[index].kind
        ):
            index -= 1
        return inside[index]
    return None


def antecedent_of_relative(body: str, inside: list[Mention], cue_start: int) -> Mention | None:
    """ "denounced by the Episcopal Conference, which called on the authorities to",
    "headed by Ana Ruiz, the president of the Assembly, who said": the relative
    pronoun's antecedent is the verb's subject; "who" is a person's, past the post
    set off after the name."""
    for index in range(len(inside) - 1, -1, -1):
        m = inside[index]
        match = _RELATIVE_SUBJECT_RE.fullmatch(body, m.end, cue_start)
        if match is None:
            continue
        if m.kind == "demonym":
            return None
        if match.group("pronoun") == "which" or m.kind == "person":
            return m
        for person in reversed(inside[:index]):
            if person.kind == "person" and _SET_OFF_POST_RE.fullmatch(body, person.end, m.start):
                return person
        return None
    return None


def subject_of_relative(
    body: str, inside: list[Mention], floor: int, cue_start: int
) -> Mention | None:
    """ "the elections, which the AN declared null and qualified as": the subject
    named right after "which" speaks, when no comma closes the clause before the cue."""
    for m in reversed(inside):
        if (
            _WHICH_THEN_RE.search(body, max(floor, m.start - 20), m.start)
            and "," not in body[m.end : cue_start]
        ):
            return m if m.kind in ("person", "organization", "country") else None
    return None


_WHICH_THEN_RE = re.compile(r"\b(?:which|whom)\s+(?:the\s+)?$")


_SET_OFF_POST_RE = re.compile(r",\s+(?:the|a|an)\s+[^,;:“”\"]{1,80}?\s+(?:of|at|for)\s+(?:the\s+)?")


_RELATIVE_SUBJECT_RE = re.compile(r",\s+(?P<pronoun>which|who)\s+(?:(?:also|has|have|had)\s+)*")


def listed(body: str, inside: list[Mention], index: int) -> bool:
    """Whether the mention at ``index`` opens a list of three names or more."""
    if index + 2 >= len(inside):
        return False
    first, second, third = inside[index : index + 3]
    return body[first.end : second.start] == ", " and body[second.end : third.start] in (
        ", ",
        " and ",
        ", and ",
    )


_PAIR_RE = re.compile(r" and (?:the )?")
_AFTER_PAIR_RE = re.compile(r",|\s+(?:have|has|had|said|say|says|were|are|jointly|both|also)\b")


def paired(body: str, inside: list[Mention], index: int) -> bool:
    """Whether the mention at ``index`` and the next, of one kind, are a joint subject:
    "Saudi Arabia and the United States, which hosted the talks, said": two voices."""
    if index + 1 >= len(inside):
        return False
    first, second = inside[index : index + 2]
    return (
        first.kind == second.kind
        and first.name != second.name
        and _PAIR_RE.fullmatch(body, first.end, second.start) is not None
        and _AFTER_PAIR_RE.match(body, second.end) is not None
    )


# Lower-case words after a body's name ending in a post or a body's noun: the speaker is
# a person of the body or a part of it, not the body; its spokesperson and its mission
# speak for it ("A State Department spokesperson said").
SPEAKS_FOR_BODY = frozenset(
    ["mission", "delegation", "secretariat", "spokesman", "spokeswoman", "spokesperson"]
)


PERSON_NOUNS = "|".join(
    re.escape(w)
    for w in sorted(
        (folded_lexicon("role_nouns") | words("ordinary_people") | words("person_descriptions"))
        - SPEAKS_FOR_BODY
    )
)


# A person of the body after its name: "the National Assembly speaker", "the army's
# commander" is someone the body has, not the body.
_BODYS_PERSON_AFTER_RE = re.compile(
    rf"(?:['’]s)?\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{PERSON_NOUNS}|speaker)\b(?!['’-])"
    # "The African Union observer mission": a part of the body, which speaks for it
    r"(?!\s+(?:mission|delegation|team|office|unit|panel|committee|commission|group|force)s?\b)"
)


_QUALIFIED_THEN_NAMED_RE = re.compile(
    r"(?:\s+[a-z][\w-]*){1,4}(?:\s+(?:in|of|for)\s+(?:the\s+)?[\w -]{1,30}?)?,\s+"
)
_SET_OFF_NAME_RE = re.compile(r"[\w\s-]*,\s+(?:[A-Z][\w.]*\s+)*")
# "China's representative": a person of the owner's, unnamed, not the owner speaking.
_OWNED_PERSON_RE = re.compile(rf"['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{PERSON_NOUNS})s?\b")
