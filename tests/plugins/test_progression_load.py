"""The ``load`` progression strategy: about 1 kg more, only when pain is known to be low
(article 000; clinical-rules.md section 4)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple_progression import load
from supple_progression.load import LoadOptions

EXERCISE = supple.Exercise(
    id="x", name="X", summary="X.", kind="mobility", position="side-lying",
    dose=supple.Dose(reps=15, per_side=True), sources=(supple.Source("test"),),
)


def context(pain):
    return supple.ProgressionContext(exercise=EXERCISE, weeks=12, pain=pain)


def series(base, options, pain, count=12):
    assert list(load.check(base, options)) == []
    return [(d.reps, d.load_kg) for d in (load.dose_for(base, w, options, context(pain)) for w in range(1, count + 1))]


BASE = supple.Dose(reps=15, per_side=True)
RANGE = LoadOptions(max_reps=20)


def test_with_low_pain_reps_climb_to_the_top_then_one_kg_is_added_and_reps_start_again():
    assert series(BASE, RANGE, pain=2, count=9) == [
        (15, 0), (16, 0), (17, 0), (18, 0), (19, 0), (20, 0),
        (15, 1.0), (16, 1.0), (17, 1.0),
    ]


def test_without_a_pain_score_no_weight_is_added_and_reps_stay_at_the_top():
    assert series(BASE, RANGE, pain=None, count=9) == [
        (15, 0), (16, 0), (17, 0), (18, 0), (19, 0), (20, 0), (20, 0), (20, 0), (20, 0),
    ]


@pytest.mark.parametrize("pain", [4, 5, 8])
def test_pain_above_the_green_zone_adds_no_weight(pain):
    assert all(kg == 0 for _, kg in series(BASE, RANGE, pain=pain))


def test_max_pain_can_be_set_and_pain_exactly_at_it_counts_as_low():
    assert series(BASE, RANGE, pain=3)[6] == (15, 1.0)
    assert series(BASE, LoadOptions(max_reps=20, max_pain=5), pain=5)[6] == (15, 1.0)
    assert series(BASE, LoadOptions(max_reps=20, max_pain=0), pain=1)[6] == (20, 0)


def test_by_default_weight_is_added_once_and_max_kg_allows_more():
    once = series(BASE, RANGE, pain=0, count=14)
    assert max(kg for _, kg in once) == 1.0 and once[-1] == (20, 1.0)
    twice = series(BASE, LoadOptions(max_reps=20, max_kg=2), pain=0, count=14)
    assert twice[12] == (15, 2.0) and twice[13] == (16, 2.0)


def test_reps_can_climb_faster_and_the_top_is_never_passed():
    assert series(BASE, LoadOptions(max_reps=20, reps=2), pain=1, count=6) == [
        (15, 0), (17, 0), (19, 0), (20, 0), (15, 1.0), (17, 1.0),
    ]


def test_after_week_adds_weight_from_the_next_week_then_every_few_weeks_up_to_the_cap():
    options = LoadOptions(after_week=2, every=2, kg=0.5, max_kg=1.5)
    assert series(supple.Dose(reps=10, load_kg=0.5), options, pain=2, count=9) == [
        (10, 0.5), (10, 0.5), (10, 1.0), (10, 1.0), (10, 1.5), (10, 1.5), (10, 1.5), (10, 1.5), (10, 1.5),
    ]


def test_a_held_stretch_is_left_as_it_is():
    stretch = supple.Dose(hold_s=30)
    assert load.dose_for(stretch, 9, RANGE, context(0)) is stretch


@pytest.mark.parametrize(
    "base, options, words",
    [
        (BASE, LoadOptions(), "say when weight is added"),
        (BASE, LoadOptions(after_week=2, max_reps=20), "give after_week or max_reps, not both"),
        (BASE, LoadOptions(max_reps=12), "max_reps (12) is below the starting dose (15 reps)"),
        (supple.Dose(reps=10, load_kg=2), LoadOptions(after_week=1, max_kg=1),
         "max_kg (1 kg) is below the starting weight (2 kg)"),
        (BASE, LoadOptions(after_week=1, max_kg=0.5), "max_kg (0.5 kg) leaves no room to add 1 kg"),
    ],
)
def test_check_reports_options_that_cannot_work(base, options, words):
    assert any(words in p for p in load.check(base, options))


ROUTINE = """[routine]
title = "Rotation"
[schedule]
start = 2026-12-07
weeks = 8
times = ["07:30"]
timezone = "Europe/Madrid"
[[steps]]
exercise = "side-lying-thoracic-rotation"
reps = 15
per_side = true
[steps.progression]
strategy = "load"
max_reps = 20
"""


def plan_json(tmp_path, *extra):
    path = tmp_path / "rotation.toml"
    path.write_text(ROUTINE, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["plan", str(path), "--json", *extra], env={"SUPPLE_CONFIG_DIR": str(tmp_path / "c")}
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def by_week(data):
    return {s["week"]: (s["steps"][0]["reps"], s["steps"][0]["load_kg"]) for s in data["sessions"]}


def test_the_plan_adds_weight_only_with_a_profile_that_says_pain_is_low(tmp_path):
    assert by_week(plan_json(tmp_path))[7] == (20, 0)
    low = tmp_path / "low.toml"
    start = plan_json(tmp_path)["sessions"][6 * 7]["start"][:10]  # week 7's first session
    low.write_text(f"[profile]\npain = 2\npain_date = {start}\n", encoding="utf-8")
    weeks = by_week(plan_json(tmp_path, "--profile", str(low)))
    assert weeks[6] == (20, 0) and weeks[7] == (15, 1)
    # a score from the first week says nothing about week 7: no weight without new evidence
    low.write_text("[profile]\npain = 2\n", encoding="utf-8")
    assert by_week(plan_json(tmp_path, "--profile", str(low)))[7] == (20, 0)
    high = tmp_path / "high.toml"
    high.write_text("[profile]\npain = 4\n", encoding="utf-8")
    assert all(kg == 0 for _, kg in by_week(plan_json(tmp_path, "--profile", str(high))).values())


@pytest.mark.parametrize(
    "table, key, words",
    [
        ("kg = 0", "steps[1].progression.kg", "must be between 0.25 kg and 10 kg; got 0 kg"),
        ("max_pain = 11", "steps[1].progression.max_pain", "must be between 0 and 10; got 11"),
        ("max_reps = 12", "steps[1].progression", "max_reps (12) is below the starting dose (15 reps)"),
        ("max_kg = -1", "steps[1].progression.max_kg", "must be between 0 kg and 50 kg"),
    ],
)
def test_bad_load_options_are_located_errors_with_exit_2(tmp_path, table, key, words):
    path = tmp_path / "bad.toml"
    text = ROUTINE.replace("max_reps = 20\n", "") + table + "\n"
    if "max_reps" not in table:
        text += "max_reps = 20\n"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)], env={"SUPPLE_CONFIG_DIR": str(tmp_path / "c")})
    assert result.exit_code == 2, result.output
    assert f"{path}: {key}: " in result.output and words in result.output
