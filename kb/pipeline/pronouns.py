"""Pronouns: "he", "she" and "it said" resolved to the actor they stand for.

In:  the clean body, the mentions (actors, countries, resolved descriptions) and
     the quoted spans.
Out: one ``Mention`` per resolved pronoun outside quotes, spanning the pronoun.
Rules: a pronoun stands for the subject of the nearest sentence before it (its
own clause first) that names a candidate: a person of a compatible gender for
he/she (Mr/Ms, gendered nouns and earlier resolutions fix genders), a body or
country for "it said". A name governed by a preposition, the object of a verb
and a possessor are no subjects ("according to X" and "by X" are). A
capitalised name in subject position that no mention covers (an actor we
missed) stops the search: no antecedent rather than a wrong one.
Guarantees: never raises; ``body[m.start:m.end]`` is the pronoun.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache, lru_cache

from kb.pipeline.fold import MEMO_ENTRIES
from kb.pipeline.text import fold, lexicon, load_json, sentence_bounds
from kb.pipeline.types import Mention
from kb.pipeline.unnamed_subjects import (
    DESCRIBED_SUBJECT_RE,
    DOCUMENT_SUBJECT_RE,
    INDEFINITE_SUBJECT_RE,
)
from kb.pipeline.wordlists import inside, words

# r"\b(?:[Hh]e|[Ss]he)\b..." and r"\b[Ii]t\s+...", written to open with a character
# class (the "\b" as a look-behind after it), so that the engine skips to the next
# candidate letter instead of trying every position of the body (3x faster).
_PRONOUN_RE = re.compile(r"[HhSs](?<!\w[HhSs])(?:(?<=[Hh])e|(?<=[Ss])he)\b(?!['’-])")
_IT_SAID_RE = re.compile(r"[Ii](?<!\w[Ii])t\s+(?:also\s+|again\s+|further\s+)?(?P<verb>[a-z]+)\b")
# "According to him, “…”": the voice a reporting phrase gives by its object pronoun.
# A verb or preposition right before "it" makes it an object: "signed it", "about it".
_OBJECT_BEFORE_RE = re.compile(
    r"\b(?:[a-z]+ed|made|took|gave|saw|read|wrote|sent|won|lost|put|set|did|has|have|had|"
    r"about|of|on|for|to|with|against)\s+$"
)
_ACCORDING_RE = re.compile(r"\b[Aa]ccording to (?P<who>him|her)\b")
_OBJECT_GENDER = {"him": "he", "her": "she"}
_WINDOW = 1500  # how far back (characters) a pronoun looks for its person
_IT_WINDOW = 500  # and "it said" for its body: bodies are named again more often


def _word_before(body: str, pos: int, floor: int) -> str:
    """The word before ``pos`` in the clause, skipping a determiner ("with the EU" -> "with")."""
    found = re.findall(r"[A-Za-z’'-]+|[,;:()]", body[max(floor, pos - 40) : pos])
    while found and found[-1].lower() in ("the", "a", "an", "its", "their", "his", "her"):
        found.pop()
    return found[-1].lower() if found else ""


def is_subject(body: str, m: Mention, floor: int) -> bool:
    """Whether mention ``m`` may be the subject of its clause: no preposition governs
    it ("according to X" names a voice, "led by X" an agent) and it owns nothing
    ("X's decision")."""
    if body[m.end : m.end + 2] in ("'s", "’s"):
        return False
    if body[m.start - 1 : m.start] == "(" and body[m.end : m.end + 1] == ")":
        return False  # "a meeting of the Council for … (COFCOR)": the name again, governed
    if body[floor : m.start].strip() == "For" and body[m.end : m.end + 1] == ",":
        return True  # "For Aisha, the question is ... she said": whose view the sentence is
    lead = body[max(floor, m.start - 14) : m.start].lower()
    if lead.endswith("according to "):
        return True
    word = _word_before(body, m.start, floor)
    if word.endswith(("ed", "ing")) and word not in words("function_words"):
        return False  # the object of a verb: "demanding Rajapaksa resign", "recognized X"
    if _VERB_THEN_TITLE_RE.search(body, max(floor, m.start - 60), m.start):
        return False  # "countries recognize opposition leader X": the verb's object, titled
    if word != "by" and governed(body, m.start, floor):
        return False  # "members of the elite Republican Guard"
    return word == "by" or word not in words("prepositions")


# A transitive verb, then a title in lower case right before the name.
_VERB_THEN_TITLE_RE = re.compile(
    r"\b(?:recogni[sz]e|recogni[sz]es|support|supports|back|backs|accuse|accuses|meet|meets|"
    r"urge|urges|invite|invites|name|names|appoint|appoints|elect|elects|reject|rejects|"
    r"condemn|condemns|sanction|sanctions|replace|replaces|succeed|succeeds)\s+"
    r"(?:(?:the|its|their|his|her)\s+)?(?:[a-z][\w-]*\s+){1,3}$"
)


@cache
def _governed_re() -> re.Pattern[str]:
    prepositions = "|".join(sorted(words("prepositions") - {"by"}, key=len, reverse=True))
    return re.compile(rf"\b(?i:{prepositions})\s+(?:[a-z][\w’'-]*\s+){{0,3}}$")


def governed(body: str, pos: int, floor: int) -> bool:
    """Whether a preposition governs the name at ``pos``, past lowercase determiners and
    adjectives ("of the elite Republican Guard", "with the new president X")."""
    return _governed_re().search(body, max(floor, pos - 60), pos) is not None


@lru_cache(maxsize=MEMO_ENTRIES)
def _gender_of_words(text: str) -> str | None:
    folded = fold(text).split()
    if not folded:
        return None
    last = folded[-1]
    if last in words("female_words"):
        return "she"
    if last in words("male_words"):
        return "he"
    return None


_CLAUSE_STOP_RE = re.compile(r"[,;:.!?\"“”()\n]")


def _initial_genders(body: str, people: list[Mention]) -> dict[str, str]:
    """Genders the text states: "Ms Ortega", "actress Ana Ruiz", "Ana Ruiz, a spokeswoman"."""
    genders: dict[str, str] = {}
    for m in people:
        if m.name in genders:
            continue
        before = _CLAUSE_STOP_RE.split(body[max(0, m.start - 30) : m.start])[-1]
        tokens = before.split()
        for index in range(len(tokens), 0, -1):
            gender = _gender_of_words(" ".join(tokens[:index]))
            if gender:
                genders[m.name] = gender
                break
        surface = body[m.start : m.end].split()
        gender = _gender_of_words(surface[0]) if len(surface) > 1 else None
        if gender:
            genders[m.name] = gender
        spouse = _SPOUSE_RE.match(body, m.end, m.end + 40)
        if spouse and m.name not in genders:
            # "Ana Ruiz, whose husband is the boat's engineer,": she.
            genders[m.name] = "she" if spouse.group(1) == "husband" else "he"
    for m in people:
        if m.name not in genders and (gender := _gender_of_given_name(m.name)):
            genders[m.name] = gender  # "Eliseo Mamani Condori": not the "she" after him
    return genders


@cache
def _given_names() -> dict[str, str]:
    table = load_json("given_name_genders.json")
    return {fold(n): "she" for n in table["female"]} | {fold(n): "he" for n in table["male"]}


def _gender_of_given_name(name: str) -> str | None:
    """The gender of a full name's given name, when the name is only ever one gender's;
    a single word may be a surname ("Otieno"), so it says nothing."""
    parts = name.split()
    if len(parts) < 2:
        return None
    return _given_names().get(fold(parts[0]))


# A live blog's time stamp, on a line of its own: each entry begins at one.
TIMESTAMP_LINE_RE = re.compile(
    r"(?m)^\s*\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|GMT|UTC|BST|CET|CEST|EST|EDT|ET|local))?\s*$"
)
_SPOUSE_RE = re.compile(r",\s+whose\s+(husband|wife)\b")


def pronouns(
    body: str, mentions: list[Mention], quotes: Sequence[tuple[int, int]]
) -> list[Mention]:
    """ "he"/"she" outside quotes -> the person (see ``_antecedent``)."""
    spans = sorted(quotes)
    people = [m for m in mentions if m.kind == "person" and m.name and not inside(spans, m.start)]
    genders = _initial_genders(body, people)
    known = sorted((m.start, m.end) for m in mentions)
    bounds = sentence_bounds(body)
    starts = [p.start for p in people]  # kept in step with ``people``
    out: list[Mention] = []
    found_at = sorted(
        [(m.start(), m.end(), m.group().lower()) for m in _PRONOUN_RE.finditer(body)]
        + [
            (m.start("who"), m.end("who"), _OBJECT_GENDER[m.group("who").lower()])
            for m in (_ACCORDING_RE.finditer(body) if "ccording to h" in body else ())
        ]
    )
    stamps = [m.end() for m in TIMESTAMP_LINE_RE.finditer(body)]
    for start, end, gender in found_at:
        if inside(spans, start):
            continue
        found = _antecedent(body, start, gender, (people, starts), bounds, genders, known)
        if found is not None and stamps:
            # A live blog's entries each begin at a time stamp: "she" does not go back
            # past one to the last entry's speaker.
            barrier = bisect_left(stamps, start) - 1
            if barrier >= 0 and found.start < stamps[barrier]:
                found = None
        if found is None:
            continue
        mention = Mention(start, end, found.name, "person")
        genders.setdefault(found.name, gender)
        out.append(mention)
        index = bisect_left(starts, mention.start)
        people.insert(index, mention)
        starts.insert(index, mention.start)
    for match in _LATTER_RE.finditer(body) if "latter" in body or "same one" in body else ():
        if inside(spans, match.start()):
            continue
        # "The latter added", a translation's "The same one has added": the person named
        # last, close before.
        index = bisect_left(starts, match.start()) - 1
        if index >= 0 and match.start() - people[index].end <= _LATTER_REACH:
            out.append(Mention(match.start(), match.end(), people[index].name, "person"))
    return out


_LATTER_RE = re.compile(
    r"\b[Tt]he (?:latter|same one)\b(?=,?\s+(?:(?:has|had|also)\s+)*"
    r"(?:[a-z]+ed|said|says|told|adds|added|wrote|spoke)\b)"
)
_LATTER_REACH = 400


def _antecedent(
    body: str,
    pos: int,
    gender: str,
    by_start: tuple[list[Mention], list[int]],
    bounds: list[tuple[int, int]],
    genders: dict[str, str],
    known: list[tuple[int, int]],
) -> Mention | None:
    """The subject of the nearest sentence before ``pos`` (its own clause first) that
    names a person whose gender, when known, is the pronoun's."""
    people, starts = by_start
    lo = bisect_left(starts, pos - _WINDOW)
    hi = bisect_left(starts, pos)
    candidates = [p for p in people[lo:hi] if genders.get(p.name, gender) == gender]
    found = _nearest_subject(body, pos, candidates, bounds, known)
    paragraph = body.rfind("\n", 0, pos) + 1
    if found is not None and found.start < paragraph:
        # "For his part, the defence, led by the lawyer X, announced ... “…,” he said":
        # a pronoun keeps to its paragraph when the paragraph names one such person.
        here = [p for p in candidates if paragraph <= p.start]
        if here and len({p.name for p in here}) == 1:
            return here[-1]
    return found


