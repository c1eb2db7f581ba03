"""Benchmark ``unsc sync`` against a loopback imitation of the servers (no build).

Measures, each as a median over repeats, with its ratio to a baseline measured in the same run
(plain ``httpx`` GETs of exactly the URLs the sync fetched, the Library's file API included, into
memory, 4 threads as sync uses, no checksums, no files, no atomic swap):

* ``sync_cold``: a first sync into an empty home (the newest voting file looked up, everything downloaded);
* ``sync_cached``: a second sync (the lookup again, every file revalidated by a conditional request, 304);
* ``sync_force``: ``--force`` (everything downloaded again over an existing sources directory);
* ``discover``: finding the newest voting file alone (file API, JSON), against one plain GET of the file API.

The imitation (tests/record/sync_mirror.py) serves the real data directory and, for the UN
Digital Library, a file API listing three versions and a small CSV generated from public facts
(the real CSV is not in the shared data: the byte counts are not those of a real full sync).
``--quick`` uses the DHL 1946-1959 tables only and fewer repeats. Prints one JSON line per
measurement. Needs ../shared/data (or UNSC_DATA_DIR); exits 0 with a note on stderr where it is absent.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))


def median_time(fn: Callable[[], object], repeats: int, setup: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(repeats):
        if setup is not None:
            setup()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    import httpx
    from tests.conftest import find_data_dir
    from tests.record.sync_mirror import imitate_undl, serve

    from unsc.record import sync as S
    from unsc.record.sync_discover import discover

    quick = "--quick" in argv
    data_dir = find_data_dir()
    if data_dir is None:
        print("bench_sync: real data not found (../shared/data or UNSC_DATA_DIR); nothing measured", file=sys.stderr)
        return 0
    names = sorted(
        str(p.relative_to(data_dir))
        for p in data_dir.rglob("*")
        if str(p.relative_to(data_dir)) in {e.name for e in S.manifest()}
    )
    if quick:
        names = [n for n in names if n.startswith("dhl_html/scact19") and int(n[14:18]) < 1960]
        names.append("undl_sc_voting_data_dictionary_2026_02_06.md")  # brings the voting CSV and the lookup
    repeats = 3 if quick else 5

    with serve(data_dir) as mirror:
        imitate_undl(mirror, data_dir)
        state: dict[str, Path] = {}

        def fresh_home() -> None:
            state["home"] = Path(tempfile.mkdtemp(prefix="bench-sync-"))

        def do_sync(**kw: object) -> S.SyncReport:
            home = state["home"]
            return S.sync(
                base_url=mirror.url, only=names, build=False, sources=home / "sources", store=home / "unsc.duckdb", **kw
            )  # type: ignore[arg-type]

        fresh_home()
        first = do_sync()
        urls = [f"{mirror.url}/api/v1/file?recid=4055387", *(f.url for f in first.files)]
        total_bytes = sum(f.bytes or 0 for f in first.files)

        def plain() -> None:
            with httpx.Client() as client, ThreadPoolExecutor(max_workers=4) as pool:
                for resp in pool.map(client.get, urls):
                    resp.raise_for_status()

        base = median_time(plain, repeats)
        cold = median_time(do_sync, repeats, setup=fresh_home)
        cached = median_time(do_sync, repeats)  # the last cold home is now synced
        force = median_time(lambda: do_sync(force=True), repeats)

        with httpx.Client() as client:  # one client for both: its creation (TLS context) is not the lookup's cost

            def plain_api() -> None:
                client.get(urls[0]).raise_for_status()

            def lookup() -> None:
                discover(client, mirror.url)

            lookups = 30 if quick else 100
            pairs = [(median_time(plain_api, 1), median_time(lookup, 1)) for _ in range(lookups)]  # interleaved
            api_base = statistics.median(p for p, _ in pairs)
            found = statistics.median(f for _, f in pairs)

    common = {"files": len(urls) - 1, "bytes": total_bytes, "repeats": repeats, "baseline": "plain_httpx_get"}
    goals = {"sync_cached": ("ratio <= 1.0: revalidating costs no more than downloading everything", 1.0)}
    for name, value in (("plain_httpx_get", base), ("sync_cold", cold), ("sync_cached", cached), ("sync_force", force)):
        row = {"name": name, "median_s": round(value, 4), "ratio": round(value / base, 3), **common}
        if name in goals:
            row["goal"], row["goal_met"] = goals[name][0], value / base <= goals[name][1]
        print(json.dumps(row))
    api = {"repeats": lookups, "baseline": "plain_file_api_get"}
    print(json.dumps({"name": "plain_file_api_get", "median_s": round(api_base, 5), "ratio": 1.0, **api}))
    ratio = found / api_base
    goal = "ratio <= 1.25: reading the list and picking the newest adds little to the one request"
    row = {"name": "discover", "median_s": round(found, 5), "ratio": round(ratio, 3), **api}
    print(json.dumps({**row, "goal": goal, "goal_met": ratio <= 1.25}))
    return 0


if __name__ == "__main__":
    os.environ.pop("UNSC_SYNC_BASE_URL", None)
    raise SystemExit(main(sys.argv[1:]))
