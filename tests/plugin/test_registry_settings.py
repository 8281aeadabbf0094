"""Plugin settings: a plugin declares an attrs class with the ``supple_settings`` hook; a
routine's ``[plugins.NAME]`` table is checked against it (located errors) while resolving,
and the object reaches the plugin's safety filters, progression strategies and exporters."""

from __future__ import annotations

import types

import attrs
import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple.testing import check_routine, export_routine, make_registry, plan_routine


@attrs.frozen
class ClinicSettings:
    max_reps: int = attrs.field(default=10, validator=[attrs.validators.ge(1), attrs.validators.le(50)])
    label: str = "clinic"


def clinic_plugin() -> types.SimpleNamespace:
    """A plugin whose safety filter, progression strategy and exporter all read the settings."""
    seen: dict[str, object] = {}

    def cap(steps, context):
        settings = context.settings["clinic"]
        seen["filter"] = settings
        findings, kept = [], []
        for step in steps:
            if step.dose.reps > settings.max_reps:
                step = supple.evolve(step, dose=supple.evolve(step.dose, reps=settings.max_reps))
                findings.append(supple.SafetyFinding(
                    rule="clinic-cap", action="capped", reason=f"at most {settings.max_reps} reps",
                    source=settings.label, exercise=step.exercise.id, step=step.number))
            kept.append(step)
        return supple.SafetyResult(steps=kept, findings=findings)

    def same(base, week, options, context):
        seen["progression"] = context.settings["clinic"]
        return base

    def render(plan, options):
        return f"{plan.settings['clinic'].label}\n{supple.DISCLAIMER}\n".encode()

    @supple.hookimpl
    def supple_settings():
        yield supple.PluginSettings(name="clinic", options=ClinicSettings, summary="Caps.")

    @supple.hookimpl
    def supple_safety_filters():
        yield supple.SafetyFilter(name="clinic-cap", summary="Caps reps.", apply=cap)

    @supple.hookimpl
    def supple_progression_strategies():
        yield supple.ProgressionStrategy(name="clinic-same", summary="Same.", dose_for=same)

    @supple.hookimpl
    def supple_exporters():
        yield supple.Exporter(name="clinic-label", summary="Label.", render=render)

    return types.SimpleNamespace(
        __name__="clinic", seen=seen, supple_settings=supple_settings,
        supple_safety_filters=supple_safety_filters,
        supple_progression_strategies=supple_progression_strategies, supple_exporters=supple_exporters,
    )


ROUTINE = """
[routine]
title = "Settings"

[progression]
strategy = "clinic-same"

[[steps]]
exercise = "cat-cow"
reps = 12
"""


@pytest.fixture
def plugin():
    return clinic_plugin()


@pytest.fixture
def registry(plugin):
    return make_registry(plugin, builtins=True, strict=True)


def test_settings_reach_the_filter_the_progression_and_the_exporter(plugin, registry):
    routine = ROUTINE + '\n[plugins.clinic]\nmax_reps = 8\nlabel = "Dr Who\'s clinic"\n'
    plan = plan_routine(routine, registry)
    assert plan.sessions[0].steps[0].dose.reps == 8
    assert plan.settings["clinic"] == ClinicSettings(max_reps=8, label="Dr Who's clinic")
    assert plugin.seen["filter"] is plan.settings["clinic"]
    assert plugin.seen["progression"] is plan.settings["clinic"]
    assert export_routine(routine, registry, "clinic-label").startswith(b"Dr Who's clinic\n")


def test_a_routine_without_the_table_gets_the_defaults(registry):
    plan = plan_routine(ROUTINE, registry)
    assert plan.settings["clinic"] == ClinicSettings()
    assert plan.sessions[0].steps[0].dose.reps == 10


