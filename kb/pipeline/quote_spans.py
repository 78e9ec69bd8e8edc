"""Quote spans: the clean body and its blocks in, the quoted spans out.

In:  the clean body and its blocks (paragraphs, captions, headings).
Out: ``find_spans``: every quoted span (scare quotes included) as inner offsets;
     ``is_real``: whether a span is a quote rather than scare quotes.
Rules: “…”, "…" and ‘…’ pairs; a stray mark used the wrong way round is read
as the writer meant (“… imperialism, “Ortega said.); a quote left open at a
paragraph's end runs to that end when the next paragraph opens a quote.
Short quotes with no reporting cue, quotes used as an adjective (“neutral”
countries) and quoted names (“Bolivarian Revolution”) are scare quotes.
Guarantees: never raises; every span lies inside one block of the body.
"""

# ruff: noqa: RUF001, RUF002 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from functools import lru_cache

from kb.pipeline.text import lexicon
from kb.pipeline.types import Block
from kb.pipeline.wordlists import words

_CUE_WORDS = sorted(
    lexicon("reporting_verbs")
    | words("quote_cues")
    | {"according to", "the words", "calling for", "claim"},
    key=len,
    reverse=True,
)
_REPORTING = lexicon("reporting_verbs") | {"he", "she", "they", "it"}
CUE_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _CUE_WORDS) + r")\b")
_SCARE_BEFORE_RE = re.compile(
    r"(?:so-called|known as|refer(?:red)? to as|dubbed|"
    r"(?:is|are|was|were|be|been) (?:called|labell?ed|branded)|what "
    r"(?:he|she|they|it) saw as|"
    r"the term|the word)(?:\s+(?:the|a|an))?\s*[“\"‘]?$",
    re.IGNORECASE,
)
# "called the bloc a “cartel”", "called Hun Sen “uncle”": a label, not words quoted.
_LABEL_BEFORE_RE = re.compile(
    r"\b(?:called|labell?ed|branded|dubbed)\s+(?!(?:a|an|the)\s+[“\"‘]$)(?:[\w’'-]+\s+){1,3}"
    r"(?:an?\s+)?[“\"‘]$"
)
_SCARE_AFTER_RE = re.compile(
    r"^[”\"’]?\s*,?\s*as [\w\s]{0,30}(?:refer to|call it|put it colloquially)", re.IGNORECASE
)
_FUNCTION_WORDS = words("function_words")
VERB_AFTER = (
    r"(?:has\s+|had\s+|have\s+)?(?:said|says|say|wrote|writes|told|tells|added|adds|tweeted|"
    r"declared|insisted|stated|argued|warned|explained|noted|announced|asked|replied|continued|"
    r"recalled|expressed|denounced|informed|precised|specified|indicated|affirmed|assured|"
    r"stressed|emphasi[sz]ed|underlined|concluded|commented|observed|remarked|admitted|"
    r"acknowledged|conceded|claimed|responded|reiterated|maintained|sustained|asserted|"
    r"shouted|cried|yelled|chanted|screamed|whispered|pleaded|joked|sighed|answered|"
    r"regretted|lamented|deplored|confided|cautioned|hammered|manifested|vented|exclaimed|"
    r"complained|protested|urged|demanded|sentenced|referred|guaranteed|promised|pledged|vowed|"
    r"clarified|revealed|reaffirmed|estimated|considered|judged)"
)
_OPENERS = '“"‘'


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
                    rf"\s*(?:[A-Z][\w’'.-]*\s+){{1,4}}?{VERB_AFTER}\b|\s*(?:he|she)\s+{VERB_AFTER}\b",
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
    if open_at is not None and (
        (len(text) - open_at > 40 and next_text[:1] in _OPENERS) or text.startswith(" “")
    ):  # (" “" opens a dialogue paragraph, which its end closes)
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


# French and Spanish copy quote with guillemets, German, Indonesian and Polish copy with
# „low marks“, Russian copy in dialogue paragraphs ("— A, — declared X. — B."): each read
# as the curly marks it stands for, one character for one, so every offset holds.
GUILLEMETS = str.maketrans({"«": "“", "»": "”"})
_LOW_PAIR_RE = re.compile(r"„([^„“”\n]{0,600}?)[“”]")
_DIALOGUE_RE = re.compile(r"^— (?=[A-Z])", re.MULTILINE)
_DIALOGUE_DASH_RE = re.compile(
    r"(?<=[,.!?…] )—(?= [a-z])|(?<=[.!?…] )—(?= [A-Z])"
    # "— We came down with the debt — says Cárdenas": a speech verb closes it unpunctuated
    r"|(?<=\w )—(?= (?:(?:she|he|they)\s+)?(?:says|said|answers|answered|asks|asked|replies|"
    r"replied|adds|added|explains|explained|declares|declared|recounts|recounted|insists|"
    r"insisted|tells|told)\b)"
)


