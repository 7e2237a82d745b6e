"""The shape of the package holds: layers import only downwards (the import-linter contracts
in pyproject.toml), no module imports itself back through others, modules stay small, and
docs/ARCHITECTURE.md names only modules that exist."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "itu_timeline"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
MAX_LINES = 300


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": str(LINT_IMPORTS.parent)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_layer_contracts_are_kept() -> None:
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_a_wrong_import_breaks_the_contracts(tmp_path: Path) -> None:
    """The contracts can fail: the core reaching up into the CLI is caught."""
    shutil.copytree(PACKAGE, tmp_path / "itu_timeline", ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    model = tmp_path / "itu_timeline" / "core" / "model.py"
    model.write_text(model.read_text() + "\nimport rich\nfrom itu_timeline.cli import app\n")
    done = lint_imports(tmp_path)
    assert done.returncode == 1
    assert "cli -> render, store -> core -> base BROKEN" in done.stdout
    assert "The core never imports typer, rich or icalendar BROKEN" in done.stdout
    assert "itu_timeline.core.model -> itu_timeline.cli.app" in done.stdout


def test_no_module_imports_itself_back() -> None:
    graph = grimp.build_graph("itu_timeline")
    cycles = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                cycles.append(" -> ".join((importer, *back)))
    assert cycles == []


@pytest.mark.parametrize(
    "module", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT))
)
def test_modules_stay_under_300_lines(module: Path) -> None:
    assert len(module.read_text().splitlines()) <= MAX_LINES


def test_the_architecture_map_names_only_modules_that_exist() -> None:
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text()
    named = set(re.findall(r"`((?:itu_timeline/)?(?:base|core|store|render|cli)/\w+\.py)`", text))
    assert len(named) > 20
    for path in named:
        assert (PACKAGE / path.removeprefix("itu_timeline/")).is_file(), path
    modules = {str(p.relative_to(PACKAGE)) for p in PACKAGE.glob("*/*.py")}
    unnamed = {m for m in modules if not m.endswith("__init__.py")} - {
        n.removeprefix("itu_timeline/") for n in named
    }
    assert unnamed == set(), "modules missing from docs/ARCHITECTURE.md"
