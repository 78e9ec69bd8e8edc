"""The pipeline's fast paths agree with the plain forms they replace, on any text."""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kb.pipeline import classify, entity, geo, person_context
from kb.pipeline import runs as run_words
from kb.pipeline.fold import fold as plain_fold
from kb.pipeline.text import SENTENCE_END_RE, fold, sentence_bounds, strip_possessive

# Characters that exercise the patterns: capitals, dots of acronyms, connectors,
# hyphens, no-break spaces, apostrophes, accents, underscores and digits.
TEXT = st.text(alphabet="AB.c d-of the\xa0É'’x.com_1Þ×,\n", max_size=40)
SPANS = st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=8)

# An initial before a capitalised word ("W. Kennedy") runs on, as in RUN_RE.
_OLD_CAP = (
    r"(?:(?:[A-Z]\.){2,}|[A-Z]\.(?= [A-Z])|[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’]*(?:\.(?:com|org|net|info)\b)?)"
)
# The same joiners as RUN_RE (an izafe "-e-", an elided " d'"), written the plain way.
_OLD_RUN_RE = re.compile(
    rf"{_OLD_CAP}(?:(?:[ \-\xa0]|-(?:e|i|ul|ud|ur)-| d['’](?=[A-Z])"
    rf"|(?: (?:(?:of|for) the|{run_words.CONNECTOR_ALT}))+ ){_OLD_CAP})*"
)
_OLD_CAP_WORD_RE = re.compile(r"(?:[A-Z]\.){2,}|[A-ZÀ-ÞĀ-Ž][^\W_]*")


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


@settings(max_examples=400)
@given(TEXT)
def test_capital_first_patterns_match_the_plain_ones(text: str) -> None:
    assert _spans(run_words.RUN_RE, text) == _spans(_OLD_RUN_RE, text)
    assert _spans(geo._CAP_WORD_RE, text) == _spans(_OLD_CAP_WORD_RE, text)


def test_capital_first_patterns_keep_dotted_acronyms() -> None:
    text = "The U.S. and U.K. envoys met Juan Guaidó of Venezuela."
    assert [m.group() for m in geo._CAP_WORD_RE.finditer(text)] == [
        "The",
        "U.S.",
        "U.K.",
        "Juan",
        "Guaidó",
        "Venezuela",
    ]
    assert [m.group() for m in run_words.RUN_RE.finditer(text)] == [
        "The U.S.",
        "U.K.",
        "Juan Guaidó of Venezuela",
    ]


@settings(max_examples=400)
@given(SPANS, st.integers(-2, 55))
def test_bisected_spans_agree_with_a_linear_scan(spans: list[tuple[int, int]], pos: int) -> None:
    assert (pos in entity.Spans(spans)) == entity.in_any(pos, spans)


@settings(max_examples=400)
@given(st.text(alphabet="said according to acronym an a news agency,-\n\t x", max_size=70))
def test_tail_searches_agree_with_full_searches(before: str) -> None:
    for rx, longest in (
        (classify.MEDIA_BEFORE_RE, 18),
        (person_context.REPORT_BEFORE_RE, 12),
        (classify.ACRONYM_BEFORE_RE, 7),
        (person_context.ARTICLE_BEFORE_RE, 2),
    ):
        fast, slow = person_context.ends_with(rx, before, longest), rx.search(before)
        assert (fast and fast.span()) == (slow and slow.span())
    fast, slow = person_context.prev_word(before), person_context.PREV_WORD_RE.search(before)
    assert (fast and fast.groups()) == (slow and slow.groups())


def _old_sequences(body: str) -> list[list[tuple[str, int, int]]]:
    """``run_words.sequences`` as it was, every run through the tokeniser."""
    runs: list[list[tuple[str, int, int]]] = []
    for run in run_words.RUN_RE.finditer(body):
        if run.start() > 0 and (body[run.start() - 1].isalnum() or body[run.start() - 1] == "_"):
            continue
        current: list[tuple[str, int, int]] = []
        for match in run_words.TOKEN_RE.finditer(run.group()):
            word = match.group()
            start = run.start() + match.start()
            bare = strip_possessive(word)
            current.append((bare, start, start + len(bare)))
            if bare != word:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
    return runs


@settings(max_examples=400)
@given(TEXT)
def test_plain_runs_split_like_the_tokeniser(body: str) -> None:
    assert run_words.sequences(body) == _old_sequences(body)


def test_plain_runs_split_at_hyphens() -> None:
    body = "Yesterday Foreign Minister Jorge Arreaza of Venezuela and Padrino-López’s aides"
    found = run_words.sequences(body)
    assert found == _old_sequences(body)
    assert [w for w, _s, _e in found[1]] == ["Padrino", "López"]


@given(st.text(max_size=20))
def test_cached_fold_is_the_fold(text: str) -> None:
    assert fold(text) == plain_fold(text)


def _old_sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(text):
        prev = text[max(0, match.start() - 4) : match.start()]
        if (
            re.search(
                r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Gen|Sen|Rep|Gov|No|vs)\.)$",
                prev,
            )
            and text[match.end() : match.end() + 1] not in '“"'
        ):
            continue  # an abbreviation, unless a quote opens after it ("on X. “The …")
        if match.start() > start:
            bounds.append((start, match.start()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


@settings(max_examples=500)
@given(st.text(alphabet='.!?”"’) \n\t“‘(A1aMr', max_size=40))
def test_sentence_bounds_match_the_look_behind_form(text: str) -> None:
    assert sentence_bounds(text) == _old_sentence_bounds(text)
