"""A richer dose (issue 22, item 7): per-set repetitions, a continuous duration, a distance
and a level, read from routine files, laid out in time and paced by `supple run`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple.guide.clock import FakeClock
from supple.guide.keys import NoKeys
from supple.guide.runner import Runner
from supple.testing import make_registry

ROUTINE = """\
[routine]
title = "Rich doses"

[[steps]]
exercise = "backcare/sit-to-stand"
reps = [12, 10, 8]
rest = "30s"

[[steps]]
exercise = "backcare/cat-cow"
duration = "10m"
distance_m = 1500
level = "easy"
"""


def _write(tmp_path: Path, text: str = ROUTINE) -> Path:
    path = tmp_path / "rich.toml"
    path.write_text(text, encoding="utf-8")
    return path


# the model ---------------------------------------------------------------------------------

def test_a_pyramid_takes_its_sets_from_the_list_and_its_reps_from_the_largest_set():
    dose = supple.Dose(set_reps=(12, 10, 8))
    assert (dose.sets, dose.reps, dose.total_reps) == (3, 12, 30)
    assert [dose.reps_in_set(n) for n in (1, 2, 3)] == [12, 10, 8]
    assert dose.describe() == "12/10/8 reps"
    assert supple.Dose(set_reps=(12, 10, 8), per_side=True).total_reps == 60


def test_a_pyramid_that_does_not_fit_its_sets_or_reps_is_refused():
    with pytest.raises(ValueError, match="3 repetition counts for 4 sets"):
        supple.Dose(sets=4, set_reps=(12, 10, 8))
    # another reps moves every set (so a progression's attrs.evolve(dose, reps=N) keeps the shape)
    assert supple.Dose(reps=10, set_reps=(12, 10, 8)).set_reps == (10, 8, 6)
    import attrs

    assert attrs.evolve(supple.Dose(set_reps=(12, 10, 8)), reps=2).set_reps == (2, 1, 1)
    with pytest.raises(ValueError):
        supple.Dose(set_reps=(12, 0, 8))


def test_evolve_keeps_the_pyramid_shape():
    dose = supple.Dose(set_reps=(12, 10, 8))
    assert supple.evolve(dose, reps=14).set_reps == (14, 12, 10)
    assert supple.evolve(dose, reps=3).set_reps == (3, 1, 1)  # never below one
    assert supple.evolve(dose, sets=4).set_reps == (12, 10, 8, 8)
    capped = supple.evolve(dose, sets=1, reps=5)
    assert (capped.sets, capped.reps, capped.set_reps) == (1, 5, (5,))


def test_duration_distance_and_level_are_described():
    assert supple.Dose(duration_s=600, distance_m=1500, level="easy").describe() == "10 min, 1.5 km, level easy"
    assert supple.Dose(sets=2, duration_s=300, distance_m=400, rest_s=60).describe() == (
        "2 x 5 min, 400 m, rest 1 min between sets")
    assert supple.format_distance(400) == "400 m"


# routine files -------------------------------------------------------------------------------

def test_a_routine_with_a_list_of_reps_and_a_duration_plans_them(tmp_path):
    result = CliRunner().invoke(cli, ["plan", str(_write(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "12/10/8 reps" in result.output
    assert "3 x 12" not in result.output
    assert "10 min, 1.5 km, level easy" in result.output
    assert "5 reps" not in result.output  # the duration replaces cat-cow's default repetitions


@pytest.mark.parametrize(("steps", "key", "message"), [
    ('exercise = "cat-cow"\nsets = 4\nreps = [12, 10, 8]', "steps[1].reps", "3 repetition counts for 4 sets"),
    ('exercise = "cat-cow"\nreps = []', "steps[1].reps", "at least one repetition count"),
    ('exercise = "cat-cow"\nreps = [12, 0, 8]', "steps[1].reps[2]", "must be between 1 and 500; got 0"),
    ('exercise = "cat-cow"\nreps = [12, "ten"]', "steps[1].reps[2]", "expected a whole number"),
    ('exercise = "cat-cow"\nreps = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]',
     "steps[1].reps", "the limit is 20"),
    ('exercise = "cat-cow"\nduration = "9h"', "steps[1].duration", "must be between 0 and 14400 s"),
    ('exercise = "cat-cow"\ndistance_m = -1', "steps[1].distance_m", "must be between 0 and 100000 m"),
    ('exercise = "cat-cow"\nlevel = "  "', "steps[1].level", "must not be empty"),
    ('exercise = "cat-cow"\nlevel = 2', "steps[1].level", "expected a text string"),
])
def test_a_bad_rich_dose_is_a_located_error(tmp_path, steps, key, message):
    path = _write(tmp_path, f'[routine]\ntitle = "t"\n\n[[steps]]\n{steps}\n')
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert any(line.startswith(f"supple: error: {path}: {key}:") and message in line
               for line in result.output.splitlines()), result.output


# timing and pacing --------------------------------------------------------------------------

def _planned(dose: supple.Dose, ident: str = "sit-to-stand") -> supple.PlannedStep:
    registry = make_registry(builtins=True)
    return supple.PlannedStep(number=1, exercise=registry.catalogue.get(ident).exercise,
                              set_name="backcare", dose=dose)


class Recorder:
    def __init__(self):
        self.events: list[tuple] = []

    def __getattr__(self, name):
        def record(*args):
            status = args[0] if args else None
            self.events.append((name, getattr(status, "index", None), round(getattr(status, "elapsed", 0.0), 6)))
        return record


def _steady(*steps: supple.PlannedStep) -> supple.Timeline:
    steady = make_registry(builtins=True).timing_strategies["steady"]
    return steady.build(steps, steady.options(tempo=2, transition=0, rest=5))


def test_each_set_of_a_pyramid_is_laid_out_and_paced_by_its_own_count():
    timeline = _steady(_planned(supple.Dose(set_reps=(3, 2, 1))))
    work = [(i, s) for i, s in enumerate(timeline.segments) if s.kind == "work"]
    assert [(s.set, s.seconds) for _, s in work] == [(1, 6), (2, 4), (3, 2)]
    assert [len(supple.beats(timeline, i)) for i, _ in work] == [3, 2, 1]
    assert [b.reps for b in supple.beats(timeline, work[1][0])] == [2, 2]
    assert timeline.total_s == round(6 + 5 + 4 + 5 + 2)


def test_a_continuous_duration_is_one_phase_per_set_without_beats():
    timeline = _steady(_planned(supple.Dose(sets=2, duration_s=90, rest_s=5), "cat-cow"))
    work = [(i, s) for i, s in enumerate(timeline.segments) if s.kind == "work"]
    assert [s.seconds for _, s in work] == [90, 90]
    assert all(supple.beats(timeline, i) == () for i, _ in work)
    clock = FakeClock(start=0.0)
    screen = Recorder()
    Runner(timeline, clock, NoKeys(clock), screen).run()
    assert not [e for e in screen.events if e[0] == "beat"]
    assert clock.now() == pytest.approx(90 + 5 + 90)


def test_a_third_party_timing_strategy_that_follows_the_contract_is_paced_right():
    """One work segment per set with ``set``, seconds == reps * (tempo + hold): paced by beats."""
    step = _planned(supple.Dose(set_reps=(4, 2), hold_s=1))
    tempo = 3.0
    segments = tuple(
        supple.Segment("work", step.dose.reps_in_set(n) * (tempo + step.dose.hold_s), 0, "my work", set=n)
        for n in (1, 2))
    timeline = supple.Timeline(segments=segments, steps=(step,))
    first, second = supple.beats(timeline, 0), supple.beats(timeline, 1)
    assert [(b.rep, b.phase, b.start, b.seconds) for b in second] == [
        (1, "move", 0, 3), (1, "hold", 3, 1), (2, "move", 4, 3), (2, "hold", 7, 1)]
    assert len(first) == 8 and first[-1].end == pytest.approx(16)
    clock = FakeClock(start=0.0)
    screen = Recorder()
    Runner(timeline, clock, NoKeys(clock), screen).run()
    assert [e[2] for e in screen.events if e[0] == "beat"] == [
        0, 3, 4, 7, 8, 11, 12, 15, 16, 19, 20, 23]


# exercise-set files -------------------------------------------------------------------------

def _set_with(dose: dict) -> dict:
    return {"set": {"name": "mine", "title": "Mine"}, "exercises": [{
        "id": "walk", "name": "Walk", "summary": "Walk.", "kind": "mobility", "position": "standing",
        "sources": [{"ref": "my physio"}], "dose": dose}]}


def test_an_exercise_file_may_give_a_pyramid_a_duration_a_distance_and_a_level():
    from supple.io.exercise_file import exercise_set_from_dict

    dose = exercise_set_from_dict(_set_with({"reps": [12, 10, 8]}), "mine.toml").exercises[0].dose
    assert (dose.sets, dose.reps, dose.set_reps) == (3, 12, (12, 10, 8))
    walk = exercise_set_from_dict(
        _set_with({"duration": "20m", "distance_m": 1500, "level": "brisk"}), "mine.toml").exercises[0].dose
    assert walk.describe() == "20 min, 1.5 km, level brisk"


def test_an_exercise_file_pyramid_that_does_not_fit_its_sets_is_located():
    from supple.io.exercise_file import exercise_set_from_dict

    with pytest.raises(supple.InputError) as caught:
        exercise_set_from_dict(_set_with({"sets": 4, "reps": [12, 10, 8]}), "mine.toml")
    assert "exercises[1].dose: 3 repetition counts for 4 sets" in str(caught.value)


def test_week_changes_show_a_raised_duration_and_a_level_as_text():
    from supple.model.exercise import Dose
    from supple.render.text import _dose_change

    assert _dose_change(Dose(duration_s=600), Dose(duration_s=720)) == "duration 10 min -> 12 min"
    assert _dose_change(Dose(level="easy"), Dose(level="brisk")) == "level easy -> brisk"
    assert _dose_change(Dose(), Dose(distance_m=400)) == "distance default -> 400 m"
    assert _dose_change(Dose(set_reps=(12, 10, 8)), Dose(set_reps=(14, 12, 10))) == "reps 12/10/8 -> 14/12/10"


def test_the_run_screen_counts_the_repetitions_of_each_set_of_an_alternating_pyramid():
    from supple.guide.screen import segment_text

    timeline = _steady(_planned(supple.Dose(set_reps=(3, 2), per_side=True, alternate=True)))
    labels = [segment_text(timeline, i) for i, s in enumerate(timeline.segments) if s.kind == "work"]
    assert len(labels) == 2 * 3 + 2 * 2  # one per repetition and side
    assert "rep 3/3, set 1/2, left side" in labels[4] and "rep 2/2, set 2/2, right side" in labels[-1]
