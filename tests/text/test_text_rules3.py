"""Issue 11, rules added after the third held-out set's first run (each case written for its
rule in ``tests/data/mention_cases_h3.tsv``, none taken from a held-out set): an Arabic state
named with العاصمة is its capital, آل makes a two-word family name, fixed expressions with a
place name, a port names its place, a shorter word is no spelling of a longer name, and
headlines in capitals (a line break ends one; a given name or an institution noun before a
known name makes a longer name there too), a known name opening a run before a person's
name, and a kin word ("the younger Deby") deciding a shared surname where the text marks its
members as parent or child."""

from __future__ import annotations

import pytest
from annotated import check_case, mention_cases

CASES = mention_cases("mention_cases_h3.tsv", 4)


@pytest.mark.parametrize("case,text,name,expected", CASES, ids=[c[0] for c in CASES])
def test_rule_cases(default, case, text, name, expected):
    check_case(default, text, name, expected)
