"""Roles from title prefixes and appositions, on seed and fixture sentences."""

from datetime import date

from kb.pipeline import extract
from kb.pipeline.geo import find_mentions
from kb.pipeline.jsonout import to_json
from kb.pipeline.role_found import APPOSITION, PREFIX_FULL
from kb.pipeline.role_posts import is_post, since
from kb.pipeline.roles import find_roles
from kb.pipeline.types import RoleFound


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


def found(text: str) -> list[RoleFound]:
    x = extract(text)
    for role in x.roles:
        assert 0 <= role.start < role.end <= len(x.body)
    return list(x.roles)


def test_possessive_country_before_the_title() -> None:
    text = "Norway's Foreign Minister Kari Berg said the talks would resume on Monday."
    (role,) = found(text)
    assert (role.actor, role.title, role.organization, role.country) == (
        "Kari Berg",
        "Foreign Minister",
        None,
        "NO",
    )
    assert role.confidence == PREFIX_FULL  # a title right before a full name


def test_demonym_before_the_title() -> None:
    text = "Peruvian Foreign Minister Ana Quispe proposed a break in relations with the regime."
    assert roles(text) == [("Ana Quispe", "Foreign Minister", None, "PE")]


def test_possessive_country_in_an_apposition_after_the_name() -> None:
    (role,) = found("Ana Quispe, Peru's foreign minister, told reporters.")
    assert (role.title, role.country, role.confidence) == ("foreign minister", "PE", APPOSITION)


def test_spokesman_for_the_ministry() -> None:
    text = "Luis Ortiz, spokesman for the Ministry of Foreign Affairs, said the embassy would stay."
    assert roles(text) == [("Luis Ortiz", "spokesman", "Ministry of Foreign Affairs", None)]


def test_party_before_the_title() -> None:
    text = "Renewal Party lawmaker Tomas Vidal voted against the budget on Tuesday."
    assert roles(text) == [("Tomas Vidal", "lawmaker", "Renewal Party", None)]


def test_title_inside_an_organisation_is_a_persons_post() -> None:
    text = (
        "The Atomic Energy Agency said on Monday that prices would rise. "
        "Agency Director General Ana Ruiz told reporters the rise was temporary."
    )
    assert roles(text) == [("Ana Ruiz", "Director General", "Atomic Energy Agency", None)]


def test_organisation_and_lowercase_word_before_the_title() -> None:
    text = "The UN said the camps were full. UN refugee chief Filippo Marco visited on Friday."
    assert ("Filippo Marco", "refugee chief", "United Nations", None) in roles(text)


def test_former_is_kept_and_stripped_from_the_title() -> None:
    (before,) = found("Former Defence Minister Juan Soto was arrested on Friday.")
    (after,) = found("Juan Soto, a former defence minister, was arrested on Friday.")
    assert (before.title, before.former) == ("Defence Minister", True)
    assert (after.title, after.former) == ("defence minister", True)
    (current,) = found("Defence Minister Juan Soto was arrested on Friday.")
    assert current.former is False


def test_since_gives_valid_from() -> None:
    (role,) = found("Governor Rosa Lind, in office since 2019, rejected the plan.")
    assert role.valid_from == date(2019, 1, 1)
    (role,) = found("Rosa Lind, who has been governor since 2019, rejected the plan.")
    assert (role.title, role.valid_from) == ("governor", date(2019, 1, 1))
    assert role.valid_to is None


def test_took_office_in_a_month_is_resolved_against_the_article_date() -> None:
    text = "Governor Rosa Lind, who took office in March, rejected the plan."
    x = extract(text)
    (role,) = find_roles(x.body, x.actors, find_mentions(x.body), date(2024, 6, 1))
    assert role.valid_from == date(2024, 3, 1)
    (role,) = find_roles(x.body, x.actors, find_mentions(x.body), date(2024, 2, 1))
    assert role.valid_from == date(2023, 3, 1)
    assert since("who took office on 3 May 2021", None) == date(2021, 5, 3)


def test_descriptions_are_not_posts() -> None:
    for text in (
        "Her ally Marta Gil attended the session.",
        "The war hero Pablo Ruiz spoke at the rally.",
        "The critic Ana Ferro left the room.",
        "His predecessor Jorge Lira stayed at home.",
        "The bureaucrat Elena Paz wrote the report.",
        "Elena Paz, a strongman of the region, wrote the report.",
        "The leader, Elena Paz, wrote the report.",
    ):
        assert roles(text) == [], text


def test_description_words_are_not_posts_but_qualified_heads_are() -> None:
    assert not is_post("ally", qualified=True)
    assert not is_post("strongman", qualified=True)
    assert not is_post("head", qualified=False)
    assert is_post("head", qualified=True)  # "the head of the Central Bank"
    assert is_post("opposition leader", qualified=False)
    assert is_post("President-elect", qualified=False)


