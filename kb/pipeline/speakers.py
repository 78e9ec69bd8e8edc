"""Speakers: who says a quote, from the words around it.

In:  the clean body, a quote's span and sentence, and the mentions outside
     quotes (actors, countries, and the coreference stage's descriptions and
     pronouns).
Out: the speaking ``Mention`` (or None) and whether a reporting cue was seen.
Patterns (cues after the quote, "Q, X said", are ``speaker_after``'s): "X said: Q", "X
disagreed: Q", "X, who ..., said", "X, 45, said", "according to X", "X's
decision to Q", "a Q remains, she said", a participle ("..., saying") or a
coordinated verb ("…, and underlined") whose clause subject speaks.
When unsure, no one: a possessor, the object of a verb, a pronoun we could not
resolve or a voice we cannot name ("a wounded soldier replied", "said the
president of the Senate") gives None, with the cue still seen.
Which name a cue or title leads to is ``speaker_names``; which name of the clause before a
cue is its subject ("X, who ..., said", "which X declared") is ``speaker_subjects``, and the
nearest one once the names that cannot be it are set aside, ``speaker_nearest``.
Guarantees: never raises; the mention returned is one of those given.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left

from kb.pipeline.pronouns import governed
from kb.pipeline.quote_spans import CUE_RE
from kb.pipeline.speaker_names import LOWER_TITLES, named_after
from kb.pipeline.speaker_nearest import (
    PART_OF_RE,
    SPOKES_OF_RE,
    joint_subjects,
    nearest_subject,
)
from kb.pipeline.speaker_subjects import (
    PERSON_NOUNS,
    antecedent_of_relative,
    apposed,
    clause_subject,
    governed_post,
    paired,
    subject_of_relative,
    word_before,
)
from kb.pipeline.types import Mention
from kb.pipeline.wordlists import words

_SPEECH_NOUN_ALT = (
    r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]hat) "
    r"(?:article|piece|op-ed|letter|statement|interview|tweet|post)"
)
SPEECH_NOUN_RE = re.compile(rf"\b{_SPEECH_NOUN_ALT} (?:also )?(?:says|said|states|adds)\b")


# A quote opening on the verb of the sentence's subject: "(the Council) “strongly
# condemns the offensive”", "“calls on Rwanda to withdraw”".
_QUOTED_PREDICATE_RE = re.compile(r"(?:[a-z]+ly\s+)?(?:[a-z]+s|reaffirms|is|has)\s+[a-z]")
_BEFORE_PREDICATE_RE = re.compile(r"\s+(?:also\s+)?[“\"‘]")
_SPEECH_ACT_RE = re.compile(
    r"^[’']s\s+(?:[a-z]+\s+)?(?:"
    + "|".join(sorted(words("speech_act_nouns"), key=len, reverse=True))
    + r")\s+(?:to|that|of)?\s*[“\"‘]?$"
)


_SUBJECT_END_RE = re.compile(
    r"(?:\b(?:he|she|it|they|who|which|that|also|again|still|now|[a-z]+ly)|[,)])\s+$", re.IGNORECASE
)


_VERB_FIRST_RE = re.compile(
    r"\s*(?:And\s+)?(?:said|added|affirmed|stressed|underlined|declared|noted|indicated|"
    r"explained|confirmed|considered|emphasi[sz]ed|welcomed)\s+(?=[A-Z]|the\s+[A-Z])"
)


def _is_verb(body: str, at: int, ends: set[int]) -> bool:
    """Whether a cue in -s ("states", "claims", "notes") is a verb, not a plural noun
    ("Western states headed by"): its subject (a mention or pronoun), an adverb or a
    closing comma stands right before it."""
    word = re.match(r"\w+", body[at : at + 20])
    if word is None or not word.group().endswith("s") or word.group().endswith("ss"):
        return True
    before = body[max(0, at - 30) : at]
    return at - 1 in ends or bool(_SUBJECT_END_RE.search(before))


def _colon_speaker(body: str, lo: int, start: int, mentions: list[Mention]) -> Mention | None:
    """ "Ruiz disagreed: “…”", "Ruiz's answer was blunt: “…”": the subject of the clause
    the colon closes."""
    if INDEFINITE_SUBJECT_RE.match(body, lo, start):
        return None  # "An ICRC weapon contamination specialist put it this way:": unnamed
    inside = [m for m in mentions if lo <= m.start and m.end <= start and m.kind != "demonym"]
    spokes_of = [m for m in inside if SPOKES_OF_RE.search(body, max(lo, m.start - 40), m.start)]
    if spokes_of and spokes_of[0] is inside[0]:
        return spokes_of[0]  # "A spokesperson for the United Nations … issued a statement:"
    return clause_subject(body, lo, inside)


def _owner_of_words(body: str, start: int, mentions: list[Mention]) -> tuple[Mention | None, bool]:
    """ "Ruiz's decision to “cut every tie …”": the words are the possessor's; "the
    Council “strongly condemns …”": the subject whose verb the quote opens on."""
    if _QUOTED_PREDICATE_RE.match(body, start):
        for m in mentions:
            if (
                start - 12 <= m.end < start
                and m.kind in ("person", "organization", "country")
                and _BEFORE_PREDICATE_RE.fullmatch(body, m.end, start)
                and not governed(body, m.start, max(0, m.start - 60))
            ):
                return m, True
    for m in mentions:
        if (
            start - 60 <= m.end < start
            and m.kind in ("person", "organization", "country")
            and _SPEECH_ACT_RE.match(body[m.end : start])
        ):
            return m, True
    return None, False


