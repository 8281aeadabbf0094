"""The ``gentle`` timing strategy: slower repetitions, longer rests, for a bad day."""

from __future__ import annotations

import json

from click.testing import CliRunner

import supple
import supple_timing
from supple.cli import cli
from supple.testing import make_registry, plan_routine
from supple_timing.gentle_options import GentleOptions
from supple_timing.options import SteadyOptions

SOURCE = (supple.Source("test"),)


def step(dose: supple.Dose, number: int = 1) -> supple.PlannedStep:
    exercise = supple.Exercise(
        id=f"move-{number}", name="Move", summary="A move.", kind="mobility", position="supine",
        dose=dose, sources=SOURCE,
    )
    return supple.PlannedStep(number=number, exercise=exercise, set_name="test", dose=dose)


def test_gentle_is_slower_than_steady_with_longer_rests_and_transitions():
    dose = supple.Dose(sets=2, reps=10, per_side=True, rest_s=20)
    steady = supple_timing.lay_out([step(dose)], SteadyOptions())
    gentle = supple_timing.gentle([step(dose)], GentleOptions())
    by_kind = {s.kind: s.seconds for s in gentle.segments}
    assert by_kind == {"transition": 30, "work": 10 * 6, "switch": 10, "rest": 60}
    assert gentle.total_s > steady.total_s
    assert gentle.total_s == 30 + 4 * 60 + 2 * 10 + 60


def test_gentle_keeps_a_steps_slower_tempo_and_longer_rest():
    dose = supple.Dose(sets=2, reps=4, tempo_s=10, rest_s=120)
    timeline = supple_timing.gentle([step(dose)], GentleOptions())
    by_kind = {s.kind: s.seconds for s in timeline.segments}
    assert by_kind["work"] == 40 and by_kind["rest"] == 120


def test_gentle_never_goes_faster_than_its_tempo_even_if_the_step_asks():
    dose = supple.Dose(reps=4, tempo_s=1, rest_s=5, sets=2)
    timeline = supple_timing.gentle([step(dose)], GentleOptions())
    by_kind = {s.kind: s.seconds for s in timeline.segments}
    assert by_kind["work"] == 4 * 6 and by_kind["rest"] == 60


def test_gentle_does_not_change_doses():
    steps = [step(supple.Dose(sets=3, reps=12, hold_s=2), 1), step(supple.Dose(hold_s=30), 2)]
    timeline = supple_timing.gentle(steps, GentleOptions())
    assert timeline.steps == tuple(steps)
    assert timeline.notes == ()


def test_a_routine_can_choose_gentle_by_name_with_its_own_options():
    registry = make_registry(builtins=True)
    routine = """
[routine]
title = "Bad day"
[timing]
strategy = "gentle"
tempo = 8
[[steps]]
exercise = "pelvic-tilt"
reps = 5
hold = "5s"
"""
    plan = plan_routine(routine, registry)
    assert plan.timing == "gentle"
    (session,) = plan.sessions
    assert session.start is None
    # 30 s transition, 5 reps at 8 s with 5 s holds
    assert session.duration_s == 30 + 5 * (8 + 5)


def test_gentle_option_errors_are_located(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(
        '[routine]\ntitle = "x"\n[timing]\nstrategy = "gentle"\nrest = "20m"\n'
        '[[steps]]\nexercise = "cat-cow"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["check", str(path)], env={"SUPPLE_CONFIG_DIR": str(tmp_path)})
    assert result.exit_code == 2
    assert f"{path}: timing.rest: must be between 0 s and 15 min; got 20 min" in result.output


def test_the_gentle_plan_json_has_longer_sessions_than_steady(tmp_path):
    def duration(strategy: str) -> int:
        path = tmp_path / f"{strategy}.toml"
        path.write_text(
            f'[routine]\ntitle = "x"\n[timing]\nstrategy = "{strategy}"\n'
            '[[steps]]\nexercise = "glute-bridge"\nreps = 10\nsets = 2\n',
            encoding="utf-8",
        )
        result = CliRunner().invoke(
            cli, ["plan", str(path), "--json"], env={"SUPPLE_CONFIG_DIR": str(tmp_path)}
        )
        assert result.exit_code == 0, result.output
        return json.loads(result.output)["sessions"][0]["duration_s"]

    assert duration("gentle") > duration("steady")
