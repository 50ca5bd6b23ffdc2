"""``resolver corpus INPUT... --out OUT``: annotate a corpus, on one core, N processes or Dask.

Writes into OUT: ``annotations.jsonl`` (one record per document), ``rewritten.jsonl`` (with
``--rewrite``), ``summary.json`` (entities, mention counts, spellings seen, ambiguous and
unknown names), ``proposed_aliases.yaml`` (unknown names clustered into an alias table to
review) and ``graph.graphml`` (the entity graph with ``comention`` edges).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

from .main import DASK_EXTRA, add_command, add_resolver_options, load_resolver
from .output import is_terminal, show_progress

if TYPE_CHECKING:
    from ..corpus.records import Prepared

# The corpus machinery (the annotator and its regexes, the summary, the report) is imported
# when the command runs, not when the command line is built: ``resolver --help`` and the
# other commands do not pay for it.

__all__ = ["register", "Progress"]


class Progress:
    """The progress of a corpus run on ``stream`` (stderr): while it runs, a tqdm bar over the
    input bytes with the rate and the time left (drawn only when ``stream`` is a terminal);
    at the end one summary line: documents, documents/s, characters/s. ``stream=None``: silent.
    """

    def __init__(self, stream: TextIO | None = sys.stderr, every: float = 0.5, *,
                 total: int | None = None) -> None:
        self.stream = stream
        self.docs = self.chars = 0
        self.t0 = time.perf_counter()
        self.bar: Any = None
        if is_terminal(stream):
            from tqdm import tqdm
            self.bar = tqdm(total=total, file=stream, mininterval=every, desc="corpus",
                            unit="B", unit_scale=True, unit_divisor=1024, leave=False,
                            dynamic_ncols=True)

    def _line(self) -> str:
        dt = max(time.perf_counter() - self.t0, 1e-9)
        return (f"{self.docs} documents in {dt:.1f} s ({self.docs / dt:.0f} docs/s, "
                f"{self.chars / dt / 1e6:.2f} M chars/s)")

    def update(self, docs: int = 1, chars: int = 0, done: int | None = None) -> None:
        """``docs`` more documents of ``chars`` characters; ``done``: the input bytes read up
        to the end of them (without it the bar moves by ``chars``)."""
        self.docs += docs
        self.chars += chars
        if self.bar is not None:
            self.bar.set_postfix_str(f"{self.docs} docs", refresh=False)
            self.bar.update(chars if done is None else done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        if self.stream is not None:
            self.stream.write(self._line() + "\n")
            self.stream.flush()


def _worker_state(options: dict[str, Any], rewrite: bool, style: str) -> dict[str, Any]:
    """A spawned worker's state: its resolver built from the command-line options."""
    return {"resolver": load_resolver(argparse.Namespace(**options)), "rewrite": rewrite,
            "style": style}


def _dask_records(docs: Iterable[tuple[str, str]], resolver: Any, args: argparse.Namespace
                  ) -> Iterator[Prepared]:
    from ..corpus.dask import _require_dask, normalise_corpus
    try:
        _require_dask()
    except ImportError:                 # exit code 2 with the install hint, no traceback
        raise ValueError(f"--scheduler: the Dask backend needs dask and distributed: "
                         f"{DASK_EXTRA}") from None
    from distributed import Client

    from ..corpus.records import prepare
    with Client(args.scheduler) as client:
        for r in normalise_corpus(docs, resolver=resolver, client=client, rewrite=args.rewrite,
                                  style=args.style):
            yield prepare(r)


def _documents(args: argparse.Namespace, read: deque[tuple[int, int]]
               ) -> Iterator[tuple[str, str]]:
    """The documents of the inputs; for each, (characters, input bytes read through it) is
    queued in ``read`` for the writer, which gets the results in the same order."""
    from ..corpus.files import iter_documents
    at = 0

    def reached(n: int) -> None:
        nonlocal at
        at = n

    for doc_id, text in iter_documents(args.inputs, format=args.format,
                                       text_field=args.text_field, id_field=args.id_field,
                                       column=args.column, on_progress=reached):
        read.append((len(text), at))
        yield doc_id, text


