"""The package's one entry point: every name it promises resolves, lazily."""

from __future__ import annotations

import subprocess
import sys

import unsc


def test_every_entry_point_resolves() -> None:
    for name in unsc._ENTRY_POINTS:
        assert getattr(unsc, name) is not None, name
    assert set(unsc._ENTRY_POINTS) <= set(dir(unsc))


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        unsc.no_such_thing  # noqa: B018
    except AttributeError as e:
        assert "no_such_thing" in str(e)
    else:
        raise AssertionError("expected AttributeError")


def test_import_unsc_loads_no_heavy_layer() -> None:
    code = "import sys, unsc; print(sorted(m for m in ('pandas', 'duckdb', 'unsc.record') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_power_through_the_entry_point() -> None:
    p = unsc.council_game(unsc.Council.on("2024-03-22")).power(["ss"])
    assert str(p.value("ss", "permanent")) == "421/2145"
