"""Quotes: clean body and the actors found in it in, quotes with speakers out.

In:  the clean body, its blocks, the actor and country mentions and the
     coreference stage's mentions (descriptions and pronouns).
Out: ``Quote``s whose span is the text inside the quote marks (see
     ``quote_spans``), with the speaker's name (an ``ActorFound.name`` or a
     country name) when the text names one (see ``speakers``), else None.
Rules: a cue next to the quote names its speaker; a quote with no cue of its
own takes the person a comma frames after it, the person the sentence before
introduces, or the speaker of the quote it continues (same sentence, right
after it, or a paragraph opening on a quote). A voice the text names but no
actor stands for gives no speaker.
Guarantees: never raises; ``body[q.start:q.end] == q.text`` for every quote.
"""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kb.pipeline.coreference import UNRESOLVED, merge, resolve
from kb.pipeline.pronouns import TIMESTAMP_LINE_RE
from kb.pipeline.quote_spans import as_curly, find_spans, is_real
from kb.pipeline.speaker_after import speaker_after, trailing_cue
from kb.pipeline.speaker_confidence import attributed
from kb.pipeline.speaker_uncued import framed_speaker, introduced_speaker, next_speaker
from kb.pipeline.speakers import (
    SPEECH_NOUN_RE,
    between,
    speaker_before,
)
from kb.pipeline.text import sentence_bounds
from kb.pipeline.transcripts import label_speaker, turns
from kb.pipeline.types import ActorFound, Block, Mention, Quote, RoleFound

__all__ = ["find_quotes", "find_spans"]


_COMPOUND_AFTER_RE = re.compile(
    r"-(?:linked|affiliated|backed|led|aligned|allied|inspired|run|controlled|held|based)\b"
)


def _outside(mentions: list[Mention], spans: Sequence[tuple[int, int]]) -> list[Mention]:
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


_FOR_SPEAKER_RE = re.compile(
    r"\s*(?:For|To|In the (?:view|words|opinion) of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"[A-ZÀ-Þ][\w’'-]*(?:\s+[A-ZÀ-Þ][\w’'-]*){0,3}(?=,)"
)


_WE_THE_RE = re.compile(r"\s*We\s*(?:,|--|—|–)\s*(?:the\s+)?")


def _self_named(body: str, start: int, mentions: list[Mention]) -> Mention | None:
    """ "“We -- the Committee for the Transition ... -- have chosen ...”": a body that
    names itself as the quote's "we" is its voice."""
    we = _WE_THE_RE.match(body, start)
    if we is None:
        return None
    return next((m for m in mentions if m.start == we.end() and m.kind == "organization"), None)


@dataclass(frozen=True, slots=True)
class _Context:
    body: str
    blocks: tuple[Block, ...]
    bounds: list[tuple[int, int]]
    outside: list[Mention]  # mentions outside every quote, sorted
    starts: list[int]  # their starts


