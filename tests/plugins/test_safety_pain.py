"""The pain gate: the traffic light of a dated pain score. Green plans as written; amber makes
the sessions of the score's day and the next gentle, weight-free and at the written dose; red
postpones those sessions. After that window the plan assumes no score and says so: an export
is never refused for pain alone."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

import supple
import supple_progression
import supple_safety
import supple_timing
from supple.cli import cli
from supple.plugin.manager import registry_from_plugins
from supple.testing import plan_routine

SRC = (supple.Source("test-handout"),)


class Content:
    @supple.hookimpl
    def supple_exercise_sets(self):
        yield supple.ExerciseSet(name="pg", title="Pain gate", exercises=[
            supple.Exercise(id="lift", name="Lift", summary="s", kind="strength", position="standing",
                            dose=supple.Dose(reps=8, load_kg=2), tags=("external-load",), sources=SRC),
            supple.Exercise(id="tilt", name="Tilt", summary="s", kind="mobility", position="seated",
                            dose=supple.Dose(reps=8), sources=SRC),
        ])

    @supple.hookimpl
    def supple_progression_strategies(self):
        def heavier(base, week, options, context):
            return supple.evolve(base, load_kg=base.load_kg + week - 1, reps=base.reps + week - 1)

        yield supple.ProgressionStrategy(name="heavier", summary="+1 kg, +1 rep a week", dose_for=heavier)


ROUTINE = """
[routine]
title = "Pain gate"
[schedule]
start = 2026-12-07
weeks = 4
days = ["mon", "thu"]
times = ["08:00"]
timezone = "UTC"
[progression]
strategy = "heavier"
[[steps]]
exercise = "lift"
[[steps]]
exercise = "tilt"
"""


@pytest.fixture(scope="module")
def registry():
    return registry_from_plugins({"content": Content(), "safety": supple_safety, "timing": supple_timing,
                                  "progression": supple_progression})


def plan(registry, pain, waive=()):
    return plan_routine(ROUTINE, registry, supple.Profile(pain=pain, path="p.toml"), waive=waive)


@pytest.mark.parametrize("pain", [None, 0, 3])
def test_green_pain_plans_as_written(registry, pain):
    result = plan(registry, pain)
    assert result.timing == "steady"
    assert not [f for f in result.safety if f.rule == "pain-gate"]
    assert result.sessions[-1].steps[0].dose.load_kg == 2 + 3  # it progresses


def in_window(session, scored=dt.date(2026, 12, 7)):
    return 0 <= (session.start.date() - scored).days <= 1


@pytest.mark.parametrize("pain", [4, 5])
def test_amber_pain_is_gentle_without_weights_in_its_window_only(registry, pain):
    result = plan(registry, pain)
    inside = [s for s in result.sessions if in_window(s)]
    outside = [s for s in result.sessions if not in_window(s)]
    assert inside and outside
    for session in inside:
        assert session.timing == "gentle"
        for step in session.steps:
            assert step.dose.load_kg == 0, (session.week, step.exercise.id)
            assert step.dose.reps == 8  # the written dose: no progression while in pain
    assert all(s.timing == "steady" for s in outside)
    assert outside[-1].steps[0].dose.load_kg == 2 + 3  # after the window the plan goes on as written
    actions = {(f.rule, f.action, f.exercise) for f in result.safety}
    assert ("pain-gate", "capped", "lift") in actions  # the 2 kg weight, explained
    summary = next(f for f in result.safety if f.rule == "pain-gate" and f.exercise is None)
    assert f"{pain}/10" in summary.reason and "Silbernagel" in summary.source
    assert summary.weeks == (1,)
    window = next(f for f in result.safety if f.rule == "pain-window")
    assert "2026-12-08" in window.reason and "Score your pain" in window.reason


def test_a_dated_score_governs_its_day_and_the_next_only(registry):
    person = supple.Profile(pain=5, pain_date=dt.date(2026, 12, 17), path="p.toml")
    result = plan_routine(ROUTINE, registry, person)
    gentle = [s.start.date().isoformat() for s in result.sessions if s.timing == "gentle"]
    assert gentle == ["2026-12-17"]  # Thursday; Friday the 18th has no session
    # a score taken before the programme starts governs none of it
    early = plan_routine(ROUTINE, registry, supple.Profile(pain=9, pain_date=dt.date(2026, 11, 1), path="p.toml"))
    assert early.postponed == () and all(s.timing == "steady" for s in early.sessions)


def test_amber_floor_cannot_be_waived(registry):
    result = plan(registry, 5, waive=["pain-gate"])
    assert result.sessions[0].timing == "gentle"
    assert all(s.dose.load_kg == 0 for s in result.sessions[0].steps)
    assert any(f.rule == "pain-gate" and f.action == "warned" and "cannot be waived" in f.reason
               for f in result.safety)


@pytest.mark.parametrize("pain", [6, 8, 10])
def test_red_pain_postpones_the_sessions_it_governs_and_plans_the_rest(registry, pain):
    result = plan(registry, pain)
    assert [p.start.date().isoformat() for p in result.postponed] == ["2026-12-07"]
    postponed = result.postponed[0]
    assert f"{pain}/10" in postponed.advice
    assert "stay gently active" in postponed.advice and "5/10 or lower" in postponed.advice
    assert result.sessions[0].start.date() == dt.date(2026, 12, 10)
    assert len(result.sessions) == 7
    assert [f.action for f in result.safety if f.rule == "pain-gate"] == ["postponed"]


def test_red_pain_on_the_only_session_refuses(registry):
    single = ROUTINE.replace("weeks = 4", "weeks = 1").replace('days = ["mon", "thu"]', 'days = ["mon"]')
    with pytest.raises(supple.SafetyRefusal) as info:
        plan_routine(single, registry, supple.Profile(pain=7, path="p.toml"))
    assert "7/10" in info.value.advice


def test_waiving_the_gate_on_a_red_day_gives_the_gentle_session_never_the_full_plan(registry):
    result = plan(registry, 7, waive=["pain-gate"])
    assert result.sessions[0].timing == "gentle" and result.waived == ("pain-gate",)
    assert all(s.dose.load_kg == 0 for s in result.sessions[0].steps)
    waived = [f for f in result.safety if f.rule == "pain-gate" and f.action == "waived"]
    assert waived and "command line" in waived[0].reason  # who waived it


def test_red_pain_through_the_command_line_postpones_and_exports(tmp_path, monkeypatch):
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(tmp_path / "config"))
    profile = tmp_path / "p.toml"
    profile.write_text("[profile]\npain = 6\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["plan", "morning-mobility", "--profile", str(profile)])
    assert result.exit_code == 0, result.output
    assert "Postponed" in result.stdout and "6/10" in result.stdout
    out = tmp_path / "m.ics"
    result = CliRunner().invoke(cli, ["export", "morning-mobility", "--to", "ics", "-o", str(out),
                                      "--profile", str(profile)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 42 - 2  # the score's day and the next are postponed
    profile.write_text("[profile]\npain = 4\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["plan", "morning-mobility", "--profile", str(profile)])
    assert result.exit_code == 0 and "gentle" in result.stdout