def test_settings_are_read_only_for_plugins(registry):
    plan = plan_routine(ROUTINE, registry)
    with pytest.raises(TypeError):
        plan.settings["clinic"] = ClinicSettings(max_reps=1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        plan.settings["clinic"].max_reps = 1  # a frozen class: plugins cannot change it


@pytest.mark.parametrize(("table", "key", "says"), [
    ('max_reps = "8"', "plugins.clinic.max_reps", "expected a whole number, got text '8'"),
    ("max_rep = 8", "plugins.clinic.max_rep", "unknown key; did you mean 'max_reps'?"),
    ("max_reps = 80", "plugins.clinic.max_reps", "must be <= 50: 80"),
])
def test_a_bad_setting_is_located_and_explained(registry, table, key, says):
    (problem,) = check_routine(ROUTINE + f"\n[plugins.clinic]\n{table}\n", registry)
    assert (problem.file, problem.key) == ("<routine>", key)
    assert says in problem.message


def test_a_table_no_plugin_declares_is_an_error_with_a_suggestion(registry):
    problems = check_routine(ROUTINE + "\n[plugins.clinc]\nmax_reps = 8\n[plugins.json]\nx = 1\n", registry)
    assert [(p.key, p.message) for p in problems] == [
        ("plugins.clinc", "no plugin called 'clinc' takes settings; did you mean [plugins.clinic]?"),
        ("plugins.json", "plugin 'json' takes no settings"),
    ]


def test_the_table_of_a_disabled_plugin_is_left_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(tmp_path))
    routine = tmp_path / "r.toml"
    routine.write_text(ROUTINE.replace("clinic-same", "none") + "\n[plugins.json]\nanything = 1\n")
    result = CliRunner().invoke(cli, ["check", str(routine)])
    assert result.exit_code == 2 and "plugins.json: plugin 'json' takes no settings" in result.stderr
    result = CliRunner().invoke(cli, ["--disable-plugin", "json", "check", str(routine)])
    assert result.exit_code == 0, result.output


def test_supple_check_reports_a_bad_setting_with_file_and_key(tmp_path, monkeypatch):
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(tmp_path))
    routine = tmp_path / "r.toml"
    routine.write_text(ROUTINE.replace("clinic-same", "none") + "\n[plugins.no-such]\nsetting = 1\n")
    result = CliRunner().invoke(cli, ["check", str(routine)])
    assert result.exit_code == 2
    assert f"supple: error: {routine}: plugins.no-such: no plugin called 'no-such' takes settings" \
        in result.stderr
    assert "Traceback" not in result.output


def test_a_settings_class_without_defaults_is_a_plugin_error():
    @attrs.frozen
    class Needy:
        required: int

    @supple.hookimpl
    def supple_settings():
        yield supple.PluginSettings(name="needy", options=Needy)

    registry = make_registry(types.SimpleNamespace(__name__="needy", supple_settings=supple_settings))
    (info,) = registry.failures
    assert info.name == "needy" and info.status == "partial"
    assert "supple_settings() built an invalid PluginSettings: settings class Needy must give " \
           "every field a default" in info.errors[0]
    assert registry.settings == {}


def test_two_plugins_declaring_the_same_settings_name_both_stay_reachable_by_qualified_name(plugin):
    @supple.hookimpl
    def supple_settings():
        yield supple.PluginSettings(name="clinic", options=ClinicSettings)

    other = types.SimpleNamespace(__name__="other", supple_settings=supple_settings)
    registry = make_registry(plugin, other)
    assert sorted(registry.settings) == ["clinic:clinic", "other:clinic"]
    for name in ("clinic", "other"):
        info = registry.plugin(name)
        assert info.status == "active" and not info.errors
        assert f"write {name}:clinic for this plugin's one" in info.notes[0]


def test_supple_plugins_lists_the_settings_a_plugin_declares(plugin):
    registry = make_registry(plugin)
    assert registry.plugin("clinic").contributes["settings"] == ["clinic"]


