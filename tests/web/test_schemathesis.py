"""Property-based API testing from the app's own OpenAPI document: no input makes it answer 5xx.

Runs in-process over ASGI against the store built from the fixture sources, a bounded number of
examples per operation. A 503 is allowed only where a feature is documented as possibly unavailable
(the news check without a store)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import schemathesis
    from schemathesis.checks import not_a_server_error

from tests.web.fixture_store import build_fixture_store
from unsc.web import create_app

# the schema is read when this module is collected, before fixtures exist: the store is built here
_STORE = build_fixture_store(Path(tempfile.mkdtemp(prefix="unsc-web-schema-")))
atexit.register(shutil.rmtree, _STORE.parent, True)
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(store_path=_STORE))


@schema.parametrize()
@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    response = case.call()
    if response.status_code == 503:
        body = response.json()
        assert body["error"] == "unavailable" and body["detail"], body
        assert body["detail"].startswith("news check is unavailable"), f"unexpected 503 on {case.path}: {body}"
        return
    case.validate_response(response, checks=[not_a_server_error])
    assert response.status_code < 500


def test_schema_covers_every_api_route():
    paths = {op.path for op in (r.ok() for r in schema.get_all_operations())}
    assert {"/api/decisions", "/api/decisions/{symbol}", "/api/decision", "/api/members", "/api/vetoes"} <= paths
    assert {"/api/statistics", "/api/power", "/api/decide", "/api/check", "/healthz"} <= paths


@pytest.mark.parametrize("symbol", ["S%2F2024%2F239", "S/2024/239", "2728%20(2024)"])
def test_encoded_symbols(client, symbol):
    assert client.get(f"/api/decisions/{symbol}").status_code == 200
