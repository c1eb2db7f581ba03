"""The sync catalogue is data (sync_catalogue.toml): the shipped file passes its schema and gives
the manifest; every kind of schema error names the file, the entry and the field."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from unsc.record import sync as S
from unsc.record.sync_catalogue import CATALOGUE_PATH, CatalogueError, load_catalogue, parse_catalogue
from unsc.record.sync_discover import UndlRelease

GOOD = """
version = 1
[licences]
un = "UN terms"
[yearly]
first_year = 1946
name = "dhl_html/scact{year}_table_en.html"
url = "https://example.org/scact{year}.htm"
licence = "un"
description = "table {year}"
after = "veto.html"
[[file]]
release = "csv"
required = true
licence = "un"
description = "voting data ({date})"
[[file]]
name = "veto.html"
url = "https://example.org/veto"
required = true
licence = "un"
description = "vetoes"
[[file]]
name = "extra1947.html"
url = "https://example.org/extra"
year = 1947
required = false
licence = "un"
description = "pinned to 1947"
[[file]]
name = "pinned.csv"
github = { repo = "a/b", commit = "0123456789abcdef0123456789abcdef01234567", path = "d/x y.csv" }
required = false
licence = "un"
description = "third party"
sha256 = "9203994188ccd3db512a3d6ad2b2c43d147c1910fc8135bdf568d11c49efd359"
"""


def test_the_shipped_catalogue_is_checked_and_gives_the_manifest():
    cat = load_catalogue()
    assert cat.path == str(CATALOGUE_PATH)
    files = S.manifest(2026)
    names = [f.name for f in files]
    # UNDL CSV and dictionary, the veto list, 81 yearly tables and the 2020 written-procedure table, 6 more
    assert len(files) == 2 + 1 + (2026 - 1946 + 1) + 1 + 6
    assert names.index("dhl_html/scact2020_covid_table_en.html") == names.index("dhl_html/scact2020_table_en.html") + 1
    assert [f.name for f in files if f.sha256] == [f.name for f in files if "raw.githubusercontent.com" in f.url]
    assert "dhl_html/scact2020_covid_table_en.html" not in [f.name for f in S.manifest(2019)]
    wide = files[names.index("un_ga_sc_votes_wide_1946_2021_un_data.csv")]
    assert wide.archive_member == "UN DATA.csv" and wide.url.endswith("/data/raw/downloads/UN%20DATA.csv.zip")


def test_a_small_catalogue_in_order_with_its_release_and_pinned_entries():
    release = UndlRelease("2030_01_02", "https://undl/x.csv", "https://undl/x.pdf", "file API")
    m = parse_catalogue(GOOD, "good.toml").manifest(1948, release)
    assert [f.name for f in m] == [
        "2030_01_02_sc_voting.csv",
        "veto.html",
        "dhl_html/scact1946_table_en.html",
        "dhl_html/scact1947_table_en.html",
        "extra1947.html",
        "dhl_html/scact1948_table_en.html",
        "pinned.csv",
    ]
    assert m[0].resolved and m[0].description == "voting data (02 Jan 2030)"
    assert [f.required for f in m[2:6]] == [True, True, False, False]  # 1948 is the manifest's year
    assert m[-1].url == "https://raw.githubusercontent.com/a/b/0123456789abcdef0123456789abcdef01234567/d/x%20y.csv"
    assert m[3].description == "table 1947" and m[3].licence == "UN terms"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('required = true\nlicence = "un"\ndescription = "vetoes"', 'required = "yes"\nlicence = "un"\ndescription = "vetoes"'),
         "[[file]] entry 2 ('veto.html'): field 'required' must be bool, not str ('yes')"),
        (('description = "vetoes"', 'description = "vetoes"\ncolour = "red"'),
         "[[file]] entry 2 ('veto.html'): unknown field 'colour'"),
        (('description = "vetoes"\n', ""), "[[file]] entry 2 ('veto.html'): missing field 'description'"),
        (('licence = "un"\ndescription = "vetoes"', 'licence = "cc0"\ndescription = "vetoes"'),
         "[[file]] entry 2 ('veto.html'): licence 'cc0' is not a key of [licences]"),
        (('sha256 = "92', 'sha256 = "Z2'), "[[file]] entry 4 ('pinned.csv'): field 'sha256' must be 64 lowercase hex"),
        (('url = "https://example.org/veto"', 'url = "https://example.org/veto"\nrelease = "csv"'),
         "[[file]] entry 2 ('veto.html'): needs exactly one of 'url', 'github' or 'release'"),
        (('release = "csv"', 'release = "zip"'), "[[file]] entry 1 ('zip'): field 'release' must be one of csv, dictionary"),
        (('commit = "0123', 'commit = "XYZ'), "field 'github': field 'commit' must be 40 lowercase hex digits"),
        (('name = "extra1947.html"', 'name = "veto.html"'), "top level: file 'veto.html' is listed twice"),
        (('after = "veto.html"', 'after = "nothing.html"'), "[yearly]: field 'after' names no [[file]] entry"),
        (('name = "dhl_html/scact{year}_table_en.html"', 'name = "dhl_html/scact.html"'), "[yearly]: field 'name' must contain {year}"),
        (("first_year = 1946", "first_year = true"), "[yearly]: field 'first_year' must be int, not bool"),
        (("version = 1", "version = 3"), "top level: version 3 is not supported"),
        (("[licences]", "[licences\n"), "not valid TOML"),
    ],
)  # fmt: skip
def test_schema_errors_name_the_file_the_entry_and_the_field(change, message):
    old, new = change
    assert old in GOOD
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(GOOD.replace(old, new, 1), "cat.toml")
    assert str(err.value).startswith("cat.toml: ")
    assert message in str(err.value)


def test_an_unreadable_catalogue_names_its_path(tmp_path: Path):
    with pytest.raises(CatalogueError, match=r"no\.toml: cannot read the sync catalogue"):
        load_catalogue(tmp_path / "no.toml")


def test_sync_manifest_entries_are_the_catalogue_s_source_files():
    a = S.manifest(2024)
    assert all(isinstance(e, S.SourceFile) for e in a)
    assert [dataclasses.asdict(e) for e in a] == [dataclasses.asdict(e) for e in load_catalogue().manifest(2024)]
