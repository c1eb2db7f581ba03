"""``unsc sync`` finds the newest UN Digital Library voting file, builds from it, and survives being killed.

Against the local imitation of the Library (tests/record/sync_mirror.py): a file API listing three
dated versions out of order (plus files to ignore), a record page with the same links, and the
CSVs generated from public facts. The end-to-end tests run the real ``unsc sync`` command and the
real store build, and kill a sync with SIGKILL in a separate process.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.record.sync_mirror import (
    FILES,
    NEWEST,
    OLDER,
    VERSIONS,
    Y1946,
    Mirror,
    imitate_undl,
    leftovers,
    listing,
    run,
    serve,
    snapshot,
    status,
    voting_csv,
)
from unsc.cli import app
from unsc.record import sync as S
from unsc.record.sync_discover import DiscoveryError, newest_from_listing, newest_from_record_page

VOTING = ["*sc_voting*"]  # --only pattern for the voting CSV and its data dictionary
ROOT = Path(__file__).resolve().parents[2]


def csv_path(version: str) -> str:
    return f"{FILES}/{version}_sc_voting.csv"


# --- discovery -------------------------------------------------------------------------------------------


def test_sync_takes_the_newest_version_by_the_date_in_its_name(mirror: Mirror, home: Path, data_dir: Path) -> None:
    report = run(mirror, only=VOTING)
    csv_name, md_name = f"{NEWEST}_sc_voting.csv", f"undl_sc_voting_data_dictionary_{NEWEST}.md"
    assert status(report) == {csv_name: "downloaded", md_name: "downloaded"}
    assert report.undl is not None and report.undl.version == NEWEST and report.undl.found_by == "file API"
    assert report.undl.versions == ("2026_02_06", "2025_12_09", "2025_11_25")
    # the listing names the Library's host; every byte came from the mirror at the same path
    asked = mirror.requested()
    assert asked[0] == "api/v1/file" and csv_path(NEWEST) in asked
    assert not any(csv_path(v) in asked for v in VERSIONS if v != NEWEST)
    sources = home / "sources"
    assert (sources / csv_name).read_bytes() == voting_csv(VERSIONS[NEWEST])
    assert (sources / md_name).read_bytes() == (data_dir / md_name).read_bytes()  # the real dictionary of that date
    record = S.read_sync_record(sources)
    assert record["undl"]["version"] == NEWEST and record["undl"]["found_by"] == "file API"
    assert record["files"][csv_name]["url"] == f"{mirror.url}/{csv_path(NEWEST)}"


@pytest.mark.parametrize(
    ("api", "why"),
    [
        ("500", "HTTP 500"),
        (b"<!DOCTYPE html><html>maintenance</html>", "not JSON"),
        (b"[]", "names no voting file"),
        (b'{"error": "record not found"}', "not answer a JSON list"),
    ],
)
def test_the_record_page_is_used_when_the_file_api_fails(
    mirror: Mirror, home: Path, api: str | bytes, why: str
) -> None:
    if isinstance(api, bytes):
        mirror.bodies["api/v1/file"] = api
    else:
        mirror.faults["api/v1/file"] = api
    report = run(mirror, only=VOTING)
    assert report.undl is not None and report.undl.found_by == "record page"
    assert report.undl.version == NEWEST and why in report.undl.note
    assert (home / "sources" / f"{NEWEST}_sc_voting.csv").read_bytes() == voting_csv(VERSIONS[NEWEST])
    assert "record/4055387" in mirror.requested()


def test_without_the_newest_versions_dictionary_the_sync_fails_and_says_so(mirror: Mirror, home: Path) -> None:
    del mirror.bodies[f"{FILES}/{NEWEST}_sc_voting_md.md"]
    api = [f for f in listing(list(VERSIONS)) if f["name"] != f"{NEWEST}_sc_voting_md"]
    mirror.bodies["api/v1/file"] = json.dumps(api).encode()
    mirror.bodies["record/4055387"] = mirror.bodies["record/4055387"].replace(
        f"/{FILES}/{NEWEST}_sc_voting_md.md".encode(), b"/elsewhere.txt"
    )
    with pytest.raises(S.SyncError) as info:
        run(mirror, only=VOTING)
    text = str(info.value)
    assert f"has {NEWEST}_sc_voting.csv but not its data dictionary" in text
    assert "file API" in text and "record page" in text
    assert not (home / "sources").exists() and leftovers(home) == []


def test_both_endpoints_down_fails_naming_both_urls(mirror: Mirror, home: Path) -> None:
    mirror.faults["api/v1/file"] = "404"
    mirror.faults["record/4055387"] = "500"
    with pytest.raises(S.SyncError) as info:
        run(mirror, only=VOTING, retries=1)
    text = str(info.value)
    assert f"{mirror.url}/api/v1/file?recid=4055387: HTTP 404" in text
    assert f"{mirror.url}/record/4055387: HTTP 500" in text
    assert info.value.name == f"{NEWEST}_sc_voting.csv"
    assert mirror.statuses("record/4055387") == [500, 500]  # retried
    assert not (home / "sources").exists()


def test_a_new_version_replaces_the_previous_one(mirror: Mirror, home: Path, data_dir: Path) -> None:
    imitate_undl(mirror, data_dir, ["2025_11_25", OLDER])
    first = run(mirror, only=[*VOTING, Y1946])
    assert first.undl is not None and first.undl.version == OLDER
    imitate_undl(mirror, data_dir)  # the Library publishes the newest
    mirror.clear_log()
    second = run(mirror, only=[*VOTING, Y1946])
    assert second.undl is not None and second.undl.version == NEWEST
    assert status(second) == {
        f"{NEWEST}_sc_voting.csv": "downloaded",
        f"undl_sc_voting_data_dictionary_{NEWEST}.md": "downloaded",
        Y1946: "cached",
    }
    names = set(snapshot(home / "sources"))
    assert f"{NEWEST}_sc_voting.csv" in names and f"{OLDER}_sc_voting.csv" not in names
    assert f"undl_sc_voting_data_dictionary_{OLDER}.md" not in names
    assert set(S.read_manifest(home / "sources")) == {
        f"{NEWEST}_sc_voting.csv",
        f"undl_sc_voting_data_dictionary_{NEWEST}.md",
        Y1946,
    }


def test_the_same_version_again_is_revalidated_not_downloaded(mirror: Mirror, home: Path) -> None:
    run(mirror, only=VOTING)
    mirror.clear_log()
    report = run(mirror, only=VOTING)
    assert set(status(report).values()) == {"cached"}
    assert mirror.statuses(csv_path(NEWEST)) == [304]


def test_syncing_other_files_keeps_the_voting_data_without_asking_the_library(mirror: Mirror, home: Path) -> None:
    run(mirror, only=VOTING)
    mirror.clear_log()
    report = run(mirror, only=[Y1946])
    assert status(report)[f"{NEWEST}_sc_voting.csv"] == "kept"
    assert "api/v1/file" not in mirror.requested() and "record/4055387" not in mirror.requested()
    assert report.undl is not None and report.undl.version == NEWEST
    assert S.read_sync_record(home / "sources")["undl"]["found_by"] == "file API"  # what the last lookup said


@given(
    st.lists(st.dates(dt.date(2020, 1, 1), dt.date(2040, 12, 31)), min_size=1, max_size=8, unique=True),
    st.randoms(use_true_random=False),
)
def test_the_newest_is_the_latest_date_whatever_the_order(dates: list[dt.date], rnd: object) -> None:
    versions = [f"{d:%Y_%m_%d}" for d in dates]
    items = listing(versions)
    rnd.shuffle(items)  # type: ignore[attr-defined]
    newest = f"{max(dates):%Y_%m_%d}"
    got = newest_from_listing(items)
    assert got.version == newest and got.csv_url.endswith(f"/{newest}_sc_voting.csv")
    assert got.dictionary_url.endswith(f"/{newest}_sc_voting_md.md")
    assert list(got.versions) == sorted(versions, reverse=True)


def test_a_record_page_without_voting_files_is_an_error() -> None:
    with pytest.raises(DiscoveryError, match="names no voting file"):
        newest_from_record_page('<a href="/record/4055387/files/notes.pdf">notes</a>')


# --- end to end: the real command, the real build, a real kill ------------------------------------------------


@pytest.fixture(scope="module")
def site(data_dir: Path, recent_year_tables: dict[str, bytes]) -> Iterator[Mirror]:
    """The imitation with everything a full sync requires (the yearly tables up to last year included)."""
    with serve(data_dir) as m:
        imitate_undl(m, data_dir)
        m.bodies.update(recent_year_tables)
        served = {*m.bodies, *(str(p.relative_to(data_dir)) for p in data_dir.rglob("*"))}
        lacking = [
            e.name for e in S.manifest() if e.required and e.name.startswith("dhl_html/") and e.name not in served
        ]
        if lacking:
            pytest.skip(f"no public source to imitate the required yearly tables {lacking} from")
        yield m


@pytest.fixture(scope="module")
def synced(site: Mirror, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """A home after ``unsc sync --base-url http://127.0.0.1:PORT/`` (download and real build); the CLI result."""
    home = tmp_path_factory.mktemp("synced") / "home"
    env = {"UNSC_HOME": str(home), "UNSC_STORE": None, "UNSC_DATA_DIR": None, "UNSC_SYNC_BASE_URL": None}
    result = CliRunner().invoke(app, ["sync", "--base-url", site.url + "/"], env=env)
    assert result.exit_code == 0, result.output
    return home, result


