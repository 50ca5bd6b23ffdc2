"""The shape of the package, read from its source with ``ast`` (nothing of it is imported,
except to check that the names of ``__all__`` exist).

- the import graph of ``resolver/`` has no cycle;
- no module is longer than :data:`MAX_LINES` lines;
- the layers of :data:`LAYERS`, lowest first: a module imports only from its own layer or
  a lower one;
- every public module declares ``__all__``, and ``resolver/py.typed`` exists;
- the test modules mirror ``resolver/`` with unique basenames and no ``__init__.py``.

Every import counts: at module level, inside functions and under ``if TYPE_CHECKING:``.
Relative imports are resolved. ``from pkg import name`` is an import of the module
``pkg.name`` when there is one, otherwise of ``pkg`` itself (its ``__init__``); importing a
package is an import of its ``__init__`` module, which sits in the package's layer. The
implicit import of parent packages (``import resolver.names.matcher`` runs
``resolver/__init__.py`` first) is not counted: it would make every module depend on the top.
Imports made by ``importlib.import_module`` (the lazy names of ``resolver/__init__.py``) are
not seen.

``python -m pytest tests/test_architecture.py -s`` (or ``python tests/test_architecture.py``)
prints the deepest import chain and which layer imports which.
"""

from __future__ import annotations

import ast
import importlib
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = "resolver"
SRC = ROOT / PACKAGE
TESTS = ROOT / "tests"
MAX_LINES = 420   # the guideline is about 400

# Lowest first. A layer is a tuple of the first components after "resolver." that it holds;
# "" is the package's own __init__ (the top: it may import anything).
LAYERS: tuple[tuple[str, ...], ...] = (
    ("paths", "version", "cache", "files", "parallel", "models"),
    ("names",),
    ("graph",),
    ("tables",),
    ("index",),
    ("text",),
    ("entities",),
    ("store",),
    ("clustering",),
    ("corpus",),
    ("cli",),
    ("",),
    ("spacy_component",),   # a spaCy pipeline component over the public API
)

# Modules known to break the layering, with the import that does: each is a strict xfail, so
# the fix turns it into an XPASS failure that asks for its removal from this table.
KNOWN_LAYER_BREAKS: dict[str, str] = {}


# -- reading the source -------------------------------------------------------------------
@cache
def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def is_package(name: str) -> bool:
    return modules()[name].name == "__init__.py"


def _absolute(module: str, level: int, target: str | None) -> str:
    """The absolute name of ``from <level dots><target> import ...`` written in ``module``."""
    if level == 0:
        return target or ""
    package = module if is_package(module) else module.rpartition(".")[0]
    base = package.rsplit(".", level - 1)[0] if level > 1 else package
    return f"{base}.{target}" if target else base


def imports_of(module: str) -> set[str]:
    """The modules of the package that ``module`` imports, anywhere in its source."""
    tree = ast.parse(modules()[module].read_text(encoding="utf-8"), str(modules()[module]))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, node.level, node.module)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in modules() else base)
    return {m for m in found if (m == PACKAGE or m.startswith(PACKAGE + ".")) and m != module}


@cache
def import_graph() -> dict[str, tuple[str, ...]]:
    """module -> the package modules it imports (sorted)."""
    return {m: tuple(sorted(imports_of(m))) for m in modules()}


# -- questions about the graph ------------------------------------------------------------
def find_cycle(graph: dict[str, tuple[str, ...]]) -> list[str] | None:
    """One import cycle as ``[a, b, ..., a]``, or None."""
    state: dict[str, int] = {}   # 1: on the current path, 2: done
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for n in graph.get(m, ()):
            if state.get(n) == 1:
                return path[path.index(n):] + [n]
            if n not in state and (cycle := visit(n)):
                return cycle
        path.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state and (cycle := visit(m)):
            return cycle
    return None


