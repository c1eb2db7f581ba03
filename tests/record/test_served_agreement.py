"""Every decision of the real store, asked for through every interface a reader uses, says the same thing.

A journalist may quote `unsc show`, a researcher the pandas tables, a web developer the JSON API, a
reader the web page. For each of the store's decisions this walks all of them and compares the
outcome, tally, vetoers, date, resolution and topic (and the roll call's counts where a page shows
one) against the decisions table, so a field that one interface re-derives or formats on its own
cannot drift from the record unnoticed.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.data

FIELDS = ("date", "adopted", "tally", "vetoed_by", "resolution", "topic", "meeting", "modality")


def _tally(row: dict[str, Any]) -> str:
    """The tally a decision must be served with, worked out here from the table's own columns."""
    if row["modality"] == "acclamation":
        return "by acclamation"
    if row["modality"] == "without_vote":
        return "without a vote"
    if row["yes"] is None or row["no"] is None or row["abstain"] is None:
        return "unknown"
    return f"{row['yes']}-{row['no']}-{row['abstain']}"


def _expected(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": row["date"].isoformat() if row["date"] is not None else None,
        "adopted": row["adopted"],
        "tally": _tally(row),
        "vetoed_by": sorted(row["vetoed_by"] if row["vetoed_by"] is not None else []),
        "resolution": row["resolution"],
        "topic": row["topic"],
        "meeting": row["meeting"],
        "modality": row["modality"],
    }


def _served(d: dict[str, Any]) -> dict[str, Any]:
    date = d.get("date")
    return {
        "date": date.isoformat() if isinstance(date, dt.date) else date,
        "adopted": d.get("adopted"),
        "tally": d.get("tally"),
        "vetoed_by": sorted(d.get("vetoed_by") or []),
        "resolution": d.get("resolution"),
        "topic": d.get("topic"),
        "meeting": d.get("meeting"),
        "modality": d.get("modality"),
    }


