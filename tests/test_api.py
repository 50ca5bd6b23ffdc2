"""The package's own API (resolver/__init__.py): the issue's five examples, the module
functions over the bundled tables, and the public names."""

from __future__ import annotations

import pytest

import resolver


@pytest.mark.parametrize("query,want", [
    ("Hiftar", "Khalifa Haftar"),
    ("Fayez al-Serraj", "Fayez al-Sarraj"),
    ("حفتر", "Khalifa Haftar"),
    ("Saddam Haftar", None),
    ("Zorblat Quimby", None),
])
def test_issue_examples(query, want):
    assert resolver.canonical(query) == want


def test_module_functions_use_the_default_resolver(default):
    assert resolver.default_resolver() is default
    assert resolver.resolve("Hiftar") == default.resolve("Hiftar")
    assert resolver.candidates("Gaddafi") == default.candidates("Gaddafi")
    assert resolver.normalise("Gen. Khalifa Hiftar's") == "khalifa hiftar"
    assert resolver.candidates("Gaddafi", limit=1)[0].entity_id == "muammar-gaddafi"


def test_public_api_names():
    for name in ("canonical", "resolve", "candidates", "cluster", "normalise", "Resolver", "Match",
                 "DEFAULT_THRESHOLD"):
        assert name in resolver.__all__ and hasattr(resolver, name)


def test_module_cluster_groups_names():
    names = ["Hifter", "Hiftar", "Haftar", "Serraj", "Sarraj", "Gadhafi", "Qaddafi", "Kadhafi"]
    groups = resolver.cluster(names)
    assert sorted(sorted(g) for g in groups) == sorted([
        sorted(["Hifter", "Hiftar", "Haftar"]), sorted(["Serraj", "Sarraj"]),
        sorted(["Gadhafi", "Qaddafi", "Kadhafi"])])
