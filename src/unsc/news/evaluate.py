"""Measure the news check on annotated articles: extraction precision/recall, verdict and match accuracy.

An annotated article is a text file (``.txt`` or ``.html``) with a JSON file of the same name beside it:
``{"article_date": "YYYY-MM-DD", "decision": "S/2024/239" | null, "claims": [{"field", "member"?, "claimed",
"verdict"}]}``. ``decision`` null with claims means the match must fail (ambiguous); with no claims, the
article reports no Council vote.

>>> score_claims([("yes", None, 11), ("vote", "GUY", "abstain")], [("yes", None, 11), ("vote", "DZA", "no")])
{'tp': 1, 'fp': 1, 'fn': 1}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Gold", "evaluate", "load_gold", "score_claims"]


@dataclass
class Gold:
    """One annotated article."""

    name: str
    path: Path
    article_date: str | None
    decision: str | None
    claims: list[dict[str, Any]]

    def claim_keys(self) -> list[tuple[str, str | None, Any]]:
        """(field, member, claimed) of each expected claim."""
        return [(c["field"], c.get("member"), c["claimed"]) for c in self.claims]


def load_gold(directory: str | Path) -> list[Gold]:
    """Every annotated article in a directory, by name.

    Raises ``ValueError`` naming the file and the field for a malformed annotation.
    """
    out = []
    for ann in sorted(Path(directory).glob("*.json")):
        texts = [p for p in (ann.with_suffix(".txt"), ann.with_suffix(".html")) if p.exists()]
        if not texts:
            raise ValueError(f"{ann}: no article (.txt or .html) beside the annotation")
        try:
            data = json.loads(ann.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ValueError(f"{ann}: not JSON ({exc})") from exc
        for i, c in enumerate(data.get("claims", []), 1):
            for key in ("field", "claimed", "verdict"):
                if key not in c:
                    raise ValueError(f"{ann}: claim {i} has no {key!r}")
        out.append(Gold(ann.stem, texts[0], data.get("article_date"), data.get("decision"), data.get("claims", [])))
    return out


def score_claims(expected: list[tuple[Any, ...]], got: list[tuple[Any, ...]]) -> dict[str, int]:
    """True positives, false positives and false negatives of extracted claims against expected ones."""
    exp = list(expected)
    tp = 0
    for g in got:
        if g in exp:
            exp.remove(g)
            tp += 1
    return {"tp": tp, "fp": len(got) - tp, "fn": len(exp)}


def evaluate(golds: list[Gold], record: Any | None = None) -> dict[str, Any]:
    """Extraction precision/recall over all articles; with a record, verdict and match accuracy too.

    Verdict accuracy counts, over the expected claims that were extracted, those whose verdict equals the
    annotation's. Match accuracy counts articles whose matched decision (or its absence) is the annotated one.
    """
    from unsc.news.check import check
    from unsc.news.extract import extract_claims

    tot = {"tp": 0, "fp": 0, "fn": 0}
    verdict_ok = verdict_n = match_ok = 0
    per: list[dict[str, Any]] = []
    for g in golds:
        ex = extract_claims(g.path.read_text(encoding="utf-8"), g.article_date)
        got = [c.key() for c in ex.claims]
        s = score_claims(g.claim_keys(), got)
        for k in tot:
            tot[k] += s[k]
        row: dict[str, Any] = {"article": g.name, **s}
        if record is not None:
            rep = check(ex, record=record)
            sym = rep.decision["symbol"] if rep.decision else None
            ok_match = _same_symbol(sym, g.decision, rep.decision)
            match_ok += ok_match
            row["decision"] = sym
            row["match_ok"] = ok_match
            byk = {(c["field"], c.get("member"), c["claimed"]): c["verdict"] for c in rep.claims}
            wrong = []
            for c in g.claims:
                k = (c["field"], c.get("member"), c["claimed"])
                if k in byk:
                    verdict_n += 1
                    if byk[k] == c["verdict"]:
                        verdict_ok += 1
                    else:
                        wrong.append({"claim": list(k), "expected": c["verdict"], "got": byk[k]})
            row["wrong_verdicts"] = wrong
        row["missed"] = [list(k) for k in g.claim_keys() if k not in got]
        row["extra"] = [list(k) for k in got if k not in g.claim_keys()]
        per.append(row)
    p = tot["tp"] / (tot["tp"] + tot["fp"]) if tot["tp"] + tot["fp"] else 1.0
    r = tot["tp"] / (tot["tp"] + tot["fn"]) if tot["tp"] + tot["fn"] else 1.0
    out: dict[str, Any] = {
        "articles": len(golds),
        "expected_claims": tot["tp"] + tot["fn"],
        **tot,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "per_article": per,
    }
    if record is not None:
        out["verdict_accuracy"] = round(verdict_ok / verdict_n, 4) if verdict_n else None
        out["verdicts_checked"] = verdict_n
        out["match_accuracy"] = round(match_ok / len(golds), 4) if golds else None
    return out


def _same_symbol(got: str | None, want: str | None, decision: dict[str, Any] | None) -> bool:
    if want is None or got is None:
        return want is None and got is None
    norm = lambda s: str(s).replace(" ", "").replace("S/RES/", "")  # noqa: E731
    names = {norm(got)}
    if decision:
        names |= {norm(decision.get("draft") or ""), norm(decision.get("resolution") or "")}
    return norm(want) in names
