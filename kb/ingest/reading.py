"""Reading article files: bytes on disk in, normalised text out, or one clear reason why not.

Guarantees: the text returned has ``\\n`` newlines only; a refusal is a
``BadInput`` whose message is one line, fit to print after ``PATH: ``.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Files the importer looks at when given a folder.
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}


_HTML_START = re.compile(r"\A\ufeff?\s*(<!doctype html|<html[\s>]|<head[\s>])", re.IGNORECASE)


class BadInput(Exception):
    """A file that cannot be imported; the message says why, in one line."""


@dataclass(frozen=True, slots=True)
class ReadText:
    text: str
    encoding: str
    warning: str | None = None


def iter_paths(paths: list[str]) -> Iterator[tuple[str, str, BadInput | None]]:
    """Every file named or found below a folder, in a stable order, as
    ``(path, original_name, problem)``.

    The original name is the file's path relative to the folder it was found
    in (just its name when the file itself was given), so that importing
    ``seeds/`` or ``seeds/000.txt`` names the article the same way.

    Missing paths and unreadable folders are yielded with their error rather
    than raised, so one bad path never stops the others. Symlink loops are
    detected by remembering the real path of every folder entered.
    """
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            yield raw, path.name or raw, BadInput("no such file or folder")
        elif path.is_dir():
            for found, problem in _walk(path, seen=set()):
                yield found, os.path.relpath(found, path), problem
        else:
            yield raw, path.name, None


def _walk(folder: Path, seen: set[str]) -> Iterator[tuple[str, BadInput | None]]:
    real = os.path.realpath(folder)
    if real in seen:
        yield str(folder), BadInput("symlink loop: folder already visited")
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield str(folder), BadInput(f"cannot list folder ({exc.strerror or exc})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError as exc:
            # A link that points at itself fails here, before it is ever opened.
            reason = "symlink loop" if exc.errno == errno.ELOOP else "cannot stat"
            yield entry.path, BadInput(f"{reason} ({exc.strerror or exc})")
            continue
        if is_dir:
            yield from _walk(Path(entry.path), seen)
        elif Path(entry.name).suffix.lower() in TEXT_SUFFIXES or entry.is_symlink():
            yield entry.path, None


def read_article(path: str, *, max_bytes: int) -> ReadText:
    """Read and decode one file, or raise ``BadInput``."""
    try:
        if os.path.isdir(path):
            raise BadInput("is a folder")
        size = os.path.getsize(path)
        if size > max_bytes:
            raise BadInput(f"file too large ({size:,} bytes; the limit is {max_bytes:,})")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except BadInput:
        raise
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a symlink that points at itself
            raise BadInput("symlink loop") from exc
        raise BadInput(f"cannot read ({exc.strerror or exc})") from exc
    return decode(data)


def decode(data: bytes) -> ReadText:
    if not data.strip():
        raise BadInput("empty file" if not data else "file holds only whitespace")
    encoding, text, warning = _decode_bytes(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise BadInput("binary file, not text")
    if not text.strip():
        raise BadInput("file holds only whitespace")
    if _HTML_START.match(text):
        raise BadInput("an HTML page, not article text (save the article as plain text)")
    return ReadText(text=text, encoding=encoding, warning=warning)


def _decode_bytes(data: bytes) -> tuple[str, str, str | None]:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", data.decode("utf-8-sig"), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return "utf-16", data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            raise BadInput("undecodable UTF-16 text") from exc
    if b"\x00" in data:
        # UTF-16 without a BOM shows as every other byte NUL in Latin text.
        even, odd = data[0::2], data[1::2]
        for enc, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
            if zeros.count(0) > 0.9 * len(zeros):
                try:
                    return enc, data.decode(enc), None
                except UnicodeDecodeError:
                    break
        raise BadInput("binary file, not text")
    try:
        return "utf-8", data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few stray bytes (a truncated copy, one pasted Latin-1 word)
    # is still UTF-8: decoding it all as cp1252 would turn every "á" into "Ã¡".
    # It is UTF-8 when its valid multi-byte characters outnumber the bad bytes.
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for c in lenient if c >= "\x80" and c != "\ufffd")
    if good and good >= bad:
        return "utf-8", lenient, f"{bad} invalid UTF-8 byte sequence(s) replaced with \ufffd"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise BadInput("undecodable: neither UTF-8 nor cp1252 text") from exc
    return "cp1252", text, "not UTF-8; decoded as cp1252"


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\t\f\v")
    return controls / max(1, len(sample))
