"""Tests for supple-deskbreak, written with the fixtures supple ships for plugin authors
(supple_registry, supple_check, supple_plan, supple_export: docs/plugins/testing.md)."""

import supple_deskbreak

ROUTINE = """
[routine]
title = "Two-minute desk break"

[timing]
strategy = "microbreak"

[[steps]]
exercise = "seated-side-bend"

[[steps]]
exercise = "standing-pelvic-rock"
reps = 6
"""


def test_the_plugin_loads_without_errors(supple_registry):
    registry = supple_registry(supple_deskbreak)  # strict: any problem raises here
    assert list(registry.exercise_sets) == ["deskbreak"]
    assert list(registry.timing_strategies) == ["microbreak"]
    assert list(registry.safety_filters) == ["deskbreak-seated-only"]
    assert list(registry.settings) == ["deskbreak"]
    assert list(registry.routines) == ["desk-micro-break"]


def test_a_routine_using_the_exercises_checks_clean(supple_registry, supple_check):
    registry = supple_registry(supple_deskbreak, builtins=True)
    assert supple_check(ROUTINE, registry) == []


def test_microbreak_times_every_repetition_and_hold(supple_registry, supple_plan):
    registry = supple_registry(supple_deskbreak, builtins=True)
    plan = supple_plan(ROUTINE, registry)
    (session,) = plan.sessions
    # side bend: a 10 s hold on each side and a 3 s switch; pelvic rock: 6 reps of 3 s
    assert session.duration_s == 10 + 3 + 10 + 6 * 3
    assert [s.kind for s in session.timeline.segments[:3]] == ["hold", "switch", "hold"]


def test_microbreak_options_are_checked(supple_registry, supple_check):
    registry = supple_registry(supple_deskbreak, builtins=True)
    bad = ROUTINE.replace('strategy = "microbreak"', 'strategy = "microbreak"\ntempo = "fast"')
    problems = supple_check(bad, registry)
    assert [p.key for p in problems] == ["timing.tempo"]


def test_seated_only_leaves_out_standing_exercises_and_says_why(supple_registry, supple_plan):
    registry = supple_registry(supple_deskbreak, builtins=True)
    plan = supple_plan(ROUTINE + "\n[plugins.deskbreak]\nseated_only = true\n", registry)
    assert [step.exercise.id for step in plan.sessions[0].steps] == ["seated-side-bend"]
    (finding,) = [f for f in plan.safety if f.rule == "deskbreak-seated-only"]
    assert (finding.action, finding.exercise, finding.step) == ("removed", "standing-pelvic-rock", 2)


def test_a_wrong_setting_is_reported_with_its_key(supple_registry, supple_check):
    registry = supple_registry(supple_deskbreak, builtins=True)
    problems = supple_check(ROUTINE + '\n[plugins.deskbreak]\nseated_only = "yes"\n', registry)
    assert [p.key for p in problems] == ["plugins.deskbreak.seated_only"]
    assert "true or false" in problems[0].message


def test_the_bundled_routine_plans_and_exports(supple_registry, supple_plan, supple_export):
    registry = supple_registry(supple_deskbreak, builtins=True)
    path = registry.routines["desk-micro-break"].path
    plan = supple_plan(path, registry)
    assert len(plan.sessions) == 4 * 5 * 2  # four weeks of weekdays, twice a day
    assert supple_export(path, registry, "json").startswith(b"{")
