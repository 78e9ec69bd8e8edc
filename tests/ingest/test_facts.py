"""One fact, many sources: stances, roles and quotes through the real import service.

Each test imports small texts of its own with ``article_import`` and looks at
the rows: one stance per fact across articles (country stances included), one
stance claim per sentence and relation, one quote claim reported by several
outlets, idempotent re-imports, and the editors' word kept.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Q

from kb.articles.models import Article
from kb.claims.facts import article_remove, facts_decide
from kb.claims.models import (
    Claim,
    ClaimSource,
    Decision,
    Role,
    RoleEvidence,
    Stance,
    StanceEvidence,
)
from kb.entities.models import Actor, Country
from kb.ingest.services import article_import
from kb.pipeline.fold import fold

pytestmark = pytest.mark.django_db

# Two sentences in which Russia backs Maduro; the second lists three countries.
JANUARY = (
    "date 2019-01-10 Russia backs Maduro\n\n"
    "Russia supports Nicolás Maduro, officials said on Thursday. "
    "Russia, China and Turkey support Nicolás Maduro, the foreign ministry said.\n\n"
    "“We will not abandon our friends in Caracas,” said Nicolás Maduro on Thursday. "
    "Russia's Foreign Minister Sergei Lavrov met him.\n"
)
# Another outlet, later: the same stance once, the same quote in nearly the same words.
MARCH = (
    "date 2019-03-02 Moscow stands firm\n\n"
    "The Kremlin said again on Saturday that Russia supports Nicolás Maduro. "
    '"We will not abandon our friends in Caracas!" said Nicolás Maduro on Saturday.\n'
)


def imported(text: str, name: str, source: str = "Reuters") -> Article:
    outcome = article_import(text, original_name=name, source_name=source)
    assert outcome.status in {"new", "updated"}, outcome.error
    assert outcome.article is not None
    return outcome.article


def russia_backs_maduro() -> Stance:
    return Stance.objects.get(
        subject_country="RU", relation="supports", object_actor__name="Nicolás Maduro"
    )


def test_a_country_stance_is_stored_and_found_for_that_country() -> None:
    imported(JANUARY, "january.txt")
    russia = Country.objects.get(pk="RU")
    stance = russia_backs_maduro()
    assert stance in Stance.objects.of(russia)
    assert stance in Stance.objects.valid_on(dt.date(2019, 6, 1))
    assert {s.subject_country_id for s in Stance.objects.filter(relation="supports")} == {
        "RU",
        "CN",
        "TR",
    }


def test_one_stance_claim_per_sentence_and_relation_for_a_list() -> None:
    article = imported(JANUARY, "january.txt")
    claims = list(Claim.objects.filter(article=article, kind=Claim.Kind.STANCE).order_by("start"))
    # Two sentences, one relation each: two claims, never one per name of the list.
    assert len(claims) == 2
    listed = claims[1]
    assert listed.text.startswith("Russia, China and Turkey support")
    assert listed.relation == "supports"
    assert {s.subject_country_id for s in listed.stances.all()} == {"RU", "CN", "TR"}
    # The evidence is the sentence, whole.
    assert article.body[listed.start : listed.end].rstrip().endswith("the foreign ministry said.")


def test_two_articles_attest_one_stance() -> None:
    january = imported(JANUARY, "january.txt")
    march = imported(MARCH, "march.txt", source="BBC")
    (stance,) = Stance.objects.filter(subject_country="RU")
    assert {c.article_id for c in stance.evidence.all()} == {january.pk, march.pk}
    assert stance.evidence.filter(article=march).count() == 1
    assert (stance.first_attested, stance.last_attested) == (
        dt.date(2019, 1, 10),
        dt.date(2019, 3, 2),
    )
    # No date in the text: it holds from its first attestation, with no known end.
    assert (stance.valid_from, stance.valid_to) == (dt.date(2019, 1, 10), None)
    assert stance.article == january
    # The fact's confidence is the best of its evidence's.
    assert stance.confidence == max(
        e.confidence for e in StanceEvidence.objects.filter(stance=stance)
    )
    assert stance.key == f"country:RU|supports|0|actor:{stance.object_actor_id}"


def test_re_import_is_idempotent() -> None:
    imported(JANUARY, "january.txt")
    before = (
        Stance.objects.count(),
        Stance.evidence.through.objects.count(),
        Claim.objects.count(),
        Role.objects.count(),
        RoleEvidence.objects.count(),
    )
    assert article_import(JANUARY, original_name="january.txt").status == "unchanged"
    # The same file, edited (a sentence added): re-extracted, nothing doubled.
    imported(JANUARY + "\nThe talks continue.\n", "january.txt")
    after = (
        Stance.objects.count(),
        Stance.evidence.through.objects.count(),
        Claim.objects.count(),
        Role.objects.count(),
        RoleEvidence.objects.count(),
    )
    assert after == before


def test_a_rejected_stance_never_comes_back() -> None:
    imported(JANUARY, "january.txt")
    stance = russia_backs_maduro()
    facts_decide([stance], Decision.REJECTED)
    # Re-import of the same article, edited, then the same fact from another article.
    imported(JANUARY + "\nThe talks continue.\n", "january.txt")
    march = imported(MARCH, "march.txt", source="BBC")
    (row,) = Stance.objects.filter(subject_country="RU")
    assert row.pk == stance.pk
    assert row.decision == Decision.REJECTED
    assert row.evidence.filter(article=march).exists()  # evidence kept, fact hidden
    assert row not in Stance.objects.accepted()
    assert row not in Stance.objects.valid_on(dt.date(2019, 6, 1))
    assert row not in Stance.objects.public()


def test_an_editors_correction_is_kept_on_re_import() -> None:
    imported(JANUARY, "january.txt")
    stance = russia_backs_maduro()
    stance.relation = Stance.Relation.RECOGNIZES
    stance.valid_from = dt.date(2018, 5, 20)
    stance.decision = Decision.CONFIRMED
    stance.save()
    imported(JANUARY + "\nThe talks continue.\n", "january.txt")
    imported(MARCH, "march.txt", source="BBC")
    (row,) = Stance.objects.filter(subject_country="RU")
    assert (row.pk, row.relation, row.valid_from) == (stance.pk, "recognizes", dt.date(2018, 5, 20))
    assert row.last_attested == dt.date(2019, 3, 2)


def test_removing_an_article_removes_its_evidence_and_orphaned_facts() -> None:
    january = imported(JANUARY, "january.txt")
    march = imported(MARCH, "march.txt", source="BBC")
    china = Stance.objects.get(subject_country="CN")
    facts_decide([china], Decision.CONFIRMED)
    article_remove(march)
    stance = russia_backs_maduro()
    assert stance.last_attested == dt.date(2019, 1, 10)
    assert not stance.evidence.filter(article_id=march.pk).exists()
    article_remove(january)
    # Extracted facts with no evidence left go; the one an editor confirmed stays.
    assert list(Stance.objects.all()) == [china]
    assert not Role.objects.exists()


def test_the_same_quote_from_two_outlets_is_one_claim_with_two_sources() -> None:
    january = imported(JANUARY, "january.txt")
    march = imported(MARCH, "march.txt", source="BBC")
    (quote,) = Claim.objects.quotes()
    assert quote.article == january  # the first source
    assert quote.source_count == 2
    (other,) = ClaimSource.objects.filter(claim=quote)
    assert other.article == march
    assert march.body[other.start : other.end].startswith("We will not abandon")
    assert Claim.objects.with_source_count().get(pk=quote.pk).n_sources == 2
    # Without the first article, the quote stays, now from its other source.
    article_remove(january)
    quote.refresh_from_db()
    assert (quote.article, quote.source_count) == (march, 1)


def test_a_role_is_one_row_with_evidence_from_every_article() -> None:
    imported(JANUARY, "january.txt")
    imported(
        "date 2020-02-01 Lavrov abroad\n\n"
        "Russia's Foreign Minister Sergei Lavrov flew to Havana.\n",
        "february.txt",
    )
    (role,) = Role.objects.filter(actor__name="Sergei Lavrov")
    assert role.evidence.count() == 2
    assert (role.first_attested, role.last_attested) == (dt.date(2019, 1, 10), dt.date(2020, 2, 1))
    assert (role.valid_from, role.valid_to) == (dt.date(2019, 1, 10), None)
    assert Actor.objects.get(name="Sergei Lavrov").roles.count() == 1


def test_a_former_post_ends_by_the_date_of_the_article_calling_it_former() -> None:
    imported(JANUARY, "january.txt")
    imported(
        "date 2021-05-02 Lavrov abroad\n\n"
        "Russia's former Foreign Minister Sergei Lavrov flew to Havana on Sunday.\n",
        "may.txt",
    )
    (role,) = Role.objects.filter(actor__name="Sergei Lavrov")
    assert role.title == "Foreign Minister"
    assert role.evidence.filter(former=True).count() == 1
    assert (role.valid_from, role.valid_to) == (dt.date(2019, 1, 10), dt.date(2021, 5, 2))
    assert role in Role.objects.valid_on(dt.date(2020, 1, 1))
    assert role not in Role.objects.valid_on(dt.date(2021, 6, 1))


def _stored(stance, subject, obj, name) -> bool:
    for side, ref in (("subject", subject), ("object", obj)):
        if ref.type == "country":
            stance = stance.filter(**{f"{side}_country__name": ref.name})
        else:
            stance = stance.filter(_actor_named(side, ref.name))
    return stance.filter(evidence__article__original_name=name).exists()


def _actor_named(side: str, name: str) -> Q:
    """By name, or by any alias ("Nicolas Maduro" is Nicolás Maduro's alias)."""
    return Q(**{f"{side}_actor__name": name}) | Q(**{f"{side}_actor__aliases__key": fold(name)})


def test_every_stance_of_the_seeds_is_stored(seeds_dir) -> None:
    """Each StanceFound is evidence of a stored fact, country stances included."""
    found = set()
    for path in sorted(seeds_dir.glob("*.txt")):
        outcome = article_import(path.read_text("utf-8"), original_name=path.name)
        assert outcome.extraction is not None
        found |= {
            (path.name, s.subject, s.relation, s.negated, s.object)
            for s in outcome.extraction.stances
        }
    assert StanceEvidence.objects.count() >= len({f[1:] for f in found})
    assert Stance.objects.filter(subject_country__isnull=False).exists()
    assert Stance.objects.filter(object_country__isnull=False).exists()
    for name, subject, relation, negated, obj in found:
        stance = Stance.objects.filter(relation=relation, negated=negated)
        if relation == "meets" and not _stored(stance, subject, obj, name):
            subject, obj = obj, subject  # "X meets Y" is "Y meets X": stored either way
        for side, ref in (("subject", subject), ("object", obj)):
            # Actors by any of their names ("Nicolas Maduro" is Nicolás Maduro's alias).
            if ref.type == "country":
                stance = stance.filter(**{f"{side}_country__name": ref.name})
            else:
                stance = stance.filter(_actor_named(side, ref.name))
        assert stance.filter(evidence__article__original_name=name).exists(), (subject, obj)
