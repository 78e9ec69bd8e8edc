"""Figure and stance rules on real sentences from the seeds."""

from kb.pipeline import extract


def test_figures_are_normalised() -> None:
    x = extract(
        "An estimated 2.3 million Venezuelans have migrated since 2015, according to the United "
        "Nations. "
        "It allocates US $ 400 million to the opposition. Prices may be rising at 1,000 per cent. "
        "The 14-member Lima Group met."
    )
    got = {f.text: (f.value, f.unit) for f in x.figures}
    assert got["2.3 million Venezuelans"] == (2_300_000, "people")
    assert got["US $ 400 million"] == (400_000_000, "USD")
    assert got["1,000 per cent"] == (1000, "percent")
    assert got["14-member"] == (14, "members")
    assert next(f for f in x.figures if f.text.startswith("2.3")).source == "United Nations"
    assert not any(f.text.startswith("2015") for f in x.figures)


def test_stances() -> None:
    x = extract(
        "Russia and China continue to back Mr Maduro, while the US has recognised Juan Guaidó."
    )
    got = {(s.subject.name, s.relation, s.object.name) for s in x.stances}
    assert ("Russia", "supports", "Maduro") in got
    assert ("China", "supports", "Maduro") in got
    assert ("United States", "recognizes", "Juan Guaidó") in got


def test_backing_of_is_passive() -> None:
    x = extract(
        "Opposition leader Juan Guaidó spoke. Mr Maduro has the backing of Russia, China, and "
        "Turkey."
    )
    got = {(s.subject.name, s.relation, s.object.name) for s in x.stances}
    assert {("Russia", "supports", "Maduro"), ("Turkey", "supports", "Maduro")} <= got
