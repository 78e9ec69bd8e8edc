"""The review queue at /admin/review/: order, decisions, history, permissions, query budget.

A small hand-built world (no extraction), except the re-import test, which
imports a seed article through the real service.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission

from kb.articles.models import Article, Source
from kb.claims.models import Claim, Role, Stance, StanceEvidence
from kb.curation import queue as queue_module
from kb.curation.queue import ReviewQueue
from kb.curation.review import Item, ReviewError, item_confirm
from kb.entities.models import Actor, Alias, Country

URL = "/admin/review/"
SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"

BODY = (
    "Russia backs Nicolás Maduro, the Kremlin said on Monday.\n"
    "Foreign Minister Ana Quispe spoke in Lima.\n"
    "“We will not give up,” said Juan Guaidó at the rally.\n"
    "The Lima Group opposes Nicolás Maduro.\n"
)


def article(body: str = BODY, name: str = "wire", published: dt.date = dt.date(2019, 2, 1)):
    source, _ = Source.objects.get_or_create(name="Test Wire", slug="test-wire")
    return Article.objects.create(
        title=name.title(),
        slug=name,
        original_name=f"{name}.txt",
        raw_text=body,
        body=body,
        offsets=[[0, 0, len(body)]],
        blocks=[["paragraph", 0, len(body)]],
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        published=published,
        source=source,
    )


def actor(name: str, mentions: int, kind: str = "person") -> Actor:
    row = Actor.objects.create(name=name, kind=kind)
    Alias.objects.create(actor=row, name=name)
    Actor.objects.filter(pk=row.pk).update(mention_count=mentions)
    row.mention_count = mentions
    return row


def span_claim(art: Article, text: str, kind: str, **kw) -> Claim:
    start = art.body.index(text)
    return Claim.objects.create(
        article=art, start=start, end=start + len(text), text=text, kind=kind, **kw
    )


def stance(art: Article, sentence: str, confidence: float, **ends) -> Stance:
    row = Stance.objects.create(article=art, confidence=confidence, **ends)
    row.extracted_key = row.key
    row.save(update_fields=["extracted_key"])
    evidence = Claim.objects.filter(article=art, kind="stance", text=sentence).first()
    evidence = evidence or span_claim(art, sentence, "stance", relation=row.relation)
    StanceEvidence.objects.create(stance=row, claim=evidence, confidence=confidence)
    return row


@pytest.fixture
def desk(db):
    """Facts awaiting review, with known visibility and confidence."""
    art = article()
    maduro = actor("Nicolás Maduro", 500)
    guaido = actor("Juan Guaidó", 300)
    quispe = actor("Ana Quispe", 5)
    lima = actor("Lima Group", 40, kind="organization")
    minor = actor("Minor Party", 1, kind="organization")
    ru = Country.objects.get(pk="RU")
    Country.objects.filter(pk="RU").update(mention_count=0)
    russia_sentence = "Russia backs Nicolás Maduro, the Kremlin said on Monday."
    lima_sentence = "The Lima Group opposes Nicolás Maduro."
    d = type("Desk", (), {})()
    d.article = art
    d.maduro, d.guaido, d.quispe, d.lima, d.minor = maduro, guaido, quispe, lima, minor
    # Drawn on the home page (the newest stance) though about a little-known party.
    d.home = stance(
        art,
        lima_sentence,
        0.9,
        subject_actor=minor,
        relation="opposes",
        object_actor=quispe,
        valid_from=dt.date(2020, 1, 1),
    )
    d.russia = stance(
        art,
        russia_sentence,
        0.6,
        subject_country=ru,
        relation="supports",
        object_actor=maduro,
        valid_from=dt.date(2019, 2, 1),
    )
    d.lima_opposes = stance(
        art,
        lima_sentence,
        0.3,
        subject_actor=lima,
        relation="opposes",
        object_actor=maduro,
        valid_from=dt.date(2019, 2, 1),
    )
    d.role = Role.objects.create(
        actor=quispe, title="Foreign Minister", article=art, confidence=0.4
    )
    d.role.extracted_key = d.role.key
    d.role.save(update_fields=["extracted_key"])
    d.role.evidence.create(
        article=art,
        start=BODY.index("Foreign Minister"),
        end=BODY.index(" spoke in Lima"),
        confidence=0.4,
    )
    # The importer got the speaker wrong: it is Guaidó, not Maduro.
    d.quote = span_claim(art, "“We will not give up,”", "quote", speaker=maduro)
    # Not in the queue: decided facts, reviewed quotes, figures.
    # Dated, so "the newest stance" is d.home on both databases (an undated one
    # sorts first in PostgreSQL's descending order, last in SQLite's).
    Stance.objects.create(
        subject_actor=guaido,
        relation="opposes",
        object_actor=maduro,
        decision="confirmed",
        valid_from=dt.date(2018, 1, 1),
    )
    span_claim(art, "said Juan Guaidó", "quote", status="reviewed")
    span_claim(art, "Foreign Minister", "figure")
    return d


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user("ed", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def ed_client(client, editor):
    client.force_login(editor)
    return client


def queue_items(**kw) -> list[str]:
    return [row.item for row in ReviewQueue(**kw)[0:50]]


# ------------------------------------------------------------------ order


def test_queue_lists_only_unreviewed_facts_most_visible_then_least_confident(
    desk, monkeypatch
) -> None:
    # With a one-stance home graph, only the newest stance is drawn there.
    monkeypatch.setattr(queue_module, "HOME_GRAPH_STANCES", 1)
    assert queue_items() == [
        f"stance:{desk.home.pk}",  # on the home page graph
        f"stance:{desk.lima_opposes.pk}",  # Maduro (500 mentions), confidence 0.3
        f"stance:{desk.russia.pk}",  # Maduro (500 mentions), confidence 0.6
        f"quote:{desk.quote.pk}",  # Maduro's quote (500), no score: after the stances
        f"role:{desk.role.pk}",  # Ana Quispe (5 mentions)
    ]
    assert ReviewQueue().counts() == {"stance": 3, "role": 1, "quote": 1}


def test_each_row_says_the_fact_in_words_with_its_evidence(desk, ed_client) -> None:
    response = ed_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Russia supports Nicolás Maduro" in html
    assert "Lima Group opposes Nicolás Maduro" in html
    assert "Ana Quispe holds the post “Foreign Minister”" in html
    assert "Nicolás Maduro said ““We will not give up,””" in html
    # The evidence sentence, linked to its place in the public article.
    assert "Russia backs Nicolás Maduro, the Kremlin said on Monday." in html
    start = BODY.index("Russia backs")
    assert f'href="/articles/wire/#span-{start}-' in html
    assert "0.30" in html  # confidence
    rows = response.context["rows"]
    assert len(rows) == 5
    assert all(row.evidence and row.evidence_url for row in rows)


def test_a_negated_stance_reads_does_not(desk) -> None:
    from kb.curation.queue import stance_words

    desk.russia.negated = True
    assert stance_words(desk.russia) == "Russia does not support Nicolás Maduro"
    desk.lima_opposes.relation, desk.lima_opposes.negated = "member_of", True
    assert stance_words(desk.lima_opposes) == "Lima Group is not a member of Nicolás Maduro"


def test_the_admin_index_links_the_queue_with_counts(desk, ed_client) -> None:
    html = ed_client.get("/admin/").content.decode()
    assert 'href="/admin/review/"' in html
    assert "Review queue: 3 stances, 1 role, 1 quote to review" in html


# ------------------------------------------------------------------ decisions


def post(client, **data):
    return client.post(URL, data, follow=True)


def test_confirm_and_reject_a_stance(desk, ed_client, editor) -> None:
    post(ed_client, item=f"stance:{desk.russia.pk}", decision="confirm")
    post(ed_client, item=f"stance:{desk.lima_opposes.pk}", decision="reject")
    desk.russia.refresh_from_db()
    desk.lima_opposes.refresh_from_db()
    assert (desk.russia.decision, desk.lima_opposes.decision) == ("confirmed", "rejected")
    assert f"stance:{desk.russia.pk}" not in queue_items()
    # The history says who and why.
    last = desk.lima_opposes.history.first()
    assert last.history_user == editor
    assert last.history_change_reason == "Review queue: rejected"
    assert desk.russia.history.first().history_change_reason == "Review queue: confirmed"


def test_correct_a_stance(desk, ed_client, editor) -> None:
    response = post(
        ed_client,
        action="correct",
        item=f"stance:{desk.russia.pk}",
        subject="Russia",
        relation="recognizes",
        negated="on",
        object="Juan Guaidó",
    )
    assert response.status_code == 200
    desk.russia.refresh_from_db()
    assert str(desk.russia) == "Russia not recognizes Juan Guaidó"
    assert desk.russia.decision == "confirmed"
    assert desk.russia.object_actor == desk.guaido
    # The key it was found under stays, so the importer adds evidence here.
    assert desk.russia.extracted_key != desk.russia.key
    record = desk.russia.history.first()
    assert record.history_user == editor
    assert record.history_change_reason.startswith("Review queue: corrected from")


def test_a_correction_onto_an_existing_fact_is_refused(desk, ed_client) -> None:
    response = post(
        ed_client,
        action="correct",
        item=f"stance:{desk.russia.pk}",
        subject="Juan Guaidó",
        relation="opposes",
        object="Nicolás Maduro",
    )
    assert "already stance" in response.content.decode()
    desk.russia.refresh_from_db()
    assert (desk.russia.decision, desk.russia.relation) == ("extracted", "supports")


def test_an_unknown_name_is_refused(desk, ed_client) -> None:
    response = post(
        ed_client,
        action="correct",
        item=f"stance:{desk.russia.pk}",
        subject="Atlantis",
        relation="supports",
        object="Nicolás Maduro",
    )
    assert "No actor is called “Atlantis”" in response.content.decode()
    desk.russia.refresh_from_db()
    assert desk.russia.decision == "extracted"


def test_confirm_reject_and_correct_a_role(desk, ed_client, editor) -> None:
    post(
        ed_client, action="correct", item=f"role:{desk.role.pk}", title="Foreign  Minister of Peru"
    )
    desk.role.refresh_from_db()
    assert (desk.role.title, desk.role.decision) == ("Foreign Minister of Peru", "confirmed")
    assert desk.role.history.first().history_user == editor
    other = Role.objects.create(actor=desk.guaido, title="Deputy", confidence=0.2)
    post(ed_client, item=f"role:{other.pk}", decision="reject")
    other.refresh_from_db()
    assert other.decision == "rejected"
    third = Role.objects.create(actor=desk.guaido, title="Speaker", confidence=0.2)
    post(ed_client, item=f"role:{third.pk}", decision="confirm")
    third.refresh_from_db()
    assert third.decision == "confirmed"


def test_confirm_a_quote_speaker(desk, ed_client, editor) -> None:
    post(ed_client, item=f"quote:{desk.quote.pk}", decision="confirm")
    desk.quote.refresh_from_db()
    assert (desk.quote.status, desk.quote.speaker) == ("reviewed", desk.maduro)
    assert desk.quote.status_changed_by == editor
    record = desk.quote.history.first()
    assert (record.history_user, record.history_change_reason) == (
        editor,
        "Review queue: speaker confirmed",
    )


def test_confirming_a_quote_without_speaker_says_so(desk, ed_client) -> None:
    Claim.objects.filter(pk=desk.quote.pk).update(speaker=None)
    post(ed_client, item=f"quote:{desk.quote.pk}", decision="confirm")
    desk.quote.refresh_from_db()
    assert (desk.quote.status, desk.quote.speaker) == ("reviewed", None)
    assert desk.quote.history.first().history_change_reason == (
        "Review queue: reviewed, speaker unknown"
    )


def test_correct_a_quote_speaker(desk, ed_client, editor) -> None:
    post(ed_client, action="correct", item=f"quote:{desk.quote.pk}", speaker="juan guaidó")
    desk.quote.refresh_from_db()
    assert (desk.quote.status, desk.quote.speaker) == ("reviewed", desk.guaido)
    assert desk.quote.history.first().history_change_reason == (
        "Review queue: speaker corrected from Nicolás Maduro"
    )


def test_reject_a_quote_deprecates_it(desk, ed_client) -> None:
    post(ed_client, item=f"quote:{desk.quote.pk}", decision="reject")
    desk.quote.refresh_from_db()
    assert desk.quote.status == "deprecated"
    assert not Claim.objects.public().filter(pk=desk.quote.pk).exists()


def test_bulk_confirm_the_selected_rows(desk, ed_client) -> None:
    selected = [f"stance:{desk.russia.pk}", f"role:{desk.role.pk}", f"quote:{desk.quote.pk}"]
    response = post(ed_client, action="bulk_confirm", selected=selected)
    assert "Confirmed 3 item(s)." in response.content.decode()
    assert Stance.objects.get(pk=desk.russia.pk).decision == "confirmed"
    assert Role.objects.get(pk=desk.role.pk).decision == "confirmed"
    assert Claim.objects.get(pk=desk.quote.pk).status == "reviewed"
    assert set(queue_items()) == {f"stance:{desk.home.pk}", f"stance:{desk.lima_opposes.pk}"}


def test_a_fact_decided_meanwhile_is_not_decided_again(desk, editor) -> None:
    item_confirm(Item("stance", desk.russia.pk), user=editor)
    with pytest.raises(ReviewError, match="already confirmed"):
        item_confirm(Item("stance", desk.russia.pk), user=editor)


# ------------------------------------------------------------------ permissions


def test_anonymous_and_non_staff_are_sent_to_the_login(desk, client, django_user_model) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    reader = django_user_model.objects.create_user("reader", password="x")
    client.force_login(reader)
    response = client.post(URL, {"item": f"stance:{desk.russia.pk}", "decision": "reject"})
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert Stance.objects.get(pk=desk.russia.pk).decision == "extracted"


def test_staff_without_review_permissions_get_403(desk, client, django_user_model) -> None:
    clerk = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    client.force_login(clerk)
    assert client.get(URL).status_code == 403
    assert "Review queue" not in client.get("/admin/").content.decode()
    # A staff member who may change roles only sees and decides roles.
    clerk.user_permissions.add(Permission.objects.get(codename="change_role"))
    clerk = type(clerk).objects.get(pk=clerk.pk)
    client.force_login(clerk)
    assert client.get(URL).status_code == 200
    assert [r.kind for r in client.get(URL).context["rows"]] == ["role"]
    response = client.post(URL, {"item": f"stance:{desk.russia.pk}", "decision": "reject"})
    assert response.status_code == 403
    assert Stance.objects.get(pk=desk.russia.pk).decision == "extracted"


# ------------------------------------------------------------------ query budget


def _many(kind: str, n: int, art: Article) -> None:
    """``n`` unreviewed items of one kind, each with its evidence."""
    holders = [actor(f"Person {i}", i) for i in range(n)]
    target = actor("Target", 1000)
    for i, holder in enumerate(holders):
        if kind == "stance":
            stance(
                art,
                BODY.splitlines()[0],
                0.5,
                subject_actor=holder,
                object_actor=target,
                relation="supports",
            )
        elif kind == "role":
            role = Role.objects.create(actor=holder, title="Minister", confidence=0.5)
            role.evidence.create(article=art, start=i, end=i + 10)
        else:
            Claim.objects.create(
                article=art, kind="quote", start=i, end=i + 10, text=f"quote {i}", speaker=holder
            )


@pytest.mark.parametrize("kind", ["stance", "role", "quote"])
@pytest.mark.parametrize("n", [1, 50])
def test_a_page_costs_the_same_queries_for_1_and_50_rows(
    db, client, editor, django_assert_num_queries, kind, n
) -> None:
    _many(kind, n, article())
    client.force_login(editor)
    # 1. the session; 2. the user; 3-4. the user's own and group permissions
    # (cached for the request); 5-7. one COUNT per kind (the tabs and the
    # paginator's total); 8. the page's keys, one UNION over the three kinds,
    # ordered and sliced; 9. the rows of the one kind shown, with their best
    # evidence and evidence count as correlated subqueries.
    with django_assert_num_queries(9):
        response = client.get(URL)
    assert len(response.context["rows"]) == n


def test_a_mixed_page_adds_one_query_per_kind(db, client, editor, django_assert_num_queries):
    art = article()
    _many("stance", 20, art)
    Role.objects.create(actor=actor("Holder", 3), title="Envoy", confidence=0.2)
    Claim.objects.create(article=art, kind="quote", start=0, end=5, text="Russia")
    client.force_login(editor)
    # Queries 1-8 as above, then one per kind on the page: stances, roles, quotes.
    with django_assert_num_queries(11):
        response = client.get(URL)
    assert {r.kind for r in response.context["rows"]} == {"stance", "role", "quote"}
    assert len(response.context["rows"]) == 22


# ------------------------------------------------------------------ re-import


@pytest.mark.django_db
def test_a_reviewed_quote_and_its_corrected_speaker_survive_re_import(editor) -> None:
    from kb.curation.review import quote_correct
    from kb.ingest.services import article_import

    path = next(p for p in sorted(SEEDS.glob("*.txt")) if "“" in p.read_text("utf-8"))
    raw = path.read_text("utf-8")
    first = article_import(raw, original_name=path.name).article
    quote = Claim.objects.filter(article=first, kind="quote").order_by("start").first()
    assert quote is not None, "the seed should hold a quote"
    other = Actor.objects.exclude(pk=quote.speaker_id).order_by("-mention_count").first()
    quote_correct(Item("quote", quote.pk), speaker=other, user=editor)

    outcome = article_import(raw + "\n\nA closing line added later.\n", original_name=path.name)
    assert outcome.status == "updated"
    quote.refresh_from_db()
    assert (quote.status, quote.speaker_id) == ("reviewed", other.pk)
    # No second, extracted copy of the same quote.
    assert (
        Claim.objects.filter(article=first, kind="quote", start=quote.start, end=quote.end).count()
        == 1
    )


JANUARY = (
    "date 2019-01-10 Russia backs Maduro\n\n"
    "Russia supports Nicolás Maduro, officials said on Thursday. "
    "Russia, China and Turkey support Nicolás Maduro, the foreign ministry said.\n\n"
    "“We will not abandon our friends in Caracas,” said Nicolás Maduro on Thursday. "
    "Foreign Minister Sergei Lavrov met him.\n"
)


@pytest.mark.django_db
def test_every_kind_of_queue_decision_survives_re_import(ed_client) -> None:
    from kb.ingest.services import article_import

    assert article_import(JANUARY, original_name="january.txt").status == "new"
    russia = Stance.objects.get(subject_country="RU", relation="supports")
    china = Stance.objects.get(subject_country="CN", relation="supports")
    quote = Claim.objects.get(kind="quote")
    role = Role.objects.get(actor__name="Sergei Lavrov")
    putin = actor("Vladimir Putin", 10)
    old_role_key = role.key

    post(
        ed_client,
        action="correct",
        item=f"stance:{russia.pk}",
        subject="Russia",
        relation="recognizes",
        object="Nicolás Maduro",
    )
    post(ed_client, item=f"stance:{china.pk}", decision="reject")
    post(ed_client, action="correct", item=f"quote:{quote.pk}", speaker="Vladimir Putin")
    post(ed_client, action="correct", item=f"role:{role.pk}", title="Minister of Foreign Affairs")

    outcome = article_import(JANUARY + "\nThe talks continue.\n", original_name="january.txt")
    assert outcome.status == "updated"
    # The corrected stance kept its reading and gained no twin under the old key.
    russia.refresh_from_db()
    assert (russia.relation, russia.decision) == ("recognizes", "confirmed")
    assert not Stance.objects.filter(subject_country="RU", relation="supports").exists()
    assert Stance.objects.get(pk=china.pk).decision == "rejected"
    quote.refresh_from_db()
    assert (quote.status, quote.speaker) == ("reviewed", putin)
    assert Claim.objects.filter(kind="quote").count() == 1
    role.refresh_from_db()
    assert (role.title, role.decision) == ("Minister of Foreign Affairs", "confirmed")
    assert not Role.objects.filter(key=old_role_key).exists()
    # Nothing comes back to the queue.
    assert not {
        f"stance:{russia.pk}",
        f"stance:{china.pk}",
        f"quote:{quote.pk}",
        f"role:{role.pk}",
    } & set(queue_items())


def test_names_suggests_actors_and_countries(desk, ed_client) -> None:
    response = ed_client.get("/admin/review/names/", {"q": "madu"})
    assert {"name": "Nicolás Maduro", "kind": "person"} in response.json()["results"]
    # Accents and case ignored through the alias key.
    response = ed_client.get("/admin/review/names/", {"q": "juan guaido"})
    assert [r["name"] for r in response.json()["results"]] == ["Juan Guaidó"]
    response = ed_client.get("/admin/review/names/", {"q": "russ", "countries": "1"})
    assert {"name": "Russia", "kind": "country"} in response.json()["results"]
