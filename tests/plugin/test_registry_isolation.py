"""A broken third-party plugin never takes supple down: each failure is isolated, reported
against the plugin that caused it (through the API and `supple plugins`), and strict mode
turns it into an error for plugin developers.

Plugins here are fake distributions: a ``*.dist-info`` folder with ``entry_points.txt`` and a
module beside it, in a temporary folder put on ``sys.path`` (or ``PYTHONPATH`` for a
subprocess), so ``importlib.metadata`` discovers them exactly as installed ones.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from supple.cli import cli
from supple.errors import PluginError
from supple.plugin.manager import load_registry
from supple.plugin.selection import ENV_STRICT

GOOD_SET = '''
import supple

def make_set(name="{set_name}", exercise_id="{exercise_id}"):
    return supple.ExerciseSet(name=name, title="Fake", exercises=[supple.Exercise(
        id=exercise_id, name="Fake move", summary="A fake move.", kind="mobility",
        position="seated", dose=supple.Dose(reps=3), sources=[supple.Source("fake")])])
'''

HEADER = "import supple\n"


def module(body: str) -> str:
    """A plugin module: ``import supple`` and ``body`` (dedented)."""
    return HEADER + textwrap.dedent(body)


def fake_distribution(root: Path, dist: str, modules: dict[str, str], plugins: dict[str, str],
                      version: str = "1.0") -> None:
    """Write an installed-looking distribution ``dist`` into ``root``."""
    info = root / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n\n")
    (info / "entry_points.txt").write_text(
        "[supple]\n" + "".join(f"{name} = {target}\n" for name, target in plugins.items())
    )
    for name, text in modules.items():
        (root / f"{name}.py").write_text(text)


YIELD_SET = """
@supple.hookimpl
def supple_exercise_sets():
    yield make_set()
