"""The fast build writes the same store as the build before it (issue 14): table by table, row by row.

The frozen digests (``tests/fixtures/store_digests.json``) were computed from a store built from
the real data by the code on main before the build was made fast; the session's store, built by
the current code from the same files, must give the same rows in the same order, with the same
column types. See :mod:`tests.record.store_digests` to regenerate them when a change is meant to
alter the record.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.record.store_digests import FROZEN, table_digests


@pytest.mark.data
def test_every_table_is_identical_to_the_frozen_build(built_store: Path) -> None:
    frozen = json.loads(FROZEN.read_text())
    now = table_digests(built_store)
    assert sorted(now) == sorted(frozen)
    differ = {name: (now[name], frozen[name]) for name in frozen if now[name] != frozen[name]}
    assert differ == {}, f"tables differ from the frozen build (now, frozen): {differ}"


def test_a_changed_row_changes_the_digest(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "s.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (a VARCHAR, b INTEGER)")
    con.execute("INSERT INTO t VALUES ('x', 1), ('y', 2)")
    con.close()
    before = table_digests(path)["t"]
    con = duckdb.connect(str(path))
    con.execute("UPDATE t SET b = 3 WHERE a = 'y'")
    con.close()
    after = table_digests(path)["t"]
    assert before["rows"] == after["rows"] == 2
    assert before["sha256"] != after["sha256"]
