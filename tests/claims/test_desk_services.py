"""The editors' workflows in kb.claims.services, on hand-built data."""

from __future__ import annotations

import datetime as dt

import pytest
from desk_world import make_article, mention, snapshot_rows
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from kb.articles.models import Article, Mention
from kb.claims import services
from kb.claims.models import Claim, ClaimLink, Role, Stance
from kb.entities.models import Actor, Alias, MergeRecord

pytestmark = pytest.mark.django_db


# --------------------------------------------------------------------------- merge


def test_merge_moves_everything_to_the_survivor(world, editor):
    w = world
    (record,) = services.actors_merge(w.guaido, [w.guaido_dup], user=editor)

    w.guaido_dup.refresh_from_db()
    w.guaido.refresh_from_db()
    assert w.guaido_dup.merged_into == w.guaido
    assert record.performed_by == editor
    assert not Mention.objects.filter(actor=w.guaido_dup).exists()
    assert Mention.objects.filter(actor=w.guaido).count() == 3
    assert w.guaido.mention_count == 3
    assert w.guaido_dup.mention_count == 0
    assert Claim.objects.filter(speaker=w.guaido).get() == w.quote
    assert set(w.quote.subjects.all()) == {w.guaido}
    assert set(w.figure_two.subjects.all()) == {w.guaido}
    assert Role.objects.filter(actor=w.guaido).count() == 1
    assert Role.objects.filter(organization=w.guaido).count() == 1
    assert Stance.objects.filter(object_actor=w.guaido).count() == 1
    assert Stance.objects.filter(subject_actor=w.guaido).count() == 1
    assert set(w.guaido.tags.names()) == {"opposition", "assembly"}
    # The merged name is now an alias; the colliding "Guaido" stays with the merged actor.
    keys = set(Alias.objects.filter(actor=w.guaido).values_list("key", flat=True))
    assert {"juan guaido", "guaido"} <= keys
    assert Alias.objects.filter(actor=w.guaido, key="juan guaido").count() == 1
    # Merged actors drop out of what readers and the importer see.
    assert w.guaido_dup not in Actor.objects.active()


def test_undo_restores_every_row_exactly(world, editor):
    before = snapshot_rows()
    (record,) = services.actors_merge(world.guaido, [world.guaido_dup], user=editor)
    assert snapshot_rows() != before  # the merge did change rows
    services.merge_undo(record, user=editor)
    after = snapshot_rows()
    for table in before:
        assert after[table] == before[table], table
    record.refresh_from_db()
    assert record.undone_by == editor and record.undone_at is not None


def test_merge_of_three_then_undo_in_reverse(world, editor):
    before = snapshot_rows()
    records = services.actors_merge(world.guaido, [world.guaido_dup, world.maduro], user=editor)
    assert MergeRecord.objects.count() == 2
    for record in reversed(records):
        services.merge_undo(record)
    assert snapshot_rows() == before


def test_merge_refuses_nonsense(world):
    with pytest.raises(services.ServiceError):
        services.actors_merge(world.guaido, [world.guaido])
    services.actors_merge(world.guaido, [world.guaido_dup])
    world.guaido_dup.refresh_from_db()
    with pytest.raises(services.ServiceError, match="already merged"):
        services.actors_merge(world.maduro, [world.guaido_dup])
    with pytest.raises(services.ServiceError, match="was itself merged"):
        services.actors_merge(world.guaido_dup, [world.maduro])


def test_undo_twice_or_under_a_later_merge_is_refused(world):
    (first,) = services.actors_merge(world.guaido, [world.guaido_dup])
    (second,) = services.actors_merge(world.maduro, [world.guaido])
    with pytest.raises(services.ServiceError, match="undo that first"):
        services.merge_undo(first)
    services.merge_undo(second)
    services.merge_undo(first)
    with pytest.raises(services.ServiceError, match="already undone"):
        services.merge_undo(first)


# --------------------------------------------------------------------------- mentions


