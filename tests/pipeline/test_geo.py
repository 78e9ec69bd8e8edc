"""Country rules on real sentences from the seeds."""

# ruff: noqa: RUF001 - curly quotes and apostrophes are the text this code reads

from kb.pipeline import extract
from kb.pipeline.geo import find_mentions


def codes(text: str) -> set[str]:
    return {m.code for m in find_mentions(text)}


def test_names_short_names_and_demonyms() -> None:
    assert codes("the Mexican government") == {"MX"}
    assert codes("blocking U.S. banks from doing business with Venezuela") == {"US", "VE"}
    assert codes("An estimated 2.3 million Venezuelans have migrated") == {"VE"}
    assert codes("UK Foreign Secretary Jeremy Hunt") == {"GB"}
    assert codes("Russia and China continue to back Mr Maduro") == {"RU", "CN"}


def test_capital_used_for_the_state() -> None:
    assert codes("told CBC News that Ottawa interprets the decision") == {"CA"}
    assert codes("the events that seem to have triggered Washington’s about-face") == {"US"}
    assert codes("a rapid deal between Caracas and Washington") == {"VE", "US"}
    # Smaller states' capitals are reference data too.
    assert codes("Bangui said it took note of the decision") == {"CF"}
    assert codes("relations between Bissau and Banjul") == {"GW", "GM"}


def test_a_capital_opening_a_paragraph_after_an_acronym_past_an_adverb_is_the_state() -> None:
    text = "sanctions on the state oil company, PDVSA.\n\nCaracas never accepted the group."
    assert codes(text) == {"VE"}
    assert codes("the ministry in Caracas never answered") == set()


def test_capital_as_a_mere_place_is_not_a_country() -> None:
    assert codes("drama at the National Assembly in Caracas.") == set()
    assert codes("a meeting of the Lima Group in Mexico City last May") == set()
    assert codes("the Washington Office on Latin America") == set()


def test_regions_languages_and_history() -> None:
    assert codes("the largest countries of Latin America") == set()
    assert codes("the world’s most populous Spanish-speaking country") == set()
    assert codes("Since the Soviet Union fell") == {"SU"}


def test_a_name_at_the_very_end_of_the_text_keeps_its_own_span() -> None:
    from kb.pipeline import extract

    for text in ("the United States", "Talks with the United Kingdom"):
        extraction = extract(text)
        (country,) = extraction.countries
        for start, end in country.mentions:
            assert extraction.body[start:end] in {"United States", "United Kingdom"}


def test_a_language_a_currency_and_an_international_bodys_name_name_no_country() -> None:
    text = (
        "BRASILIA (Translated from Portuguese) - The warning came in accented English, "
        "officials said. The fund released US$6 million. The lawmaker said the Organization "
        "of American States must act in Spanish waters."
    )
    found = {c.name for c in extract(text).countries}
    assert "Portugal" not in found
    assert "United Kingdom" not in found
    assert "United States" not in found
    assert "Spain" in found  # "Spanish waters": a noun follows, so the state


def _codes(text: str) -> set[str]:
    return {c.code for c in extract(f"Title\n\nBody.\n\n{text}\n").countries}


def test_languages_in_a_contact_block_or_after_in_are_no_states() -> None:
    assert _codes("For interviews, call Ana Ruiz (English, Portuguese): +55 61 5550 0142.") == set()
    assert _codes("The text was released in Arabic by the ministry on Monday.") == set()
    assert _codes("The German original is longer; pupils practise German grammar.") == set()
    assert _codes("The German government protested.") == {"DE"}


def test_capitals_listed_after_a_place_preposition_are_places() -> None:
    assert _codes("The charity has offices in Geneva, Nairobi and Lima.") == set()
    assert _codes("The envoy returned from consultations in Accra and Abuja.") == set()
    assert _codes("Moscow and Beijing condemned the vote.") == {"RU", "CN"}


def test_seas_lakes_and_gulfs_named_for_a_state_are_no_states() -> None:
    assert _codes("Boats sank on Lake Chad and in the South China Sea.") == set()
    assert _codes("The Gulf of Mexico is calm; Chad and China objected.") == {"TD", "CN"}
