"""Pydantic models for resolver's boundaries: alias-table records and public results.

The hot path never builds these per call except for the results it returns.

>>> Match(entity_id="x", canonical="X", type="person", score=1.0, alias="X",
...       method="exact", explain="exact alias").score
1.0
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["EntityType", "Method", "Match", "AliasRecord", "EntityRecord", "TableFile",
           "ENTITY_TYPES", "ID_PATTERN"]

EntityType = Literal["person", "organisation", "place", "other"]
ENTITY_TYPES: tuple[str, ...] = ("person", "organisation", "place", "other")
Method = Literal["exact", "normalised", "phonetic", "fuzzy"]
ID_PATTERN = r"^[A-Za-z0-9_.\-]{1,100}$"


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
