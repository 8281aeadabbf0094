"""Condition rules act on movement tags and positions, for any exercise set: substitutes come
from the set's own variant links and satisfy every rule in force; with none, the step goes,
with a finding; waivers keep the step and say so."""

from __future__ import annotations

import pytest

import supple
import supple_progression
import supple_safety
import supple_timing
from supple.plugin.manager import registry_from_plugins
from supple.testing import plan_routine

SRC = (supple.Source("test-handout"),)


def ex(id, position="standing", kind="mobility", tags=(), **kw):
    return supple.Exercise(id=id, name=id.replace("-", " ").title(), summary="s", kind=kind,
                           position=position, dose=kw.pop("dose", supple.Dose(reps=5)), tags=tags,
                           sources=kw.pop("sources", SRC), **kw)


class ThirdPartySet:
    """An exercise set by someone else: names and ids the rules have never seen."""

    @supple.hookimpl
    def supple_exercise_sets(self):
        yield supple.ExerciseSet(name="tp", title="Third party", exercises=[
            ex("floor-hug", position="supine", kind="stretch",
               tags=("end-range-flexion", "spinal-flexion"), easier=("floor-curl",)),
            ex("floor-curl", position="supine", tags=("spinal-flexion",), easier=("chair-curl",)),
            ex("chair-curl", position="seated", tags=("spinal-flexion",)),
            ex("back-bridge", position="supine", kind="strength", easier=("wall-press",)),
            ex("wall-press", kind="strength"),
            ex("star-lie", position="supine", kind="stretch"),
            ex("big-twist", position="side-lying", tags=("spinal-rotation", "end-range-rotation"),
               harder=()),
            ex("small-twist", position="seated", tags=("spinal-rotation",), harder=("big-twist",)),
            ex("heavy-reach", tags=("external-load",), dose=supple.Dose(reps=5, load_kg=2),
               easier=("light-reach",)),
            ex("light-reach", dose=supple.Dose(reps=5)),
            ex("low-roll", position="supine", kind="self-release", tags=("foam-roller", "direct-pressure"),
               regions=("lumbar",)),
            ex("mid-roll", position="supine", kind="self-release", tags=("foam-roller", "direct-pressure"),
               regions=("thoracic",), easier=("small-twist",)),
            ex("deep-hold", kind="stretch", tags=("end-range-hold",), easier=("small-twist",)),
        ], tags_reviewed=True)  # tagged with care: the condition rules are what is tested here


class AddWeight:
    """A progression that adds 1 kg a week: the safety rules must keep load out anyway."""

    @supple.hookimpl
    def supple_progression_strategies(self):
        def dose_for(base, week, options, context):
            return supple.evolve(base, load_kg=base.load_kg + (week - 1))

        yield supple.ProgressionStrategy(name="add-weight", summary="+1 kg a week", dose_for=dose_for)


def build_registry(order=1):
    plugins = {"third-party": ThirdPartySet(), "add-weight": AddWeight(), "safety": supple_safety,
               "timing": supple_timing, "progression": supple_progression}
    return registry_from_plugins(dict(list(plugins.items())[::order]))


@pytest.fixture(scope="module")
def registry():
    return build_registry()


def routine(*exercises, extra=""):
    steps = "".join(f'[[steps]]\nexercise = "{e}"\n' for e in exercises)
    return (f'[routine]\ntitle = "T"\n[schedule]\nstart = 2026-12-07\nweeks = 3\ndays = ["mon"]\n'
            f'times = ["08:00"]\ntimezone = "UTC"\n{extra}{steps}')


def profile(**values):
    return supple.Profile(path="profile.toml", **values)


def changes(plan):
    return {(f.rule, f.action, f.exercise, f.replacement) for f in plan.safety}


def planned(plan, week=1):
    return [s.exercise.id for s in plan.sessions_in_week(week)[0].steps]


def test_pregnancy_after_the_first_trimester_swaps_supine_work_for_upright_variants(registry):
    plan = plan_routine(routine("back-bridge", "star-lie", "floor-curl"), registry,
                        profile(conditions=("pregnancy",), pregnancy_week=20))
    assert planned(plan) == ["wall-press", "chair-curl"]
    assert ("pregnancy-supine", "replaced", "back-bridge", "wall-press") in changes(plan)
    assert ("pregnancy-supine", "removed", "star-lie", None) in changes(plan)
    assert ("pregnancy-supine", "replaced", "floor-curl", "chair-curl") in changes(plan)
    assert ("pregnancy-stop-signs", "warned", None, None) in changes(plan)
    stop = next(f for f in plan.safety if f.rule == "pregnancy-stop-signs")
    assert "bleeding" in stop.reason and "contractions" in stop.reason and "ACOG" in stop.source


