"""The ``time-boxed`` timing strategy: fit a session into N minutes by trimming sets, then
repetitions, never below one of each, saying what it trimmed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import supple
import supple_timing
from supple.cli import cli
from supple_timing.timebox import TimeBoxOptions

SOURCE = (supple.Source("test"),)


def step(dose: supple.Dose, number: int, name: str, timing_options=None) -> supple.PlannedStep:
    exercise = supple.Exercise(
        id=f"move-{number}", name=name, summary="A move.", kind="mobility", position="supine",
        dose=dose, sources=SOURCE,
    )
    return supple.PlannedStep(
        number=number, exercise=exercise, set_name="test", dose=dose, timing_options=timing_options
    )


def three_steps(own=None):
    own = own or {}
    # A: 15 + 3 * 40 + 2 * 30 = 195 s; B: 15 + 2 * 30 + 20 = 95 s; C: 15 + 80 = 95 s
    return [
        step(supple.Dose(sets=3, reps=10), 1, "Squat", own.get(1)),
        step(supple.Dose(sets=2, hold_s=30, rest_s=20), 2, "Stretch", own.get(2)),
        step(supple.Dose(reps=20), 3, "Tilt", own.get(3)),
    ]


def test_a_session_that_fits_is_left_alone_without_notes():
    steps = three_steps()
    timeline = supple_timing.time_boxed(steps, TimeBoxOptions(minutes=10))
    assert timeline.steps == tuple(steps)
    assert timeline.notes == ()
    assert timeline.total_s == 385


def test_sets_are_trimmed_first_from_the_step_with_the_most():
    steps = three_steps()
    timeline = supple_timing.time_boxed(steps, TimeBoxOptions(minutes=5))
    doses = [s.dose for s in timeline.steps]
    # 3 sets -> 2 (315 s, still too long); then the squat's set saves more than the stretch's
    assert [d.sets for d in doses] == [1, 2, 1]
    assert [d.reps for d in doses] == [10, 0, 20]
    assert timeline.total_s == 245 <= 300
    (note,) = timeline.notes
    assert note.startswith("Time-boxed to 5 min (about 6 min 25 s in full): ")
    assert "Squat 3 x 10 reps -> 10 reps" in note
    assert "Stretch" not in note and "Tilt" not in note


def test_then_repetitions_are_scaled_together_never_below_one():
    timeline = supple_timing.time_boxed(three_steps(), TimeBoxOptions(minutes=2))
    doses = [s.dose for s in timeline.steps]
    assert [d.sets for d in doses] == [1, 1, 1]
    # the largest common factor that fits: 10 -> 3 and 20 -> 7 (4 and 8 would not fit)
    assert [d.reps for d in doses] == [3, 0, 7]
    assert timeline.total_s == 115 <= 120
    (note,) = timeline.notes
    assert "Squat 3 x 10 reps -> 3 reps" in note
    assert "Stretch 2 x hold 30 s, rest 20 s between sets -> hold 30 s" in note
    assert "Tilt 20 reps -> 7 reps" in note


def test_a_session_that_cannot_fit_is_kept_at_its_floor_and_says_so():
    timeline = supple_timing.time_boxed(three_steps(), TimeBoxOptions(minutes=1))
    doses = [s.dose for s in timeline.steps]
    assert [(d.sets, d.reps) for d in doses] == [(1, 1), (1, 0), (1, 1)]
    assert doses[1].hold_s == 30  # holds are never shortened
    assert timeline.total_s == 19 + 45 + 19
    assert len(timeline.notes) == 2
    assert timeline.notes[1].startswith("Still about 1 min 23 s, longer than 1 min")
    assert len(timeline.steps) == 3  # no step is left out


def test_a_step_marked_trim_false_keeps_its_dose_whole():
    keep = TimeBoxOptions(trim=False)
    timeline = supple_timing.time_boxed(three_steps({1: keep}), TimeBoxOptions(minutes=5))
    doses = [s.dose for s in timeline.steps]
    assert doses[0] == supple.Dose(sets=3, reps=10)
    # the stretch loses a set, then the tilt's repetitions make up the rest: 195 + 45 + 59
    assert (doses[1].sets, doses[2].reps) == (1, 11)
    assert timeline.total_s == 299


@settings(max_examples=100, deadline=None)
@given(
    doses=st.lists(
        st.builds(
            supple.Dose,
            sets=st.integers(1, 6), reps=st.integers(0, 40), hold_s=st.integers(0, 60),
            per_side=st.booleans(), rest_s=st.integers(0, 90),
        ),
        min_size=1, max_size=8,
    ),
    minutes=st.integers(1, 30),
)
def test_trimming_never_goes_below_one_set_or_one_rep_and_fits_whenever_it_can(doses, minutes):
    steps = [step(dose, n, f"Move {n}") for n, dose in enumerate(doses, start=1)]
    timeline = supple_timing.time_boxed(steps, TimeBoxOptions(minutes=minutes))
    floor = supple_timing.time_boxed(steps, TimeBoxOptions(minutes=1))
    for before, after in zip(steps, timeline.steps):
        assert 1 <= after.dose.sets <= before.dose.sets
        assert after.dose.reps <= before.dose.reps
        assert (after.dose.reps >= 1) == (before.dose.reps >= 1)
        assert after.dose.hold_s == before.dose.hold_s
    if timeline.total_s > minutes * 60:
        # only when even the floor does not fit, and then it says so
        assert floor.total_s > minutes * 60
        assert timeline.notes[-1].startswith("Still about")
    changed = [s for s, t in zip(steps, timeline.steps) if s.dose != t.dose]
    assert bool(changed) == bool(timeline.notes and timeline.notes[0].startswith("Time-boxed"))


def routine(tmp_path, timing: str, steps: str) -> str:
    path = tmp_path / "box.toml"
    path.write_text(f'[routine]\ntitle = "Box"\n[timing]\n{timing}\n{steps}', encoding="utf-8")
    return str(path)


def run(tmp_path, *args):
    return CliRunner().invoke(cli, list(args), env={"SUPPLE_CONFIG_DIR": str(tmp_path / "c")})


def test_the_plan_carries_the_trimmed_doses_and_the_note(tmp_path):
    path = routine(
        tmp_path, 'strategy = "time-boxed"\nminutes = 3',
        '[[steps]]\nexercise = "glute-bridge"\nreps = 10\nsets = 3\n'
        '[[steps]]\nexercise = "cat-cow"\nreps = 10\n[steps.timing]\ntrim = false\n',
    )
    result = run(tmp_path, "plan", path, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (session,) = data["sessions"]
    assert session["duration_s"] <= 180
    bridge, cat_cow = session["steps"]
    assert bridge["sets"] < 3 and cat_cow["reps"] == 10
    assert session["notes"] and "Time-boxed to 3 min" in session["notes"][0]
    text = run(tmp_path, "plan", path).output
    assert "Time-boxed to 3 min" in text


@pytest.mark.parametrize(
    "value, words",
    [("0", "minutes: must be between 1 and 240 min; got 0"), ('"ten"', "expected a number")],
)
def test_bad_minutes_are_located_errors(tmp_path, value, words):
    path = routine(tmp_path, f'strategy = "time-boxed"\nminutes = {value}', '[[steps]]\nexercise = "cat-cow"\n')
    result = run(tmp_path, "check", path)
    assert result.exit_code == 2
    assert path in result.output and "timing" in result.output and words in result.output
