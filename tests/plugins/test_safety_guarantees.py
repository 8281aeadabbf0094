"""The safety guarantee, across the dimensions the audit found holes in (docs/safety.md):
safety is the last word on every session of a programme, and only the person can relax it.

Every condition against every bundled routine under every progression strategy for 20 weeks;
a pregnancy crossing 13 weeks inside a programme; capped exercises under every progression;
substitutes of steps with load progressions; routine files that try to waive; every way of
disabling a plugin; pain scores on and off session dates; and no empty session in any export.
The exclusions are written from the clinical notes, not read from the plugin.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple.io.routine_file import routine_from_dict
from supple.pipeline.orchestrator import build_plan
from supple.testing import make_registry

ROOT = Path(__file__).resolve().parents[2]
ROUTINES = sorted((ROOT / "routines").glob("*.toml"))
START = dt.date(2026, 12, 7)

END_RANGE = {"end-range-flexion", "end-range-rotation", "end-range-extension", "end-range-hold"}
ALWAYS = {"self-manipulation", "overpressure"}
BONES = ALWAYS | {"end-range-flexion", "loaded-flexion", "end-range-rotation", "foam-roller", "direct-pressure"}

#: condition -> (tags, positions, kinds) no session may hold, and whether weights are out
CONDITIONS: dict[str, tuple[set[str], set[str], set[str], bool]] = {
    "osteoporosis": (BONES, set(), set(), False),
    "vertebral-fracture": (BONES, set(), set(), False),
    "long-term-steroids": (BONES, set(), set(), False),
    "pregnancy": (ALWAYS, {"supine"}, set(), False),  # no week given: assumed past 13 weeks
    "disc-herniation": (ALWAYS | {"external-load"}, set(), set(), True),
    "acute-inflammation": (ALWAYS | END_RANGE | {"loaded-flexion", "external-load", "foam-roller",
                                                 "direct-pressure", "impact"}, set(), {"strength"}, True),
    "persistent-severe-pain": (ALWAYS | END_RANGE | {"loaded-flexion", "external-load", "foam-roller",
                                                     "direct-pressure", "impact"}, set(), {"strength"}, True),
    "hypermobility": (ALWAYS | END_RANGE, set(), set(), False),
    "dvt": (ALWAYS | {"foam-roller", "direct-pressure"}, set(), set(), False),
    "open-wound": (ALWAYS | {"foam-roller", "direct-pressure"}, set(), set(), False),
}

#: progression tables that push every dose up fast, one per strategy
PROGRESSIONS = {
    "none": {"strategy": "none"},
    "linear": {"strategy": "linear", "reps": 2, "sets": 1, "max_sets": 5, "max_reps": 30},
    "phased": {"strategy": "phased", "phases": [{"weeks": 2}, {"weeks": 3, "sets": 3},
                                                 {"weeks": 15, "sets": 5}]},
    "load": {"strategy": "load", "kg": 1, "every": 1, "after_week": 1, "max_pain": 10},
}


@pytest.fixture(scope="module")
def registry():
    return make_registry(builtins=True)


@pytest.fixture(autouse=True)
def _no_user_files(tmp_path, monkeypatch):
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(tmp_path / "config"))


def routine(path: Path, progression: str, weeks: int = 20) -> supple.Routine:
    """A bundled routine for ``weeks`` weeks from START with every step on ``progression``."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data["schedule"] = {**data["schedule"], "start": START, "weeks": weeks}
    data["schedule"].pop("until", None)
    data["progression"] = PROGRESSIONS[progression]
    for step in data["steps"]:
        step.pop("progression", None)
    return routine_from_dict(data, str(path))


def violations(plan: supple.Plan, tags: set[str], positions: set[str], kinds: set[str], no_load: bool) -> list[str]:
    out = []
    for session in plan.sessions:
        for step in session.steps:
            ex = step.exercise
            bad = sorted(ex.tags & tags) + ([ex.position] if ex.position in positions else [])
            bad += [ex.kind] if ex.kind in kinds else []
            bad += [f"{step.dose.load_kg} kg"] if no_load and step.dose.load_kg else []
            if bad:
                out.append(f"week {session.week} step {step.number} {ex.id}: {bad}")
    return out


@pytest.mark.parametrize("progression", sorted(PROGRESSIONS))
@pytest.mark.parametrize("condition", sorted(CONDITIONS))
def test_no_session_of_any_week_holds_what_a_condition_excludes(registry, condition, progression):
    tags, positions, kinds, no_load = CONDITIONS[condition]
    person = supple.Profile(conditions=(condition,), path="p.toml")
    for path in ROUTINES:
        try:
            plan = build_plan(routine(path, progression), registry, person)
        except supple.SafetyRefusal as refusal:  # nothing left to do: refused, never planned empty
            assert any(f.rule == "empty-session" for f in refusal.findings)
            continue
        assert not violations(plan, tags, positions, kinds, no_load), (condition, path.stem)
        assert all(session.steps for session in plan.sessions)


def test_a_pregnancy_that_passes_13_weeks_mid_programme_loses_supine_work_from_that_week(registry):
    person = supple.Profile(conditions=("pregnancy",), pregnancy_week=11, as_of=START, path="p.toml")
    plan = build_plan(routine(ROOT / "routines" / "morning-mobility.toml", "linear", weeks=6), registry, person)
    for session in plan.sessions:
        week = 11 + (session.start.date() - START).days // 7
        supine = [s.exercise.id for s in session.steps if s.exercise.position == "supine"]
        if week > 13:
            assert not supine, (session.start, supine)
    first = plan.sessions_in_week(1)[0]
    assert any(s.exercise.position == "supine" for s in first.steps)  # week 11: still allowed
    swap = [f for f in plan.safety if f.rule == "pregnancy-supine"]
    assert swap and all(f.weeks == (4, 5, 6) for f in swap)