def test_pregnancy_in_the_first_trimester_keeps_positions_but_shows_the_stop_signs(registry):
    plan = plan_routine(routine("back-bridge", "star-lie"), registry, profile(conditions=("pregnancy",), pregnancy_week=12))
    assert planned(plan, 1) == planned(plan, 2) == ["back-bridge", "star-lie"]  # pregnancy weeks 12, 13
    assert {f.rule for f in plan.safety if not f.weeks or 2 in f.weeks} == {"pregnancy-stop-signs"}


def test_a_pregnancy_that_passes_13_weeks_during_the_programme_is_judged_week_by_week(registry):
    plan = plan_routine(routine("back-bridge", "floor-curl"), registry, profile(conditions=("pregnancy",), pregnancy_week=13))
    assert planned(plan, 1) == ["back-bridge", "floor-curl"]  # pregnancy week 13
    assert planned(plan, 2) == planned(plan, 3) == ["wall-press", "chair-curl"]  # weeks 14 and 15
    swap = next(f for f in plan.safety if f.rule == "pregnancy-supine" and f.exercise == "back-bridge")
    assert swap.weeks == (2, 3) and "week 14" in swap.reason


def test_a_due_date_gives_the_pregnancy_week_of_every_session(registry):
    import datetime as dt

    # due 2027-06-07: on 2026-12-07 the pregnancy is 14 weeks (26 weeks before the due date)
    plan = plan_routine(routine("back-bridge"), registry, profile(due_date=dt.date(2027, 6, 7)))
    assert planned(plan, 1) == ["wall-press"]
    early = plan_routine(routine("back-bridge"), registry, profile(due_date=dt.date(2027, 6, 21)))
    assert planned(early, 1) == ["back-bridge"] and planned(early, 3) == ["wall-press"]


@pytest.mark.parametrize("person", [
    profile(conditions=("pregnancy",)),  # week unknown: assume past the first trimester
    profile(pregnancy_week=30),  # a week without the condition still counts
], ids=["no-week", "week-only"])
def test_pregnancy_rules_err_on_the_safe_side_when_the_profile_is_incomplete(registry, person):
    plan = plan_routine(routine("star-lie", "chair-curl"), registry, person)
    assert planned(plan) == ["chair-curl"]
    assert ("pregnancy-supine", "removed", "star-lie", None) in changes(plan)


def test_osteoporosis_substitute_must_satisfy_every_rule_in_force(registry):
    # floor-hug -> floor-curl would suit osteoporosis but not pregnancy; chair-curl suits both.
    plan = plan_routine(routine("floor-hug"), registry,
                        profile(conditions=("osteoporosis", "pregnancy"), pregnancy_week=25))
    assert planned(plan) == ["chair-curl"]
    finding = next(f for f in plan.safety if f.action == "replaced")
    assert finding.rule == "bone-fragility-flexion" and finding.replacement == "chair-curl"
    assert "floor-curl (pregnancy-supine)" in finding.reason  # the skipped variant is named
    assert "Sinaki 1984" in finding.source


def test_a_step_with_no_suitable_variant_is_removed_with_a_finding(registry):
    plan = plan_routine(routine("big-twist", "small-twist"), registry, profile(conditions=("osteoporosis",)))
    # big-twist has no easier link of its own, but small-twist names it as its harder variant.
    assert planned(plan) == ["small-twist", "small-twist"]
    plan = plan_routine(routine("star-lie", "floor-hug"), registry, profile(age=80))
    assert "floor-hug" not in planned(plan)
    assert any(f.rule == "bone-fragility-flexion" and "over 70" in f.reason for f in plan.safety)


def test_fracture_risk_age_is_relaxed_only_by_the_person_and_a_changed_setting_is_reported(registry):
    person = supple.Profile(path="profile.toml", age=80, plugins={"safety": {"fracture_risk_age": 85}})
    plan = plan_routine(routine("floor-hug"), registry, person)
    assert planned(plan) == ["floor-hug"]
    assert any(f.rule == "age-caution" and "fracture_risk_age = 85" in f.reason for f in plan.safety)
    # the same setting in a routine is an error that says where it belongs
    extra = "[plugins.safety]\nfracture_risk_age = 85\n"
    with pytest.raises(supple.InputError) as info:
        plan_routine(routine("floor-hug", extra=extra), registry, profile(age=80))
    problem = info.value.problems[0]
    assert problem.key == "plugins.safety.fracture_risk_age" and "profile's [plugins.safety]" in problem.message
    # a routine may make it stricter
    stricter = plan_routine(routine("floor-hug", extra="[plugins.safety]\nfracture_risk_age = 60\n"),
                            registry, profile(age=65))
    assert "floor-hug" not in planned(stricter)


