"""A cold ``unsc show`` reads the store's lookup file (issue 14): the file must say exactly what the
store says, be ignored once it no longer matches the store or the code, and keep heavy modules out of
``unsc show``, ``unsc decide`` and ``unsc --help``."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.web.fixture_store import build_fixture_store
from unsc.record.store import Lookup, Store, lookup_path, open_store

ROOT = Path(__file__).resolve().parents[2]
#: never needed to show a decision, decide a ballot or print the help (issue 14)
HEAVY = ("pandas", "duckdb", "numpy", "matplotlib", "fastapi")
DECIDE = ["decide", "--date", "2024-03-22", "--yes", "USA,GBR,FRA,JPN,KOR,MLT,CHE,SVN,ECU,MOZ,SLE"]
DECIDE += ["--no", "RUS,CHN,DZA", "--abstain", "GUY"]


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The four-vote store of the web tests, built by the real build (which writes the lookup file)."""
    return build_fixture_store(tmp_path_factory.mktemp("cold-store"))


def agree_everywhere(path: Path) -> int:
    """Assert that the lookup file and the store agree on every decision, symbol and roster year; the
    number of decisions compared."""
    lookup = Lookup.open(path)
    assert lookup is not None, "the build wrote no lookup file, or one that does not match the store"
    with lookup, open_store(path) as store:
        ids = [r[0] for r in store._con.execute("SELECT decision_id FROM decisions").fetchall()]
        from unsc.record.store import _loads

        bodies = dict(lookup._con.execute("SELECT decision_id, body FROM decisions").fetchall())
        assert set(bodies) == set(ids)
        for did in ids:
            assert _loads(bodies[did]) == store.decision(did), did
        symbols = lookup._con.execute("SELECT symbol, decision_id FROM symbols").fetchall()
        assert {did for _, did in symbols} == set(ids)  # every decision is found by its id at least
        for did in ids[:: max(1, len(ids) // 200)]:
            assert lookup.decision(did) == store.decision(did), did
        for symbol, did in symbols:
            assert store.find(symbol) == did, symbol
        years = [r[0] for r in store._con.execute("SELECT DISTINCT year FROM terms").fetchall()]
        for year in years:
            for day in (dt.date(year, 1, 1), dt.date(year, 12, 31)):
                assert lookup.roster(day) == store.roster(day), day
    return len(ids)


def test_lookup_agrees_with_the_store_on_the_small_store(small_store: Path) -> None:
    assert agree_everywhere(small_store) == 4


@pytest.mark.data
def test_lookup_agrees_with_the_store_on_every_decision_of_the_record(built_store: Path) -> None:
    assert agree_everywhere(built_store) > 3000


def test_a_symbol_the_file_does_not_know_is_left_to_the_store(small_store: Path) -> None:
    with Lookup.open(small_store) as lookup:  # type: ignore[union-attr]
        assert lookup.decision("res 2728") is None  # free forms go to Store.find
        assert lookup.decision("S/1999/1") is None
        assert lookup.decision("S/2024/239")["tally"] == "11-3-1"  # type: ignore[index]


def copy_store(src: Path, directory: Path, with_lookup: bool = True) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    store = directory / src.name
    shutil.copy2(src, store)  # same modification time: the lookup still matches
    if with_lookup:
        shutil.copy2(lookup_path(src), lookup_path(store))
    return store


def test_a_lookup_file_that_no_longer_matches_is_not_trusted(small_store: Path, tmp_path: Path) -> None:
    store = copy_store(small_store, tmp_path / "a")
    assert Lookup.open(store) is not None
    st = store.stat()
    os.utime(store, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # the store rebuilt or touched
    assert Lookup.open(store) is None
    store = copy_store(small_store, tmp_path / "b")
    with sqlite3.connect(lookup_path(store)) as con:  # written by other code (the rules have changed)
        con.execute("UPDATE meta SET value = 'other' WHERE name = 'code'")
    assert Lookup.open(store) is None
    store = copy_store(small_store, tmp_path / "c")
    lookup_path(store).write_bytes(b"not a database")
    assert Lookup.open(store) is None


def unsc(args: list[str], store: Path, probe: bool = False) -> subprocess.CompletedProcess[str]:
    """``unsc ARGS`` in a fresh process on ``store``; with ``probe``, the modules it loaded on stderr."""
    code = "import sys\nfrom unsc.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
    code += "else:\n    code = 0\n"
    if probe:
        code += "sys.stdout.flush()\nprint('MODULES ' + ' '.join(sorted(sys.modules)), file=sys.stderr)\n"
    code += "raise SystemExit(code)\n"
    env = os.environ | {"UNSC_STORE": str(store), "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "100"}
    env.pop("UNSC_HOME", None)
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=120)


def loaded(r: subprocess.CompletedProcess[str]) -> set[str]:
    line = next(x for x in r.stderr.splitlines() if x.startswith("MODULES "))
    return set(line.split()[1:])


@pytest.mark.parametrize(
    "args",
    [["show", "S/2024/239"], ["show", "2728 (2024)", "--json"], DECIDE, ["--help"]],
    ids=["show", "show_json", "decide", "help"],
)
def test_no_heavy_import(args: list[str], small_store: Path) -> None:
    r = unsc(args, small_store, probe=True)
    assert r.returncode == 0, r.stderr
    mods = loaded(r)
    assert not {m for m in mods if m.split(".")[0] in HEAVY}, sorted(m for m in mods if m.split(".")[0] in HEAVY)
    if args[0] == "show":  # the lookup file holds the rules' explanation: no rules engine, no DuckDB
        assert "unsc.rules" not in mods
        assert "typer" not in mods


@pytest.mark.parametrize("symbol", ["S/2024/239", "2728 (2024)", "S/2022/155", "83 (1950)", "res 2728"])
@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_show_prints_the_same_with_or_without_the_lookup_file(
    symbol: str, extra: list[str], small_store: Path, tmp_path: Path
) -> None:
    bare = copy_store(small_store, tmp_path / "bare", with_lookup=False)
    assert Lookup.open(bare) is None
    fast, slow = unsc(["show", symbol, *extra], small_store), unsc(["show", symbol, *extra], bare)
    assert fast.returncode == slow.returncode == 0, (fast.stderr, slow.stderr)
    assert fast.stdout == slow.stdout
    if extra:
        assert json.loads(fast.stdout)["votes"]


def test_show_of_an_unknown_symbol_says_so_either_way(small_store: Path) -> None:
    r = unsc(["show", "S/1999/1"], small_store)
    assert r.returncode == 1
    assert "no decision 'S/1999/1'" in r.stderr


def test_decide_reads_the_same_roster_from_the_lookup_file(small_store: Path, tmp_path: Path) -> None:
    bare = copy_store(small_store, tmp_path / "bare", with_lookup=False)
    fast, slow = unsc([*DECIDE, "--json"], small_store), unsc([*DECIDE, "--json"], bare)
    assert fast.returncode == slow.returncode == 0, (fast.stderr, slow.stderr)
    assert (fast.stdout, fast.stderr) == (slow.stdout, slow.stderr)
    assert json.loads(fast.stdout)["council"]["roster_source"] == "store"


def test_store_class_is_untouched_by_the_lookup(small_store: Path) -> None:
    assert isinstance(open_store(small_store), Store)  # the store still opens DuckDB for everything else


def test_sync_swaps_the_lookup_file_in_with_the_store(small_store: Path, tmp_path: Path) -> None:
    from unsc.record import sync

    home = tmp_path / "home"
    (home / "sources").mkdir(parents=True)
    (home / ".sources-sync-x").mkdir()
    old = copy_store(small_store, home)  # the previous store and its lookup file
    st = old.stat()
    os.utime(old, ns=(st.st_atime_ns, st.st_mtime_ns - 10**9))  # ... which the new store replaces
    new = home / ".unsc.duckdb.sync-x"
    shutil.copy2(small_store, new)
    shutil.copy2(lookup_path(small_store), lookup_path(new))
    sync._swap(home / ".sources-sync-x", home / "sources", new, home / "unsc.duckdb")
    assert Lookup.open(home / "unsc.duckdb") is not None
    assert sorted(p.name for p in home.iterdir()) == ["sources", "unsc.duckdb", "unsc.duckdb.lookup"]
