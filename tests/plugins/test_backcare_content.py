"""The built-in back-care content: catalogue coverage, honest tagging, doses and routines."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import supple_backcare
from supple.model.vocabulary import EQUIPMENT, KINDS, POSITIONS, REGIONS, TAGS
from supple_backcare import exercises as backcare_exercises
from supple_backcare.sources import ARTICLES, CLINICAL

REPO = Path(__file__).resolve().parents[2]
ROUTINES = REPO / "routines"
ROUTINE_FILES = sorted(ROUTINES.glob("*.toml"))

EXERCISES = {exercise.id: exercise for exercise in backcare_exercises.EXERCISES}
ARTICLE_BY_NUMBER = {source.ref.removeprefix("article ")[:3]: source.ref for source in ARTICLES}

# The words that mean a joint is meant to crack (not "popular", "snapshot"...).
CRACK_WORDS = re.compile(r"\b(crack(s|ed|ing)?|snap(s|ped|ping)?|pop(s|ped|ping)?)\b", re.I)

# Each article's routine and the article it reproduces.
ARTICLE_ROUTINES = {
    "thoracic-rotation-daily": "000",
    "back-release-stretches": "001",
    "gentle-lower-back": "002",
    "stretch-and-strengthen": "003",
    "seven-exercises": "004",
}
COMPOSED_ROUTINES = {"morning-mobility", "desk-break"}


def coverage_rows() -> list[dict[str, str]]:
    """The rows of the coverage table in the comment at the top of exercises.py."""
    text = Path(backcare_exercises.__file__).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.startswith("# |"):
            continue
        cells = [cell.strip() for cell in line[2:].strip().strip("|").split("|")]
        if cells[0] in ("file",) or set(cells[0]) <= {"-"}:
            continue
        rows.append(dict(zip(("file", "section", "id", "crack"), cells)))
    return rows


def all_text(exercise) -> str:
    return " ".join(
        (
            exercise.name,
            exercise.summary,
            exercise.breathing,
            *exercise.instructions,
            *exercise.cues,
            *exercise.cautions,
        )
    )


def load_routine(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def step_ids(path: Path) -> list[str]:
    """The exercise ids a bundled routine's steps name (each written as ``backcare/ID``)."""
    return [step["exercise"].removeprefix("backcare/") for step in load_routine(path)["steps"]]


# --- the exercise set --------------------------------------------------------------------------


def test_the_plugin_contributes_one_valid_backcare_set_with_every_exercise():
    (exercise_set,) = list(supple_backcare.supple_exercise_sets())
    assert exercise_set.name == "backcare"
    assert exercise_set.title
    assert {exercise.id for exercise in exercise_set.exercises} == set(EXERCISES)
    assert len(EXERCISES) == len(backcare_exercises.EXERCISES), "exercise ids must be unique"


def test_ids_named_in_the_brief_exist():
    assert {"cat-cow", "childs-pose", "side-lying-thoracic-rotation"} <= set(EXERCISES)


def test_every_article_is_cited_by_at_least_one_exercise():
    cited = {source.ref for exercise in EXERCISES.values() for source in exercise.sources}
    for article in ARTICLES:
        assert article.ref in cited, f"no exercise cites {article.ref}"


def test_every_exercise_cites_only_known_sources():
    known = {source.ref for source in (*ARTICLES, *CLINICAL)}
    for exercise in EXERCISES.values():
        for source in exercise.sources:
            assert source.ref in known, f"{exercise.id} cites unknown source {source.ref!r}"


def test_every_exercise_adapts_at_least_one_article():
    articles = {source.ref for source in ARTICLES}
    for exercise in EXERCISES.values():
        assert articles & {s.ref for s in exercise.sources}, f"{exercise.id} cites no article"


def test_coverage_table_names_only_existing_exercises():
    rows = coverage_rows()
    assert rows, "the coverage table in exercises.py is missing"
    for row in rows:
        assert row["id"] in EXERCISES, f"coverage row {row} names an unknown exercise"


def test_coverage_table_has_rows_for_every_article_and_each_row_is_cited():
    rows = coverage_rows()
    assert {row["file"] for row in rows} == set(ARTICLE_BY_NUMBER)
    for row in rows:
        article = ARTICLE_BY_NUMBER[row["file"]]
        cited = {source.ref for source in EXERCISES[row["id"]].sources}
        assert article in cited, f"{row['id']} is mapped from {article} but does not cite it"


