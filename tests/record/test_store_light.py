"""``Store.decision`` reads DuckDB rows directly (no pandas), so ``unsc show`` starts light."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from unsc.record.store import _record

pytestmark = pytest.mark.data


def _via_pandas(store, did: str) -> dict:
    """The same decision built from pandas rows: the typed object must not depend on how the rows were read."""
    from unsc.record.decision import RecordedDecision

    rec = _record(store.sql("SELECT * FROM decisions WHERE decision_id = ?", [did]).iloc[0].to_dict())
    votes = store.sql("SELECT * FROM votes WHERE decision_id = ? ORDER BY permanent DESC, member", [did])
    return RecordedDecision.from_row(rec, [_record(r) for r in votes.to_dict("records")]).to_dict()


def test_every_decision_id_is_found_and_equals_its_dataframe_row(store) -> None:
    ids = store.sql("SELECT decision_id FROM decisions ORDER BY decision_id")["decision_id"].tolist()
    assert all(store.find(did) == did for did in ids)  # S/7285/Add.1 included
    for did in ids[::15]:  # values and their Python types, both ways
        a, b = store.decision(did), _via_pandas(store, did)
        assert a == b, did
        assert {k: type(v) for k, v in a.items()} == {k: type(v) for k, v in b.items()}, did


def test_show_does_not_import_pandas(built_store: Path) -> None:
    code = (
        "import sys\n"
        "from unsc.cli import main\n"
        "sys.argv = ['unsc', 'show', 'S/2024/239', '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('PANDAS' if 'pandas' in sys.modules else 'LIGHT', file=sys.stderr)\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code],
        env=os.environ | {"UNSC_STORE": str(built_store)},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert json.loads(r.stdout)["decision_id"] == "S/2024/239"
    assert r.stderr.strip().splitlines()[-1] == "LIGHT"
