"""``import_articles`` through ``call_command``: idempotence, dry runs, updates, bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from kb.articles.models import Article, Mention
from kb.claims.models import Claim, Stance
from kb.entities.models import Actor, Alias

pytestmark = pytest.mark.django_db

TEXT = (
    "Canada recognizes opposition leader\n\n"
    "Canadian Foreign Minister Anna Lindqvist said on Friday that Canada backs the "
    "National Assembly. “We stand with the people of Venezuela,” Lindqvist said.\n"
)


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("import_articles", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def counts() -> dict[str, int]:
    return {
        "articles": Article.objects.count(),
        "mentions": Mention.objects.count(),
        "claims": Claim.objects.count(),
        "actors": Actor.objects.count(),
        "aliases": Alias.objects.count(),
        "stances": Stance.objects.count(),
    }


def test_seeds_import_then_reimport_is_unchanged(seeds_dir: Path) -> None:
    code, out, _ = run(str(seeds_dir))
    assert code == 0
    assert out.strip().endswith("5 new, 0 updated, 0 unchanged, 0 failed")
    first = counts()
    assert first["articles"] == 5

    code, out, _ = run(str(seeds_dir))
    assert code == 0
    assert out.strip().endswith("0 new, 0 updated, 5 unchanged, 0 failed")
    assert counts() == first


def test_dry_run_writes_nothing(seeds_dir: Path) -> None:
    before = counts()
    code, out, _ = run(str(seeds_dir), "--dry-run", "--format", "json")
    assert code == 0
    assert counts() == before
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["status"] for line in lines] == ["dry-run"] * 5
    for line in lines:
        assert set(line) >= {
            "file",
            "status",
            "error",
            "title",
            "published",
            "publisher",
            "actors",
            "countries",
            "quotes",
            "figures",
            "stances",
        }


def test_json_spans_index_the_clean_body(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out, _ = run(str(path), "--format", "json")
    assert code == 0
    (line,) = [json.loads(x) for x in out.splitlines()]
    assert line["status"] == "new" and line["file"] == "a.txt"
    body = Article.objects.get().body
    for actor in line["actors"]:
        for start, end in actor["mentions"]:
            assert body[start:end].strip() == body[start:end] != ""
    for quote in line["quotes"]:
        assert (
            quote["text"] in body[quote["start"] : quote["end"]]
            or body[quote["start"] : quote["end"]] in quote["text"]
        )


def test_update_keeps_editor_decisions(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert run(str(path))[0] == 0
    article = Article.objects.get()
    article.tags.add("lima-group")
    mention = Mention.objects.filter(article=article, country_id="CA").earliest("start")
    mention.status = Mention.Status.REJECTED
    mention.save()
    claim = Claim.objects.create(
        article=article,
        start=0,
        end=10,
        kind=Claim.Kind.STATEMENT,
        text=article.body[:10],
        status=Claim.Status.VERIFIED,
        origin=Claim.Origin.EDITOR,
    )

    path.write_text(TEXT + "\nA new paragraph was added later.\n", encoding="utf-8")
    code, out, _ = run(str(path))
    assert code == 0
    assert "0 new, 1 updated, 0 unchanged, 0 failed" in out
    article.refresh_from_db()
    assert Article.objects.count() == 1
    assert "A new paragraph" in article.body
    assert list(article.tags.names()) == ["lima-group"]
    assert Mention.objects.get(pk=mention.pk).status == Mention.Status.REJECTED
    assert Mention.objects.filter(article=article, start=mention.start).count() == 1
    assert Mention.objects.filter(article=article, country_id="CA").count() >= 2
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.VERIFIED


def test_source_and_tags_options(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert run(str(path), "--source", "Example Wire", "--tag", "one", "--tag", "two")[0] == 0
    article = Article.objects.get()
    assert article.source.name == "Example Wire"
    assert sorted(article.tags.names()) == ["one", "two"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n ", "only whitespace"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("page.txt", b"<!DOCTYPE html><html><body>x</body></html>", "HTML"),
    ],
)
def test_bad_file_is_reported_and_others_imported(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    code, out, err = run(str(tmp_path))
    assert code == 1
    (line,) = err.strip().splitlines()[:1]
    assert line.startswith(f"{tmp_path / name}: ") and reason in line
    assert "1 new, 0 updated, 0 unchanged, 1 failed" in out
    assert Article.objects.get().original_name == "good.txt"


def test_too_large_file(tmp_path: Path, settings) -> None:
    settings.KB_MAX_FILE_BYTES = 100
    (tmp_path / "big.txt").write_text("word " * 100, encoding="utf-8")
    code, _, err = run(str(tmp_path / "big.txt"))
    assert code == 1
    assert "file too large" in err
    assert Article.objects.count() == 0


def test_missing_path(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "nope.txt"))
    assert code == 1
    assert f"{tmp_path / 'nope.txt'}: no such file or folder" in err


def test_encodings(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeff".encode() + TEXT.replace("Anna", "Ána").encode())
    (tmp_path / "u16.txt").write_bytes(TEXT.replace("Anna", "Bea").encode("utf-16"))
    (tmp_path / "legacy.txt").write_bytes(
        TEXT.replace("Anna", "Cé").replace("\n", "\r\n").encode("cp1252")
    )
    code, _, err = run(str(tmp_path))
    assert code == 0
    assert "legacy.txt: warning: not UTF-8; decoded as cp1252" in err
    bodies = {a.original_name: a for a in Article.objects.all()}
    assert "Ána" in bodies["bom.txt"].body and "\ufeff" not in bodies["bom.txt"].body
    assert "Bea" in bodies["u16.txt"].body
    assert "Cé" in bodies["legacy.txt"].body and "\r" not in bodies["legacy.txt"].raw_text


def test_usage_error_exits_2() -> None:
    from django.core.management import ManagementUtility

    with pytest.raises(SystemExit) as exc:
        ManagementUtility(["manage.py", "import_articles", "--format", "xml", "x"]).execute()
    assert exc.value.code == 2


def test_canonical_name_keeps_accents_seen_later(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Opposition leader Ramon Ibanez said on Monday that talks had failed. "
        "Ibanez spoke in the capital.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Opposition leader Ramón Ibáñez said on Tuesday that he would travel. "
        "Ibáñez spoke to reporters.\n",
        encoding="utf-8",
    )
    assert run(str(tmp_path / "a.txt"))[0] == 0
    assert run(str(tmp_path / "b.txt"))[0] == 0
    (actor,) = Actor.objects.filter(aliases__key="ramon ibanez").distinct()
    assert actor.name == "Ramón Ibáñez"
    assert actor.mentions.count() == 4


def test_roles_are_recorded_and_reimport_keeps_one(tmp_path: Path) -> None:
    from kb.claims.models import Role

    path = tmp_path / "roles.txt"
    path.write_text(
        "date 2021-03-02 Peru's Foreign Minister Lucia Quispe said on Tuesday that the "
        "talks would go on. “We are ready,” Quispe said.\n",
        encoding="utf-8",
    )
    assert run(str(path))[0] == 0
    (role,) = Role.objects.all()
    assert role.actor.name == "Lucia Quispe"
    assert role.title.casefold() == "foreign minister"
    assert role.country_id == "PE"
    assert role.article.original_name == "roles.txt"
    path.write_text(path.read_text("utf-8") + "\nMore text.\n", encoding="utf-8")
    assert run(str(path))[0] == 0
    assert Role.objects.count() == 1


def test_stored_mention_counts_match_the_mentions(seeds_dir: Path, tmp_path: Path) -> None:
    from django.db.models import Count, Q

    from kb.entities.models import Country

    def assert_counts_right() -> None:
        accepted = ~Q(mentions__status=Mention.Status.REJECTED)
        for model in (Actor, Country):
            rows = model.objects.annotate(real=Count("mentions", filter=accepted))
            wrong = [(r.pk, r.mention_count, r.real) for r in rows if r.mention_count != r.real]
            assert wrong == [], model.__name__

    assert run(str(seeds_dir))[0] == 0
    assert Actor.objects.filter(mention_count__gt=5).exists()
    assert_counts_right()
    path = tmp_path / "000_4a93b88af3690031.txt"
    path.write_text((seeds_dir / path.name).read_text("utf-8") + "\nMaduro spoke again.\n")
    assert run(str(path))[1].strip().endswith("0 new, 1 updated, 0 unchanged, 0 failed")
    assert_counts_right()