def test_coverage_table_counts_every_description_in_the_articles():
    counts: dict[str, int] = {}
    for row in coverage_rows():
        counts[row["file"]] = counts.get(row["file"], 0) + 1
    # 000: the rotation and its weighted progression; 001: twelve moves; 002 and 003: five
    # each; 004: seven.
    assert counts == {"000": 2, "001": 12, "002": 5, "003": 5, "004": 7}


def test_every_cited_article_appears_in_the_coverage_table():
    mapped = {(row["id"], ARTICLE_BY_NUMBER[row["file"]]) for row in coverage_rows()}
    variants = {
        "standing-gentle-rotation",
        "seated-gentle-rotation",
        "standing-gentle-back-extension",
        "seated-gentle-back-extension",
        "seated-pelvic-tilt",
        "seated-figure-4-stretch",
        "standing-hip-flexor-stretch",
        "sit-to-stand",
    }
    for exercise in EXERCISES.values():
        if exercise.id in variants:
            continue
        for source in exercise.sources:
            if source.ref in ARTICLE_BY_NUMBER.values():
                assert (exercise.id, source.ref) in mapped, (exercise.id, source.ref)


# --- honest tagging of the cracking moves ------------------------------------------------------


def test_movements_an_article_says_crack_are_tagged_self_manipulation():
    cracking = [row["id"] for row in coverage_rows() if row["crack"] == "yes"]
    assert len(cracking) >= 5
    for exercise_id in cracking:
        assert "self-manipulation" in EXERCISES[exercise_id].tags, exercise_id


def test_exercises_whose_text_mentions_cracking_are_tagged_self_manipulation():
    for exercise in EXERCISES.values():
        if CRACK_WORDS.search(all_text(exercise)):
            assert "self-manipulation" in exercise.tags, exercise.id


def test_no_instructions_or_cues_mention_cracking_popping_or_snapping():
    for exercise in EXERCISES.values():
        for line in (*exercise.instructions, *exercise.cues, exercise.breathing):
            assert not CRACK_WORDS.search(line), f"{exercise.id}: {line!r}"


def test_self_manipulation_exercises_say_plainly_they_are_not_recommended():
    manipulations = [e for e in EXERCISES.values() if "self-manipulation" in e.tags]
    assert manipulations
    for exercise in manipulations:
        cautions = " ".join(exercise.cautions).lower()
        assert "does not recommend" in cautions, exercise.id
        assert "safety filters" in cautions, exercise.id
        assert exercise.easier, f"{exercise.id} needs a safer variant to be replaced by"
        for variant in exercise.easier:
            assert "self-manipulation" not in EXERCISES[variant].tags


def test_neck_extension_moves_from_article_001_are_tagged():
    for exercise_id in (
        "standing-overhead-arch-release",
        "chair-backrest-extension-release",
        "bed-edge-back-extension",
    ):
        tags = EXERCISES[exercise_id].tags
        assert {"neck-extension", "overpressure", "self-manipulation"} <= tags, exercise_id


def test_the_articles_false_claims_about_cracking_are_not_repeated():
    false_claims = re.compile(
        r"\bair\b|cardiovascular|circulation|osteoarthritis|tendinitis|cartilage", re.I
    )
    for exercise in EXERCISES.values():
        assert not false_claims.search(all_text(exercise)), exercise.id


def test_positions_are_fields_not_tags_and_tags_come_from_the_vocabulary():
    for exercise in EXERCISES.values():
        assert exercise.kind in KINDS and exercise.position in POSITIONS
        assert exercise.tags <= set(TAGS), f"{exercise.id}: {set(exercise.tags) - set(TAGS)}"
        assert set(exercise.regions) <= set(REGIONS), exercise.id
        assert set(exercise.equipment) <= set(EQUIPMENT), exercise.id


def test_floor_exercises_are_tagged_floor():
    for exercise in EXERCISES.values():
        if exercise.position in ("supine", "prone", "side-lying", "quadruped", "kneeling"):
            if "bed" not in exercise.equipment:
                assert "floor" in exercise.tags, exercise.id


def test_deep_forward_bends_carry_end_range_flexion():
    for exercise_id in ("childs-pose", "double-knee-to-chest", "seated-hamstring-stretch"):
        assert "end-range-flexion" in EXERCISES[exercise_id].tags, exercise_id