def as_curly(body: str) -> str:
    """``body`` with « », „ “ and dialogue dashes read as “ ” (the same length)."""
    if "«" in body:
        body = body.translate(GUILLEMETS)
    if "„" in body:
        body = _low_pairs(body)
    if "\n— " in body or body.startswith("— "):
        body = _dialogue(body)
    return body


def _low_pairs(body: str) -> str:
    """ "„Fine,“" as “Fine,”; a pair inside an English quote ("“He called it „a fraud“ and
    left,”") as a quote within it, ‘a fraud’."""
    chars = list(body)
    for match in _LOW_PAIR_RE.finditer(body):
        start, end = match.start(), match.end() - 1
        line = "".join(chars[body.rfind("\n", 0, start) + 1 : start])
        inside = line.count("“") > line.count("”")
        chars[start], chars[end] = ("‘", "’") if inside else ("“", "”")
    return "".join(chars)


def _dialogue(body: str) -> str:
    """A paragraph opening on a dash that a cue closes ("— We have coal, — declared X.")
    or that a colon introduces is speech: its dashes open and close it in turn."""
    chars: list[str] | None = None
    for match in _DIALOGUE_RE.finditer(body):
        end = body.find("\n", match.start())
        end = len(body) if end < 0 else end
        dashes = list(_DIALOGUE_DASH_RE.finditer(body, match.start(), end))
        if not body[: match.start()].rstrip().endswith(":") and not (
            dashes and body[dashes[0].end() + 1].islower()
        ):
            continue  # "— With inputs from agencies": a line's dash, nobody's words
        # "— We" reads " “We" and ", — declared" reads ",”  declared": the marks sit
        # against the words, as typed quotes do.
        chars = chars if chars is not None else list(body)
        chars[match.start()], chars[match.start() + 1], is_open = " ", "“", True
        for dash in dashes:
            at, closes = dash.start(), body[dash.end() + 1].islower()
            if closes == is_open:
                chars[at - 1 : at + 2] = ["”", " ", " "] if closes else [" ", " ", "“"]
                is_open = not closes
    return "".join(chars) if chars is not None else body


def find_spans(body: str, blocks: tuple[Block, ...]) -> list[tuple[int, int]]:
    """Every quoted span (scare quotes included), as inner (start, end) offsets."""
    return list(_spans_of(as_curly(body), blocks))


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


def _whole_sentence(body: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """A quote that opens on a capital, closes on a stop and is its whole sentence."""
    text = body[start:end].rstrip()
    return (
        text[:1].isupper()
        and text[-1:] in ".?!"
        and not body[sentence[0] : start].strip(' “"‘\n')
        and not body[end : sentence[1]].strip(' ”"’\n')
    )


def is_real(
    body: str, start: int, end: int, sentence: tuple[int, int], cued_sentences: set[tuple[int, int]]
) -> bool:
    text = body[start:end]
    words = re.findall(r"[\w’'-]+", text)
    before = body[max(sentence[0], start - 110) : start]
    near_before = body[max(sentence[0], start - 30) : start]
    after = body[end : min(sentence[1] + 1, end + 50)]
    if _SCARE_BEFORE_RE.search(before.rstrip('“"‘ ')) or _SCARE_AFTER_RE.match(after):
        return False
    if len(words) == 1 and text[-1:].isalpha() and _LABEL_BEFORE_RE.search(before):
        return False  # a name given to something: called the bloc a “cartel”
    if len(words) >= 8 or (len(words) >= 4 and text.rstrip()[-1:] in ".?!,:"):
        return True
    if len(words) >= 2 and _whole_sentence(body, start, end, sentence):
        return True  # “No one lost.”: a short sentence of its own is somebody's words
    alpha = [w for w in words if w[0].isalpha()]
    if alpha and all(w[0].isupper() for w in alpha) and len(alpha) <= 6:
        return False  # a quoted name: “Bolivarian Revolution”
    near_cue = bool(CUE_RE.search(near_before)) or (
        len(words) >= 3 and re.search(r":\s*[“\"‘]?$", near_before) is not None
    )
    following = re.match(r"^[”\"’]\s+([a-z][a-z-]*)", after)
    if following and not near_cue:
        word = following.group(1)
        if (
            word not in _FUNCTION_WORDS
            and word not in _REPORTING
            and not word.endswith(("ed", "ing"))
        ):
            return False  # used as an adjective: “neutral” countries
    if near_cue or CUE_RE.search(before) or CUE_RE.search(after[:40]):
        return True
    return sentence in cued_sentences
