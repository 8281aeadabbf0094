"""`supple new-plugin NAME`: a plugin project that follows the naming convention, installs,
and passes its own generated tests as generated (installed into a fresh virtual environment
in tests/examples/test_example_plugin.py; run from source here)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from supple.cli import cli


def new_plugin(*args: str):
    return CliRunner().invoke(cli, ["new-plugin", *args])


def files_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)).replace(os.sep, "/") for p in root.rglob("*") if p.is_file())


def test_it_writes_a_project_named_by_the_convention(tmp_path):
    result = new_plugin("desk-break", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    project = tmp_path / "supple-desk-break"
    assert files_under(project) == [
        ".github/workflows/test.yml", ".gitignore", "README.md", "pyproject.toml",
        "src/supple_desk_break/__init__.py", "tests/test_desk_break.py",
    ]
    meta = tomllib.loads((project / "pyproject.toml").read_text())
    assert meta["project"]["name"] == "supple-desk-break"
    assert meta["project"]["entry-points"]["supple"] == {"desk-break": "supple_desk_break"}
    assert meta["build-system"]["build-backend"] == "hatchling.build"
    assert meta["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"] == ["src/supple_desk_break"]
    (dep,) = [d for d in meta["project"]["dependencies"] if d.startswith("supple")]
    assert dep.startswith("supple>=") and ",<" in dep  # an upper bound too
    assert meta["project"]["license"] == "MIT"
    workflow = (project / ".github" / "workflows" / "test.yml").read_text()
    assert "${{ matrix.python }}" in workflow and "SUPPLE_STRICT_PLUGINS" in workflow
    module = (project / "src" / "supple_desk_break" / "__init__.py").read_text()
    assert "SUPPLE_HOOK_API = (" in module
    assert "pip install -e" in result.output and "supple plugins" in result.output
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".supple-new-plugin")]


def test_the_generated_plugin_loads_cleanly_and_plans(tmp_path, monkeypatch):
    new_plugin("desk-break", "--dir", str(tmp_path))
    monkeypatch.syspath_prepend(str(tmp_path / "supple-desk-break" / "src"))
    import supple_desk_break

    try:
        from supple.testing import make_registry, plan_routine

        registry = make_registry(supple_desk_break, builtins=True, strict=True)
        assert registry.plugin("supple_desk_break").contributes == {"exercise set": ["desk-break"]}
        plan = plan_routine('[routine]\ntitle = "t"\n[[steps]]\nexercise = "example-exercise"\n', registry)
        assert plan.sessions[0].steps[0].ref == "desk-break/example-exercise"
    finally:
        del sys.modules["supple_desk_break"]


def test_the_generated_tests_pass_as_generated(tmp_path):
    new_plugin("desk-break", "--dir", str(tmp_path))
    project = tmp_path / "supple-desk-break"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUPPLE_")}
    env.update(PYTHONPATH=str(project / "src"), PYTHONDONTWRITEBYTECODE="1", SUPPLE_CONFIG_DIR=str(tmp_path))
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                          cwd=project, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "4 passed" in proc.stdout


def test_a_supple_prefix_is_accepted_and_not_doubled(tmp_path):
    result = new_plugin("supple-stretch", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "supple-stretch" / "src" / "supple_stretch" / "__init__.py").is_file()


@pytest.mark.parametrize(("name", "suggestion"), [
    ("Desk_Break", "'desk-break'"),
    ("desk break", "'desk-break'"),
    ("desk-", "'desk'"),
    ("2desk", "'desk'"),
    ("desk--break", "'desk-break'"),
    ("", None),
])
def test_a_bad_name_is_refused_with_a_suggestion_and_nothing_written(tmp_path, name, suggestion):
    result = new_plugin(name, "--dir", str(tmp_path))
    assert result.exit_code == 2
    assert "is not a plugin name" in result.stderr and "Traceback" not in result.output
    if suggestion:
        assert f"for example {suggestion}" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_name_of_a_built_in_plugin_is_refused(tmp_path):
    result = new_plugin("timing", "--dir", str(tmp_path))
    assert result.exit_code == 2 and "ships with supple" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_existing_folder_is_never_overwritten(tmp_path):
    existing = tmp_path / "supple-desk"
    existing.mkdir()
    (existing / "mine.txt").write_text("keep me")
    result = new_plugin("desk", "--dir", str(tmp_path))
    assert result.exit_code == 2 and "already exists; nothing was written" in result.stderr
    assert files_under(existing) == ["mine.txt"]


def test_a_missing_target_folder_is_an_error(tmp_path):
    result = new_plugin("desk", "--dir", str(tmp_path / "nope"))
    assert result.exit_code == 2 and "nope: --dir: no such folder" in result.stderr


def test_a_failure_while_writing_leaves_nothing_behind(tmp_path, monkeypatch):
    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "rename", refuse)
    result = new_plugin("desk", "--dir", str(tmp_path))
    assert result.exit_code == 2 and "cannot be created (No space left on device); nothing was written" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_every_template_ships_inside_the_supple_package():
    from importlib import resources

    from supple.scaffold import FILES

    package = resources.files("supple.scaffold")
    for template in FILES.values():
        assert package.joinpath(template).is_file()
    # in supple's own source tree, so the wheel (packages = ["src/supple", ...]) carries them
    assert Path(str(package)).resolve().parts[-3:] == ("src", "supple", "scaffold")


@pytest.mark.parametrize("parts, kinds", [
    ("exporter", {"exporter": ["shop-csv"]}),
    ("timing", {"timing strategy": ["shop-brisk"]}),
    ("exercises,exporter,timing", {"exercise set": ["shop"], "exporter": ["shop-csv"],
                                   "timing strategy": ["shop-brisk"]}),
])
def test_with_starts_a_plugin_of_only_those_parts_and_its_tests_pass(tmp_path, monkeypatch, parts, kinds):
    result = new_plugin("shop", "--dir", str(tmp_path), "--with", parts)
    assert result.exit_code == 0, result.output
    project = tmp_path / "supple-shop"
    monkeypatch.syspath_prepend(str(project / "src"))
    import supple_shop

    try:
        from supple.testing import make_registry

        registry = make_registry(supple_shop, builtins=True, strict=True)
        assert registry.plugin("supple_shop").contributes == kinds
        # the generated tests, run in this process with supple's pytest plugin
        outcome = pytest.main(["-q", "-p", "no:cacheprovider", "--import-mode=importlib", str(project / "tests")])
        assert outcome == 0
    finally:
        del sys.modules["supple_shop"]


def test_with_an_unknown_part_is_a_located_error(tmp_path):
    result = new_plugin("shop", "--dir", str(tmp_path), "--with", "exporter,timimg")
    assert result.exit_code == 2 and "--with: unknown part 'timimg'; did you mean 'timing'?" in result.stderr
    assert list(tmp_path.iterdir()) == []
