"""wordfreq's word lists compiled once per machine into one SQLite file, read by lookup.

Reading wordfreq's lists of the press's languages costs a process about a second of CPU
(gzip, msgpack and a dict of 2.5 million words built in Python), and ``resolver corpus``
paid it in its serial start-up. :func:`store` opens instead a file made from the same lists
the first time any process needs it: each word's frequency class (wordfreq's centibel
bucket) in each of :data:`LANGUAGES`, and each language's :data:`TOP` most frequent words.
Opening it costs well under a millisecond and a lookup a few microseconds; forked worker
processes each open their own connection.

The file lives in :func:`~resolver.cache.user_cache_dir` under a name that holds a hash of
what it was made from (wordfreq's code and list files, by size and time, this format, the
languages): a new wordfreq makes a new file. It is written to a temporary file in the same
folder and renamed into place, so no process ever reads half a file; a file that fails its
checks (not SQLite, cut short, another stamp) is made again. When the folder cannot be
written or the file cannot be made, :func:`store` is None and the callers
(:mod:`resolver.names.frequency`) ask wordfreq itself, as before.

What a lookup means (the same numbers as ``wordfreq.zipf_frequency``) is in
:mod:`resolver.names.frequency`; this module only stores and reads the lists.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..cache import user_cache_dir

__all__ = ["LANGUAGES", "TOP", "FORMAT", "WordList", "Store", "stamp", "build", "open_store",
           "store", "is_open", "wordfreq_lists"]

LANGUAGES = ("en", "fr", "de", "it", "es", "ar")   # the press's languages, Arabic last
TOP = 1000        # most frequent words kept per language (``wordfreq.top_n_list``)
FORMAT = 1        # this module's file layout: a change makes a new file


class WordList(NamedTuple):
    """One language's list as the store is made from it."""
    lang: str
    buckets: list[list[str]]    # wordfreq's frequency list: bucket i holds words of -i cB
    top: list[str]              # ``top_n_list(lang, TOP)``


_CODE = ("__init__.py", "tokens.py", "preprocess.py", "language_info.py", "numbers.py")


def stamp() -> str | None:
    """A hash of what the store is made from: wordfreq's code and list files of
    :data:`LANGUAGES` (name, size, modification time), :data:`FORMAT`, :data:`TOP` and the
    languages. None when wordfreq is not installed. Costs a few ``stat`` calls: wordfreq is
    not imported."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent
    files = [folder / name for name in _CODE]
    files += sorted(p for lang in LANGUAGES for p in (folder / "data").glob(f"*_{lang}.*"))
    h = hashlib.sha1(f"{FORMAT} {TOP} {','.join(LANGUAGES)}".encode())
    for f in files:
        try:
            st = f.stat()
        except OSError:
            continue
        h.update(f"\n{f.name} {st.st_size} {st.st_mtime_ns}".encode())
    return h.hexdigest()[:20]


def wordfreq_lists() -> Iterator[WordList]:
    """The lists of :data:`LANGUAGES` as wordfreq reads them (imports it: slow)."""
    from wordfreq import get_frequency_list, top_n_list
    for lang in LANGUAGES:
        yield WordList(lang, get_frequency_list(lang, "best"), top_n_list(lang, TOP))


_SCHEMA = """
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE freq (word TEXT, lang INTEGER, cb INTEGER, PRIMARY KEY (word, lang)) WITHOUT ROWID;
CREATE TABLE top (lang INTEGER, rank INTEGER, word TEXT, PRIMARY KEY (lang, rank)) WITHOUT ROWID;
"""


def build(path: Path, lists: Iterable[WordList], stamp: str) -> None:
    """Write the store of ``lists`` to ``path``: into a temporary file of its folder, then
    renamed over ``path`` (a reader sees the old file or the whole new one, never a part).
    Raises OSError or sqlite3.Error when it cannot; the temporary file is then removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.executescript(_SCHEMA)
            langs = []
            for k, wl in enumerate(lists):
                langs.append(wl.lang)
                rows = ((w, k, cb) for cb, bucket in enumerate(wl.buckets) for w in bucket)
                con.execute("CREATE TEMP TABLE IF NOT EXISTS staged (word, lang, cb)")
                con.executemany("INSERT INTO staged VALUES (?, ?, ?)", rows)
                con.executemany("INSERT INTO top VALUES (?, ?, ?)",
                                ((k, i, w) for i, w in enumerate(wl.top)))
            # one sorted pass into the table (appended pages, no page split); a word listed
            # twice keeps its last bucket, as wordfreq's get_frequency_dict does
            con.execute("INSERT INTO freq SELECT word, lang, max(cb) FROM staged "
                        "GROUP BY word, lang ORDER BY word, lang")
            con.execute("DROP TABLE staged")
            con.executemany("INSERT INTO meta VALUES (?, ?)",
                            [("stamp", stamp), ("langs", ",".join(langs))])
            con.commit()
            pages = con.execute("PRAGMA page_count").fetchone()[0]
            size = con.execute("PRAGMA page_size").fetchone()[0]
            con.execute("INSERT INTO meta VALUES ('bytes', ?)", (str(pages * size),))
            con.commit()
            if con.execute("PRAGMA page_count").fetchone()[0] != pages:
                raise sqlite3.DatabaseError("the store grew while it was sealed")
        finally:
            con.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with _quiet():
            os.unlink(tmp)
        raise


