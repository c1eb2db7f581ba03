"""News check benchmark: quality on the annotated articles (development and frozen held-out, apart), and speed.

Quality (``measure: quality``), for each set, each figure beside its goal:

- vote matched: articles whose main vote (or its absence: no Council vote, a vote after the record) is the
  annotated one;
- claim recall / precision: claims as (field, member, value, and the vote they were checked against when
  it is not the main one: an amendment, a rival draft, an earlier veto);
- verdict accuracy over the expected claims found; true claims called contradicted; planted false claims caught.

The development articles (``tests/news/articles``) were written together with the rules; the held-out ones
(``tests/news/heldout``, ``heldout2`` ... ``heldout6``) were each frozen in their own commit before the rules were
changed again; each was measured once untuned (figures in the README), then tuned on. heldout5 and heldout6 hold
real-length reports (250-800 words). heldout7 (written by two writers who never read the rules, frozen while
heldout6 was tuned on) was measured once frozen, then tuned on. heldout8 (written by two writers while heldout7 was
tuned on) was measured once frozen (vote matched 85 %, recall 43.5 %, precision 91.0 %), then tuned on with every
older set by general mechanisms (news5: attribution by evidence, member votes by vote-word category, votes by
reference, texts written long after their vote), so its row is "tuned on". heldout9 (written by two writers while
heldout8 was tuned on, never read by the tuning) was measured once frozen with those rules (vote matched 90 %,
recall 60.8 %, precision 83.4 %), then one general fix followed (a clear lead wins although false claims pull the
score below zero: matched 95 %, planted 4/6), then tuned on with every older set by readers per sentence shape
(news6), so its row is "tuned on". heldout10 (written by two writers while heldout9 was tuned on, never read by the
tuning) was measured once with the news6 rules (vote matched 80 %, recall 55.2 %, precision 82.2 %), then tuned on
with every older set (news7: a reader by evidence; news8: finding the vote). heldout11 (written while heldout10 was
tuned on) was measured once with those rules (vote matched 90 %, recall 51.5 %, precision 80.7 %, 3 true claims
contradicted), then tuned on (news9: which vote a claim belongs to). heldout12 (written while heldout11 was tuned
on, never read by the tuning) has not been tuned on: its row is "heldout12 (frozen)" and skips where the directory
is absent.
Goals are the issue's: held-out vote matched >= 95 %, recall >= 90 %, no true claim
contradicted.

Speed (``measure: *_per_article``): median seconds per article for extraction alone (the baseline) and for
the whole check against the store (cold caches on the first repetition, as users meet it), with the ratio.

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

LABELS = {
    "match_accuracy": "vote matched",
    "recall": "claim recall",
    "precision": "claim precision",
    "verdict_accuracy": "verdict accuracy",
    "true_called_contradicted": "true claims called contradicted",
    "planted_caught": "planted false claims caught",
}


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


def _met(value: float | int | None, goal: tuple[str, float]) -> bool | None:
    if value is None:
        return None
    op, target = goal
    return value >= target if op == ">=" else value == target


def main(argv: list[str]) -> int:
    from unsc.news import check, extract_claims
    from unsc.news.evaluate import GOALS, evaluate, load_gold

    quick = "--quick" in argv
    store = _store()
    if store is None:
        print("no real data (UNSC_DATA_DIR or ../shared/data): only extraction figures", file=sys.stderr)
    # held-out sets in the order they were frozen; each but the last was measured once untuned, then tuned on
    sets = {
        "development": ROOT / "tests/news/articles",
        "heldout1 (tuned on)": ROOT / "tests/news/heldout",
        "heldout2 (tuned on)": ROOT / "tests/news/heldout2",
        "heldout3 (tuned on)": ROOT / "tests/news/heldout3",
        "heldout4 (tuned on)": ROOT / "tests/news/heldout4",
        "heldout5 (tuned on)": ROOT / "tests/news/heldout5",
        "heldout6 (tuned on)": ROOT / "tests/news/heldout6",
        "heldout7 (tuned on)": ROOT / "tests/news/heldout7",
        "heldout8 (tuned on)": ROOT / "tests/news/heldout8",
        "heldout9 (tuned on)": ROOT / "tests/news/heldout9",
        "heldout10 (tuned on)": ROOT / "tests/news/heldout10",
        "heldout11 (tuned on)": ROOT / "tests/news/heldout11",
        "heldout12 (frozen)": ROOT / "tests/news/heldout12",
    }
    for name, d in list(sets.items()):
        if not d.is_dir():  # the frozen set lands in its own commit; until then there is nothing to measure
            print(json.dumps({"measure": "quality", "set": name, "skipped": f"{d.relative_to(ROOT)} is absent"}))
            del sets[name]
            continue
        golds = load_gold(d)
        res = evaluate(golds, store)
        row = {k: v for k, v in res.items() if k != "per_article"}
        print(json.dumps({"measure": "quality", "set": name, **row, "store": store is not None}), flush=True)
        for key, goal in GOALS.items():
            value = res.get(key)
            if value is None:
                continue
            shown = f"{value:.1%}" if isinstance(value, float) else str(value)
            target = f"{goal[0]} {goal[1]:.0%}" if isinstance(goal[1], float) else f"{goal[0]} {goal[1]}"
            met = _met(value, goal)
            print(f"  {name:<20} {LABELS[key]:<32} {shown:>7}   goal {target:<7} {'met' if met else 'NOT met'}")
        if store is not None:
            extra = f"({res['planted_false_claims']} planted, {res['verdicts_checked']} verdicts checked)"
            print(f"  {name:<20} {res['articles']} articles, {res['expected_claims']} expected claims {extra}")
    golds = [g for d in sets.values() for g in load_gold(d)]
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
