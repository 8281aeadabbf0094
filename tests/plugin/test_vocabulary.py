"""The content contract: one vocabulary of kinds, positions, tags and regions, extended by
plugins through supple_vocabulary(); unknown terms are the plugin's error; position "unknown"
is treated conservatively; unreviewed sets are left out for people with a condition."""

from __future__ import annotations

import types

import pytest

import supple
from supple.testing import make_registry, plan_routine

from .bigset import load as load_bigset


def exercise(ident: str, **kw: object) -> supple.Exercise:
    fields: dict[str, object] = dict(
        id=ident, name=ident.title(), summary="S.", kind="mobility", position="seated",
        dose=supple.Dose(reps=5), sources=[supple.Source("t")])
    fields.update(kw)
    return supple.Exercise(**fields)  # type: ignore[arg-type]


def plugin(name: str, *exercises: supple.Exercise, terms: tuple[supple.Term, ...] = (),
           reviewed: bool = True) -> types.ModuleType:
    module = types.ModuleType(name)

    @supple.hookimpl
    def supple_exercise_sets():
        yield supple.ExerciseSet(name="extra", title="Extra", exercises=exercises,
                                 tags_reviewed=reviewed)

    @supple.hookimpl
    def supple_vocabulary():
        yield from terms

    module.supple_exercise_sets = supple_exercise_sets  # type: ignore[attr-defined]
    module.supple_vocabulary = supple_vocabulary  # type: ignore[attr-defined]
    return module


def test_a_misspelt_tag_fails_strict_mode_with_a_suggestion():
    bad = plugin("typo", exercise("curl-up", tags=["end-range-flexon"]))
    with pytest.raises(supple.PluginError, match="unknown tag 'end-range-flexon'.*end-range-flexion"):
        make_registry(bad, builtins=True, strict=True)


def test_in_normal_mode_the_exercise_is_left_out_and_the_plugin_reported():
    bad = plugin("typo", exercise("curl-up", tags=["end-range-flexon"]),
                 exercise("chin-tuck", easier=["curl-up"]), exercise("shrug", position="lying"))
    registry = make_registry(bad, builtins=True)
    assert [e.id for e in registry.exercise_sets["extra"].exercises] == ["chin-tuck"]
    assert registry.exercise_sets["extra"].exercises[0].easier == ()  # the link is dropped
    info = registry.plugin("typo")
    assert info is not None and info.status == "partial"
    assert any("extra/curl-up" in e and "end-range-flexon" in e for e in info.errors)
    assert any("extra/shrug" in e and "unknown position 'lying'" in e for e in info.errors)
    assert "backcare/cat-cow" in {e.ref for e in registry.catalogue}


@pytest.mark.parametrize("field, value", [("kind", "yoga"), ("regions", ["wrists"])])
def test_kinds_and_regions_are_checked_too(field, value):
    with pytest.raises(supple.PluginError, match=f"unknown {field.rstrip('s')} "):
        make_registry(plugin("p", exercise("x", **{field: value})), strict=True)


def test_a_plugin_adds_terms_and_may_use_them():
    terms = (supple.Term("tag", "overhead-reach", "the arms are raised above the head"),
             supple.Term("position", "hanging", "hanging from a bar"),
             supple.Term("kind", "balance-training", "trains standing balance"))
    good = plugin("words", exercise("reach", tags=["overhead-reach"], position="hanging",
                                    kind="balance-training"), terms=terms)
    registry = make_registry(good, builtins=True, strict=True)
    assert registry.catalogue.get("reach").exercise.position == "hanging"
    assert registry.vocabulary.terms("tag")["overhead-reach"] == (
        "the arms are raised above the head", "words")
    assert registry.vocabulary.terms("tag")["spinal-flexion"][1] is None
    assert registry.names("vocabulary term") == ["kind:balance-training", "position:hanging",
                                                 "tag:overhead-reach"]


