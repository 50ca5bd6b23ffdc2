"""Every example in README.md and docs/*.md runs.

- ```python blocks: run in order, one namespace per page (a later block may use what an
  earlier one defined), in a temporary folder holding ``data/`` (the repository's), the
  files the docs name as the reader's own (``my_aliases.yaml`` and ``my-table.yaml``: the
  example table of docs/aliases.md; ``names.txt``) and, for pages that read it, ``out/``
  from ``resolver corpus data/corpus --out out/``. A block of ``>>>`` lines runs as a
  doctest (its output is checked); any other block runs as a script. A block opts out only
  with ``# not run: <reason>`` on its first line, and every opt-out is listed in
  :data:`OPTED_OUT` (so a new one fails this test until it is listed); a block whose first
  line is ``# requires: MODULE`` is skipped, with that reason, when MODULE is not installed.
- ```bash blocks: every line starting with ``resolver `` whose command is safe (reads only,
  or writes only into the temporary folder) runs through the CLI entry point in a
  subprocess with a timeout and must exit 0.
- Alias tables: every ```yaml / ```tsv / ```csv / ```jsonl block of docs/aliases.md that
  is a table must pass ``resolver aliases validate`` as a file with that suffix.
"""

from __future__ import annotations

import doctest
import importlib.util
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# (page, reason): every ```python block that opts out, on purpose
OPTED_OUT = [
    ("docs/corpus.md", ("needs a running Dask scheduler (tests/test_dask.py runs the same "
                        "calls on a LocalCluster)")),
]

# CLI commands run from ```bash blocks: they read, or write only under the temporary folder
SAFE = {("canonical",), ("resolve",), ("candidates",), ("normalise",), ("explain",),
        ("cluster",), ("corpus",), ("aliases", "validate"), ("aliases", "conflicts")}
TABLE_TAGS = {"yaml": ".yaml", "tsv": ".tsv", "csv": ".csv", "jsonl": ".jsonl"}

_FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<tag>[\w+-]*)\s*$")


@dataclass
class Block:
    page: str       # path relative to the repository
    line: int       # line of the opening fence (1-based)
    tag: str
    code: str

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"

    @property
    def first(self) -> str:
        return self.code.lstrip().split("\n", 1)[0].strip()


def blocks(path: Path) -> list[Block]:
    """The fenced code blocks of a Markdown file (indented fences too, dedented)."""
    out: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, start = len(m["indent"]), i
        body: list[str] = []
        i += 1
        while i < len(lines) and not re.match(r"^[ \t]*```\s*$", lines[i]):
            body.append(lines[i][indent:] if lines[i][:indent].isspace() else lines[i])
            i += 1
        out.append(Block(str(path.relative_to(ROOT)), start + 1, m["tag"], "\n".join(body) + "\n"))
        i += 1
    return out


ALL = [b for p in PAGES for b in blocks(p)]
PYTHON = [b for b in ALL if b.tag == "python"]


def _opt_out(b: Block) -> str | None:
    m = re.match(r"#\s*not run:\s*(.+)", b.first)
    return m.group(1).strip() if m else None


def _cli_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}


def _example_table() -> str:
    """The YAML alias-table example of docs/aliases.md (the reader's ``my_aliases.yaml``)."""
    return next(b.code for b in blocks(ROOT / "docs" / "aliases.md")
                if b.tag == "yaml" and "entities" in (yaml.safe_load(b.code) or {}))