def _nearest_subject(
    body: str,
    pos: int,
    pool: list[Mention],
    bounds: list[tuple[int, int]],
    known: list[tuple[int, int]],
) -> Mention | None:
    """Walking back sentence by sentence from ``pos``: the first person in subject
    position of the first sentence that has one in ``pool``; None when a name we do
    not know comes first ("Guterres tempered …, signalling that he …")."""
    index = bisect_right(bounds, (pos, 10**12)) - 1
    while index >= 0 and pool:
        lo, hi = bounds[index]
        hi = min(hi, pos)
        here = [p for p in pool if lo <= p.start < hi]
        subjects = [p for p in here if is_subject(body, p, lo)]
        unknown = _unknown_subject(body, lo, hi, known)
        if unknown is not None and (not subjects or unknown < subjects[0].start):
            return None
        unnamed = INDEFINITE_SUBJECT_RE.search(body, lo, hi) or _unnamed_delegate(
            body, lo, hi, here
        )
        if unnamed is not None and (not subjects or unnamed.start() < subjects[0].start):
            # "A nurse in her twenties, who gave her name only as Mary, said she ...":
            # the pronoun is the nurse, named only where the text gives her a name.
            return next(
                (
                    p
                    for p in here
                    if _NAMED_AS_RE.search(body, lo, p.start)
                    or _SET_OFF_RE.fullmatch(body, unnamed.end(), p.start)
                ),
                None,
            )
        described = DESCRIBED_SUBJECT_RE.search(body, lo, hi) or DOCUMENT_SUBJECT_RE.match(
            body, lo, hi
        )
        if described is not None and (not subjects or described.start() < subjects[0].start):
            return None  # "The new prime minister is expected … he said": unnamed here
        if subjects:
            return subjects[0]
        pool = [p for p in pool if p.start < lo]
        index -= 1
    return None


