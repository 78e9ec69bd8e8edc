"""``export_kb`` / ``import_kb``: the whole knowledge base, moved without loss.

The round trip goes SQLite -> PostgreSQL -> SQLite (or the reverse, on a
PostgreSQL run): each export must equal the first one row for row (JSON
compared as values, since PostgreSQL's jsonb reorders object keys), so every
content hash, count, editor decision and history row survives.
"""

from __future__ import annotations

import io
import json
import subprocess
import uuid
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kb.api.transfer import TransferError, exported_models, kb_export, kb_import
from kb.entities.models import Actor, Alias
from reliability.conftest import PYTHON, ROOT, ScratchDB

RICH = Path(__file__).resolve().parent / "fixtures" / "rich_kb.py"


def rows(text: str) -> tuple[dict, list[dict]]:
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]
    return lines[0], lines[1:]


def export(db: ScratchDB, path: Path) -> tuple[dict, list[dict]]:
    done = db.manage("export_kb", "--output", str(path))
    assert done.returncode == 0, done.stderr
    return rows(path.read_text("utf-8"))


def by_model(data: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in data:
        grouped.setdefault(row["model"], []).append(row)
    return grouped


def check_editor_decisions(data: list[dict]) -> None:
    """The file really carries what editors decided (not just any rows)."""
    models = by_model(data)
    assert {"confirmed", "rejected"} <= {r["fields"]["status"] for r in models["articles.mention"]}
    decided = {
        r["fields"]["status"]: r["fields"]["status_changed_by"] for r in models["claims.claim"]
    }
    assert decided["verified"] == decided["disputed"] == ["rev"]
    assert decided["deprecated"] == ["ed"]
    assert any(r["fields"]["rejected"] for r in models["entities.alias"])
    assert models["entities.mergerecord"][0]["fields"]["performed_by"] == ["ed"]
    assert {r["fields"]["type"] for r in models["claims.claimlink"]} == {"contradicts", "supports"}
    assert {r["fields"]["decision"] for r in models["claims.stance"]} >= {"confirmed", "rejected"}
    (role,) = [
        r
        for r in models["claims.role"]
        if r["fields"]["title"] == "President of the National Assembly"
    ]
    assert role["fields"]["valid_to"] == "2020-01-05"
    assert {r["fields"]["name"] for r in models["taggit.tag"]} >= {"elections", "fact-checked"}
    assert any(r["fields"]["history_user"] is None for r in models["entities.historicalactor"])
    users = {r["fields"]["username"]: r for r in models["auth.user"]}
    assert users["rev"]["fields"]["groups"] == [["Editors"], ["Reviewers"]]
    assert "pk" not in users["rev"]  # named by username, not by id


@pytest.mark.slow
def test_round_trip_between_database_kinds(
    tmp_path: Path, scratch_db_factory, other_kind_db: ScratchDB
) -> None:
    source: ScratchDB = scratch_db_factory()
    done = source.manage("import_articles", "seeds", "--quiet")
    assert done.returncode == 0, done.stderr
    built = subprocess.run(
        [PYTHON, str(RICH)], cwd=ROOT, env=source.env(), capture_output=True, text=True, check=False
    )
    assert built.returncode == 0, built.stderr
    header, first = export(source, tmp_path / "first.jsonl")
    check_editor_decisions(first)
    assert header["counts"]["articles.article"] == 7
    assert header["database"] == source.kind

    done = other_kind_db.manage("import_kb", str(tmp_path / "first.jsonl"))
    assert done.returncode == 0, done.stderr
    other_header, second = export(other_kind_db, tmp_path / "second.jsonl")
    assert other_header["database"] == other_kind_db.kind != source.kind
    assert other_header["counts"] == header["counts"]
    assert second == first
    assert other_kind_db.state() == source.state()

    back: ScratchDB = scratch_db_factory()
    done = back.manage("import_kb", str(tmp_path / "second.jsonl"))
    assert done.returncode == 0, done.stderr
    _, third = export(back, tmp_path / "third.jsonl")
    assert third == first

    # New rows get fresh ids after a restore (PostgreSQL sequences were reset).
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "new.txt").write_text("After the restore\n\nNicolás Maduro spoke in Caracas.\n")
    done = other_kind_db.manage("import_articles", str(extra))
    assert done.returncode == 0, done.stderr
    assert other_kind_db.state()["n_articles"] == 8


