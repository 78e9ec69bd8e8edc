"""A folder of hostile files, mixed with good ones, through ``import_articles``.

Each bad file gets exactly one ``PATH: reason`` line on stderr, each good file
becomes an article, the exit status is 1, and the database holds nothing half
written. Run in-process (``call_command``) and as a real subprocess.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from kb.pipeline import extract
from reliability.conftest import ScratchDB
from reliability.fixtures.hostile import BOILERPLATE_LINES, HostileFolder
from reliability.fixtures.probe import kb_state


def pipeline_drops_boilerplate() -> bool:
    return not extract("\n".join(BOILERPLATE_LINES) + "\n").body.strip()


def expected_outcomes(folder: HostileFolder) -> tuple[dict[Path, str], list[Path]]:
    """(bad path -> reason phrase, paths that must become articles)."""
    bad = dict(folder.bad)
    imported = list(folder.imported)
    boiler = folder.root / "boilerplate-only.txt"
    if not pipeline_drops_boilerplate():
        # The placeholder pipeline keeps every line; the real one drops web debris.
        bad.pop(boiler)
        imported.append(boiler)
    return bad, imported


def error_lines(stderr: str) -> dict[str, list[str]]:
    """stderr's ``PATH: reason`` lines by path (warnings and the summary aside)."""
    by_path: dict[str, list[str]] = {}
    for line in stderr.splitlines():
        if ": warning: " in line or re.match(r"^\d+ new, ", line):
            continue
        match = re.match(r"^(.*?): (.+)$", line)
        if match:
            by_path.setdefault(match.group(1), []).append(match.group(2))
    return by_path


def check_report(folder: HostileFolder, stderr: str, stdout: str) -> None:
    bad, imported = expected_outcomes(folder)
    errors = error_lines(stderr)
    for path, phrase in bad.items():
        lines = errors.pop(str(path), [])
        assert len(lines) == 1, f"{path}: expected one error line, got {lines}\n{stderr}"
        assert phrase.lower() in lines[0].lower(), f"{path}: {lines[0]!r} lacks {phrase!r}"
        assert "\n" not in lines[0] and "Traceback" not in lines[0]
    assert not errors, f"unexpected errors: {errors}"
    assert "Traceback" not in stderr
    for path, phrase in folder.warned.items():
        warnings = [line for line in stderr.splitlines() if line.startswith(f"{path}: warning: ")]
        assert len(warnings) == 1 and phrase in warnings[0], (path, warnings)
    summary = (
        f"{len(imported)} new, 0 updated, {len(folder.unchanged)} unchanged, {len(bad)} failed"
    )
    assert summary in stdout + stderr


def check_database(folder: HostileFolder, state: dict) -> None:
    _, imported = expected_outcomes(folder)
    names = {str(p.relative_to(folder.root)) for p in imported}
    assert set(state["articles"]) == names
    assert state["n_articles"] == len(imported)
    assert not state["duplicate_hashes"]
    assert not state["duplicate_actors"]
    assert not state["duplicate_aliases"]
    assert not state["bad_spans"]
    assert not any(state["orphans"].values()), state["orphans"]
    # The UTF-16 and cp1252 files were decoded, not imported as mojibake.
    for name in ("utf16-bom.txt", "cp1252.txt"):
        assert state["articles"][name]["body_len"] > 100


@pytest.mark.django_db
def test_hostile_folder_in_process(hostile_folder: HostileFolder) -> None:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_articles", str(hostile_folder.root), stdout=out, stderr=err)
    assert exit_info.value.code == 1
    check_report(hostile_folder, err.getvalue(), out.getvalue())
    check_database(hostile_folder, kb_state())

    # A second run: nothing new, the same files fail the same way.
    out2, err2 = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit):
        call_command("import_articles", str(hostile_folder.root), stdout=out2, stderr=err2)
    bad, imported = expected_outcomes(hostile_folder)
    n_unchanged = len(imported) + len(hostile_folder.unchanged)
    assert f"0 new, 0 updated, {n_unchanged} unchanged, {len(bad)} failed" in out2.getvalue()
    assert kb_state()["n_articles"] == len(imported)


@pytest.mark.django_db
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("A title\n\nNicolás Maduro spoke in Caracas.\n")
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip(
            "running as root: a chmod 000 file is still readable by root, so an unreadable "
            "file cannot be produced here (the hostile folder imports it as a good file)"
        )
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=err)
    assert exit_info.value.code == 1
    assert f"{path}: cannot read (Permission denied)" in err.getvalue()


@pytest.mark.slow
def test_hostile_folder_subprocess(hostile_folder: HostileFolder, scratch_db: ScratchDB) -> None:
    done = scratch_db.manage("import_articles", str(hostile_folder.root))
    assert done.returncode == 1, done.stderr
    check_report(hostile_folder, done.stderr, done.stdout)
    check_database(hostile_folder, scratch_db.state())


@pytest.mark.slow
def test_leading_dash_file_named_after_double_dash(tmp_path: Path, scratch_db: ScratchDB) -> None:
    """A file called ``-x.txt`` given directly is an option to argparse unless after ``--``."""
    (tmp_path / "-dash.txt").write_text("A title\n\nNicolás Maduro spoke in Caracas.\n")
    done = scratch_db.manage("import_articles", "--", str(tmp_path / "-dash.txt"))
    assert done.returncode == 0, done.stderr
    assert "1 new, 0 updated, 0 unchanged, 0 failed" in done.stdout


@pytest.mark.parametrize(
    "args",
    [
        [],  # no PATH at all
        ["--no-such-option", "seeds"],
        ["--format", "xml", "seeds"],
    ],
)
def test_usage_error_exits_2(args: list[str], scratch_db: ScratchDB) -> None:
    done = scratch_db.manage("import_articles", *args)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "usage:" in done.stderr
    assert scratch_db.state()["n_articles"] == 0


@pytest.mark.django_db
def test_boilerplate_only_file_fails(tmp_path: Path) -> None:
    if not pipeline_drops_boilerplate():
        pytest.skip("the pipeline in this tree does not remove web boilerplate yet")
    path = tmp_path / "debris.txt"
    path.write_text("\n".join(BOILERPLATE_LINES) + "\n")
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=err)
    assert exit_info.value.code == 1
    assert f"{path}: nothing left after removing web boilerplate" in err.getvalue()
