"""Import jobs from the desk: queue files, run each once, show how each fared.

The runner here is ``inline`` (the job's files run in the test's process, on
the test database); tests/reliability/test_import_workers.py runs the same
jobs on real django-tasks and Celery worker processes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kb.articles.models import Article, Mention
from kb.claims.models import Claim
from kb.ingest import facts, jobs
from kb.ingest.models import ImportJob, ImportJobFile

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

GOOD = (
    "Ruritania recalls envoy\n\n"
    "Ruritanian Foreign Minister Ana Ruiz said on Monday that Ruritania backs the plan. "
    "“We will not wait any longer,” Ruiz told reporters in the capital.\n"
)
OTHER = (
    "Border talks stall\n\n"
    "Talks between the two neighbours stalled on Tuesday, officials said, after a dispute "
    "over the river crossing that both claim.\n"
)


@pytest.fixture
def editor(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("ed", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture(autouse=True)
def inline(settings):
    settings.KB_JOB_RUNNER = "inline"
    jobs.snapshot_forget()
    yield
    jobs.snapshot_forget()


def run_job(files, django_capture_on_commit_callbacks, **kwargs) -> ImportJob:
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.job_create(files=files, **kwargs)
    job.refresh_from_db()
    return job


def results(job: ImportJob) -> dict[str, tuple[str, str]]:
    return {f.name: (f.status, f.error) for f in job.files.all()}


def test_a_bad_file_fails_alone_among_good_ones(django_capture_on_commit_callbacks) -> None:
    job = run_job(
        [("good.txt", GOOD.encode()), ("empty.txt", b"  \n "), ("other.txt", OTHER.encode())],
        django_capture_on_commit_callbacks,
        tags=["desk"],
    )
    assert results(job) == {
        "good.txt": ("new", ""),
        "empty.txt": ("failed", "file holds only whitespace"),
        "other.txt": ("new", ""),
    }
    assert job.status == ImportJob.Status.DONE
    assert jobs.job_progress(job) == {"new": 2, "failed": 1, "done": 3, "total": 3}
    assert set(Article.objects.values_list("original_name", flat=True)) == {"good.txt", "other.txt"}
    assert set(Article.objects.get(original_name="good.txt").tags.names()) == {"desk"}


def test_a_job_run_twice_imports_nothing_twice(django_capture_on_commit_callbacks) -> None:
    run_job([("good.txt", GOOD.encode())], django_capture_on_commit_callbacks)
    again = run_job([("good.txt", GOOD.encode())], django_capture_on_commit_callbacks)
    assert results(again) == {"good.txt": ("unchanged", "")}
    assert Article.objects.count() == 1


def test_a_file_is_run_by_one_worker_only(django_capture_on_commit_callbacks) -> None:
    job = jobs.job_create(files=[("good.txt", GOOD.encode())], enqueue=False)
    file_id = job.files.get().pk
    assert jobs.job_file_run(file_id) == "new"
    # A second delivery of the same message (a redelivered Celery task) is a no-op.
    assert jobs.job_file_run(file_id) == "skipped"
    assert Article.objects.count() == 1


def test_a_file_whose_worker_died_is_run_again() -> None:
    job = jobs.job_create(files=[("good.txt", GOOD.encode())], enqueue=False)
    # The worker claimed the file, then was killed before it finished.
    job.files.update(
        status=ImportJobFile.Status.RUNNING,
        started_at=timezone.now() - dt.timedelta(hours=1),
        attempts=1,
    )
    assert jobs.jobs_recover() == 1
    assert results(job) == {"good.txt": ("new", "")}
    assert Article.objects.filter(original_name="good.txt").count() == 1


def test_a_file_that_killed_its_worker_twice_fails_with_its_reason() -> None:
    job = jobs.job_create(files=[("good.txt", GOOD.encode())], enqueue=False)
    job.files.update(
        status=ImportJobFile.Status.RUNNING,
        started_at=timezone.now() - dt.timedelta(hours=1),
        attempts=jobs.MAX_ATTEMPTS,
    )
    jobs.jobs_recover()
    status, error = results(job)["good.txt"]
    assert status == "failed"
    assert error.startswith("gave up after 2 attempts")
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert not Article.objects.exists()


def test_a_worker_that_dies_midway_leaves_no_half_written_article(monkeypatch) -> None:
    job = jobs.job_create(files=[("good.txt", GOOD.encode())], enqueue=False)
    file_id = job.files.get().pk

    def die(*args: object, **kwargs: object) -> None:
        raise SystemExit("worker killed")  # after the article, its mentions and claims

    monkeypatch.setattr(facts.FactWriter, "_write_roles", die)
    with pytest.raises(SystemExit):
        jobs.job_file_run(file_id)
    assert not Article.objects.exists()
    assert not Mention.objects.exists()
    assert not Claim.objects.exists()
    assert results(job) == {"good.txt": ("running", "")}

    monkeypatch.undo()
    ImportJobFile.objects.filter(pk=file_id).update(
        started_at=timezone.now() - dt.timedelta(hours=1)
    )
    jobs.jobs_recover()
    assert results(job) == {"good.txt": ("new", "")}


def test_two_jobs_at_once_each_import_their_own_files(django_capture_on_commit_callbacks) -> None:
    first = jobs.job_create(files=[("good.txt", GOOD.encode())], enqueue=False)
    second = jobs.job_create(
        files=[("other.txt", OTHER.encode()), ("good-copy.txt", GOOD.encode())], enqueue=False
    )
    # Interleaved, as two workers would take them.
    ids = [*first.files.values_list("pk", flat=True), *second.files.values_list("pk", flat=True)]
    for file_id in (ids[1], ids[0], ids[2]):
        jobs.job_file_run(file_id)
    assert results(first) == {"good.txt": ("new", "")}
    assert results(second) == {"other.txt": ("new", ""), "good-copy.txt": ("unchanged", "")}
    assert Article.objects.count() == 2


def test_the_desk_form_queues_a_job_and_its_page_shows_each_file(
    client, editor, django_capture_on_commit_callbacks
) -> None:
    client.force_login(editor)
    assert client.get("/admin/ingest/importjob/add/").status_code == 200
    upload = [
        SimpleUploadedFile("good.txt", GOOD.encode(), content_type="text/plain"),
        SimpleUploadedFile("bad.txt", b"\x00\x01\x02binary", content_type="text/plain"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/ingest/importjob/add/",
            {
                "files": upload,
                "text": OTHER,
                "name": "pasted.txt",
                "source": "Desk",
                "tags": "a, b",
            },
        )
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    response = client.get(job.get_absolute_url())
    assert job.created_by == editor
    page = response.content.decode()
    assert "3 of 3" in page
    assert "binary file, not text" in page
    assert Article.objects.get(original_name="pasted.txt").source.name == "Desk"
    article = Article.objects.get(original_name="good.txt")
    assert article.get_absolute_url() in page
    assert client.get("/articles/").content.decode().count(article.get_absolute_url()) >= 1


def test_the_desk_form_asks_for_a_file_or_text(client, editor) -> None:
    client.force_login(editor)
    response = client.post("/admin/ingest/importjob/add/", {"source": "Desk"})
    assert "Upload at least one file or paste" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_syndicated_copy_links_to_its_original_and_adds_nothing(
    django_capture_on_commit_callbacks,
) -> None:
    original = (SEEDS / "002_a5d8af4738af2e8e.txt").read_text("utf-8")
    paragraphs = original.split("\n\n")
    copy = "WIRE COPY\nBy Staff | Updated 2 hours ago\n\n" + "\n\n".join(
        paragraphs[: int(len(paragraphs) * 0.7)]
    )
    run_job([("original.txt", original.encode())], django_capture_on_commit_callbacks)
    before = (Mention.objects.count(), Claim.objects.count())
    run_job([("copy.txt", copy.encode())], django_capture_on_commit_callbacks)
    first = Article.objects.get(original_name="original.txt")
    second = Article.objects.get(original_name="copy.txt")
    assert second.same_story_as == first
    assert (Mention.objects.count(), Claim.objects.count()) == before
    assert not second.mentions.exists()
    assert not Claim.objects.filter(article=second).exists()


def test_a_different_story_on_the_same_crisis_is_not_a_copy(
    django_capture_on_commit_callbacks,
) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        run_job([(path.name, path.read_bytes())], django_capture_on_commit_callbacks)
    assert not Article.objects.filter(same_story_as__isnull=False).exists()
