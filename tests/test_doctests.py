"""Every resolver module's doctests pass (one test per module), and so do the worked examples
of docs/matching.md and docs/graph.md."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import resolver


def _modules() -> list[str]:
    names = ["resolver"]
    for info in pkgutil.walk_packages(resolver.__path__, prefix="resolver."):
        names.append(info.name)
    return sorted(names)


MODULES = _modules()


def test_core_modules_are_found():
    for name in ("resolver.names.normalise", "resolver.names.script", "resolver.names.rules",
                 "resolver.names.phonetic", "resolver.names.matcher", "resolver.index.aliases",
                 "resolver.index.ranking", "resolver.graph", "resolver.models", "resolver.tables.io",
                 "resolver.entities.resolver", "resolver.text.annotator", "resolver.cli.names"):
        assert name in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests(name):
    try:
        module = importlib.import_module(name)
    except ImportError as exc:   # an optional dependency (e.g. dask) is not installed
        pytest.skip(f"{name} cannot be imported here: {exc}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
                             verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} doctests failed in {name}"


DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize("page", ["matching.md", "graph.md"])
def test_docs_examples(page, tmp_path, monkeypatch):
    """The worked examples of the docs are the library's real output (re-run them after tuning)."""
    monkeypatch.chdir(tmp_path)   # graph.md writes example files
    path = DOCS / page
    # code fences become blank lines, so that a fence does not read as expected output
    text = "\n".join("" if line.lstrip().startswith("```") else line
                     for line in path.read_text(encoding="utf-8").splitlines())
    test = doctest.DocTestParser().get_doctest(text, {"resolver": resolver}, page, str(path), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in docs/{page} differ"
