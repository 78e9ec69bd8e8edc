"""Cleaning: raw article text in, a clean body with its map back to the raw text out.

In:  the raw text of one article file, exactly as stored.
Out: ``Cleaned``: the body (kept lines joined by blank lines), ``OffsetRun``s
     mapping every body character back to the raw text, typed blocks
     (paragraph, caption, heading), the title, the publication date, the
     publisher when the text reveals it, the 1-based raw line numbers dropped
     as web debris, and body spans that are credits or bylines (never actors).
Guarantees: never raises; for every run
``body[r.body_start:r.body_start+r.length] == raw[r.raw_start:r.raw_start+r.length]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kb.pipeline.credit_lines import (
    BYLINE_NAME_RE,
    BYLINE_PLACE_RE,
    BYLINE_RE,
    CONDUCTED_BY_RE,
    CONTACT_NAME_RE,
    CONTRIBUTED_RE,
    CREDIT_MARK_RE,
    CREDIT_RES,
    DATE_LINE_RE,
    LIVE_BYLINE_RE,
    NAMES_ONLY_RE,
    PHONE_RE,
    PIPED_BYLINE_RE,
    PRESS_CONTACT_RE,
    PRODUCED_BY_RE,
    QUESTION_LABEL_RE,
    STAFF_LINE_RE,
    WRITER_BIO_RE,
)
from kb.pipeline.debris import (
    DOCUMENT_SYMBOL_RE,
    LINKS_HEADER_RE,
    is_debris,
    looks_like_heading,
    looks_like_title,
)
from kb.pipeline.geo import is_capital
from kb.pipeline.published_date import DATE_PREFIX_RE, parse_date
from kb.pipeline.publisher import PLACE_DATELINE_RE, dateline, find_publisher, first_at
from kb.pipeline.text import fold
from kb.pipeline.types import Block, BlockKind, OffsetRun

_CAPTION_LEAD_RE = re.compile(r"(?:Photo|Photo caption|Picture|Image|Caption)\s*:\s")
_FILE_PHOTO_RE = re.compile(r"^(?:FILE PHOTO|File photo|PHOTO)\s*:\s*")


@dataclass(frozen=True, slots=True)
class Cleaned:
    body: str
    offsets: tuple[OffsetRun, ...]
    blocks: tuple[Block, ...]
    title: str | None
    published: date | None
    publisher: str | None
    boilerplate_lines: tuple[int, ...]
    excluded: tuple[tuple[int, int], ...]


@dataclass(slots=True)
class _Line:
    number: int
    start: int  # raw offsets of the stripped content
    end: int
    text: str
    kind: str = "paragraph"  # paragraph | caption | heading | title | debris | blank
    credit: tuple[int, int] | None = (
        None  # raw span inside the line that is a photo credit/byline name
    )
    # Raw spans of datelines and "FILE PHOTO:" labels: kept as text, never actors.
    marks: tuple[tuple[int, int], ...] = ()


def _split_lines(raw: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for number, chunk in enumerate(raw.split("\n"), start=1):
        stripped_left = len(chunk) - len(chunk.lstrip())
        content = chunk.strip()
        start = pos + stripped_left
        lines.append(
            _Line(number, start, start + len(content), content, "paragraph" if content else "blank")
        )
        pos += len(chunk) + 1
    return lines


def _links_end(content: list[_Line], index: int) -> int:
    """The line number of the last headline listed right under the header at ``index``:
    the lines that follow it with no blank line between, none ending a sentence."""
    last = content[index].number
    for line in content[index + 1 :]:
        if line.number != last + 1 or not looks_like_heading(line.text):
            break
        last = line.number
    return last


def _pieces(text: str) -> list[str]:
    without_brackets = re.sub(r"\[[^\]]*\]", " ", text)
    return [
        fold(p).strip(" .,")
        for p in re.split(r"\.\.\.|…", without_brackets)
        if fold(p).strip(" .,")
    ]


def _is_pull_quote(text: str, following: str) -> bool:
    """A standalone line repeating (an excerpt of) the next paragraph, as magazines print
    pull-quotes."""
    if len(text) >= len(following) or len(text) < 20 or len(text) > 400:
        return False
    target = fold(following)
    pos = 0
    for piece in _pieces(text):
        found = target.find(piece, pos)
        if found < 0:
            return False
        pos = found + len(piece)
    return True


def clean(raw: str) -> Cleaned:
    lines = _split_lines(raw)
    content = [line for line in lines if line.kind != "blank"]
    published: date | None = None
    title: str | None = None

    # "date 2019-01-04 Canada and ..." : a date field fused to the first line.
    if content:
        first = content[0]
        match = DATE_PREFIX_RE.match(first.text)
        if match:
            try:
                published = date.fromisoformat(match.group(1))
            except ValueError:
                published = None
            first.start += match.end()
            first.text = first.text[match.end() :]
            if not first.text:
                first.kind = "debris"

    after_caption_marker = False
    links_until = 0  # the last line of a "Related Stories" list of headlines
    writers: set[str] = set()  # the names bylines credit, whose bio lines are credit too
    for index, line in enumerate(content):
        if line.kind == "debris":
            continue
        if line.number <= links_until or is_debris(line.text):
            if published is None and re.match(r"^\d|^[A-Z][a-z]{2,8}\.? \d", line.text):
                published = parse_date(line.text)
            after_caption_marker = fold(line.text) == "image caption"
            if LINKS_HEADER_RE.match(line.text):
                links_until = _links_end(content, index)
            line.kind = "debris"
            continue
        dated = dateline(line.text)
        if dated:
            line.marks = ((line.start, line.start + dated.end()),)
        photo = _FILE_PHOTO_RE.match(line.text)
        if photo:
            line.marks = ((line.start, line.start + photo.end()),)
        if after_caption_marker:
            line.kind = "caption"
            after_caption_marker = False
            continue
        nxt = content[index + 1].text if index + 1 < len(content) else ""
        if nxt and _is_pull_quote(line.text, nxt):
            line.kind = "debris"
            continue
        for needles, rx in CREDIT_RES:
            if not any(n in line.text for n in needles):
                continue
            match = rx.search(line.text)
            marked = CREDIT_MARK_RE.search(match.group()) if match else None
            if (
                match
                and not marked
                and (
                    # "Photo: …", "Published 11 hours ago · Image: …"
                    _CAPTION_LEAD_RE.search(line.text, 0, 60)
                    or match.group().strip(" ()") in writers  # "Photographs by X" … "(X)"
                )
            ):
                marked = re.match(r"\s*\(", match.group())  # "Photo: … (Ana Ruiz)"
            if match and marked and match.start() > 0:
                if line.text.startswith(("By ", "By:")):
                    # "By Karen Lema | Photograph: Ted Aljibe/AFP": all of it is credit.
                    line.kind, line.credit = "byline", (line.start, line.end)
                    break
                line.kind = "caption"
                credit_start = (
                    line.start + match.start() + (len(match.group()) - len(match.group().lstrip()))
                )
                line.credit = (credit_start, line.end)
                break
        if line.kind in ("caption", "byline"):
            continue
        if first_at(CONTRIBUTED_RE, "contributed", line.text) or (
            line.text.endswith(")") and LIVE_BYLINE_RE.match(line.text)
        ):
            # "Associated Press writer Scott Smith in Caracas contributed to this report."
            line.credit = (line.start, line.end)
            line.kind = "byline"
            continue
        staff = BYLINE_PLACE_RE.match(line.text) or WRITER_BIO_RE.match(line.text)
        writer = next((n for n in writers if line.text.startswith(n + " is ")), None)
        contact = CONTACT_NAME_RE.match(line.text) if "@" in line.text else None
        if contact and writer is None:
            # "Catalina Rivas Ponce in Caracas at crivasponce1@bloomberg.net;": a contact
            line.credit = (line.start, line.start + contact.end(1))
            line.kind = "byline"
            continue
        piped = PIPED_BYLINE_RE.search(line.text) if "|" in line.text else None
        if piped:
            # "MANILA, 9 May 2026 — 11:05 a.m. | Reporting by X; editing by Y": the rest
            # of a dateline's line is staff.
            line.credit = (line.start + piped.start(), line.end)
            line.kind = "byline"
            continue
        staff_line = STAFF_LINE_RE.match(line.text)
        if staff_line:
            # "(Editor: Tsai Mei-ling)", "Produced by X · Audio engineer: Y · 31 min"
            line.credit = (line.start, line.end)
            line.kind = "byline"
            continue
        produced = PRODUCED_BY_RE.search(line.text) if "produced by" in line.text else None
        if produced is None and ("conducted by" in line.text or line.text.startswith("Interv")):
            produced = CONDUCTED_BY_RE.search(line.text)  # "The interview was conducted by X"
        if produced is None and line.text.startswith("Q"):
            produced = QUESTION_LABEL_RE.match(line.text)  # "Question (X, The Hindu Wire):"
        if produced:  # "The Strait Line is produced by Joel Abernathy-Osei.": staff
            line.credit = (line.start + produced.start(1), line.start + produced.end(1))
        press = PRESS_CONTACT_RE.search(line.text) if "ontact" in line.text else None
        if press and ("@" in line.text or PHONE_RE.search(line.text)):
            # "For more information, please contact: Ana Ruiz (+41 22 917 0000 / …)"
            line.credit = (line.start + press.start(1), line.start + press.end(1))
            line.kind = "byline"
            continue
        if writer:
            # "By Ana Ruiz" … "Ana Ruiz is a senior fellow with the Americas Program."
            line.credit = (line.start, line.start + len(writer))
            line.kind = "byline"
            continue
        if staff:
            line.credit = (line.start + staff.start(1), line.start + staff.end(1))
            line.kind = "byline"
            continue
        byline = BYLINE_RE.match(line.text)
        if byline:
            end = byline.end(1)
            if byline.group(2) and NAMES_ONLY_RE.match(byline.group(2)):
                end = byline.end(2)  # "By Mayela Armas, Corina Pons": every name is staff
            elif byline.group(2) and line.text[end : byline.start(2)].strip(" .") in ("|", "·"):
                end = len(line.text)  # "By Ana Ruiz | Updated 7:42 a.m. CST": furniture
            lead = line.text[: byline.start(1)]
            # "—WITH A REPORT FROM X": capitals that would read as names are credit too
            start = 0 if lead.isupper() else byline.start(1)
            line.credit = (line.start + start, line.start + end)
            line.kind = "byline"
            writers.add(byline.group(1))
            continue
        if index < 12 and BYLINE_NAME_RE.fullmatch(line.text) and DATE_LINE_RE.match(nxt):
            # "Ines Albrecht-Ruiz" over "08/12/2022" under a headline: the writer, dated
            line.credit = (line.start, line.end)
            line.kind = "byline"

    seen: set[str] = set()
    for line in content:
        if line.kind == "debris":
            continue
        key = fold(line.text)
        if title is None and not seen and looks_like_title(line.text):
            title = line.text
            line.kind = "title"
        elif key in seen and len(key) >= 20:
            line.kind = "debris"  # a repeated headline or paragraph
        elif line.kind == "paragraph" and looks_like_heading(line.text):
            line.kind = "heading"
        seen.add(key)

    parts: list[str] = []
    offsets: list[OffsetRun] = []
    blocks: list[Block] = []
    excluded: list[tuple[int, int]] = []
    cursor = 0
    for line in content:
        if line.kind == "debris" or not line.text:
            continue
        if parts:
            parts.append("\n\n")
            cursor += 2
        parts.append(line.text)
        offsets.append(OffsetRun(cursor, line.start, len(line.text)))
        kind: BlockKind = (
            "caption"
            if line.kind == "caption"
            else "heading"
            if line.kind in ("heading", "title")
            else "paragraph"
        )
        blocks.append(Block(kind, cursor, cursor + len(line.text)))
        for span in (line.credit, *line.marks) if line.credit else line.marks:
            excluded.append((cursor + span[0] - line.start, cursor + span[1] - line.start))
        cursor += len(line.text)
    body = "".join(parts)
    for line in content:
        place = PLACE_DATELINE_RE.match(line.text) if line.marks else None
        if place and line.kind != "debris" and not is_capital(place.group(1)):
            # (a capital may stand for its state later: "Niamey has accused Cotonou")
            # The dateline's town is a place wherever the story names it again.
            for found in re.finditer(rf"\b{re.escape(place.group(1))}\b", body):
                excluded.append(found.span())
            break
    for symbol in DOCUMENT_SYMBOL_RE.finditer(body):
        # "PSC/PR/COMM.1318 (2026)": the body that issued the document, then its series
        # and number ("PR", "COMM"), which name no body
        excluded.append((symbol.start(1), symbol.end()))
    for writer in writers:
        # "By Leila Okafor" … "NPR's Leila Okafor spoke with her": the writer, named again
        for found in re.finditer(rf"(?<!\w){re.escape(writer)}(?!\w)", body):
            if not any(lo <= found.start() < hi for lo, hi in excluded):
                excluded.append(found.span())
    debris = tuple(line.number for line in content if line.kind == "debris")
    return Cleaned(
        body=body,
        offsets=tuple(offsets),
        blocks=tuple(blocks),
        title=title,
        published=published,
        publisher=find_publisher(raw),
        boilerplate_lines=debris,
        excluded=tuple(excluded),
    )