def test_reject_records_a_rejected_alias_the_importer_reads(world):
    from kb.ingest.snapshot import SnapshotIndex

    m = Mention.objects.get(article=world.two, surface="Guaidó")
    services.mention_reject(m)
    m.refresh_from_db()
    world.guaido_dup.refresh_from_db()
    assert m.status == Mention.Status.REJECTED
    assert world.guaido_dup.mention_count == 1
    alias = Alias.objects.get(actor=world.guaido_dup, key="guaido")
    assert alias.rejected
    known = {a.key: a for a in SnapshotIndex.load().snapshot().actors}
    assert "Guaido" in known[world.guaido_dup.slug].rejected
    assert "Guaido" not in known[world.guaido_dup.slug].aliases


def test_relink_moves_mention_and_rejects_the_old_actor(world):
    m = Mention.objects.get(article=world.two, surface="Guaidó")
    services.mention_relink(m, actor=world.guaido)
    m.refresh_from_db()
    assert (m.actor, m.status) == (world.guaido, Mention.Status.CONFIRMED)
    assert Alias.objects.get(actor=world.guaido_dup, key="guaido").rejected
    world.guaido.refresh_from_db()
    assert world.guaido.mention_count == 2


def test_editor_alias_reaches_the_next_import(world, monkeypatch):
    """An alias added by an editor is in the snapshot the pipeline receives."""
    from kb.ingest import services as ingest

    seen = []
    real_extract = ingest.extract

    def spy(raw, snapshot):
        seen.append(snapshot)
        return real_extract(raw, snapshot)

    monkeypatch.setattr(ingest, "extract", spy)
    Alias.objects.create(actor=world.maduro, name="El Presidente Obrero", origin="editor")
    outcome = ingest.article_import(
        "Caracas. El Presidente Obrero spoke on television tonight.", original_name="alias.txt"
    )
    assert outcome.status == "new"
    (snapshot,) = seen
    by_key = {a.key: a for a in snapshot.actors}
    assert "El Presidente Obrero" in by_key[world.maduro.slug].aliases


# --------------------------------------------------------------------------- re-link


def test_relink_finds_names_and_keeps_editor_decisions(world):
    body = (
        "Juan Guaido arrived. JUAN GUAIDÓ left. Juan Guaidó returned.\n"
        "Christian Guaidó took the photo.\n"
    )
    article = make_article(body, "three")
    confirmed = mention(article, "JUAN GUAIDÓ", actor=world.maduro, status="confirmed")
    rejected = mention(article, "Juan Guaidó", status="rejected")
    services.alias_reject(world.guaido.pk, "Juan Guaido")  # an earlier rejection

    outcome = services.actors_relink([world.guaido], articles=[article])

    found = Mention.objects.filter(article=article, actor=world.guaido)
    # "Juan Guaido" is a rejected form; the confirmed and rejected spans stay as they were;
    # "Christian Guaidó" is only a bare surname match, too weak.
    assert outcome.created == 0
    assert not found.exists()
    confirmed.refresh_from_db()
    rejected.refresh_from_db()
    assert confirmed.actor == world.maduro and rejected.actor is None

    Alias.objects.filter(actor=world.guaido, key="juan guaido").update(rejected=False)
    Mention.objects.filter(pk=rejected.pk).update(status="extracted")
    outcome = services.actors_relink([world.guaido], articles=[article])
    spans = sorted(found.values_list("start", "end"))
    assert outcome.created == 1 and outcome.linked == 1
    assert [body[s:e] for s, e in spans] == ["Juan Guaido", "Juan Guaidó"]
    world.guaido.refresh_from_db()
    assert world.guaido.mention_count == 1 + 2


def test_relink_is_idempotent(world):
    services.actors_relink([world.maduro])
    rows = list(Mention.objects.order_by("pk").values())
    outcome = services.actors_relink([world.maduro])
    assert (outcome.created, outcome.linked) == (0, 0)
    assert list(Mention.objects.order_by("pk").values()) == rows


# --------------------------------------------------------------------------- split