@pytest.fixture()
def workspace(tmp_path, monkeypatch):
    """A folder laid out like a reader's: data/, their own table, a names file."""
    (tmp_path / "data").symlink_to(ROOT / "data", target_is_directory=True)
    table = _example_table()
    (tmp_path / "my_aliases.yaml").write_text(table, encoding="utf-8")
    (tmp_path / "my-table.yaml").write_text(table, encoding="utf-8")
    (tmp_path / "names.txt").write_text("Hifter\nHiftar\nHaftar\nSerraj\nSarraj\n",
                                        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _corpus_run(where: Path) -> None:
    from resolver.cli.main import main
    assert main(["corpus", "data/corpus", "--out", str(where / "out"), "--no-progress"]) == 0


# -- python -------------------------------------------------------------------------------
def _run_python(b: Block, ns: dict) -> None:
    if ">>>" in b.code:
        test = doctest.DocTestParser().get_doctest(b.code, ns, b.where, b.page, b.line)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        runner.run(test, clear_globs=False)
        ns.update(test.globs)           # DocTest ran on a copy: later blocks see its names
        result = runner.summarize(verbose=False)
        assert result.failed == 0, f"{b.where}: {result.failed} of {result.attempted} examples differ"
        return
    try:
        exec(compile(b.code, b.where, "exec"), ns)  # noqa: S102 - the docs' own examples
    except Exception as exc:
        raise AssertionError(f"the ```python block at {b.where} fails: "
                             f"{type(exc).__name__}: {exc}") from exc


PY_PAGES = sorted({b.page for b in PYTHON})


@pytest.mark.parametrize("page", PY_PAGES)
def test_python_blocks_run(page, workspace, capsys):
    page_blocks = [b for b in PYTHON if b.page == page]
    if any("out/" in b.code for b in page_blocks):
        _corpus_run(workspace)
    ns: dict = {"__name__": "__docs__"}
    ran = 0
    for b in page_blocks:
        if _opt_out(b) is None and _requires(b) is None:   # those run in the tests below
            _run_python(b, ns)
            ran += 1
    capsys.readouterr()
    if ran == 0:
        pytest.skip(f"{page}: every block opts out or needs an optional module "
                    f"(test_blocks_needing_optional_modules)")


def _requires(b: Block) -> str | None:
    m = re.match(r"#\s*requires:\s*([\w.]+)", b.first)
    return m.group(1) if m else None


OPTIONAL = [b for b in PYTHON if _requires(b) and _opt_out(b) is None]


@pytest.mark.parametrize("block", OPTIONAL, ids=[b.where for b in OPTIONAL])
def test_blocks_needing_optional_modules(block, workspace, capsys):
    """A block marked ``# requires: MODULE`` runs on its own when MODULE is installed."""
    module = _requires(block)
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{block.where} needs {module}, which is not installed (an optional "
                    f"dependency the docs show a recipe for)")
    _run_python(block, {"__name__": "__docs__"})
    capsys.readouterr()


def test_opt_outs_are_listed():
    found = [(b.page, _opt_out(b)) for b in PYTHON if _opt_out(b) is not None]
    assert found == OPTED_OUT, ("a ```python block opts out with '# not run:'; list it in "
                                "OPTED_OUT (or make it run)")
    assert len(PYTHON) - len(found) >= 10     # the examples that do run


def test_fences_are_balanced():
    for page in PAGES:
        fences = [line for line in page.read_text(encoding="utf-8").splitlines()
                  if line.lstrip().startswith("```")]
        assert len(fences) % 2 == 0, f"{page.name}: an unclosed ``` fence"


# -- bash ---------------------------------------------------------------------------------
def _commands() -> list[tuple[str, list[str]]]:
    out = []
    for b in ALL:
        if b.tag not in ("bash", "sh", "shell", "console"):
            continue
        for k, line in enumerate(b.code.splitlines()):
            line = line.strip()
            line = line.removeprefix("$ ")
            if not line.startswith("resolver "):
                continue
            argv = shlex.split(line, comments=True)[1:]
            if tuple(argv[:2]) in SAFE or tuple(argv[:1]) in SAFE:
                out.append((f"{b.page}:{b.line + 1 + k}", argv))
    return out


COMMANDS = _commands()


def test_commands_found():
    assert len(COMMANDS) >= 5
    kinds = {a[0] for _, a in COMMANDS}
    assert {"canonical", "resolve", "explain", "aliases"} <= kinds


@pytest.mark.parametrize("where, argv", COMMANDS, ids=[w for w, _ in COMMANDS])
def test_bash_commands_run(where, argv, workspace):
    for i, a in enumerate(argv):        # outputs go into the temporary folder only
        if i and argv[i - 1] in ("--out", "-o"):
            assert not Path(a).is_absolute() and ".." not in Path(a).parts, where
    run = subprocess.run([sys.executable, "-m", "resolver.cli.main", *argv], cwd=workspace,
                         env=_cli_env(), capture_output=True, text=True, timeout=60,
                         check=False)
    assert run.returncode == 0, f"{where}: resolver {shlex.join(argv)} exited " \
                                f"{run.returncode}\n{run.stderr[-2000:]}"
    assert run.stdout or run.stderr or argv[0] == "corpus"


# -- alias tables -------------------------------------------------------------------------
def _tables() -> list[Block]:
    out = []
    for b in blocks(ROOT / "docs" / "aliases.md"):
        if b.tag not in TABLE_TAGS:
            continue
        if b.tag == "yaml":
            doc = yaml.safe_load(b.code)
            if not (isinstance(doc, dict) and "entities" in doc):
                continue           # a CI snippet, not a table
        out.append(b)
    return out


TABLES = _tables()


def test_table_examples_found():
    assert {b.tag for b in TABLES} >= {"yaml", "tsv"}


@pytest.mark.parametrize("block", TABLES, ids=[f"{b.tag}@{b.where}" for b in TABLES])
def test_table_examples_validate(block, tmp_path, capsys):
    from resolver.cli.main import main
    path = tmp_path / f"example{TABLE_TAGS[block.tag]}"
    path.write_text(block.code, encoding="utf-8")
    code = main(["aliases", "validate", str(path)])
    err = capsys.readouterr().err
    assert code == 0, f"the {block.tag} table at {block.where} does not validate:\n{err}"
