"""Alias-table files <-> validated records (YAML, TSV/CSV, JSONL, node-link JSON), with errors
that name file, line and field; importers for Wikidata and GeoNames. Never imports a
resolver."""

__all__: list[str] = []
