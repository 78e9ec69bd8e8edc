"""The pure parts: body rendering, snippets, JSON-LD escaping and the SVG pictures."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import pytest

from kb.claims.models import Stance
from kb.site.graphs import Edge, Event, Node, alignment_svg, timeline_svg
from kb.site.rendering import (
    MARK_END,
    MARK_START,
    Link,
    highlight,
    jsonld,
    paragraph_around,
    render_body,
    snippet,
)
from kb.site.templatetags.site_tags import relation_phrase

BODY = "Title here\n\nAlice met Bob in Paris. \u201cBob <b>rules</b>,\u201d said Alice.\n\nCaption."
BLOCKS = [
    ["heading", 0, 10],
    ["paragraph", 12, BODY.index("\n\nCaption")],
    ["caption", BODY.index("Caption."), len(BODY)],
]


def parse(html: str) -> ET.Element:
    """Well-formedness check: the fragment must parse as XML."""
    return ET.fromstring(f"<root>{html}</root>")


def test_body_links_mentions_inside_quotes_and_escapes_text():
    quote_start = BODY.index("Bob <b>")
    quote_end = BODY.index(",\u201d")
    bob_in_quote = quote_start
    links = [
        Link(12, 17, "/actors/alice/", "Alice", "mention"),
        Link(BODY.index("Paris"), BODY.index("Paris") + 5, "/countries/fr/", "Paris", "mention"),
        Link(bob_in_quote, bob_in_quote + 3, "/actors/bob/", "Bob", "mention"),
        Link(quote_start, quote_end, "/claims/7/", "Bob rules", "claim"),
    ]
    html = str(render_body(BODY, BLOCKS, links, [(quote_start, quote_end)]))
    root = parse(html)
    assert root.find("h2").text == "Title here"
    assert "&lt;b&gt;rules&lt;/b&gt;" in html and "<b>" not in html
    hrefs = [a.get("href") for a in root.iter("a")]
    assert hrefs.count("/actors/bob/") == 1 and "/claims/7/" in hrefs
    # The mention of Bob sits inside the quote, which links to its claim.
    q = root.find(".//q")
    assert q is not None and {a.get("href") for a in q.iter("a")} == {"/claims/7/", "/actors/bob/"}
    assert root.find(f".//span[@id='span-{quote_start}-{quote_end}']") is not None
    assert root.find(".//figure/figcaption") is not None


def test_crossing_spans_are_dropped_not_broken():
    links = [
        Link(12, 20, "/a/", "a", "mention"),
        Link(15, 25, "/b/", "b", "mention"),  # overlaps the first: dropped
        Link(18, 40, "/claims/1/", "c", "claim"),  # crosses the first mention
    ]
    html = str(render_body(BODY, BLOCKS, links, []))
    root = parse(html)
    hrefs = [a.get("href") for a in root.iter("a")]
    assert "/b/" not in hrefs
    assert "/a/" not in hrefs  # it crossed the claim, which wins
    assert "/claims/1/" in hrefs


def test_body_without_blocks_splits_on_blank_lines():
    html = str(render_body("One.\n\nTwo <x>.", [], [], []))
    assert html.count("<p>") == 2 and "&lt;x&gt;" in html


def test_snippet_highlights_the_span_and_escapes():
    body = "x " * 100 + "<Guaidó>" + " y" * 100
    start = body.index("<")
    html = str(snippet(body, start, start + 8))
    assert "<mark>&lt;Guaidó&gt;</mark>" in html
    assert html.startswith("…") and html.endswith("…")


def test_highlight_escapes_before_marking():
    html = str(highlight(f"a {MARK_START}<script>{MARK_END} b {MARK_START}open"))
    assert html == "a <mark>&lt;script&gt;</mark> b <mark>open</mark>"


def test_jsonld_cannot_close_its_script_element():
    html = str(jsonld({"name": "</script><script>alert(1)</script> & <!--"}))
    inner = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner)["name"].startswith("</script>")


def test_paragraph_around_uses_blocks_then_blank_lines():
    start = BODY.index("Paris")
    assert paragraph_around(BODY, BLOCKS, start, start + 5) == (12, BLOCKS[1][2])
    assert paragraph_around(BODY, [], start, start + 5) == (12, BODY.index("\n\nCaption"))


NODES = [
    Node("actor:1", "Juan Guaidó", "/actors/juan-guaido/", "person"),
    Node("actor:2", "<script>x</script>", "/actors/x/", "person"),
    Node("country:RU", "Russia", "/countries/ru/", "country"),
]
EDGES = [
    Edge("country:RU", "actor:2", "supports", "Russia supports x"),
    Edge("actor:1", "actor:2", "opposes", "Guaidó opposes x", negated=True),
]


def test_alignment_graph_is_deterministic_escaped_and_coloured():
    svg = alignment_svg(NODES, EDGES, centre="actor:1")
    assert svg == alignment_svg(list(reversed(NODES)), EDGES, centre="actor:1")
    root = ET.fromstring(svg)
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    lines = root.findall("{http://www.w3.org/2000/svg}line")
    assert [line.get("stroke") for line in lines] == ["#1a7f37", "#cf222e"]
    assert lines[1].get("stroke-dasharray")
    # The centre node sits in the middle of the picture.
    circles = {c.get("cx"): c for c in root.iter("{http://www.w3.org/2000/svg}circle")}
    assert "175.0" in circles  # 260 + 30 * 3 nodes = 350 wide, centre at 175
    assert alignment_svg(NODES, []) == ""


def test_timeline_places_events_in_date_order():
    events = [
        Event(dt.date(2019, 1, 1), "first", "/articles/a/", "article"),
        Event(dt.date(2020, 1, 1), "last", "/claims/1/", "claim"),
        Event(dt.date(2019, 6, 1), "<b>mid</b>", "/articles/b/", "article"),
    ]
    svg = timeline_svg(events)
    ET.fromstring(svg)
    xs = [float(x) for x in re.findall(r'cx="([\d.]+)"', svg)]
    assert xs == sorted(xs) and len(xs) == 2
    assert "&lt;b&gt;mid" in svg and "2019-01-01" in svg and "2020-01-01" in svg
    assert timeline_svg([]) == ""


@pytest.mark.parametrize(
    ("relation", "negated", "words"),
    [
        ("supports", False, "supports"),
        ("supports", True, "does not support"),
        ("opposes", True, "does not oppose"),
        ("recognizes", True, "does not recognize"),
        ("sanctions", True, "does not sanction"),
        ("member_of", False, "is a member of"),
        ("member_of", True, "is not a member of"),
        ("allied_with", True, "is not allied with"),
    ],
)
def test_a_negated_stance_reads_as_english(relation, negated, words):
    assert relation_phrase(Stance(relation=relation, negated=negated)) == words
