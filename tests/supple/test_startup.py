"""What each command imports: only what it needs (docs/performance.md). A fresh interpreter
runs the command and reports ``sys.modules``; the figures themselves are benchmarks, not tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parents[2]
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


def modules_after(tmp_path, *args: str) -> set[str]:
    """The modules loaded by ``supple ARGS`` in a fresh interpreter (run twice: the first run
    fills the entry-point cache, as a user's first command does)."""
    report = tmp_path / "modules.json"
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", PROBE, str(report), *args],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
    return set(json.loads(report.read_text()))


# Exporters, safety filters, planning, the terminal plan and profile reading: none is needed
# to check a routine.
NOT_FOR_CHECK = {
    "icalendar", "supple_ics.build", "supple_ics.options", "supple_markdown.options",
    "supple_markdown.handout", "supple.exporters", "supple.filters", "supple.plan",
    "supple.planning", "supple.textplan", "supple.serialize", "supple.profile_file",
    "supple.progression_context", "supple_safety.options",
    "supple_safety.redflags", "supple_safety.conditions", "difflib",
    # the routine uses `steady` timing and no progression: no other strategy's options class
    "supple_timing.gentle_options", "supple_timing.timebox", "supple_progression.linear",
    "supple_progression.phased", "supple_progression.load",
}


def test_check_imports_no_exporter_safety_filter_or_planning_code(tmp_path):
    loaded = modules_after(tmp_path, "check", ROUTINE)
    assert "supple.loading" in loaded and "supple_backcare.exercises" in loaded
    assert loaded.isdisjoint(NOT_FOR_CHECK), sorted(loaded & NOT_FOR_CHECK)


def test_a_warm_entry_point_cache_spares_importlib_metadata(tmp_path):
    assert "importlib.metadata" not in modules_after(tmp_path, "check", ROUTINE)


@pytest.mark.parametrize("unused", ["icalendar", "supple_markdown.handout", "supple.serialize"])
def test_plan_imports_no_exporter(tmp_path, unused):
    assert unused not in modules_after(tmp_path, "plan", ROUTINE)


def test_the_ics_export_imports_no_other_exporter(tmp_path):
    loaded = modules_after(tmp_path, "export", ROUTINE, "--to", "ics", "--output", str(tmp_path / "out.ics"))
    assert "supple_ics.build" in loaded
    unused = {"supple_markdown.handout", "supple_markdown.options", "supple.serialize", "difflib"}
    assert loaded.isdisjoint(unused), sorted(loaded & unused)


def _attrs_classes():
    """Every attrs class defined in supple's and the first-party plugins' modules."""
    import importlib
    import pkgutil

    import attrs

    roots = ["supple", "supple_backcare", "supple_timing", "supple_progression", "supple_json",
             "supple_safety", "supple_ics", "supple_markdown"]
    for root in roots:
        package = importlib.import_module(root)
        names = [root] + [f"{root}.{m.name}" for m in pkgutil.walk_packages(package.__path__)
                          if not m.ispkg]
        for name in names:
            if name in ("supple.__main__",):
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
