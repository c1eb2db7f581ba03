"""What the news check needs from the record, and a small in-memory record for tests and examples.

Matching takes any object with the two methods of ``unsc.record.Store`` it uses
(``docs/record-schema.md``): ``decisions(since=, until=)`` (a DataFrame or a list of dicts, one row per
decision) and ``decision(symbol)`` (the row plus ``votes``).

>>> rec = MemoryRecord([{"decision_id": "S/2024/239", "draft": "S/2024/239", "date": "2024-03-22",
...     "meeting": "S/PV.9584", "adopted": False, "failure_reason": "veto", "yes": 11, "no": 3, "abstain": 1,
...     "vetoed_by": ["CHN", "RUS"], "votes": {"Y": ["USA"], "N": ["CHN", "RUS", "DZA"], "A": ["GUY"]}}])
>>> [r["decision_id"] for r in rows(rec.decisions(since="2024-03-01", until="2024-03-31"))]
['S/2024/239']
>>> rec.decision("S/2024/239")["votes"][-1]
{'member': 'GUY', 'member_name': 'Guyana', 'permanent': False, 'vote': 'A'}
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import Any, Protocol

from unsc.rules import permanent_seat

__all__ = ["MemoryRecord", "RecordLike", "day_of", "rows"]


class RecordLike(Protocol):
    """The part of ``unsc.record.Store`` the news check uses."""

    def decisions(self, since: Any = None, until: Any = None, **kwargs: Any) -> Any: ...  # pragma: no cover

    def decision(self, symbol: str) -> dict[str, Any] | None: ...  # pragma: no cover


def _clean(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
        return v.tolist()
    import pandas as pd

    if v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    return v


def rows(frame: Any) -> list[dict[str, Any]]:
    """Rows of a DataFrame (or a list of dicts) as plain dicts, with NaN/NA turned into ``None``.

    >>> rows([{"yes": float("nan")}])
    [{'yes': None}]
    """
    if frame is None:
        return []
    recs = frame.to_dict(orient="records") if hasattr(frame, "to_dict") and hasattr(frame, "columns") else list(frame)
    return [{k: _clean(v) for k, v in r.items()} for r in recs]


def day_of(v: Any) -> dt.date | None:
    """A record's date (a date, a timestamp or an ISO string) as a date.

    >>> day_of("2014-07-14T00:00:00"), day_of(None)
    (datetime.date(2014, 7, 14), None)
    """
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


class MemoryRecord:
    """A record held in memory: decisions as dicts (schema columns), member votes as ``{"Y": [...], ...}``
    or as the schema's list of ``{member, vote}``. For tests and examples with typed-in facts."""

    def __init__(self, decisions: Iterable[dict[str, Any]]) -> None:
        from unsc.rules import find_member

        self._rows: list[dict[str, Any]] = []
        self._votes: dict[str, list[dict[str, Any]]] = {}
        for raw in decisions:
            r = dict(raw)
            votes = r.pop("votes", None)
            r["date"] = day_of(r.get("date"))
            r.setdefault("decision_id", r.get("draft") or r.get("resolution"))
            r.setdefault("vetoed_by", [])
            if isinstance(votes, dict):
                votes = [
                    {
                        "member": c,
                        "member_name": (found.name if (found := find_member(c)) else c),
                        "permanent": permanent_seat(c) is not None,
                        "vote": v,
                    }
                    for v, codes in votes.items()
                    for c in codes
                ]
            self._votes[r["decision_id"]] = list(votes or [])
            self._rows.append(r)

    def decisions(self, since: Any = None, until: Any = None, **kwargs: Any) -> list[dict[str, Any]]:
        """Decisions dated between ``since`` and ``until`` (inclusive), in date order."""
        lo, hi = day_of(since), day_of(until)
        out = [dict(r) for r in self._rows if (lo is None or r["date"] >= lo) and (hi is None or r["date"] <= hi)]
        return sorted(out, key=lambda r: (r["date"], str(r["decision_id"])))

    def decision(self, symbol: str) -> dict[str, Any] | None:
        """One decision by draft symbol, decision id or resolution, with its ``votes``."""
        key = symbol.replace("S/RES/", "").replace(" ", "")
        for r in self._rows:
            names = {str(r.get("decision_id")), str(r.get("draft"))}
            if r.get("resolution"):
                names |= {str(r["resolution"]).replace(" ", ""), str(r["resolution"])}
            if r.get("resolution_number") is not None:
                names.add(str(r["resolution_number"]))
            if symbol in names or key in {n.replace(" ", "") for n in names}:
                return {**r, "votes": list(self._votes.get(r["decision_id"], []))}
        return None