# A verb set off from the names before it by a comma, an auxiliary between: "X, advocate
# of Y, inscribed at the bar of Dakar, has denounced".
_SET_OFF_VERB_RE = re.compile(r",\s+(?:(?:has|have|had|also|then|later|again)\s+)*$")


_IN_BRACKETS_RE = re.compile(r"\s*\([^()]*")
_CLAUSE_CLOSED_RE = re.compile(r",\s+(?:was|were|is|are|has|have|had|would|will|remains)\b")
# "A spokesperson for the UN", "An ICRC spokeswoman": someone unnamed speaking for a body.
_UNNAMED_SPOKES_RE = re.compile(
    r"\s*(?:[Aa]n?|[Tt]he)\s+(?:[A-Z][\w-]*\s+)?(?:[a-z]+\s+)?spokes(?:man|woman|person)"
    r"(?:\s+(?:for|of)\s+(?:the\s+)?)?"
    # "Observers from the African Union said": the body's mission speaks
    r"|\s*(?:[Oo]bservers|[Mm]onitors)\s+(?:from|of)\s+the\s+(?=[A-Z])"
)
_WHOM_RE = re.compile(r"\bwhom\s+(?!(?:he|she|they|it|we|i)\b)(?:the\s+)?[a-z]")
_CLAUSE_BREAK_RE = re.compile(
    r"(?:,\s+(?:and|but|while|whereas|yet)|;)\s+"
    r"(?!(?:on|in|at|to|for|with|from|by|of|about|against|then|also|later)\b)"
)
_COORDINATED_RE = re.compile(r",?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?$")


_PARENTHETICAL_VERB_RE = re.compile(r"(?:said|says|added|adds|noted|notes|insisted|argued)$")


def _parenthetical(
    body: str, prefix_start: int, cue: re.Match[str], mentions: list[Mention]
) -> bool:
    """ "The outage, Fonseca de Reyes said, was …": a plain speech verb whose subject, a
    name, is set off by commas right before it."""
    if not _PARENTHETICAL_VERB_RE.match(cue.group()):
        return False
    at = prefix_start + cue.start()
    return any(
        m.kind != "demonym"
        and body[m.start].isupper()  # a name; "The killing, he said," is left to pronouns
        and body[m.end : at] == " "
        and body[m.start - 2 : m.start] == ", "
        for m in mentions
    )


