"""Per-table digests of a built store, to prove that a change to the build keeps its output identical.

``python -m tests.record.store_digests STORE [--write]`` prints the digests of STORE (or writes
them to ``tests/fixtures/store_digests.json``). The frozen file holds the digests of a store built
from the real data by the code before the build was made fast (issue 14); ``test_build_identity``
compares the session's store with it, table by table. A change meant to alter the record
regenerates the file, and says so in its commit. Digests are not data: no value of a source is kept.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

FROZEN = Path(__file__).resolve().parent.parent / "fixtures" / "store_digests.json"
#: values that differ between two builds of the same sources by design
VOLATILE = {"build_info": "key <> 'built_at'"}


def table_digests(store: str | Path) -> dict[str, dict[str, object]]:
    """Rows, columns and a SHA-256 of every row in insertion order, per table of a store."""
    import duckdb

    con = duckdb.connect(str(store), read_only=True)
    try:
        out: dict[str, dict[str, object]] = {}
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY table_name").fetchall()]
        for name in names:
            where = f" WHERE {VOLATILE[name]}" if name in VOLATILE else ""
            cur = con.execute(f"SELECT * FROM {name}{where}")
            cols = [f"{d[0]} {d[1]}" for d in cur.description]
            h = hashlib.sha256()
            n = 0
            while batch := cur.fetchmany(10_000):
                for row in batch:
                    h.update(repr(row).encode())
                    h.update(b"\n")
                    n += 1
            out[name] = {"rows": n, "columns": cols, "sha256": h.hexdigest()}
        return out
    finally:
        con.close()


def main(argv: list[str]) -> int:
    digests = table_digests(argv[0])
    text = json.dumps(digests, indent=1, sort_keys=True) + "\n"
    if "--write" in argv:
        FROZEN.write_text(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
