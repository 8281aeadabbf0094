"""The planning pipeline's own guarantees, with small in-test plugins."""

from __future__ import annotations

import types

import attrs
import pytest

import supple
from supple.testing import make_registry

ROUTINE = """
[routine]
title = "Test"
[schedule]
start = 2026-12-07
weeks = 2
days = ["mon", "thu"]
times = ["07:30", "19:00"]
timezone = "Europe/Madrid"
[[steps]]
exercise = "one"
[[steps]]
exercise = "two"
reps = 4
"""


def _exercise(id):
    return supple.Exercise(id=id, name=id.title(), summary="s", kind="mobility", position="seated",
                           dose=supple.Dose(reps=3), sources=[supple.Source("test")])


def plugin(name, **hooks):
    module = types.ModuleType(name)
    for hook, fn in hooks.items():
        setattr(module, hook, supple.hookimpl(fn))
    return module


content = plugin(
    "content",
    supple_exercise_sets=lambda: [supple.ExerciseSet(name="t", title="T", exercises=[_exercise("one"), _exercise("two")])],
)


def registry(*extra):
    import supple_progression
    import supple_timing

    return make_registry(content, supple_timing, supple_progression, *extra)


def test_sessions_follow_the_schedule_with_weeks_and_aware_times(supple_plan):
    plan = supple_plan(ROUTINE, registry())
    starts = [s.start.isoformat() for s in plan.sessions]
    assert starts[:3] == ["2026-12-07T07:30:00+01:00", "2026-12-07T19:00:00+01:00", "2026-12-10T07:30:00+01:00"]
    assert [s.week for s in plan.sessions] == [1, 1, 1, 1, 2, 2, 2, 2]
    assert plan.sessions[0].steps[1].dose.reps == 4  # the step overrides the default dose
    assert plan.sessions[0].steps[0].dose.reps == 3


def test_routine_without_schedule_has_one_session_without_start(supple_plan):
    text = ROUTINE.split("[schedule]")[0] + '[[steps]]\nexercise = "one"\n'
    plan = supple_plan(text, registry())
    assert len(plan.sessions) == 1 and plan.sessions[0].start is None


def test_a_filter_that_drops_a_step_silently_is_a_plugin_error(supple_plan):
    def drop(steps, context):
        return supple.SafetyResult(steps=steps[1:])

    sneaky = plugin("sneaky", supple_safety_filters=lambda: [supple.SafetyFilter(name="sneaky", summary="s", apply=drop)])
    with pytest.raises(supple.PluginError, match="plugin 'sneaky'.*never silently loses a step"):
        supple_plan(ROUTINE, registry(sneaky))


def test_a_removal_with_a_finding_is_kept_and_reported(supple_plan):
    def drop(steps, context):
        finding = supple.SafetyFinding(rule="r", action="removed", reason="because", source="src",
                                       exercise=steps[0].exercise.id, step=steps[0].number)
        return supple.SafetyResult(steps=steps[1:], findings=[finding])

    honest = plugin("honest", supple_safety_filters=lambda: [supple.SafetyFilter(name="honest", summary="s", apply=drop)])
    plan = supple_plan(ROUTINE, registry(honest))
    assert [s.exercise.id for s in plan.sessions[0].steps] == ["two"]
    assert plan.safety[0].action == "removed" and plan.safety[0].source == "src"


def test_a_refusal_stops_planning_with_the_advice(supple_plan):
    def refuse(steps, context):
        return supple.SafetyResult(steps=steps, findings=[supple.SafetyFinding(
            rule="stop", action="refused", reason="r", source="s", advice="See a doctor first.")])

    stopper = plugin("stopper", supple_safety_filters=lambda: [supple.SafetyFilter(name="stopper", summary="s", apply=refuse)])
    with pytest.raises(supple.SafetyRefusal, match="See a doctor first."):
        supple_plan(ROUTINE, registry(stopper))


@pytest.mark.parametrize("where", ["timing", "progression", "safety"])
def test_a_plugin_raising_while_planning_is_named(supple_plan, where):
    def boom(*args):
        raise RuntimeError("kaput")

    hooks = {
        "timing": dict(supple_timing_strategies=lambda: [supple.TimingStrategy(name="boom", summary="s", build=boom)]),
        "progression": dict(supple_progression_strategies=lambda: [supple.ProgressionStrategy(name="boom", summary="s", dose_for=boom)]),
        "safety": dict(supple_safety_filters=lambda: [supple.SafetyFilter(name="boom", summary="s", apply=boom)]),
    }[where]
    bad = plugin("badplugin", **hooks)
    text = ROUTINE + (f'[{where}]\nstrategy = "boom"\n' if where != "safety" else "")
    with pytest.raises(supple.PluginError, match="plugin 'badplugin'.*kaput"):
        supple_plan(text, registry(bad))


def test_a_timing_strategy_returning_the_wrong_type_is_named(supple_plan):
    bad = plugin("wrong", supple_timing_strategies=lambda: [supple.TimingStrategy(name="wrong", summary="s", build=lambda s, o: 42)])
    with pytest.raises(supple.PluginError, match="plugin 'wrong'.*returned int, not a Timeline"):
        supple_plan(ROUTINE + '[timing]\nstrategy = "wrong"\n', registry(bad))


def test_step_timing_options_override_the_routine_options(supple_plan):
    text = ROUTINE.replace('reps = 4', 'reps = 4\n[steps.timing]\ntempo = 9')
    plan = supple_plan(text, registry())
    step = plan.sessions[0].steps[1]
    assert step.timing_options.tempo == 9
    assert plan.sessions[0].steps[0].timing_options is None


def test_same_week_sessions_share_one_timeline(supple_plan):
    plan = supple_plan(ROUTINE, registry())
    assert plan.sessions[0].timeline is plan.sessions[3].timeline
    assert attrs.has(type(plan.sessions[0].timeline))
