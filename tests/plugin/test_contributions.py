"""Contributions' ``options``: an attrs class, or a "package.module:Class" reference imported on
first use (so a plugin's option classes cost nothing until a routine uses them)."""

from __future__ import annotations

import sys
import textwrap
import types

import attrs
import pytest
from click.testing import CliRunner

import supple
import supple.cli
import supple.cli._common
from supple.plugin.contributions import load_options
from supple.testing import make_registry


def _build(steps, options):
    raise AssertionError("not laid out in these tests")


@pytest.fixture
def options_module(monkeypatch):
    """A module ``lazy_opts_plugin.options`` that is not imported until something asks."""
    package = types.ModuleType("lazy_opts_plugin")
    package.__path__ = []
    module = types.ModuleType("lazy_opts_plugin.options")
    exec(textwrap.dedent("""
        import attrs

        @attrs.frozen
        class PaceOptions:
            minutes: int = 5

        NOT_A_CLASS = 42
    """), module.__dict__)
    monkeypatch.setitem(sys.modules, "lazy_opts_plugin", package)
    monkeypatch.setitem(sys.modules, "lazy_opts_plugin.options", module)
    return module


def test_a_reference_is_imported_on_first_use_and_is_the_class_itself(options_module):
    strategy = supple.TimingStrategy(name="paced", summary="s", build=_build,
                                     options="lazy_opts_plugin.options:PaceOptions")
    assert strategy.options is options_module.PaceOptions
    assert attrs.evolve(strategy, summary="t").options is options_module.PaceOptions


def test_a_class_and_none_are_kept_as_they_are(options_module):
    cls = options_module.PaceOptions
    assert supple.Exporter(name="x", summary="s", render=_build, options=cls).options is cls
    assert supple.ProgressionStrategy(name="x", summary="s", dose_for=_build).options is None
    assert load_options(None) is None and load_options(cls) is cls


@pytest.mark.parametrize("bad", ["no colon", "pkg.module:", ":Class", "pkg module:Class", 42, int])
def test_anything_else_is_refused_when_the_contribution_is_built(bad):
    with pytest.raises(TypeError, match="options must be an attrs class"):
        supple.TimingStrategy(name="x", summary="s", build=_build, options=bad)


@pytest.mark.parametrize("reference, problem", [
    ("lazy_opts_plugin.missing:PaceOptions", "ModuleNotFoundError"),
    ("lazy_opts_plugin.options:Nope", "AttributeError"),
    ("lazy_opts_plugin.options:NOT_A_CLASS", "not an attrs class"),
])
def test_a_reference_that_leads_nowhere_names_the_plugin_package(options_module, reference, problem):
    strategy = supple.TimingStrategy(name="x", summary="s", build=_build, options=reference)
    with pytest.raises(supple.PluginError, match=problem) as caught:
        strategy.options
    assert caught.value.plugin == "lazy_opts_plugin" and reference in str(caught.value)


def test_a_broken_reference_in_a_used_strategy_is_a_clear_error_from_check(options_module, tmp_path, monkeypatch):
    plugin = types.ModuleType("lazy_opts_plugin_hooks")
    plugin.supple_timing_strategies = supple.hookimpl(lambda: [supple.TimingStrategy(
        name="paced", summary="s", build=_build, options="lazy_opts_plugin.options:Nope")])
    registry = make_registry(plugin, builtins=True)
    # imported before _common is patched: a first import under the patch would bind the fake
    # registry into the command for good, and later tests would see it
    import supple.cli.check as check_command

    monkeypatch.setattr(supple.cli._common, "registry", lambda ctx: registry)
    monkeypatch.setattr(check_command, "registry", lambda ctx: registry)
    routine = tmp_path / "r.toml"
    routine.write_text('[routine]\ntitle = "T"\n[timing]\nstrategy = "paced"\n[[steps]]\nexercise = "cat-cow"\n')
    result = CliRunner().invoke(supple.cli.cli, ["check", str(routine)])
    assert result.exit_code == 2, result.output
    assert "plugin 'lazy_opts_plugin'" in result.output and "Nope" in result.output
    assert "Traceback" not in result.output


def test_the_first_party_strategies_and_exporters_defer_their_option_classes():
    registry = make_registry(builtins=True)
    deferred = [
        item for group in (registry.timing_strategies, registry.progression_strategies, registry.exporters)
        for item in group.values() if isinstance(item._options, str)
    ]
    names = sorted(item.name for item in deferred)
    assert names == ["gentle", "html", "ics", "linear", "load", "md", "pdf", "phased", "responsive", "steady",
                     "time-boxed"]
    assert all(attrs.has(item.options) for item in deferred)
