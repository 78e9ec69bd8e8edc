"""Membership over time, end to end: the seeds plus a later report of a withdrawal.

The seed articles (January to July 2019) say which countries are in the Lima
Group; a news text of 25 March 2021 says Argentina left it the day before. One
consolidated ``member_of`` stance per country holds the membership, and
``Stance.objects.valid_on(day)`` answers who was a member on a given day.

It needs the pipeline to emit, among others,
``StanceFound(Ref("country", "Argentina"), "member_of", Ref("actor", "Lima Group"))``
and the same for Canada from the seeds, and, from the withdrawal text,
``StanceFound(Ref("country", "Argentina"), "member_of", Ref("actor", "Lima Group"),
valid_to=date(2021, 3, 24))`` (not negated, so that it is the same fact).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest

from kb.claims.models import Stance
from kb.ingest import services
from kb.ingest.services import article_import
from kb.pipeline.types import Extraction, Ref, StanceFound

pytestmark = pytest.mark.django_db

WITHDRAWAL = (
    "date 2021-03-25 Argentina leaves the Lima Group\n\n"
    "Argentina withdrew from the Lima Group on 24 March 2021, the foreign ministry in "
    "Buenos Aires said on Wednesday. The government said the group's policy of isolating "
    "Venezuela had led nowhere.\n"
)


def members_on(day: dt.date) -> set[str]:
    return set(
        Stance.objects.valid_on(day)
        .filter(
            relation=Stance.Relation.MEMBER_OF,
            negated=False,
            object_actor__name="Lima Group",
            subject_country__isnull=False,
        )
        .values_list("subject_country__name", flat=True)
    )


def test_argentina_was_a_member_of_the_lima_group_until_2021(imported_seeds) -> None:
    outcome = article_import(WITHDRAWAL, original_name="argentina-withdraws.txt")
    assert outcome.status == "new"
    in_2019 = members_on(dt.date(2019, 6, 1))
    assert {"Argentina", "Canada"} <= in_2019
    assert "United States" not in in_2019
    in_2021 = members_on(dt.date(2021, 6, 1))
    assert "Canada" in in_2021
    assert "Argentina" not in in_2021
    # One fact, its end from the text.
    (argentina,) = Stance.objects.filter(
        relation="member_of", negated=False, subject_country="AR", object_actor__name="Lima Group"
    )
    assert argentina.valid_to == dt.date(2021, 3, 24)


def with_membership_stances(extract: Callable[..., Extraction]) -> Callable[..., Extraction]:
    """The real extraction, plus the ``member_of`` stances the module docstring names."""

    def wrapped(raw: str, snapshot: object) -> Extraction:
        found = extract(raw, snapshot)
        extra = []
        for sentence, countries, valid_to in (
            ("Canada, Argentina, Brazil and Mexico are among the group's members.", 4, None),
            ("Argentina withdrew from the Lima Group on 24 March 2021", 1, dt.date(2021, 3, 24)),
        ):
            start = found.body.find(sentence)
            if start < 0:
                continue
            names = ["Canada", "Argentina", "Brazil", "Mexico"] if countries == 4 else ["Argentina"]
            extra += [
                StanceFound(
                    Ref("country", name),
                    "member_of",
                    Ref("actor", "Lima Group"),
                    start,
                    start + len(sentence),
                    valid_to=valid_to,
                )
                for name in names
            ]
        return replace(found, stances=(*found.stances, *extra))

    return wrapped


def test_the_importer_dates_membership_from_those_stances(monkeypatch, seeds_dir) -> None:
    """The importer's half alone: given those stances, the same answers."""
    monkeypatch.setattr(services, "extract", with_membership_stances(services.extract))
    for path in sorted(seeds_dir.glob("*.txt")):
        article_import(path.read_text("utf-8"), original_name=path.name)
    article_import(WITHDRAWAL, original_name="argentina-withdraws.txt")
    in_2019 = members_on(dt.date(2019, 6, 1))
    assert {"Argentina", "Canada"} <= in_2019
    assert "United States" not in in_2019
    in_2021 = members_on(dt.date(2021, 6, 1))
    assert "Canada" in in_2021
    assert "Argentina" not in in_2021
    (argentina,) = Stance.objects.filter(
        relation="member_of", negated=False, subject_country="AR", object_actor__name="Lima Group"
    )
    assert (argentina.valid_from, argentina.valid_to) == (dt.date(2019, 1, 4), dt.date(2021, 3, 24))
    assert (argentina.first_attested, argentina.last_attested) == (
        dt.date(2019, 1, 4),
        dt.date(2021, 3, 25),
    )
    assert argentina.evidence.count() == 2


def _api_members(client, day: str) -> set[str]:
    response = client.get(
        "/api/stances/",
        {
            "relation": "member_of",
            "object_actor": "lima-group",
            "valid_on": day,
            "negated": "false",
            "page_size": 200,
        },
    )
    assert response.status_code == 200, response.content
    names = set()
    for row in response.json()["results"]:
        link = row["subject_country"] or row["subject_actor"] or ""
        names.add(link.rstrip("/").rsplit("/", 1)[-1])
    return names


def test_the_api_and_the_group_page_say_who_was_a_member_on_a_day(imported_seeds, client) -> None:
    """The issue's own check: /api/stances/?...&valid_on=D and /actors/lima-group/?as_of=D."""
    article_import(WITHDRAWAL, original_name="argentina-withdraws.txt")
    assert client.get("/actors/lima-group/").status_code == 200
    in_2019 = _api_members(client, "2019-06-01")
    assert {"ar", "ca"} <= {n.lower() for n in in_2019}
    assert "us" not in {n.lower() for n in in_2019}
    in_2021 = {n.lower() for n in _api_members(client, "2021-06-01")}
    assert "ca" in in_2021
    assert "ar" not in in_2021
    page_2019 = client.get("/actors/lima-group/", {"as_of": "2019-06-01"}).content.decode()
    page_2021 = client.get("/actors/lima-group/", {"as_of": "2021-06-01"}).content.decode()
    members_2019 = page_2019[page_2019.find("Members") :]
    members_2021 = page_2021[page_2021.find("Members") :]
    assert "/countries/ar/" in members_2019 and "/countries/ca/" in members_2019
    assert "/countries/ca/" in members_2021
    assert "/countries/ar/" not in members_2021.split("</section>", 1)[0]