def test_a_post_repeated_in_the_article_is_one_role_at_its_first_mention() -> None:
    text = (
        "President Ana Ruiz spoke on Monday. Later, President Ana Ruiz left the hall. "
        "Ruiz said she was tired, and President Ruiz went home."
    )
    x = extract(text)
    (role,) = x.roles
    assert (role.actor, role.title) == ("Ana Ruiz", "President")
    assert x.body[role.start : role.end] == "President Ana Ruiz"
    assert role.start == 0


def test_a_later_mention_gives_the_country_the_first_lacked() -> None:
    text = (
        "Foreign Minister Kari Berg arrived on Monday. The talks were tense. "
        "Norway's Foreign Minister Kari Berg then left for Oslo."
    )
    (role,) = found(text)
    assert (role.title, role.country) == ("Foreign Minister", "NO")


def test_two_posts_joined_by_and() -> None:
    text = "Chinese State Councillor and Foreign Minister Li Wen told reporters on Monday."
    assert roles(text) == [
        ("Li Wen", "State Councillor", None, "CN"),
        ("Li Wen", "Foreign Minister", None, "CN"),
    ]


def test_chosen_as_a_countrys_new_president() -> None:
    text = "Ana Ruiz was chosen as Peru's new president in a vote in parliament on Wednesday."
    assert roles(text) == [("Ana Ruiz", "president", None, "PE")]


def test_spellings_of_one_post_are_one_role() -> None:
    text = (
        "Chile's Defense Minister Ana Ruiz arrived on Monday. "
        "The Chilean defence minister Ana Ruiz left on Friday."
    )
    assert roles(text) == [("Ana Ruiz", "Defense Minister", None, "CL")]


def test_a_bare_post_takes_the_country_its_sentence_names_nearest() -> None:
    text = "Ana Gil visited Brazil and then stopped in Colombia to meet President Luis Mora."
    (role,) = [r for r in found(text) if r.actor == "Luis Mora"]
    assert (role.title, role.country, role.confidence) == ("President", "CO", 0.4)


def test_a_country_that_is_a_verbs_subject_owns_no_post_after_the_verb() -> None:
    text = (
        "Talks in Lima\n\n"
        "Foreign Minister Tomas Vidal of Peru met Foreign Minister Ana Ruiz of Chile in Lima."
    )
    roles = {(r.actor, r.title, r.country) for r in extract(text).roles}
    assert ("Ana Ruiz", "Foreign Minister", "CL") in roles
    assert not any(title.startswith("met ") for _, title, _ in roles)


def test_an_honorific_is_no_post_and_an_apposed_post_reads_past_it() -> None:
    text = "The electoral commission chairperson, Justice Tamara Chiwoko, defended the tally."
    assert roles(text) == [("Tamara Chiwoko", "electoral commission chairperson", None, None)]
    assert roles("Justice Tamara Chiwoko defended the tally.") == []


def test_a_post_in_a_city_and_a_former_post_before_who() -> None:
    assert roles("China's ambassador in Nouakchott, Zhao Mingliang, congratulated him.") == [
        ("Zhao Mingliang", "ambassador", None, "CN")
    ]
    found = extract("Ana Ruiz-Paz, a former prime minister who lives in exile, said so.").roles
    assert [(r.actor, r.title, r.former) for r in found] == [
        ("Ana Ruiz-Paz", "prime minister", True)
    ]


def test_a_capitalised_post_after_a_name_in_a_release() -> None:
    found = roles(
        "Ruritania's minister met Omar Haddad-Salem, Assistant Foreign Minister for Arab "
        "Affairs, and Ana Ruiz-Paz, Venezuela Researcher at the institute."
    )
    # "Venezuela Researcher" is no post; the country of the first is a guess (0.4).
    assert [(a, t) for a, t, _o, _c in found] == [
        ("Omar Haddad-Salem", "Assistant Foreign Minister")
    ]


def test_a_rank_is_a_role_beside_the_post_before_it() -> None:
    found = roles("Police spokesman Inspector Ade Bello said three people were held.")
    assert [(r[0], r[1]) for r in found] == [("Ade Bello", "spokesman"), ("Ade Bello", "Inspector")]


def test_a_rank_after_an_apposed_post_is_a_role_too() -> None:
    text = "The military prosecutor, Commandant Ibrahima Sory Keita, asked for life terms."
    found = {(r[0], r[1]) for r in roles(text)}
    assert found == {
        ("Ibrahima Sory Keita", "military prosecutor"),
        ("Ibrahima Sory Keita", "Commandant"),
    }


def test_secretary_general_is_one_post_not_a_rank() -> None:
    found = roles("UN Secretary General Antonio Reyes spoke in New York.")
    assert [(r[0], r[1]) for r in found] == [("Antonio Reyes", "Secretary General")]


