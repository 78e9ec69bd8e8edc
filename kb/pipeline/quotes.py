"""Quotes: clean body and the actors found in it in, quotes with speakers out.

In:  the clean body, its blocks, and the actor and country mentions.
Out: ``Quote``s whose span is the text inside the quote marks, with the
     speaker's name (an ``ActorFound.name`` or a country name) when the text
     names one.
Rules: “…”, "…" and ‘…’ pairs; a stray mark used the wrong way round is read
as the writer meant (“… imperialism, “Ortega said.); a quote left open at a
paragraph's end runs to that end when the next paragraph opens a quote.
Short quotes with no reporting cue, quotes used as an adjective (“neutral”
countries) and quoted names (“Bolivarian Revolution”) are scare quotes and are
dropped. Speakers come from "X said", "said X", "X wrote/told", "according to
X", "X, who ..., said", a participle ("..., saying"), "he said" (the person
last named), or the previous quote when a quote continues it.
Guarantees: never raises; ``body[q.start:q.end] == q.text`` for every quote.
"""

# ruff: noqa: RUF001, RUF002 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from kb.pipeline.coreference import UNRESOLVED, merge, resolve
from kb.pipeline.text import lexicon, sentence_bounds
from kb.pipeline.types import ActorFound, Block, Mention, Quote, RoleFound

_CUE_WORDS = sorted(
    lexicon("reporting_verbs") | {"according to", "the words", "calling for", "claim"},
    key=len,
    reverse=True,
)
_REPORTING = lexicon("reporting_verbs") | {"he", "she", "they", "it"}
_CUE_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _CUE_WORDS) + r")\b")
_SCARE_BEFORE_RE = re.compile(
    r"(?:so-called|known as|refer(?:red)? to as|dubbed|(?:is|are|was|were|be|been) called|what "
    r"(?:he|she|they|it) saw as|"
    r"the term|the word)\s*(?:(?:the|a|an)\s+)?[“\"‘]?$",
    re.IGNORECASE,
)
_SCARE_AFTER_RE = re.compile(
    r"^[”\"’]?\s*,?\s*as [\w\s]{0,30}(?:refer to|call it|put it colloquially)", re.IGNORECASE
)
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "to",
        "of",
        "in",
        "on",
        "by",
        "for",
        "and",
        "or",
        "but",
        "as",
        "at",
        "with",
        "from",
        "that",
        "which",
        "who",
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "must",
        "than",
        "then",
        "so",
        "if",
        "while",
        "when",
        "into",
        "onto",
        "over",
        "under",
        "toward",
        "towards",
        "against",
        "about",
        "within",
        "without",
        "between",
        "among",
        "through",
        "during",
        "before",
        "after",
        "across",
        "until",
        "since",
        "per",
        "like",
        "beyond",
        "despite",
        "amid",
    ]
)
_VERB_AFTER = (
    r"(?:has\s+|had\s+|have\s+)?(?:said|says|say|wrote|writes|told|tells|added|adds|tweeted|"
    r"declared|insisted|stated|argued|warned|explained|noted|announced|asked|replied|continued|"
    r"recalled)"
)
_PRONOUN_AFTER_RE = re.compile(rf"^[\s,.!?”\"’]*\s*(?:he|she)\s+{_VERB_AFTER}\b", re.IGNORECASE)
_OPENERS = '“"‘'
_SPEECH_NOUN_ALT = (
    r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]hat) "
    r"(?:article|piece|op-ed|letter|statement|interview|tweet|post)"
)
_SPEECH_NOUN_RE = re.compile(rf"\b{_SPEECH_NOUN_ALT} (?:also )?(?:says|said|states|adds)\b")


