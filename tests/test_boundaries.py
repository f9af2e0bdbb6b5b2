"""api/extract is pure: no Flask, no SQLAlchemy, no models, web or ingest (checked with ast)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

EXTRACT = Path(__file__).resolve().parent.parent / "api" / "extract"
FORBIDDEN = ("flask", "flask_sqlalchemy", "flask_smorest", "sqlalchemy", "alembic",
             "api.models", "api.web", "api.ingest", "api.queries", "api.schemas")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:                          # relative: resolve against api.extract
                base = "api.extract" if node.level == 1 else "api"
                out.append(f"{base}.{node.module}" if node.module else base)
                out += [f"{base}.{a.name}" for a in node.names if not node.module]
            else:
                out.append(node.module or "")
    return out


@pytest.mark.parametrize("path", sorted(EXTRACT.glob("*.py")), ids=lambda p: p.name)
def test_extract_module_imports_nothing_of_the_web_or_database(path):
    bad = [m for m in _imports(path) if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)]
    assert not bad, f"{path.name} imports {bad}"


def test_there_are_modules_to_check():
    assert len(list(EXTRACT.glob("*.py"))) >= 5
