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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from unsc.news.report import MatchedDecision

__all__ = ["GOALS", "Gold", "evaluate", "load_gold", "score_claims"]


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


GOALS = {
    "match_accuracy": (">=", 0.95),
    "recall": (">=", 0.90),
    "precision": (">=", 0.90),
    "verdict_accuracy": (">=", 0.95),
    "true_called_contradicted": ("==", 0),
    "planted_caught": (">=", 0.90),
}


def evaluate(golds: list[Gold], record: Any | None = None) -> dict[str, Any]:
    """Extraction precision/recall over all articles; with a record, match and verdict figures too.

    A claim is (field, member, claimed) and, with a record, the vote it was checked against when that is
    not the article's main vote (an amendment, a rival draft, an earlier veto): a claim attributed to the
    wrong vote counts as missed and as extra. Claims left out (about a vote not found, a General Assembly
    vote, a vote to come) are not counted as extracted. Verdict accuracy counts, over the expected claims
    that were extracted, those whose verdict equals the annotation's; ``true_called_contradicted`` counts
    true claims given ``contradicted``; ``planted_caught`` is the share of planted false claims given
    ``contradicted``. ``match_accuracy`` counts articles whose main vote (or its absence) is the annotated one.
    """
    from unsc.news.check import check
    from unsc.news.extract import extract_claims

    tot = {"tp": 0, "fp": 0, "fn": 0}
    verdict_ok = verdict_n = match_ok = true_contra = planted = caught = 0
    per: list[dict[str, Any]] = []
    for g in golds:
        ex = extract_claims(g.path.read_text(encoding="utf-8"), g.article_date)
        want: list[tuple[Any, ...]]
        got: list[tuple[Any, ...]]
        if record is None:
            got = [c.key() for c in ex.claims]
            want = g.claim_keys()
            verdict_of: dict[tuple[Any, ...], str] = {}
        else:
            rep = check(ex, record=record)
            main_sym = rep.decision.symbol if rep.decision else None
            got, verdict_of = [], {}
            for cc in rep.claims:
                dec = cc.decision
                k = (cc.field, cc.member, cc.claimed, None if dec in (None, main_sym) else _sym_key(dec))
                got.append(k)
                verdict_of[k] = cc.verdict.value
            want = [(c["field"], c.get("member"), c["claimed"], _sym_key(c.get("decision"))) for c in g.claims]
        s = score_claims(want, got)
        for measure in tot:
            tot[measure] += s[measure]
        row: dict[str, Any] = {"article": g.name, **s}
        if record is not None:
            sym = rep.decision.symbol if rep.decision else None
            ok_match = _same_symbol(sym, g.decision, rep.decision)
            match_ok += ok_match
            row.update(decision=sym, match_ok=ok_match, status=rep.status)
            wrong = []
            for c, k in zip(g.claims, want, strict=True):
                if c["verdict"] == "contradicted":
                    planted += 1
                if k in verdict_of:
                    verdict_n += 1
                    v = verdict_of[k]
                    if v == c["verdict"]:
                        verdict_ok += 1
                    else:
                        wrong.append({"claim": list(k), "expected": c["verdict"], "got": v})
                    if c["verdict"] == "supported" and v == "contradicted":
                        true_contra += 1
                    if c["verdict"] == "contradicted" and v == "contradicted":
                        caught += 1
            row["wrong_verdicts"] = wrong
        row["missed"] = [list(k) for k in want if k not in got]
        row["extra"] = [list(k) for k in got if k not in want]
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
        out["true_called_contradicted"] = true_contra
        out["planted_false_claims"] = planted
        out["planted_caught"] = round(caught / planted, 4) if planted else None
    return out


def _sym_key(symbol: str | None) -> str | None:
    """A vote's symbol as compared: spacing aside, "S/RES/816 (1993)" and "S/RES/816(1993)" are one vote.

    >>> _sym_key("S/RES/816 (1993)") == _sym_key("S/RES/816(1993)")
    True
    """
    return None if symbol is None else str(symbol).replace(" ", "")


def _same_symbol(got: str | None, want: str | None, decision: MatchedDecision | None) -> bool:
    if want is None or got is None:
        return want is None and got is None
    norm = lambda s: str(s).replace(" ", "").replace("S/RES/", "")  # noqa: E731
    names = {norm(got)}
    if decision:
        names |= {norm(n) for n in decision.names()}
    return norm(want) in names