"""


def set_plugin(root: Path, name: str, exercise_id: str, hook: str = YIELD_SET, *,
               set_name: str | None = None, plugin: str | None = None) -> None:
    """Install ``supple-t-NAME``: module ``supple_t_NAME`` with ``make_set()`` (one exercise
    ``exercise_id`` in set ``set_name``, default ``name``) and ``hook``, registered as plugin
    ``plugin`` (default ``name``)."""
    module_name = f"supple_t_{name}"
    text = GOOD_SET.format(set_name=set_name or name, exercise_id=exercise_id) + hook
    fake_distribution(root, f"supple-t-{name}", {module_name: text}, {plugin or name: module_name})


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A folder on sys.path to install fake distributions into; a clean user config; the
    fake plugins' modules forgotten afterwards."""
    from supple.io import config

    root = tmp_path / "site"
    root.mkdir()
    (tmp_path / "config").mkdir()
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(tmp_path / "config"))
    for name in ("SUPPLE_PLUGINS", "SUPPLE_DISABLE_PLUGINS", ENV_STRICT, "SUPPLE_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.syspath_prepend(str(root))
    config.user_config.cache_clear()
    before = set(sys.modules)
    yield root
    for name in set(sys.modules) - before:
        if name.startswith("supple_t_"):
            del sys.modules[name]
    config.user_config.cache_clear()


def block(stdout: str, plugin: str) -> str:
    """The lines `supple plugins` prints about ``plugin``."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{plugin} "))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return "\n".join(lines[start:end])


def invoke(*args: str, strict: bool = False):
    env = {ENV_STRICT: "1"} if strict else {}
    return CliRunner().invoke(cli, list(args), env=env)


def assert_isolated(
    plugin: str, status: str, says: list[str], *, also_blamed: tuple[str, ...] = (),
    warned_by: tuple[str, ...] = ("plan", "morning-mobility"),
) -> None:
    """The failure is reported against ``plugin`` with ``says`` in its errors, through the
    API and `supple plugins`; the built-in plugins are untouched; planning and the catalogue
    still work; a command that uses the failing part (``warned_by``) warns naming the plugin
    (hooks are called only when a command needs them, so a broken exporter does not trouble
    `supple plan`); strict mode makes commands fail with exit status 2 naming the plugin."""
    # the API
    registry = load_registry()
    info = registry.plugin(plugin)
    assert info is not None and info.status == status, (info, status)
    for fragment in says:
        assert any(fragment in error for error in info.errors), (fragment, info.errors)
    blamed = {p.name for p in registry.failures}
    assert blamed == {plugin, *also_blamed}
    assert all(p.status == "active" for p in registry.plugins if p.builtin)

    # `supple plugins`, as text and as JSON
    result = invoke("plugins")
    assert result.exit_code == 0, result.output
    section = block(result.stdout, plugin)
    assert section.startswith(f"{plugin} 1.0 (supple-t-")
    for fragment in says:
        assert fragment in section
    entries = {e["name"]: e for e in json.loads(invoke("plugins", "--json").stdout)}
    assert entries[plugin]["status"] == status
    assert all(fragment in entries[plugin]["error"] for fragment in says)

    # supple keeps working with the others
    result = invoke("plan", "morning-mobility")
    assert result.exit_code == 0, result.output
    assert "Morning back mobility" in result.stdout
    result = invoke(*warned_by)
    assert result.exit_code == 0, result.output
    assert f"plugin {plugin!r}" in result.stderr  # the warning names the culprit
    result = invoke("exercises", "--set", "backcare")
    assert result.exit_code == 0 and "backcare/cat-cow" in result.stdout

    # strict mode: an error naming the plugin, exit status 2, no traceback
    for command in (["plan", "morning-mobility"], ["exercises"], ["plugins"]):
        result = invoke(*command, strict=True)
        assert result.exit_code == 2, (command, result.output)
        assert f"supple: error: plugin {plugin!r}" in result.stderr
        assert "Traceback" not in result.output
        assert isinstance(result.exception, SystemExit)
    with pytest.raises(PluginError) as caught:
        load_registry(strict=True)
    assert caught.value.plugin == plugin


def test_a_plugin_that_fails_to_import_is_reported_and_left_out(site):
    fake_distribution(site, "supple-t-missing", {"supple_t_missing": "import not_installed_anywhere_zq\n"},
                      {"missing": "supple_t_missing"})
    assert_isolated("missing", "failed", [
        "failed to import supple_t_missing", "ModuleNotFoundError", "not_installed_anywhere_zq"])


def test_a_plugin_with_a_syntax_error_is_reported_and_left_out(site):
    fake_distribution(site, "supple-t-syntax", {"supple_t_syntax": "def broken(:\n    pass\n"},
                      {"syntax": "supple_t_syntax"})
    assert_isolated("syntax", "failed", ["failed to import supple_t_syntax", "SyntaxError"])


def test_a_plugin_that_exits_at_import_does_not_stop_supple(site):
    fake_distribution(site, "supple-t-exits", {"supple_t_exits": "raise SystemExit(3)\n"},
                      {"exits": "supple_t_exits"})
    assert_isolated("exits", "failed", ["failed to import supple_t_exits: SystemExit"])


def test_a_hook_that_raises_loses_only_that_hook(site):
    fake_distribution(site, "supple-t-raises", {"supple_t_raises": module('''
        @supple.hookimpl
        def supple_exercise_sets():
            raise RuntimeError("the exercise database is unreachable")

        @supple.hookimpl
        def supple_exporters():
            yield supple.Exporter(name="fake-text", summary="Text.", render=lambda plan, o: b"x")
    ''')}, {"raises": "supple_t_raises"})
    assert_isolated("raises", "partial", [
        "supple_exercise_sets() raised RuntimeError: the exercise database is unreachable",
        "(at site/supple_t_raises.py:5)"])
    registry = load_registry()
    assert registry.provider("exporter", "fake-text") == "raises"  # the rest of it still works


def test_a_hook_returning_the_wrong_type_is_reported(site):
    fake_distribution(site, "supple-t-wrongtype", {"supple_t_wrongtype": module('''
        @supple.hookimpl
        def supple_exercise_sets():
            yield {"name": "dict-set", "exercises": []}
    ''')}, {"wrongtype": "supple_t_wrongtype"})
    assert_isolated("wrongtype", "partial", [
        "supple_exercise_sets() returned a dict", "where an ExerciseSet was expected"])


def test_a_hook_returning_one_object_instead_of_an_iterable_is_reported(site):
    set_plugin(site, "single", "single-move", YIELD_SET.replace("yield", "return"))
    assert_isolated("single", "partial", [
        "supple_exercise_sets() returned an ExerciseSet where an iterable of ExerciseSet objects "
        "was expected (yield each one, or return a list)"])


def test_a_hook_building_an_invalid_object_names_the_object_and_the_line(site):
    set_plugin(site, "invalid", "Not A Slug")
    assert_isolated("invalid", "partial", [
        "supple_exercise_sets() built an invalid Exercise: id must be a lowercase slug",
        "got 'Not A Slug'", "(at site/supple_t_invalid.py:"])


def test_two_plugins_contributing_the_same_name_are_both_left_out_and_both_named(site):
    for letter in "ab":
        set_plugin(site, f"dupe{letter}", f"move-{letter}", set_name="dupes")
    says = ["exercise set 'dupes' is provided by 'dupea' and 'dupeb'",
            "left out until one of them is disabled"]
    assert_isolated("dupea", "partial", says, also_blamed=("dupeb",))
    registry = load_registry()
    assert "dupes" not in registry.exercise_sets
    assert registry.plugin("dupeb").status == "partial"
    # disabling one of them settles it
    assert load_registry(disabled=["dupeb"]).provider("exercise set", "dupes") == "dupea"


def test_a_plugin_clashing_with_a_built_in_name_keeps_it_under_its_qualified_name(site):
    fake_distribution(site, "supple-t-clash", {"supple_t_clash": module('''
        @supple.hookimpl
        def supple_exporters():
            yield supple.Exporter(name="json", summary="Not JSON.", render=lambda plan, o: b"nope")
    ''')}, {"clash": "supple_t_clash"})
    registry = load_registry()
    info = registry.plugin("clash")
    assert info.status == "active" and not info.errors
    assert info.notes == ["exporter 'json' is also provided by 'json', which keeps the plain name; "
                          "this plugin's one is clash:json"]
    result = invoke("export", "morning-mobility", "--to", "json")
    assert result.exit_code == 0 and result.stdout.startswith("{")
    result = invoke("export", "morning-mobility", "--to", "clash:json")
    assert result.exit_code == 0 and result.stdout == "nope"
    assert "note: exporter 'json' is also provided" in invoke("plugins").stdout


def test_two_third_party_exporters_with_one_name_are_both_reachable(site, monkeypatch, tmp_path):
    for letter in "ab":
        fake_distribution(site, f"supple-t-csv{letter}", {f"supple_t_csv{letter}": module(f'''
            @supple.hookimpl
            def supple_exporters():
                yield supple.Exporter(name="csv", summary="CSV.", render=lambda plan, o: b"{letter}")
        ''')}, {f"csv{letter}": f"supple_t_csv{letter}"})
    assert invoke("export", "morning-mobility", "--to", "csva:csv").stdout == "a"
    assert invoke("export", "morning-mobility", "--to", "csvb:csv").stdout == "b"
    plain = invoke("export", "morning-mobility", "--to", "csv")
    assert plain.exit_code == 2
    assert "write one of csva:csv, csvb:csv" in plain.stderr and plain.stderr.count("csva:csv") == 1
    # the user's order in config.toml settles the plain name
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(tmp_path / "conf"))
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "config.toml").write_text('[names]\nprefer = ["csvb"]\n')
    from supple.io import config

    config.user_config.cache_clear()
    assert invoke("export", "morning-mobility", "--to", "csv").stdout == "b"


def test_a_misspelled_hook_is_reported_instead_of_ignored(site):
    set_plugin(site, "typo", "typo-move", YIELD_SET.replace("supple_exercise_sets", "supple_exercise_set"))
    assert_isolated("typo", "partial", [
        "implements unknown hook 'supple_exercise_set', which is never called; "
        "did you mean 'supple_exercise_sets'?"])


def test_a_hook_function_not_marked_as_an_implementation_is_reported(site):
    set_plugin(site, "unmarked", "unmarked-move", YIELD_SET.replace("@supple.hookimpl\n", ""))
    assert_isolated("unmarked", "partial", [
        "function 'supple_exercise_sets' is not marked with @supple.hookimpl"])


def test_a_hook_implementation_with_arguments_the_hook_lacks_is_rejected(site):
    fake_distribution(site, "supple-t-signature", {"supple_t_signature": module('''
        @supple.hookimpl
        def supple_exercise_sets(registry):
            yield from ()
    ''')}, {"signature": "supple_t_signature"})
    assert_isolated("signature", "failed", ["invalid hook implementation", "registry"])


def test_two_distributions_using_the_same_plugin_name_load_only_one(site):
    for letter in "ab":
        set_plugin(site, f"same{letter}", "same-move", plugin="same")
    registry = load_registry()
    reports = [p for p in registry.plugins if p.name == "same"]
    assert [(p.distribution, p.status) for p in reports] == [
        ("supple-t-samea", "active"), ("supple-t-sameb", "failed")]
    assert "already used by distribution 'supple-t-samea'" in reports[1].errors[0]
    assert "samea" in registry.exercise_sets and "sameb" not in registry.exercise_sets


def test_plugin_text_cannot_put_terminal_escapes_on_the_screen(site):
    fake_distribution(site, "supple-t-escape", {"supple_t_escape": module('''
        @supple.hookimpl
        def supple_exercise_sets():
            raise RuntimeError("\\x1b[2J\\x1b]0;pwned\\x07 cleared")
    ''')}, {"escape": "supple_t_escape"})
    result = invoke("plugins")
    assert result.exit_code == 0
    assert "cleared" in result.stdout and "\x1b" not in result.output and "\x07" not in result.output


def test_every_failure_at_once_in_a_real_process_leaves_supple_running(tmp_path):
    """End to end, without the test process's state: `python -m supple` with all the broken
    plugins installed at once."""
    site = tmp_path / "site"
    site.mkdir()
    broken = {
        "missing": "import not_installed_anywhere_zq\n",
        "syntax": "def broken(:\n",
        "raises": HEADER + "@supple.hookimpl\ndef supple_exporters():\n    raise ValueError('boom')\n",
        "typo": HEADER + "@supple.hookimpl\ndef supple_exporter():\n    return []\n",
    }
    for name, text in broken.items():
        fake_distribution(site, f"supple-t-{name}", {f"supple_t_{name}": text}, {name: f"supple_t_{name}"})
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUPPLE_")}
    env.update(PYTHONPATH=str(site), SUPPLE_CONFIG_DIR=str(tmp_path), PYTHONDONTWRITEBYTECODE="1")

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "supple", *args], capture_output=True, text=True,
                              env={**env, **extra}, timeout=60)

    listed = run("plugins", "--json")
    assert listed.returncode == 0, listed.stderr
    status = {e["name"]: e["status"] for e in json.loads(listed.stdout)}
    assert status == {"missing": "failed", "syntax": "failed", "raises": "partial", "typo": "partial"}
    planned = run("plan", "morning-mobility", "--json")
    assert planned.returncode == 0 and json.loads(planned.stdout)["sessions"]
    for name in ("missing", "syntax", "typo"):  # failed at import or registration: always said
        assert f"plugin {name!r}" in planned.stderr
    exported = run("export", "morning-mobility", "--to", "json")  # calls the exporters hook
    assert exported.returncode == 0 and json.loads(exported.stdout)["sessions"]
    assert "plugin 'raises'" in exported.stderr
    strict = run("plan", "morning-mobility", **{ENV_STRICT: "1"})
    assert strict.returncode == 2
    assert strict.stderr.startswith("supple: error: plugin 'missing': failed to import")
    assert "also failing: 'raises', 'syntax', 'typo'" in strict.stderr
    assert "Traceback" not in strict.stderr + listed.stderr + planned.stderr
