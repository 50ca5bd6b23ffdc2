"""A store remembers which name rules parsed and keyed its aliases: opened by a resolver
whose rules differ, it warns (:class:`StaleStoreWarning`), and ``Store.rekey()`` recomputes
every alias's parse and keys in one transaction, after which fuzzy lookups find again what
the stale keys missed."""

from __future__ import annotations

import sqlite3
import warnings

import pytest

from resolver.store import StaleStoreWarning, Store, StoreResolver
from resolver.store.keys import FINGERPRINT_KEY, name_rules_fingerprint


def _make(path) -> None:
    with Store.create(path) as st:
        st.add_entity("khalifa-haftar", "Khalifa Haftar", aliases=["Khalifa Hifter", "Haftar"])
        st.add_entity("fayez-al-sarraj", "Fayez al-Sarraj", aliases=["Fayez Serraj"])


def _age(path, *, keys: bool) -> None:
    """What an older resolver would have left: another fingerprint (or none), stale keys."""
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE meta SET value = 'older-rules' WHERE key = ?", (FINGERPRINT_KEY,))
        if not keys:
            con.execute("DELETE FROM key")
            con.execute("UPDATE alias SET normalised = 'x' || normalised")
    con.close()


def test_a_new_store_is_keyed_by_these_rules_and_opens_quietly(tmp_path):
    _make(tmp_path / "s.db")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        st = Store(tmp_path / "s.db")
        assert not st.stale
        assert st.connection.execute("SELECT value FROM meta WHERE key = ?",
                                     (FINGERPRINT_KEY,)).fetchone()[0] == name_rules_fingerprint()
        st.close()


def test_other_rules_warn_on_open_and_rekey_restores_the_lookups(tmp_path):
    path = tmp_path / "s.db"
    _make(path)
    _age(path, keys=False)
    with pytest.warns(StaleStoreWarning, match="rekey"):
        sr = StoreResolver(path)
    assert sr.canonical("Khalifa Hiftar") is None   # the stale keys miss it
    sr.close()
    with pytest.warns(StaleStoreWarning):
        st = Store(path)
    assert st.stale
    assert st.rekey() == 5
    assert not st.stale
    st.close()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sr = StoreResolver(path)
        assert sr.canonical("Khalifa Hiftar") == "Khalifa Haftar"
        assert sr.canonical("Fayez Serraj") == "Fayez al-Sarraj"
        sr.close()


def test_a_store_from_before_fingerprints_counts_as_stale(tmp_path):
    path = tmp_path / "s.db"
    _make(path)
    con = sqlite3.connect(path)
    with con:
        con.execute("DELETE FROM meta WHERE key = ?", (FINGERPRINT_KEY,))
    con.close()
    with pytest.warns(StaleStoreWarning):
        Store(path, readonly=True).close()
