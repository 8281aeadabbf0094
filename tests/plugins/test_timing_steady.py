"""The ``steady`` timing strategy: segment layout, durations, options and their errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import supple
import supple_timing
from supple.cli import cli
from supple_timing.layout import Pace, steady_pace, step_seconds
from supple_timing.options import SteadyOptions

SOURCE = (supple.Source("test"),)


def step(dose: supple.Dose, number: int = 1, timing_options=None, name: str = "Move") -> supple.PlannedStep:
    exercise = supple.Exercise(
        id=f"move-{number}", name=name, summary="A move.", kind="mobility", position="supine",
        dose=dose, sources=SOURCE,
    )
    return supple.PlannedStep(
        number=number, exercise=exercise, set_name="test", dose=dose, timing_options=timing_options
    )


def run(tmp_path, *args):
    env = {"SUPPLE_CONFIG_DIR": str(tmp_path / "config")}
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def routine_file(tmp_path, text: str):
    path = tmp_path / "routine.toml"
    path.write_text('[routine]\ntitle = "Test"\n' + text, encoding="utf-8")
    return str(path)


def test_reps_with_a_hold_take_tempo_plus_hold_each_after_a_transition():
    timeline = supple_timing.lay_out([step(supple.Dose(reps=10, hold_s=3))], SteadyOptions())
    kinds = [s.kind for s in timeline.segments]
    assert kinds == ["transition", "work"]
    assert timeline.segments[1].seconds == 10 * (4 + 3)
    assert timeline.total_s == 15 + 70


def test_sets_are_separated_by_rests_and_sides_by_a_switch():
    dose = supple.Dose(sets=2, reps=5, per_side=True, rest_s=20)
    timeline = supple_timing.lay_out([step(dose)], SteadyOptions())
    kinds = [(s.kind, s.set, s.side) for s in timeline.segments]
    assert kinds == [
        ("transition", 0, None),
        ("work", 1, "left"), ("switch", 1, None), ("work", 1, "right"),
        ("rest", 1, None),
        ("work", 2, "left"), ("switch", 2, None), ("work", 2, "right"),
    ]
    # the step's own rest (20 s) wins over the strategy's 30 s
    assert timeline.total_s == 15 + 4 * 5 * 4 + 2 * 5 + 20


def test_a_held_stretch_is_one_hold_segment_per_set_and_side():
    timeline = supple_timing.lay_out([step(supple.Dose(sets=2, hold_s=30))], SteadyOptions(rest=10))
    assert [(s.kind, s.seconds) for s in timeline.segments] == [
        ("transition", 15), ("hold", 30), ("rest", 10), ("hold", 30)
    ]


def test_the_steps_own_tempo_wins_over_the_option():
    slow = supple.Dose(reps=10, tempo_s=6)
    timeline = supple_timing.lay_out([step(slow)], SteadyOptions(tempo=2))
    assert timeline.segments[1].seconds == 60


def test_a_steps_own_timing_options_override_the_routines():
    own = SteadyOptions(transition=0, tempo=1)
    timeline = supple_timing.lay_out(
        [step(supple.Dose(reps=10), 1, own), step(supple.Dose(reps=10), 2)], SteadyOptions()
    )
    first = [s for s in timeline.segments if s.step == 0]
    second = [s for s in timeline.segments if s.step == 1]
    assert [s.kind for s in first] == ["work"] and first[0].seconds == 10
    assert [s.kind for s in second] == ["transition", "work"] and second[1].seconds == 40


def test_segments_name_their_step_and_the_timeline_keeps_the_steps():
    steps = [step(supple.Dose(reps=3), 1, name="First"), step(supple.Dose(hold_s=5), 2, name="Second")]
    timeline = supple_timing.lay_out(steps, SteadyOptions())
    assert timeline.steps == tuple(steps)
    assert {s.step for s in timeline.segments} == {0, 1}
    assert timeline.segments[0].label == "Get ready: First"
    assert timeline.notes == ()


@settings(max_examples=150, deadline=None)
@given(
    sets=st.integers(1, 20), reps=st.integers(0, 500), hold=st.integers(0, 600),
    per_side=st.booleans(), rest=st.integers(0, 900), tempo=st.one_of(st.none(), st.floats(0.5, 60)),
)
def test_step_seconds_is_exactly_the_sum_of_the_segments(sets, reps, hold, per_side, rest, tempo):
    dose = supple.Dose(sets=sets, reps=reps, hold_s=hold, per_side=per_side, rest_s=rest, tempo_s=tempo)
    planned = step(dose)
    pace = steady_pace(planned, SteadyOptions())
    timeline = supple_timing.lay_out([planned], SteadyOptions())
    assert sum(s.seconds for s in timeline.segments) == pytest.approx(step_seconds(dose, pace))
    # one segment per set and side, at most: a year-long plan stays small
    assert len(timeline.segments) <= 1 + sets * (2 if per_side else 1) * 2 + sets


def test_pace_reconciles_options_and_dose():
    pace = steady_pace(step(supple.Dose(reps=2, rest_s=0)), SteadyOptions(rest=45))
    assert pace == Pace(tempo=4.0, rest=45, transition=15, switch=5)


def test_durations_in_the_timing_table_accept_text(tmp_path):
    path = routine_file(tmp_path, '[timing]\nrest = "1m"\ntransition = "20s"\ntempo = 3\n'
                                  '[[steps]]\nexercise = "cat-cow"\nreps = 10\nsets = 2\n')
    result = run(tmp_path, "plan", path, "--json")
    assert result.exit_code == 0, result.output
    session = json.loads(result.output)["sessions"][0]
    # 20 s transition, 2 sets of 10 reps at 3 s with the cat-cow's 3 s hold, 1 min rest
    assert session["duration_s"] == 20 + 2 * 10 * (3 + 3) + 60


@pytest.mark.parametrize(
    "table, key, words",
    [
        ("tempo = -1", "timing.tempo", "must be between 0.5 and 60 s; got -1"),
        ("tempo = 0", "timing.tempo", "must be between"),
        ('rest = "soon"', "timing.rest", "expected whole seconds or a duration"),
        ("switch = 1000", "timing.switch", "must be between 0 s and 2 min; got 16 min 40 s"),
        ("tempo = true", "timing.tempo", "expected a number"),
        ("temp = 3", "timing.temp", "did you mean 'tempo'"),
    ],
)
def test_bad_timing_options_are_located_errors_with_exit_2(tmp_path, table, key, words):
    path = routine_file(tmp_path, f'[timing]\n{table}\n[[steps]]\nexercise = "cat-cow"\n')
    for command in ("check", "plan"):
        result = run(tmp_path, command, path)
        assert result.exit_code == 2, result.output
        assert f"{path}: {key}: " in result.output
        assert words in result.output
        assert "Traceback" not in result.output


def test_a_bad_option_in_a_steps_timing_table_names_the_step(tmp_path):
    path = routine_file(tmp_path, '[[steps]]\nexercise = "cat-cow"\n[steps.timing]\nswitch = 1000\n')
    result = run(tmp_path, "check", path)
    assert result.exit_code == 2
    assert f"{path}: steps[1].timing.switch: must be between" in result.output


def test_unknown_timing_strategy_suggests_the_close_name(tmp_path):
    path = routine_file(tmp_path, '[timing]\nstrategy = "stedy"\n[[steps]]\nexercise = "cat-cow"\n')
    result = run(tmp_path, "plan", path)
    assert result.exit_code == 2
    assert f"{path}: timing.strategy: unknown timing strategy 'stedy'; did you mean 'steady'?" in result.output


def test_plugins_lists_every_first_party_timing_strategy(tmp_path):
    result = run(tmp_path, "plugins", "--all", "--json")
    assert result.exit_code == 0, result.output
    (timing,) = [p for p in json.loads(result.output) if p["name"] == "timing"]
    assert timing["contributes"]["timing strategy"] == ["gentle", "steady", "time-boxed"]
    assert timing["status"] == "active"


def docs_example(index: int):
    """The ``index``-th Python example of docs/strategies.md, run as a plugin module."""
    import re
    import types
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "strategies.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    module = types.ModuleType(f"docs_example_{index}")
    exec(compile(blocks[index], f"docs/strategies.md example {index + 1}", "exec"), module.__dict__)
    return module


def test_the_docs_timing_strategy_example_works_as_a_plugin():
    from supple.testing import make_registry, plan_routine

    module = docs_example(0)
    registry = make_registry(module, builtins=True)
    plan = plan_routine(
        '[routine]\ntitle = "Paused"\n[timing]\nstrategy = "paused"\npause = 4\n'
        '[[steps]]\nexercise = "glute-bridge"\nreps = 10\nsets = 2\n',
        registry,
    )
    (session,) = plan.sessions
    assert plan.timing == "paused"
    assert [s.kind for s in session.timeline.segments] == ["work", "rest", "work", "rest"]
    assert session.duration_s == 2 * (10 * 3 + 4) + 2 * session.steps[0].dose.hold_s * 10
    with pytest.raises(supple.InputError, match="pause: must be between 0 and 60 seconds"):
        plan_routine(
            '[routine]\ntitle = "x"\n[timing]\nstrategy = "paused"\npause = 0\n[[steps]]\nexercise = "cat-cow"\n',
            registry,
        )
