"""The ``json`` exporter: the plan in the product brief's JSON shape, as deterministic bytes.

Golden file: tests/plugins/golden/morning-mobility.json. Regenerate after a deliberate change:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/plugins/test_markdown_handout.py tests/plugins/test_json_export.py
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import attrs
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple.testing import make_registry, plan_routine

GOLDEN = Path(__file__).parent / "golden"
ACTIONS = {"removed", "replaced", "capped", "warned", "refused", "postponed", "waived"}
STEP_KEYS = {"exercise", "sets", "reps", "hold_s", "per_side", "rest_s", "load_kg"}
SAFETY_KEYS = {"rule", "action", "exercise", "reason", "source"}
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def export(routine: str, *plugins, profile=None) -> bytes:
    from supple_json import render

    plan = plan_routine(routine, make_registry(*plugins, builtins=True), profile)
    return render(plan, None)


class SwapFilter:
    """Replaces cat-cow by child's pose and removes the glute bridge, whatever the profile."""

    @supple.hookimpl
    def supple_safety_filters(self):
        def apply(steps, context):
            kept, findings = [], []
            for step in steps:
                if step.exercise.id == "glute-bridge":
                    findings.append(supple.SafetyFinding(
                        rule="test-remove", action="removed", exercise="glute-bridge",
                        step=step.number, reason="Test reason.", source="Test source"))
                    continue
                if step.exercise.id == "cat-cow":
                    other = context.catalogue.get("childs-pose").exercise
                    findings.append(supple.SafetyFinding(
                        rule="test-swap", action="replaced", exercise="cat-cow", step=step.number,
                        replacement="childs-pose", reason="Swap.", source="Test source"))
                    step = attrs.evolve(step, exercise=other)
                kept.append(step)
            return supple.SafetyResult(steps=kept, findings=findings)

        yield supple.SafetyFilter(name="test-swap-filter", summary="test", apply=apply)


ROUTINE = """\
[routine]
title = "Across the clock change"

[schedule]
start = 2027-03-22
weeks = 2
days = ["mon", "sat", "sun"]
times = ["07:30"]
timezone = "Europe/Madrid"

[[steps]]
exercise = "cat-cow"
reps = 10

[[steps]]
exercise = "glute-bridge"
reps = 8
sets = 2
rest = "30s"

[[steps]]
exercise = "side-lying-thoracic-rotation"
reps = 6
per_side = true
load_kg = 1.5
"""


def test_bundled_routine_matches_its_golden_file_and_is_deterministic():
    # the routine is a template: the golden file fixes its start and zone
    first = run("export", "morning-mobility", "--to", "json", "--start", "2026-12-07", "--timezone", "Europe/Madrid")
    second = run("export", "morning-mobility", "--to", "json", "--start", "2026-12-07", "--timezone", "Europe/Madrid")
    assert first.exit_code == 0, first.output
    assert first.stdout_bytes == second.stdout_bytes
    path = GOLDEN / "morning-mobility.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(first.stdout_bytes)
    assert first.stdout_bytes == path.read_bytes(), "differs from golden (UPDATE_GOLDEN=1 regenerates)"


def test_export_is_the_same_document_as_plan_json():
    exported = run("export", "morning-mobility", "--to", "json").stdout_bytes
    planned = run("plan", "morning-mobility", "--json").stdout_bytes
    assert json.loads(exported) == json.loads(planned)
    assert exported == planned


def test_plan_has_the_product_brief_shape():
    data = json.loads(export(ROUTINE, SwapFilter()))
    assert data["routine"]["title"] == "Across the clock change"
    assert len(data["sessions"]) == 6
    for session in data["sessions"]:
        assert ISO_WITH_OFFSET.match(session["start"])
        assert isinstance(session["week"], int) and session["week"] >= 1
        assert isinstance(session["duration_s"], int) and session["duration_s"] > 0
        for step in session["steps"]:
            assert STEP_KEYS <= set(step)
            assert isinstance(step["exercise"], str) and isinstance(step["per_side"], bool)
            for key in ("sets", "reps", "hold_s", "rest_s"):
                assert isinstance(step[key], int)
            assert isinstance(step["load_kg"], (int, float))
    for finding in data["safety"]:
        assert SAFETY_KEYS <= set(finding) and finding["action"] in ACTIONS
    assert data["disclaimer"] == supple.DISCLAIMER


