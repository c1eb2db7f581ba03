"""Benchmark ``unsc sync`` against a loopback mirror of the real data (no build).

Measures, each as a median over repeats, with its ratio to a baseline measured in the same run
(plain ``httpx`` GETs of the same files into memory, 4 threads as sync uses, no checksums, no
files, no atomic swap):

* ``sync_cold``: a first sync into an empty home (everything downloaded);
* ``sync_cached``: a second sync (every file revalidated by a conditional request, 304);
* ``sync_force``: ``--force`` (everything downloaded again over an existing sources directory).

``--quick`` uses the DHL 1946-1959 tables only and fewer repeats. Prints one JSON line per measurement.
Needs ../shared/data (or UNSC_DATA_DIR); exits 0 with a note on stderr where it is absent.
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
    from tests.record.sync_mirror import serve

    from unsc.record import sync as S

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
    repeats = 3 if quick else 5
    total_bytes = sum((data_dir / n).stat().st_size for n in names)

    with serve(data_dir) as mirror:

        def plain() -> None:
            with httpx.Client() as client, ThreadPoolExecutor(max_workers=4) as pool:
                for resp in pool.map(lambda n: client.get(f"{mirror.url}/{n}"), names):
                    resp.raise_for_status()

        base = median_time(plain, repeats)

        def fresh_home() -> None:
            state["home"] = Path(tempfile.mkdtemp(prefix="bench-sync-"))

        state: dict[str, Path] = {}

        def do_sync(**kw: object) -> None:
            home = state["home"]
            S.sync(
                base_url=mirror.url, only=names, build=False, sources=home / "sources", store=home / "unsc.duckdb", **kw
            )  # type: ignore[arg-type]

        cold = median_time(do_sync, repeats, setup=fresh_home)
        cached = median_time(do_sync, repeats)  # the last cold home is now synced
        force = median_time(lambda: do_sync(force=True), repeats)

    common = {"files": len(names), "bytes": total_bytes, "repeats": repeats, "baseline": "plain_httpx_get"}
    for name, value in (("plain_httpx_get", base), ("sync_cold", cold), ("sync_cached", cached), ("sync_force", force)):
        print(json.dumps({"name": name, "median_s": round(value, 4), "ratio": round(value / base, 3), **common}))
    return 0


if __name__ == "__main__":
    os.environ.pop("UNSC_SYNC_BASE_URL", None)
    raise SystemExit(main(sys.argv[1:]))
