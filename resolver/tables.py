"""Reading and writing alias-table files, validated, with errors that name file, line and field.

Three formats, chosen by the file suffix (``docs/aliases.md``): YAML (``.yaml``/``.yml``,
curated tables with comments), TSV/CSV (``.tsv``/``.csv``, one alias per row) and JSONL
(``.jsonl``, one entity record per line); the last two live in :mod:`resolver.formats`.

A file is validated whole before anything from it is used: one bad record means the file
raises :class:`TableError` listing every problem as ``file:line: field: message``, and
nothing of it is loaded. Files over :data:`MAX_TABLE_BYTES` and lines over
:data:`MAX_LINE_CHARS` are refused. YAML is read with the safe loader only (no tags that
build objects) and anchors/aliases (``&x`` / ``*x``) are refused, so a small file cannot
expand into a huge one.

>>> from resolver.paths import data_dir
>>> recs = read_table(sorted((data_dir() / "aliases").glob("*.yaml"))[0])
>>> bool(recs) and all(r.canonical for r in recs)
True
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ValidationError

from .models import EntityRecord, TableFile

if TYPE_CHECKING:  # pragma: no cover
    from .core import Resolver

__all__ = ["TableError", "read_table", "write_table", "records_of", "table_format", "Conflict",
           "find_conflicts",
           "MAX_TABLE_BYTES", "MAX_LINE_CHARS", "FORMATS"]

MAX_TABLE_BYTES = 256 * 1024 * 1024
MAX_LINE_CHARS = 1024 * 1024
MAX_REPORTED = 1000          # errors kept per file (the count says how many there were)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: same rules
FORMATS = {".yaml": "yaml", ".yml": "yaml", ".tsv": "tsv", ".csv": "csv", ".jsonl": "jsonl",
           ".json": "json"}


class TableError(ValueError):
    """An alias table is invalid. ``errors`` holds one ``file:line: field: message`` per problem.

    >>> str(TableError("t.tsv", ["t.tsv:3: lang: bad code"])).splitlines()[1]
    't.tsv:3: lang: bad code'
    """

    def __init__(self, path: Path | str, errors: list[str]):
        self.path = str(path)
        self.errors = errors
        head = f"{path}: {len(errors)} error(s), nothing loaded from this file"
        super().__init__("\n".join([head, *errors[:50]]))


def error(path: Path | str, line: int | None, field: str, message: str) -> str:
    """One error line in the shared ``file:line: field: message`` form.

    >>> error("t.yaml", 4, "entities.0.type", "bad type")
    't.yaml:4: entities.0.type: bad type'
    """
    return f"{path}:{line if line is not None else '?'}: {field}: {message}"


def pydantic_message(err: dict[str, Any]) -> str:
    """A pydantic error message without pydantic's prefixes (``Value error, ...``)."""
    loc = tuple(err.get("loc", ()))
    if err.get("type") == "string_pattern_mismatch" and loc and loc[-1] == "lang":
        return f"{err.get('input')!r} is not a language code (ISO 639 / BCP-47: en, ar, fr-CA)"
    if err.get("type") == "string_pattern_mismatch" and loc and loc[-1] == "id":
        return f"{err.get('input')!r} is not an id (1-100 characters from A-Z a-z 0-9 _ . -)"
    return str(err["msg"]).removeprefix("Value error, ")


def table_format(path: str | Path) -> str:
    """The format of a table file from its suffix: ``yaml``, ``tsv``, ``csv``, ``jsonl`` or
    ``json`` (a node-link graph written by ``resolver aliases export --format json``).

    >>> table_format("people.TSV")
    'tsv'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise TableError(path, [error(path, 1, "file", f"unknown table format {suffix!r} "
                                      f"(expected one of {', '.join(sorted(FORMATS))})")])
    return FORMATS[suffix]


def _read_text(path: Path) -> str:
    """The file's text after the size, encoding and line-length checks."""
    size = path.stat().st_size
    if size > MAX_TABLE_BYTES:
        raise TableError(path, [error(path, 1, "file", f"{size} bytes is over the "
                                      f"{MAX_TABLE_BYTES}-byte limit; split the table")])
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise TableError(path, [error(path, line, "file", f"not UTF-8: {exc.reason}")]) from None
    text = text.removeprefix("\ufeff")
    errors = [error(path, i, "line", f"{len(line)} characters is over the "
                    f"{MAX_LINE_CHARS}-character line limit")
              for i, line in enumerate(text.split("\n"), 1) if len(line) > MAX_LINE_CHARS]
    if errors:
        raise TableError(path, errors[:MAX_REPORTED])
    return text