def referencing_plugin(options: str) -> types.SimpleNamespace:
    """A plugin that names its settings class as a ``"module:Class"`` reference and whose
    safety filter reads the settings."""
    seen: dict[str, object] = {}

    def read(steps, context):
        seen["settings"] = context.settings["desk"]
        return supple.SafetyResult(steps=steps)

    @supple.hookimpl
    def supple_settings():
        yield supple.PluginSettings(name="desk", options=options)

    @supple.hookimpl
    def supple_safety_filters():
        yield supple.SafetyFilter(name="desk-read", summary="Reads the settings.", apply=read)

    return types.SimpleNamespace(__name__="desk", seen=seen, supple_settings=supple_settings,
                                 supple_safety_filters=supple_safety_filters)


DESK_MODULE = '''
import attrs

@attrs.frozen
class DeskSettings:
    chair_cm: int = attrs.field(default=45, validator=attrs.validators.ge(30))

@attrs.frozen
class Needy:
    required: int
'''


@pytest.fixture
def desk_module(tmp_path, monkeypatch):
    """A fresh module (its name unique to the test) holding settings classes, on sys.path."""
    import sys

    name = f"desk_settings_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text(DESK_MODULE)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield name
    sys.modules.pop(name, None)


PLAIN = ROUTINE.replace("clinic-same", "none")


def test_a_settings_reference_is_imported_only_when_the_settings_are_read(desk_module):
    import sys

    plugin = referencing_plugin(f"{desk_module}:DeskSettings")
    registry = make_registry(plugin, builtins=True, strict=True)
    assert check_routine(PLAIN, registry) == []
    assert desk_module not in sys.modules  # checking a routine without the table builds nothing
    plan = plan_routine(PLAIN, registry)
    assert repr(plugin.seen["settings"]) == "DeskSettings(chair_cm=45)"
    assert plan.settings["desk"] is plugin.seen["settings"]
    assert list(plan.settings) == ["desk", "safety"] and len(plan.settings) == 2


def test_a_table_is_checked_against_the_referenced_class(desk_module):
    registry = make_registry(referencing_plugin(f"{desk_module}:DeskSettings"), builtins=True, strict=True)
    (problem,) = check_routine(PLAIN + "\n[plugins.desk]\nchair_cm = 10\n", registry)
    assert problem.key == "plugins.desk.chair_cm" and "must be >= 30: 10" in problem.message
    plan = plan_routine(PLAIN + "\n[plugins.desk]\nchair_cm = 50\n", registry)
    assert plan.settings["desk"].chair_cm == 50


def test_a_settings_reference_that_leads_nowhere_is_the_plugins_fault(desk_module):
    registry = make_registry(referencing_plugin(f"{desk_module}:Missing"), builtins=True, strict=True)
    with pytest.raises(supple.PluginError, match=rf"plugin '{desk_module}': options class .*Missing"):
        check_routine(PLAIN + "\n[plugins.desk]\nchair_cm = 50\n", registry)
    with pytest.raises(supple.PluginError, match="could not be loaded"):
        plan_routine(PLAIN, registry)  # the filter reads the defaults


def test_a_referenced_settings_class_without_defaults_is_the_plugins_fault(desk_module):
    registry = make_registry(referencing_plugin(f"{desk_module}:Needy"), builtins=True, strict=True)
    with pytest.raises(supple.PluginError, match="settings class Needy must give every field a default"):
        plan_routine(PLAIN, registry)
    with pytest.raises(supple.PluginError, match="must give every field a default"):
        check_routine(PLAIN + "\n[plugins.desk]\nrequired = 1\n", registry)


def test_settings_options_must_be_a_class_or_a_reference():
    with pytest.raises(TypeError, match="options must be an attrs class"):
        supple.PluginSettings(name="desk", options="not a reference")
    with pytest.raises(TypeError, match="options must be an attrs class"):
        supple.PluginSettings(name="desk", options=None)
