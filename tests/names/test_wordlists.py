"""The word-frequency store (``resolver/names/wordlists.py``) and the lookups through it
(``resolver/names/frequency.py``):

- the store gives wordfreq's own answers (``zipf_frequency``, ``top_n_list``) on a seeded
  sample of each language's words, as listed, title-cased and made up, and on words that
  wordfreq's preprocessing changes (ß, İ, ligatures, Arabic marks and tatweel, apostrophes);
- every letter the fast path takes as its own token is one, in each language;
- the file is made again when it is damaged, cut short or of other lists; a build that
  fails leaves the old file and no temporary one; a folder that cannot be written gives no
  store (wordfreq answers); a forked process opens its own connection;
- a lookup that fails on a damaged file falls back to wordfreq and removes the file.
"""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest
from wordfreq import get_frequency_list, tokenize, top_n_list, zipf_frequency

from resolver.cache import user_cache_dir
from resolver.names import frequency, wordlists
from resolver.names.frequency import _PLAIN, _token, zipf, zipf_in
from resolver.names.wordlists import LANGUAGES, Store, WordList, build, open_store

TRICKY = ["straße", "Straße", "STRASSE", "İstanbul", "ıstanbul", "ĳssel", "ŀl", "ǆamal", "ǳ",
          "ﬁsh", "ſchön", "l'état", "aujourd'hui", "co-op", "le-drian", "abc123", "2019",
          "naïve", "NAÏVE", "cafe\u0301", "café", "œuvre", "Œuvre", "Łódź", "Erdoğan", "Ağa",
          "مـحمد", "مُحمد", "محمد", "حفتر", "الحكومة", "Haftar", "x", "", " ", "the", "THE",
          "Power", "hiftar", "Ā", "ǅ", "σοφία", "москва", "北京", "american-made", "al-sarraj",
          "Abd-al-Aziz", "-abc", "a--b", "x-", "-", "--", "the-the-the", "the-zzqxj", "ﬁ-sh",
          "straße-nord", "co-op's", "مـحمد-علي"]


@pytest.fixture(scope="module")
def store() -> Store:
    """This machine's store (made on first use; in the test's own folder when the user's
    cache folder cannot be written)."""
    s = wordlists.store()
    if s is None:
        s = open_store(Path(os.environ.get("TMPDIR", "/tmp")) / f"resolver-test-{os.getpid()}")
    assert s is not None, "no store could be made"
    return s


def _sample(lang: str, seed: int) -> list[str]:
    rng = random.Random(f"{seed}-{lang}")
    words = [w for bucket in get_frequency_list(lang) for w in bucket]
    made_up = ["".join(rng.choice("aeioubdfgklmnrstzhéüö") for _ in range(rng.randint(2, 9)))
               for _ in range(200)]
    return (rng.sample(words, 1500) + [w.title() for w in rng.sample(words, 300)] + made_up
            + TRICKY)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_store_answers_as_wordfreq(store: Store, lang: str, monkeypatch: pytest.MonkeyPatch
                                   ) -> None:
    monkeypatch.setattr(wordlists, "store", lambda: store)
    fast = 0
    for w in _sample(lang, 11):
        assert zipf_in(w, lang) == zipf_frequency(w, lang), (w, lang)
        fast += _token(w, lang) is not None
    assert fast > 1500                    # the listed words take the store's path
    for n in (1, 100, wordlists.TOP):
        assert frequency.top_words(lang, n) == top_n_list(lang, n)


def test_zipf_over_languages_as_wordfreq(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordlists, "store", lambda: store)
    for w in _sample("de", 12)[:600] + _sample("fr", 13)[-300:]:
        expected = max(zipf_frequency(w.replace("-", ""), lang) for lang in frequency.LANGUAGES)
        assert zipf(w) == expected, w


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plain_letters_are_one_token_of_themselves(lang: str) -> None:
    latin = [c for c in map(chr, range(0x61, 0x250)) if _PLAIN.fullmatch(c)]
    arabic = [c for c in map(chr, range(0x621, 0x650)) if _PLAIN.fullmatch(c)]
    assert "ü" in latin and "ß" not in latin and "Ā" not in latin and "\u0640" not in arabic
    for letters, base in ((latin, "ab"), (arabic, "\u0628\u062a")):
        for c in letters:
            for w in (c, base + c, c + base + c + c):
                token = _token(w, lang)
                if token is not None:
                    assert tokenize(w, lang) == [token], (w, lang)


