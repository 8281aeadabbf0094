"""The ``linear`` progression strategy: increments every N weeks, caps, floors and their errors."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import supple
import supple_progression
import supple_timing
from supple.cli import cli
from supple.testing import make_registry, plan_routine
from supple_progression import linear
from supple_progression.linear import LinearOptions

CONTEXT = supple.ProgressionContext(
    exercise=supple.Exercise(
        id="x", name="X", summary="X.", kind="mobility", position="supine",
        dose=supple.Dose(reps=1), sources=(supple.Source("test"),),
    ),
    weeks=12,
)


def weeks(base: supple.Dose, options: LinearOptions, count: int = 6) -> list[supple.Dose]:
    assert list(linear.check(base, options)) == []
    return [linear.dose_for(base, week, options, CONTEXT) for week in range(1, count + 1)]


def test_reps_grow_every_week_up_to_the_cap():
    doses = weeks(supple.Dose(reps=10), LinearOptions(reps=2, max_reps=15))
    assert [d.reps for d in doses] == [10, 12, 14, 15, 15, 15]


def test_every_spaces_the_increments_out():
    doses = weeks(supple.Dose(reps=8), LinearOptions(reps=1, every=2, max_reps=20))
    assert [d.reps for d in doses] == [8, 8, 9, 9, 10, 10]


def test_hold_and_sets_grow_with_their_own_caps():
    doses = weeks(
        supple.Dose(hold_s=20, sets=1),
        LinearOptions(hold="5s", max_hold="30s", sets=1, max_sets=3),
    )
    assert [(d.hold_s, d.sets) for d in doses] == [(20, 1), (25, 2), (30, 3), (30, 3), (30, 3), (30, 3)]


def test_an_increment_applies_only_where_the_dose_has_that_quantity():
    options = LinearOptions(reps=2, max_reps=20, hold=5, max_hold=60)
    stretch = supple.Dose(hold_s=30)  # no repetitions: reps stay 0
    drill = supple.Dose(reps=10)  # no hold: no hold is added
    assert linear.dose_for(stretch, 3, options, CONTEXT) == supple.Dose(hold_s=40)
    assert linear.dose_for(drill, 3, options, CONTEXT) == supple.Dose(reps=14)


def test_a_negative_increment_tapers_down_to_its_floor():
    doses = weeks(supple.Dose(reps=12, hold_s=40), LinearOptions(reps=-3, min_reps=5, hold="-10s", min_hold=20))
    assert [(d.reps, d.hold_s) for d in doses] == [(12, 40), (9, 30), (6, 20), (5, 20), (5, 20), (5, 20)]


def test_week_one_is_always_the_base_dose():
    base = supple.Dose(sets=2, reps=10, rest_s=30)
    assert linear.dose_for(base, 1, LinearOptions(reps=5, max_reps=50), CONTEXT) is base


@pytest.mark.parametrize(
    "base, options, words",
    [
        (supple.Dose(reps=15), LinearOptions(reps=1, max_reps=12), "max_reps (12) is below the starting dose (15 reps)"),
        (supple.Dose(hold_s=30), LinearOptions(hold=5, max_hold=20), "max_hold (20) is below the starting dose (30 s)"),
        (supple.Dose(sets=3), LinearOptions(sets=1, max_sets=2), "max_sets (2) is below the starting dose (3 sets)"),
        (supple.Dose(reps=10), LinearOptions(reps=-2), "would drive the dose below zero; give min_reps"),
        (supple.Dose(hold_s=30), LinearOptions(hold="-5s"), "hold goes down by 5 s every week with no floor"),
        (supple.Dose(reps=10), LinearOptions(reps=1), "with no cap"),
        (supple.Dose(reps=10), LinearOptions(), "linear changes nothing"),
        (supple.Dose(reps=10), LinearOptions(reps=-1, min_reps=12), "min_reps (12) is above the starting dose"),
    ],
)
def test_check_reports_caps_floors_and_increments_that_cannot_work(base, options, words):
    problems = list(linear.check(base, options))
    assert any(words in p for p in problems), problems


def run(tmp_path, *args):
    return CliRunner().invoke(cli, list(args), env={"SUPPLE_CONFIG_DIR": str(tmp_path / "c")})


def write(tmp_path, progression: str, steps: str) -> str:
    path = tmp_path / "linear.toml"
    path.write_text(
        '[routine]\ntitle = "Linear"\n[schedule]\nstart = 2026-12-07\nweeks = 4\n'
        'timezone = "Europe/Madrid"\n' + progression + steps,
        encoding="utf-8",
    )
    return str(path)


@pytest.mark.parametrize(
    "progression, key, words",
    [
        ('[progression]\nstrategy = "linear"\nreps = 1\nmax_reps = 8\n', "progression",
         "max_reps (8) is below the starting dose (10 reps) (for steps[1], cat-cow)"),
        ('[progression]\nstrategy = "linear"\nreps = -4\n', "progression",
         "reps goes down by 4 every week with no floor, which would drive the dose below zero"),
        ('[progression]\nstrategy = "linear"\nreps = 1\nmin_reps = 0\nmax_reps = 12\n', "progression.min_reps",
         "must be between 1 and 500; got 0"),
        ('[progression]\nstrategy = "linear"\nreps = 100\nmax_reps = 12\n', "progression.reps",
         "must be between -50 and 50; got 100"),
        ('[progression]\nstrategy = "linear"\nreps = "2"\nmax_reps = 12\n', "progression.reps",
         "expected a whole number"),
        ('[progression]\nstrategy = "linear"\nrep = 2\n', "progression.rep", "did you mean 'reps'"),
        ('[progression]\nstrategy = "linearr"\n', "progression.strategy",
         "unknown progression strategy 'linearr'; did you mean 'linear'?"),
    ],
)
def test_bad_linear_options_are_located_errors_with_exit_2(tmp_path, progression, key, words):
    path = write(tmp_path, progression, '[[steps]]\nexercise = "cat-cow"\nreps = 10\n')
    for command in ("check", "plan"):
        result = run(tmp_path, command, path)
        assert result.exit_code == 2, result.output
        assert f"{path}: {key}: " in result.output
        assert words in result.output
        assert "Traceback" not in result.output


def test_a_steps_own_progression_error_names_its_table(tmp_path):
    path = write(
        tmp_path, "",
        '[[steps]]\nexercise = "cat-cow"\nreps = 10\n'
        '[[steps]]\nexercise = "glute-bridge"\nreps = 12\n'
        '[steps.progression]\nstrategy = "linear"\nreps = 1\nmax_reps = 10\n',
    )
    result = run(tmp_path, "check", path)
    assert result.exit_code == 2
    assert (
        f"{path}: steps[2].progression: max_reps (10) is below the starting dose (12 reps) "
        "(for steps[2], glute-bridge)"
    ) in result.output


class Moves:
    @supple.hookimpl
    def supple_exercise_sets(self):
        yield supple.ExerciseSet(
            name="moves", title="Moves",
            exercises=[
                supple.Exercise(
                    id=ident, name=ident, summary="A move.", kind="mobility", position="supine",
                    dose=dose, sources=[supple.Source("test")],
                )
                for ident, dose in (
                    ("drill", supple.Dose(reps=10)),
                    ("stretch", supple.Dose(hold_s=30)),
                )
            ],
        )


def registry():
    return make_registry(Moves(), timing=supple_timing, progression=supple_progression)


def test_a_step_override_replaces_the_routines_strategy_week_by_week():
    plan = plan_routine(
        """
