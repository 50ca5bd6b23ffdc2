"""The list order "Surname, Given Names" read for a name known to be a person's.

The parser does not know what a name names, so it turns "Surname, Given" round only on
clear signs (the surname in capitals, a given name of the tables after the comma: see
:func:`resolver.names.comma_order.reorder_comma`), and otherwise keeps what stands before the comma
("Tripoli, Libya" is Tripoli). For a person, what follows one comma is the given names far
more often than anything else (``Randolph, Gena``; ``Bourguiba, Habib``; ``Okafor, Chidi
Emeka``), so the matcher reads it so (:func:`person_list_order`), unless it reads as a
description (a word in lower case that is no particle: ``Haftar, commander of the LNA``), as
a suffix (``John Smith, Jr.``, ``particles.yaml: name_suffixes``), or as a full name followed
by a place or a title (``Ahmed Ali, Cairo``: two words or more before the comma that are no
surname with its particles, and no listed given name after it).

>>> person_list_order("Randolph, Gena")
'Gena Randolph'
>>> person_list_order("Smith, John, Jr."), person_list_order("John Smith, Jr.")
(None, None)
>>> person_list_order("Haftar, commander of the LNA") is None
True
>>> person_list_order("BIN LADEN, Hamza bin Usama")
'Hamza bin Usama BIN LADEN'
>>> person_list_order("Ahmed Ali, Cairo"), person_list_order("García Márquez, Gabriel")
(None, 'Gabriel García Márquez')
"""

from __future__ import annotations

from functools import lru_cache

from .comma_order import MAX_LIST_GIVEN, MAX_LIST_SURNAME
from .diminutives import is_given_name
from .rules import rules

__all__ = ["person_list_order"]


def _particle(word: str) -> bool:
    r = rules()
    w = word.strip(".-'").lower()
    return (w in r.european or w in r.patronymic or w in r.articles_standalone
            or w in r.kunya or any(w.startswith(a + "-") for a in r.articles_prefixed))


@lru_cache(maxsize=16384)
def person_list_order(raw: str) -> str | None:
    """``raw`` written "Surname, Given Names" turned round to "Given Names Surname", or None
    when it has not exactly one comma, either side is empty or too long
    (:data:`~resolver.names.comma_order.MAX_LIST_SURNAME` words before,
    :data:`~resolver.names.comma_order.MAX_LIST_GIVEN` after), or the tail is a suffix or a
    description."""
    if raw.count(",") != 1:
        return None
    left, _, right = raw.partition(",")
    lw, rw = left.split(), right.split()
    if not (1 <= len(lw) <= MAX_LIST_SURNAME and 1 <= len(rw) <= MAX_LIST_GIVEN):
        return None
    if all(w.strip(".").lower() in rules().name_suffixes for w in rw):
        return None
    cased = any(c.isupper() for c in left)
    if cased and any(w[:1].islower() and not _particle(w) for w in rw):
        return None   # a description after the comma, not given names
    if (len(lw) > 1 and not left.isupper() and not all(_particle(w) for w in lw[:-1])
            and not is_given_name(rw[0].strip(".").lower())):
        return None   # a full name, then a place or a title: "Ahmed Ali, Cairo"
    return f"{right.strip()} {left.strip()}"