# -- the file: made again when damaged, never half written -------------------------------
LISTS = [WordList("en", [["the"], ["of", "and"], [], ["haftar", "the"]], ["the", "of", "and"]),
         WordList("de", [["der"], ["und"]], ["der", "und"])]


def _made(folder: Path, key: str = "k1") -> Path:
    return folder / f"wordfreq-{key}.sqlite3"


def test_built_store_reads_back(tmp_path: Path) -> None:
    s = open_store(tmp_path, LISTS, "k1")
    assert s is not None and s.langs == ("en", "de")
    assert s.buckets("the") == {"en": 3}          # listed twice: the last bucket, as wordfreq
    assert s.bucket("und", "de") == 1 and s.bucket("und", "en") is None
    assert s.top("en", 2) == ["the", "of"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wordfreq-k1.sqlite3"]


@pytest.mark.parametrize("damage", ["garbage", "cut", "empty"])
def test_damaged_store_is_made_again(tmp_path: Path, damage: str) -> None:
    assert open_store(tmp_path, LISTS, "k1") is not None
    path = _made(tmp_path)
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"not a database" * 1000)
    elif damage == "cut":
        path.write_bytes(data[: len(data) // 2])
    else:
        path.write_bytes(b"")
    with pytest.raises((sqlite3.Error, OSError)):
        Store(path, "k1")
    s = open_store(tmp_path, LISTS, "k1")
    assert s is not None and s.bucket("haftar", "en") == 3
    assert path.read_bytes() == data or Store(path, "k1").top("de", 2) == ["der", "und"]


def test_store_of_other_lists_is_replaced(tmp_path: Path) -> None:
    assert open_store(tmp_path, LISTS, "k1") is not None
    with pytest.raises(sqlite3.DatabaseError):
        Store(_made(tmp_path), "k2")              # a file of another stamp is not read
    assert open_store(tmp_path, LISTS[:1], "k2") is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wordfreq-k2.sqlite3"]


def test_failed_build_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    assert open_store(tmp_path, LISTS, "k1") is not None
    before = _made(tmp_path).read_bytes()

    def broken():
        yield LISTS[0]
        raise OSError("disk full")

    with pytest.raises(OSError):
        build(_made(tmp_path), broken(), "k1")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wordfreq-k1.sqlite3"]
    assert _made(tmp_path).read_bytes() == before


def test_no_folder_no_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert open_store(blocker / "sub", LISTS, "k1") is None     # cannot be made: wordfreq
    assert open_store(None, LISTS, "k1") is None
    monkeypatch.setenv("RESOLVER_CACHE_DIR", "")
    assert user_cache_dir() is None
    monkeypatch.setenv("RESOLVER_CACHE_DIR", str(tmp_path))
    assert user_cache_dir() == tmp_path
    monkeypatch.delenv("RESOLVER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert user_cache_dir() == tmp_path / "resolver"


def test_forked_process_opens_its_own_connection(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    s = open_store(tmp_path, LISTS, "k1")
    assert s is not None and s.bucket("der", "de") == 0
    first = s._connection()
    monkeypatch.setattr(os, "getpid", lambda: -7)
    assert s._connection() is not first and s.bucket("der", "de") == 0
    assert s._inherited == [first]


def test_failed_lookup_falls_back_to_wordfreq(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    s = open_store(tmp_path, LISTS, "k1")
    assert s is not None
    monkeypatch.setattr(wordlists, "store", lambda: s)
    monkeypatch.setattr(frequency, "_BROKEN", False)
    assert zipf_in("haftar", "en") != zipf_frequency("haftar", "en")   # the toy lists' answer
    _made(tmp_path).write_bytes(b"\0" * 4096)     # damaged under the open connection

    def fails(word: str, lang: str) -> int | None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(s, "bucket", fails)
    assert zipf_in("power", "en") == zipf_frequency("power", "en")
    assert frequency._BROKEN and not _made(tmp_path).exists()   # the next process remakes it
    assert zipf_in("haftar", "en") == zipf_frequency("haftar", "en")
