"""The web tests' store: a real store built by ``unsc.record.build`` from small source files typed in
from public facts (tests/fixtures/web), so every query the pages make is the real Store's.

The files hold four votes: S/2024/239 (22 March 2024, vetoed by China and the Russian Federation,
11-3-1), resolution 2728 (2024) (25 March 2024, 14-0-1), S/2022/155 (25 February 2022, vetoed by the
Russian Federation, 11-1-3) and resolution 83 (1950) (27 June 1950, 7-1-0, the USSR absent, Egypt
and India not voting), in the layouts of the UN Library's voting data (the resolutions), the
Voting-Agent workbook (the two vetoed drafts; written as .xlsx here from its CSV text), the WPDL
veto list and the UN Library's veto list (S/2022/155 in each) and the DPPA membership list (the
members of 1950, 2022 and 2024).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from unsc.record import errata
from unsc.record.build import FILES, build

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "web"

__all__ = ["FIXTURES", "build_fixture_store"]


def source_dir(target: Path, membership: bool = True) -> Path:
    """The fixture sources under their real file names, in ``target`` (without the membership list
    if ``membership`` is false: a store that knows no Council's elected members)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / "2026_02_06_sc_voting.csv", target / "2026_02_06_sc_voting.csv")
    for sid in ("wpdl_veto", "dppa_membership") if membership else ("wpdl_veto",):
        shutil.copy(FIXTURES / FILES[sid], target / FILES[sid])
    shutil.copy(FIXTURES / "scact_veto_table_en.html", target / "scact_veto_table_en.html")
    workbook = pd.read_csv(FIXTURES / "voting_agent.csv", dtype=str, keep_default_na=False)
    workbook.to_excel(target / FILES["voting_agent"], index=False)
    return target


def build_fixture_store(directory: Path, membership: bool = True) -> Path:
    """Build the store from the fixture sources with the real build; its path.

    The package's errata.toml corrects decisions of the full record by symbol, and the build refuses
    a correction that finds no decision (the file and the data have drifted apart); four votes hold
    none of them, so this build applies no errata. Every other step is the real build's.
    """
    store = directory / "unsc.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(errata, "load_errata", lambda path=None: [])
        build(source_dir(directory / "sources", membership), store)
    return store
