"""Tests of ``unsc sync`` (``unsc.record.sync``) against a real HTTP mirror on 127.0.0.1.

The mirror (tests/record/sync_mirror.py, fixtures in conftest.py) serves the real data directory
under its local names, with ETag / Last-Modified / 304, and faults each test injects per file
(404, 500, a flaky 503, a truncated body, a wrong digest, changed or corrupted bodies). Only
loopback traffic. The newest-version discovery and the killed sync are in test_sync_undl.py.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.record.sync_mirror import (
    MEMBERSHIP,
    NEWEST,
    SUBSET,
    VERSIONS,
    WPDL,
    Y1946,
    Mirror,
    available,
    leftovers,
    marker_builder,
    run,
    serve,
    snapshot,
    status,
    voting_csv,
)
from unsc.record import sync as S

# --- the manifest ------------------------------------------------------------------------------------


def test_manifest_local_names_match_the_shared_data(data_dir: Path) -> None:
    entries = {e.name: e for e in S.manifest(year=2026)}
    shared = {str(p.relative_to(data_dir)) for p in data_dir.rglob("*") if p.is_file() and p.name != "SOURCES.md"}
    assert shared <= set(entries), f"shared files with no manifest entry: {sorted(shared - set(entries))}"
    # every pinned checksum is the checksum of the real file
    for name, entry in entries.items():
        if entry.sha256 and name in shared:
            assert S.file_sha256(data_dir / name) == entry.sha256, name
    assert sum(1 for e in entries.values() if e.sha256) == 5


def test_manifest_required_and_licences() -> None:
    entries = {e.name: e for e in S.manifest(year=2026)}
    assert (
        entries["2026_02_06_sc_voting.csv"].url
        == "https://digitallibrary.un.org/record/4055387/files/2026_02_06_sc_voting.csv"
    )
    assert entries["dhl_html/scact_veto_table_en.html"].url == "https://research.un.org/en/docs/sc/quick/veto"
    assert (
        entries["dhl_html/scact1999_table_en.html"].url
        == "https://www.un.org/depts/dhl/resguide/scact1999_table_en.htm"
    )
    required = {n for n, e in entries.items() if e.required}
    assert {"2026_02_06_sc_voting.csv", MEMBERSHIP, "dhl_html/scact2020_covid_table_en.html"} <= required
    assert "dhl_html/scact2026_table_en.html" not in required  # the current year may not be published yet
    assert all(not e.required for e in entries.values() if "raw.githubusercontent.com" in e.url)
    assert all(e.licence.strip() for e in entries.values())
    assert len({e.name for e in entries.values()}) == len(entries)


def test_only_rejects_a_name_that_is_not_in_the_manifest() -> None:
    with pytest.raises(S.SyncError, match=r"no_such_file\.csv"):
        S.select(S.manifest(2026), ["no_such_file.csv"])


# --- downloading, caching --------------------------------------------------------------------------


def test_sync_downloads_files_byte_identical_with_checksums(mirror: Mirror, home: Path, data_dir: Path) -> None:
    report = run(mirror)
    assert status(report) == dict.fromkeys(SUBSET, "downloaded")
    sources = home / "sources"
    for name in SUBSET:
        assert (sources / name).read_bytes() == (data_dir / name).read_bytes(), name
    recorded = S.read_manifest(sources)
    assert set(recorded) == set(SUBSET)
    for name in SUBSET:
        assert recorded[name]["sha256"] == S.file_sha256(data_dir / name)
        assert recorded[name]["bytes"] == (data_dir / name).stat().st_size
        assert recorded[name]["etag"] and recorded[name]["last_modified"]
        assert recorded[name]["url"] == mirror.url + "/" + name
    assert leftovers(home) == []
    assert not (home / "unsc.duckdb").exists()  # --no-build


def test_second_sync_is_all_cached_by_conditional_requests(mirror: Mirror, home: Path, data_dir: Path) -> None:
    run(mirror)
    mirror.clear_log()
    report = run(mirror)
    assert status(report) == dict.fromkeys(SUBSET, "cached")
    for name in SUBSET:
        assert mirror.statuses(name) == [304]
        assert "if-none-match" in mirror.requests_for(name)[0]
        assert (home / "sources" / name).read_bytes() == (data_dir / name).read_bytes()
    assert S.read_manifest(home / "sources")[WPDL]["sha256"] == S.file_sha256(data_dir / WPDL)


def test_force_downloads_everything_again(mirror: Mirror, home: Path) -> None:
    run(mirror)
    mirror.clear_log()
    report = run(mirror, force=True)
    assert status(report) == dict.fromkeys(SUBSET, "downloaded")
    assert all(f.message == "unchanged" for f in report.files)
    for name in SUBSET:
        assert mirror.statuses(name) == [200]
        assert "if-none-match" not in mirror.requests_for(name)[0]


def test_a_changed_file_is_downloaded_and_the_rest_cached(mirror: Mirror, home: Path, data_dir: Path) -> None:
    run(mirror)
    changed = (data_dir / Y1946).read_bytes().replace(b"</table>", b"<!-- updated --></table>", 1)
    mirror.bodies[Y1946] = changed
    report = run(mirror)
    assert status(report)[Y1946] == "downloaded"
    assert [s for n, s in status(report).items() if n != Y1946] == ["cached"] * 3
    assert (home / "sources" / Y1946).read_bytes() == changed
    assert S.read_manifest(home / "sources")[Y1946]["sha256"] == hashlib.sha256(changed).hexdigest()


def test_a_locally_corrupted_file_is_downloaded_again(mirror: Mirror, home: Path, data_dir: Path) -> None:
    run(mirror)
    target = home / "sources" / MEMBERSHIP
    target.chmod(0o644)
    target.write_bytes(target.read_bytes()[:-10])
    mirror.clear_log()
    report = run(mirror)
    assert status(report)[MEMBERSHIP] == "downloaded"
    assert "if-none-match" not in mirror.requests_for(MEMBERSHIP)[0]  # a bad copy is never revalidated
    assert target.read_bytes() == (data_dir / MEMBERSHIP).read_bytes()


def test_last_modified_alone_revalidates(mirror: Mirror, home: Path) -> None:
    run(mirror, only=[Y1946])
    path = home / "sources" / S.MANIFEST_NAME
    data = json.loads(path.read_text())
    data["files"][Y1946]["etag"] = None
    path.write_text(json.dumps(data))
    mirror.clear_log()
    report = run(mirror, only=[Y1946])
    assert status(report) == {Y1946: "cached"}
    sent = mirror.requests_for(Y1946)[0]
    assert "if-none-match" not in sent and "if-modified-since" in sent


def test_only_keeps_the_other_files_of_the_last_sync(mirror: Mirror, home: Path, data_dir: Path) -> None:
    run(mirror)
    report = run(mirror, only=[WPDL], force=True)
    assert status(report) == {**dict.fromkeys(SUBSET, "kept"), WPDL: "downloaded"}
    assert snapshot(home / "sources").keys() >= set(SUBSET)
    assert set(S.read_manifest(home / "sources")) == set(SUBSET)


def test_a_flaky_server_is_retried(mirror: Mirror, home: Path) -> None:
    mirror.faults[MEMBERSHIP] = "flaky"
    report = run(mirror, only=[MEMBERSHIP])
    assert status(report) == {MEMBERSHIP: "downloaded"}
    assert mirror.statuses(MEMBERSHIP) == [503, 200]


def test_an_origin_zip_is_unpacked_to_the_pinned_file(mirror: Mirror, home: Path, data_dir: Path) -> None:
    wide = "un_ga_sc_votes_wide_1946_2021_un_data.csv"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("UN DATA.csv", (data_dir / wide).read_bytes())
    mirror.bodies[wide] = buf.getvalue()
    report = run(mirror, only=[wide])
    assert status(report) == {wide: "downloaded"}
    assert (home / "sources" / wide).read_bytes() == (data_dir / wide).read_bytes()


# --- missing files -----------------------------------------------------------------------------------


def test_a_missing_optional_file_is_reported_and_skipped(mirror: Mirror, home: Path) -> None:
    mirror.faults[WPDL] = "404"
    report = run(mirror)
    assert status(report)[WPDL] == "missing"
    assert [s for n, s in status(report).items() if n != WPDL] == ["downloaded"] * 3
    assert not (home / "sources" / WPDL).exists()
    assert WPDL not in S.read_manifest(home / "sources")


def test_an_optional_file_gone_upstream_keeps_the_previous_copy(mirror: Mirror, home: Path, data_dir: Path) -> None:
    run(mirror)
    mirror.faults[WPDL] = "404"
    report = run(mirror)
    assert status(report)[WPDL] == "kept"
    assert (home / "sources" / WPDL).read_bytes() == (data_dir / WPDL).read_bytes()


def test_the_full_manifest_fails_on_a_missing_required_yearly_table(mirror: Mirror, home: Path) -> None:
    # the shared data's yearly tables stop in 2022, and this mirror does not add the later ones
    with pytest.raises(S.SyncError) as info:
        run(mirror, only=None, year=2024)
    assert info.value.name == "dhl_html/scact2023_table_en.html"
    assert "required file not found" in str(info.value)
    assert not (home / "sources").exists()
    assert leftovers(home) == []


# --- failures leave the previous state -------------------------------------------------------------


@pytest.fixture
def synced(mirror: Mirror, home: Path) -> dict[str, bytes]:
    """A home after one good sync and build (stand-in builder); returns its whole state."""
    run(mirror, build=True, builder=marker_builder([]))
    assert (home / "unsc.duckdb").read_text().splitlines() == sorted([*SUBSET, S.MANIFEST_NAME])
    return snapshot(home)


def assert_unchanged(home: Path, before: dict[str, bytes]) -> None:
    assert snapshot(home) == before
    assert leftovers(home) == []


@pytest.mark.parametrize(
    ("fault", "name", "message"),
    [
        ("truncate", MEMBERSHIP, "download failed after 3 attempt"),
        ("500", Y1946, "HTTP 500"),
        ("404", MEMBERSHIP, "required file not found"),
        ("bad-digest", Y1946, "checksum mismatch"),
    ],
)
def test_a_broken_download_leaves_the_previous_sources_and_store(
    mirror: Mirror, home: Path, synced: dict[str, bytes], fault: str, name: str, message: str
) -> None:
    mirror.faults[name] = fault
    mirror.clear_log()
    calls: list[Path] = []
    with pytest.raises(S.SyncError) as info:
        run(mirror, force=True, build=True, builder=marker_builder(calls))
    assert info.value.name == name
    assert name in str(info.value) and message in str(info.value)
    assert calls == []  # never got as far as building
    assert_unchanged(home, synced)
    if fault in ("truncate", "500"):
        assert len(mirror.statuses(name)) == 3  # retried


def test_a_truncated_body_is_named_as_such(mirror: Mirror, home: Path) -> None:
    mirror.faults[MEMBERSHIP] = "truncate"
    with pytest.raises(S.SyncError) as info:
        run(mirror, only=[MEMBERSHIP], retries=0)
    text = str(info.value)
    assert MEMBERSHIP in text
    assert "truncated" in text and "expected 40437" in text


def test_a_pinned_checksum_mismatch_fails(mirror: Mirror, home: Path, synced: dict[str, bytes], data_dir: Path) -> None:
    body = bytearray((data_dir / WPDL).read_bytes())
    body[100] ^= 1
    mirror.bodies[WPDL] = bytes(body)
    with pytest.raises(
        S.SyncError, match=r"unsc_vetoes_1946_2022_wpdl.csv: checksum mismatch: expected sha256 d6b65d69"
    ):
        run(mirror, build=True, builder=marker_builder([]))
    assert_unchanged(home, synced)


def test_an_html_page_instead_of_a_csv_fails(mirror: Mirror, home: Path, synced: dict[str, bytes]) -> None:
    mirror.bodies[MEMBERSHIP] = b"<!DOCTYPE html><html><body>Please verify you are human</body></html>"
    with pytest.raises(S.SyncError, match="is an HTML page"):
        run(mirror, build=True, builder=marker_builder([]))
    assert_unchanged(home, synced)


def test_a_dead_server_fails_and_leaves_the_previous_state(data_dir: Path, home: Path) -> None:
    with serve(data_dir) as m:
        run(m, build=True, builder=marker_builder([]))
        url = m.url
    before = snapshot(home)
    with pytest.raises(S.SyncError) as info:
        S.sync(base_url=url, only=SUBSET, retries=1, backoff=0.0, build=True, builder=marker_builder([]))
    assert info.value.name in SUBSET and "ConnectError" in str(info.value)
    assert_unchanged(home, before)


def test_a_build_error_leaves_the_previous_sources_and_store(
    mirror: Mirror, home: Path, synced: dict[str, bytes]
) -> None:
    def broken(from_dir: Path, store_file: Path, progress: S.SyncProgress) -> None:
        store_file.write_bytes(b"half a store")
        raise ValueError("unsc_membership_by_year_1946_2027_dppa.csv, row 3: bad year")

    with pytest.raises(S.SyncError, match=r"building the store from the new sources failed: .*row 3: bad year"):
        run(mirror, force=True, build=True, builder=broken)
    assert_unchanged(home, synced)


def test_a_good_sync_swaps_in_the_new_store_and_drops_a_stale_wal(
    mirror: Mirror, home: Path, synced: dict[str, bytes]
) -> None:
    (home / "unsc.duckdb.wal").write_bytes(b"log of the old store")
    calls: list[Path] = []
    report = run(mirror, only=[WPDL], build=True, builder=marker_builder(calls))
    assert report.built and report.store_path == home / "unsc.duckdb"
    assert len(calls) == 1 and calls[0] != home / "sources"  # built from the temporary copy
    assert (home / "unsc.duckdb").read_text().splitlines() == sorted([*SUBSET, S.MANIFEST_NAME])
    assert not (home / "unsc.duckdb.wal").exists()
    assert leftovers(home) == []


def test_a_concurrent_sync_is_refused(mirror: Mirror, home: Path) -> None:
    import fcntl

    home.mkdir(parents=True)
    with open(home / ".sync.lock", "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        with pytest.raises(S.SyncError, match="another `unsc sync` is running"):
            run(mirror)
    assert status(run(mirror)) == dict.fromkeys(SUBSET, "downloaded")


def test_an_interrupted_swap_is_recovered(mirror: Mirror, home: Path, data_dir: Path) -> None:
    run(mirror)
    # as if the process died between moving the old sources aside and moving the new ones in
    (home / "sources").rename(home / ".sources.old-deadbeef")
    (home / ".sources-sync-abc").mkdir()
    mirror.clear_log()
    report = run(mirror)
    assert status(report) == dict.fromkeys(SUBSET, "cached")
    assert leftovers(home) == []


# --- end to end ---------------------------------------------------------------------------------------


def test_full_sync_of_every_available_file(mirror: Mirror, home: Path, data_dir: Path) -> None:
    names = available(data_dir)
    assert len(names) >= 85
    report = run(mirror, only=names, workers=4)
    # the data dictionary is in the shared data, so its voting CSV (the newest version) comes with it
    fetched = [*names, f"{NEWEST}_sc_voting.csv"]
    assert status(report) == dict.fromkeys(fetched, "downloaded")
    assert set(snapshot(home / "sources")) == {*fetched, S.MANIFEST_NAME}
    for name in names:
        assert (home / "sources" / name).read_bytes() == (data_dir / name).read_bytes(), name
    assert (home / "sources" / f"{NEWEST}_sc_voting.csv").read_bytes() == voting_csv(VERSIONS[NEWEST])
    assert set(S.read_manifest(home / "sources")) == set(fetched)


# --- properties --------------------------------------------------------------------------------------


@given(st.binary(max_size=2048))
def test_digest_headers_are_read_back(body: bytes) -> None:
    digest = hashlib.sha256(body).digest()
    header = "md5=:AAAA:, sha-256=:" + base64.b64encode(digest).decode() + ":"
    assert S._digest_header(header) == digest.hex()


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40))
def test_mirror_urls_map_back_to_local_names(stem: str) -> None:
    name = "dhl_html/" + stem.replace("/", "_")
    entry = S.SourceFile(name, "https://example.org/x", True, "terms")
    url = S.source_url(entry, "http://127.0.0.1:1/root/")
    assert url.startswith("http://127.0.0.1:1/root/dhl_html/")
    assert unquote(urlsplit(url).path) == "/root/" + name


@given(st.binary(min_size=4, max_size=64))
def test_an_xlsx_must_be_a_zip(head: bytes) -> None:
    entry = S.SourceFile("a.xlsx", "https://example.org/a.xlsx", False, "terms")
    assert (S._content_problem(entry, head) is None) == head.startswith(b"PK\x03\x04")
