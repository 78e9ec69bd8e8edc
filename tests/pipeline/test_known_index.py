"""``KnownIndex.for_text`` hands the pipeline only the actors it could link, and loses none."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kb.pipeline import KnownActor, extract
from kb.pipeline.jsonout import to_json
from kb.pipeline.known import KnownIndex, linking_keys

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests" / "pipeline" / "fixtures").rglob("*.txt")
)


def _keys(index: KnownIndex, raw: str) -> list[str]:
    return [a.key for a in index.for_text(raw).actors]


def test_an_actor_comes_only_with_a_whole_key_in_the_text() -> None:
    index = KnownIndex(
        [
            KnownActor("assembly", "National Assembly", "organization"),
            KnownActor("bank", "Central Bank of Venezuela", "organization"),
            KnownActor("ruiz", "Ana Ruiz", "person", aliases=("Ruiz",)),
        ]
    )
    # "National" and "Venezuela" are in the text, but no whole name of the bank is.
    text = "The National Assembly met in Venezuela. Ruiz spoke."
    assert _keys(index, text) == ["assembly", "ruiz"]


def test_names_of_short_words_are_found() -> None:
    # Words of two letters are too common to index on their own, but a name made
    # only of them (an acronym) still has to reach the pipeline.
    index = KnownIndex([KnownActor("eu", "European Union", "organization", aliases=("EU",))])
    assert _keys(index, "EU ministers met on Monday.") == ["eu"]
    assert _keys(index, "Ministers met on Monday.") == []


def test_accents_and_case_do_not_matter() -> None:
    index = KnownIndex([KnownActor("ibanez", "José Ibáñez", "person")])
    assert _keys(index, "JOSE IBANEZ said") == ["ibanez"]


def test_a_rejected_form_is_no_key() -> None:
    actor = KnownActor("ruiz", "Ana Ruiz", "person", aliases=("Ruiz",), rejected=("Ruiz",))
    assert linking_keys(actor) == ("ana ruiz",)
    assert _keys(KnownIndex([actor]), "Ruiz spoke.") == []


def test_new_aliases_are_learnt() -> None:
    index = KnownIndex([KnownActor("ruiz", "Ana Ruiz", "person")])
    assert _keys(index, "Mrs Ruiz-Pérez spoke.") == []
    index.add(KnownActor("ruiz", "Ana Ruiz", "person", aliases=("Ruiz-Pérez",)))
    assert _keys(index, "Mrs Ruiz-Pérez spoke.") == ["ruiz"]
    assert len(index) == 1


def _everything_found() -> KnownIndex:
    """Every actor the pipeline finds in the seeds and fixtures, with its forms as aliases."""
    index = KnownIndex()
    for path in TEXTS:
        for actor in extract(path.read_text("utf-8")).actors:
            aliases = tuple(f for f in actor.surface_forms if f != actor.name)
            key = f"{path.stem}-{actor.name}"
            index.add(KnownActor(key, actor.name, actor.kind, actor.country, aliases))
    return index


def test_extraction_is_the_same_as_with_every_known_actor() -> None:
    index = _everything_found()
    everyone = index.snapshot()
    assert len(everyone.actors) > 100
    for path in TEXTS:
        raw = path.read_text("utf-8")
        some = index.for_text(raw)
        assert len(some.actors) < len(everyone.actors)
        assert to_json(extract(raw, some)) == to_json(extract(raw, everyone)), path.name


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Ana", "Ruiz", "EU", "Bank", "of", "Venezuela", "said", ".", "\n"]),
        max_size=30,
    ).map(" ".join)
)
def test_on_any_text_no_linkable_actor_is_left_out(raw: str) -> None:
    index = KnownIndex(
        [
            KnownActor("ruiz", "Ana Ruiz", "person", aliases=("Ruiz",)),
            KnownActor("eu", "EU", "organization"),
            KnownActor("bank", "Bank of Venezuela", "organization"),
        ]
    )
    assert to_json(extract(raw, index.for_text(raw))) == to_json(extract(raw, index.snapshot()))


def test_a_key_two_known_actors_share_links_to_neither_unless_the_country_decides() -> None:
    pj = KnownActor("pj", "Primero Justicia", "organization", "VE", aliases=("PJ",))
    pj_ar = KnownActor("pj-ar", "Partido Justicialista", "organization", "AR", aliases=("PJ",))
    raw = "Julio Borges, of the party PJ, spoke on Monday."
    for order in ([pj, pj_ar], [pj_ar, pj]):
        found = extract(raw, KnownIndex(order).snapshot())
        assert "PJ" in [a.name for a in found.actors]  # a new actor: an editor links it
    raw = (
        "CARACAS — Venezuela's opposition party PJ said on Monday that Venezuela must vote. "
        "In Venezuela, PJ leads the opposition."
    )
    found = extract(raw, KnownIndex([pj_ar, pj]).snapshot())
    assert "Primero Justicia" in [a.name for a in found.actors]
