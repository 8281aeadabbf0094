"""Issue 23 item 13: plugins that try to escape containment. A plugin is reported and isolated,
never fatal and never silent: SystemExit from a filter or an exporter is that plugin's error
(never exit 0 with no output), KeyboardInterrupt at import fails the plugin, an exception whose
message itself raises is still described, NaN and infinite doses are refused, and what a plugin
prints goes to standard error, never into a plan's JSON or a calendar on standard output."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import supple
import supple.cli._common
from supple.cli import cli
from supple.plugin.manager import _build
from supple.plugin.registry import PluginInfo
from supple.testing import make_registry

ROUTINE = "morning-mobility"


class Unprintable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no message for you")


class Rogue:
    """A filter, a progression and an exporter that misbehave on demand."""

    def __init__(self, how: str) -> None:
        self.how = how

    @supple.hookimpl
    def supple_safety_filters(self):
        def apply(steps, context):
            print("filter chatter")
            if self.how == "exit-filter":
                raise SystemExit(0)
            if self.how == "unprintable":
                raise Unprintable()
            return supple.SafetyResult(steps=steps)

        yield supple.SafetyFilter(name="rogue-filter", summary="s", apply=apply)

    @supple.hookimpl
    def supple_exporters(self):
        def render(plan, options):
            print("exporter chatter")
            if self.how == "exit-exporter":
                raise SystemExit(0)
            return b"rogue output\n"

        yield supple.Exporter(name="rogue", summary="s", render=render)


def run(monkeypatch, how: str, *args: str):
    import supple.cli.export
    import supple.cli.plan

    registry = make_registry(Rogue(how), builtins=True)
    for module in (supple.cli._common, supple.cli.export, supple.cli.plan):
        if hasattr(module, "registry"):
            monkeypatch.setattr(module, "registry", lambda ctx: registry)
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("args", [("plan", ROUTINE), ("export", ROUTINE, "--to", "ics")])
def test_system_exit_from_a_safety_filter_is_that_plugins_error_not_a_silent_exit(monkeypatch, args):
    result = run(monkeypatch, "exit-filter", *args)
    assert result.exit_code == 2, result.output
    assert "rogue-filter" in result.stderr and "SystemExit" in result.stderr
    assert result.stdout == ""


def test_system_exit_from_an_exporter_writes_nothing(monkeypatch, tmp_path):
    out = tmp_path / "x.txt"
    result = run(monkeypatch, "exit-exporter", "export", ROUTINE, "--to", "rogue", "-o", str(out))
    assert result.exit_code == 2 and "SystemExit" in result.stderr
    assert not out.exists()


def test_an_exception_whose_message_raises_is_still_described(monkeypatch):
    result = run(monkeypatch, "unprintable", "plan", ROUTINE)
    assert result.exit_code == 2, result.output
    assert "Unprintable: (its message could not be read)" in result.stderr


def test_what_plugins_print_never_reaches_standard_output(monkeypatch):
    result = run(monkeypatch, "quiet", "plan", ROUTINE, "--json")
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)  # nothing but the plan
    assert "filter chatter" in result.stderr
    result = run(monkeypatch, "quiet", "export", ROUTINE, "--to", "ics")
    assert result.exit_code == 0 and result.stdout.startswith("BEGIN:VCALENDAR")
    assert "chatter" not in result.stdout


def test_keyboard_interrupt_at_import_fails_only_that_plugin():
    def load():
        raise KeyboardInterrupt

    info = PluginInfo(name="interrupting", module="interrupting")
    registry = _build([(info, load)], strict=False)
    assert registry.plugin("interrupting").status == "failed"
    assert "KeyboardInterrupt" in registry.plugin("interrupting").errors[0]


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -1.0])
def test_nan_and_infinite_doses_are_refused(value):
    with pytest.raises(ValueError, match="finite number"):
        supple.Dose(load_kg=value)
    with pytest.raises(ValueError, match="finite number"):
        supple.Dose(reps=10, rest_s=value)  # type: ignore[arg-type]


def test_a_progression_returning_a_nan_weight_is_that_plugins_error():
    class NanWeight:
        @supple.hookimpl
        def supple_progression_strategies(self):
            def dose_for(base, week, options, context):
                return supple.evolve(base, load_kg=float("nan"))

            yield supple.ProgressionStrategy(name="nan-weight", summary="s", dose_for=dose_for)

    registry = make_registry(NanWeight(), builtins=True)
    text = ('[routine]\ntitle = "N"\n[progression]\nstrategy = "nan-weight"\n'
            '[[steps]]\nexercise = "glute-bridge"\n')
    with pytest.raises(supple.PluginError, match="nan-weight"):
        supple.build_plan(supple.testing.load_test_routine(text), registry,
                          supple.Profile(conditions=("osteoporosis",), path="p.toml"))