def test_cli_sync_picks_the_newest_file_and_builds_the_store_from_it(
    site: Mirror, synced: tuple[Path, object], data_dir: Path
) -> None:
    from unsc.record.store import open_store

    home, result = synced
    out = " ".join(result.stdout.split())  # type: ignore[attr-defined]
    assert "UN Digital Library voting data: version of 6 Feb 2026 (newest of 3 listed by the file API)" in out
    assert f"store built at {home / 'unsc.duckdb'}" in out
    sources = home / "sources"
    assert (sources / f"{NEWEST}_sc_voting.csv").read_bytes() == voting_csv(VERSIONS[NEWEST])
    assert not list(sources.glob(f"{OLDER}*"))
    with open_store(home / "unsc.duckdb") as store:
        read = store.sql("SELECT source, file, rows_in FROM build_sources WHERE source = 'undl_csv'")
        assert read.to_dict("records") == [
            {"source": "undl_csv", "file": f"{NEWEST}_sc_voting.csv", "rows_in": 15 * len(VERSIONS[NEWEST])}
        ]
        votes = store.votes("S/RES/2623(2022)")  # only the newest version has it
        assert sorted(votes.loc[votes["vote"] == "N", "member"]) == ["RUS"]
        assert sorted(votes.loc[votes["vote"] == "A", "member"]) == ["ARE", "CHN", "IND"]
        vetoed = store.decision("S/2024/239")  # the rest of the store came from the other files
        assert vetoed is not None and sorted(vetoed["vetoed_by"]) == ["CHN", "RUS"]