def test_split_moves_spans_and_keeps_raw_text(world):
    one = world.one
    one.tags.add("two pieces")
    raw, digest, body = one.raw_text, one.content_hash, one.body
    p = body.index("Juan Guaido said")
    new = services.article_split(one, p, title="Second part", published=dt.date(2022, 1, 1))

    one.refresh_from_db()
    assert one.raw_text == raw and one.content_hash == digest
    assert one.body == body[:p]
    assert new.split_from == one and new.split_offset == p and one.split_offset == 0
    assert new.content_hash != digest
    assert list(new.tags.names()) == ["two pieces"]
    assert new.body == body[p:]
    assert new.raw_text == raw[raw.index("Juan Guaido said") :]
    for article in (one, new):
        for m in article.mentions.all():
            assert article.body[m.start : m.end] == m.surface
        for c in article.claims.all():
            assert article.body[c.start : c.end] == c.text
        for body_start, raw_start, length in article.offsets:
            assert (
                article.body[body_start : body_start + length]
                == article.raw_text[raw_start : raw_start + length]
            )
    assert set(new.mentions.values_list("surface", flat=True)) == {"Juan Guaido", "Venezuela"}
    assert set(one.mentions.values_list("surface", flat=True)) == {
        "Juan Guaidó",
        "Lima Group",
        "Lima",
    }
    world.stance.refresh_from_db()
    assert world.stance.article == new  # it follows its evidence, the quote


def test_split_refuses_a_position_inside_a_span(world):
    p = world.one.body.index("Guaidó met")  # inside the mention "Juan Guaidó"
    with pytest.raises(services.ServiceError, match="falls inside"):
        services.article_split(world.one, p)
    with pytest.raises(services.ServiceError):
        services.article_split(world.one, 0)
    assert Article.objects.count() == 2


# --------------------------------------------------------------------------- claims


def test_editors_review_reviewers_verify(world, editor, reviewer):
    claims = [world.quote, world.figure_one]
    outcome = services.claims_set_status(claims, Claim.Status.REVIEWED, user=editor)
    assert sorted(outcome.changed) == sorted(c.pk for c in claims)
    with pytest.raises(services.ServiceError, match="may not"):
        services.claims_set_status(claims, Claim.Status.VERIFIED, user=editor)
    outcome = services.claims_set_status([world.quote], Claim.Status.VERIFIED, user=reviewer)
    assert outcome.changed == [world.quote.pk]
    world.quote.refresh_from_db()
    assert world.quote.status_changed_by == reviewer
    assert world.quote.status_changed_at is not None
    # Deprecated claims leave the public queryset but stay in the table.
    services.claims_set_status([world.quote], Claim.Status.DEPRECATED, user=editor)
    assert world.quote not in Claim.objects.public()
    assert Claim.objects.filter(pk=world.quote.pk).exists()
    # Deprecated cannot jump to verified; it is skipped, not forced.
    outcome = services.claims_set_status([world.quote], Claim.Status.VERIFIED, user=reviewer)
    assert outcome.skipped == [world.quote.pk]


def test_groups_from_the_migration(db):
    editors = Group.objects.get(name="Editors")
    reviewers = Group.objects.get(name="Reviewers")
    codes = set(editors.permissions.values_list("codename", flat=True))
    assert {"change_actor", "change_article", "review_claim", "add_claimlink"} <= codes
    assert "verify_claim" not in codes and "delete_claim" not in codes
    assert not editors.permissions.filter(content_type__app_label="auth").exists()
    assert set(reviewers.permissions.values_list("codename", flat=True)) == codes | {"verify_claim"}
    assert Permission.objects.filter(codename="verify_claim").count() == 1


def test_create_editor_joins_the_editors_group(db, django_user_model):
    call_command("create_editor", "--username", "newed", "--password", "pw-123456789")
    user = django_user_model.objects.get(username="newed")
    assert user.is_staff and not user.is_superuser
    assert user.has_perm("claims.review_claim") and not user.has_perm("claims.verify_claim")


# --------------------------------------------------------------------------- conflicts


def test_conflicts_found_linked_and_then_gone(world, editor):
    conflicts = services.conflicts_find()
    assert [(c.first, c.second) for c in conflicts] == [(world.figure_one, world.figure_two)]
    conflict = conflicts[0]
    assert conflict.newer == world.figure_two
    assert conflict.suggested_type == ClaimLink.Type.UPDATES
    link = services.conflict_link(
        world.figure_one, world.figure_two, ClaimLink.Type.UPDATES, user=editor
    )
    # "Updates" points from the newer claim to the older one, whatever the order given.
    assert (link.from_claim, link.to_claim) == (world.figure_two, world.figure_one)
    assert link.created_by == editor
    assert services.conflicts_find() == []


