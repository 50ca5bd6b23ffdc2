"""How often an ordinary word resolves to an entity of the bundled tables (issue 9).

Usage (from the repository root)::

    python benchmarks/common_words.py [--top 20000] [--langs en,de,fr,it,es] [--show N]

The words are ``wordfreq.top_n_list(lang, N)`` for each language (the most frequent first),
title-cased as a name would be written; words of one letter and words with a digit are
skipped, and so are repeats within a language after title-casing. Each word is passed to
``resolver.resolve`` and ``resolver.canonical`` (the bundled tables, default threshold); a
word "resolves" when it gets an answer. The target is at most 0.1 % of the words.

A word that is itself an alias of the tables as written (compared case-insensitively with the
alias strings, e.g. *Libya*, *Deutschland*) and resolves to that alias's entity resolves
legitimately: those are counted and listed apart, not hidden (a star marks the ones whose alias
differs in letter case, e.g. *Us* for U.S.). Every other answer is an offender, including an
alias word answered with another entity; the share that matters is offenders among the words
less the legitimate ones. ``--show N`` lists the N most frequent offenders with the entity,
match method, score and explanation; the script also counts the match methods and the
entities that attract the most offenders.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import wordfreq

import resolver

LANGS = ("en", "de", "fr", "it", "es")
TARGET = 0.001


@dataclass
class Hit:
    lang: str
    rank: int          # 1 = most frequent word of the language
    word: str
    entity: str
    type: str
    method: str
    score: float
    alias: str
    explain: str
    is_alias: bool     # the word is an alias as written (case-insensitively) ...
    owner: bool        # ... of the entity it resolved to
    case_only: bool    # the alias differs from the word in letter case (US / Us)

    @property
    def legit(self) -> bool:
        return self.is_alias and self.owner


def words(lang: str, top: int) -> list[tuple[int, str]]:
    """(frequency rank, title-cased word) for the ``top`` most frequent words of ``lang``."""
    out, seen = [], set()
    for rank, w in enumerate(wordfreq.top_n_list(lang, top), 1):
        if len(w) < 2 or any(c.isdigit() for c in w):
            continue
        t = w.title()
        if t not in seen:
            seen.add(t)
            out.append((rank, t))
    return out


def alias_kind(alias: str) -> str:
    """A coarse class of the alias a word matched: vowel-less script, short, or other."""
    p = resolver.parse_name(alias)
    if any(p.vowelless):
        return "Arabic script (vowels not written)"
    if len(p.normalised.replace(" ", "").replace("-", "")) <= 3:
        return "3 letters or fewer (U.N., HoR)"
    return "other Latin/Cyrillic spelling"


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.2f} %" if d else "-"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=20000, help="words per language (default 20000)")
    ap.add_argument("--langs", default=",".join(LANGS), help="comma-separated wordfreq languages")
    ap.add_argument("--show", type=int, default=0, metavar="N",
                    help="list the N most frequent offenders with method, score and explanation")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    d = resolver.default_resolver()
    ix = d.index
    owners: dict[str, set[str]] = {}
    written: set[str] = set(ix.alias_text)
    for i, a in enumerate(ix.alias_text):
        owners.setdefault(a.casefold(), set()).add(ix.entity_ids[ix.alias_entity[i]])
    load = time.perf_counter() - t0

    hits: list[Hit] = []
    totals: dict[str, tuple[int, int]] = {}
    disagree = 0
    t1 = time.perf_counter()
    for lang in args.langs.split(","):
        ws = words(lang, args.top)
        n_alias = 0
        for rank, w in ws:
            own = owners.get(w.casefold(), set())
            n_alias += bool(own)
            m = resolver.resolve(w)
            disagree += (resolver.canonical(w) is None) != (m is None)
            if m is not None:
                hits.append(Hit(lang, rank, w, m.entity_id, m.type, m.method, m.score, m.alias,
                                m.explain, bool(own), m.entity_id in own, bool(own) and w not in written))
        totals[lang] = (len(ws), n_alias)
    secs = time.perf_counter() - t1
    nwords = sum(n for n, _ in totals.values())

    print(f"## Common words resolved by the bundled tables ({len(d.index)} aliases, threshold "
          f"{resolver.DEFAULT_THRESHOLD}); top {args.top} words per language, title-cased\n")
    print("| language | words | resolve | share | words that are an alias as written | "
          "of those, resolve to the alias's entity (legitimate) | offenders (all other answers) | "
          "share of offenders among the words less the legitimate ones |")
    print("|---|---|---|---|---|---|---|---|")
    rows = [(lang, [h for h in hits if h.lang == lang], *totals[lang]) for lang in totals]
    rows.append(("**all**", hits, nwords, sum(a for _, a in totals.values())))
    for lang, hs, n, n_alias in rows:
        legit = sum(h.legit for h in hs)
        other = len(hs) - legit
        print(f"| {lang} | {n} | {len(hs)} | {pct(len(hs), n)} | {n_alias} | {legit} | {other} | "
              f"{pct(other, n - legit)} |")
    bad = [h for h in hits if not h.legit]
    share = len(bad) / max(1, nwords - (len(hits) - len(bad)))
    print(f"\ntarget: at most {100 * TARGET:.1f} % of the words resolve; measured "
          f"{pct(len(hits), nwords)} of all words, {100 * share:.2f} % of the words less the "
          f"legitimate alias hits ({'met' if share <= TARGET else 'not met'}). canonical() and "
          f"resolve() disagree on {disagree} words. Words are counted per language (a word in "
          f"two lists counts twice).")

    print("\n| method (offenders) | words |\n|---|---|")
    for method, n in Counter(h.method for h in bad).most_common():
        print(f"| {method} | {n} |")
    print("\n| entity attracting offenders | type | words | examples |\n|---|---|---|---|")
    by_entity = Counter(h.entity for h in bad)
    for ent, n in by_entity.most_common(15):
        ex = list(dict.fromkeys(h.word for h in sorted(bad, key=lambda h: h.rank) if h.entity == ent))[:6]
        typ = next(h.type for h in bad if h.entity == ent)
        print(f"| {ent} | {typ} | {n} | {', '.join(ex)} |")
    print("\n| the alias that answered | offenders |\n|---|---|")
    kinds = Counter(alias_kind(h.alias) for h in bad)
    for kind, n in kinds.most_common():
        print(f"| {kind} | {n} |")

    legit = sorted({(h.word, h.entity, h.method, h.case_only) for h in hits if h.legit})
    print(f"\n### Words that are themselves an alias of the tables and resolve to its entity "
          f"({len(legit)} distinct; legitimate, '*' = the alias is written in other letter case)\n")
    print(", ".join(f"{w}{'*' if c else ''} -> {e} ({m})" for w, e, m, c in legit) or "none")
    wrong = sorted({(h.word, h.entity, h.method, h.score) for h in hits if h.is_alias and not h.owner})
    print(f"\n### Words that are an alias of one entity but resolve to another ({len(wrong)} distinct; "
          f"counted as offenders)\n")
    print(", ".join(f"{w} -> {e} ({m}, {s:.2f}; alias of {'/'.join(sorted(owners[w.casefold()]))})"
                    for w, e, m, s in wrong) or "none")

    if args.show:
        shown = sorted(bad, key=lambda h: (h.rank, h.lang))[: args.show]
        print(f"\n### The {len(shown)} most frequent offenders\n")
        print("| lang | rank | word | entity | alias | method | score | explanation |")
        print("|---|---|---|---|---|---|---|---|")
        for h in shown:
            print(f"| {h.lang} | {h.rank} | {h.word} | {h.entity} | {h.alias} | {h.method} | "
                  f"{h.score:.3f} | {h.explain} |")
    print(f"\nrun time {time.perf_counter() - t0:.1f} s (tables {load:.1f} s, {nwords} words "
          f"resolved in {secs:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
