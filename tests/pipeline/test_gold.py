"""The seeds against the hand-made gold: a regression here fails the build."""

import json
from pathlib import Path

import pytest

from kb.pipeline import extract
from kb.pipeline.evaluate import evaluate
from kb.pipeline.jsonout import to_json

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "gold"
SEEDS = [GOLD.parent / "seeds", ROOT / "seeds"]


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    if not GOLD.is_dir():
        pytest.skip("no gold folder beside the repository")
    predictions = {}
    for gold_file in sorted(GOLD.glob("*.json")):
        name = json.loads(gold_file.read_text("utf-8"))["file"]
        path = next((d / name for d in SEEDS if (d / name).is_file()), None)
        if path is None:
            pytest.skip(f"{name} not found")
        predictions[gold_file.stem] = to_json(extract(path.read_text("utf-8")))
    return evaluate(GOLD, predictions)


def test_people(report) -> None:  # type: ignore[no-untyped-def]
    assert report.people.f1 >= 0.92, report.as_table()


def test_organizations(report) -> None:  # type: ignore[no-untyped-def]
    assert report.organizations.f1 >= 0.80, report.as_table()


def test_countries(report) -> None:  # type: ignore[no-untyped-def]
    assert report.countries.f1 >= 0.97, report.as_table()


def test_quotes(report) -> None:  # type: ignore[no-untyped-def]
    assert report.quotes.f1 >= 0.88, report.as_table()


def test_speakers(report) -> None:  # type: ignore[no-untyped-def]
    assert report.speaker_accuracy >= 0.88, report.as_table()


def test_titles_dates_publishers() -> None:
    if not GOLD.is_dir():
        pytest.skip("no gold folder beside the repository")
    for gold_file in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_file.read_text("utf-8"))
        path = next((d / gold["file"] for d in SEEDS if (d / gold["file"]).is_file()), None)
        if path is None:
            continue
        x = extract(path.read_text("utf-8"))
        assert x.title == gold["title"]
        assert (x.published.isoformat() if x.published else None) == gold["published"]
        if gold["publisher_hint"]:
            assert x.publisher and x.publisher.split()[0].lower() in gold["publisher_hint"].lower()
