"""Evaluation rules that are not obvious from the table."""

import json
from pathlib import Path

from kb.pipeline.evaluate import evaluate


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