def test_status_prints_the_sources_versions_and_the_period_covered(synced: tuple[Path, object]) -> None:
    home, _ = synced
    env = {"UNSC_HOME": str(home), "UNSC_STORE": None, "UNSC_DATA_DIR": None, "COLUMNS": "100"}
    data = json.loads(CliRunner().invoke(app, ["status", "--json"], env=env).stdout)
    assert data["sources"]["undl"]["version"] == NEWEST and data["sources"]["undl"]["found_by"] == "file API"
    assert data["store"]["exists"] and data["store"]["first"] == "1946-01-25"
    by_source = {c["source"]: c for c in data["store"]["coverage"]}
    assert by_source["undl_csv"]["first"] == "2011-03-17" and by_source["undl_csv"]["last"] == "2022-02-27"
    assert by_source["undl_csv"]["decisions"] == len(VERSIONS[NEWEST])
    assert data["store"]["last"] >= "2025-01-01"  # the yearly tables up to last year
    fetched = {f["name"]: f for f in data["sources"]["files"]}
    assert fetched[f"{NEWEST}_sc_voting.csv"]["version"] == NEWEST and fetched[Y1946]["fetched_at"]

    text = CliRunner().invoke(app, ["status"], env=env)
    assert text.exit_code == 0, text.output
    flat = " ".join(text.stdout.split())
    assert "decisions from 25 Jan 1946 to" in flat
    assert "UN Digital Library voting data: version of 6 Feb 2026 (newest of 3 listed by the file API)" in flat
    assert "undl_csv" in flat and "17 Mar 2011" in flat and "27 Feb 2022" in flat


