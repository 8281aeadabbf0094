"""Third-party safety filters add rules through the same hook as the first-party ones: their
conditions validate profiles, their rules take waivers, they run in order after the built-in
ones, and the engine holds them to the same contract (no silent drops, no waived fixed rules)."""

from __future__ import annotations

import pytest

import supple
import supple_backcare
import supple_progression
import supple_safety
import supple_timing
from supple.cli.safety import safety_info
from supple.plugin.manager import registry_from_plugins
from supple.testing import plan_routine

ROUTINE = """
[routine]
title = "Mixed"
{extra}
[[steps]]
exercise = "cat-cow"

[[steps]]
exercise = "glute-bridge"

[[steps]]
exercise = "standing-rotation-release"
"""


def no_floor(steps, context):
    """A clinic's rule: a person who cannot get down to the floor gets no floor exercise."""
    if not context.profile.has("no-floor"):
        return supple.SafetyResult(steps=steps)
    kept, findings = [], []
    for step in steps:
        if "floor" in step.exercise.tags:
            if context.is_waived("clinic-no-floor"):
                findings.append(supple.SafetyFinding("clinic-no-floor", "waived", "waived", "clinic",
                                                     exercise=step.exercise.id, step=step.number))
                kept.append(step)
                continue
            findings.append(supple.SafetyFinding("clinic-no-floor", "removed", "cannot get to the floor",
                                                 "clinic protocol", exercise=step.exercise.id, step=step.number))
            continue
        kept.append(step)
    return supple.SafetyResult(steps=kept, findings=findings)


class Clinic:
    @supple.hookimpl
    def supple_safety_filters(self):
        yield supple.SafetyFilter(
            name="clinic", summary="Clinic rules.", apply=no_floor, order=50,
            conditions={"no-floor": "cannot get down to the floor and up again"},
            red_flags={"clinic-alarm": "the clinic's own alarm sign"},
            red_flag_tiers={"clinic-alarm": "see-clinician"},
            rules={"clinic-no-floor": "no floor exercises for people who cannot get down"},
        )


def registry_with(*extra):
    plugins = {"backcare": supple_backcare, "safety": supple_safety, "timing": supple_timing,
               "progression": supple_progression}
    plugins.update({type(p).__name__.lower(): p for p in extra})
    return registry_from_plugins(plugins)


def profile(**values):
    return supple.Profile(path="p.toml", **values)


def test_a_third_party_condition_validates_and_its_rule_runs_after_the_built_in_ones():
    reg = registry_with(Clinic())
    plan = plan_routine(ROUTINE.format(extra=""), reg, profile(conditions=("no-floor",)))
    # The built-in filter replaced step 3 first; the clinic filter then saw the replacement.
    assert [s.exercise.id for s in plan.sessions[0].steps] == ["standing-gentle-rotation"]
    rules = [f.rule for f in plan.safety]
    assert rules.index("no-forced-manipulation") < rules.index("clinic-no-floor")
    assert {f.exercise for f in plan.safety if f.rule == "clinic-no-floor"} == {"cat-cow", "glute-bridge"}
    # Without the clinic plugin the same profile is a located input error.
    with pytest.raises(supple.InputError, match=r"profile.conditions\[1\]: unknown condition 'no-floor'"):
        plan_routine(ROUTINE.format(extra=""), registry_with(), profile(conditions=("no-floor",)))


def test_a_third_party_rule_takes_waivers_and_supple_safety_lists_it():
    reg = registry_with(Clinic())
    plan = plan_routine(ROUTINE.format(extra=""), reg,
                        profile(conditions=("no-floor",), allow=("clinic-no-floor",)))
    assert len(plan.sessions[0].steps) == 3
    assert not any(f.rule == "clinic-no-floor" and f.action == "warned" for f in plan.safety)
    info = safety_info(reg)
    assert {"id": "no-floor", "meaning": "cannot get down to the floor and up again", "filters": ["clinic"]} in info["conditions"]
    assert any(f["id"] == "clinic-alarm" and f["tier"] == "see-clinician" for f in info["red_flags"])
    assert any(r["name"] == "clinic-no-floor" and r["plugin"] == "clinic" and r["waivable"] for r in info["rules"])


def test_a_waiver_no_filter_knows_is_reported_with_a_suggestion():
    plan = plan_routine(ROUTINE.format(extra=""), registry_with(), waive=["no-forced-manipulaton"])
    warning = next(f for f in plan.safety if f.rule == "no-forced-manipulaton")
    assert warning.action == "warned" and "did you mean 'no-forced-manipulation'" in warning.reason
    assert plan.sessions[0].steps[2].exercise.id == "standing-gentle-rotation"  # nothing was waived


class Cheat:
    @supple.hookimpl
    def supple_safety_filters(self):
        def apply(steps, context):
            return supple.SafetyResult(steps=steps, findings=[supple.SafetyFinding(
                "cheat-stop", "waived", "waived anyway", "none")])

        yield supple.SafetyFilter(name="cheat", summary="s", apply=apply, rules={"cheat-stop": "x"},
                                  fixed_rules={"cheat-stop"})


class Gentle:
    @supple.hookimpl
    def supple_safety_filters(self):
        def apply(steps, context):
            return supple.SafetyResult(steps=steps, timing="no-such-timing")

        yield supple.SafetyFilter(name="gentler", summary="s", apply=apply)


class Strict:
    @supple.hookimpl
    def supple_safety_filters(self):
        def apply(steps, context):
            raise supple.InputError.at("a located problem with the filter's input", "r.toml", "plugins.x")

        yield supple.SafetyFilter(name="strict", summary="s", apply=apply)


def test_the_engine_rejects_a_fixed_rule_reported_as_waived():
    with pytest.raises(supple.PluginError, match="cheat-stop.*cannot be waived"):
        plan_routine(ROUTINE.format(extra=""), registry_with(Cheat()))


def test_the_engine_rejects_a_timing_switch_to_an_unknown_strategy():
    with pytest.raises(supple.PluginError, match="no-such-timing"):
        plan_routine(ROUTINE.format(extra=""), registry_with(Gentle()))


def test_a_filters_input_error_stays_an_input_error():
    with pytest.raises(supple.InputError, match="plugins.x"):
        plan_routine(ROUTINE.format(extra=""), registry_with(Strict()))