def test_conflicts_ignore_same_article_equal_values_and_deprecated(world):
    # Ranges that meet ("about 2.3 million" and "2.4 million") do not conflict.
    Claim.objects.filter(pk=world.figure_two.pk).update(low=2_350_000, high=2_450_000)
    assert services.conflicts_find() == []
    Claim.objects.filter(pk=world.figure_two.pk).update(value=1, status="deprecated")
    assert services.conflicts_find() == []
    Claim.objects.filter(pk=world.figure_two.pk).update(status="reviewed", article=world.one)
    assert services.conflicts_find() == []


def test_updates_needs_dates(world):
    Article.objects.filter(pk=world.two.pk).update(published=None)
    with pytest.raises(services.ServiceError, match="dated later"):
        services.conflict_link(world.figure_one, world.figure_two, ClaimLink.Type.UPDATES)
    link = services.conflict_link(world.figure_one, world.figure_two, "contradicts")
    assert (link.from_claim, link.to_claim) == (world.figure_one, world.figure_two)


def test_split_seed_003_into_its_2016_and_2022_pieces(imported_seeds, seeds_dir):
    from kb.ingest.services import article_import

    path = next(seeds_dir.glob("003_*.txt"))
    article = next(a for a in imported_seeds if a.original_name == path.name)
    body = article.body
    # The 2022 piece starts with a photo caption (gold: lines 41-123).
    position = body.find("American and Venezuelan flags are seen")
    assert position > len(body) // 4
    mentions_before = Mention.objects.filter(article=article).count()
    claims_before = Claim.objects.filter(article=article).count()

    new = services.article_split(article, position, published=dt.date(2022, 3, 1))

    article.refresh_from_db()
    assert article.raw_text == path.read_text("utf-8")
    assert article.body + new.body == body
    assert "Slow-motion Coup" in article.body and "Slow-motion Coup" not in new.body
    assert Mention.objects.filter(article__in=[article, new]).count() == mentions_before
    assert Claim.objects.filter(article__in=[article, new]).count() == claims_before
    for part in (article, new):
        for m in part.mentions.all():
            assert part.body[m.start : m.end] == m.surface
        for c in part.claims.all():
            assert c.end <= len(part.body)
    # Re-importing the file finds it unchanged: the original keeps the file's hash.
    again = article_import(path.read_text("utf-8"), original_name=path.name)
    assert again.status == "unchanged" and again.article == article


def test_mention_counts_stay_exact_through_reject_confirm_and_relink(world):
    """The workflows apply deltas instead of recounting; a recount agrees after each."""
    from kb.articles.services import refresh_mention_counts
    from kb.entities.models import Actor, Country

    def stored() -> dict[str, int]:
        return {
            **{a.slug: a.mention_count for a in Actor.objects.all()},
            **{c.code: c.mention_count for c in Country.objects.filter(mention_count__gt=0)},
        }

    def recounted() -> dict[str, int]:
        refresh_mention_counts(
            actor_ids=Actor.objects.values_list("pk", flat=True),
            country_codes=Country.objects.values_list("pk", flat=True),
        )
        return stored()

    mentions = list(Mention.objects.filter(actor__isnull=False).order_by("pk"))
    assert len(mentions) >= 3
    steps = [
        lambda: services.mention_reject(mentions[0]),
        lambda: services.mention_reject(mentions[0]),  # twice: counted once
        lambda: services.mention_confirm(mentions[0]),  # a rejected one comes back
        lambda: services.mention_confirm(mentions[1]),  # already counted
        lambda: services.mention_relink(mentions[1], actor=world.guaido),
        lambda: services.mention_reject(mentions[2]),
        lambda: services.mention_relink(mentions[2], actor=world.guaido_dup),  # from rejected
        lambda: services.mention_relink(mentions[0], country_code="VE"),
    ]
    for step in steps:
        step()
        before = stored()
        assert before == recounted()