def deepest_chain(graph: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    """The longest chain of imports ``[a, b, c, ...]`` (a imports b, b imports c, ...) of an
    acyclic import graph; its length in modules is ``len(chain)``, in imports one less."""
    graph = import_graph() if graph is None else graph
    memo: dict[str, list[str]] = {}

    def longest(m: str) -> list[str]:
        if m not in memo:
            tails = [longest(n) for n in graph.get(m, ())]
            memo[m] = [m] + max(tails, key=len, default=[])
        return memo[m]

    return max((longest(m) for m in sorted(graph)), key=len, default=[])


def layer_of(module: str) -> int | None:
    """The index in :data:`LAYERS` of the layer holding ``module``, or None."""
    first = module.split(".")[1] if "." in module else ""
    for i, names in enumerate(LAYERS):
        if first in names:
            return i
    return None


def layer_name(i: int | None) -> str:
    if i is None:
        return "?"
    return "resolver/__init__" if LAYERS[i] == ("",) else "/".join(LAYERS[i])


def layer_imports(graph: dict[str, tuple[str, ...]] | None = None) -> Counter[tuple[str, str]]:
    """(importing layer, imported layer) -> number of module imports, between distinct layers."""
    graph = import_graph() if graph is None else graph
    return Counter((layer_name(layer_of(m)), layer_name(layer_of(n)))
                   for m, targets in graph.items() for n in targets
                   if layer_of(m) != layer_of(n))


def report() -> str:
    """The deepest import chain and the imports between layers, as text."""
    chain = deepest_chain()
    lines = [f"deepest import chain: {len(chain)} modules, {len(chain) - 1} imports",
             "  " + "\n  -> ".join(chain), "imports between layers (importer -> imported: count):"]
    lines += [f"  {a} -> {b}: {n}" for (a, b), n in sorted(layer_imports().items())]
    return "\n".join(lines)


# -- the tests ----------------------------------------------------------------------------
def test_the_graph_is_read_from_every_module():
    graph = import_graph()
    assert len(graph) >= 50 and "resolver.names.matcher" in graph
    # relative imports, imports in functions and package imports are all resolved
    assert "resolver.names.rules" in graph["resolver.names.normalise"]
    assert "resolver.text.annotator" in graph["resolver.entities.lookup"]      # in a function
    assert "resolver.tables.delimited" in graph["resolver.tables.io"]          # from . import x
    assert "resolver.graph" in graph["resolver.entities.resolver"]             # from .. import x
    assert "resolver.store.reader" in graph["resolver.store"]                  # an __init__
    unresolved = {(m, n) for m, targets in graph.items() for n in targets if n not in graph}
    assert not unresolved, f"imports of modules that do not exist: {sorted(unresolved)}"


def test_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_find_cycle_and_deepest_chain_on_small_graphs():
    assert find_cycle({"a": ("b",), "b": ("c",), "c": ("a",)}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": ("b", "c"), "b": ("c",), "c": ()}) is None
    assert deepest_chain({"a": ("b", "c"), "b": ("c",), "c": ("d",), "d": ()}) == \
        ["a", "b", "c", "d"]


def test_deepest_import_chain():
    chain = deepest_chain()
    graph = import_graph()
    assert len(chain) >= 2 and all(b in graph[a] for a, b in zip(chain, chain[1:]))
    print("\n" + report())


def test_no_module_is_too_long():
    long = {str(p.relative_to(ROOT)): n for p in modules().values()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines (split them): {long}"


def test_every_module_has_a_layer():
    assert not [m for m in modules() if layer_of(m) is None], \
        f"add these modules' packages to LAYERS: {[m for m in modules() if layer_of(m) is None]}"


def _layer_params():
    for m in sorted(modules()):
        marks = ([pytest.mark.xfail(reason=KNOWN_LAYER_BREAKS[m], strict=True)]
                 if m in KNOWN_LAYER_BREAKS else [])
        yield pytest.param(m, id=m, marks=marks)


@pytest.mark.parametrize("module", list(_layer_params()))
def test_module_imports_only_its_layer_or_lower(module):
    own = layer_of(module)
    above = [f"{n} ({layer_name(layer_of(n))})" for n in import_graph()[module]
             if layer_of(n) is None or own is None or layer_of(n) > own]
    assert not above, f"{module} ({layer_name(own)}) imports from a higher layer: {above}"


def _binds_public_names(tree: ast.Module) -> bool:
    """Whether a module defines or imports any name (a docstring-only __init__ binds none)."""
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
            return True
    return False


def _declares_all(tree: ast.Module) -> bool:
    for node in tree.body:
        targets = (node.targets if isinstance(node, ast.Assign)
                   else [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else [])
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            return True
    return False


def public_modules() -> list[str]:
    """Modules with no ``_``-prefixed component in their dotted name."""
    return [m for m in modules() if not any(part.startswith("_") for part in m.split("."))]


def test_every_public_module_declares_all():
    missing = []
    for m in public_modules():
        tree = ast.parse(modules()[m].read_text(encoding="utf-8"))
        if _binds_public_names(tree) and not _declares_all(tree):
            missing.append(m)
    assert not missing, f"public modules without __all__: {missing}"


@pytest.mark.parametrize("module", public_modules())
def test_names_in_all_exist(module):
    try:
        mod = importlib.import_module(module)
    except ImportError as exc:   # an optional dependency (e.g. dask) is not installed
        pytest.skip(f"{module} cannot be imported here: {exc}")
    names = getattr(mod, "__all__", [])
    assert len(names) == len(set(names)), f"{module}.__all__ repeats a name"
    undefined = [n for n in names if not hasattr(mod, n)]
    assert not undefined, f"{module}.__all__ names what it does not define: {undefined}"


def test_py_typed_marker_exists():
    assert (SRC / "py.typed").is_file()


def test_test_modules_mirror_the_package_with_unique_basenames():
    """pytest imports test modules by basename (no __init__.py under tests/): two modules
    with one basename would clash, so every basename is unique; each folder is a package."""
    files = sorted(TESTS.rglob("test_*.py"))
    names = Counter(p.name for p in files)
    assert not [n for n, k in names.items() if k > 1], f"repeated test basenames: {names}"
    assert not list(TESTS.rglob("__init__.py"))
    folders = {p.parent.relative_to(TESTS).parts[0] for p in files if p.parent != TESTS}
    assert folders <= {m.split(".")[1] for m in modules() if is_package(m) and "." in m}


if __name__ == "__main__":
    print(report())
