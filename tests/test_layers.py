"""The dependency direction of ARCHITECTURE.md, read from the source: bottom layers never
import top ones, and the four top apps never import each other.

Every ``import`` in ``kb/<app>/`` counts, also those inside functions; no database.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KB = Path(__file__).resolve().parent.parent / "kb"
SHARED = {"commands", "paging"}  # kb/commands.py, kb/paging.py: what several apps share
PIPELINE = {"pipeline"}  # pure Python: any layer may use it
ALLOWED: dict[str, set[str]] = {
    "pipeline": set(),
    "entities": PIPELINE | SHARED,
    "articles": {"entities"} | PIPELINE | SHARED,
    "claims": {"articles", "entities"} | PIPELINE | SHARED,
}
BOTTOM = {"entities", "articles", "claims"}
TOP = {"ingest", "curation", "site", "api"}
for _app in TOP:
    ALLOWED[_app] = BOTTOM | PIPELINE | SHARED


def _kb_imports(path: Path, root: Path = KB) -> set[str]:
    """The ``kb`` packages and modules ``path`` imports (``kb.claims.models`` -> ``claims``)."""
    module = ".".join(path.relative_to(root.parent).with_suffix("").parts)
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                package = module.split(".")[: -node.level]
                base = ".".join([*package, base] if base else package)
            names = [base] if base != "kb" else [f"kb.{a.name}" for a in node.names]
        else:
            continue
        found |= {name.split(".")[1] for name in names if name.startswith("kb.")}
    return found


def _layer_imports(app: str, root: Path = KB) -> dict[str, set[str]]:
    """For each file of ``kb/<app>/``, the other ``kb`` layers it imports."""
    return {
        str(path.relative_to(root.parent)): _kb_imports(path, root) - {app}
        for path in sorted((root / app).rglob("*.py"))
        if "migrations" not in path.parts
    }


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_each_layer_imports_only_the_layers_below_it(app):
    wrong = {
        path: sorted(found - ALLOWED[app])
        for path, found in _layer_imports(app).items()
        if found - ALLOWED[app]
    }
    assert not wrong, f"kb/{app} may import only {sorted(ALLOWED[app])}; found {wrong}"


def test_the_pipeline_never_imports_django():
    for path in sorted((KB / "pipeline").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        modules = [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [m for m in modules if m.split(".")[0] == "django"], path


def test_every_app_is_placed_in_a_layer():
    apps = {p.name for p in KB.iterdir() if (p / "__init__.py").exists()}
    assert apps == set(ALLOWED), "a new kb app: place it in ALLOWED"


def test_the_checker_sees_a_forbidden_import(tmp_path):
    """The rule is not vacuous: top apps imported from a bottom one, in any form, are caught."""
    fake = tmp_path / "kb" / "claims"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text(
        "from kb.curation.merge import actors_merge\n"
        "def f():\n    from kb import site\n    from ..api import views\n"
    )
    found = _layer_imports("claims", tmp_path / "kb")
    assert found == {"kb/claims/bad.py": {"curation", "site", "api"}}