def _out_folder(out: str) -> Path:
    """The --out folder, created; a clear error when a file is in the way."""
    path = Path(out)
    if path.exists() and not path.is_dir():
        raise ValueError(f"--out {out}: is a file; give a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):   # a file where a parent folder should be
        raise ValueError(f"--out {out}: a file is in the way; give a folder") from None
    return path


def _run(args: argparse.Namespace) -> int:
    from ..corpus.files import document_files, iter_documents
    from ..corpus.report import report_from_run  # out/report.html: the run as one page
    from ..corpus.runner import run_records
    from ..corpus.summary import CorpusSummary, proposed_aliases, write_proposed
    from ..files import atomic_write, write_json
    from ..graph import write_graphml
    if args.workers < 1:
        raise ValueError(f"--workers must be at least 1, not {args.workers}")
    out = _out_folder(args.out)
    total = sum(f.stat().st_size for f, _ in document_files(args.inputs, args.format))
    r = load_resolver(args, progress=show_progress(args))
    read: deque[tuple[int, int]] = deque()
    docs = _documents(args, read)
    if args.scheduler:
        records = _dask_records(docs, r, args)
    else:
        options = {"tables": args.tables, "no_default": args.no_default,
                   "threshold": args.threshold}
        records = run_records(docs, resolver=r, workers=args.workers,
                              setup=partial(_worker_state, options, args.rewrite, args.style),
                              rewrite=args.rewrite, style=args.style, tally=True)
    summary = CorpusSummary(r.graph)
    progress = Progress(None if args.no_progress else sys.stderr, total=total)

    def write(ann: IO[str], rew: IO[str] | None) -> None:
        for p in records:
            n, done = read.popleft()
            summary.add(p, n)
            ann.write(p.annotation + "\n")
            if rew is not None and p.rewritten is not None:
                rew.write(p.rewritten + "\n")
            progress.update(1, n, done)

    if args.rewrite:
        atomic_write(out / "annotations.jsonl", lambda ann: atomic_write(
            out / "rewritten.jsonl", lambda rew: write(ann, rew)))
    else:
        atomic_write(out / "annotations.jsonl", lambda ann: write(ann, None))
    progress.close()
    write_json(out / "summary.json", summary.to_dict())
    table = proposed_aliases(summary.unknown, taken=r.index.eidx,
                             documents=summary.unknown_docs, persons=summary.titled)
    write_proposed(out / "proposed_aliases.yaml", table)
    write_graphml(r.graph, out / "graph.graphml")
    report_from_run(out, resolver=r, data=summary.report_data(), proposed=table,
                    texts=iter_documents(args.inputs, format=args.format,
                                         text_field=args.text_field, id_field=args.id_field,
                                         column=args.column))
    return 0


_DESCRIPTION = """\
Find every name mention of a corpus and resolve it. INPUT is a .txt file (one document), a
.jsonl file (one JSON object per line, the text in --text-field), a .csv file (the text in
--column), or a folder of them. OUT (created) receives:

  annotations.jsonl      one record per document: its mentions, resolved or not
  rewritten.jsonl        with --rewrite: each mention replaced by its canonical name
  summary.json           entities, mention counts, spellings seen, ambiguous and unknown names
  proposed_aliases.yaml  unknown names clustered into an alias table to review
  graph.graphml          the entity graph with comention edges

A progress bar on stderr shows the input read, the rate and the time left (only when
stderr is a terminal); a summary line follows the run. --no-progress turns both off."""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``corpus`` subcommand."""
    help_ = "annotate every name mention of a corpus (txt folder, JSONL, CSV) into OUT"
    p = add_command(sub, "corpus", help=help_, description=_DESCRIPTION, examples=[
        "resolver corpus data/corpus --out out/",
        "resolver corpus news.jsonl --text-field body --out out/ --rewrite --workers 4",
        "resolver corpus news/ --out out/ --scheduler tcp://10.0.0.5:8786"])
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders of documents")
    p.add_argument("--out", required=True, metavar="OUT", help="output folder (created)")
    p.add_argument("--format", default="auto", choices=["auto", "txt", "jsonl", "csv"],
                   help="input format (default: by file suffix)")
    p.add_argument("--text-field", default="text", metavar="F",
                   help="JSONL field holding the text (default: text)")
    p.add_argument("--id-field", default="id", metavar="F",
                   help="JSONL field / CSV column holding the document id (default: id; "
                        "absent: FILE:LINE)")
    p.add_argument("--column", default="text", metavar="C",
                   help="CSV column holding the text (default: text)")
    p.add_argument("--rewrite", action="store_true",
                   help="also write rewritten.jsonl with each mention replaced by its canonical")
    p.add_argument("--style", default="replace", choices=["replace", "append"],
                   help="rewrite style: replace the mention, or append [Canonical] after it")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="processes in all: this one and N - 1 forked workers (default 1; "
                        "at most the cores it may use)")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help=f"run on a Dask cluster ({DASK_EXTRA})")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress bar and no summary line on stderr")
    add_resolver_options(p)
    p.set_defaults(func=_run)