# "A schoolteacher from the town of Falam, Ngun Tha Sung, ...": the name set off,
# perhaps after its title ("Cuba's representative at the talks, Ambassador X,").
_SET_OFF_RE = re.compile(r"[^.;:!?,]{0,80},\s(?:[A-Z][\w.-]*\s+){0,3}")
# "the representative of the United Kingdom, ..., said", "The Russian Federation's
# delegate said": a voice the text describes by the state it speaks for, unnamed.
_DELEGATE_RE = re.compile(
    r"(?:\b[Tt]he\s+(?:[a-z]+\s+)?(?:representative|delegate|envoy|ambassador|speaker)\s+"
    r"(?:of|for)\s+(?:the\s+)?[A-Z]|[A-Z][\w ]{2,40}['’]s\s+(?:representative|delegate)\b)"
)


def _unnamed_delegate(body: str, lo: int, hi: int, here: list[Mention]) -> re.Match[str] | None:
    """A delegate the sentence describes but no mention names (a description the
    coreference stage resolved covers it, and then it is named)."""
    match = _DELEGATE_RE.search(body, lo, hi)
    if match is None or any(match.start() <= p.start < match.end() + 20 for p in here):
        return None
    return match


_NAMED_AS_RE = re.compile(r"\b(?:names?|identified|known)\s+(?:only\s+)?as\s+$")
_NAME_SUBJECT_RE = re.compile(
    r"(?:^|,\s+|\b(?:and|but|that|while|when|after|(?:When|While|After|As|Before|Once))\s+)"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)"
    r"\s+(?:[a-z]+ed|[a-z]+s|said|told|had|was|will|would|wrote|met|spoke)\b"
)