def speaker_before(
    body: str, start: int, sentence: tuple[int, int], mentions: list[Mention]
) -> tuple[Mention | None, bool]:
    prefix_start = sentence[0]
    prefix = body[prefix_start:start]
    verb_first = _VERB_FIRST_RE.match(prefix)
    if verb_first:
        # Arabic in translation: "And said the Deputy Special Representative …, Mrs. X, in
        # her word after the meeting: “…”": the verb first, then the one who speaks.
        named = named_after(body, prefix_start + verb_first.end(), mentions)
        if named is not None:
            return named, True
    ends = {m.end for m in mentions if prefix_start <= m.end <= start}
    cues = [
        c
        for c in CUE_RE.finditer(prefix)
        if _is_verb(body, prefix_start + c.start(), ends)
        # "the offer, which the factions rejected, was “…”": another verb takes the quote;
        # but "The outage, Ruiz said, was “…”" sets the speaker off inside the clause
        and (
            not _CLAUSE_CLOSED_RE.match(prefix, c.end())
            or _parenthetical(body, prefix_start, c, mentions)
        )
    ]
    if not cues:
        if re.search(r":\s*[“\"‘]?$", prefix):
            return _colon_speaker(body, prefix_start, start, mentions), True
        return _owner_of_words(body, start, mentions)
    while cues and _passive(prefix, cues[-1]):
        # "He was condemned for the crimes of “…”": said of him, not by him; "the ministry
        # said that the board has been asked to report “…”": the verb before speaks.
        cues = cues[:-1]
    if not cues:
        return None, True
    cue = cues[-1]
    if len(cues) > 1 and _THAT_CLAUSE_RE.fullmatch(prefix, cues[-2].end(), cue.start()):
        # "The diplomat … manifested that Moscow considers “…”": the state's view, in the
        # words of the one reporting it.
        lo, hi = prefix_start + cues[-2].end(), prefix_start + cue.start()
        inner = [m for m in mentions if lo <= m.start < hi]
        if inner and all(m.kind == "country" for m in inner):
            cue = cues[-2]
    cue_start = prefix_start + cue.start()
    if cue.group().lower() == "according to":
        # "According to Vidal, “…”": the voice is named right after the cue.
        named = named_after(body, prefix_start + cue.end() + 1, mentions)
        if named is not None:
            return named, True
    if re.search(rf"\b{_SPEECH_NOUN_ALT} (?:also )?$", body[prefix_start:cue_start]):
        return None, False  # "The article also says": the speaker of the quotes before
    # "Speaking outside the embassy in Georgetown, the ambassador said:": the place
    # of a participle opening the sentence is no one speaking.
    opener = _PARTICIPLE_OPENER_RE.match(
        body, max(prefix_start, body.rfind("\n", prefix_start, cue_start) + 1), cue_start
    )
    lo = opener.end() if opener else prefix_start
    inside = [m for m in mentions if lo <= m.start and m.end <= cue_start and m.kind != "demonym"]
    if len(inside) > 1:
        # "The United Nations Verification Mission in Colombia": a name inside a name
        # is no subject of its own.
        inside = [
            m
            for m in inside
            if not any(
                o is not m
                and o.start <= m.start
                and m.end <= o.end
                and o.end - o.start > m.end - m.start
                for o in inside
            )
        ]
    for part in PART_OF_RE.finditer(body, lo, cue_start):
        inside = [m for m in inside if not part.start() <= m.start < part.end()]
    breaks = list(_CLAUSE_BREAK_RE.finditer(body, lo, cue_start))
    if breaks and body[breaks[-1].end() : cue_start].strip() and not cue.group().endswith("ing"):
        # "Argentina is no longer part of it, and Peru's new government has said": the
        # verb's clause has a subject of its own; the first clause's names are not it.
        after = breaks[-1].end()
        inside = [m for m in inside if m.start >= after]
        if not inside:
            return None, True
    spokes = _UNNAMED_SPOKES_RE.match(body, lo, cue_start)
    if spokes and not any(m.kind == "person" for m in inside):
        # "A spokesperson for the UN secretary-general has called for calm, saying": the
        # body the unnamed spokesperson speaks for.
        body_at = spokes.end()
        spoken_for = next(
            (m for m in inside if m.kind == "organization" and m.start == body_at), None
        )
        if spoken_for is None:
            spoken_for = next(
                (
                    m
                    for m in inside
                    if m.kind == "organization" and m.end <= spokes.end() and m.start > lo
                ),
                None,
            )
        return spoken_for, True
    unnamed = INDEFINITE_SUBJECT_RE.match(body, prefix_start, cue_start)
    if unnamed and not any(
        m.kind == "person" and body[unnamed.end() : m.start] in (", ", " ") for m in inside
    ):
        # "A senior official at the commission, speaking …, said:", but not "A teacher,
        # Carla Nunes, 45, said:"
        return None, True
    lead = body[prefix_start : inside[0].start].strip() if inside else "-"
    if len(inside) == 2 and paired(body, inside, 0) and lead in ("", "The"):
        return None, True  # "Saudi Arabia and the United States, which …, said": two voices
    whom = _WHOM_RE.search(body, lo, cue_start)
    if whom and not any(m.start >= whom.end() for m in inside):
        return None, True  # "X, whom the regime now calls the “president”": the regime's
    antecedent = antecedent_of_relative(body, inside, cue_start)
    if antecedent is not None:
        return antecedent, True
    in_relative = subject_of_relative(body, inside, prefix_start, cue_start)
    if in_relative is not None and "," not in body[prefix_start + cue.end() : start]:
        # "which the AN qualified as “…”", not "which the factions rejected, was “…”"
        return in_relative, True
    if joint_subjects(body, inside, cue_start):
        return None, True  # "The IOM and the UN Refugee Agency (UNHCR) manifested": two voices
    set_off = apposed(body, inside, cue_start)
    if set_off is not None and not cue.group().endswith("ing"):
        return set_off, True  # "teacher Carla Nunes, 45, said:"
    # "X congratulated the winner but said …": the coordinated verb's subject speaks.
    coordinated = _COORDINATED_RE.search(body, prefix_start, cue_start) is not None
    set_off_verb = _SET_OFF_VERB_RE.search(body, max(prefix_start, cue_start - 30), cue_start)
    if cue.group().endswith("ing") and (
        said := _SAID_THEN_ING_RE.search(body, max(prefix_start, cue_start - 110), cue_start)
    ):
        # "The NIA would take over, he said, adding that …": the one who said adds.
        voice = [m for m in inside if said.start("who") <= m.start < said.end("who")]
        return (voice[0] if voice else None), True
    if inside and (set_off_verb or cue.group().endswith("ing") or coordinated):
        # "Geoff Ramsey, a researcher at X, called ...", "the coalition ..., decrying":
        # the verb belongs to the clause's subject, not to the nearest name.
        apposed_name = [m for m in inside if body[m.end : cue_start].strip() == ","]
        if (
            apposed_name
            and apposed_name[-1].kind == "person"
            # not "the Government, represented by the Secretary General …, Mr. X, stated"
            and not governed_post(body, apposed_name[-1], prefix_start)
            and _POST_SET_OFF_RE.search(
                body, max(prefix_start, apposed_name[-1].start - 120), apposed_name[-1].start
            )
        ):
            return apposed_name[-1], True  # "that his main rival, María José Ortega, said"
        adjacent = [m for m in inside if body[m.end : cue_start].strip() == ""]
        if adjacent and word_before(body, adjacent[-1].start, prefix_start) == "with":
            return adjacent[-1], True  # "with Quispe saying ..."
        return clause_subject(body, prefix_start, inside), True
    return nearest_subject(body, inside, prefix_start, cue_start, one_cue=len(cues) == 1), True


