"""The claim list's filter picks speakers and countries by name, not by slug.

The query string still carries a slug and an ISO code, so links made before
keep working, and a value the selects do not offer still filters.
"""

from __future__ import annotations

import re
from html import unescape

import pytest

from kb.claims.models import Claim
from kb.entities.models import Actor
from tests.site.conftest import country

pytestmark = pytest.mark.django_db


def options(html: str, name: str) -> list[tuple[str, str, bool]]:
    """(value, label, selected) of each option of the <select name=...>."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no <select name={name}>"
    return [
        (unescape(value), unescape(label).strip(), bool(selected))
        for value, selected, label in re.findall(
            r'<option value="([^"]*)"( selected)?[^>]*>([^<]*)</option>', select.group(1)
        )
    ]


def rows(html: str) -> str:
    return html[html.index("<table") :]


def test_speakers_and_countries_are_chosen_by_name(client, world):
    html = client.get("/claims/").content.decode()
    assert "Speaker (actor slug)" not in html and "ISO code" not in html
    # Only actors who made a public claim, by name; the deprecated claim has no
    # speaker, the merged actor made none.
    assert options(html, "speaker") == [
        ("", "Any", True),
        ("juan-guaido", "Juan Guaidó", False),
        ("nicolas-maduro", "Nicolás Maduro", False),
    ]
    # Only countries public claims are about.
    assert options(html, "country") == [("", "Any", True), ("VE", "Venezuela", False)]


@pytest.mark.parametrize("path", ["/articles/", "/actors/", "/countries/", "/claims/"])
def test_every_empty_choice_says_any(client, world, path):
    html = client.get(path).content.decode()
    assert "---------" not in html
    assert '<option value="" selected>Any</option>' in html


def test_names_sort_without_regard_to_accents_and_twins_are_told_apart(client, world):
    co = country("CO", "Colombia")
    alvaro = Actor.objects.create(kind=Actor.Kind.PERSON, name="Álvaro Uribe", country=co)
    twin = Actor.objects.create(kind=Actor.Kind.PERSON, name="Juan Guaidó", slug="juan-guaido-2")
    for i, speaker in enumerate((alvaro, twin)):
        Claim.objects.create(
            article=world.article,
            start=i,
            end=i + 5,
            kind=Claim.Kind.STATEMENT,
            text=f"Said by {speaker.slug}",
            speaker=speaker,
        )
    html = client.get("/claims/").content.decode()
    assert [label for _, label, _ in options(html, "speaker")] == [
        "Any",
        "Álvaro Uribe",
        "Juan Guaidó (juan-guaido-2)",
        "Juan Guaidó (Venezuela)",
        "Nicolás Maduro",
    ]


@pytest.mark.parametrize(
    ("query", "present", "absent"),
    [
        ("speaker=juan-guaido", "quote", "contradiction"),
        ("speaker=nicolas-maduro", "contradiction", "quote"),
        ("country=VE", "quote", "contradiction"),
        ("country=ve", "quote", "contradiction"),
        ("country=+ve+", "quote", "contradiction"),
        ("speaker=juan-guaido&country=VE", "quote", "contradiction"),
    ],
)
def test_slugs_and_codes_in_the_query_string_still_filter(client, world, query, present, absent):
    objects = {"quote": world.quote, "contradiction": world.contradiction}
    html = client.get(f"/claims/?{query}").content.decode()
    assert objects[present].get_absolute_url() in rows(html)
    assert f'href="{objects[absent].get_absolute_url()}"' not in rows(html)


def test_the_chosen_name_stays_selected(client, world):
    html = client.get("/claims/?speaker=nicolas-maduro&country=ve").content.decode()
    assert ("nicolas-maduro", "Nicolás Maduro", True) in options(html, "speaker")
    assert ("VE", "Venezuela", True) in options(html, "country")


@pytest.mark.parametrize("query", ["speaker=no-such-actor", "speaker=merged", "country=ZZ"])
def test_a_value_not_offered_matches_nothing_and_is_shown(client, world, query):
    name, value = query.split("=")
    if value == "merged":
        value = world.merged.slug
    html = client.get(f"/claims/?{name}={value}").content.decode()
    assert "0 results" in html
    # The select shows the value it filters by, not "Any".
    assert (value, value, True) in options(html, name)
    assert not any(selected for v, _, selected in options(html, name) if v != value)


def test_a_nul_byte_is_ignored(client, world):
    response = client.get("/claims/", {"speaker": "a\x00b", "country": "V\x00E"})
    assert response.status_code == 200
    html = response.content.decode()
    assert world.quote.get_absolute_url() in rows(html)
