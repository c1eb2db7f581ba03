"""Curated corrections and additions (``errata.toml``), applied to the merged record with citations.

Each entry of ``errata.toml`` is one fact with the UN document that proves it. :func:`load_errata`
reads and checks the file (a bad entry is an :class:`ErrataError` naming the entry and field);
:func:`apply_errata` applies them to the merged decisions, votes and vetoes and returns one
``conflicts`` row per change (field ``errata:<what>``), so every curated fact is reported.

>>> entries = load_errata()
>>> sum(e.action == "addition" for e in entries) >= 1, all(e.citation for e in entries)
(True, True)
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from unsc.record.sources.normalize import is_permanent, resolution_id
from unsc.rules import Kind, find_member

__all__ = ["VOTE_LISTS", "ErrataError", "Erratum", "apply_errata", "load_errata"]

#: the vote lists an entry may give, and the vote code (and non-voting reason) each becomes
VOTE_LISTS: dict[str, tuple[str, str | None]] = {
    "yes": ("Y", None),
    "no": ("N", None),
    "abstain": ("A", None),
    "not_participating": ("X", "present_not_participating"),
    "absent": ("X", "absent"),
}
_MODALITIES = ("recorded", "without_vote", "acclamation")
_SETTABLE = {"draft", "kind", "modality", "date", "date_note", "meeting", "title", "topic", "sponsors", "note"}


class ErrataError(ValueError):
    """An entry of the errata file is malformed; the message names the file, entry and field."""


@dataclass(frozen=True)
class Erratum:
    """One curated fact: a correction of a decision the sources have, or a vote they lack."""

    action: str  # "correction" or "addition"
    index: int  # 1-based position among the entries of its action
    citation: str
    reason: str
    match: dict[str, Any] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    votes: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """``correction 3`` / ``addition 1``, as the error messages name an entry."""
        return f"{self.action} {self.index}"


def _default_path() -> Path:
    return Path(str(resources.files("unsc.record").joinpath("errata.toml")))


def load_errata(path: str | Path | None = None) -> list[Erratum]:
    """Read and check the errata file (default: the one shipped in the package)."""
    p = Path(path) if path is not None else _default_path()
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ErrataError(f"{p}: {e}") from e
    out: list[Erratum] = []
    for action in ("correction", "addition"):
        for i, raw in enumerate(data.get(action, []), start=1):
            where = f"{p}: {action} {i}"
            for key in ("citation", "reason"):
                if not str(raw.get(key) or "").strip():
                    raise ErrataError(f"{where}: field {key!r} is required")
            votes: dict[str, tuple[str, ...]] = {}
            for lst, codes in (raw.get("votes") or {}).items():
                if lst not in VOTE_LISTS:
                    raise ErrataError(f"{where}: field 'votes.{lst}': not one of {', '.join(VOTE_LISTS)}")
                for c in codes:
                    if find_member(c) is None:
                        raise ErrataError(f"{where}: field 'votes.{lst}': unknown member code {c!r}")
                votes[lst] = tuple(codes)
            if action == "correction":
                match = dict(raw.get("match") or {})
                if len(match) != 1 or next(iter(match)) not in ("resolution", "draft", "drafts", "decision_id"):
                    raise ErrataError(f"{where}: field 'match': give one of resolution, draft, drafts, decision_id")
                if "drafts" in match and not (isinstance(match["drafts"], list) and match["drafts"]):
                    raise ErrataError(f"{where}: field 'match.drafts': give a non-empty list of draft symbols")
                values = dict(raw.get("set") or {})
                bad = set(values) - _SETTABLE
                if bad:
                    raise ErrataError(f"{where}: field 'set.{sorted(bad)[0]}': not a field errata may set")
                if "date" in values and not isinstance(values["date"], dt.date):
                    raise ErrataError(f"{where}: field 'set.date': not a date (write it bare: 2004-09-18)")
                if "tally" in raw:
                    values["tally"] = _checked_tally(raw["tally"], where)
                    if votes:
                        raise ErrataError(f"{where}: field 'tally': give member votes or a tally, not both")
            else:
                match = {}
                values = {k: v for k, v in raw.items() if k not in ("votes", "citation", "reason")}
                for key in ("decision_id", "date", "kind", "modality", "adopted"):
                    if key not in values:
                        raise ErrataError(f"{where}: field {key!r} is required")
                if not isinstance(values["date"], dt.date):
                    raise ErrataError(f"{where}: field 'date': not a date")
            if "kind" in values:
                try:
                    Kind.parse(values["kind"])
                except ValueError as e:
                    raise ErrataError(f"{where}: field 'kind': {e}") from e
            if "modality" in values and values["modality"] not in _MODALITIES:
                raise ErrataError(f"{where}: field 'modality': not one of {', '.join(_MODALITIES)}")
            out.append(Erratum(action, i, str(raw["citation"]), str(raw["reason"]), match, values, votes))
    return out


def _checked_tally(raw: Any, where: str) -> tuple[int, int, int]:
    if not (isinstance(raw, list) and len(raw) == 3 and all(isinstance(x, int) and x >= 0 for x in raw)):
        raise ErrataError(f"{where}: field 'tally': give [yes, no, abstain] as three whole numbers")
    return (raw[0], raw[1], raw[2])


def _matches(dec: pd.DataFrame, e: Erratum) -> list[Any]:
    """The row labels a correction applies to: exactly one decision per symbol it names."""
    ((key, value),) = e.match.items()
    col = {"resolution": "resolution_number", "draft": "draft", "drafts": "draft", "decision_id": "decision_id"}[key]
    out = []
    for v in value if key == "drafts" else [value]:
        hits = dec.index[dec[col] == v].tolist()
        if len(hits) != 1:
            raise ErrataError(
                f"errata.toml {e.label}: match {key.rstrip('s')}={v!r} finds {len(hits)} decisions, not 1"
            )
        out.append(hits[0])
    return out


def _vote_rows(did: str, votes: dict[str, tuple[str, ...]]) -> list[dict[str, Any]]:
    rows = []
    for lst, codes in votes.items():
        code, why = VOTE_LISTS[lst]
        for c in codes:
            m = find_member(c)
            rows.append(
                {
                    "decision_id": did,
                    "member": c,
                    "member_name": m.name if m else None,
                    "permanent": is_permanent(c),
                    "vote": code,
                    "source": "errata",
                    "non_voting_reason": why,
                }
            )
    return rows


def _tally(votes: dict[str, tuple[str, ...]]) -> tuple[int, int, int]:
    return (len(votes.get("yes", ())), len(votes.get("no", ())), len(votes.get("abstain", ())))


def _conflict(did: str, what: str, before: Any, after: Any, e: Erratum) -> dict[str, Any]:
    return {
        "entity": did,
        "field": f"errata:{what}",
        "source_a": "errata",
        "value_a": "none" if after in (None, "") else str(after),
        "source_b": "sources",
        "value_b": "none" if before is None or (isinstance(before, float) and pd.isna(before)) else str(before),
        "chosen": "none" if after in (None, "") else str(after),
        "reason": f"{e.reason} (errata.toml {e.label}; {e.citation})",
    }


def apply_errata(
    decisions: pd.DataFrame,
    votes: pd.DataFrame,
    vetoes: pd.DataFrame,
    entries: list[Erratum] | None = None,
    council_size: Any = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, list[dict[str, Any]]]:
    """The decisions, votes and vetoes with every erratum applied, and one ``conflicts`` row per change.

    Raises :class:`ErrataError` if a correction matches no decision, or more than one, or an
    addition's id is taken (the file and the data have drifted apart).
    """
    entries = load_errata() if entries is None else entries
    book = _Applied(decisions.copy(), votes.copy(), council_size)
    for e in entries:
        if e.action == "correction":
            book.correct(e)
        else:
            book.add(e)
    vet = vetoes.copy()
    if book.renamed and not vet.empty and "decision_id" in vet.columns:
        vet["decision_id"] = [book.renamed.get(d, d) for d in vet["decision_id"]]
    vet = _vetoes_follow(vet, book.dec, {r["entity"] for r in book.out})
    if book.new_dec:
        book.dec = pd.concat([book.dec, pd.DataFrame(book.new_dec)], ignore_index=True)
    if book.new_votes:
        book.vot = pd.concat([book.vot, pd.DataFrame(book.new_votes, columns=book.vot.columns)], ignore_index=True)
    if book.new_vetoes:
        vet = pd.concat([vet, pd.DataFrame(book.new_vetoes, columns=vet.columns)], ignore_index=True)
    return book.dec.reset_index(drop=True), book.vot.reset_index(drop=True), vet.reset_index(drop=True), book.out


def _vetoes_follow(vet: pd.DataFrame, dec: pd.DataFrame, corrected: set[str]) -> pd.DataFrame:
    """A veto row repeats its decision's date, draft and meeting: after a correction it repeats the corrected ones."""
    if vet.empty or not corrected or "decision_id" not in vet.columns:
        return vet
    rows = dec[dec["decision_id"].isin(corrected)].set_index("decision_id")
    for i, did in zip(vet.index, vet["decision_id"], strict=True):
        if did in rows.index:
            for fld in ("date", "draft", "meeting"):
                if fld in vet.columns and fld in rows.columns:
                    vet.at[i, fld] = rows.at[did, fld]
    return vet


