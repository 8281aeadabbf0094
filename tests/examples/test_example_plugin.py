"""The example third-party plugin (examples/supple-example, distribution supple-deskbreak)
and a freshly scaffolded one (`supple new-plugin`) work as users get them: built and
installed into a fresh virtual environment next to supple's own wheel, listed by
`supple plugins`, usable from routines, passing their own tests. The tutorial shows exactly
the example's code.

The fresh-environment tests are marked ``slow``; they run by default. pip needs a package
index (PyPI, or the one pip is configured with): without one they fail, they do not skip.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "supple-example"
DOCS = ROOT / "docs" / "plugins"
SCAFFOLD = "stretchy"

FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```", re.M | re.S)


def fenced(path: Path) -> list[tuple[str, str, str]]:
    """(language, rest of the info string, body) of every fenced block in a Markdown file."""
    return [(m.group(1), m.group(2).strip(), m.group(3)) for m in FENCE.finditer(path.read_text(encoding="utf-8"))]


@pytest.fixture
def deskbreak(monkeypatch):
    """The example package imported from its source folder (not installed)."""
    monkeypatch.syspath_prepend(str(EXAMPLE / "src"))
    import supple_deskbreak

    yield supple_deskbreak
    for name in [n for n in sys.modules if n == "supple_deskbreak" or n.startswith("supple_deskbreak.")]:
        del sys.modules[name]


# --- the example, from source -------------------------------------------------------------


def test_the_example_follows_the_naming_convention():
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["build-system"]["build-backend"] == "hatchling.build"
    assert project["project"]["name"] == "supple-deskbreak"
    assert project["project"]["entry-points"]["supple"] == {"deskbreak": "supple_deskbreak"}
    assert (EXAMPLE / "src" / "supple_deskbreak" / "__init__.py").is_file()


def test_the_example_contributes_everything_the_issue_asks_for(deskbreak):
    from supple.testing import make_registry

    registry = make_registry(deskbreak=deskbreak, strict=True)
    assert registry.plugin("deskbreak").contributes == {
        "exercise set": ["deskbreak"],
        "routine": ["desk-micro-break"],
        "safety filter": ["deskbreak-seated-only"],
        "settings": ["deskbreak"],
        "timing strategy": ["microbreak"],
    }
    ids = [e.exercise.id for e in registry.catalogue]
    assert ids == ["seated-neck-side-tilt", "seated-side-bend", "standing-pelvic-rock"]
    assert all(e.exercise.sources for e in registry.catalogue)


def test_the_example_adds_no_exercise_id_the_built_in_catalogue_has(deskbreak):
    """Bare ids in the bundled routines must stay unambiguous with the example installed."""
    from supple.testing import make_registry

    registry = make_registry(deskbreak, builtins=True, strict=True)
    mine = {e.exercise.id for e in registry.catalogue if e.set_name == "deskbreak"}
    theirs = {e.exercise.id for e in registry.catalogue if e.set_name != "deskbreak"}
    assert mine and not mine & theirs


def test_the_examples_own_tests_pass_from_source(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUPPLE_")}
    env.update(PYTHONPATH=str(EXAMPLE / "src"), PYTHONDONTWRITEBYTECODE="1",
               SUPPLE_CONFIG_DIR=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE / "tests")],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "7 passed" in proc.stdout


def test_the_tutorial_shows_the_examples_code_exactly():
    """Every block headed by a file name is a verbatim excerpt of that file, and the
    tutorial shows the entry point, every hook and every module of the example."""
    shown = {}
    for _, info, body in fenced(DOCS / "tutorial.md"):
        match = re.fullmatch(r'title="([^"]+)"', info)
        if match:
            path = EXAMPLE / match.group(1)
            assert path.is_file(), f"the tutorial quotes {match.group(1)}, which does not exist"
            assert body in path.read_text(encoding="utf-8"), f"the tutorial's {match.group(1)} is out of date"
            shown.setdefault(match.group(1), []).append(body)
    package = "src/supple_deskbreak"
    assert set(shown) >= {"pyproject.toml", f"{package}/__init__.py", f"{package}/exercises.py",
                          f"{package}/timing.py", f"{package}/rules.py",
                          f"{package}/routines/desk-micro-break.toml", "tests/test_deskbreak.py"}
    hooks = "".join(shown[f"{package}/__init__.py"])
    for hook in ("supple_exercise_sets", "supple_timing_strategies", "supple_safety_filters",
                 "supple_settings", "supple_routines"):
        assert f"def {hook}()" in hooks


def test_routine_snippets_that_need_the_example_are_valid_with_it(deskbreak):
    """TOML blocks marked ``toml deskbreak`` in docs/plugins, and the example's README,
    check clean against the built-in plugins plus the example."""
    from supple.testing import check_routine, make_registry

    registry = make_registry(deskbreak, builtins=True, strict=True)
    blocks = [body for doc in sorted(DOCS.glob("*.md")) for lang, info, body in fenced(doc)
              if lang == "toml" and info == "deskbreak"]
    blocks += [body for lang, info, body in fenced(EXAMPLE / "README.md") if lang == "toml"]
    assert len(blocks) >= 3
    for block in blocks:
        data = tomllib.loads(block)
        data.setdefault("routine", {"title": "Documentation example"})
        data.setdefault("steps", [{"exercise": "deskbreak/seated-side-bend"}])
        assert check_routine(data, registry) == [], block


# --- installed into a fresh virtual environment --------------------------------------------


def _run(args: list[str], *, env: dict[str, str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout)
    return proc


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """One fresh virtual environment holding supple (built from this checkout, not
    editable), the example plugin, and a plugin just made by that environment's
    `supple new-plugin` (so the templates must be in supple's wheel)."""
    base = tmp_path_factory.mktemp("fresh")
    venv = base / "venv"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SUPPLE_", "PYTHON", "VIRTUAL_ENV", "PIP_REQUIRE_VIRTUALENV"))}
    env.update(PYTHONDONTWRITEBYTECODE="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1",
               SUPPLE_CONFIG_DIR=str(base / "config"))
    (base / "config").mkdir()
    made = _run([sys.executable, "-m", "venv", str(venv)], env=env, cwd=base)
    assert made.returncode == 0, made.stderr
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python, supple = str(bindir / "python"), str(bindir / "supple")
    # the build backend and the test runner first; then everything is built without
    # isolation, which saves a throw-away build environment per package
    steps = [
        [python, "-m", "pip", "install", "-q", "hatchling>=1.21", "pytest>=8"],
        [python, "-m", "pip", "install", "-q", "--no-build-isolation", str(ROOT), str(EXAMPLE)],
        [supple, "new-plugin", SCAFFOLD, "--dir", str(base)],
        [python, "-m", "pip", "install", "-q", "--no-build-isolation", str(base / f"supple-{SCAFFOLD}")],
    ]
    for step in steps:
        done = _run(step, env=env, cwd=base)
        assert done.returncode == 0, f"{' '.join(step)}\n{done.stdout}\n{done.stderr}"
    return {"base": base, "python": python, "supple": supple, "env": env}


def supple_in(fresh, *args: str, **extra: str) -> subprocess.CompletedProcess:
    return _run([fresh["supple"], *args], env={**fresh["env"], **extra}, cwd=fresh["base"], timeout=120)


@pytest.mark.slow
def test_supple_plugins_lists_the_installed_example_and_the_scaffold(fresh):
    listed = supple_in(fresh, "plugins", "--json", SUPPLE_STRICT_PLUGINS="1")
    assert listed.returncode == 0, listed.stderr
    entries = {e["name"]: e for e in json.loads(listed.stdout)}
    assert set(entries) == {"deskbreak", SCAFFOLD}
    example = entries["deskbreak"]
    assert (example["status"], example["version"], example["distribution"]) == ("active", "0.1.0", "supple-deskbreak")
    assert example["contributes"] == {
        "exercise set": ["deskbreak"], "routine": ["desk-micro-break"],
        "safety filter": ["deskbreak-seated-only"], "settings": ["deskbreak"],
        "timing strategy": ["microbreak"],
    }
    assert entries[SCAFFOLD]["status"] == "active"
    assert entries[SCAFFOLD]["contributes"] == {"exercise set": [SCAFFOLD]}
    # supple's wheel carries every first-party plugin and the bundled routines
    everything = json.loads(supple_in(fresh, "plugins", "--all", "--json").stdout)
    built_in = {e["name"]: e["status"] for e in everything if e["builtin"]}
    from supple.plugin.builtin import BUILTIN_PLUGINS

    assert set(built_in) == set(BUILTIN_PLUGINS) == {
        "backcare", "timing", "progression", "json", "safety", "ics", "markdown", "handout"}
    assert set(built_in.values()) == {"active"}
    routines = supple_in(fresh, "routines").stdout
    assert "desk-micro-break" in routines and "morning-mobility" in routines


@pytest.mark.slow
def test_routines_use_the_installed_examples_exercises_timing_and_settings(fresh):
    planned = supple_in(fresh, "plan", "desk-micro-break")
    assert planned.returncode == 0, planned.stderr
    assert "Timing: microbreak" in planned.stdout and "not medical advice" in planned.stdout
    calendar = supple_in(fresh, "export", "desk-micro-break", "--to", "ics")
    assert calendar.returncode == 0 and calendar.stdout.startswith("BEGIN:VCALENDAR")
    routine = fresh["base"] / "mixed.toml"
    routine.write_text(
        '[routine]\ntitle = "Mixed"\n\n[timing]\nstrategy = "microbreak"\n\n'
        '[[steps]]\nexercise = "seated-side-bend"\n\n[[steps]]\nexercise = "standing-pelvic-rock"\n\n'
        '[[steps]]\nexercise = "cat-cow"\n\n[plugins.deskbreak]\nseated_only = true\n'
    )
    mixed = supple_in(fresh, "plan", str(routine), "--json")
    assert mixed.returncode == 0, mixed.stderr
    data = json.loads(mixed.stdout)
    assert [s["exercise"] for s in data["sessions"][0]["steps"]] == ["seated-side-bend"]
    removed = {f["exercise"] for f in data["safety"] if f["action"] == "removed"}
    assert {"standing-pelvic-rock", "cat-cow"} <= removed
    routine.write_text(routine.read_text().replace("seated_only = true", 'seated_only = "yes"'))
    checked = supple_in(fresh, "check", str(routine))
    assert checked.returncode == 2
    assert "plugins.deskbreak.seated_only: expected true or false, got text 'yes'" in checked.stderr
    listed = supple_in(fresh, "exercises", "--set", SCAFFOLD)
    assert f"{SCAFFOLD}/example-exercise" in listed.stdout


@pytest.mark.slow
def test_the_installed_example_passes_its_own_tests(fresh):
    tests = fresh["base"] / "example-tests"
    shutil.copytree(EXAMPLE / "tests", tests)
    proc = _run([fresh["python"], "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests)],
                env=fresh["env"], cwd=fresh["base"], timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "7 passed" in proc.stdout


@pytest.mark.slow
def test_the_scaffolded_plugin_installs_and_passes_its_generated_tests(fresh):
    project = fresh["base"] / f"supple-{SCAFFOLD}"
    proc = _run([fresh["python"], "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                env=fresh["env"], cwd=project, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "4 passed" in proc.stdout


@pytest.mark.slow
def test_the_example_type_checks_against_the_installed_wheel(fresh):
    """supple's wheel ships its ``py.typed`` marker: ``mypy --strict``, reading the fresh
    environment's site-packages (supple installed from its wheel, not this checkout), passes the
    example plugin's source."""
    marker = _run([fresh["python"], "-c", "import pathlib, supple; "
                   "print(pathlib.Path(supple.__file__).with_name('py.typed').is_file())"],
                  env=fresh["env"], cwd=fresh["base"])
    assert marker.stdout.strip() == "True", marker.stdout + marker.stderr
    source = fresh["base"] / "example-source"
    shutil.copytree(EXAMPLE / "src" / "supple_deskbreak", source / "supple_deskbreak")
    proc = _run([sys.executable, "-m", "mypy", "--strict", "--python-executable", fresh["python"],
                 "supple_deskbreak"], env=fresh["env"], cwd=source, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    modules = len(list((source / "supple_deskbreak").glob("*.py")))
    assert f"Success: no issues found in {modules} source files" in proc.stdout
