"""Dose caps the sources state: article 001's three standing backward bends, its foam-rolling
sets, and the hour between repeats of an exercise that asks for one."""

from __future__ import annotations

import pytest

import supple
import supple_progression
import supple_safety
import supple_timing
from supple.plugin.manager import registry_from_plugins
from supple.testing import plan_routine

ART_001 = supple.Source("article 001")
OTHER = supple.Source("my-physio-handout")


def ex(id, tags=(), position="standing", sources=(OTHER,), **kw):
    return supple.Exercise(id=id, name=id, summary="s", kind="mobility", position=position,
                           dose=kw.pop("dose", supple.Dose(reps=5)), tags=tags, sources=sources, **kw)


class Content:
    @supple.hookimpl
    def supple_exercise_sets(self):
        yield supple.ExerciseSet(name="dc", title="Dose caps", exercises=[
            ex("arch-001", tags=("spinal-extension",), sources=(ART_001,)),
            ex("arch-seated-001", tags=("spinal-extension",), position="seated", sources=(ART_001,)),
            ex("arch-other", tags=("spinal-extension",)),
            ex("roller", tags=("foam-roller",), position="supine", regions=("thoracic",),
               dose=supple.Dose(sets=4, reps=15, rest_s=5)),
            ex("hourly", min_interval_s=3600),
        ])

    @supple.hookimpl
    def supple_progression_strategies(self):
        def more(base, week, options, context):
            return supple.evolve(base, reps=base.reps + 2 * (week - 1))

        yield supple.ProgressionStrategy(name="more", summary="+2 reps a week", dose_for=more)


@pytest.fixture(scope="module")
def registry():
    return registry_from_plugins({"content": Content(), "safety": supple_safety, "timing": supple_timing,
                                  "progression": supple_progression})


def routine(*steps, times='["08:00"]', extra=""):
    body = "".join(f'[[steps]]\nexercise = "{e}"\n{more}\n' for e, more in steps)
    return (f'[routine]\ntitle = "D"\n[schedule]\nstart = 2026-12-07\nweeks = 3\ndays = "daily"\n'
            f'times = {times}\ntimezone = "UTC"\n{extra}{body}')


def doses(plan, week=1):
    return {s.exercise.id: s.dose for s in plan.sessions_in_week(week)[0].steps}


def test_a_standing_backward_bend_from_article_001_is_done_at_most_three_times(registry):
    text = routine(("arch-001", "reps = 5\nsets = 2"), ("arch-seated-001", "reps = 5"), ("arch-other", "reps = 5"),
                   extra='[progression]\nstrategy = "more"\n')
    plan = plan_routine(text, registry)
    for week in (1, 2, 3):  # the cap holds every week, whatever the progression
        got = doses(plan, week)
        assert got["arch-001"].sets * got["arch-001"].reps == 3
    assert doses(plan, 3)["arch-other"].reps == 9 and doses(plan, 3)["arch-seated-001"].reps == 9
    finding = next(f for f in plan.safety if f.rule == "standing-extension-cap")
    assert finding.action == "capped" and finding.exercise == "arch-001"
    assert "maximum three times" in finding.source and finding.weeks == ()  # every week


def test_the_cap_counts_every_standing_backward_bend_of_the_session_together(registry):
    text = routine(("arch-001", "reps = 2"), ("arch-001", "reps = 2"), ("arch-001", "reps = 2"),
                   extra='[progression]\nstrategy = "more"\n')
    plan = plan_routine(text, registry)
    for session in plan.sessions:
        total = sum(s.dose.sets * s.dose.reps for s in session.steps if s.exercise.id == "arch-001")
        assert total <= 3, (session.week, total)
    assert [s.number for s in plan.sessions[0].steps] == [1, 2]  # 2 + 1; the third has none left
    found = {(f.action, f.step) for f in plan.safety if f.rule == "standing-extension-cap"}
    assert ("capped", 2) in found and ("removed", 3) in found