def _diff(name: str, did: str, want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    return [f"{did} [{name}] {f}: table {want[f]!r}, served {got.get(f)!r}" for f in FIELDS if want[f] != got.get(f)]


@pytest.fixture(scope="module")
def table(store: Any) -> list[dict[str, Any]]:
    """The decisions as the Python API's pandas table gives them, as plain Python values."""
    from unsc.web.store_cache import python_rows

    frame = store.decisions()
    assert len(frame) == int(store.sql("SELECT count(*) AS n FROM decisions")["n"][0])
    return python_rows(frame)


def test_the_pandas_votes_table_adds_up_to_every_tally(store: Any, table: list[dict[str, Any]]) -> None:
    """``Store.votes()`` (the member rows a researcher counts) gives each recorded decision its served tally."""
    votes = store.votes()
    counted: dict[str, list[int]] = {}
    for did, vote in zip(votes["decision_id"], votes["vote"], strict=True):
        c = counted.setdefault(did, [0, 0, 0, 0])
        c["YNAX".index(vote)] += 1
    bad = []
    for row in table:
        c = counted.get(row["decision_id"])
        if c is None:
            continue
        if row["modality"] != "recorded":
            bad.append(f"{row['decision_id']}: member votes on a decision taken {row['modality']}")
        elif (c[0], c[1], c[2], c[3]) != (row["yes"], row["no"], row["abstain"], row["non_voting"]):
            bad.append(f"{row['decision_id']}: rows {c}, table {row['yes']}-{row['no']}-{row['abstain']}")
    assert bad == []
    assert len(counted) > 2500  # the walk saw the member votes of most decisions


def test_show_the_python_api_the_json_api_and_the_page_agree_on_every_decision(
    built_store: Path,
    store: Any,
    table: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fastapi.testclient import TestClient

    from unsc.cli import main
    from unsc.web import create_app

    monkeypatch.setenv("COLUMNS", "400")  # `unsc show` in words, one line per field (no wrapping at 80)
    client = TestClient(create_app(store_path=built_store))
    bad: list[str] = []
    for row in table:
        did = row["decision_id"]
        want = _expected(row)
        # the Python API, one decision
        bad += _diff("Store.decision", did, want, _served(store.decision(did)))
        # `unsc show --json` and `unsc show`, as the console script runs them
        code, out = _run_show(main, capsys, ["show", did, "--json", "--store", str(built_store)])
        assert code == 0, did
        shown = json.loads(out)
        bad += _diff("unsc show --json", did, want, _served(shown))
        code, out = _run_show(main, capsys, ["show", did, "--store", str(built_store)])
        assert code == 0, did
        bad += _text_diff(did, want, shown["headline"], out)
        # the JSON API
        r = client.get("/api/decisions/" + quote(did, safe="/()"))
        assert r.status_code == 200, did
        api = r.json()
        bad += _diff("/api/decisions", did, want, _served(api))
        if api["headline"] != shown["headline"] or api["explanation"] != shown["explanation"]:
            bad.append(f"{did} [/api/decisions] headline or explanation differs from unsc show")
        # the web page
        page = client.get("/decisions/" + quote(did, safe="/()"))
        assert page.status_code == 200, did
        bad += _page_diff(did, want, shown, page.text)
    assert bad == [], f"{len(bad)} disagreements:\n" + "\n".join(bad)


def _run_show(main: Any, capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[Any, str]:
    """The console script's `unsc show`; it wraps sys.stdout for a process that then exits, so put it back."""
    stdout = sys.stdout
    try:
        with pytest.raises(SystemExit) as ex:
            main(argv)
    finally:
        sys.stdout = stdout
    return ex.value.code, capsys.readouterr().out


def _text_diff(did: str, want: dict[str, Any], headline: str, text: str) -> list[str]:
    """`unsc show` in words: its first line carries the date and meeting, a later one the headline and tally."""
    lines = text.splitlines()
    out = []
    if want["date"] and want["date"] not in lines[0]:
        out.append(f"{did} [unsc show] date {want['date']} not on the first line {lines[0]!r}")
    if want["resolution"] and f"Resolution {want['resolution']}" not in lines[0]:
        out.append(f"{did} [unsc show] resolution {want['resolution']} not on the first line {lines[0]!r}")
    outcome = next((ln for ln in lines if f"; {headline}; vote " in ln), None)
    if outcome is None or not outcome.rstrip().endswith(f"vote {want['tally']}"):
        out.append(f"{did} [unsc show] no line with headline {headline!r} and tally {want['tally']!r}")
    if want["adopted"] is not None and headline.startswith("Adopted") != bool(want["adopted"]):
        out.append(f"{did} [unsc show] headline {headline!r} for adopted={want['adopted']}")
    for m in want["vetoed_by"]:
        if want["adopted"] is False and "vetoed by" not in headline:
            out.append(f"{did} [unsc show] vetoed by {m} but the headline is {headline!r}")
    return out


def _page_diff(did: str, want: dict[str, Any], shown: dict[str, Any], text: str) -> list[str]:
    """The page's outcome, tally, date, resolution and roll call against the table."""
    page = html.unescape(text)
    out = []
    headline = re.search(r'<p class="headline" id="outcome">(.*?)</p>', page, re.S)
    if headline is None or not headline.group(1).strip().startswith(shown["headline"]):
        out.append(f"{did} [page] headline {headline and headline.group(1)!r}, expected {shown['headline']!r}")
    tally = re.search(r'<strong id="tally">(.*?)</strong>', page)
    served_tally = tally.group(1) if tally else None
    if want["tally"] in ("without a vote", "by acclamation"):
        if served_tally is not None or "No vote was taken" not in page:
            out.append(f"{did} [page] taken {want['tally']} but the page shows tally {served_tally!r}")
    elif served_tally != (None if want["tally"] == "unknown" else want["tally"]):
        out.append(f"{did} [page] tally {served_tally!r}, table {want['tally']!r}")
    if want["date"] and f"<dt>Date</dt><dd>{want['date']}</dd>" not in page:
        out.append(f"{did} [page] date {want['date']} not shown")
    if want["resolution"] and f"resolution {want['resolution']}" not in page:
        out.append(f"{did} [page] resolution {want['resolution']} not shown")
    rows = [page.count(f'<tr class="vote-{c}">') for c in "YNA"]
    if shown["votes"] and want["tally"] != "unknown" and "-".join(map(str, rows)) != want["tally"]:
        out.append(f"{did} [page] roll call {rows}, tally {want['tally']}")
    return out
