"""What the registry collects from well-behaved plugins: every kind of contribution,
attributed to its plugin, sorted by name, independent of the order plugins are registered
in; and discovery of installed plugins through entry points."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import attrs
import pytest

import supple
from supple.errors import InputError
from supple.plugin import manager as registry_module
from supple.plugin.manager import load_registry, registry_from_plugins


def exercise(ident: str) -> supple.Exercise:
    return supple.Exercise(id=ident, name=ident, summary="s", kind="mobility", position="seated",
                           dose=supple.Dose(reps=1), sources=[supple.Source("src")])


@attrs.frozen
class Opts:
    size: int = 1


def everything(prefix: str) -> types.SimpleNamespace:
    """A plugin implementing every hook, its names starting with ``prefix``."""

    @supple.hookimpl
    def supple_exercise_sets():
        yield supple.ExerciseSet(name=f"{prefix}-set", title="Set", exercises=[exercise(f"{prefix}-move")])

    @supple.hookimpl
    def supple_timing_strategies():
        yield supple.TimingStrategy(name=f"{prefix}-timing", summary="t",
                                    build=lambda steps, o: supple.Timeline((), tuple(steps)))

    @supple.hookimpl
    def supple_progression_strategies():
        yield supple.ProgressionStrategy(name=f"{prefix}-progression", summary="p",
                                         dose_for=lambda base, week, o, c: base)

    @supple.hookimpl
    def supple_safety_filters():
        yield supple.SafetyFilter(name=f"{prefix}-filter", summary="f",
                                  apply=lambda steps, c: supple.SafetyResult(steps=steps))

    @supple.hookimpl
    def supple_exporters():
        return [supple.Exporter(name=f"{prefix}-export", summary="e", render=lambda plan, o: b"")]

    @supple.hookimpl
    def supple_routines():
        yield supple.BundledRoutine(name=f"{prefix}-routine", path="/nowhere.toml")

    @supple.hookimpl
    def supple_settings():
        yield supple.PluginSettings(name=f"{prefix}-settings", options=Opts)

    return types.SimpleNamespace(__name__=prefix, **{f.__name__: f for f in (
        supple_exercise_sets, supple_timing_strategies, supple_progression_strategies,
        supple_safety_filters, supple_exporters, supple_routines, supple_settings)})


def snapshot(reg) -> dict:
    kinds = ("exercise set", "timing strategy", "progression strategy", "safety filter",
             "exporter", "routine", "settings")
    return {
        "names": {k: reg.names(k) for k in kinds},
        "providers": {k: [reg.provider(k, n) for n in reg.names(k)] for k in kinds},
        "catalogue": [e.ref for e in reg.catalogue],
        "plugins": [(p.name, p.status, p.contributes) for p in reg.plugins],
        "filters": list(reg.safety_filters),
    }


def test_every_kind_is_collected_and_attributed():
    reg = registry_from_plugins([everything("zed")])
    assert reg.plugin("zed").contributes == {
        "exercise set": ["zed-set"], "timing strategy": ["zed-timing"],
        "progression strategy": ["zed-progression"], "safety filter": ["zed-filter"],
        "exporter": ["zed-export"], "routine": ["zed-routine"], "settings": ["zed-settings"],
    }
    assert reg.provider("exporter", "zed-export") == "zed"
    assert reg.catalogue.get("zed-move").plugin == "zed"
    assert reg.failures == []


def test_registration_order_never_changes_the_result():
    plugins = [everything(p) for p in ("bravo", "alpha", "charlie")]
    forward = snapshot(registry_from_plugins(plugins))
    backward = snapshot(registry_from_plugins(list(reversed(plugins))))
    assert forward == backward
    assert forward["names"]["exporter"] == ["alpha-export", "bravo-export", "charlie-export"]


def test_a_hook_returning_none_contributes_nothing_without_error():
    @supple.hookimpl
    def supple_exporters():
        return None

    reg = registry_from_plugins({"quiet": types.SimpleNamespace(supple_exporters=supple_exporters)})
    assert reg.failures == [] and reg.exporters == {}


def test_a_hook_wrapper_on_a_contribution_hook_is_refused():
    @supple.hookimpl(wrapper=True)
    def supple_exporters():
        return (yield)

    reg = registry_from_plugins({"wrapping": types.SimpleNamespace(supple_exporters=supple_exporters)})
    assert "marked as a hook wrapper" in reg.plugin("wrapping").errors[0]


def test_a_runaway_generator_is_stopped(monkeypatch):
    monkeypatch.setattr(registry_module, "MAX_ITEMS_PER_HOOK", 5)

    @supple.hookimpl
    def supple_routines():
        n = 0
        while True:
            n += 1
            yield supple.BundledRoutine(name=f"r{n}", path="x")

    reg = registry_from_plugins({"endless": types.SimpleNamespace(supple_routines=supple_routines)})
    assert reg.plugin("endless").errors == ["supple_routines() returned more than 5 items; none are used"]
    assert reg.routines == {}


def test_the_same_module_under_two_names_is_loaded_once():
    plugin = everything("twice")
    reg = registry_from_plugins({"first": plugin, "second": plugin})
    assert reg.plugin("first").status == "active"
    assert reg.plugin("second").status == "failed"
    assert "already loaded as plugin 'first'" in reg.plugin("second").errors[0]


def test_an_unknown_name_gets_a_suggestion_or_the_known_ones():
    reg = registry_from_plugins([everything("zed")])
    with pytest.raises(InputError) as caught:
        reg.get("exporter", "zed-exprt", file="r.toml", key="export")
    assert str(caught.value) == "r.toml: export: unknown exporter 'zed-exprt'; did you mean 'zed-export'?"
    with pytest.raises(InputError) as caught:
        reg.get("timing strategy", "brisk")
    assert "unknown timing strategy 'brisk' (known: zed-timing)" in str(caught.value)


def test_an_unknown_name_explains_a_failure_that_mentions_it():
    @supple.hookimpl
    def supple_exporters():
        yield supple.Exporter(name="pdf", summary="a", render=lambda plan, o: b"")

    one = types.SimpleNamespace(__name__="one", supple_exporters=supple_exporters)
    two = types.SimpleNamespace(__name__="two", supple_exporters=supple_exporters)
    reg = registry_from_plugins([one, two])
    with pytest.raises(InputError) as caught:
        reg.get("exporter", "pdf")
    assert ("exporter 'pdf' is provided by several plugins; write one of one:pdf, two:pdf"
            in str(caught.value))
    assert str(caught.value).count("one:pdf") == 1  # said once


# --- discovery -------------------------------------------------------------------------------


def install(site: Path, dist: str, plugin: str, module: str, version: str = "2.5") -> None:
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\nSummary: x\n\nName: not-this\n")
    (info / "entry_points.txt").write_text(f"[console_scripts]\nx = y:z\n\n[supple]\n{plugin} = {module}\n")
    (site / f"{module}.py").write_text(
        "import supple\n\n@supple.hookimpl\ndef supple_routines():\n"
        f"    yield supple.BundledRoutine(name='{plugin}-routine', path='x.toml')\n")


@pytest.fixture
def two_sites(tmp_path, monkeypatch):
    sites = [tmp_path / "a", tmp_path / "b"]
    for site in sites:
        site.mkdir()
        monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv("SUPPLE_PLUGINS", raising=False)
    monkeypatch.delenv("SUPPLE_DISABLE_PLUGINS", raising=False)
    yield sites
    sys.modules.pop("supple_t_found", None)


def test_discovery_reads_name_and_version_and_marks_third_party(two_sites):
    install(two_sites[0], "supple-t-found", "found", "supple_t_found")
    reg = load_registry(environ={})
    info = reg.plugin("found")
    assert (info.distribution, info.version, info.builtin, info.module) == (
        "supple-t-found", "2.5", False, "supple_t_found")
    assert info.contributes == {"routine": ["found-routine"]}
    assert reg.plugin("backcare").builtin and reg.plugin("backcare").distribution == "supple"


def test_the_same_distribution_on_sys_path_twice_counts_once(two_sites):
    for site in two_sites:
        install(site, "supple-t-found", "found", "supple_t_found")
    reg = load_registry(environ={})
    assert [p.status for p in reg.plugins if p.name == "found"] == ["active"]