_SPEAKER_LABEL_RE = re.compile(r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}:")


def _unknown_subject(body: str, lo: int, hi: int, known: list[tuple[int, int]]) -> int | None:
    """Where a capitalised name that is no mention stands as the subject of a verb
    between ``lo`` and ``hi``, if anywhere. A single word opening the sentence
    ("Officials said") is not taken for a name. A transcript's speaker label ("MS
    PORTER:", "QUESTION:") opening the sentence is its subject, and not one we name."""
    if _SPEAKER_LABEL_RE.match(body, lo, hi):
        return lo
    for match in _NAME_SUBJECT_RE.finditer(body, lo, hi):
        name = match.group("name")
        if match.start("name") == lo and " " not in name:
            continue
        if fold(name.split()[0]) in words("not_names"):
            continue
        start, end = match.span("name")
        index = bisect_left(known, (end,)) - 1
        if index >= 0 and known[index][1] > start:
            continue  # a country, body or person we know is (part of) it
        return start
    return None


def it_said(body: str, mentions: list[Mention], quotes: Sequence[tuple[int, int]]) -> list[Mention]:
    """ "it said" outside quotes -> the body or country that is the subject of the
    nearest sentence naming one; nothing when that subject is a person or a name we
    do not know."""
    spans = sorted(quotes)
    voices = [
        m
        for m in mentions
        if m.kind in ("person", "organization", "country") and m.name
        if not inside(spans, m.start)
    ]
    known = sorted((m.start, m.end) for m in mentions)
    bounds = sentence_bounds(body)
    starts = [v.start for v in voices]
    out: list[Mention] = []
    for match in _IT_SAID_RE.finditer(body):
        if match.group("verb") not in lexicon("reporting_verbs") or inside(spans, match.start()):
            continue
        if _OBJECT_BEFORE_RE.search(body, max(0, match.start() - 20), match.start()):
            continue  # "the governments that signed it said": "it" is what they signed
        pool = voices[
            bisect_left(starts, match.start() - _IT_WINDOW) : bisect_left(starts, match.start())
        ]
        found = _nearest_subject(body, match.start(), pool, bounds, known)
        if found is not None and found.kind != "person":
            out.append(Mention(match.start(), match.start() + 2, found.name, found.kind))
    return out