def find_quotes(
    body: str,
    blocks: tuple[Block, ...],
    mentions: list[Mention],
    *,
    actors: tuple[ActorFound, ...] = (),
    roles: tuple[RoleFound, ...] = (),
    display: dict[str, str] | None = None,
    coreference: Sequence[Mention] | None = None,
    spans: Sequence[tuple[int, int]] | None = None,
) -> tuple[Quote, ...]:
    """The quotes of ``body`` with their speakers; ``coreference`` is
    ``coreference.resolve``'s output and ``spans`` ``find_spans``' (each computed
    here when not given)."""
    text_of, body = body, as_curly(body)  # « », „ “ and dialogue dashes are quote marks too
    # (the quotes' text is the body's own, marks inside a quote as the body writes them)
    if spans is None:
        spans = find_spans(body, blocks)
    # A transcript's turns are speech too; the names in them are the article's actors
    # (they are no part of ``find_spans``, which decides where names are discovered).
    turn_spans = turns(body, blocks)
    labels = {start: label for start, _end, label in turn_spans}
    if labels:
        spans = sorted({*spans, *((s, e) for s, e, _l in turn_spans)})
    if coreference is None:
        coreference = resolve(
            body, mentions, actors=actors, roles=roles, display=display, quotes=spans
        )
    # A name inside any quote ("China is the only country ...") speaks for no other quote,
    # nor one an adjective is made of ("the al-Qaeda-linked JNIM claimed").
    outside = [
        m
        for m in _outside(merge(mentions, coreference), spans)
        if not _COMPOUND_AFTER_RE.match(body, m.end)
    ]
    ctx = _Context(body, blocks, sentence_bounds(body), outside, [m.start for m in outside])
    cued_sentences: set[tuple[int, int]] = set()
    quotes: list[Quote] = []
    cued_at: set[int] = set()  # the starts of the quotes a cue around them attributes
    previous: Quote | None = None
    for start, end in spans:
        sentence = _sentence_of(ctx.bounds, start)
        if start in labels:
            # "MS PORTER: We are watching.": a transcript's turn is its speaker's words.
            voice = label_speaker(body, labels[start], outside)
            span = (voice.start, voice.end) if voice else None
            quote = Quote(text_of[start:end], start, end, voice.name if voice else None, span)
            previous = attributed(body, quote, "label")
            quotes.append(previous)
            continue
        if not is_real(body, start, end, sentence, cued_sentences):
            continue
        speaker, cued, rule = _cued_speaker(ctx, start, end, sentence)
        if cued:
            cued_sentences.add(sentence)
            cued_at.add(start)
        if speaker is None and _continues(body, sentence, start, previous):
            # '“…,” he said, calling the attack “a dangerous escalation”': the same voice.
            assert previous is not None
            speaker = Mention(*(previous.speaker_span or (0, 0)), previous.speaker or "", "person")
            rule = "continues"
        if speaker is None:
            speaker = _self_named(body, start, mentions) or None
            rule = "self" if speaker else rule
        name = speaker.name if speaker else None
        span = (speaker.start, speaker.end) if speaker else None
        if not cued:
            name, span, rule = _uncued_speaker(ctx, start, end, sentence, previous) or (
                name,
                span,
                rule,
            )
        quote = attributed(body, Quote(text_of[start:end], start, end, name, span), rule)
        quotes.append(quote)
        previous = quote
    return tuple(_reopened(body, quotes, cued_at))


# A quote left open at its paragraph's end, the next paragraph reopening it.
_REOPENED_RE = re.compile(r"[ \t]*\n\s*[“\"‘]")


def _reopened(body: str, quotes: list[Quote], cued_at: set[int]) -> list[Quote]:
    """ "“I worked 12 years … not living.¶“If they close the door …,” Contreras said":
    a paragraph left open continues in the next, so its speaker is the one the cue
    there names, or no one when it names no one ("…,” said a driver who …); a voice
    the open paragraph only inherited from an earlier quote gives way to it."""
    settled = set(cued_at)  # and those that take a settled voice from the next paragraph
    for k in range(len(quotes) - 2, -1, -1):
        quote, following = quotes[k], quotes[k + 1]
        if not _REOPENED_RE.fullmatch(body, quote.end, following.start):
            continue
        inherited = quote.start not in cued_at and following.start in settled
        if following.speaker != quote.speaker and (
            (quote.speaker is None and following.speaker) or (quote.speaker and inherited)
        ):
            speaker = replace(quote, speaker=following.speaker, speaker_span=following.speaker_span)
            quotes[k] = attributed(body, speaker, "reopened")
        if inherited:
            settled.add(quote.start)
    return quotes


def _continues(body: str, sentence: tuple[int, int], start: int, previous: Quote | None) -> bool:
    """Whether a quote continues ``previous``'s sentence after a pronoun, or after the
    attribution that named its speaker ('“…,” said X, in Bogotá, “but …”')."""
    # A sentence split inside the previous quote ('“… brave. But …,” said X, “and …”')
    # still holds it.
    if previous is None or not previous.speaker or sentence[0] >= previous.end:
        return False
    between = body[previous.end : start]
    if re.search(r"\b(?:he|she|they)\b", between, re.IGNORECASE) is not None:
        return True
    span = previous.speaker_span
    return (
        span is not None
        and previous.end <= span[0] < start
        and "\n" not in between
        and between.rstrip().endswith((",“", ", “", ',"', ', "'))
    )


