"""Evaluation rules that are not obvious from the table."""

import json
from pathlib import Path

from kb.pipeline.evaluate import evaluate
from kb.pipeline.score_roles import _same_title
from kb.pipeline.scoring import name_key


def _gold(tmp_path: Path, speaker: str) -> Path:
    gold = {
        "people": [],
        "organizations": [],
        "countries": [{"name": "United States", "surface_forms": ["US", "Trump administration"]}],
        "quotes": [{"text": "are on the table", "speaker": speaker}],
    }
    (tmp_path / "doc.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def _prediction(speaker: str) -> dict[str, object]:
    return {
        "actors": [],
        "countries": [{"code": "US", "name": "United States", "surface_forms": ["US"]}],
        "quotes": [{"text": "are on the table", "speaker": speaker}],
    }


def test_officials_of_a_country_are_that_country(tmp_path: Path) -> None:
    report = evaluate(_gold(tmp_path, "US officials"), {"doc": _prediction("United States")})
    assert report.speakers_right == 1


def test_a_surface_form_of_the_country_matches(tmp_path: Path) -> None:
    report = evaluate(
        _gold(tmp_path, "Trump administration"), {"doc": _prediction("United States")}
    )
    assert report.speakers_right == 1


def test_another_speaker_does_not_match(tmp_path: Path) -> None:
    report = evaluate(_gold(tmp_path, "US officials"), {"doc": _prediction("Juan Guaidó")})
    assert report.speakers_right == 0
    report = evaluate(
        _gold(tmp_path, "Lima Group officials"), {"doc": _prediction("United States")}
    )
    assert report.speakers_right == 0


def _stance_gold(tmp_path: Path) -> Path:
    gold = {
        "people": [{"name": "Nicolás Maduro", "surface_forms": ["Maduro", "Nicolas Maduro"]}],
        "organizations": [{"name": "Lima Group", "surface_forms": ["Lima group"]}],
        "countries": [{"name": "United States", "surface_forms": ["US", "Washington"]}],
        "quotes": [],
        "stances": [
            {"subject": "Russia", "relation": "supports", "object": "Nicolás Maduro"},
            {"subject": "Russia", "relation": "supports", "object": "Nicolás Maduro"},
            {"subject": "United States", "relation": "sanctions", "object": "Venezuela"},
            {"subject": "Russia", "relation": "meets", "object": "United States"},
        ],
        "negative_stances": [
            {"subject": "United States", "relation": "member_of", "object": "Lima Group"},
            {"subject": "Argentina", "relation": "member_of", "object": "Lima Group"},
        ],
    }
    (tmp_path / "doc.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def _stance(subject: str, relation: str, obj: str, **extra: object) -> dict[str, object]:
    return {"subject": subject, "relation": relation, "object": obj, **extra}


def test_stances_match_through_forms_and_codes(tmp_path: Path) -> None:
    prediction = {
        "actors": [{"name": "Maduro", "kind": "person", "surface_forms": ["Mr Maduro"]}],
        "countries": [{"code": "US", "name": "United States", "surface_forms": ["Washington"]}],
        "quotes": [],
        "stances": [
            _stance("Russia", "supports", "Maduro"),
            _stance("Russia", "supports", "Maduro", start=5),  # the same triple twice
            _stance("Russian Federation", "opposes", "Maduro"),  # wrong relation
            _stance("USA", "sanctions", "Venezuela"),  # the same ISO code
            _stance("United States", "meets", "Russia"),  # meeting is symmetric
            _stance("United States", "member_of", "Lima Group", negated=True),
            _stance("Argentina", "member_of", "Lima group", valid_to="2020-01-01"),
            _stance("Peru", "member_of", "Lima Group", negated=True),
        ],
    }
    report = evaluate(_stance_gold(tmp_path), {"doc": prediction})
    assert (report.stances.tp, report.stances.fp, report.stances.fn) == (3, 1, 0)
    assert report.stances.invented == ["doc:Russian Federation opposes Maduro"]
    negated = report.negated_stances
    assert (negated.tp, negated.fp, negated.fn) == (2, 1, 0)
    assert "negated stances" in report.as_table()


def test_no_stances_predicted_misses_them_all(tmp_path: Path) -> None:
    prediction = {"actors": [], "countries": [], "quotes": []}
    report = evaluate(_stance_gold(tmp_path), {"doc": prediction})
    assert report.stances.fn == 3 and report.stances.precision == 1.0
    assert report.negated_stances.missed == [
        "doc:United States member_of Lima Group",
        "doc:Argentina member_of Lima Group",
    ]


def _role_gold(tmp_path: Path) -> Path:
    gold = {
        "people": [{"name": "Kari Berg", "surface_forms": ["Kari Berg", "Berg"]}],
        "organizations": [
            {"name": "Renewal Party", "surface_forms": ["Renewal Party", "the Renewal"]}
        ],
        "countries": [{"name": "Norway", "surface_forms": ["Norway"]}],
        "quotes": [],
        "roles": [
            {
                "person": "Kari Berg",
                "title": "Foreign Minister",
                "organization": None,
                "country": "Norway",
                "former": False,
            },
            {
                "person": "Kari Berg",
                "title": "Vice President",
                "organization": "Renewal Party",
                "country": None,
                "former": True,
            },
            {
                "person": "Kari Berg",
                "title": "Ambassador",
                "organization": None,
                "country": None,
                "former": True,
            },
        ],
    }
    (tmp_path / "doc.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def _role(title: str, organization: str | None, country: str | None) -> dict[str, object]:
    return {"actor": "Berg", "title": title, "organization": organization, "country": country}


def test_roles_match_by_holder_form_and_loose_title(tmp_path: Path) -> None:
    prediction = {
        "actors": [{"name": "Berg", "kind": "person", "surface_forms": ["Berg"]}],
        "countries": [],
        "quotes": [],
        "roles": [
            _role("Norway's foreign minister", None, "NO"),  # country adjective, case
            _role("former vice-president", "the Renewal", None),  # org through gold forms
            _role("President", None, None),  # not the vice president
            _role("ambassador", None, "NO"),  # gold gives neither: a country is wrong
        ],
    }
    report = evaluate(_role_gold(tmp_path), {"doc": prediction})
    assert (report.roles.tp, report.roles.fp, report.roles.fn) == (3, 1, 0)
    assert report.roles.invented == ["doc:Berg/President"]
    assert (report.role_context_right, report.role_context_total) == (2, 3)
    assert "roles" in report.categories()
    assert "role org/country" in report.as_table()


def test_prime_minister_is_not_foreign_minister(tmp_path: Path) -> None:
    prediction = {"actors": [], "countries": [], "quotes": [], "roles": []}
    prediction["roles"] = [{"actor": "Kari Berg", "title": "Prime Minister"}]
    report = evaluate(_role_gold(tmp_path), {"doc": prediction})
    assert (report.roles.tp, report.roles.fp, report.roles.fn) == (0, 1, 3)


def test_gold_without_roles_scores_no_roles(tmp_path: Path) -> None:
    prediction = _prediction("US officials") | {"roles": [_role("President", None, "US")]}
    report = evaluate(_gold(tmp_path, "US officials"), {"doc": prediction})
    assert (report.roles.tp, report.roles.fp, report.roles.fn) == (0, 0, 0)


def test_a_leading_the_is_no_part_of_an_organisations_name() -> None:
    from kb.pipeline.scoring import forms_of

    gold = {"name": "Armed Forces of Ruritania", "surface_forms": ["the military"]}
    assert forms_of({"name": "Ruritanian armed forces", "surface_forms": ["military"]}) & (
        forms_of(gold)
    )
    assert not forms_of({"name": "Theodore Bank"}) & forms_of({"name": "odore Bank"})


def test_an_abbreviated_rank_scores_as_the_rank() -> None:
    assert _same_title("Maj Gen", "Major General")
    assert _same_title("General", "Gen")
    assert not _same_title("Major General", "General Secretary")


def test_a_country_label_scores_as_the_body_of_that_country() -> None:
    assert name_key("Ministry of Defence (Russia)") == name_key("Ministry of Defence of Russia")
    assert name_key("the military") == name_key("military")
    assert name_key("Ministry of Foreign Affairs (United Arab Emirates)") == name_key(
        "Ministry of Foreign Affairs of the United Arab Emirates"
    )
    assert name_key("Ministry of Defence (Japan)") == name_key("Ministry of Defense of Japan")
    assert name_key("Ministry of Defence (Russia)") == name_key(
        "Ministry of Defence of the Russian Federation"
    )
