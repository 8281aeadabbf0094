"""Choosing which plugins load, before any of them is imported: by name in the user's
config.toml, by SUPPLE_DISABLE_PLUGINS, by `supple --disable-plugin`, and by the
SUPPLE_PLUGINS allow-list of third-party plugins.

The plugin under test is a fake installed distribution whose module records that it was
imported (a marker file) and then raises: a disabled plugin must leave no marker and no error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from supple.cli import cli
from supple.plugin.manager import load_registry
from supple.plugin.selection import ENV_ALLOW, ENV_DISABLE, ENV_STRICT, Selection


def fake_distribution(root: Path, dist: str, module: str, text: str, plugin: str) -> None:
    info = root / f"{dist.replace('-', '_')}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n\n")
    (info / "entry_points.txt").write_text(f"[supple]\n{plugin} = {module}\n")
    (root / f"{module}.py").write_text(text)


@pytest.fixture
def world(tmp_path, monkeypatch):
    """Two fake plugins: ``bomb`` (marks its import, then raises) and ``quiet`` (fine)."""
    from supple.io import config

    site, conf = tmp_path / "site", tmp_path / "config"
    site.mkdir()
    conf.mkdir()
    marker = tmp_path / "bomb-was-imported"
    fake_distribution(site, "supple-t-bomb", "supple_t_bomb",
                      f"open({str(marker)!r}, 'w').close()\nraise RuntimeError('bomb imported')\n", "bomb")
    fake_distribution(site, "supple-t-quiet", "supple_t_quiet", "import supple\n", "quiet")
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(conf))
    for name in (ENV_ALLOW, ENV_DISABLE, ENV_STRICT):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.syspath_prepend(str(site))
    config.user_config.cache_clear()
    yield {"marker": marker, "config": conf}
    for name in ("supple_t_bomb", "supple_t_quiet"):
        sys.modules.pop(name, None)
    config.user_config.cache_clear()


def plugins_json(*options: str, env: dict[str, str] | None = None) -> dict[str, dict]:
    result = CliRunner().invoke(cli, [*options, "plugins", "--all", "--json"], env=env or {})
    assert result.exit_code == 0, result.output
    return {entry["name"]: entry for entry in json.loads(result.stdout)}


def assert_never_imported(entry: dict, world: dict, by: str) -> None:
    assert entry["status"] == "disabled"
    assert entry["disabled_by"] == by
    assert entry["error"] is None
    assert not world["marker"].exists(), "the disabled plugin was imported"


def test_without_a_selection_the_bomb_is_imported_and_reported(world):
    entries = plugins_json()
    assert entries["bomb"]["status"] == "failed"
    assert "RuntimeError: bomb imported" in entries["bomb"]["error"]
    assert world["marker"].exists()


def test_disabled_in_the_user_config_it_is_never_imported(world):
    (world["config"] / "config.toml").write_text('[plugins]\ndisable = ["bomb"]\n')
    entries = plugins_json()
    assert_never_imported(entries["bomb"], world, "config.toml [plugins] disable")
    assert entries["quiet"]["status"] == "active"


def test_disabled_by_the_environment_it_is_never_imported(world):
    entries = plugins_json(env={ENV_DISABLE: "bomb, something-else"})
    assert_never_imported(entries["bomb"], world, ENV_DISABLE)


def test_disabled_on_the_command_line_it_is_never_imported(world):
    entries = plugins_json("--disable-plugin", "bomb")
    assert_never_imported(entries["bomb"], world, "--disable-plugin")
    result = CliRunner().invoke(cli, ["--disable-plugin", "bomb", "plan", "morning-mobility"])
    assert result.exit_code == 0 and "warning" not in result.stderr
    assert not world["marker"].exists()


def test_the_allow_list_loads_only_the_third_party_plugins_it_names(world):
    entries = plugins_json(env={ENV_ALLOW: "quiet"})
    assert entries["quiet"]["status"] == "active"
    assert_never_imported(entries["bomb"], world, f"not in {ENV_ALLOW}")
    # the plugins that ship with supple are not third-party: they still load
    assert entries["backcare"]["status"] == "active" and entries["timing"]["status"] == "active"


def test_an_empty_allow_list_loads_no_third_party_plugin_and_supple_still_plans(world):
    entries = plugins_json(env={ENV_ALLOW: ""})
    assert_never_imported(entries["bomb"], world, f"not in {ENV_ALLOW}")
    assert entries["quiet"]["status"] == "disabled"
    result = CliRunner().invoke(cli, ["plan", "morning-mobility"], env={ENV_ALLOW: ""})
    assert result.exit_code == 0, result.output


def test_a_built_in_plugin_can_be_disabled_by_name_and_the_error_says_so(world):
    runner = CliRunner()
    result = runner.invoke(cli, ["--disable-plugin", "timing", "--disable-plugin", "bomb",
                                 "plan", "morning-mobility"])
    assert result.exit_code == 2
    assert "unknown timing strategy 'steady'" in result.stderr
    assert "plugins not loaded: bomb (--disable-plugin), timing (--disable-plugin)" in result.stderr
    assert "Traceback" not in result.output


def test_the_command_line_option_is_named_when_several_sources_disable_a_plugin(world):
    (world["config"] / "config.toml").write_text('[plugins]\ndisable = ["bomb"]\n')
    entries = plugins_json("--disable-plugin", "bomb", env={ENV_DISABLE: "bomb"})
    assert entries["bomb"]["disabled_by"] == "--disable-plugin"


def test_naming_a_plugin_that_is_not_installed_is_noted(world):
    result = CliRunner().invoke(cli, ["--disable-plugin", "bmob", "plugins"], env={ENV_ALLOW: "quite"})
    assert result.exit_code == 0
    assert "note: --disable-plugin names 'bmob', but no installed plugin has that name" in result.stdout
    assert f"note: {ENV_ALLOW} names 'quite', but no installed plugin has that name" in result.stdout


def test_a_disabled_plugin_is_listed_without_all(world):
    result = CliRunner().invoke(cli, ["--disable-plugin", "bomb", "--disable-plugin", "json", "plugins"])
    assert "bomb 1.0 (supple-t-bomb): disabled (--disable-plugin)" in result.stdout
    assert "json 0.1.0 (built in): disabled (--disable-plugin)" in result.stdout
    assert "backcare" not in result.stdout  # active built-in plugins need --all


def test_a_malformed_config_file_is_a_located_error(world):
    (world["config"] / "config.toml").write_text('[plugins]\ndisable = "bomb"\n')
    result = CliRunner().invoke(cli, ["plugins"])
    assert result.exit_code == 2
    assert "config.toml: plugins.disable: expected a list of plugin names" in result.stderr


def test_selection_reads_the_environment_it_is_given():
    selection = Selection.from_environment(
        disabled=["a"], config_disabled=["b"], environ={ENV_ALLOW: "c, d", ENV_DISABLE: "e", ENV_STRICT: "yes"}
    )
    assert selection.strict
    assert selection.why_not("a") == "--disable-plugin"
    assert selection.why_not("b") == "config.toml [plugins] disable"
    assert selection.why_not("e") == ENV_DISABLE
    assert selection.why_not("c") is None
    assert selection.why_not("z") == f"not in {ENV_ALLOW}"
    assert selection.why_not("z", builtin=True) is None
    assert not Selection.from_environment(environ={ENV_STRICT: "0"}).strict
    assert Selection.from_environment(environ={}).only is None


def test_load_registry_takes_the_selection_as_arguments(world):
    registry = load_registry(only=["quiet"], environ={})
    assert registry.plugin("quiet").status == "active"
    assert registry.plugin("bomb").disabled_by == "not in the selected plugins"
    assert not world["marker"].exists()


@pytest.mark.parametrize(("text", "key", "says"), [
    ('[plugins]\ndisabel = ["bomb"]\n', "plugins.disabel", "unknown key; [plugins] in config.toml has only: disable"),
])
def test_a_typo_or_settings_in_the_config_plugins_table_is_a_located_error(world, text, key, says):
    (world["config"] / "config.toml").write_text(text)
    result = CliRunner().invoke(cli, ["plugins"])
    assert result.exit_code == 2
    assert f"config.toml: {key}: {says}" in result.stderr