def test_foam_rolling_is_capped_at_two_sets_of_ten_with_rest(registry):
    plan = plan_routine(routine(("roller", "")), registry)
    dose = doses(plan)["roller"]
    assert (dose.sets, dose.reps, dose.rest_s) == (2, 10, 20)
    assert [f.rule for f in plan.safety] == ["foam-roller-dose"]


def test_an_exercise_is_not_repeated_within_its_minimum_interval(registry):
    # one rule, the engine's (docs/strategies.md): it measures real time between sessions
    plan = plan_routine(routine(("hourly", ""), ("arch-other", ""), ("hourly", "")), registry)
    assert [s.number for s in plan.sessions[0].steps] == [1, 2]
    assert any("(step 3) is left out" in n for n in plan.sessions[0].timeline.notes)
    # Sessions 40 minutes apart are too close for it; 08:00 and 20:00 are not.
    plan = plan_routine(routine(("hourly", ""), ("arch-other", ""), times='["08:00", "08:40"]'), registry)
    assert [s.exercise.id for s in plan.sessions[0].steps] == ["hourly", "arch-other"]
    assert [s.exercise.id for s in plan.sessions[1].steps] == ["arch-other"]
    plan = plan_routine(routine(("hourly", ""), times='["08:00", "20:00"]'), registry)
    assert all(s.steps for s in plan.sessions) and plan.safety == ()
    # Late evening and early next morning count too.
    plan = plan_routine(routine(("hourly", ""), ("arch-other", ""), times='["00:10", "23:50"]'), registry)
    assert [s.exercise.id for s in plan.sessions[2].steps] == ["arch-other"]


def test_dose_caps_can_be_waived_by_name_and_say_so(registry):
    text = routine(("roller", ""), ("hourly", ""), times='["08:00", "20:30"]')
    plan = plan_routine(text, registry, waive=["foam-roller-dose"])
    assert doses(plan)["roller"].sets == 4
    assert [s.exercise.id for s in plan.sessions[0].steps] == ["roller", "hourly"]
    assert plan.waived == ("foam-roller-dose",)
    assert {(f.rule, f.action) for f in plan.safety} == {("foam-roller-dose", "waived")}


def test_a_pyramid_cannot_escape_the_foam_roller_cap_and_progression_keeps_its_shape(registry):
    text = routine(("roller", "reps = [15, 12, 9]\nrest = \"30s\""), ("arch-other", "reps = [6, 4, 2]"),
                   extra='[progression]\nstrategy = "more"\n')
    plan = plan_routine(text, registry)
    for week in (1, 2, 3):
        roller = doses(plan, week)["roller"]
        assert roller.sets <= 2 and max(roller.set_reps) <= 10 and roller.reps <= 10, roller
    assert doses(plan, 1)["roller"].set_reps == (10, 7)  # the largest capped, the others move with it
    # progression raises every set of a pyramid the same (+2 a week here), keeping its shape
    assert [doses(plan, w)["arch-other"].set_reps for w in (1, 2, 3)] == [(6, 4, 2), (8, 6, 4), (10, 8, 6)]
    assert "10/7 reps" in next(f for f in plan.safety if f.rule == "foam-roller-dose").reason


def test_a_duration_cannot_escape_the_caps(registry):
    text = routine(("roller", 'duration = "10m"'), ("arch-001", 'duration = "5m"'))
    got = doses(plan_routine(text, registry))
    assert got["roller"].duration_s == 0 and got["roller"].reps <= 10 and got["roller"].sets <= 2
    assert got["arch-001"].duration_s == 0 and got["arch-001"].sets * got["arch-001"].reps_per_set <= 3


def test_a_pyramid_of_standing_backward_bends_counts_every_set(registry):
    text = routine(("arch-001", "reps = [2, 1]"), ("arch-001", "reps = [2, 1]"))
    plan = plan_routine(text, registry)
    steps = plan.sessions[0].steps
    assert sum(s.dose.total_reps for s in steps if s.exercise.id == "arch-001") <= 3
    assert steps[0].dose.set_reps == (2, 1)  # 3 repetitions: within the cap as written