@pytest.mark.parametrize("progression", sorted(PROGRESSIONS))
def test_no_cap_is_exceeded_in_any_session_whatever_the_progression(registry, progression):
    plan = build_plan(routine(ROOT / "routines" / "back-release-stretches.toml", progression), registry,
                      None, waive=["no-forced-manipulation"])
    for session in plan.sessions:
        extension = sum(s.dose.sets * s.dose.reps_per_set for s in session.steps
                        if s.exercise.position == "standing" and "spinal-extension" in s.exercise.tags
                        and any("001" in src.ref for src in s.exercise.sources))
        assert extension <= 3, (session.week, extension)
        rolls = [s.dose for s in session.steps if "foam-roller" in s.exercise.tags]
        assert sum(d.sets for d in rolls) <= 2 and all(d.reps <= 10 for d in rolls), session.week


def test_a_substitute_never_carries_the_load_progression_of_the_step_it_replaced(registry):
    person = supple.Profile(conditions=("osteoporosis",), path="p.toml")
    for path in ROUTINES:
        plan = build_plan(routine(path, "load"), registry, person)
        replaced = {(f.step, f.replacement) for f in plan.safety if f.action == "replaced"}
        for session in plan.sessions:
            for step in session.steps:
                if (step.number, step.exercise.id) in replaced:
                    assert step.dose.load_kg == 0 and step.progression == "none", (path.stem, session.week)
                    own = step.exercise.dose  # its own dose (a later cap may lower it), never more
                    assert all(getattr(step.dose, k) <= getattr(own, k) for k in ("sets", "reps", "hold_s"))


@pytest.mark.parametrize("table", [
    '[safety]\nallow = ["bone-fragility-flexion"]\n',
    '[safety]\nallow = ["pain-gate"]\n',
    "[plugins.safety]\nfracture_risk_age = 120\n",
    "[plugins.safety]\ncaution_age_over = 90\n",
])
def test_a_routine_file_cannot_relax_anyones_safety(tmp_path, table):
    text = (ROOT / "routines" / "morning-mobility.toml").read_text(encoding="utf-8")
    path = tmp_path / "r.toml"
    path.write_text(text.replace("[timing]", table + "\n[timing]", 1), encoding="utf-8")
    profile = tmp_path / "p.toml"
    profile.write_text('[profile]\nconditions = ["osteoporosis"]\nage = 90\n', encoding="utf-8")
    for command in (["check", str(path)], ["plan", str(path), "--profile", str(profile)]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 2, (command, result.output)
        assert "profile" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("how", ["option", "environment", "config"])
def test_no_switch_disables_the_built_in_safety_filters(tmp_path, monkeypatch, how):
    config = tmp_path / "config"
    config.mkdir()
    args: list[str] = []
    if how == "option":
        args = ["--disable-plugin", "safety"]
    elif how == "environment":
        monkeypatch.setenv("SUPPLE_DISABLE_PLUGINS", "safety")
    else:
        (config / "config.toml").write_text('[plugins]\ndisable = ["safety"]\n', encoding="utf-8")
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(config))
    flags = tmp_path / "flags.toml"
    flags.write_text('[profile]\nred_flags = ["saddle-numbness"]\n', encoding="utf-8")
    result = CliRunner().invoke(cli, [*args, "plan", "morning-mobility", "--profile", str(flags)])
    assert result.exit_code == 3 and "Seek emergency care now" in result.stderr
    assert "essential plugin that cannot be disabled" in result.stderr
    bones = tmp_path / "bones.toml"
    bones.write_text('[profile]\nconditions = ["osteoporosis"]\n', encoding="utf-8")
    result = CliRunner().invoke(cli, [*args, "plan", "morning-mobility", "--profile", str(bones), "--json"])
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(result.stdout)
    planned = {s["exercise"] for session in data["sessions"] for s in session["steps"]}
    assert "backcare/childs-pose" not in planned
    assert "conditions" in data["safety_filters"]


@pytest.mark.parametrize("offset,postponed_days", [
    (0, {0, 1}),    # scored on the first session's day: that day and the next are postponed
    (2, {2, 3}),    # scored mid-week
    (-3, set()),    # scored before the programme: governs none of it
    (40, set()),    # scored after the programme's last day
])
def test_a_pain_score_governs_its_day_and_the_next_only(registry, offset, postponed_days):
    person = supple.Profile(pain=8, pain_date=START + dt.timedelta(days=offset), path="p.toml")
    plan = build_plan(routine(ROOT / "routines" / "morning-mobility.toml", "none", weeks=4), registry, person)
    assert {(p.start.date() - START).days for p in plan.postponed} == postponed_days
    assert not {(s.start.date() - START).days for s in plan.sessions} & postponed_days
    assert len(plan.sessions) + len(plan.postponed) == 28


def test_no_export_writes_an_empty_session(tmp_path):
    profiles = sorted(p for p in (ROOT / "tests" / "profiles").glob("*.toml") if not p.name.startswith("broken-"))
    runner = CliRunner()
    for profile in profiles:
        for path in ROUTINES:
            out = tmp_path / "x.json"
            result = runner.invoke(cli, ["export", str(path), "--to", "json", "-o", str(out), "--profile", str(profile)])
            if result.exit_code == 3:
                assert not out.exists()
                continue
            assert result.exit_code == 0, (profile.name, path.name, result.output)
            import json

            data = json.loads(out.read_text(encoding="utf-8"))
            assert all(session["steps"] for session in data["sessions"]), (profile.name, path.name)
            out.unlink()
