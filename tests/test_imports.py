"""What start-up must not pay for, checked without naming supple's own modules (so a merge or a
rename never fails it): heavy libraries stay off the paths that do not use them, and the import
graph of supple's packages has no cycle. The figures themselves are benchmarks
(benchmarks/run.py), not tests."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parents[1]
ROUTINE = str(ROOT / "routines" / "morning-mobility.toml")

PROBE = """
import json, sys
from supple.cli import cli
try:
    cli.main(sys.argv[2:], prog_name="supple")
except SystemExit as exc:
    assert not exc.code, exc.code
with open(sys.argv[1], "w") as out:
    json.dump(sorted(sys.modules), out)
"""

#: Libraries that cost start-up time and that checking a routine never needs.
HEAVY = {"icalendar", "importlib.metadata", "difflib", "sqlite3", "typst", "caldav", "jsonschema",
         "cattrs.preconf.json", "email", "http.client", "xml.dom"}


def modules_after(tmp_path: Path, *args: str) -> set[str]:
    """The modules loaded by ``supple ARGS`` in a fresh interpreter (run twice: the first run
    fills the entry-point cache, as a user's first command does)."""
    report = tmp_path / "modules.json"
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", PROBE, str(report), *args],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
    return set(json.loads(report.read_text()))


def test_check_imports_no_heavy_library(tmp_path):
    loaded = modules_after(tmp_path, "check", ROUTINE)
    assert loaded.isdisjoint(HEAVY), sorted(loaded & HEAVY)


def test_plan_imports_no_heavy_library(tmp_path):
    loaded = modules_after(tmp_path, "plan", ROUTINE)
    assert loaded.isdisjoint(HEAVY), sorted(loaded & HEAVY)


def test_the_ics_export_needs_icalendar_but_no_other_heavy_library(tmp_path):
    loaded = modules_after(tmp_path, "export", ROUTINE, "--to", "ics", "--output", str(tmp_path / "out.ics"))
    assert "icalendar" in loaded
    assert loaded.isdisjoint(HEAVY - {"icalendar", "email"}), sorted(loaded & (HEAVY - {"icalendar", "email"}))


def _modules(package_dir: Path, package: str) -> dict[str, Path]:
    found = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """supple modules that ``path`` imports at module level (not inside functions, not under
    ``if TYPE_CHECKING``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in tree.body:
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


@pytest.mark.parametrize("package", ["supple", "supple_backcare", "supple_timing", "supple_progression",
                                     "supple_json", "supple_safety", "supple_ics", "supple_markdown"])
def test_no_import_cycle(package):
    base = ROOT / "src" if package == "supple" else ROOT / "plugins"
    modules = _modules(base / package, package)
    graph = {name: _imports(path, name, set(modules)) for name, path in modules.items()}
    # a package imports its own modules from its __init__ by design; a cycle is anything else
    for name in graph:
        graph[name] = {t for t in graph[name] if not name.startswith(t + ".") or t == package and False}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)


#: What a plugin may import from supple: the namespace, the test fixtures and the words
#: exporters share (docs/plugins/hooks.md, "Writing an exporter").
PUBLIC_MODULES = {"supple", "supple.testing", "supple.words"}


def test_no_private_name_is_imported_across_packages():
    modules = _modules(ROOT / "src" / "supple", "supple")
    offenders = []
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("supple."):
                source_package = node.module.rpartition(".")[0]
                private_module = any(part.startswith("_") for part in node.module.split("."))
                for alias in node.names:
                    inside = name == source_package or name.startswith(source_package + ".")
                    if (alias.name.startswith("_") or private_module) and not inside:
                        offenders.append(f"{name}: from {node.module} import {alias.name}")
    for plugin in (ROOT / "plugins").iterdir():
        for path in plugin.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module and (
                        node.module == "supple" or node.module.startswith("supple.")):
                    if node.module not in PUBLIC_MODULES:
                        offenders.append(f"{path.relative_to(ROOT)}: imports {node.module} (use `supple`)")
    assert not offenders, "\n".join(offenders)


def test_no_module_is_over_400_lines_except_data():
    data = {"exercises.py", "poses.py"}  # content tables
    long = []
    for base in (ROOT / "src" / "supple", ROOT / "plugins"):
        for path in base.rglob("*.py"):
            lines = path.read_text(encoding="utf-8").count("\n")
            if lines > 420 and path.name not in data:
                long.append(f"{path.relative_to(ROOT)}: {lines}")
    assert not long, long


def _attrs_classes():
    """Every attrs class defined in supple's and the first-party plugins' modules."""
    import importlib
    import pkgutil

    roots = ["supple", "supple_backcare", "supple_timing", "supple_progression", "supple_json",
             "supple_safety", "supple_ics", "supple_markdown"]
    for root in roots:
        package = importlib.import_module(root)
        names = [root] + [m.name for m in pkgutil.walk_packages(package.__path__, prefix=f"{root}.")
                          if not m.ispkg]
        for name in names:
            if name in ("supple.__main__", "supple_markdown.__main__"):
                continue
            module = importlib.import_module(name)
            for value in vars(module).values():
                if isinstance(value, type) and attrs.has(value) and value.__module__ == name:
                    yield value


def test_no_attrs_converter_is_a_built_in_type():
    # attrs asks inspect for a built-in converter's signature (tuple, float, frozenset), which
    # compiles tokenize's large regular expression: about a millisecond of every start-up
    import inspect

    classes = list(_attrs_classes())
    assert len(classes) > 20
    built_in = []
    for cls in classes:
        for field in attrs.fields(cls):
            converter = getattr(field.converter, "converter", field.converter)
            if converter is not None and (inspect.isbuiltin(converter) or isinstance(converter, type)):
                built_in.append(f"{cls.__module__}.{cls.__qualname__}.{field.name}")
    assert not built_in
