"""Issue 11, rules added after the fifth held-out set's first run (each case written for its
rule in ``tests/data/mention_cases_h5.tsv``, none taken from a held-out set): a match by sound
through an Arabic-script alias needs a Latin-script name of the entity alike; an adjective of
relation (nisba: "al-Sudani", "Zintani") is no place; a line break after a headline in capitals
ends the run; a natural-feature noun makes a compound a name of its own ("Murzuk-Becken");
Arabic verbs after قد / لم / لن / سوف and colour adjectives after a definite noun are no
names; a person named by given names only is of the family of the tables' name ("Saif
al-Islam" is a Gaddafi), and a given name alone after a full name is that person."""

from __future__ import annotations

import pytest
from annotated import check_case, mention_cases

CASES = mention_cases("mention_cases_h5.tsv", 4)


@pytest.mark.parametrize("case,text,name,expected", CASES, ids=[c[0] for c in CASES])
def test_rule_cases(default, case, text, name, expected):
    check_case(default, text, name, expected)