def read_table(path: str | Path) -> list[EntityRecord]:
    """Read and validate one alias table (format from the suffix).

    Raises :class:`TableError` listing every problem of the file, or ``OSError``.
    """
    path = Path(path)
    fmt = table_format(path)
    text = _read_text(path)
    if fmt == "yaml":
        return _read_yaml(path, text)
    from . import formats
    if fmt == "json":
        return formats.read_store(path, text)
    return formats.read_jsonl(path, text) if fmt == "jsonl" else formats.read_delimited(
        path, text, fmt)


# -- YAML --------------------------------------------------------------------------------------
def _line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """Follow a pydantic error location through the YAML node tree to a 1-based line."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            nxt = node.value[key]
        else:
            nxt = None
        if nxt is None:
            break
        node = nxt
        line = node.start_mark.line + 1
    return line


def _alias_errors(path: Path, text: str) -> list[str]:
    """One error per YAML alias (``*name``): anchors and aliases are refused."""
    out = []
    for ev in yaml.parse(text, Loader=_LOADER):
        if isinstance(ev, yaml.AliasEvent):
            out.append(error(path, ev.start_mark.line + 1, "yaml", "YAML anchors and aliases "
                             "(&name / *name) are not allowed in alias tables"))
            if len(out) >= MAX_REPORTED:
                break
    return out


def _read_yaml(path: Path, text: str) -> list[EntityRecord]:
    loader = _LOADER(text)
    try:
        aliases = _alias_errors(path, text)
        if aliases:
            raise TableError(path, aliases)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise TableError(path, [error(path, line, "yaml",
                                      f"not valid YAML: {getattr(exc, 'problem', exc)}")]) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise TableError(path, [error(path, 1, "file",
                                      "the file must be a mapping with an 'entities' list")])
    errors: list[tuple[int, str]] = []
    try:
        table = TableFile.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            line = _line_of(node, loc)
            field = ".".join(str(x) for x in loc)
            errors.append((line or 0, error(path, line, field, pydantic_message(err))))
        table = None
    entities = data.get("entities")
    if isinstance(entities, list):
        seen: dict[str, int] = {}
        for i, rec in enumerate(entities):
            rid = rec.get("id") if isinstance(rec, dict) else None
            if isinstance(rid, str) and rid in seen:
                line = _line_of(node, ("entities", i, "id")) or 0
                first = _line_of(node, ("entities", seen[rid], "id"))
                errors.append((line, error(path, line, f"entities.{i}.id",
                                           f"duplicate id {rid!r} (first at line {first})")))
            elif isinstance(rid, str):
                seen[rid] = i
    if errors or table is None:
        errors.sort(key=lambda e: e[0])
        raise TableError(path, [e for _, e in errors[:MAX_REPORTED]])
    if table.source:
        for rec in table.entities:
            for alias in rec.aliases:
                if alias.source is None:
                    alias.source = table.source
    return table.entities


# -- writing -----------------------------------------------------------------------------------
def records_of(resolver: Resolver) -> list[EntityRecord]:
    """The resolver's live entities as table records (aliases with source and language,
    distinct pairs, priors), in the order they were added. Merged-away entities are left out.

    >>> from resolver import Resolver
    >>> r = Resolver(); r.add_entity("x", "Xavier", aliases=["Xav"])
    >>> [a.name for a in records_of(r)[0].aliases]
    ['Xavier', 'Xav']
    """
    from . import graph as G
    from .models import AliasRecord
    g = resolver.graph
    out = []
    for eid in resolver.index.entity_ids:
        if eid not in g or g.nodes[eid].get("kind") != "entity" or g.nodes[eid].get("merged_into"):
            continue
        attrs = g.nodes[eid]
        aliases = [AliasRecord(name=g.nodes[u]["text"], source=d.get("source") or None,
                               lang=d.get("lang") or None)
                   for u, _, k, d in g.in_edges(eid, keys=True, data=True) if k == "alias"]
        out.append(EntityRecord(id=eid, type=attrs["type"], canonical=attrs["canonical"],
                                aliases=aliases, distinct=sorted(G.distinct_of(g, eid)),
                                prior=attrs.get("prior", 1.0)))
    return out


def _yaml_text(records: list[EntityRecord]) -> str:
    ents = []
    for rec in records:
        d: dict[str, Any] = {"id": rec.id, "type": rec.type, "canonical": rec.canonical}
        d["aliases"] = [a.name if a.source is None and a.lang is None and a.note is None
                        else a.model_dump(exclude_none=True) for a in rec.aliases]
        if rec.distinct:
            d["distinct"] = list(rec.distinct)
        if rec.prior != 1.0:
            d["prior"] = rec.prior
        ents.append(d)
    head = "# alias table written by resolver (see docs/aliases.md)\n"
    return head + yaml.safe_dump({"entities": ents}, allow_unicode=True, sort_keys=False,
                                 width=1000)


def write_table(resolver: Resolver, path: str | Path, *, format: str | None = None) -> None:
    """Write the resolver's entities to an alias table, atomically (write, then rename).

    ``format`` is ``yaml``, ``tsv``, ``csv`` or ``jsonl`` (default: from the suffix).
    Reading the file back gives the same entities, aliases, languages, sources and priors.
    """
    from . import formats
    from .graph import atomic_write
    fmt = format or table_format(path)
    records = records_of(resolver)
    if fmt == "yaml":
        text = _yaml_text(records)
    elif fmt == "jsonl":
        text = formats.jsonl_text(records)
    elif fmt in ("tsv", "csv"):
        text = formats.delimited_text(records, fmt)
    else:
        raise ValueError(f"unknown table format {fmt!r} (expected yaml, tsv, csv or jsonl)")
    atomic_write(path, lambda fh: fh.write(text))


# -- conflicts ---------------------------------------------------------------------------------
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


def find_conflicts(resolver: Resolver) -> list[Conflict]:
    """Spellings claimed by several entities, and aliases the matcher places elsewhere.

    >>> from resolver import Resolver
    >>> r = Resolver()
    >>> r.add_entity("tripoli-libya", "Tripoli", type="place")
    >>> r.add_entity("tripoli-lebanon", "Tripoli, Lebanon", aliases=["Tripoli"], type="place",
    ...              prior=0.3)
    >>> [c.message for c in find_conflicts(r)]
    ["'Tripoli' is an alias of tripoli-libya (prior 1.0), tripoli-lebanon (prior 0.3)"]
    """
    from .matcher import compare_names
    from .normalise import parse_name
    ix, out = resolver.index, []
    groups: dict[str, list[int]] = {}
    for a, e in enumerate(ix.alias_entity):
        if e >= 0 and ix.alias_norm[a]:
            groups.setdefault(ix.alias_norm[a], []).append(a)
    for norm, ids in groups.items():
        ents = list(dict.fromkeys(ix.alias_entity[a] for a in ids))
        if len(ents) > 1:
            ents.sort(key=lambda e: (-ix.priors[e], ix.entity_ids[e]))
            pairs = [(ix.entity_ids[e], ix.priors[e]) for e in ents]
            out.append(Conflict(kind="shared", name=ix.alias_text[ids[0]], entities=pairs,
                                message=f"{ix.alias_text[ids[0]]!r} is an alias of " + ", ".join(
                                    f"{i} (prior {p})" for i, p in pairs)))
    for a, e in enumerate(ix.alias_entity):
        if e < 0 or not ix.alias_norm[a]:
            continue
        q = parse_name(ix.alias_text[a])
        if not q.parts or all(q.acronym):
            continue
        sharing = {ix.alias_entity[x] for x in groups.get(ix.alias_norm[a], ())}
        own, other = 0.0, (0.0, -1, -1)
        for c in ix.candidate_ids(q):
            ce = ix.alias_entity[c]
            if c == a or ce < 0 or (ce != e and ce in sharing):
                continue
            s = compare_names(q, ix.parsed_alias(c), ix.types[ce]).score
            if ce == e:
                own = max(own, s)
            elif s > other[0]:
                other = (s, ce, c)
        if other[0] >= resolver.threshold and other[0] > own:
            oid, text = ix.entity_ids[other[1]], ix.alias_text[a]
            out.append(Conflict(
                kind="better-elsewhere", name=text,
                entities=[(ix.entity_ids[e], round(own, 4)), (oid, round(other[0], 4))],
                message=f"{text!r} (alias of {ix.entity_ids[e]}) matches {oid} better: "
                        f"{other[0]:.2f} with {ix.alias_text[other[2]]!r}, against {own:.2f} "
                        f"with its own other names"))
    return out
