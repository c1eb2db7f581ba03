"""News check benchmark: quality on the annotated articles, and speed.

Quality lines (``measure: quality``): extraction precision / recall / F1 on the development articles
(``tests/news/articles``, written together with the rules) and on the held-out articles
(``tests/news/heldout``, written after the rules were frozen), plus verdict and match accuracy against
the record store when one can be built from the real data (``UNSC_DATA_DIR`` or ../shared/data).

Speed lines: median seconds per article for extraction alone (the baseline) and for the whole check
against the store, with the ratio to the baseline.

Usage: ``.venv/bin/python benchmarks/bench_news.py [--quick]``
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _store():
    from tests.conftest import find_data_dir

    d = find_data_dir()
    if d is None:
        return None
    from unsc.record import open_store
    from unsc.record.build import build

    path = Path(tempfile.mkdtemp()) / "unsc.duckdb"
    build(d, path)
    return open_store(path)


def main(argv: list[str]) -> int:
    from unsc.news import check, extract_claims
    from unsc.news.evaluate import evaluate, load_gold

    quick = "--quick" in argv
    store = _store()
    sets = {"development": ROOT / "tests/news/articles", "heldout": ROOT / "tests/news/heldout"}
    for name, d in sets.items():
        golds = load_gold(d)
        res = evaluate(golds, store)
        row = {k: v for k, v in res.items() if k != "per_article"}
        print(json.dumps({"measure": "quality", "set": name, **row, "store": store is not None}), flush=True)
    golds = load_gold(sets["development"]) + load_gold(sets["heldout"])
    texts = [(g.path.read_text(encoding="utf-8"), g.article_date) for g in golds]
    reps = 1 if quick else 5

    def per_article(fn) -> float:
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            for text, date in texts:
                fn(text, date)
            times.append((time.perf_counter() - t0) / len(texts))
        return statistics.median(times)

    base = per_article(lambda t, d: extract_claims(t, d))
    print(
        json.dumps({"measure": "extract_per_article", "median_s": round(base, 6), "ratio": 1.0, "articles": len(texts)})
    )
    if store is not None:
        full = per_article(lambda t, d: check(t, date=d, record=store))
        print(json.dumps({"measure": "check_per_article", "median_s": round(full, 6), "ratio": round(full / base, 2),
                          "baseline": "extract_per_article", "articles": len(texts)}))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