def test_starts_carry_their_offset_across_a_clock_change():
    data = json.loads(export(ROUTINE))
    starts = [s["start"] for s in data["sessions"]]
    assert starts == [
        "2027-03-22T07:30:00+01:00", "2027-03-27T07:30:00+01:00", "2027-03-28T07:30:00+02:00",
        "2027-03-29T07:30:00+02:00", "2027-04-03T07:30:00+02:00", "2027-04-04T07:30:00+02:00",
    ]
    assert [s["week"] for s in data["sessions"]] == [1, 1, 1, 2, 2, 2]


def test_steps_give_the_dose_in_the_documented_units():
    data = json.loads(export(ROUTINE))
    steps = {s["exercise"]: s for s in data["sessions"][0]["steps"]}
    assert {k: steps["glute-bridge"][k] for k in STEP_KEYS} == {
        "exercise": "glute-bridge", "sets": 2, "reps": 8, "hold_s": steps["glute-bridge"]["hold_s"],
        "per_side": False, "rest_s": 30, "load_kg": 0,
    }
    rotation = steps["side-lying-thoracic-rotation"]
    assert rotation["per_side"] is True and rotation["load_kg"] == 1.5 and rotation["reps"] == 6


def test_safety_findings_say_rule_action_exercise_reason_and_source():
    data = json.loads(export(ROUTINE, SwapFilter()))
    found = [{k: f[k] for k in (*SAFETY_KEYS, "step", "replacement")} for f in data["safety"]]
    assert found == [
        {"rule": "test-swap", "action": "replaced", "exercise": "cat-cow", "reason": "Swap.",
         "source": "Test source", "step": 1, "replacement": "childs-pose"},
        {"rule": "test-remove", "action": "removed", "exercise": "glute-bridge",
         "reason": "Test reason.", "source": "Test source", "step": 2, "replacement": None},
    ]
    exercises = [s["exercise"] for s in data["sessions"][0]["steps"]]
    assert exercises == ["childs-pose", "side-lying-thoracic-rotation"]


def test_routine_without_schedule_has_one_session_with_null_start():
    routine = ROUTINE.split("[schedule]")[0] + ROUTINE[ROUTINE.index("[[steps]]"):]
    data = json.loads(export(routine))
    assert len(data["sessions"]) == 1
    assert data["sessions"][0]["start"] is None and data["sessions"][0]["week"] == 1
    assert data["routine"]["timezone"] is None


def test_no_raw_control_characters_reach_the_output():
    hostile = "A\x1b[31m red\x9b2J \u2028line\x7f"

    class Hostile:
        @supple.hookimpl
        def supple_exercise_sets(self):
            yield supple.ExerciseSet(name="hostile", title="t", exercises=(supple.Exercise(
                id="odd", name=hostile, summary="s", kind="mobility", position="supine",
                dose=supple.Dose(reps=1), sources=(supple.Source("x"),)),))

    data = export('[routine]\ntitle = "t"\n[[steps]]\nexercise = "odd"\nnote = "n"\n', Hostile())
    text = data.decode("utf-8")
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]", text)
    assert json.loads(text)["sessions"][0]["steps"][0]["name"] == hostile  # escaped, not lost


def test_output_file_is_written_whole_and_never_over_an_input(tmp_path):
    routine = tmp_path / "r.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    out = tmp_path / "plan.json"
    result = run("export", routine, "--to", "json", "-o", out)
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["routine"]["title"] == "Across the clock change"
    before = routine.read_bytes()
    result = run("export", routine, "--to", "json", "-o", routine)
    assert result.exit_code == 2 and "refusing to overwrite an input file" in result.stderr
    assert routine.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json", "r.toml"]


def test_json_exporter_takes_no_options(tmp_path):
    routine = tmp_path / "r.toml"
    routine.write_text(ROUTINE, encoding="utf-8")
    result = run("export", routine, "--to", "json", "-O", "indent=4")
    assert result.exit_code == 2
    assert "takes no options" in result.stderr and "Traceback" not in result.output
