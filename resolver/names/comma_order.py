"""Watch-list order "SURNAME, Given Names" read back to "Given Names SURNAME" on clear signs,
before a name is parsed (the parser does not know yet what the name names; for a name known to
be a person's, :func:`resolver.names.list_order.person_list_order` reads one comma more freely).

>>> reorder_comma("HAFTAR, Khalifa")
'Khalifa HAFTAR'
"""

from __future__ import annotations

from unidecode import unidecode

from .given_table import is_listed_given_name
from .rules import rules

__all__ = ["MAX_LIST_GIVEN", "MAX_LIST_SURNAME", "reorder_comma"]

MAX_LIST_SURNAME = 4       # "SURNAME, Given": at most this many words before the comma
MAX_LIST_GIVEN = 6         # ... and after it (Hamza bin Usama bin Muhammad)


def reorder_comma(text: str) -> str:
    """Watch-list order "SURNAME, Given Names" back to "Given Names SURNAME": when the part
    before the comma is in capitals and the part after is not (HAFTAR, Khalifa; AL BEN ALI,
    Isa Ben Tarif; BIN LADEN, Hamza bin Usama), or when the part after the comma starts with
    a given name of the tables (``given_names.yaml``, ``diminutives.yaml``: Bourguiba, Habib;
    Putin, Vladimir) or holds an initial (Frost, William W.).
    Otherwise what follows the comma qualifies the name and is dropped ("Tripoli, Libya").

    >>> reorder_comma("AL BEN ALI, Isa Ben Tarif"), reorder_comma("Frost, William W."), reorder_comma("Tripoli, Libya")
    ('Isa Ben Tarif AL BEN ALI', 'William W. Frost', 'Tripoli')
    >>> reorder_comma("Putin, Vladimir")
    'Vladimir Putin'
    """
    if "," not in text:
        return text
    left, _, right = text.partition(",")
    left, right = left.strip(), right.strip()
    if not (left and right) or "," in right:
        return left or right
    lw, rw = left.split(), right.split()
    caps_left = left.isupper() and not right.isupper() and len(lw) <= MAX_LIST_SURNAME
    first = _first_word(rw[0])
    given = rules().given_group(first) is not None or is_listed_given_name(first)
    initial = any(len(w.strip(".")) == 1 and w[:1].isalpha() for w in rw)
    if len(rw) <= MAX_LIST_GIVEN and (caps_left or (len(lw) <= 2 and (given or initial))):
        return f"{right} {left}"
    return left


def _first_word(word: str) -> str:
    return "".join(c for c in unidecode(word).lower() if c.isalpha())