[routine]
title = "Override"
[schedule]
start = 2026-12-07
weeks = 3
days = ["mon"]
timezone = "Europe/Madrid"
[progression]
strategy = "linear"
reps = 2
max_reps = 20
hold = 10
max_hold = 60
[[steps]]
exercise = "drill"
[[steps]]
exercise = "stretch"
[[steps]]
exercise = "drill"
[steps.progression]
strategy = "none"
""",
        registry(),
    )
    table = [[(s.dose.reps, s.dose.hold_s) for s in session.steps] for session in plan.sessions]
    assert table == [
        [(10, 0), (0, 30), (10, 0)],
        [(12, 0), (0, 40), (10, 0)],
        [(14, 0), (0, 50), (10, 0)],
    ]
    assert [s.progression for s in plan.sessions[0].steps] == ["linear", "linear", "none"]
    # longer doses make longer sessions
    assert plan.sessions[0].duration_s < plan.sessions[1].duration_s < plan.sessions[2].duration_s


def test_the_docs_progression_strategy_example_works_as_a_plugin():
    import re
    import types
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "strategies.md").read_text(encoding="utf-8")
    source = re.findall(r"```python\n(.*?)```", text, flags=re.S)[1]
    module = types.ModuleType("docs_progression_example")
    exec(compile(source, "docs/strategies.md example 2", "exec"), module.__dict__)
    registry = make_registry(Moves(), module, timing=supple_timing, progression=supple_progression)
    plan = plan_routine(
        '[routine]\ntitle = "Stairs"\n[schedule]\nstart = 2026-12-07\nweeks = 6\ndays = ["mon"]\n'
        'timezone = "UTC"\n[progression]\nstrategy = "staircase"\nmax_reps = 13\n'
        '[[steps]]\nexercise = "drill"\n[[steps]]\nexercise = "stretch"\n',
        registry,
    )
    assert [s.steps[0].dose.reps for s in plan.sessions] == [10, 10, 12, 12, 13, 13]
    assert {s.steps[1].dose for s in plan.sessions} == {supple.Dose(hold_s=30)}
    with pytest.raises(supple.InputError, match=r"max_reps \(5\) is below the starting dose \(10 reps\)"):
        plan_routine(
            '[routine]\ntitle = "x"\n[progression]\nstrategy = "staircase"\nmax_reps = 5\n'
            '[[steps]]\nexercise = "drill"\n',
            registry,
        )


def test_a_pyramid_keeps_its_shape_and_its_largest_set_is_capped():
    doses = weeks(supple.Dose(set_reps=(12, 10, 8)), LinearOptions(reps=2, max_reps=16), count=5)
    assert [d.set_reps for d in doses] == [(12, 10, 8), (14, 12, 10), (16, 14, 12), (16, 14, 12), (16, 14, 12)]
    assert [d.describe() for d in doses[:2]] == ["12/10/8 reps", "14/12/10 reps"]


def test_a_continuous_duration_grows_up_to_its_cap():
    doses = weeks(supple.Dose(duration_s=600), LinearOptions(duration="2m", max_duration="15m"), count=5)
    assert [d.duration_s for d in doses] == [600, 720, 840, 900, 900]
    assert "max_duration" in " ".join(linear.check(supple.Dose(duration_s=600), LinearOptions(duration=60)))