def test_foam_rolling_is_kept_out_for_its_contraindications_and_off_the_lower_back(registry):
    plan = plan_routine(routine("low-roll", "mid-roll"), registry, profile(conditions=("dvt",)))
    assert planned(plan) == ["small-twist"]
    assert ("foam-roller-contraindication", "replaced", "mid-roll", "small-twist") in changes(plan)
    # Nobody rolls the lumbar spine, with or without a profile.
    plan = plan_routine(routine("low-roll", "mid-roll"), registry)
    assert planned(plan) == ["mid-roll"]
    assert ("foam-roller-lumbar", "removed", "low-roll", None) in changes(plan)


def test_disc_herniation_warns_swaps_weighted_work_and_no_week_adds_load(registry):
    text = routine("heavy-reach", "light-reach", extra='[progression]\nstrategy = "add-weight"\n')
    plan = plan_routine(text, registry, profile(conditions=("disc-herniation",)))
    assert ("no-load-with-pain", "replaced", "heavy-reach", "light-reach") in changes(plan)
    assert ("disc-herniation-supervision", "warned", None, None) in changes(plan)
    for session in plan.sessions:
        assert all(step.dose.load_kg == 0 for step in session.steps), session.week
    # Without the condition the same routine does progress in load: the test can tell.
    plain = plan_routine(text, registry)
    assert max(s.dose.load_kg for s in plain.sessions[-1].steps) > 0


def test_acute_inflammation_means_gentle_mobility_only(registry):
    plan = plan_routine(routine("back-bridge", "deep-hold", "small-twist", "heavy-reach"), registry,
                        profile(conditions=("acute-inflammation",)))
    assert plan.timing == "gentle"
    assert planned(plan) == ["small-twist", "small-twist", "light-reach"]
    assert ("acute-inflammation", "removed", "back-bridge", None) in changes(plan)  # wall-press is strength too
    assert ("acute-inflammation", "capped", None, None) in changes(plan)


def test_hypermobility_drops_end_range_holds_and_warns_on_stretches(registry):
    plan = plan_routine(routine("deep-hold", "star-lie"), registry, profile(conditions=("hypermobility",)))
    assert ("hypermobility-range", "replaced", "deep-hold", "small-twist") in changes(plan)
    assert ("hypermobility-range", "warned", "star-lie", None) in changes(plan)


def test_cleared_surgery_plans_without_end_range_twists_or_flexion(registry):
    plan = plan_routine(routine("big-twist", "floor-hug"), registry,
                        profile(conditions=("spinal-hardware",), cleared_by_surgeon=True))
    assert planned(plan) == ["small-twist", "floor-curl"]
    assert {f.rule for f in plan.safety} == {"post-surgery-range"}


def test_uncleared_surgery_is_refused_and_a_waiver_does_not_lift_it(registry):
    text = routine("small-twist")
    with pytest.raises(supple.SafetyRefusal) as info:
        plan_routine(text, registry, profile(conditions=("recent-spinal-surgery",)), waive=["surgery-clearance"])
    assert "cleared_by_surgeon = true" in info.value.advice
    assert "cannot lift" in info.value.findings[-1].reason


def test_a_waived_condition_rule_keeps_the_step_and_says_so_in_the_plan(registry):
    person = profile(conditions=("osteoporosis",), allow=("bone-fragility-flexion",),
                     allowed_by="Dr Roe, physiotherapist")
    plan = plan_routine(routine("floor-hug"), registry, person)
    assert planned(plan) == ["floor-hug"]
    assert plan.waived == ("bone-fragility-flexion",)
    assert ("bone-fragility-flexion", "waived", "floor-hug", None) in changes(plan)
    waived = next(f for f in plan.safety if f.action == "waived")
    assert "Dr Roe" in waived.reason  # who waived it
    from supple.render.json import plan_to_dict
    from supple.render.text import render_plan

    assert plan_to_dict(plan)["waived"] == ["bone-fragility-flexion"]
    assert plan_to_dict(plan)["waivers"] == [
        {"rule": "bone-fragility-flexion", "by": "your profile, agreed with Dr Roe, physiotherapist"}]
    assert "Safety rule waived: bone-fragility-flexion (by your profile, agreed with Dr Roe" in render_plan(plan)


def test_a_routine_cannot_waive(registry):
    text = routine("floor-hug", extra='[safety]\nallow = ["bone-fragility-flexion"]\n')
    with pytest.raises(supple.InputError) as info:
        plan_routine(text, registry, profile(conditions=("osteoporosis",)))
    assert info.value.problems[0].key == "safety.allow" and "profile" in info.value.problems[0].message


def test_the_same_profile_and_routine_give_the_same_findings(registry):
    person = profile(conditions=("osteoporosis", "pregnancy", "hypermobility"), pregnancy_week=22, pain=4)
    text = routine("floor-hug", "back-bridge", "big-twist", "mid-roll", "deep-hold")
    first = plan_routine(text, registry, person)
    again = plan_routine(text, build_registry(order=-1), person)
    assert first.safety == again.safety
    assert planned(first) == planned(again)
