"""Every command and sub-action has a description and examples in its --help, written as
plain text (no RST markup); the examples parse; ``resolver --version``; one spelling of the
Dask extra everywhere."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

import pytest

import resolver
from resolver.cli.main import DASK_EXTRA, build_parser, main

COMMANDS = {"canonical", "resolve", "candidates", "normalise", "explain", "cluster", "corpus",
            "aliases"}
ACTIONS = {"validate", "add", "remove", "merge", "split", "distinct", "history", "undo",
           "export", "conflicts"}


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    for name, p in _subparsers(parser).items():
        yield (*path, name), p
        yield from _walk(p, (*path, name))


PARSERS = dict(_walk(build_parser()))


def _examples(p: argparse.ArgumentParser) -> list[str]:
    lines = (p.epilog or "").splitlines()
    assert lines and lines[0] in ("example:", "examples:"), lines
    return [line.strip() for line in lines[1:]]


def test_every_command_and_action_is_walked() -> None:
    assert {path[0] for path in PARSERS} == COMMANDS
    assert {path[1] for path in PARSERS if len(path) == 2} == ACTIONS


@pytest.mark.parametrize("path", sorted(PARSERS), ids=" ".join)
def test_help_has_description_and_examples(path: tuple[str, ...]) -> None:
    p = PARSERS[path]
    assert p.description and p.description.strip()
    assert p.formatter_class is argparse.RawDescriptionHelpFormatter
    examples = _examples(p)
    assert examples and all(f"resolver {' '.join(path)}" in e for e in examples)
    text = p.format_help()
    assert "example" in text and p.description.splitlines()[0] in text
    assert "``" not in text and ":func:" not in text and ":class:" not in text


@pytest.mark.parametrize("path", sorted(PARSERS), ids=" ".join)
def test_examples_parse(path: tuple[str, ...]) -> None:
    """Each example is a command line the parser accepts (pipes and comments set aside)."""
    parser = build_parser()
    for example in _examples(PARSERS[path]):
        line = example.split("|")[-1].split("  #")[0]
        argv = shlex.split(line)[1:]
        if "ACTION" in argv or "--help" in argv:
            continue
        args = parser.parse_args(argv)
        assert callable(args.func)


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"resolver {resolver.__version__}\n" == "resolver 0.1.0\n"


def test_top_level_help_lists_every_command() -> None:
    text = build_parser().format_help()
    assert "--version" in text and "example" in text
    for name in COMMANDS:
        assert name in text


def test_dask_extra_named_as_in_the_readme(capsys) -> None:
    assert DASK_EXTRA == 'pip install -e ".[dask]"'
    readme = Path(resolver.__file__).resolve().parents[1] / "README.md"
    assert DASK_EXTRA in open(readme, encoding="utf-8").read()
    for p in PARSERS.values():
        assert "resolver[dask]" not in p.format_help()
    assert DASK_EXTRA in PARSERS[("corpus",)].format_help()
