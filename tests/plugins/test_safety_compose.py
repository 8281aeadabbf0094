"""Composable safety: the public toolkit (Exclusion, safer_variants, replacement_for,
SafetyContext.acceptable), replacements checked by every filter, variants across sets."""

from __future__ import annotations

import types

import supple
from supple.testing import make_registry, plan_routine

SRC = [supple.Source("test")]
OSTEOPOROSIS = '[profile]\nconditions = ["osteoporosis"]\nage = 75\n'


def ex(ident: str, position: str = "standing", tags: tuple[str, ...] = (), **kw: object) -> supple.Exercise:
    return supple.Exercise(id=ident, name=ident.replace("-", " ").title(), summary="s", kind="mobility",
                           position=position, dose=supple.Dose(reps=5), tags=tags, sources=SRC, **kw)


def content() -> types.ModuleType:
    module = types.ModuleType("clinic_content")

    @supple.hookimpl
    def supple_exercise_sets():
        yield supple.ExerciseSet(name="clinic", title="Clinic", tags_reviewed=True, exercises=[
            # a standing stretch whose nearest easier variant is a deep forward bend on the floor
            ex("wall-stretch", easier=("floor-hug", "chair-reach")),
            ex("floor-hug", position="supine", tags=("spinal-flexion", "end-range-flexion")),
            ex("chair-reach", position="seated", tags=("spinal-extension",)),
            # a deep twist whose safer variant is in supple's own set
            ex("deep-twist", tags=("spinal-rotation", "end-range-rotation"),
               easier=("backcare/seated-gentle-rotation",)),
        ])

    module.supple_exercise_sets = supple_exercise_sets  # type: ignore[attr-defined]
    return module


def no_standing(ask: bool) -> types.ModuleType:
    """A third-party rule that swaps standing exercises for their first easier variant; with
    ``ask`` it uses the toolkit, without it it picks naively (what the engine must catch)."""
    module = types.ModuleType(f"no_standing_{ask}")

    def apply(steps, context):
        kept, findings = [], []
        rule = supple.Exclusion("no-standing", "you are unsteady", "Standing work is swapped",
                                "my clinic", positions=("standing",))
        if ask:
            out, found = supple.exclude_steps(steps, context, [rule], [rule])
            return supple.SafetyResult(steps=out, findings=found)
        for step in steps:
            if step.exercise.position == "standing" and step.exercise.easier:
                entry = context.catalogue.variant(context.catalogue.find(step.exercise, step.set_name),
                                                  step.exercise.easier[0])
                findings.append(supple.safety_finding("no-standing", "replaced", "standing", "my clinic",
                                                      step, replacement=entry.ref))
                step = supple.replace_step(step, entry)
            kept.append(step)
        return supple.SafetyResult(steps=kept, findings=findings)

    @supple.hookimpl
    def supple_safety_filters():
        yield supple.SafetyFilter(name="no-standing", summary="No standing work.", apply=apply,
                                  order=90, rules={"no-standing": "swaps standing exercises"})

    module.supple_safety_filters = supple_safety_filters  # type: ignore[attr-defined]
    return module


ROUTINE = '[routine]\ntitle = "T"\n[[steps]]\nexercise = "clinic/wall-stretch"\n' \
          '[[steps]]\nexercise = "backcare/cat-cow"\n'


def planned(plan: supple.Plan) -> list[str]:
    return [f"{s.set_name}/{s.exercise.id}" for s in plan.sessions[0].steps]


def test_a_naive_replacement_by_a_late_filter_is_checked_by_the_filters_that_ran_before_it():
    registry = make_registry(content(), no_standing(ask=False), builtins=True, strict=True)
    plan = plan_routine(ROUTINE, registry, OSTEOPOROSIS)
    steps = [s for session in plan.sessions for s in session.steps]
    assert not any(s.exercise.has_any("end-range-flexion") for s in steps)
    assert "clinic/floor-hug" not in planned(plan)
    rules = {(f.rule, f.action) for f in plan.safety if f.exercise in ("wall-stretch", "floor-hug")}
    assert ("no-standing", "replaced") in rules
    assert ("bone-fragility-flexion", "removed") in rules or ("bone-fragility-flexion", "replaced") in rules


def test_the_toolkit_skips_a_variant_another_filter_keeps_out_and_says_so():
    registry = make_registry(content(), no_standing(ask=True), builtins=True, strict=True)
    plan = plan_routine(ROUTINE, registry, OSTEOPOROSIS)
    assert planned(plan) == ["clinic/chair-reach", "backcare/cat-cow"]
    (swap,) = [f for f in plan.safety if f.rule == "no-standing"]
    assert swap.action == "replaced" and swap.replacement == "chair-reach"
    assert "floor-hug (another safety filter)" in swap.reason


def test_a_variant_may_point_into_another_set():
    registry = make_registry(content(), builtins=True, strict=True)
    routine = '[routine]\ntitle = "T"\n[[steps]]\nexercise = "clinic/deep-twist"\n'
    plan = plan_routine(routine, registry, OSTEOPOROSIS)
    assert planned(plan) == ["backcare/seated-gentle-rotation"]
    (swap,) = [f for f in plan.safety if f.action == "replaced"]
    assert swap.rule == "bone-fragility-twist" and swap.replacement == "backcare/seated-gentle-rotation"


def test_acceptable_asks_every_loaded_filter_for_this_person():
    seen = {}

    def probe(steps, context):
        if context.acceptable_to is None:
            return supple.SafetyResult(steps=steps)  # the engine checking a candidate: no nesting
        catalogue = context.catalogue
        for ref in ("clinic/floor-hug", "clinic/chair-reach"):
            entry = catalogue.get(ref)
            seen[ref] = context.acceptable(entry.exercise, entry.set_name)
        return supple.SafetyResult(steps=steps)

    spy = types.ModuleType("spy")
    spy.supple_safety_filters = supple.hookimpl(  # type: ignore[attr-defined]
        lambda: [supple.SafetyFilter(name="spy", summary="asks", apply=probe, order=99)])
    registry = make_registry(content(), spy, builtins=True, strict=True)
    plan_routine('[routine]\ntitle = "T"\n[[steps]]\nexercise = "clinic/chair-reach"\n', registry,
                 OSTEOPOROSIS)
    assert seen == {"clinic/floor-hug": False, "clinic/chair-reach": True}
    plan_routine('[routine]\ntitle = "T"\n[[steps]]\nexercise = "clinic/chair-reach"\n', registry)
    assert seen == {"clinic/floor-hug": True, "clinic/chair-reach": True}


def test_safer_variants_walks_easier_links_and_reverse_harder_links_across_sets():
    registry = make_registry(content(), builtins=True)
    entry = registry.catalogue.get("clinic/deep-twist")
    step = supple.PlannedStep(number=1, exercise=entry.exercise, set_name="clinic", dose=entry.exercise.dose)
    refs = [e.ref for e in supple.safer_variants(step, registry.catalogue)]
    assert refs[0] == "backcare/seated-gentle-rotation"
