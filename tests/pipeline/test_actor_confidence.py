"""The confidence stage: how sure the pipeline is of each actor's mention links."""

from dataclasses import replace

from kb.pipeline import extract
from kb.pipeline.confidence import (
    BUILT,
    DISCOVERED,
    KNOWN_FULL,
    REFERENCE,
    actor_confidence,
    with_confidence,
)
from kb.pipeline.scoring import CONFIDENT
from kb.pipeline.types import ActorFound, KnownActor, Snapshot

KNOWN = KnownActor(
    key="tomas-ruiz-vela",
    name="Tomás Ruiz Vela",
    kind="person",
    country="PE",
    aliases=("Tomás Ruiz Vela", "Ruiz Vela", "Ruiz"),
)


def _actor(text: str, name: str, snapshot: Snapshot | None = None) -> ActorFound:
    found = extract(text, snapshot) if snapshot else extract(text)
    return next(a for a in found.actors if a.name == name)


def test_a_full_alias_of_a_known_actor_beats_its_surname_alone() -> None:
    snapshot = Snapshot(actors=(KNOWN,))
    full = _actor("Aid was slow, Tomás Ruiz Vela told reporters on Monday.", KNOWN.name, snapshot)
    short = _actor("Aid was slow, Ruiz told reporters on Monday.", KNOWN.name, snapshot)
    assert full.known_key == short.known_key == KNOWN.key
    assert full.confidence >= KNOWN_FULL > CONFIDENT
    assert short.confidence < CONFIDENT <= KNOWN_FULL


def test_a_country_unlike_the_known_actors_lowers_the_link() -> None:
    body = "Tomás Ruiz Vela spoke."
    linked = ActorFound(KNOWN.name, "person", "PE", (KNOWN.name,), ((0, 15),), known_key=KNOWN.key)
    known = {KNOWN.key: KNOWN}
    same = actor_confidence(linked, body, known)
    assert actor_confidence(replace(linked, country="CL"), body, known) < CONFIDENT < same


def test_a_reference_organisation_is_confident_even_by_its_acronym() -> None:
    org = _actor("The IMF approved the loan on Friday.", "International Monetary Fund")
    assert org.confidence >= REFERENCE > CONFIDENT


def test_a_titled_cued_person_beats_a_bare_surname() -> None:
    text = (
        "Foreign Minister Carla Pemberton said the talks would resume. "
        "Delgado was not at the meeting, and Delgado did not comment."
    )
    titled = _actor(text, "Carla Pemberton")
    assert titled.confidence > DISCOVERED
    lone = [a for a in extract(text).actors if a.name == "Delgado"]
    assert all(a.confidence < CONFIDENT for a in lone)


def test_a_name_no_mention_spells_is_below_the_bar() -> None:
    actor = ActorFound("Ruritanian armed forces", "organization", "RU", ("military",), ((4, 12),))
    assert BUILT < actor_confidence(actor, "The military moved in.") < CONFIDENT  # + head word


def test_words_run_together_are_doubtful() -> None:
    actor = ActorFound("MinisterOlmes Trujillo", "person", None, ("MinisterOlmes Trujillo",), ())
    assert actor_confidence(actor, "") < 0.6


def test_a_body_cut_short_is_below_the_bar() -> None:
    body = "The Sanctions Committee Peace met. The Group of Experts Assisting spoke."
    cut = ActorFound("Sanctions Committee Peace", "organization", None, (), ((4, 29),))
    cut = replace(cut, surface_forms=(cut.name,))
    assisting = ActorFound(
        "Group of Experts Assisting", "organization", None, ("Group of Experts Assisting",), ()
    )
    assert actor_confidence(cut, body) < CONFIDENT
    assert actor_confidence(assisting, body) < CONFIDENT


def test_the_stage_changes_confidence_only() -> None:
    text = (
        "LIMA (Reuters) - Peru's Congress voted on Tuesday, Foreign Minister Carla Pemberton "
        "said. The Lima Group and the OAS (Organization of American States) met."
    )
    found = extract(text)
    plain = replace(found, actors=tuple(replace(a, confidence=1.0) for a in found.actors))
    assert with_confidence(plain) == found
    assert all(0.05 <= a.confidence <= 0.99 for a in found.actors)