_SAID_THEN_ING_RE = re.compile(
    # "…, the Ministry of Ports and Marine Transport said in a statement on Monday, calling"
    r",\s+(?P<who>he|she|they|it|(?:the\s+)?[A-Z][\w’'-]+(?:\s+(?:of|and|for|the)?\s*[A-Z][\w’'-]+){0,6})"
    r"\s+(?:said|says|told\s+\w+|added)(?:\s+in\s+a\s+(?:statement|communiqué|release))?"
    r"(?:\s+on\s+\w+)?,\s+$"
)
_PASSIVE_RE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$")


def _passive(prefix: str, cue: re.Match[str]) -> bool:
    """Whether the cue verb is passive ("was condemned", "has been asked"), which says
    nothing of who speaks; "was quoted as saying" still names the speaker."""
    word = cue.group().lower()
    if word.startswith(("quot", "heard", "overheard", "recorded")):
        return False
    return _PASSIVE_RE.search(prefix, max(0, cue.start() - 20), cue.start()) is not None


_THAT_CLAUSE_RE = re.compile(r"\s+that\s+[^,;:“”\"]{1,60}?\s+")
_PARTICIPLE_OPENER_RE = re.compile(
    r"\s*(?:Speaking|Writing|Talking|Addressing|Standing|Visiting)\b[^,.;:“”\"]{1,120},\s+"
)
# A sentence opening on someone unnamed: "A senior official at the commission", "One
# diplomat", "Two residents".
INDEFINITE_SUBJECT_RE = re.compile(
    rf"\s*(?:[Aa]n?|One|Another|Two|Three|Several|Some)\s+(?:(?:[\w.-]+\s+){{0,3}}"
    rf"(?:{PERSON_NOUNS})s?|\d+-year-old)\b"
)
# A post or description set off before a name: "his main rival, (X, said)".
_POST_SET_OFF_RE = re.compile(
    # "the Information Minister, X,": a release's capitals name the post too
    r"\b(?:[A-Za-z][\w-]*\s+){0,3}(?i:"
    + "|".join(re.escape(w) for w in sorted(LOWER_TITLES))
    # "The envoy of Venezuela's opposition in Santiago, X,": the post's complement
    + r")(?:\s+(?:of|for|to|in|at)\s+[^,;:“”\"]{1,70})?"
    # "foreign minister, Dato' Seri X,": honorifics between the post and the name
    + r",\s+(?:[A-Z][a-z]{1,5}['’.]?\s+){0,2}$"
)


def between(mentions: list[Mention], starts: list[int], lo: int, hi: int) -> list[Mention]:
    """The mentions (sorted by start, ``starts`` their starts) that start in ``[lo, hi)``."""
    return mentions[bisect_left(starts, lo) : bisect_left(starts, hi)]