def test_a_term_needs_a_definition_and_may_not_repeat_a_built_in_one():
    with pytest.raises(ValueError, match="definition"):
        supple.Term("tag", "x", " ")
    with pytest.raises(ValueError, match="kind must be one of"):
        supple.Term("colour", "x", "a colour")
    again = plugin("again", exercise("x"), terms=(supple.Term("tag", "floor", "on the floor"),))
    with pytest.raises(supple.PluginError, match="'floor' is built in already"):
        make_registry(again, strict=True)


ROUTINE = """
[routine]
title = "T"

[[steps]]
exercise = "{exercise}"

[[steps]]
exercise = "backcare/cat-cow"
"""


def ids(plan: supple.Plan) -> list[str]:
    return [s.exercise.id for s in plan.sessions[0].steps]


def test_unknown_position_counts_as_lying_on_the_back_for_the_pregnancy_rule():
    unsure = plugin("unsure", exercise("floor-stretch", position="unknown", kind="stretch",
                                       dose=supple.Dose(hold_s=20)))
    registry = make_registry(unsure, builtins=True, strict=True)
    plan = plan_routine(ROUTINE.format(exercise="floor-stretch"), registry,
                        "[profile]\npregnancy_week = 20\n")
    assert ids(plan) == ["cat-cow"]
    (found,) = [f for f in plan.safety if f.rule == "pregnancy-supine"]
    assert found.action == "removed" and "no known position" in found.reason
    # without pregnancy the exercise is planned
    plain = plan_routine(ROUTINE.format(exercise="floor-stretch"), registry)
    assert ids(plain) == ["floor-stretch", "cat-cow"]


OSTEOPOROSIS = "[profile]\nconditions = [\"osteoporosis\"]\n"


def test_an_unreviewed_set_is_left_out_for_a_person_with_a_condition_with_a_finding():
    registry = make_registry(plugin("imported", exercise("sit-up", kind="strength"), reviewed=False),
                             builtins=True, strict=True)
    plan = plan_routine(ROUTINE.format(exercise="sit-up"), registry, OSTEOPOROSIS)
    assert ids(plan) == ["cat-cow"]
    (found,) = [f for f in plan.safety if f.exercise == "sit-up"]
    assert (found.rule, found.action) == ("unreviewed-tags", "removed")
    assert "'extra'" in found.reason and "osteoporosis" in found.reason
    assert "no movement tag" in found.reason
    # the person may keep it, and the waiver is said
    kept = plan_routine(ROUTINE.format(exercise="sit-up"), registry, OSTEOPOROSIS,
                        waive=["unreviewed-tags"])
    assert ids(kept) == ["sit-up", "cat-cow"]
    assert any(f.rule == "unreviewed-tags" and f.action == "waived" for f in kept.safety)
    # no condition: nothing to say
    plain = plan_routine(ROUTINE.format(exercise="sit-up"), registry)
    assert ids(plain) == ["sit-up", "cat-cow"]
    assert not [f for f in plain.safety if f.rule == "unreviewed-tags"]


def test_a_reviewed_set_is_planned_for_the_same_person():
    registry = make_registry(plugin("checked", exercise("chin-tuck")), builtins=True, strict=True)
    plan = plan_routine(ROUTINE.format(exercise="chin-tuck"), registry, OSTEOPOROSIS)
    assert ids(plan) == ["chin-tuck", "cat-cow"]


def test_no_untagged_exercise_of_the_generated_873_set_reaches_an_osteoporosis_profile_silently():
    bigset = load_bigset()
    registry = make_registry(bigset, builtins=True, strict=True)
    assert len(registry.exercise_sets["freedb"].exercises) == 873
    steps = "".join(f'\n[[steps]]\nexercise = "freedb/{ident}"\n' for ident in bigset.ids()[:60])
    steps += '\n[[steps]]\nexercise = "backcare/cat-cow"\n'
    plan = plan_routine("[routine]\ntitle = \"Big\"\n" + steps, registry, OSTEOPOROSIS)
    assert ids(plan) == ["cat-cow"]
    removed = {f.exercise for f in plan.safety if f.rule == "unreviewed-tags" and f.action == "removed"}
    assert removed == set(bigset.ids()[:60])