def _scan_doubles(text: str, offset: int, next_text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for match in re.finditer(r"[“”\"]", text):
        i, mark = match.start(), match.group()
        if mark == '"':
            if open_at is None:
                open_at = i
            else:
                spans.append((open_at + 1, i))
                open_at = None
        elif mark == "“":
            if (
                open_at is not None
                and re.match(
                    rf"\s*(?:[A-Z][\w’'.-]*\s+){{1,4}}?{_VERB_AFTER}\b|\s*(?:he|she)\s+{_VERB_AFTER}\b",
                    text[i + 1 : i + 60],
                )
                and re.search(r"[,.!?]\s*$", text[open_at:i])
            ):
                spans.append(
                    (open_at + 1, i)
                )  # an opening mark typed where the closing one belongs
                open_at = None
            else:
                open_at = i
        elif open_at is not None:
            spans.append((open_at + 1, i))
            open_at = None
        elif (
            spans
            and 2 <= len(text[spans[-1][1] + 1 : i].split()) <= 25
            and not re.search(r"[“\"]", text[spans[-1][1] + 1 : i])
        ):
            spans.append((spans[-1][1] + 1, i))  # the opening mark was lost: “a:” b? ”
        elif "”" in text[i + 1 :]:
            open_at = i  # a closing mark typed where an opening one belongs
    if open_at is not None and len(text) - open_at > 40 and next_text[:1] in _OPENERS:
        spans.append((open_at + 1, len(text)))
    return [(offset + s, offset + e) for s, e in spans]


# Straight single quotes double as apostrophes, so only a sentence-like run counts:
# it opens on a capital after a space and closes on punctuation before a non-letter;
# "Venezuela's" inside is an apostrophe between letters.
_STRAIGHT_SINGLE_RE = re.compile(
    r"(?<![\w'])'([A-Z](?:[^'\n]|(?<=\w)'(?=\w)){8,300}?[,.!?])'(?!\w)"
)


def _scan_singles(text: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"‘([^‘’\n]{1,200}?)’(?![A-Za-z])", text):
        spans.append((offset + match.start(1), offset + match.end(1)))
    if "'" in text:
        for match in _STRAIGHT_SINGLE_RE.finditer(text):
            spans.append((offset + match.start(1), offset + match.end(1)))
    return spans


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def find_spans(body: str, blocks: tuple[Block, ...]) -> list[tuple[int, int]]:
    """Every quoted span (scare quotes included), as inner (start, end) offsets."""
    return list(_spans_of(body, blocks))


@lru_cache(maxsize=4)
def _spans_of(body: str, blocks: tuple[Block, ...]) -> tuple[tuple[int, int], ...]:
    """``find_spans``, once per article: ``extract`` needs the spans before the actors
    and ``find_quotes`` again after them."""
    spans: list[tuple[int, int]] = []
    for index, block in enumerate(blocks):
        text = body[block.start : block.end]
        nxt = blocks[index + 1] if index + 1 < len(blocks) else None
        next_text = body[nxt.start : nxt.end] if nxt else ""
        doubles = _scan_doubles(text, block.start, next_text)
        singles = [
            s
            for s in _scan_singles(text, block.start)
            if not any(ds <= s[0] < de for ds, de in doubles)
        ]
        for start, end in sorted(doubles + singles):
            start, end = _trim(body, start, end)
            if end > start:
                spans.append((start, end))
    return tuple(spans)


def _outside(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """The mentions (sorted) that start in none of the (sorted) spans, in one sweep."""
    kept: list[Mention] = []
    index = 0
    for m in mentions:
        while index < len(spans) and spans[index][1] <= m.start:
            index += 1
        if index < len(spans) and spans[index][0] <= m.start:
            continue
        kept.append(m)
    return kept


def _sentence_of(bounds: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for start, end in bounds:
        if start <= pos < end:
            return start, end
    return pos, pos


def _is_real(
    body: str, start: int, end: int, sentence: tuple[int, int], cued_sentences: set[tuple[int, int]]
) -> bool:
    text = body[start:end]
    words = re.findall(r"[\w’'-]+", text)
    before = body[max(sentence[0], start - 110) : start]
    near_before = body[max(sentence[0], start - 30) : start]
    after = body[end : min(sentence[1] + 1, end + 50)]
    if _SCARE_BEFORE_RE.search(before.rstrip('“"‘ ')) or _SCARE_AFTER_RE.match(after):
        return False
    if len(words) >= 8 or (len(words) >= 4 and text.rstrip()[-1:] in ".?!,:"):
        return True
    alpha = [w for w in words if w[0].isalpha()]
    if alpha and all(w[0].isupper() for w in alpha) and len(alpha) <= 6:
        return False  # a quoted name: “Bolivarian Revolution”
    near_cue = bool(_CUE_RE.search(near_before))
    following = re.match(r"^[”\"’]\s+([a-z][a-z-]*)", after)
    if following and not near_cue:
        word = following.group(1)
        if (
            word not in _FUNCTION_WORDS
            and word not in _REPORTING
            and not word.endswith(("ed", "ing"))
        ):
            return False  # used as an adjective: “neutral” countries
    if near_cue or _CUE_RE.search(before) or _CUE_RE.search(after[:40]):
        return True
    return sentence in cued_sentences


_CLOSED_SENTENCE_RE = re.compile(r"^[”\"’']\s*[.!?]\s+[A-Z]")
# '“…,” Kremlin spokesman Dmitry Peskov told': a short title between quote and name.
_TITLE_WORDS_RE = re.compile(r"(?:[A-Z][\w’'.-]*\s+){0,3}[a-z][\w-]*(?:\s+[A-Z][\w’'.-]*){0,2}\s+")


def _speaker_after(
    body: str, end: int, sentence_end: int, mentions: list[Mention]
) -> tuple[Mention | None, bool]:
    after = body[end : end + 120].split("\n", 1)[0]
    if _CLOSED_SENTENCE_RE.match(after):
        return None, False  # '…regime”. Brazilian officials said': the next sentence's voice
    lead = re.match(r"^[\s,.!?:;”\"’“‘']*(?:(?:Mr|Mrs|Ms|Dr|President|General|Prof)\.?\s+)?", after)
    gap = lead.end() if lead else 0
    for m in mentions:
        if m.kind == "demonym" or not (end + gap - 1 <= m.start <= end + gap + 40):
            continue
        if m.start > end + gap + 1 and not _TITLE_WORDS_RE.fullmatch(body[end + gap : m.start]):
            continue
        rest = body[m.end : m.end + 80]
        if re.match(rf"\s*(?:,[^,]{{1,80}},\s*)?{_VERB_AFTER}\b", rest):
            return m, True
    verb_first = re.match(rf"^\s*{_VERB_AFTER}\s+", after[gap:])
    if verb_first:
        pos = end + gap + verb_first.end()
        for m in mentions:
            if m.kind != "demonym" and pos <= m.start <= pos + 20:
                return m, True
    if _PRONOUN_AFTER_RE.match(after):
        return None, True  # pronoun: resolved by the caller
    according = re.search(r"according to\s+(?:the\s+)?", after)
    if according:
        pos = end + according.end()
        for m in mentions:
            if m.kind != "demonym" and pos <= m.start <= pos + 5:
                return m, True
    return None, False


_PREPOSITIONS = frozenset(
    [
        "in",
        "of",
        "with",
        "to",
        "from",
        "for",
        "by",
        "on",
        "at",
        "against",
        "about",
        "following",
        "after",
        "before",
        "over",
        "under",
        "between",
        "among",
        "than",
        "via",
        "like",
        "as",
        "into",
        "onto",
        "toward",
        "towards",
        "behind",
        "beside",
        "near",
        "amid",
        "during",
        "since",
        "until",
        "across",
        "through",
        "within",
        "without",
        "upon",
    ]
)
_TITLE_GAP_RE = re.compile(r"^(?:[’']s)?(?:\s+(?:[A-Z][\w’'-]*|of|for|the))*\s+$")


def _word_before(body: str, pos: int, floor: int) -> str:
    """The word before ``pos`` in the clause, skipping a determiner ("with the EU" -> "with")."""
    words = re.findall(r"[A-Za-z’'-]+|[,;:()]", body[max(floor, pos - 40) : pos])
    while words and words[-1].lower() in ("the", "a", "an", "its", "their", "his", "her"):
        words.pop()
    return words[-1].lower() if words else ""


def _clause_subject(body: str, floor: int, inside: list[Mention]) -> Mention | None:
    """The first mention of the clause that no preposition governs: the subject of its verb.

    A country naming a title ("US Secretary of State Antony Blinken") yields the
    person it qualifies.
    """
    for index, mention in enumerate(inside):
        if _word_before(body, mention.start, floor) in _PREPOSITIONS:
            continue
        if body[mention.end : mention.end + 2] in ("'s", "’s") and index + 1 < len(inside):
            # "The Commission's spokesman, Olof Gill, said": the possessor is not the subject.
            continue
        if mention.kind in ("country", "demonym") and index + 1 < len(inside):
            nxt = inside[index + 1]
            if nxt.kind in ("person", "organization") and _TITLE_GAP_RE.match(
                body[mention.end : nxt.start] + " "
            ):
                return nxt
        return mention
    return inside[0] if inside else None


def _speaker_before(
    body: str, start: int, sentence: tuple[int, int], mentions: list[Mention]
) -> tuple[Mention | None, bool]:
    prefix_start = sentence[0]
    prefix = body[prefix_start:start]
    cues = list(_CUE_RE.finditer(prefix))
    if not cues:
        return None, False
    cue = cues[-1]
    cue_start = prefix_start + cue.start()
    if re.search(rf"\b{_SPEECH_NOUN_ALT} (?:also )?$", body[prefix_start:cue_start]):
        return None, False  # "The article also says": the speaker of the quotes before
    inside = [
        m
        for m in mentions
        if prefix_start <= m.start and m.end <= cue_start and m.kind != "demonym"
    ]
    if inside and (body[cue_start - 2 : cue_start] == ", " or cue.group().endswith("ing")):
        # "Geoff Ramsey, a researcher at X, called ...", "the coalition ..., decrying":
        # the verb belongs to the clause's subject, not to the nearest name.
        adjacent = [m for m in inside if body[m.end : cue_start].strip() == ""]
        if adjacent and _word_before(body, adjacent[-1].start, prefix_start) == "with":
            return adjacent[-1], True  # "with Quispe saying ..."
        return _clause_subject(body, prefix_start, inside), True
    # A country in a title ("US President Donald Trump") is rarely the speaker when a
    # person or body is named.
    actors_inside = [m for m in inside if m.kind in ("person", "organization")]
    inside = actors_inside or inside
    if inside:
        return inside[-1], True
    return None, True


def _between(mentions: list[Mention], starts: list[int], lo: int, hi: int) -> list[Mention]:
    """The mentions (sorted by start, ``starts`` their starts) that start in ``[lo, hi)``."""
    return mentions[bisect_left(starts, lo) : bisect_left(starts, hi)]


def _framed_speaker(
    body: str,
    end: int,
    sentence: tuple[int, int],
    mentions: list[Mention],
    starts: list[int],
) -> Mention | None:
    """A person set off by commas later in the quote's sentence: '“…” if …, Ana Quispe, …'."""
    for m in _between(mentions, starts, end, sentence[1]):
        if (
            end <= m.start < sentence[1]
            and m.kind == "person"
            and body[m.start - 2 : m.start] == ", "
            and body[m.end : m.end + 1] == ","
        ):
            return m
    return None


def _introduced_speaker(
    body: str,
    start: int,
    bounds: list[tuple[int, int]],
    block: Block | None,
    mentions: list[Mention],
    starts: list[int],
) -> Mention | None:
    """The person the sentence before an uncued quote introduces, in the same paragraph."""
    if block is None:
        return None
    index = bisect_left(bounds, (start + 1,)) - 1
    while index >= 0 and bounds[index][1] > start:
        index -= 1
    if index < 0 or bounds[index][0] < block.start:
        return None
    lo, hi = bounds[index]
    people = [m for m in _between(mentions, starts, lo, hi) if m.end <= hi and m.kind == "person"]
    for m in people:
        if _word_before(body, m.start, lo) not in _PREPOSITIONS:
            return m
    return None


_FOR_SPEAKER_RE = re.compile(
    r"\s*(?:For|To|In the (?:view|words|opinion) of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"[A-ZÀ-Þ][\w’'-]*(?:\s+[A-ZÀ-Þ][\w’'-]*){0,3}(?=,)"
)


def find_quotes(
    body: str,
    blocks: tuple[Block, ...],
    mentions: list[Mention],
    *,
    actors: tuple[ActorFound, ...] = (),
    roles: tuple[RoleFound, ...] = (),
    display: dict[str, str] | None = None,
    coreference: Sequence[Mention] | None = None,
) -> tuple[Quote, ...]:
    """The quotes of ``body`` with their speakers; ``coreference`` is
    ``coreference.resolve``'s output (computed here when not given)."""
    spans = find_spans(body, blocks)
    if coreference is None:
        coreference = resolve(
            body, mentions, actors=actors, roles=roles, display=display, quotes=spans
        )
    mentions = merge(mentions, coreference)
    bounds = sentence_bounds(body)
    cued_sentences: set[tuple[int, int]] = set()
    quotes: list[Quote] = []
    previous: Quote | None = None
    # A name inside any quote ("China is the only country ...") speaks for no other quote.
    outside = _outside(mentions, spans)
    outside_starts = [m.start for m in outside]
    for start, end in spans:
        sentence = _sentence_of(bounds, start)
        if not _is_real(body, start, end, sentence, cued_sentences):
            continue
        speaker, cued = _speaker_after(body, end, sentence[1], outside)
        if not cued:
            framed = _FOR_SPEAKER_RE.match(body, sentence[0], start)
            if framed:
                # "For the analyst Atilio Boron, the group “was born dead …”": whose view.
                pos = framed.end()
                speaker = next(
                    (m for m in outside if m.kind == "person" and m.end == pos),
                    None,
                )
                cued = speaker is not None
        if not cued:
            speaker, cued = _speaker_before(body, start, sentence, outside)
        if cued:
            cued_sentences.add(sentence)
        if speaker is not None and speaker.kind == UNRESOLVED:
            speaker = None  # a voice the text names but no actor of ours: no guess
        if (
            speaker is None
            and previous is not None
            and previous.speaker
            and sentence[0] <= previous.start
            and re.search(r"\b(?:he|she|they)\b", body[previous.end : start], re.IGNORECASE)
        ):
            # '“…,” he said, calling the attack “a dangerous escalation”': the same voice.
            speaker = Mention(*(previous.speaker_span or (0, 0)), previous.speaker, "person")
        name: str | None = speaker.name if speaker else None
        span: tuple[int, int] | None = (speaker.start, speaker.end) if speaker else None
        if not cued:
            block = next((b for b in blocks if b.start <= start < b.end), None)
            opens_block = block is not None and start - 1 <= block.start + 1
            between = body[previous.end : start] if previous else ""
            follows = previous is not None and len(between) <= 60 and "\n" not in between
            inherit = previous is not None and (
                opens_block or follows or bool(_SPEECH_NOUN_RE.search(body[sentence[0] : start]))
            )
            guess = _framed_speaker(body, end, sentence, outside, outside_starts)
            if guess is None and not opens_block and not follows:
                guess = _introduced_speaker(body, start, bounds, block, outside, outside_starts)
            if guess is not None:
                name, span = guess.name, (guess.start, guess.end)
            elif inherit and previous is not None:
                name, span = previous.speaker, previous.speaker_span
        quote = Quote(body[start:end], start, end, name, span)
        quotes.append(quote)
        previous = quote
    return tuple(quotes)
