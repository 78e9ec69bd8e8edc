"""``kb.ingest.reading`` on hostile paths and bytes (no database)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kb.ingest.reading import BadInput, decode, iter_paths, read_article


def test_self_pointing_symlink_is_reported_as_a_loop(tmp_path: Path) -> None:
    os.symlink("self.txt", tmp_path / "self.txt")
    (tmp_path / "ok.txt").write_text("Some text.\n")
    found = {Path(p).name: problem for p, _, problem in iter_paths([str(tmp_path)])}
    assert found["ok.txt"] is None
    assert str(found["self.txt"]).startswith("symlink loop")
    with pytest.raises(BadInput, match=r"^symlink loop$"):
        read_article(str(tmp_path / "self.txt"), max_bytes=1000)


def test_folder_loop_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    os.symlink("..", tmp_path / "sub" / "up")
    (tmp_path / "a.txt").write_text("Some text.\n")
    rows = list(iter_paths([str(tmp_path)]))
    problems = [(Path(p).name, str(e)) for p, _, e in rows if e is not None]
    assert problems == [("up", "symlink loop: folder already visited")]
    assert [Path(p).name for p, _, e in rows if e is None] == ["a.txt"]


@pytest.mark.parametrize(
    ("data", "encoding", "warning"),
    [
        ("Caracas, día 5".encode(), "utf-8", None),
        ("Caracas, día 5".encode("cp1252"), "cp1252", "not UTF-8; decoded as cp1252"),
        ("Caracas, día 5".encode("utf-16"), "utf-16", None),
    ],
)
def test_decodings(data: bytes, encoding: str, warning: str | None) -> None:
    text = decode(data)
    assert text.text == "Caracas, día 5"
    assert (text.encoding, text.warning) == (encoding, warning)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t", "file holds only whitespace"),
        (b"text \x81\x8d\x90", "undecodable: neither UTF-8 nor cp1252 text"),
        (b"caf\xc3\xa9 \x81\x8d\x90", "undecodable: neither UTF-8 nor cp1252 text"),
        (bytes(range(256)), "binary file, not text"),
        (
            b"<!doctype html><p>x</p>",
            "an HTML page, not article text (save the article as plain text)",
        ),
    ],
)
def test_refusals(data: bytes, reason: str) -> None:
    with pytest.raises(BadInput) as info:
        decode(data)
    assert str(info.value) == reason


def test_utf8_with_a_stray_byte_stays_utf8() -> None:
    data = "Nicolás Maduro y Juan Guaidó, ".encode() + b"\xff" + " en Bogotá.".encode()
    text = decode(data)
    assert text.text == "Nicolás Maduro y Juan Guaidó, \ufffd en Bogotá."
    assert text.encoding == "utf-8"
    assert text.warning == "1 invalid UTF-8 byte sequence(s) replaced with \ufffd"
