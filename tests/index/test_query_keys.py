"""``query_keys`` is assembled from per-word pieces kept in caches
(:mod:`resolver.index.name_keys`): it must give the keys, kinds and order of the plain
definition below (each key once, with its first kind), for any name (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resolver.index.aliases import query_keys
from resolver.index.name_keys import (
    ACRONYM_KEY,
    INITIALS_KEY,
    MAX_DELETION_KEY,
    ORGANISATION_KEY,
    SLIP_ONE_WORD,
    _halves,
    _primary,
    _slip_head,
    initials_of,
    unglued,
)
from resolver.index.prefilter import INITIALS, KEY, LONE_WORD, NEAR, PART, SLIP, WORD
from resolver.names.diminutives import is_given_name
from resolver.names.normalise import ParsedName, parse_name
from resolver.names.org_parse import word_table
from resolver.names.phonetic import keys
from resolver.names.slips import after_slipped_article


def _deletions(key: str) -> list[str]:
    if not 3 <= len(key) <= MAX_DELETION_KEY:
        return []
    return [key[:i] + key[i + 1:] for i in range(len(key))]


def reference(q: ParsedName) -> list[tuple[str, int]]:
    """The keys of a query, written out plainly (no caches)."""
    if not q.parts:
        return []
    own = list(keys(q.parts[-1]))
    near = own[:2]
    rest = after_slipped_article(q.parts[-1])   # xal-Sarraj: Sarraj too
    own += keys(rest) if rest is not None else []
    if len(q.parts) > 1:
        whole = _primary(q.normalised.replace(" ", "").replace("-", ""))
        own.append(whole)
        near.append(whole)
    out = [(k, KEY) for k in own]
    if len(q.parts) > 1:
        out += [(k, PART) for p in q.parts[:-1] for k in keys(p)]
        for p in q.parts:   # each word's key, and its table word's (zavod: plant)
            out.append((ORGANISATION_KEY + keys(p)[0], WORD))
            line = word_table().get(p.replace("-", ""))
            if line is not None and line != p:
                out.append((ORGANISATION_KEY + _primary(line.replace(" ", "")), WORD))
    out += [(d, NEAR) for k in near for d in _deletions(k)]
    slip = own[0]
    if len(slip) >= (3 if len(q.parts) > 1 else SLIP_ONE_WORD):
        head = _slip_head(q.parts)
        out += [(k, SLIP) for n in (len(slip), len(slip) - 1, len(slip) + 1)
                for k in _halves(head, slip, n, n == len(slip))]
    if len(q.parts) == 1:
        if q.acronym[0]:
            out.append((INITIALS_KEY + q.parts[0], INITIALS))
        elif not is_given_name(q.parts[0]):
            stem = unglued(q.parts[0])
            if stem is not None:
                out.append((ORGANISATION_KEY + keys(stem)[0], WORD))
        out.append((ORGANISATION_KEY + own[0], LONE_WORD))
    else:
        out += [(ACRONYM_KEY + x, INITIALS) for x in initials_of(q.parts)]
        out += [(INITIALS_KEY + p, INITIALS) for p, acronym in zip(q.parts, q.acronym)
                if acronym and 2 <= len(p) <= 8 and p.isalpha()]
    first: dict[str, int] = {}
    for k, kind in out:
        first.setdefault(k, kind)
    return list(first.items())


WRITTEN = ["Khalifa Hiftar", "Abd-al Rahman al-Sarraj", "LNA", "U.N.", "SiemensAG", "Vanessa",
           "Libyan National Army", "ABC Co.", "Ben-Ali", "Abdel-Fattah el-Sisi", "Ao", "Ai Wu",
           "Essebsi", "Fayez xal-Sarraj", "Banque Misr", "Muromskii Zavod", "ek-Sisi", "Gazprom OAO", "Hans Friedrich", "Unknown Person17", "Macron"]
word = st.text("abcdeghiklmnoqrstuyz-", min_size=1, max_size=10).map(str.title)
name = st.one_of(st.sampled_from(WRITTEN), st.lists(word, min_size=1, max_size=4).map(" ".join),
                 st.text("ABLNSU.", min_size=2, max_size=6))


@settings(max_examples=400, deadline=None)
@given(name)
def test_query_keys_equal_the_plain_definition(text: str) -> None:
    q = parse_name(text)
    assert query_keys(q) == reference(q)
    assert query_keys(q) == reference(q)   # asked again: from the caches


def test_a_hyphened_first_part_keeps_its_own_slip_head() -> None:
    q = parse_name("Abd-al Rahman")
    assert [k for k, kind in query_keys(q) if kind == SLIP][0].startswith(_slip_head(q.parts))
