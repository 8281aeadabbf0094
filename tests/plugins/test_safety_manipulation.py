"""No forced manipulation, on by default: steps meant to crack the spine are replaced or
removed, push-until-it-pops text is caught in instructions and notes, a waiver is printed, and
the neck part can never be waived."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import supple
import supple_progression
import supple_safety
import supple_timing
from supple.cli import cli
from supple.plugin.manager import registry_from_plugins
from supple.testing import plan_routine
from supple_safety.manipulation import forcing_text

SRC = (supple.Source("test-handout"),)


def ex(id, tags=(), position="standing", instructions=("Move slowly.",), **kw):
    return supple.Exercise(id=id, name=id.replace("-", " ").title(), summary="s", kind="mobility",
                           position=position, dose=supple.Dose(reps=3), tags=tags, sources=SRC,
                           instructions=instructions, **kw)


class Content:
    @supple.hookimpl
    def supple_exercise_sets(self):
        yield supple.ExerciseSet(name="mp", title="Manipulation", exercises=[
            ex("twist-crack", tags=("spinal-rotation", "self-manipulation"), easier=("twist-easy",)),
            ex("twist-push", tags=("spinal-rotation", "overpressure"), easier=("twist-easy",)),
            ex("twist-easy", tags=("spinal-rotation",)),
            # Untagged, but its text teaches forcing a crack: caught by the text.
            ex("sneaky-twist", instructions=("Turn to the left.", "Keep turning until your back pops."),
               easier=("twist-easy",)),
            ex("lone-crack", tags=("self-manipulation",)),
            ex("neck-crack", tags=("self-manipulation", "neck-extension"), easier=("neck-easy",)),
            ex("neck-easy", position="seated", regions=("neck",)),
            ex("careful-twist", instructions=("Turn gently; never push until it pops.",)),
        ])


@pytest.fixture(scope="module")
def registry():
    return registry_from_plugins({"content": Content(), "safety": supple_safety, "timing": supple_timing,
                                  "progression": supple_progression})


def routine(*steps, extra=""):
    body = ""
    for step in steps:
        exercise, _, note = step.partition("|")
        body += f'[[steps]]\nexercise = "{exercise}"\n' + (f'note = "{note}"\n' if note else "")
    return f'[routine]\ntitle = "M"\n{extra}{body}'


def changes(plan):
    return {(f.rule, f.action, f.exercise, f.replacement) for f in plan.safety}


@pytest.mark.parametrize("text", [
    "Push until it pops.", "Keep twisting till the spine cracks", "When your back snaps, repeat on the other side.",
    "Crack your lower back by leaning over the chair", "Lean back and make it pop", "Twist, then force the joint to click.",
])
def test_forcing_phrases_are_caught(text):
    assert forcing_text(text)


@pytest.mark.parametrize("text", [
    "Never push until it pops.", "Do not try to crack your back.", "It may click now and then; that is harmless.",
    "Hold until you feel a mild stretch.", "A popular stretch for the upper back.", "Stop if you feel pain.",
    "Avoid forcing the twist until it cracks.",
])
def test_advice_and_harmless_words_are_not_caught(text):
    assert forcing_text(text) is None


def test_tagged_manipulation_is_replaced_by_a_gentle_variant_or_removed(registry):
    plan = plan_routine(routine("twist-crack", "twist-push", "lone-crack"), registry)
    assert [s.exercise.id for s in plan.sessions[0].steps] == ["twist-easy", "twist-easy"]
    assert changes(plan) == {
        ("no-forced-manipulation", "replaced", "twist-crack", "twist-easy"),
        ("no-forced-manipulation", "replaced", "twist-push", "twist-easy"),
        ("no-forced-manipulation", "removed", "lone-crack", None),
    }
    assert all("article 000" in f.source for f in plan.safety)


def test_instruction_text_that_teaches_forcing_a_crack_is_caught_without_a_tag(registry):
    plan = plan_routine(routine("sneaky-twist", "careful-twist"), registry)
    assert [s.exercise.id for s in plan.sessions[0].steps] == ["twist-easy", "careful-twist"]
    finding = plan.safety[0]
    assert finding.rule == "no-forced-manipulation" and "until your back pops" in finding.reason


def test_a_note_that_says_to_push_until_it_pops_is_left_out(registry):
    plan = plan_routine(routine("twist-easy|Push into the twist until your back pops.", "careful-twist|Go slowly."), registry)
    steps = plan.sessions[0].steps
    assert [s.note for s in steps] == ["", "Go slowly."]
    assert ("no-forced-manipulation", "capped", "twist-easy", None) in changes(plan)
    from supple.render.text import render_plan

    assert "until your back pops." not in render_plan(plan).replace("'", "").split("What the safety")[0]


def test_the_waiver_keeps_the_steps_and_is_printed_but_never_covers_the_neck(registry):
    text = routine("twist-crack", "neck-crack", "twist-easy|Push until it pops.")
    plan = plan_routine(text, registry, waive=["no-forced-manipulation", "no-neck-manipulation"])
    assert [s.exercise.id for s in plan.sessions[0].steps] == ["twist-crack", "neck-easy", "twist-easy"]
    assert plan.sessions[0].steps[2].note == "Push until it pops."
    found = changes(plan)
    assert ("no-forced-manipulation", "waived", "twist-crack", None) in found
    assert ("no-neck-manipulation", "replaced", "neck-crack", "neck-easy") in found
    neck = next(f for f in plan.safety if f.rule == "no-neck-manipulation")
    assert "cannot be waived" in neck.reason and "Mosby 2011" in neck.source
    from supple.render.json import plan_to_dict
    from supple.render.text import render_plan

    assert plan_to_dict(plan)["waived"] == ["no-forced-manipulation", "no-neck-manipulation"]
    assert "Safety rule waived: no-forced-manipulation (by you, on the command line" in render_plan(plan)


def test_the_manipulation_rules_are_declared_with_the_neck_fixed(registry):
    flt = registry.safety_filters["no-forced-manipulation"]
    assert set(flt.rules) == {"no-forced-manipulation", "no-neck-manipulation"}
    assert flt.fixed_rules == {"no-neck-manipulation"}


def test_the_bundled_catalogue_teaches_no_crack_outside_its_tagged_exercises():
    import supple_backcare.exercises as content
    from supple_safety.manipulation import instruction_text

    flagged = [e.id for e in content.EXERCISES if instruction_text(e) and "self-manipulation" not in e.tags]
    assert flagged == []


def test_a_waiver_is_printed_in_the_plan_json_and_every_export(tmp_path, monkeypatch):
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(tmp_path / "config"))
    runner = CliRunner()
    args = ["back-release-stretches", "--allow", "no-forced-manipulation"]
    text = runner.invoke(cli, ["plan", *args])
    assert "Safety rule waived: no-forced-manipulation (by you, on the command line" in text.stdout
    assert "supple is not medical advice" in text.stdout
    data = json.loads(runner.invoke(cli, ["plan", *args, "--json"]).stdout)
    assert data["waived"] == ["no-forced-manipulation"]
    assert ("no-forced-manipulation", "waived") in {(f["rule"], f["action"]) for f in data["safety"]}
    assert ("no-neck-manipulation", "replaced") in {(f["rule"], f["action"]) for f in data["safety"]}
    for fmt in ("md", "ics", "json"):
        result = runner.invoke(cli, ["export", *args, "--to", fmt])
        assert result.exit_code == 0, result.output
        assert "no-forced-manipulation" in result.stdout.replace("\r\n ", ""), fmt