def test_foam_roller_is_tagged_for_direct_pressure():
    assert {"foam-roller", "direct-pressure"} <= EXERCISES["thoracic-foam-roll"].tags


# --- variants, doses -------------------------------------------------------------------------


def test_every_easier_and_harder_variant_exists():
    for exercise in EXERCISES.values():
        for variant in (*exercise.easier, *exercise.harder):
            assert variant in EXERCISES, f"{exercise.id} names missing variant {variant!r}"
            assert variant != exercise.id


def test_harder_variants_never_lead_into_self_manipulation():
    for exercise in EXERCISES.values():
        for variant in exercise.harder:
            assert "self-manipulation" not in EXERCISES[variant].tags, (exercise.id, variant)


def test_toe_touch_stretch_has_a_neutral_spine_variant():
    (variant,) = EXERCISES["seated-hamstring-stretch"].easier
    assert not EXERCISES[variant].has_any("spinal-flexion", "end-range-flexion", "loaded-flexion")


def test_thoracic_rotation_dose_is_fifteen_slow_reps_per_side_as_in_article_000():
    dose = EXERCISES["side-lying-thoracic-rotation"].dose
    assert (dose.reps, dose.per_side, dose.load_kg) == (15, True, 0)
    assert EXERCISES["side-lying-thoracic-rotation-weighted"].dose.load_kg == 1


def test_standing_back_extension_is_at_most_three_reps_as_in_article_001():
    assert EXERCISES["standing-back-extension"].dose.reps == 3


def test_article_004_three_sets_of_ten():
    for exercise_id in ("deep-squat", "pelvic-lift"):
        dose = EXERCISES[exercise_id].dose
        assert (dose.sets, dose.reps) == (3, 10), exercise_id


def test_moves_with_a_wait_an_hour_rule_have_a_one_hour_interval():
    for exercise_id in ("standing-rotation-release", "thoracic-foam-roll"):
        assert EXERCISES[exercise_id].min_interval_s == 3600, exercise_id


def test_every_exercise_has_instructions_and_a_caution():
    for exercise in EXERCISES.values():
        assert exercise.summary and exercise.instructions and exercise.cautions, exercise.id
        assert exercise.regions, exercise.id


# --- routines ----------------------------------------------------------------------------------


def test_one_routine_per_article_and_the_two_composed_routines_are_bundled():
    assert {path.stem for path in ROUTINE_FILES} == set(ARTICLE_ROUTINES) | COMPOSED_ROUTINES


@pytest.mark.parametrize("path", ROUTINE_FILES, ids=lambda path: path.stem)
def test_routine_file_parses_and_names_only_catalogue_ids_qualified_with_the_set(path):
    # qualified, so that another installed set with the same ids cannot make them ambiguous
    data = load_routine(path)
    assert data["routine"]["title"]
    assert data["steps"]
    for number, step in enumerate(data["steps"], start=1):
        set_name, _, exercise = step["exercise"].partition("/")
        assert set_name == "backcare", f"{path.name} steps[{number}]: {step['exercise']}"
        assert exercise in EXERCISES, f"{path.name} steps[{number}]: {step['exercise']}"


def test_bundled_routines_still_plan_when_another_installed_set_has_the_same_ids():
    import types

    import supple
    from supple.testing import make_registry, plan_routine

    @supple.hookimpl
    def supple_exercise_sets():
        yield supple.ExerciseSet(name="copycat", title="Copycat", exercises=backcare_exercises.EXERCISES)

    registry = make_registry(types.SimpleNamespace(__name__="copycat", supple_exercise_sets=supple_exercise_sets),
                             builtins=True)
    for path in ROUTINE_FILES:
        plan = plan_routine(str(path), registry)
        assert {s.exercise.id for s in plan.sessions[0].steps} <= set(EXERCISES), path.name
        assert plan.related and all(entry.set_name == "backcare" for entry in plan.related), path.name


@pytest.mark.parametrize("path", ROUTINE_FILES, ids=lambda path: path.stem)
def test_routine_file_has_its_id_revision_and_a_valid_schedule(path):
    data = load_routine(path)
    assert data["routine"]["id"] == path.stem
    assert data["routine"]["revised"] == dt.date(2026, 11, 1)
    schedule = data["schedule"]
    # a template: whoever plans it gives the start and the zone (or gets tomorrow, locally)
    assert "start" not in schedule and "timezone" not in schedule
    assert 4 <= schedule["weeks"] <= 8
    assert schedule["times"]
    for time in schedule["times"]:
        assert re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", time), time
    assert data["timing"]["strategy"] == "steady"
    assert data["progression"]["strategy"] == "none"