# A thing named in quotes, no one's words: 'a certificate of “no pending obligations”',
# 'charges of “treason”', 'the crime of “terrorism”'.
_NAMED_THING_RE = re.compile(
    r"(?:\b(?:certificates?|category|status|label|charges?|crimes?|offen[cs]es?|counts?|"
    r"decree|slogan|motto|hashtag|banner|operation|programme|program|grounds)\s+(?:of|called|named|"
    r"dubbed|entitled|titled)\s+"
    # "charged seven of them with “incitement”", "the so-called “maximum pressure”"
    r"|\b(?:charged|convicted|indicted|sentenced)\s+(?:[\w’'-]+\s+){0,4}?(?:with|of)\s+"
    r"|\b(?:so-called|denominated|dubbed)\s+)[“\"‘]$"
)


_DOCUMENT_AFTER_RE = re.compile(
    r"[”\"’]?\s*,?\s*[”\"’]?\s+(?:the|a)\s+(?:[a-z]+\s+)?(?:readout|statement|communiqué|"
    r"release|report|note|transcript|summary)\s+(?:added|said|says|adds|noted|stated)\b"
)


def _cued_speaker(
    ctx: _Context, start: int, end: int, sentence: tuple[int, int]
) -> tuple[Mention | None, bool, str]:
    """The speaker a reporting cue around the quote names, whether there is a cue,
    and which cue ("after", "for-view", "before")."""
    body, outside = ctx.body, ctx.outside
    if _NAMED_THING_RE.search(body, max(sentence[0], start - 40), start):
        return None, True, "named"  # 'a certificate of “no pending obligations”': a name
    speaker, cued = speaker_after(body, end, sentence[1], outside)
    rule = "after"
    if speaker is None and cued and _DOCUMENT_AFTER_RE.match(body, end):
        # 'The general said the army “remains committed”, the readout added': the
        # document reports the voice its sentence names before the quote.
        before, before_cued = speaker_before(body, start, sentence, outside)
        if before is not None and before_cued:
            return before, True, "before"
    if not cued:
        framed = _FOR_SPEAKER_RE.match(body, sentence[0], start)
        if framed:
            # "For the analyst Atilio Boron, the group “was born dead …”": whose view.
            pos = framed.end()
            speaker = next((m for m in outside if m.kind == "person" and m.end == pos), None)
            cued, rule = speaker is not None, "for-view"
    if not cued:
        speaker, cued = speaker_before(body, start, sentence, outside)
        rule = "before"
        if speaker is not None and speaker.kind in ("country", "organization"):
            # "The Brazilian government expressed “deep concern” …, the Ministry of
            # Foreign Relations said in a note": the words are the one reporting them.
            trailing, _seen = trailing_cue(body, end, outside)
            if trailing is not None and trailing.kind != "person":
                speaker, rule = trailing, "after"
    if not cued:
        signed = _signed(body, end, outside)
        if signed is not None:
            return signed, True, "signed"
    if not cued:
        # "Ambassador Ricardo Teixeira declared:" closing the paragraph before the quote.
        colon = _colon_before(body, start)
        if colon is not None:
            speaker, cued = speaker_before(
                body, colon + 1, _sentence_of(ctx.bounds, colon), outside
            )
            rule = "before"
    if speaker is not None and speaker.kind == UNRESOLVED:
        speaker = None  # a voice the text names but no actor of ours: no guess
    return speaker, cued, rule


# A release's quote signed on the line after it: "— Ana Ruiz, Minister of Health".
_SIGNATURE_RE = re.compile(r"[”\"’]?[ \t]*\n\s*(?:[-–—]{1,2}|―)[ \t]*")


def _signed(body: str, end: int, outside: list[Mention]) -> Mention | None:
    """The person whose signature line, a dash then the name, follows the quote's
    paragraph."""
    signature = _SIGNATURE_RE.match(body, end)
    if signature is None:
        return None
    at = signature.end()
    person = next((m for m in outside if m.start == at and m.kind == "person"), None)
    if person is None or not re.match(r"\s*(?:,|$)", body[person.end : person.end + 2]):
        return None  # "— Ana Ruiz said" is a sentence of its own, not a signature
    return person


