"""Property tests: on any text the pipeline never raises and every span is exact."""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from hypothesis import given, settings
from hypothesis import strategies as st

from kb.pipeline import extract
from kb.pipeline.jsonout import to_json

_ALPHABET = st.sampled_from(
    [
        *list("abcXYZ .,;:!?'\"“”‘’()-/\n\t0123456789$%é"),
        "Mr ",
        "said ",
        "President ",
        "Maduro",
        " (TSJ)",
        "Group",
        "Venezuela",
        "Washington’s ",
        "U.S.",
        "2.3 million ",
        "per cent",
        "date 2019-01-04 ",
        "Image caption\n",
        "Foreign Minister ",
        ", the president of the ",
        "Assembly",
        "“",
        "” he said, calling ",
        "the coalition ",
        "US officials ",
        " administration ",
    ]
)
TEXT = st.lists(_ALPHABET, max_size=120).map("".join) | st.text(max_size=300)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_never_raises_and_spans_are_exact(raw: str) -> None:
    x = extract(raw)
    body = x.body
    for run in x.offsets:
        assert (
            body[run.body_start : run.body_start + run.length]
            == raw[run.raw_start : run.raw_start + run.length]
        )
    for block in x.blocks:
        assert 0 <= block.start <= block.end <= len(body)
    for actor in x.actors:
        for s, e in actor.mentions:
            assert 0 <= s < e <= len(body)
            assert body[s:e] in actor.surface_forms
    for country in x.countries:
        for s, e in country.mentions:
            assert body[s:e] in country.surface_forms
    for q in x.quotes:
        assert body[q.start : q.end] == q.text
    for f in x.figures:
        assert body[f.start : f.end] == f.text
    for s in x.stances:
        assert 0 <= s.start <= s.end <= len(body)
    for r in x.roles:
        assert 0 <= r.start < r.end <= len(body)
        assert any(body[s:e] in body[r.start : r.end] for a in x.actors for s, e in a.mentions)
    to_json(x)


def test_deterministic() -> None:
    raw = "Russia and China continue to back Mr Maduro. “We reject this,” wrote Felipe Sola."
    assert to_json(extract(raw)) == to_json(extract(raw))
