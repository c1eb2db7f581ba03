"""A tiny store for the web tests, typed in from public facts (four votes), with the
``unsc.record.Store`` query methods of docs/record-schema.md over pandas frames.

Outcomes and explanations are computed by the rules engine from the member votes, as the record
layer does; only the votes, dates and symbols are typed in. Every filter the query methods accept
is honoured as the real store does it (same columns, same order, member names or codes);
tests/web/test_fixture_store.py runs both on the same rows, parameter by parameter.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

from unsc.rules import Ballot, decide, find_member, member, permanent_seat

# (decision_id, date, meeting, draft, resolution, title, yes, no, abstain, not voting)
VOTES = [
    (
        "S/2024/239",
        "2024-03-22",
        "S/PV.9584",
        "S/2024/239",
        None,
        "The situation in the Middle East, including the Palestinian question",
        "USA GBR FRA JPN KOR MLT CHE SVN ECU MOZ SLE",
        "RUS CHN DZA",
        "GUY",
        "",
    ),
    (
        "S/RES/2728(2024)",
        "2024-03-25",
        "S/PV.9586",
        None,
        "2728 (2024)",
        "The situation in the Middle East, including the Palestinian question",
        "DZA CHN ECU FRA GUY JPN MLT MOZ KOR RUS SLE SVN CHE GBR",
        "",
        "USA",
        "",
    ),
    (
        "S/2022/155",
        "2022-02-25",
        "S/PV.8979",
        "S/2022/155",
        None,
        "Letter dated 28 February 2014 from the Permanent Representative of Ukraine (S/2014/136)",
        "ALB BRA FRA GAB GHA IRL KEN MEX NOR GBR USA",
        "RUS",
        "CHN IND ARE",
        "",
    ),
    (
        "S/1511",
        "1950-06-27",
        "S/PV.474",
        "S/1511",
        "83 (1950)",
        "Complaint of aggression upon the Republic of Korea",
        "USA GBR FRA CHN CUB ECU NOR",
        "YUG",
        "",
        "EGY IND SUN",
    ),
]


def _norm(symbol: Any) -> str:
    if not isinstance(symbol, str):  # None comes back from pandas as NaN
        return ""
    return re.sub(r"\s+", "", symbol.upper()).removeprefix("S/RES/")


def _since(value: Any) -> dt.date:
    """A lower bound given as a year, a date or an ISO string, as the real store accepts it."""
    s = str(value).strip()
    if re.fullmatch(r"\d{4}", s):
        return dt.date(int(s), 1, 1)
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(s[:10])


def _until(value: Any) -> dt.date:
    """An upper bound: a bare year means up to its 31 December (as in the real store)."""
    s = str(value).strip()
    if re.fullmatch(r"\d{4}", s):
        return dt.date(int(s), 12, 31)
    return _since(value)


def _period(f: pd.DataFrame, since: Any, until: Any, column: str = "date") -> pd.DataFrame:
    if since is not None:
        f = f[f[column] >= _since(since)]
    if until is not None:
        f = f[f[column] <= _until(until)]
    return f


def _code(name: str) -> str:
    """A member code or name, as the real store reads it (an unknown name raises the rules' error)."""
    return member(name).code


#: ``Store.decisions(outcome=...)``: the rows each outcome keeps
_OUTCOMES = {
    "adopted": lambda f: f["adopted"],
    "failed": lambda f: ~f["adopted"],
    "not_adopted": lambda f: ~f["adopted"],
    "rejected": lambda f: ~f["adopted"],
    "vetoed": lambda f: f["failure_reason"] == "veto",
    "veto": lambda f: f["failure_reason"] == "veto",
    "insufficient_votes": lambda f: f["failure_reason"] == "insufficient_votes",
    "without_vote": lambda f: f["modality"] == "without_vote",
}


class FixtureStore:
    """The four votes above, queryable like ``unsc.record.Store``."""

    def __init__(self) -> None:
        rows, votes = [], []
        for did, date, meeting, draft, res, title, yes, no, abst, nv in VOTES:
            split = {k: v.split() for k, v in (("yes", yes), ("no", no), ("abstain", abst), ("absent", nv))}
            d = decide(Ballot.of(date, **split))
            rows.append(
                {
                    "decision_id": did,
                    "date": dt.date.fromisoformat(date),
                    "year": int(date[:4]),
                    "meeting": meeting,
                    "draft": draft,
                    "resolution": res,
                    "resolution_number": int(res.split()[0]) if res else None,
                    "title": title,
                    "topic": None,
                    "sponsors": None,
                    "kind": "draft_resolution",
                    "voting_class": "non_procedural",
                    "modality": "recorded",
                    "adopted": d.adopted,
                    "failure_reason": d.failure_reason.value,
                    "yes": d.yes,
                    "no": d.no,
                    "abstain": d.abstain,
                    "non_voting": d.non_voting,
                    "vetoed_by": list(d.vetoed_by),
                    "rule_adopted": d.adopted,
                    "rule_agrees": True,
                    "explanation": d.explanation,
                    "sources": ["fixture"],
                    "link": None,
                }
            )
            for key, letter in (("yes", "Y"), ("no", "N"), ("abstain", "A"), ("absent", "X")):
                for code in split[key]:
                    m = find_member(code)
                    votes.append(
                        {
                            "decision_id": did,
                            "member": code,
                            # the UN's voting data writes older names in capitals ("CHINA"), as the real store has them
                            "member_name": (m.name.upper() if date < "1972" else m.name) if m else code,
                            "permanent": permanent_seat(code) is not None,
                            "vote": letter,
                            "source": "fixture",
                        }
                    )
        self._decisions = pd.DataFrame(rows).astype({"resolution_number": "Int32", "year": "Int32"})  # as DuckDB gives
        self._votes = pd.DataFrame(votes)
        vetoes = [
            {
                "decision_id": r["decision_id"],
                "date": r["date"],
                "draft": r["draft"],
                "meeting": r["meeting"],
                "title": r["title"],
                "member": code,
                "member_name": find_member(code).name,  # type: ignore[union-attr]
                # as the real store has them: a veto after the Library's list ends carries the build's note
                "in_dhl_list": r["date"] < dt.date(2022, 5, 27),
                "sources": ["fixture"] if r["date"] < dt.date(2022, 5, 27) else ["voting_agent"],
                "note": None
                if r["date"] < dt.date(2022, 5, 27)
                else "after the last entry of the DHL veto list in the data (2022-05-26); named by voting_agent",
            }
            for r in rows
            for code in r["vetoed_by"]
        ]
        self._vetoes = pd.DataFrame(vetoes)

    def decisions(
        self,
        since: Any = None,
        until: Any = None,
        member: str | None = None,
        outcome: str | None = None,
        kind: str | None = None,
        text: str | None = None,
        vetoed_by: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        f = _period(self._decisions, since, until)
        if member:
            ids = set(self._votes.loc[self._votes["member"] == _code(member), "decision_id"])
            f = f[f["decision_id"].isin(ids)]
        if outcome:
            keep = _OUTCOMES.get(outcome.strip().casefold().replace("-", "_").replace(" ", "_"))
            if keep is None:
                raise ValueError(
                    f"unknown outcome {outcome!r}: adopted, failed, vetoed, insufficient_votes, without_vote"
                )
            f = f[keep(f).astype(bool)]
        if kind:
            f = f[f["kind"] == kind]
        if text:
            t = text.casefold()
            cols = ("title", "topic", "draft", "resolution", "decision_id")
            hit = [
                any(isinstance(v, str) and t in v.casefold() for v in row) for row in f[list(cols)].to_numpy().tolist()
            ]
            f = f[pd.Series(hit, index=f.index, dtype=bool)]
        if vetoed_by:
            code = _code(vetoed_by)
            f = f[f["vetoed_by"].map(lambda v: code in v)]
        f = f.sort_values(["date", "decision_id"], ascending=False)
        f = f.iloc[offset:]
        return f.head(limit) if limit is not None else f

    def decision(self, symbol: str) -> dict[str, Any] | None:
        key = _norm(symbol)
        for row in self._decisions.to_dict(orient="records"):
            keys = {_norm(row["decision_id"]), _norm(row["draft"]), _norm(row["resolution"])}
            if key in keys:
                from unsc.record.decision import RecordedDecision

                v = self._votes[self._votes["decision_id"] == row["decision_id"]]
                # the same typed object the real store renders (Store.decision), not a dict of our own
                return RecordedDecision.from_row(row, v.to_dict(orient="records")).to_dict()
        return None

    def votes(
        self, decision_id: str | None = None, member: str | None = None, since: Any = None, until: Any = None
    ) -> pd.DataFrame:
        """Member votes with the decision's date and outcome, oldest first (as ``Store.votes``)."""
        f = self._votes.merge(self._decisions[["decision_id", "date", "adopted"]], on="decision_id")
        if decision_id:
            key = _norm(decision_id)
            ids = {
                r["decision_id"]
                for r in self._decisions.to_dict(orient="records")
                if key in {_norm(r["decision_id"]), _norm(r["draft"]), _norm(r["resolution"])}
            }
            f = f[f["decision_id"].isin(ids or {decision_id})]
        if member:
            f = f[f["member"] == _code(member)]
        f = _period(f, since, until)
        return f.sort_values(["date", "decision_id", "member"]).reset_index(drop=True)

    def vetoes(self, member: str | None = None, since: Any = None, until: Any = None) -> pd.DataFrame:
        """One row per vetoing member per vetoed proposal, oldest first (as ``Store.vetoes``)."""
        f = self._vetoes
        if member:
            f = f[f["member"] == _code(member)]
        f = _period(f, since, until)
        return f.sort_values(["date", "decision_id", "member"]).reset_index(drop=True)

    def members(self) -> pd.DataFrame:
        rows = []
        for code, g in self._votes.merge(self._decisions[["decision_id", "year"]]).groupby("member"):
            years = sorted(set(g["year"]))
            rows.append(
                {
                    "code": code,
                    "name": find_member(code).name,  # type: ignore[union-attr]
                    "names": [find_member(code).name],  # type: ignore[union-attr]
                    "permanent": bool(g["permanent"].iloc[0]),
                    "first_year": years[0],
                    "last_year": years[-1],
                    "years": years,
                }
            )
        return pd.DataFrame(rows)
