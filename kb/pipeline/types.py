"""The pipeline's contract: what goes in and what comes out.

In:  raw article text, plus a read-only ``Snapshot`` of what the knowledge base
     already knows (actors, their accepted aliases, the surface forms editors
     rejected for them, and the kinds and countries editors corrected).
Out: one frozen ``Extraction``. Every span is a pair of offsets into
     ``Extraction.body`` (the clean text) and ``body[start:end]`` is exactly the
     surface text it names. Nothing here imports Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

ActorKind = Literal["person", "organization"]
BlockKind = Literal["paragraph", "caption", "heading"]
RefType = Literal["actor", "country"]
# The kind of a mention of a voice the text names but no actor of ours is.
UNRESOLVED = "unresolved"


@dataclass(frozen=True, slots=True)
class KnownActor:
    """An actor the knowledge base holds, as the importer may use it.

    ``key`` is the database's stable handle (the actor's slug); the pipeline
    passes it back on ``ActorFound.known_key`` when it links to this actor.
    ``rejected`` are surface forms an editor said are *not* this actor.
    """

    key: str
    name: str
    kind: ActorKind
    country: str | None = None
    aliases: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Snapshot:
    actors: tuple[KnownActor, ...] = ()


EMPTY_SNAPSHOT = Snapshot()


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, caption or section heading of the clean body."""

    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class OffsetRun:
    """``body[body_start:body_start+length] == raw[raw_start:raw_start+length]``."""

    body_start: int
    raw_start: int
    length: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A resolved name in the body, as the later stages (coreference, quotes,
    figures, stances, roles) see it: ``name`` is an ``ActorFound.name`` or a
    country's display name."""

    start: int
    end: int
    name: str
    kind: str  # person | organization | country | demonym


@dataclass(frozen=True, slots=True)
class ActorFound:
    name: str
    kind: ActorKind
    country: str | None
    surface_forms: tuple[str, ...]
    mentions: tuple[tuple[int, int], ...]
    known_key: str | None = None
    # How sure the importer is that these mentions name this actor (0 to 1):
    # from the rule that linked them, agreement with known aliases and other articles.
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class CountryFound:
    code: str
    name: str
    surface_forms: tuple[str, ...]
    mentions: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None = None  # an ActorFound.name, or None when unknown
    speaker_span: tuple[int, int] | None = None
    # How sure the importer is of the speaker (0 to 1), and the rule that found
    # it ("said-after", "pronoun", "inherited", ...); empty when there is no speaker.
    confidence: float = 1.0
    speaker_rule: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    about: str
    source: str | None = None  # an ActorFound.name when the text states it
    # What the number is (count, duration, age, percent, money, rate, size),
    # the range it stands for, and for counts the frame it counts in
    # ("displaced|people|VE", shown as "people who left Venezuela since 2015");
    # ``frame`` is empty when the sentence does not state event, thing and place.
    kind: str = "count"
    low: float | int | None = None  # int for vague ranges ("hundreds"): see frames
    high: float | int | None = None
    frame: str = ""
    frame_label: str = ""
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Ref:
    """The subject or object of a stance: an actor by name, a country by ISO code."""

    type: RefType
    name: str


@dataclass(frozen=True, slots=True)
class StanceFound:
    subject: Ref
    relation: str  # supports, opposes, recognizes, sanctions, condemns, member_of, ...
    object: Ref
    start: int
    end: int
    negated: bool = False
    # Who states it, when the stance is reported speech ("X said Y backs Z").
    speaker: str | None = None
    # The days the text gives for the relation ("since 2019", "withdrew on
    # Wednesday", resolved against the article's date); None when it gives none.
    valid_from: date | None = None
    valid_to: date | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class RoleFound:
    """A person's title, as the text states it: ``body[start:end]`` covers title and name.

    ``organization`` is an ``ActorFound.name``; ``country`` an ISO alpha-2 code.
    """

    actor: str
    title: str
    organization: str | None
    country: str | None
    start: int
    end: int
    former: bool = False
    valid_from: date | None = None
    valid_to: date | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Extraction:
    raw: str
    body: str
    title: str | None
    published: date | None
    publisher: str | None
    language: str = "en"
    offsets: tuple[OffsetRun, ...] = ()
    blocks: tuple[Block, ...] = ()
    boilerplate_lines: tuple[int, ...] = ()  # 1-based line numbers of the raw text
    actors: tuple[ActorFound, ...] = ()
    countries: tuple[CountryFound, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    stances: tuple[StanceFound, ...] = ()
    roles: tuple[RoleFound, ...] = ()
    warnings: tuple[str, ...] = field(default=())