@pytest.mark.parametrize("stem, number", sorted(ARTICLE_ROUTINES.items()))
def test_each_article_routine_uses_only_that_articles_exercises(stem, number):
    article = ARTICLE_BY_NUMBER[number]
    for exercise_id in step_ids(ROUTINES / f"{stem}.toml"):
        cited = {source.ref for source in EXERCISES[exercise_id].sources}
        assert article in cited, f"{stem} uses {exercise_id}, which {article} does not describe"


@pytest.mark.parametrize("stem, number", sorted(ARTICLE_ROUTINES.items()))
def test_each_article_routine_covers_every_movement_of_its_article(stem, number):
    expected = {row["id"] for row in coverage_rows() if row["file"] == number}
    if number == "000":
        expected.discard("side-lying-thoracic-rotation-weighted")  # a later progression
    assert expected <= set(step_ids(ROUTINES / f"{stem}.toml"))


def test_article_000_routine_is_fifteen_reps_per_side_daily():
    data = load_routine(ROUTINES / "thoracic-rotation-daily.toml")
    (step,) = data["steps"]
    assert (step["exercise"].removeprefix("backcare/"), step["reps"], step["per_side"]) == (
        "side-lying-thoracic-rotation",
        15,
        True,
    )
    assert data["schedule"]["days"] == "daily"


def test_article_001_routine_says_its_cracking_moves_are_filtered_and_runs_once_a_day():
    data = load_routine(ROUTINES / "back-release-stretches.toml")
    assert "safety filters" in data["routine"]["summary"]
    assert len(data["schedule"]["times"]) == 1
    extension = [s for s in data["steps"] if s["exercise"] == "backcare/standing-back-extension"]
    assert extension and all(s["reps"] <= 3 for s in extension)


def test_article_002_routine_runs_twice_a_day():
    data = load_routine(ROUTINES / "gentle-lower-back.toml")
    assert len(data["schedule"]["times"]) == 2


def test_article_004_routine_keeps_three_sets_of_ten():
    steps = load_routine(ROUTINES / "seven-exercises.toml")["steps"]
    for exercise_id in ("deep-squat", "pelvic-lift"):
        (step,) = [s for s in steps if s["exercise"] == f"backcare/{exercise_id}"]
        assert (step["sets"], step["reps"]) == (3, 10), exercise_id


def test_desk_break_uses_only_seated_or_standing_exercises_and_no_floor():
    for exercise_id in step_ids(ROUTINES / "desk-break.toml"):
        exercise = EXERCISES[exercise_id]
        assert exercise.position in ("seated", "standing"), exercise_id
        assert "floor" not in exercise.tags, exercise_id


def test_composed_routines_contain_no_self_manipulation():
    for stem in COMPOSED_ROUTINES:
        for exercise_id in step_ids(ROUTINES / f"{stem}.toml"):
            assert not EXERCISES[exercise_id].has_any("self-manipulation", "overpressure"), (
                stem,
                exercise_id,
            )


def test_morning_mobility_is_short_and_includes_strength_or_motor_control():
    ids = step_ids(ROUTINES / "morning-mobility.toml")
    assert 3 <= len(ids) <= 5
    assert any(EXERCISES[i].kind in ("strength", "motor-control") for i in ids)


# --- the routines hook and import cost ---------------------------------------------------------


def test_routines_hook_lists_every_file_with_its_title_and_one_default():
    bundled = list(supple_backcare.supple_routines())
    assert [b.name for b in bundled] == [path.stem for path in ROUTINE_FILES]
    for routine in bundled:
        assert Path(routine.path).is_file()
        assert routine.title == load_routine(Path(routine.path))["routine"]["title"]
    assert [b.name for b in bundled if b.default] == ["morning-mobility"]


def test_importing_the_plugin_does_not_build_the_catalogue_or_read_toml():
    code = (
        "import sys, supple_backcare; "
        "assert 'tomllib' not in sys.modules, 'tomllib imported'; "
        "assert 'supple_backcare.exercises' not in sys.modules, 'catalogue built'"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