def _colon_before(body: str, start: int) -> int | None:
    """The colon closing the paragraph before a quote that opens its own, or None."""
    pos = start - 1
    while pos >= 0 and body[pos] in ' \n“"‘':
        pos -= 1
    if pos >= 0 and body[pos] == ":" and "\n" in body[pos:start]:
        return pos
    return None


def between_mentions(ctx: _Context, lo: int, hi: int) -> list[Mention]:
    return between(ctx.outside, ctx.starts, lo, hi)


# A sentence opening on someone unnamed who speaks: "A trader who asked not to be named
# said", "One resident told AFP".
_UNNAMED_VOICE_RE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:An?|One|Another)\s+[^.!?\n“”\"]{0,120}?"
    r"\b(?:said|says|told|tells|recalled|explained)\b",
    re.MULTILINE,
)


def _next_paragraph(ctx: _Context, previous: Quote, block: Block | None) -> bool:
    """Whether ``block`` comes right after the paragraph of ``previous``, or after
    paragraphs that name no one but its speaker ("The fight would go on, she told
    AFP."): a paragraph that opens on a quote with no cue continues the quote before
    only then. Captions and headings between do not count."""
    if block is None:
        return False
    between_blocks = [b for b in ctx.blocks if previous.end < b.start and b.start < block.start]
    if any(b.kind == "heading" for b in between_blocks) or TIMESTAMP_LINE_RE.search(
        ctx.body, previous.end, block.start
    ):
        return False  # a subhead or a live blog's time stamp begins another part
    paragraphs = [b for b in between_blocks if b.kind == "paragraph"]
    if len(paragraphs) > 2 or _UNNAMED_VOICE_RE.search(ctx.body, previous.end, block.start):
        # "A trader who asked not to be named said she hid …": someone new speaks next
        return False
    names = {
        m.name
        for b in paragraphs
        for m in between(ctx.outside, ctx.starts, b.start, b.end)
        if m.kind == "person"
    }
    return names <= {previous.speaker}


# After a quote, a verb we do not read with a description, or a description with one:
# '“…,” vented the technician', '“…,” the old fisherman grumbled'.
_UNREAD_CUE_RE = re.compile(
    r"[”\"’]?\s*,?\s*[”\"’]?\s+(?:[a-z]+\s+(?:the|a|an|his|her|their)\s+[a-z-]+\b"
    r"|(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}[a-z-]+\s+[a-z]+ed\b)"
)


def _uncued_speaker(
    ctx: _Context, start: int, end: int, sentence: tuple[int, int], previous: Quote | None
) -> tuple[str | None, tuple[int, int] | None, str] | None:
    """A quote with no cue: a person framed by commas after it, the person the
    sentence before introduces, or the voice of the quote it continues."""
    body = ctx.body
    block = next((b for b in ctx.blocks if b.start <= start < b.end), None)
    opens_block = block is not None and start - 1 <= block.start + 1
    between = body[previous.end : start] if previous else ""
    follows = (
        previous is not None
        # '“…,” said the High Commissioner for Peace, X, in Bogotá, “but …”': one sentence
        and (len(between) <= 60 or (len(between) <= 160 and ". " not in between))
        and "\n" not in between
        and not any(
            m.kind == "person" and m.name != previous.speaker
            for m in between_mentions(ctx, previous.end, start)
        )
    )
    inherit = previous is not None and (
        (opens_block and _next_paragraph(ctx, previous, block))
        or follows
        or bool(SPEECH_NOUN_RE.search(body[sentence[0] : start]))
    )
    if _UNREAD_CUE_RE.match(body, end):
        inherit = False  # '“…,” vented the technician': a voice named here, if unread
    guess, rule = framed_speaker(body, end, sentence, ctx.outside, ctx.starts), "framed"
    if guess is None and not opens_block and not follows:
        guess = introduced_speaker(body, start, ctx.bounds, block, ctx.outside, ctx.starts)
        rule = "introduced"
    if guess is None and opens_block:
        guess, rule = next_speaker(body, end, ctx.outside, ctx.starts), "named-next"
    if guess is not None:
        return guess.name, (guess.start, guess.end), rule
    if inherit and previous is not None:
        return previous.speaker, previous.speaker_span, "inherited"
    return None