class _quiet:
    """``with _quiet():`` ignores an OSError (removing what may be gone already)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> bool:
        return kind is not None and issubclass(kind, OSError)


class Store:
    """An opened store: :meth:`buckets` and :meth:`top` (read-only; one connection per
    process, opened again after a fork)."""

    def __init__(self, path: Path, stamp: str) -> None:
        self.path = path
        self._pid = -1
        self._con: sqlite3.Connection | None = None
        self._inherited: list[sqlite3.Connection] = []   # a parent's, never used nor closed
        con = self._connection()
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("stamp") != stamp:
            raise sqlite3.DatabaseError(f"{path}: made from other lists")
        if meta.get("bytes") != str(path.stat().st_size):
            raise sqlite3.DatabaseError(f"{path}: not of the size it was made")
        self.langs: tuple[str, ...] = tuple(meta.get("langs", "").split(","))

    def _connection(self) -> sqlite3.Connection:
        pid = os.getpid()
        if self._con is None or self._pid != pid:
            if self._con is not None:
                self._inherited.append(self._con)
            # immutable: the file never changes once renamed into place (a new one is
            # another inode), so SQLite takes no lock and reads no journal
            self._con = sqlite3.connect(f"{self.path.as_uri()}?mode=ro&immutable=1", uri=True,
                                        check_same_thread=False)
            self._pid = pid
        return self._con

    def buckets(self, word: str) -> dict[str, int]:
        """The bucket of ``word`` (wordfreq's index: -cB) in each language that lists it."""
        rows = self._connection().execute("SELECT lang, cb FROM freq WHERE word = ?",
                                          (word,)).fetchall()
        langs = self.langs
        return {langs[k]: cb for k, cb in rows}

    def bucket(self, word: str, lang: str) -> int | None:
        """The bucket of ``word`` in ``lang`` (None: not listed)."""
        row = self._connection().execute("SELECT cb FROM freq WHERE word = ? AND lang = ?",
                                         (word, self.langs.index(lang))).fetchone()
        return None if row is None else int(row[0])

    def top(self, lang: str, n: int) -> list[str]:
        """The ``n`` most frequent words of ``lang`` (``n`` at most :data:`TOP`)."""
        if n > TOP:
            raise ValueError(f"the store keeps {TOP} words per language, not {n}")
        rows = self._connection().execute(
            "SELECT word FROM top WHERE lang = ? AND rank < ? ORDER BY rank",
            (self.langs.index(lang), n)).fetchall()
        return [w for (w,) in rows]


def open_store(folder: Path | None, lists: Iterable[WordList] | None = None,
               key: str | None = None) -> Store | None:
    """The store in ``folder``, made there first when it is missing, stale or damaged
    (from ``lists``, by default wordfreq's; ``key``: its stamp, by default :func:`stamp`).
    None when there is no folder or no wordfreq, or when the file can be neither read nor
    made (a folder that cannot be written, a full disk)."""
    key = key or stamp()
    if folder is None or key is None:
        return None
    path = folder / f"wordfreq-{key}.sqlite3"
    if path.is_file():
        try:
            return Store(path, key)
        except (OSError, sqlite3.Error):
            pass                                      # damaged: made again below
    try:
        build(path, wordfreq_lists() if lists is None else lists, key)
        _drop_stale(folder, path)
        return Store(path, key)
    except (OSError, sqlite3.Error):
        return None


def _drop_stale(folder: Path, keep: Path) -> None:
    """Remove the stores of other stamps (an older wordfreq's) from ``folder``."""
    for old in folder.glob("wordfreq-*.sqlite3"):
        if old != keep:
            with _quiet():
                old.unlink()


@lru_cache(maxsize=1)
def store() -> Store | None:
    """This machine's store (opened, or made, on first use); None: ask wordfreq."""
    return open_store(user_cache_dir())


def is_open() -> bool:
    """Whether :func:`store` has been asked already (it is then cheap)."""
    return store.cache_info().currsize > 0
