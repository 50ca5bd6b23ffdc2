"""Every mention of a fixed set of texts, written out, to diff two versions of the text path.

Usage (from the repository root; run once per version, then compare the two files)::

    PYTHONPATH=/path/to/old python benchmarks/text_identity.py --out /tmp/old.jsonl
    PYTHONPATH=$PWD python benchmarks/text_identity.py --out /tmp/new.jsonl
    cmp /tmp/old.jsonl /tmp/new.jsonl

The texts: the benchmark corpus of ``benchmarks/corpus.py`` (``--mb`` MB of English news,
seeded), every file of ``data/corpus/`` and every text of the gold sets
(``benchmarks/data/mentions_*.jsonl``), and variants of each of those files and texts made
to reach rarer paths: the text in capitals, its lines joined, its sentences in reverse
order, line-break hyphens, a zero-width space inside a name, a combining accent after one.
Each document is annotated with the bundled tables (and, with ``--aliases N``, also with
the tables plus ``N`` synthetic aliases of ``benchmarks/corpus.py``) through
``Annotator.rows`` (the rows ``resolver corpus`` writes) and ``annotate`` (the public
``Mention`` objects), in two orders (each text once as the first text a fresh annotator
sees is not practical, so the set is annotated forwards, then backwards on the same
annotator: a cache that changed an answer would show). One JSON line per document and
pass; the last line is a SHA-256 of all of them, also printed.

The version annotated is the ``resolver`` that Python imports: this script does not put its
own checkout first on ``sys.path``, so ``PYTHONPATH`` chooses it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "corpus"


def _variants(text: str, rng: random.Random) -> Iterator[str]:
    """The text and texts made from it to reach rarer paths of the annotator."""
    yield text
    yield text.upper()
    yield " ".join(text.split("\n"))
    sentences = re.split(r"(?<=[.!?])\s+", text)
    yield " ".join(reversed(sentences))
    words = list(re.finditer(r"[A-Z][a-z]{5,}", text))
    if words:
        w = rng.choice(words)
        mid = w.start() + 3
        yield text[:mid] + "-\n" + text[mid:]            # a line-break hyphen inside a name
        yield text[:mid] + "\u200b" + text[mid:]         # a zero-width space inside a name
        yield text[:w.end()] + "\u0301" + text[w.end():]  # a combining accent after it


def documents(mb: float, seed: int) -> Iterator[tuple[str, str]]:
    sys.path.insert(0, str(HERE))
    from corpus import corpus  # type: ignore[import-not-found]
    sys.path.pop(0)
    yield from corpus(mb, seed)
    rng = random.Random(seed)
    texts: list[tuple[str, str]] = [(p.name, p.read_text(encoding="utf-8"))
                                    for p in sorted(DATA.glob("*.txt"))]
    for gold in sorted((HERE / "data").glob("mentions_*.jsonl")):
        with gold.open(encoding="utf-8") as fh:
            texts += [(f"{gold.stem}:{rec['id']}", rec["text"])
                      for rec in map(json.loads, fh) if rec.get("text")]
    for name, text in texts:
        for k, v in enumerate(_variants(text, rng)):
            yield f"{name}#{k}", v


def dump(resolver: object, docs: list[tuple[str, str]], label: str, out, digest) -> int:
    from resolver.text.annotator import Annotator
    a = Annotator(resolver)   # type: ignore[arg-type]
    n = 0
    for order, seq in (("fwd", docs), ("bwd", docs[::-1])):
        for doc_id, text in seq:
            rows = a.rows(text)
            ms = [m.model_dump(mode="json") for m in a.annotate(text)]
            line = json.dumps({"tables": label, "pass": order, "doc": doc_id,
                               "rows": rows, "mentions": ms}, ensure_ascii=False) + "\n"
            out.write(line)
            digest.update(line.encode("utf-8"))
            n += len(rows)
    return n


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--mb", type=float, default=1.0, help="MB of the benchmark corpus (default 1)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--aliases", type=int, default=0,
                   help="also annotate with the bundled tables plus N synthetic aliases")
    args = p.parse_args(argv)
    import resolver
    from resolver import Resolver
    docs = list(documents(args.mb, args.seed))
    digest = hashlib.sha256()
    with args.out.open("w", encoding="utf-8") as out:
        n = dump(Resolver.default(), docs, "bundled", out, digest)
        if args.aliases:
            sys.path.insert(0, str(HERE))
            from corpus import synthetic_resolver  # type: ignore[import-not-found]
            sys.path.pop(0)
            n += dump(synthetic_resolver(args.aliases, args.seed), docs, "synthetic", out,
                      digest)
        out.write(digest.hexdigest() + "\n")
    print(f"{resolver.__file__}: {len(docs)} documents, {n} rows, sha256 {digest.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