@dataclass
class _Applied:
    """The record as the errata change it: corrections in place, additions collected to be appended."""

    dec: pd.DataFrame
    vot: pd.DataFrame
    council_size: Any
    out: list[dict[str, Any]] = field(default_factory=list)
    new_dec: list[dict[str, Any]] = field(default_factory=list)
    new_votes: list[dict[str, Any]] = field(default_factory=list)
    new_vetoes: list[dict[str, Any]] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # old decision_id -> new (re_id)

    def correct(self, e: Erratum) -> None:
        """A correction: the fields it sets, and the tally or member votes it gives, on each decision it matches."""
        for i in _matches(self.dec, e):
            self.correct_one(e, i)

    def correct_one(self, e: Erratum, i: Any) -> None:
        dec = self.dec
        did = self.re_id(e, i)
        # a cited date is certain (its date_note goes), unless the erratum says what stays uncertain about it:
        # the day a meeting that ran past midnight began, which reports give as the day of the vote
        for fld, v in sorted(e.values.items(), key=lambda kv: kv[0] == "date_note"):
            if fld == "tally":
                continue
            self.out.append(_conflict(did, fld, dec.at[i, fld], v, e))
            dec.at[i, fld] = None if v == "" else v
            if fld == "date":
                dec.at[i, "year"] = v.year
                if "date_note" in dec.columns:
                    dec.at[i, "date_note"] = None
        if "tally" in e.values:
            self.replace_tally(e, i, did)
        if e.values.get("modality") in ("without_vote", "acclamation"):
            for c in ("yes", "no", "abstain", "non_voting"):
                dec.at[i, c] = 0
            self.vot = self.vot[self.vot["decision_id"] != did]
            dec.at[i, "votes_source"] = None
        if e.votes:
            self.replace_votes(e, i, did)
        srcs = list(dec.at[i, "sources"]) if isinstance(dec.at[i, "sources"], list | tuple) else []
        dec.at[i, "sources"] = sorted({*srcs, "errata"})

    def re_id(self, e: Erratum, i: Any) -> str:
        """The decision's id, renamed where it is the draft symbol the erratum corrects (votes follow).

        A decision is named by its draft symbol; when that symbol is wrong (a document the resolution
        cites, a meeting number) the decision takes the corrected symbol, else its resolution's id.
        """
        dec = self.dec
        did = str(dec.at[i, "decision_id"])
        if "draft" not in e.values or did != dec.at[i, "draft"]:
            return did
        new = str(e.values["draft"])
        rn = dec.at[i, "resolution_number"]
        if not new:
            if rn is None or pd.isna(rn):
                return did  # a failed draft keeps the only name it has
            new = resolution_id(int(rn), int(dec.at[i, "year"]))
        if new == did:
            return did
        if new in set(dec["decision_id"]):
            raise ErrataError(f"errata.toml {e.label}: renaming {did} to {new}, which is already in the record")
        dec.at[i, "decision_id"] = new
        self.vot.loc[self.vot["decision_id"] == did, "decision_id"] = new
        self.renamed[did] = new
        self.out.append(_conflict(new, "decision_id", did, new, e))
        return new

    def replace_tally(self, e: Erratum, i: Any, did: str) -> None:
        dec = self.dec
        if (self.vot["decision_id"] == did).any():
            raise ErrataError(f"errata.toml {e.label}: {did} has member votes; correct them with 'votes', not 'tally'")
        before = "-".join(str(dec.at[i, c]) for c in ("yes", "no", "abstain"))
        y, n, a = e.values["tally"]
        self.out.append(_conflict(did, "tally", before, f"{y}-{n}-{a}", e))
        dec.at[i, "yes"], dec.at[i, "no"], dec.at[i, "abstain"] = y, n, a
        if self.council_size:
            dec.at[i, "non_voting"] = self.council_size(dec.at[i, "date"]) - y - n - a
        if not dec.at[i, "adopted"] and not list(dec.at[i, "vetoed_by"] or []):
            dec.at[i, "failure_reason"] = "insufficient_votes"

    def replace_votes(self, e: Erratum, i: Any, did: str) -> None:
        dec = self.dec
        before = self.vot[self.vot["decision_id"] == did]
        self.out.append(
            _conflict(did, "votes", f"{len(before)} member votes from {dec.at[i, 'votes_source']}", "", e)
            | {"value_a": "-".join(map(str, _tally(e.votes))) + " (member by member)"}
            | {"chosen": "errata"}
        )
        self.vot = self.vot[self.vot["decision_id"] != did]
        self.new_votes += _vote_rows(did, e.votes)
        y, n, a = _tally(e.votes)
        dec.at[i, "yes"], dec.at[i, "no"], dec.at[i, "abstain"] = y, n, a
        size = self.council_size(dec.at[i, "date"]) if self.council_size else y + n + a
        dec.at[i, "non_voting"] = size - y - n - a
        dec.at[i, "votes_source"] = "errata"

    def add(self, e: Erratum) -> None:
        """An addition: a decision no source has, with its votes and vetoes."""
        v = dict(e.values)
        did = str(v["decision_id"])
        if did in set(self.dec["decision_id"]) or any(r["decision_id"] == did for r in self.new_dec):
            raise ErrataError(f"errata.toml {e.label}: decision_id {did!r} is already in the record")
        row = _addition_row(e, did, self.council_size)
        rn, date = row["resolution_number"], row["date"]
        if rn and did != resolution_id(int(rn), date.year):
            raise ErrataError(f"errata.toml {e.label}: decision_id {did!r} is not the id of resolution {rn}")
        self.new_dec.append(row)
        self.new_votes += _vote_rows(did, e.votes)
        for m in row["vetoed_by"]:
            self.new_vetoes.append(
                {
                    "decision_id": did,
                    "date": date,
                    "draft": v.get("draft"),
                    "meeting": v.get("meeting"),
                    "title": v.get("title"),
                    "member": m,
                    "member_name": None,
                    "in_dhl_list": False,
                    "sources": ["errata"],
                    "note": f"not on the DHL veto list in the data; {e.citation}",
                }
            )
        self.out.append(_conflict(did, "addition", None, f"{v['kind']} on {date.isoformat()}", e))
        for m in row["vetoed_by"]:
            self.out.append(
                _conflict(did, "veto", "not listed", f"vetoed by {m}", e)
                | {
                    "field": f"veto:{m}",
                    "source_b": "dhl_veto",
                    "reason": f"not on the DHL veto list in the data; {e.citation}",
                }
            )


