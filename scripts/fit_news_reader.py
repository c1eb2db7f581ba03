"""Fit the weights of the news reader by evidence (``unsc.news.reader``) and report them leave one set out.

Usage (store built from ../shared/data)::

    PYTHONPATH=src python scripts/fit_news_reader.py [--store PATH] [--sets articles,heldout,...] [--no-eval]

1. Every annotated development set is read with the shape readers alone, while every candidate the reader by
   evidence would weigh (a state and a vote word in one clause, for a member the shape readers gave no vote) is
   recorded with its features. A candidate is labelled true when its claim (``vote``/``veto``, member, value, and
   the record vote ``check()`` matched its sentence's vote to) is one the annotation expects and the shape
   readers did not read (the claims they miss).
2. Logistic regression (L2, Newton steps, numpy) on those candidates; the threshold is the lowest probability at
   which the candidates above it, best per member and clause, are right at least ``--min-precision`` of the time.
3. Leave one set out: fitted on the other sets, the weights are used on the left-out one and ``evaluate()``
   against the store gives its figures, beside the shape readers alone. These estimate a new unseen set.
4. The fit on all sets is printed as the ``WEIGHTS``/``THRESHOLD`` to put in ``unsc/news/reader.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from unsc.news import extract as ex
from unsc.news import reader
from unsc.news.check import check
from unsc.news.evaluate import _sym_key, evaluate, load_gold
from unsc.rules.charter import code_of_the_time

SETS = ["articles", *[f"heldout{n}" for n in ["", *range(2, 11)]]]
ROOT = Path(__file__).resolve().parent.parent / "tests" / "news"
L2 = 1.0

Row = dict[str, Any]


def collect(sets: list[str], store: Any) -> list[Row]:
    """Every candidate of every development article, labelled, with the shape readers alone.

    A candidate is true when its claim, for the record vote its sentence's vote was matched to (``check()``
    against the store), is one the annotation expects and the shape readers miss; candidates of a vote matched
    to no record vote are left out (their claims are never counted)."""
    rows: list[Row] = []
    record: list[tuple[int, int, str, str, dict[str, float]]] = []
    clause = [0]
    real = reader.propose

    def spy(norm: str, have: Any = frozenset(), weights: Any = None, threshold: Any = None, when: Any = None) -> Any:
        clause[0] += 1
        event = sys._getframe(1).f_locals["self"].cur  # the vote the clause is about (the caller is a _Reading)
        record.extend((clause[0], event, m, c, f) for m, c, f in reader.candidates(norm, when) if m not in have)
        return []

    reader.propose = spy
    try:
        for name in sets:
            for g in load_gold(ROOT / name):
                record.clear()
                got = ex.extract_claims(g.path.read_text(encoding="utf-8"), g.article_date)
                rep = check(got, record=store)
                main = rep.decision.symbol if rep.decision else None
                votes = {0: rep.decision} if rep.decision else {}
                votes.update({o.event: o.decision for o in rep.other_votes if o.decision})
                have = Counter(
                    (c.field, c.member, c.claimed, None if c.decision in (None, main) else _sym_key(c.decision))
                    for c in rep.claims
                )
                missing = Counter(
                    (c["field"], c.get("member"), c["claimed"], _sym_key(c.get("decision"))) for c in g.claims
                )
                missing.subtract(have)
                for cl, event, member, cat, f in record:
                    vote = votes.get(event)
                    if vote is None:
                        continue
                    when = dt.date.fromisoformat(vote.date) if vote.date else got.vote_date or got.article_date
                    code = code_of_the_time(member, when) if when else member
                    dec = None if vote.symbol == main else _sym_key(vote.symbol)
                    key = ("veto", code, True, dec) if cat == "veto" else ("vote", code, cat, dec)
                    rows.append({"set": name, "article": g.name, "clause": cl, "member": code, "category": cat,
                                 "features": f, "label": missing[key] > 0})  # fmt: skip
    finally:
        reader.propose = real
    return rows


def fit(rows: list[Row], names: list[str]) -> np.ndarray:
    """Weights (bias first) of an L2-regularised logistic regression, by Newton steps."""
    x = np.array([[1.0, *(r["features"][n] for n in names)] for r in rows])
    y = np.array([float(r["label"]) for r in rows])
    w = np.zeros(x.shape[1])
    reg = np.eye(x.shape[1]) * L2
    reg[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -40, 40)))
        grad = x.T @ (p - y) + reg @ w
        hess = (x * (p * (1 - p))[:, None]).T @ x + reg + np.eye(x.shape[1]) * 1e-6
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def as_weights(w: np.ndarray, names: list[str]) -> dict[str, float]:
    return {"bias": round(float(w[0]), 3), **{n: round(float(v), 3) for n, v in zip(names, w[1:], strict=True)}}


def threshold(rows: list[Row], weights: dict[str, float], min_precision: float) -> float:
    """The lowest probability whose proposals (best per member and clause) are right ``min_precision`` of the time."""
    groups: dict[tuple[Any, ...], list[Row]] = defaultdict(list)
    for r in rows:
        groups[(r["set"], r["article"], r["clause"])].append(r)
    ranked = []
    for g in groups.values():
        label = {(r["member"], r["category"]): r["label"] for r in g}
        props = [reader.Proposal(r["member"], r["category"], r["features"], reader.score(r["features"], weights))
                 for r in g]  # fmt: skip
        ranked += [(p.score, label[(p.member, p.category)]) for p in reader.choose(props)]
    ranked.sort(reverse=True)
    tp = fp = 0
    chosen = 1.01
    for s, ok in ranked:
        tp, fp = tp + ok, fp + (not ok)
        if s < 0.2:
            break
        if tp / (tp + fp) >= min_precision:
            chosen = s
    return chosen


def figures(name: str, store: Any, weights: dict[str, float] | None, t: float) -> dict[str, Any]:
    old_w, old_t = reader.WEIGHTS, reader.THRESHOLD
    reader.WEIGHTS, reader.THRESHOLD = (weights or {}), (t if weights else 2.0)
    try:
        r = evaluate(load_gold(ROOT / name), store)
    finally:
        reader.WEIGHTS, reader.THRESHOLD = old_w, old_t
    keys = ("match_accuracy", "recall", "precision", "tp", "fp", "fn", "true_called_contradicted")
    return {k: r[k] for k in keys}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", default=str(Path(os.environ.get("UNSC_HOME", ".unsc-home")) / "unsc.duckdb"))
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--min-precision", type=float, default=0.9)
    ap.add_argument("--threshold", type=float, help="use this probability instead of choosing one by precision")
    ap.add_argument("--no-eval", action="store_true", help="fit and print the weights only")
    a = ap.parse_args()
    sets = a.sets.split(",")
    from unsc.record import open_store

    store = open_store(a.store)
    rows = collect(sets, store)
    names = sorted(rows[0]["features"])
    by_set: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_set[r["set"]].append(r)
    print(f"{len(rows)} candidates, {sum(r['label'] for r in rows)} true; features: {', '.join(names)}")
    print("leave one set out (fit on the other sets, figures on this one; shape readers alone -> with the reader):")
    totals: Counter[str] = Counter()
    for name in sets:
        train = [r for r in rows if r["set"] != name]
        w = as_weights(fit(train, names), names)
        t = a.threshold if a.threshold is not None else threshold(train, w, a.min_precision)
        if a.no_eval:
            print(f"  {name}: threshold {t:.3f}")
            continue
        base, new = figures(name, store, None, t), figures(name, store, w, t)
        for k in ("tp", "fp", "fn"):
            totals[f"base_{k}"] += base[k]
            totals[f"new_{k}"] += new[k]
        print(f"  {name:10} t={t:.3f} recall {base['recall']:.4f} -> {new['recall']:.4f} "
              f"precision {base['precision']:.4f} -> {new['precision']:.4f} "
              f"matched {base['match_accuracy']} -> {new['match_accuracy']} "
              f"tp {base['tp']} -> {new['tp']} fp {base['fp']} -> {new['fp']} "
              f"contradicted {base['true_called_contradicted']} -> {new['true_called_contradicted']}", flush=True)  # fmt: skip
    if totals:
        for p in ("base", "new"):
            tp, fp, fn = totals[f"{p}_tp"], totals[f"{p}_fp"], totals[f"{p}_fn"]
            print(f"  all sets, {p}: recall {tp / (tp + fn):.4f} precision {tp / (tp + fp):.4f} (tp {tp}, fp {fp})")
    w = as_weights(fit(rows, names), names)
    print(f"fit on all sets:\nWEIGHTS = {w!r}\nTHRESHOLD = {threshold(rows, w, a.min_precision):.3f}")


if __name__ == "__main__":
    main()
