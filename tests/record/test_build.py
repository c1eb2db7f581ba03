"""Build: accounting, veto counts against the DHL list, atomic writes and clear errors (real data)."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from unsc.record.build import BuildError, build
from unsc.record.store import open_store

pytestmark = pytest.mark.data


def test_accounting_adds_up(store, data_dir: Path) -> None:
    rep = store.build_report().set_index("source")
    wide = pd.read_csv(data_dir / "un_ga_sc_votes_wide_1946_2021_un_data.csv", usecols=["Council"])
    assert rep.loc["undl_wide", "rows_in"] == len(wide)
    assert rep.loc["undl_wide", "out_of_scope"] == (wide["Council"] != "Security Council").sum()
    va = pd.read_excel(
        data_dir / "unsc_draft_votes_by_member_1994_2025_voting_agent.xlsx", usecols=["ID"], engine="calamine"
    )
    assert rep.loc["voting_agent", "rows_in"] == len(va)
    for src, r in rep.iterrows():
        if pd.isna(r["rows_in"]):
            continue
        assert r["rows_in"] == r["out_of_scope"] + r["emitted"] + r["quarantined"], src
    # every quarantined row is in the quarantine table
    q = store.quarantine()
    for src in ("voting_agent", "wpdl_veto", "dppa_membership"):
        assert q[q["source"] == src]["row"].nunique() >= rep.loc[src, "quarantined"]


def test_veto_counts_match_dhl_list(store, data_dir: Path) -> None:
    from unsc.record.sources.dhl_html import read_veto_list, veto_list_counts

    dhl = veto_list_counts(read_veto_list(data_dir / "dhl_html" / "scact_veto_table_en.html"))
    v = store.vetoes(until="2022-05-26")
    listed = Counter(v[v["in_dhl_list"]]["member"])
    assert dict(listed) == dhl
    # every veto in the store but not in the DHL list is explained by its sources
    extra = v[~v["in_dhl_list"]]
    assert all(len(s) > 0 and "dhl_veto" not in s for s in extra["sources"])


def test_failed_build_keeps_old_store(built_store: Path, data_dir: Path, tmp_path: Path) -> None:
    store_path = tmp_path / "unsc.duckdb"
    shutil.copy(built_store, store_path)
    src = tmp_path / "src"
    src.mkdir()
    for p in data_dir.iterdir():
        if p.name != "un_ga_sc_votes_wide_1946_2021_un_data.csv":
            (src / p.name).symlink_to(p)
    text = (data_dir / "un_ga_sc_votes_wide_1946_2021_un_data.csv").read_text().splitlines()
    sc = next(i for i, line in enumerate(text) if line.startswith("Security Council"))
    (src / "un_ga_sc_votes_wide_1946_2021_un_data.csv").write_text(
        "\n".join(text[: sc + 1]) + "\n" + text[sc + 1][:60] + "\n"
    )
    with pytest.raises(BuildError, match=r"un_ga_sc_votes_wide_1946_2021_un_data.csv, row \d+, field"):
        build(src, store_path)
    with open_store(store_path) as s:
        assert s.decision("S/2024/239")["yes"] == 11
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".unsc")] == []


def test_undl_csv_is_primary_when_present(data_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for p in data_dir.iterdir():
        (src / p.name).symlink_to(p)
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "undl" / "2026_02_06_sc_voting.csv"
    (src / "2026_02_06_sc_voting.csv").symlink_to(fixture)
    build(src, tmp_path / "s.duckdb")
    with open_store(tmp_path / "s.duckdb") as s:
        d = s.decision("2728 (2024)")
        assert "undl_csv" in d["sources"] and d["votes_source"] == "undl_csv"
        assert {v["source"] for v in d["votes"]} == {"undl_csv"}
        d = s.decision("2311 (2016)")
        assert d["modality"] == "acclamation" and d["votes"] == []  # errata.toml: by acclamation
        assert (s.quarantine()["source"] == "undl_csv").sum() == 2


def test_every_merged_source_row_is_in_one_decision_or_a_duplicate_row(store) -> None:
    """Consolidation loses nothing: each source row the merge read supports exactly one decision, or is
    a listed duplicate of one (a ``conflicts`` row ``duplicate*`` naming the source)."""
    rep = store.build_report().set_index("source")
    decisions = store.decisions()
    c = store.conflicts()
    for src, r in rep.iterrows():
        supported = sum(src in s for s in decisions["sources"])
        duplicates = int((c["field"].str.startswith("duplicate") & (c["source_b"] == src)).sum())
        assert supported + duplicates == r["decisions_merged"], src
    assert rep.loc["dhl_meetings", "decisions_merged"] > supported_by(decisions, "dhl_meetings")


def supported_by(decisions: pd.DataFrame, src: str) -> int:
    return sum(src in s for s in decisions["sources"])


def test_every_source_reader_resolves_and_every_step_is_reported() -> None:
    import inspect

    from unsc.record.build import FILES, READERS, STEPS

    for r in READERS:
        fn = r.function
        assert callable(fn) and fn.__name__ == r.reader.split(":")[1]
        assert ("roster" in inspect.signature(fn).parameters) == r.takes_roster, r.source
        assert r.step in STEPS
    # every source the build can find has a reader (the membership is read apart, first)
    assert {r.source for r in READERS} == (set(FILES) | {"undl_csv", "dhl_veto", "dhl_meetings"}) - {"dppa_membership"}
    assert STEPS[0] == "membership" and STEPS[-3:] == ("merge", "validate", "write")


def test_progress_names_every_step_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from unsc.record.build import STEPS, build

    # one small source: the shipped errata name decisions it does not hold, so they are left out here
    monkeypatch.setattr("unsc.record.errata.load_errata", lambda path=None: [])
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(Path(__file__).parent.parent / "fixtures" / "undl" / "2026_02_06_sc_voting.csv", src)
    seen: list[tuple[str, int, int]] = []
    build(src, tmp_path / "s.duckdb", progress=lambda name, i, n: seen.append((name, i, n)))
    assert [name for name, _, _ in seen] == [*STEPS, "done"]
    assert [i for _, i, _ in seen] == list(range(len(STEPS) + 1))


def test_an_erratum_the_sources_do_not_fit_is_a_build_error(tmp_path: Path) -> None:
    """Only the official CSV fixture: the shipped errata correct decisions it lacks; the build stops with
    a BuildError naming the erratum (the CLI prints it and keeps the previous store), not a traceback."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(Path(__file__).parent.parent / "fixtures" / "undl" / "2026_02_06_sc_voting.csv", src)
    with pytest.raises(
        BuildError, match=r"errata\.toml correction \d+: match (draft|resolution|decision_id)=\S+ finds 0 decisions"
    ):
        build(src, tmp_path / "s.duckdb")
    assert not (tmp_path / "s.duckdb").exists()