def _addition_row(e: Erratum, did: str, council_size: Any) -> dict[str, Any]:
    """The decisions row of an addition."""
    v = e.values
    date = v["date"]
    y, n, a = _tally(e.votes) if e.votes else tuple(v.get("tally") or (None, None, None))
    recorded = v["modality"] == "recorded"
    rn = v.get("resolution")
    vetoed_by = list(v.get("vetoed_by") or [])
    adopted = bool(v["adopted"])
    return {
        "decision_id": did,
        "date": date,
        "year": date.year,
        "meeting": v.get("meeting"),
        "draft": v.get("draft"),
        "resolution": f"{rn} ({date.year})" if rn else None,
        "resolution_number": rn,
        "title": v.get("title"),
        "topic": v.get("topic"),
        "sponsors": v.get("sponsors"),
        "kind": v["kind"],
        "modality": v["modality"],
        "adopted": adopted,
        "failure_reason": "none" if adopted else ("veto" if vetoed_by else "insufficient_votes"),
        "yes": y if recorded else 0,
        "no": n if recorded else 0,
        "abstain": a if recorded else 0,
        "non_voting": (council_size(date) - y - n - a if council_size and y is not None else None) if recorded else 0,
        "vetoed_by": vetoed_by,
        "sources": ["errata"],
        "link": None,
        "note": f"{e.reason}; {e.citation}",
        "votes_source": "errata" if e.votes else None,
        "date_note": None,
    }