@pytest.mark.slow
def test_make_backup_and_restore(tmp_path: Path, scratch_db: ScratchDB) -> None:
    done = scratch_db.manage("import_articles", "seeds", "--quiet")
    assert done.returncode == 0, done.stderr
    # A name of its own: CI runs the SQLite and PostgreSQL suites side by side.
    backup = ROOT / "var" / f"backup-test-{uuid.uuid4().hex[:12]}.jsonl"
    # -o setup: the venv is ready; never let a test reinstall it.
    made = subprocess.run(
        ["make", "-s", "-o", "setup", "backup", f"BACKUP={backup.relative_to(ROOT)}"],
        cwd=ROOT,
        env=scratch_db.env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    assert backup.is_file()
    try:
        target = ScratchDB(f"sqlite:///{tmp_path / 'restored.sqlite3'}", "sqlite")
        restored = subprocess.run(
            ["make", "-s", "-o", "setup", "restore", f"FILE={backup}"],
            cwd=ROOT,
            env=target.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        assert restored.returncode == 0, restored.stderr
        assert target.state() == scratch_db.state()
        again = subprocess.run(
            ["make", "-s", "-o", "setup", "restore", f"FILE={backup}"],
            cwd=ROOT,
            env=target.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        assert again.returncode != 0
        assert "already holds articles" in again.stderr
    finally:
        backup.unlink()


def test_models_come_in_dependency_order() -> None:
    order = [m._meta.label_lower for m in exported_models()]
    labels = set(order)
    for position, model in enumerate(exported_models()):
        for f in model._meta.get_fields():
            if (f.many_to_one or f.one_to_one) and f.concrete and f.related_model is not model:
                target = f.related_model._meta.label_lower
                if target in labels:
                    assert order.index(target) < position, (model, f.name)
    assert {
        "auth.user",
        "admin.logentry",
        "entities.historicalactor",
        "taggit.taggeditem",
    } <= labels
    assert not labels & {"auth.permission", "contenttypes.contenttype", "sessions.session"}


def _actor_rows() -> None:
    actor = Actor.objects.create(kind="person", name="Delcy Rodríguez")
    Alias.objects.create(actor=actor, name="Delcy Rodriguez", rejected=True)
    actor.tags.add("vice-president")


@pytest.mark.django_db
def test_in_process_round_trip_and_refusals() -> None:
    _actor_rows()
    buffer = io.StringIO()
    report = kb_export(buffer)
    text = buffer.getvalue()
    header, data = rows(text)
    assert report.total == len(data) == sum(header["counts"].values())
    assert [r["model"] for r in data] == sorted(
        (r["model"] for r in data), key=header["models"].index
    )

    with pytest.raises(TransferError, match="already holds actors"):
        kb_import(io.StringIO(text))

    actor = Actor.objects.get()
    actor_pk = actor.pk
    actor.tags.clear()
    Alias.objects.all().delete()
    actor.delete()

    truncated = "\n".join(text.splitlines()[:-1]) + "\n"
    with pytest.raises(TransferError, match="incomplete or altered"):
        kb_import(io.StringIO(truncated))
    assert not Actor.objects.exists()  # all or nothing

    counts = kb_import(io.StringIO(text)).counts
    assert counts == Counter({k: v for k, v in header["counts"].items() if v})
    restored = Actor.objects.get()
    assert (restored.pk, restored.name) == (actor_pk, "Delcy Rodríguez")
    assert list(restored.aliases.values_list("name", "rejected")) == [("Delcy Rodriguez", True)]
    assert list(restored.tags.names()) == ["vice-president"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "the file is empty"),
        ("not json\n", "not a knowledge-base export"),
        ('{"format": "other"}\n', "no kb-jsonl header"),
        ('{"format": "kb-jsonl", "version": 99, "counts": {}}\n', "version 99"),
        (
            '{"format": "kb-jsonl", "version": 1, "counts": {"nope.nope": 1}}\n',
            "tables this site does not have: nope.nope",
        ),
        (
            '{"format": "kb-jsonl", "version": 1, "counts": {}}\nnonsense\n',
            "line 2 is not a JSON object",
        ),
    ],
)
def test_import_kb_refuses_bad_files(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    with pytest.raises(CommandError, match=reason):
        call_command("import_kb", str(path))


@pytest.mark.django_db
def test_export_kb_writes_the_file_atomically(tmp_path: Path) -> None:
    _actor_rows()
    out = io.StringIO()
    call_command("export_kb", "--output", str(tmp_path / "b" / "kb.jsonl"), stdout=out)
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["kb.jsonl"]  # no temp file left
    header, data = rows((tmp_path / "b" / "kb.jsonl").read_text("utf-8"))
    assert header["counts"]["entities.actor"] == 1
    assert f"{len(data)} rows" in out.getvalue()


@pytest.mark.django_db
def test_timestamps_keep_their_microseconds() -> None:
    _actor_rows()
    Actor.objects.update(created_at="2020-01-02T03:04:05.000123+00:00")
    buffer = io.StringIO()
    kb_export(buffer)
    _, data = rows(buffer.getvalue())
    (actor,) = by_model(data)["entities.actor"]
    assert actor["fields"]["created_at"] == "2020-01-02T03:04:05.000123Z"
