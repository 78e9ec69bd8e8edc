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
