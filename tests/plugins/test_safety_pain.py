"""The pain gate: the traffic light of today's pain. Green plans as written, amber plans a
gentle, weight-free session that does not progress, red postpones today's plan (exit 3)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import supple
import supple_progression
import supple_safety
import supple_timing
from supple.cli import cli
from supple.plugin.manager import registry_from_plugins
from supple.testing import plan_routine

SRC = (supple.Source("test-handout"),)


class Content:
    @supple.hookimpl
    def supple_exercise_sets(self):
        yield supple.ExerciseSet(name="pg", title="Pain gate", exercises=[
            supple.Exercise(id="lift", name="Lift", summary="s", kind="strength", position="standing",
                            dose=supple.Dose(reps=8, load_kg=2), tags=("external-load",), sources=SRC),
            supple.Exercise(id="tilt", name="Tilt", summary="s", kind="mobility", position="seated",
                            dose=supple.Dose(reps=8), sources=SRC),
        ])

    @supple.hookimpl
    def supple_progression_strategies(self):
        def heavier(base, week, options, context):
            return supple.evolve(base, load_kg=base.load_kg + week - 1, reps=base.reps + week - 1)

        yield supple.ProgressionStrategy(name="heavier", summary="+1 kg, +1 rep a week", dose_for=heavier)


ROUTINE = """
[routine]
title = "Pain gate"
[schedule]
start = 2026-12-07
weeks = 4
days = ["mon", "thu"]
times = ["08:00"]
timezone = "UTC"
[progression]
strategy = "heavier"
[[steps]]
exercise = "lift"
[[steps]]
exercise = "tilt"
"""


@pytest.fixture(scope="module")
def registry():
    return registry_from_plugins({"content": Content(), "safety": supple_safety, "timing": supple_timing,
                                  "progression": supple_progression})


def plan(registry, pain, waive=()):
    return plan_routine(ROUTINE, registry, supple.Profile(pain=pain, path="p.toml"), waive=waive)


@pytest.mark.parametrize("pain", [None, 0, 3])
def test_green_pain_plans_as_written(registry, pain):
    result = plan(registry, pain)
    assert result.timing == "steady"
    assert not [f for f in result.safety if f.rule == "pain-gate"]
    assert result.sessions[-1].steps[0].dose.load_kg == 2 + 3  # it progresses


@pytest.mark.parametrize("pain", [4, 5])
def test_amber_pain_is_gentle_without_weights_in_any_week(registry, pain):
    result = plan(registry, pain)
    assert result.timing == "gentle"
    for session in result.sessions:
        for step in session.steps:
            assert step.dose.load_kg == 0, (session.week, step.exercise.id)
    first, last = result.sessions[0].steps, result.sessions[-1].steps
    assert [s.dose for s in first] == [s.dose for s in last]  # no progression while in pain
    actions = {(f.rule, f.action, f.exercise) for f in result.safety}
    assert ("pain-gate", "capped", "lift") in actions  # the 2 kg weight, explained
    summary = next(f for f in result.safety if f.rule == "pain-gate" and f.exercise is None)
    assert f"{pain}/10" in summary.reason and "Silbernagel" in summary.source


def test_amber_floor_cannot_be_waived(registry):
    result = plan(registry, 5, waive=["pain-gate"])
    assert result.timing == "gentle"
    assert all(s.dose.load_kg == 0 for s in result.sessions[-1].steps)
    assert any(f.rule == "pain-gate" and f.action == "warned" and "cannot be waived" in f.reason
               for f in result.safety)


@pytest.mark.parametrize("pain", [6, 8, 10])
def test_red_pain_postpones_todays_plan(registry, pain):
    with pytest.raises(supple.SafetyRefusal) as info:
        plan(registry, pain)
    assert f"{pain}/10" in info.value.advice
    assert "stay gently active" in info.value.advice and "5/10 or lower" in info.value.advice
    assert [f.rule for f in info.value.findings if f.action == "refused"] == ["pain-gate"]


def test_waiving_the_gate_on_a_red_day_gives_the_gentle_session_never_the_full_plan(registry):
    result = plan(registry, 7, waive=["pain-gate"])
    assert result.timing == "gentle" and result.waived == ("pain-gate",)
    assert all(s.dose.load_kg == 0 for session in result.sessions for s in session.steps)
    assert any(f.rule == "pain-gate" and f.action == "waived" for f in result.safety)


def test_red_pain_through_the_command_line_exits_3_with_the_advice(tmp_path, monkeypatch):
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(tmp_path / "config"))
    profile = tmp_path / "p.toml"
    profile.write_text("[profile]\npain = 6\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["plan", "morning-mobility", "--profile", str(profile)])
    assert result.exit_code == 3
    assert "Your pain today is 6/10" in result.stderr and "[pain-gate]" in result.stderr
    profile.write_text("[profile]\npain = 4\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["plan", "morning-mobility", "--profile", str(profile)])
    assert result.exit_code == 0 and "Timing: gentle" in result.stdout
