"""The layering of docs/architecture.md, checked on the source: a layer imports only the layers below it,
and the rules import nothing outside the standard library (NumPy only in the batch form)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "unsc"
ORDER = ["rules", "record", "analysis", "news", "sessions", "web", "cli"]  # `unsc serve` starts the web app


def _imports(path: Path) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.lineno, node.module))
    return out


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "unsc" and parts[1] in ORDER else None


MODULES = sorted(p for p in SRC.rglob("*.py") if p.relative_to(SRC).parts[0] in ORDER)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_a_layer_imports_only_layers_below_it(path: Path) -> None:
    own = path.relative_to(SRC).parts[0]
    bad = []
    for line, module in _imports(path):
        other = _layer(module)
        if other is None or other == own:
            continue
        if ORDER.index(other) > ORDER.index(own):
            bad.append(f"{path.relative_to(SRC)}:{line} imports {module} ({own} -> {other})")
    assert not bad, "\n".join(bad)


def test_rules_import_only_the_standard_library() -> None:
    bad = []
    for path in sorted((SRC / "rules").rglob("*.py")):
        for line, module in _imports(path):
            top = module.split(".")[0]
            if top in ("unsc", "__future__") or top in sys.stdlib_module_names:
                continue
            if path.name == "batch.py" and top == "numpy":
                continue
            bad.append(f"rules/{path.name}:{line} imports {module}")
    assert not bad, "\n".join(bad)


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("import os\nfrom unsc.web.app import create_app\n", encoding="utf-8")
    assert [_layer(m) for _, m in _imports(probe)] == [None, "web"]