def test_the_owner_of_a_post_is_no_post_of_the_name_after() -> None:
    text = (
        "“Civilians come first,” said the head of MONUSCO and Special Representative of the "
        "Secretary-General for the Democratic Republic of the Congo, Kadiatou Sissoko-Varela."
    )
    assert all(r[1] != "Secretary-General" for r in roles(text))


def test_a_two_word_rank_after_an_apposed_post() -> None:
    text = "Israel's military spokesman, Rear Admiral Daniel Hagari-Levi, said 120 were hit."
    assert {r[1] for r in roles(text)} == {"military spokesman", "Rear Admiral"}


def test_a_style_is_no_part_of_the_post_and_cmdr_is_a_rank() -> None:
    text = (
        "“We are targeting stability,” Saudi Energy Minister Prince Nawaf bin Saad Al Rasheed "
        "said. “We arrest trawlers,” said Cmdr. Kasun Dharmapriya."
    )
    found = {(r[0], r[1]) for r in roles(text)}
    assert ("Nawaf bin Saad Al Rasheed", "Energy Minister") in found
    assert ("Kasun Dharmapriya", "Commander") in found


def test_an_envoy_to_a_body_does_not_hold_a_post_in_it() -> None:
    text = (
        "The Lima Group met in Ottawa on Monday. Ana Ruiz, the opposition's envoy to the "
        "Lima Group, said talks were over. Omar Haddad, an adviser to the Lima Group, agreed."
    )
    found = {(actor, title): org for actor, title, org, _country in roles(text)}
    assert found[("Ana Ruiz", "opposition's envoy")] is None
    assert found[("Omar Haddad", "adviser")] == "Lima Group"


def test_a_body_named_after_its_heads_post_names_that_post_before_a_name() -> None:
    text = (
        "UN High Commissioner for Refugees Ana Ruiz visited the camp on Monday.\n\n"
        "The United Nations High Commissioner for Human Rights, Kofi Mensah, called for an "
        "inquiry in Venezuela."
    )
    found = {(actor, title): (org, country) for actor, title, org, country in roles(text)}
    assert found[("Ana Ruiz", "High Commissioner for Refugees")] == (
        "United Nations High Commissioner for Refugees",
        None,
    )
    # An international post is no guess at the country the article names.
    assert found[("Kofi Mensah", "High Commissioner for Human Rights")][1] is None


def test_an_honorific_between_a_set_off_post_and_the_name() -> None:
    text = "At the exit, the Minister of Justice, Mister Salif R. Ilboudo, said all was well."
    assert [(a, t) for a, t, _o, _c in roles(text)] == [("Salif R. Ilboudo", "Minister")]


def test_recognition_and_a_self_proclaimed_title_are_no_posts_held() -> None:
    text = (
        "Canada recognized Leonardo Echenique, President of the National Assembly, as "
        "interim President of Venezuela. The self-proclaimed president Ana Ruiz spoke."
    )
    titles = [(actor, title) for actor, title, _o, _c in roles(text)]
    assert ("Leonardo Echenique", "President") in titles  # of the National Assembly
    assert all("interim" not in t.lower() and "self" not in t.lower() for _a, t in titles)


def test_appointed_to_a_post_without_as() -> None:
    text = (
        "Col. Ana Ruiz arrived on Monday. Ruiz, 51, was appointed military governor of "
        "Tarma region by the junta in 2023."
    )
    assert ("Ana Ruiz", "military governor") in {(r.actor, r.title) for r in found(text)}
    text = "Ana Ruiz was named to the board in 2020 and was elected to parliament in 2021."
    assert [r for r in found(text) if r.actor == "Ana Ruiz"] == []


def test_a_post_to_another_post_is_the_whole_title() -> None:
    text = "Adviser to the President Ana Ruiz said no. He spoke to President Luis Mora."
    assert {(r.actor, r.title) for r in found(text)} == {
        ("Ana Ruiz", "Adviser to the President"),
        ("Luis Mora", "President"),
    }


def test_a_post_of_the_international_body_named_in_it_takes_the_body_not_a_country() -> None:
    text = (
        "Lesotho's army deployed in Maseru on Monday.\n\n"
        "The SADC Executive Secretary, Dr. Evaristo Chilundo Mabote, said talks would go on."
    )
    (role,) = [r for r in found(text) if r.actor == "Evaristo Chilundo Mabote"]
    assert (role.organization, role.country) == ("Southern African Development Community", None)


def test_no_post_for_a_place_or_a_title_read_as_a_person() -> None:
    from kb.pipeline.roles import _holder_name

    assert not _holder_name("Caracas")
    assert not _holder_name("Chargé d'Affaires")
    assert not _holder_name("Press Chancellery")
    assert _holder_name("Ana Ruiz")
