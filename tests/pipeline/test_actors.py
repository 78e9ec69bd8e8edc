"""Actor rules on real sentences from the seeds."""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from kb.pipeline import extract
from kb.pipeline.types import KnownActor, Snapshot


def actors(text: str, snapshot: Snapshot | None = None) -> dict[str, tuple[str, tuple[str, ...]]]:
    x = extract(text, snapshot or Snapshot())
    return {a.name: (a.kind, a.surface_forms) for a in x.actors}


def test_titles_are_stripped_and_give_kind_and_country() -> None:
    x = extract("Mexican Foreign Minister Marcelo Ebrard joined the condemnation.")
    assert [(a.name, a.kind, a.country) for a in x.actors] == [("Marcelo Ebrard", "person", "MX")]


def test_short_forms_resolve_within_the_article() -> None:
    found = actors(
        "Peruvian Foreign Minister Nestor Popolizio recently said his country would act. "
        "Popolizio said that by seeking to gather both sides, Lima is looking."
    )
    assert found["Nestor Popolizio"][1] == ("Nestor Popolizio", "Popolizio")


def test_misspelling_and_accents_unify_but_a_namesake_stays_apart() -> None:
    found = actors(
        "The man, Juan Guiado, was able to take his place. Opposition leader Juan Guaido waves. "
        "Guaido and his supporters rushed in. Former Venezuelan President Hugo Chavez was elected.\n\n"
        "The president invited Maduro. (Christian Chavez / The Associated Press)"
    )
    assert set(found["Juan Guaido"][1]) == {"Juan Guiado", "Juan Guaido", "Guaido"}
    assert "Christian Chavez" not in found
    assert found["Hugo Chavez"][0] == "person"


def test_organisations_heads_and_bracketed_acronyms() -> None:
    found = actors(
        "But the government has used its control of the Supreme Court (TSJ) to block every initiative. "
        "Emergency powers were ratified by the TSJ. The International Monetary Fund (IMF) predicts a fall."
    )
    assert found["Supreme Court"] == ("organization", ("Supreme Court", "TSJ"))
    assert found["International Monetary Fund"][0] == "organization"


def test_reporting_verb_and_administration_give_people() -> None:
    found = actors(
        "The Trump administration considers it a dictatorship. Ramsey said it was terrible. "
        "It was also said by Ramsey later, and Ramsey repeated it."
    )
    assert found["Trump"][0] == "person"
    assert found["Ramsey"][0] == "person"


def test_snapshot_alias_links_and_rejection_is_respected() -> None:
    known = KnownActor(
        "hugo-chavez",
        "Hugo Chávez",
        "person",
        "VE",
        aliases=("Hugo Chavez",),
        rejected=("Christian Chavez",),
    )
    other = KnownActor(
        "x", "Someone Else", "person", aliases=("Juan Guaido",), rejected=("Juan Guaido",)
    )
    x = extract(
        "Former President Hugo Chavez spoke. Opposition leader Juan Guaido waved.",
        Snapshot((known, other)),
    )
    by_name = {a.name: a for a in x.actors}
    assert by_name["Hugo Chávez"].known_key == "hugo-chavez"
    assert by_name["Juan Guaido"].known_key is None


def test_bylines_and_media_are_not_actors() -> None:
    found = actors(
        "By James Landale, BBC diplomatic correspondent\n\nVenezuela’s president told Russian news agency RIA he was ready."
    )
    assert "James Landale" not in found and "RIA" not in found and "BBC" not in found
