"""Importers: Wikidata entity JSON and GeoNames ``alternateNames`` -> alias-table records.

Both return :class:`~resolver.models.EntityRecord` objects (aliases with language and
source) that go to :meth:`Resolver.add_records <resolver.entities.resolver.Resolver.add_records>` or
:meth:`Store.add_records <resolver.store.Store.add_records>`.

- Wikidata: the JSON dump's one-entity-per-line format (the ``[`` and ``]`` lines and the
  trailing commas of ``latest-all.json`` are accepted). Labels and aliases in every language
  become aliases; the English label (else ``mul``, else the first) is the canonical name;
  ``P31`` (instance of) gives the type.
- GeoNames ``alternateNames.txt`` (tab-separated: alternateNameId, geonameid, isolanguage,
  alternate name, isPreferredName, isShortName, isColloquial, isHistoric, from, to). Every
  geonameid is a place; pseudo-languages that are not names (``link``, ``post``, ``iata``,
  ``icao``, ``faac``, ``tcid``, ``unlc``, ``wkdt``) are skipped.

A bad line is reported as ``file:line: field: message``. With ``strict=True`` (default) any
bad line raises :class:`~resolver.tables.io.TableError` listing them all and nothing is returned;
with ``strict=False`` the good records are returned and the problems listed in
:attr:`Imported.problems`.

>>> from pathlib import Path
>>> sample = Path(__file__).resolve().parent.parent / "tests" / "data" / "wikidata_sample.jsonl"
>>> recs = {r.id: r for r in read_wikidata(sample).records} if sample.exists() else {}
>>> not recs or (recs["Q3579"].type, recs["Q3579"].canonical) == ("place", "Tripoli")
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..models import ID_RE, AliasRecord, EntityRecord
from ..paths import data_dir
from .errors import TableError

__all__ = ["Imported", "read_wikidata", "iter_wikidata", "read_geonames", "iter_geonames",
           "wikidata_type", "records_from", "MAX_LINE_BYTES", "PERSON", "PLACES", "ORGANISATIONS"]

MAX_LINE_BYTES = 32 * 1024 * 1024   # a longer line is refused (largest Wikidata items: ~5 MB)
MAX_PROBLEMS = 1000                 # problems kept (the count is always exact)

_CLASSES = yaml.safe_load((data_dir() / "rules" / "wikidata.yaml").read_text(encoding="utf-8"))
PERSON = frozenset(_CLASSES["person"])
PLACES = frozenset(_CLASSES["place"])
ORGANISATIONS = frozenset(_CLASSES["organisation"])
_NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "tcid", "unlc", "wkdt"})
_LANG = re.compile(AliasRecord.model_fields["lang"].metadata[0].pattern)


@dataclass
class Imported:
    """The records read from a file, and the problems found (``file:line: field: message``)."""

    records: list[EntityRecord]
    problems: list[str] = field(default_factory=list)


class _Problems(list[str]):
    """A list of problems that keeps the first :data:`MAX_PROBLEMS` and counts them all."""

    def __init__(self) -> None:
        super().__init__()
        self.total = 0

    def add(self, msg: str) -> None:
        self.total += 1
        if len(self) < MAX_PROBLEMS:
            self.append(msg)


def _lines(path: Path, problems: _Problems, progress: bool = False
           ) -> Iterator[tuple[int, str]]:
    """(line number, text) for each line; oversize or undecodable lines are reported.
    ``progress=True`` draws a bar of the bytes read on stderr."""
    bar: Any = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=path.stat().st_size, desc=f"reading {path.name}", unit="B",
                   unit_scale=True, unit_divisor=1024, leave=False, dynamic_ncols=True)
    try:
        yield from _read_lines(path, problems, bar)
    finally:
        if bar is not None:
            bar.close()


def _read_lines(path: Path, problems: _Problems, bar: Any) -> Iterator[tuple[int, str]]:
    with path.open("rb") as fh:
        n = 0
        while True:
            raw = fh.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            if bar is not None:
                bar.update(len(raw))
            n += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                problems.add(f"{path}:{n}: line: longer than {MAX_LINE_BYTES} bytes, refused")
                while raw and not raw.endswith(b"\n"):
                    raw = fh.readline(MAX_LINE_BYTES)
                continue
            try:
                yield n, raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                problems.add(f"{path}:{n}: line: not UTF-8 ({exc.reason} at byte {exc.start})")


def _alias(name: object, lang: str | None, source: str, note: str | None = None) -> AliasRecord:
    if lang is not None and not _LANG.match(lang):
        note, lang = "; ".join(x for x in (note, f"language {lang}") if x), None
    return AliasRecord(name=name, lang=lang, source=source, note=note)  # type: ignore[arg-type]


def _finish(path: Path, records: list[EntityRecord], problems: _Problems,
            strict: bool) -> Imported:
    if problems.total > len(problems):
        problems.append(f"{path}: ... {problems.total - len(problems)} more problem(s)")
    if strict and problems:
        raise TableError(path, list(problems))
    return Imported(records, list(problems))


# -- Wikidata --------------------------------------------------------------------------------
def wikidata_type(claims: dict[str, Any]) -> str:
    """The entity type for an item's claims, from its P31 (instance of) values.

    >>> wikidata_type({"P31": [{"mainsnak": {"datavalue": {"value": {"id": "Q5"}}}}]})
    'person'
    >>> wikidata_type({})
    'other'
    """
    found = set()
    for st in claims.get("P31", ()) if isinstance(claims, dict) else ():
        value = (((st or {}).get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            found.add(value["id"])
    if found & PERSON:
        return "person"
    if found & ORGANISATIONS:
        return "organisation"
    if found & PLACES:
        return "place"
    return "other"


def _wikidata_record(item: Any, where: str, source: str, problems: _Problems
                     ) -> EntityRecord | None:
    if not isinstance(item, dict):
        problems.add(f"{where}: entity: expected a JSON object, got {type(item).__name__}")
        return None
    qid = item.get("id")
    if not isinstance(qid, str) or not ID_RE.match(qid):
        problems.add(f"{where}: id: missing or invalid entity id {qid!r}")
        return None
    labels = item.get("labels") or {}
    aliases = item.get("aliases") or {}
    if not isinstance(labels, dict) or not isinstance(aliases, dict):
        problems.add(f"{where}: labels: expected objects keyed by language")
        return None
    names: list[tuple[str, object, str]] = [(f"labels.{k}", v, k) for k, v in labels.items()]
    for lang, values in aliases.items():
        names += [(f"aliases.{lang}.{i}", v, lang)
                  for i, v in enumerate(values if isinstance(values, list) else [values])]
    out: dict[tuple[str, str | None], AliasRecord] = {}
    for fld, v, lang in names:
        text = v.get("value") if isinstance(v, dict) else None
        lang = v.get("language", lang) if isinstance(v, dict) else lang
        try:
            rec = _alias(text, lang, source)
        except ValidationError as exc:
            problems.add(f"{where}: {fld}: {exc.errors()[0]['msg']}")
            continue
        out.setdefault((rec.name, rec.lang), rec)
    if not out:
        problems.add(f"{where}: labels: {qid} has no usable label or alias")
        return None
    canon = next((labels[k]["value"] for k in ("en", "mul") if isinstance(labels.get(k), dict)
                  and isinstance(labels[k].get("value"), str) and labels[k]["value"].strip()),
                 next(iter(out.values())).name)
    desc = ((item.get("descriptions") or {}).get("en") or {}).get("value")
    try:
        return EntityRecord(id=qid, type=wikidata_type(item.get("claims") or {}),  # type: ignore[arg-type]
                            canonical=canon.strip(), description=desc,
                            aliases=list(out.values()))
    except ValidationError as exc:
        for err in exc.errors():
            problems.add(f"{where}: {'.'.join(map(str, err['loc']))}: {err['msg']}")
        return None


def iter_wikidata(path: str | Path, problems: list[str] | None = None, *,
                  source: str = "wikidata", progress: bool = False) -> Iterator[EntityRecord]:
    """Stream records from a Wikidata JSON dump; problems are appended to ``problems``.
    ``progress=True`` draws a bar of the bytes read on stderr."""
    path = Path(path)
    sink = problems if isinstance(problems, _Problems) else _Problems()
    for n, line in _lines(path, sink, progress):
        text = line.strip().rstrip(",").strip()
        if text in ("", "[", "]"):
            continue
        try:
            item = json.loads(text)
        except json.JSONDecodeError as exc:
            sink.add(f"{path}:{n}: json: {exc.msg} at column {exc.colno}")
            continue
        if isinstance(item, dict) and item.get("type", "item") != "item":
            continue  # properties, lexemes: not entities with names
        rec = _wikidata_record(item, f"{path}:{n}", source, sink)
        if rec is not None:
            yield rec
    if problems is not None and problems is not sink:
        problems.extend(sink)


def read_wikidata(path: str | Path, *, strict: bool = True, source: str = "wikidata",
                  progress: bool = False) -> Imported:
    """Read a Wikidata JSON dump (or an extract in the same format) into records
    (``progress=True``: a bar of the bytes read on stderr)."""
    path = Path(path)
    problems = _Problems()
    records = list(iter_wikidata(path, problems, source=source, progress=progress))
    return _finish(path, records, problems, strict)


# -- GeoNames --------------------------------------------------------------------------------
def iter_geonames(path: str | Path, problems: list[str] | None = None, *,
                  source: str = "geonames", canonical_lang: str = "en",
                  progress: bool = False) -> Iterator[EntityRecord]:
    """Records from a GeoNames ``alternateNames`` file, one per geonameid (ids ``geonames-N``).

    Rows are grouped in memory, so records come out once the whole file is read.
    ``progress=True`` draws a bar of the bytes read on stderr.
    """
    path = Path(path)
    sink = problems if isinstance(problems, _Problems) else _Problems()
    groups: dict[str, list[tuple[AliasRecord, bool]]] = {}
    for n, line in _lines(path, sink, progress):
        line = line.rstrip("\r\n")
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        where = f"{path}:{n}"
        if len(cols) not in (8, 10):
            sink.add(f"{where}: columns: expected 10 tab-separated fields, found {len(cols)}")
            continue
        alt_id, gid, lang, name, pref, short, colloq, hist = cols[:8]
        start, end = (cols[8], cols[9]) if len(cols) == 10 else ("", "")
        bad = [f for f, v in (("alternateNameId", alt_id), ("geonameid", gid)) if not v.isdigit()]
        bad += [f for f, v in (("isPreferredName", pref), ("isShortName", short),
                               ("isColloquial", colloq), ("isHistoric", hist))
                if v not in ("", "0", "1")]
        if bad:
            sink.add(f"{where}: {bad[0]}: invalid value {dict(zip(_GEO_FIELDS, cols))[bad[0]]!r}")
            continue
        if lang in _NOT_NAMES:
            continue
        notes = [w for w, flag in (("short", short), ("colloquial", colloq), ("historic", hist))
                 if flag == "1"]
        if lang == "abbr":
            lang, notes = "", ["abbreviation", *notes]
        if start or end:
            notes.append(f"used {start or '?'} to {end or '?'}")
        try:
            rec = _alias(name, lang or None, source, "; ".join(notes) or None)
        except ValidationError as exc:
            sink.add(f"{where}: alternate name: {exc.errors()[0]['msg']}")
            continue
        groups.setdefault(gid, []).append((rec, pref == "1"))
    for gid, rows in groups.items():
        yield _geonames_record(gid, rows, canonical_lang)
    if problems is not None and problems is not sink:
        problems.extend(sink)


_GEO_FIELDS = ("alternateNameId", "geonameid", "isolanguage", "alternate name",
               "isPreferredName", "isShortName", "isColloquial", "isHistoric")


def _geonames_record(gid: str, rows: list[tuple[AliasRecord, bool]], lang: str) -> EntityRecord:
    def rank(item: tuple[int, tuple[AliasRecord, bool]]) -> tuple[int, int]:
        i, (a, preferred) = item
        historic = bool(a.note and "historic" in a.note)
        return (0 if a.lang == lang and preferred else 1 if a.lang == lang and not historic
                else 2 if a.lang is None and not historic else 3, i)
    canon = min(enumerate(rows), key=rank)[1][0].name
    seen: dict[tuple[str, str | None], AliasRecord] = {}
    for a, _ in rows:
        seen.setdefault((a.name, a.lang), a)
    return EntityRecord.model_construct(id=f"geonames-{gid}", type="place", canonical=canon,
                                        description=None, aliases=list(seen.values()),
                                        distinct=[], prior=1.0)


def read_geonames(path: str | Path, *, strict: bool = True, source: str = "geonames",
                  canonical_lang: str = "en", progress: bool = False) -> Imported:
    """Read a GeoNames ``alternateNames`` file (or an extract) into place records."""
    path = Path(path)
    problems = _Problems()
    records = list(iter_geonames(path, problems, source=source, canonical_lang=canonical_lang,
                                 progress=progress))
    return _finish(path, records, problems, strict)


def records_from(paths: Iterable[str | Path], *, progress: bool = False) -> list[EntityRecord]:
    """Records from several files, by extension: ``.json``/``.jsonl`` Wikidata, ``.txt`` GeoNames
    (``progress=True``: a bar of the bytes read on stderr, file by file)."""
    out: list[EntityRecord] = []
    for p in map(Path, paths):
        reader = read_geonames if p.suffix == ".txt" else read_wikidata
        out += reader(p, progress=progress).records
    return out
