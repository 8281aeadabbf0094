"""The ``phased`` progression strategy: an explicit table of phases, week by week."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple.testing import make_registry, plan_routine
from supple_progression import phased
from supple_progression.phased import Phase, PhasedOptions

CONTEXT = supple.ProgressionContext(
    exercise=supple.Exercise(
        id="x", name="X", summary="X.", kind="mobility", position="supine",
        dose=supple.Dose(reps=1), sources=(supple.Source("test"),),
    ),
    weeks=12,
)


def test_each_phase_lasts_its_weeks_and_the_last_one_continues():
    options = PhasedOptions(phases=(Phase(weeks=2, reps=10), Phase(weeks=1, reps=12), Phase(weeks=2, reps=12, sets=2)))
    base = supple.Dose(reps=8, hold_s=3)
    doses = [phased.dose_for(base, week, options, CONTEXT) for week in range(1, 8)]
    assert [(d.sets, d.reps) for d in doses] == [(1, 10), (1, 10), (1, 12), (2, 12), (2, 12), (2, 12), (2, 12)]
    assert all(d.hold_s == 3 for d in doses)  # what a phase leaves out is the base dose


def test_phase_of_numbers_phases_from_one():
    options = PhasedOptions(phases=(Phase(weeks=3), Phase(weeks=1)))
    assert [phased.phase_of(w, options)[0] for w in range(1, 7)] == [1, 1, 1, 2, 2, 2]


def test_hold_and_rest_accept_durations():
    options = PhasedOptions(phases=(Phase(weeks=1, hold="20s"), Phase(weeks=1, hold="45s", rest="1m")))
    base = supple.Dose(sets=2, hold_s=15, rest_s=10)
    assert phased.dose_for(base, 2, options, CONTEXT) == supple.Dose(sets=2, hold_s=45, rest_s=60)


def test_check_refuses_reps_on_a_held_stretch_and_a_zero_hold():
    options = PhasedOptions(phases=(Phase(weeks=1), Phase(weeks=1, reps=5), Phase(weeks=1, hold=0)))
    problems = list(phased.check(supple.Dose(hold_s=30), options))
    assert problems[0].startswith("phase 2 gives reps, but this step is a held stretch")
    assert problems[1].startswith("phase 3 sets hold = 0 on a held stretch")
    assert list(phased.check(supple.Dose(reps=10), options)) == []


def routine(tmp_path, progression: str, steps: str = '[[steps]]\nexercise = "glute-bridge"\nreps = 8\n') -> str:
    path = tmp_path / "phased.toml"
    path.write_text(
        '[routine]\ntitle = "Phased"\n[schedule]\nstart = 2026-12-07\nweeks = 6\n'
        'days = ["mon", "thu"]\ntimezone = "Europe/Madrid"\n' + progression + steps,
        encoding="utf-8",
    )
    return str(path)


def test_a_phased_routine_plans_week_by_week():
    plan = plan_routine(
        """
[routine]
title = "Phased"
[schedule]
start = 2026-12-07
weeks = 5
days = ["mon", "thu"]
timezone = "Europe/Madrid"
[[steps]]
exercise = "glute-bridge"
reps = 8
[steps.progression]
strategy = "phased"
[[steps.progression.phases]]
weeks = 2
reps = 8
[[steps.progression.phases]]
weeks = 2
reps = 10
sets = 2
[[steps.progression.phases]]
weeks = 1
reps = 12
sets = 2
""",
        make_registry(builtins=True),
    )
    by_week = {s.week: (s.steps[0].dose.sets, s.steps[0].dose.reps) for s in plan.sessions}
    assert by_week == {1: (1, 8), 2: (1, 8), 3: (2, 10), 4: (2, 10), 5: (2, 12)}
    assert len(plan.sessions) == 10


@pytest.mark.parametrize(
    "progression, key, words",
    [
        ('[progression]\nstrategy = "phased"\n', "progression.phases", "this key is required"),
        ('[progression]\nstrategy = "phased"\nphases = []\n', "progression.phases",
         "give between 1 and 156 phases; got 0"),
        ('[progression]\nstrategy = "phased"\nphases = [{ reps = 10 }]\n', "progression.phases[1].weeks",
         "this key is required"),
        ('[progression]\nstrategy = "phased"\nphases = [{ weeks = 2, reps = 0 }]\n', "progression.phases[1].reps",
         "must be between 1 and 500; got 0"),
        ('[progression]\nstrategy = "phased"\nphases = [{ weeks = 2, rep = 10 }]\n', "progression.phases[1].rep",
         "did you mean 'reps'"),
        ('[progression]\nstrategy = "phased"\nphases = [{ weeks = 1 }, { weeks = 1, sets = 25 }]\n',
         "progression.phases[2].sets", "must be between 1 and 20; got 25"),
    ],
)
def test_bad_phase_tables_are_located_errors_with_exit_2(tmp_path, progression, key, words):
    path = routine(tmp_path, progression)
    result = CliRunner().invoke(cli, ["check", path], env={"SUPPLE_CONFIG_DIR": str(tmp_path / "c")})
    assert result.exit_code == 2, result.output
    assert f"{path}: {key}: " in result.output and words in result.output


def test_a_routine_level_phase_with_reps_is_refused_for_a_held_stretch(tmp_path):
    path = routine(
        tmp_path,
        '[progression]\nstrategy = "phased"\nphases = [{ weeks = 2, reps = 10 }]\n',
        '[[steps]]\nexercise = "glute-bridge"\n[[steps]]\nexercise = "childs-pose"\nhold = "30s"\n',
    )
    result = CliRunner().invoke(cli, ["plan", path], env={"SUPPLE_CONFIG_DIR": str(tmp_path / "c")})
    assert result.exit_code == 2
    assert f"{path}: progression: phase 1 gives reps, but this step is a held stretch" in result.output
    assert "(for steps[2], childs-pose)" in result.output
