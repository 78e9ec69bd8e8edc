"""Quotes: clean body and the actors found in it in, quotes with speakers out.

In:  the clean body, its blocks, and the actor and country mentions.
Out: ``Quote``s whose span is the text inside the quote marks, with the
     speaker's name (an ``ActorFound.name`` or a country name) when the text
     names one.
Rules: “…”, "…" and ‘…’ pairs; a stray mark used the wrong way round is read
as the writer meant (“… imperialism, “Cabello said.); a quote left open at a
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
from dataclasses import dataclass

from kb.pipeline.text import lexicon, sentence_bounds
from kb.pipeline.types import Block, Quote


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    name: str
    kind: str  # person | organization | country | demonym


_CUE_WORDS = sorted(
    lexicon("reporting_verbs") | {"according to", "the words", "calling for", "claim"},
    key=len,
    reverse=True,
)
_REPORTING = lexicon("reporting_verbs") | {"he", "she", "they", "it"}
_CUE_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _CUE_WORDS) + r")\b")
_SCARE_BEFORE_RE = re.compile(
    r"(?:so-called|known as|refer(?:red)? to as|dubbed|(?:is|are|was|were|be|been) called|what (?:he|she|they|it) saw as|"
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
_VERB_AFTER = r"(?:has\s+|had\s+|have\s+)?(?:said|says|say|wrote|writes|told|tells|added|adds|tweeted|declared|insisted|stated|argued|warned|explained|noted|announced|asked|replied|continued|recalled)"
_PRONOUN_AFTER_RE = re.compile(rf"^[\s,.!?”\"’]*\s*(?:he|she)\s+{_VERB_AFTER}\b", re.IGNORECASE)
_OPENERS = '“"‘'
_SPEECH_NOUN_RE = re.compile(
    r"\b(?:the|his|her|that) (?:article|piece|op-ed|letter|statement|interview|tweet|post) (?:also )?(?:says|said|states|adds)\b"
)


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


def _scan_singles(text: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    for match in re.finditer(r"‘([^‘’\n]{1,200}?)’(?![A-Za-z])", text):
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
    return spans


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


def _speaker_after(
    body: str, end: int, sentence_end: int, mentions: list[Mention]
) -> tuple[Mention | None, bool]:
    after = body[end : end + 120].split("\n", 1)[0]
    lead = re.match(r"^[\s,.!?:;”\"’“‘]*(?:(?:Mr|Mrs|Ms|Dr|President|General|Prof)\.?\s+)?", after)
    gap = lead.end() if lead else 0
    for m in mentions:
        if m.kind == "demonym" or not (end + gap - 1 <= m.start <= end + gap + 1):
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


def _last_person(mentions: list[Mention], before: int) -> Mention | None:
    people = [m for m in mentions if m.kind == "person" and m.end <= before]
    return people[-1] if people else None


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
    if re.search(
        r"\b(?:the|his|her|that) (?:article|piece|op-ed|letter|statement|interview|tweet|post) (?:also )?$",
        body[prefix_start:cue_start],
    ):
        return None, False  # "The article also says": the speaker of the quotes before
    inside = [
        m
        for m in mentions
        if prefix_start <= m.start and m.end <= cue_start and m.kind != "demonym"
    ]
    # A country in a title ("US President Donald Trump") is rarely the speaker when a person or body is named.
    actors_inside = [m for m in inside if m.kind in ("person", "organization")]
    inside = actors_inside or inside
    if (
        inside
        and body[cue_start - 2 : cue_start] == ", "
        and body[inside[0].end : inside[0].end + 1] == ","
    ):
        return inside[0], True  # "Geoff Ramsey, a researcher at X, called ..."
    if cue.group().endswith("ing"):
        adjacent = [m for m in inside if body[m.end : cue_start].strip() == ""]
        if adjacent:
            return adjacent[-1], True
        if inside:
            return inside[0], True
    elif inside:
        return inside[-1], True
    if (
        re.search(
            r"\b(?:he|she)\s+(?:has\s+|had\s+)?$", body[prefix_start:cue_start], re.IGNORECASE
        )
        or not inside
    ):
        if re.search(r"\b(?:he|she)\b", body[prefix_start:cue_start], re.IGNORECASE):
            return _last_person(mentions, cue_start), True
    return None, True


def find_quotes(body: str, blocks: tuple[Block, ...], mentions: list[Mention]) -> tuple[Quote, ...]:
    mentions = sorted(mentions, key=lambda m: m.start)
    bounds = sentence_bounds(body)
    spans = find_spans(body, blocks)
    cued_sentences: set[tuple[int, int]] = set()
    quotes: list[Quote] = []
    previous: Quote | None = None
    for start, end in spans:
        sentence = _sentence_of(bounds, start)
        if not _is_real(body, start, end, sentence, cued_sentences):
            continue
        outside = [m for m in mentions if not (start <= m.start < end)]
        speaker, cued = _speaker_after(body, end, sentence[1], outside)
        if speaker is None and cued:
            speaker = _last_person(outside, start)
        if not cued:
            speaker, cued = _speaker_before(body, start, sentence, outside)
        if cued:
            cued_sentences.add(sentence)
        name: str | None = speaker.name if speaker else None
        span: tuple[int, int] | None = (speaker.start, speaker.end) if speaker else None
        if not cued and previous is not None:
            opens_block = any(b.start <= start - 1 <= b.start + 1 for b in blocks) or bool(
                _SPEECH_NOUN_RE.search(body[sentence[0] : start])
            )
            between = body[previous.end : start]
            follows = len(between) <= 60 and "\n" not in between
            if opens_block or follows:
                name, span = previous.speaker, previous.speaker_span
        quote = Quote(body[start:end], start, end, name, span)
        quotes.append(quote)
        previous = quote
    return tuple(quotes)
