"""Issue 15: no function in src/ over 120 lines, unless its docstring says why (the words "long because")."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
LIMIT = 120


def _long_functions(src: Path = SRC) -> list[str]:
    out = []
    for path in sorted(src.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or node.end_lineno is None:
                continue
            length = node.end_lineno - node.lineno + 1
            if length > LIMIT and "long because" not in (ast.get_docstring(node) or ""):
                out.append(f"{path.relative_to(src)}:{node.lineno} {node.name} ({length} lines)")
    return out


def test_no_function_over_120_lines() -> None:
    assert _long_functions() == []


def test_the_check_sees_a_long_function_and_a_reason(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(LIMIT + 1))
    (tmp_path / "m.py").write_text(f"def f():\n{body}\n", encoding="utf-8")
    assert _long_functions(tmp_path) == ["m.py:1 f (122 lines)"]
    (tmp_path / "m.py").write_text(f'def f():\n    """long because a table."""\n{body}\n', encoding="utf-8")
    assert _long_functions(tmp_path) == []
