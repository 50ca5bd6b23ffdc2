"""Pydantic models for resolver's boundaries: alias-table records and public results.

The hot path never builds these per call except for the results it returns.

>>> Match(entity_id="x", canonical="X", type="person", score=1.0, alias="X",
...       method="exact", explain="exact alias").score
1.0
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from unidecode import unidecode

__all__ = ["EntityType", "Method", "Status", "Match", "Mention", "DocResult", "Judgement",
           "Conflict", "AliasRecord", "EntityRecord", "TableFile", "ENTITY_TYPES", "ID_PATTERN",
           "ID_RE", "TYPE_ALIASES", "entity_type", "slug"]

EntityType = Literal["person", "organisation", "place", "other"]
ENTITY_TYPES: tuple[str, ...] = ("person", "organisation", "place", "other")
# other words accepted for a type, and the type they mean: "organization" is the US spelling,
# FollowTheMoney's and schema.org's word
TYPE_ALIASES: dict[str, str] = {"organization": "organisation"}
Method = Literal["exact", "normalised", "phonetic", "fuzzy"]
ID_PATTERN = r"^[A-Za-z0-9_.\-]{1,100}$"
ID_RE = re.compile(ID_PATTERN)
Status = Literal["resolved", "ambiguous", "unknown"]


def slug(text: str, joiner: str = "-") -> str:
    """An id made from a name: ASCII, lowercase, runs of other characters as ``joiner``.

    >>> slug("Khalifa Haftar"), slug("Mouammar Kadhafi", "_"), slug("حفتر")
    ('khalifa-haftar', 'mouammar_kadhafi', 'hftr')
    """
    s = re.sub(r"[^a-z0-9]+", joiner, unidecode(text).lower()).strip(joiner)[:90]
    return s or "name"


def entity_type(value: object) -> str:
    """The entity type ``value`` names, as resolver stores it (:data:`ENTITY_TYPES`); an
    alias (:data:`TYPE_ALIASES`) gives its type. Else ``ValueError`` listing the accepted words.

    >>> entity_type("organization"), entity_type("place")
    ('organisation', 'place')
    >>> entity_type("city")
    Traceback (most recent call last):
    ...
    ValueError: 'city' is not an entity type: use person, organisation (or organization), place or other
    """
    if isinstance(value, str):
        t = TYPE_ALIASES.get(value, value)
        if t in ENTITY_TYPES:
            return t
    words = [t + "".join(f" (or {a})" for a, v in TYPE_ALIASES.items() if v == t)
             for t in ENTITY_TYPES]
    raise ValueError(f"{value!r} is not an entity type: use {', '.join(words[:-1])} "
                     f"or {words[-1]}")


class Match(BaseModel):
    """A resolved name: which entity, how sure, through which alias, and why."""

    model_config = ConfigDict(frozen=True)

    entity_id: str
    canonical: str
    type: str
    score: float = Field(gt=0.0, le=1.0)
    alias: str = Field(description="the known spelling the name matched")
    method: Method = Field(description="exact / normalised / phonetic / fuzzy")
    explain: str = Field(description="which name part matched which, by what rule")


class AliasRecord(BaseModel):
    """One spelling of an entity, with its provenance."""

    model_config = ConfigDict(extra="forbid")

    name: str
    source: str | None = None
    lang: str | None = Field(default=None, pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$")
    note: str | None = None

    @field_validator("name")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        v = v.strip()
        if not v:
            raise ValueError("an alias must not be empty")
        if len(v) > 500:
            raise ValueError("an alias must be at most 500 characters")
        return v


class EntityRecord(BaseModel):
    """One entity of an alias table."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    type: EntityType = "person"
    canonical: str = Field(min_length=1, max_length=500)
    description: str | None = None
    aliases: list[AliasRecord] = Field(default_factory=list)
    distinct: list[str] = Field(default_factory=list)
    prior: float = Field(default=1.0, gt=0.0, le=1.0)

    @field_validator("type", mode="before")
    @classmethod
    def _type_word(cls, v: object) -> str:
        return entity_type(v)

    @field_validator("aliases", mode="before")
    @classmethod
    def _plain_strings(cls, v: object) -> object:
        if isinstance(v, list):
            return [{"name": x} if isinstance(x, str) else x for x in v]
        return v


class TableFile(BaseModel):
    """A whole YAML alias table."""

    model_config = ConfigDict(extra="forbid")

    source: str | None = None
    entities: list[EntityRecord]


class Mention(BaseModel):
    """One name mention: where it is, what it is, and how sure resolver is.

    ``text == original[start:end]`` and covers the name only (no title, no possessive).
    ``status`` is "resolved" (``entity_id`` set), "ambiguous" (``candidates`` lists the
    entities it may be) or "unknown" (a name in no table; ``canonical`` is the fullest form
    the document gives it).
    """

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    entity_id: str | None = None
    canonical: str | None = None
    type: str | None = None
    score: float | None = None
    method: str | None = None
    title: str | None = None
    status: Status = "unknown"
    candidates: tuple[str, ...] = ()


class DocResult(BaseModel):
    """One document of a corpus: its mentions, its rewritten text if asked for, and the
    names in it that resolved to no known entity (in order of first mention)."""

    model_config = ConfigDict(frozen=True)

    doc_id: str | int
    mentions: list[Mention]
    text: str | None = None
    unknown: list[str] = []


class Judgement(BaseModel):
    """One recorded change: what was done, to which entities, by whom, when and why."""

    id: str
    action: str
    entities: list[str]
    args: dict[str, Any]
    source: str
    time: str
    author: str | None = None
    note: str | None = None
    undone_by: str | None = None


class Conflict(BaseModel):
    """A reported (never silently resolved) conflict between entities over a spelling.

    ``kind`` is ``"shared"`` (one normalised spelling is an alias of several entities; allowed,
    the higher prior wins ties) or ``"better-elsewhere"`` (the matcher scores an alias of
    ``entities[0]`` higher against another entity than against its own other names).
    ``entities`` holds ``(entity id, prior)`` for ``shared`` and ``(entity id, score)`` else.
    """

    kind: str
    name: str
    entities: list[tuple[str, float]]
    message: str


def check_name(name: object, what: str = "name") -> str:
    """``name`` if it is a str, else the ``TypeError`` every public function raises: ``a name
    must be a str, not list``; ``what="text"`` for the functions that take a text
    (``a text must be a str, not list``).

    >>> check_name(["Hiftar"])
    Traceback (most recent call last):
    ...
    TypeError: a name must be a str, not list
    """
    if not isinstance(name, str):
        raise TypeError(f"a {what} must be a str, not {type(name).__name__}")
    return name
