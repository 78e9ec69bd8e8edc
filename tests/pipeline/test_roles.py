"""Roles from title prefixes and appositions, on seed and fixture sentences."""

from kb.pipeline import extract
from kb.pipeline.jsonout import to_json


def roles(text: str) -> list[tuple[str, str, str | None, str | None]]:
    x = extract(text)
    for role in x.roles:
        assert 0 <= role.start < role.end <= len(x.body)
    return [(r.actor, r.title, r.organization, r.country) for r in x.roles]


def test_demonym_title_prefix() -> None:
    text = "Peruvian Foreign Minister Néstor Popolizio proposed a break in relations."
    assert roles(text) == [("Néstor Popolizio", "Foreign Minister", None, "PE")]


def test_possessive_country_title_prefix() -> None:
    text = "Venezuela's Foreign Minister Jorge Arreaza said the group was taking orders."
    assert roles(text) == [("Jorge Arreaza", "Foreign Minister", None, "VE")]


def test_title_across_of_and_country_code() -> None:
    text = "US Secretary of State Antony Blinken spoke to Mr Bazoum by telephone on Tuesday."
    assert ("Antony Blinken", "Secretary of State", None, "US") in roles(text)


def test_apposition_after_the_name_names_the_body() -> None:
    text = (
        "The protests were called by Juan Guaidó, the president of the National Assembly, "
        "on Saturday."
    )
    assert roles(text) == [("Juan Guaidó", "president", "National Assembly", None)]


def test_apposition_before_the_name() -> None:
    text = "Peru's foreign minister, Nestor Popolizio, told a Wednesday press conference."
    assert roles(text) == [("Nestor Popolizio", "foreign minister", None, "PE")]


def test_body_then_title_then_person() -> None:
    text = (
        "European Commission President Ursula von der Leyen told the European Parliament that "
        "markets were flooded."
    )
    assert roles(text) == [("Ursula von der Leyen", "President", "European Commission", None)]


def test_no_role_from_a_plain_clause() -> None:
    text = "Juan Guaidó, as interim president, met Juan Guaidó's allies and the press."
    assert all(title != "as interim president" for _a, title, _o, _c in roles(text))


def test_roles_in_json() -> None:
    text = "Peruvian Foreign Minister Néstor Popolizio proposed a break in relations."
    x = extract(text)
    (role,) = to_json(x)["roles"]
    assert role["actor"] == "Néstor Popolizio"
    assert role["country"] == "PE"
    assert x.body[role["start"] : role["end"]] == "Peruvian Foreign Minister Néstor Popolizio"