def test_status_without_a_store_says_how_to_get_one(home: Path) -> None:
    result = CliRunner().invoke(app, ["status"])
    assert result.exit_code == 1
    assert "run `unsc sync`" in " ".join(result.stdout.split())


def test_a_sync_killed_mid_download_leaves_the_old_sources_and_store_working(
    site: Mirror, synced: tuple[Path, object], tmp_path: Path
) -> None:
    from unsc.record.store import open_store

    home = tmp_path / "home"
    shutil.copytree(synced[0], home)
    before = snapshot(home)
    site.faults[csv_path(NEWEST)] = "slow"  # 512 bytes every 0.2 s: about 6 s for the whole CSV
    site.sent.pop(csv_path(NEWEST), None)
    env = {**os.environ, "UNSC_HOME": str(home), "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    for key in ("UNSC_STORE", "UNSC_DATA_DIR", "UNSC_SYNC_BASE_URL"):
        env.pop(key, None)
    cmd = [sys.executable, "-c", "from unsc.cli import main; main()", "sync", "--base-url", site.url, "--force"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while site.sent.get(csv_path(NEWEST), 0) < 1024 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert site.sent.get(csv_path(NEWEST), 0) >= 1024, "the download of the voting CSV never started"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        site.faults.pop(csv_path(NEWEST), None)
    assert proc.returncode == -signal.SIGKILL
    assert site.sent[csv_path(NEWEST)] < len(voting_csv(VERSIONS[NEWEST]))  # killed mid-file
    # a half-written part file was left in the sync's temporary directory, nowhere else
    parts = [p.relative_to(home).parts for p in home.rglob("*.part")]
    assert parts and all(p[0].startswith(".sources-sync-") for p in parts)
    assert any(p[-1] == f"{NEWEST}_sc_voting.csv.part" for p in parts)
    after = {k: v for k, v in snapshot(home).items() if not k.startswith(".")}
    assert after == {k: v for k, v in before.items() if not k.startswith(".")}
    with open_store(home / "unsc.duckdb") as store:  # the old store still answers
        assert store.decision("S/2024/239") is not None
        assert store.sql("SELECT count(*) AS n FROM decisions")["n"].iloc[0] > 3000

    # the next sync clears what the killed one left and completes (download only: the build is tested above)
    report = S.sync(base_url=site.url, sources=home / "sources", store=home / "unsc.duckdb", build=False)
    assert report.undl is not None and report.undl.version == NEWEST
    assert leftovers(home) == []
    assert (home / "sources" / f"{NEWEST}_sc_voting.csv").read_bytes() == voting_csv(VERSIONS[NEWEST])


def test_a_server_listing_only_older_versions_never_takes_the_user_back(
    mirror: Mirror, home: Path, data_dir: Path
) -> None:
    run(mirror, only=VOTING)
    imitate_undl(mirror, data_dir, ["2025_11_25", OLDER])  # e.g. a mirror that is behind
    mirror.clear_log()
    report = run(mirror, only=VOTING)
    assert report.undl is not None and report.undl.version == NEWEST
    assert f"lists versions up to {OLDER} only; the newer {NEWEST} is kept" in report.undl.note
    assert set(status(report).values()) == {"kept"}
    assert not any("/files/" in name for name in mirror.requested())
    assert (home / "sources" / f"{NEWEST}_sc_voting.csv").read_bytes() == voting_csv(VERSIONS[NEWEST])
