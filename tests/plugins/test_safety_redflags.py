"""The red-flag screen: emergency and review signs refuse with different advice and exit status
3, whatever is waived; weak signs (age, with configurable thresholds) only warn."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import supple
from supple.cli import cli
from supple.io.routine_file import load_routine
from supple.pipeline.orchestrator import build_plan
from supple.testing import make_registry

# The ids the product contract requires (product.md), by the tier the clinical notes give them.
CONTRACT_EMERGENCY = ["bladder-bowel-change", "saddle-numbness", "bilateral-leg-symptoms", "progressive-weakness"]
CONTRACT_REVIEW = ["fever", "cancer-history", "unexplained-weight-loss", "major-trauma", "night-pain"]
EMERGENCY = "Seek emergency care now"
REVIEW = "see a doctor or physiotherapist for a review"

ROUTINE = """
[routine]
title = "Two moves"
{extra}
[[steps]]
exercise = "cat-cow"

[[steps]]
exercise = "pelvic-tilt"
"""


@pytest.fixture(autouse=True)
def _no_user_profile(tmp_path, monkeypatch):
    monkeypatch.setenv("SUPPLE_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture(scope="module")
def registry():
    return make_registry(builtins=True)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def profile_file(tmp_path, **values):
    lines = ["[profile]"]
    for key, value in values.items():
        lines.append(f"{key} = {json.dumps(value)}")
    return write(tmp_path, "profile.toml", "\n".join(lines) + "\n")


def plan_cli(tmp_path, *args, extra="", **profile):
    routine = write(tmp_path, "routine.toml", ROUTINE.format(extra=extra))
    command = ["plan", routine, *args]
    if profile:
        command += ["--profile", profile_file(tmp_path, **profile)]
    return CliRunner().invoke(cli, command)


def all_flags():
    data = json.loads(CliRunner().invoke(cli, ["safety", "--json"]).stdout)
    return {flag["id"]: flag["tier"] for flag in data["red_flags"]}


def test_the_contract_red_flags_are_known_with_their_tiers():
    tiers = all_flags()
    for flag in CONTRACT_EMERGENCY:
        assert tiers[flag] == "emergency"
    for flag in CONTRACT_REVIEW:
        assert tiers[flag] == "see-clinician"


@pytest.mark.parametrize("flag", sorted(all_flags()))
def test_every_red_flag_refuses_with_its_tier_advice_and_exit_3(tmp_path, flag):
    tier = all_flags()[flag]
    result = plan_cli(tmp_path, red_flags=[flag])
    assert result.exit_code == 3
    assert result.stdout == ""
    expected, other = (EMERGENCY, REVIEW) if tier == "emergency" else (REVIEW, EMERGENCY)
    assert expected in result.stderr and other not in result.stderr
    assert f"({flag})" in result.stderr  # the reason names the sign
    assert "not medical advice" in result.stderr


def test_emergency_advice_wins_when_both_tiers_are_present(registry, tmp_path):
    result = plan_cli(tmp_path, red_flags=["night-pain", "saddle-numbness"])
    assert result.exit_code == 3
    assert EMERGENCY in result.stderr and REVIEW not in result.stderr
    assert "[red-flag-emergency]" in result.stderr and "[red-flag-review]" in result.stderr


@pytest.mark.parametrize("how", ["option", "profile"])
@pytest.mark.parametrize("rule", ["red-flag-emergency", "red-flag-review", "red-flags"])
def test_a_waiver_never_lifts_a_red_flag_refusal(tmp_path, how, rule):
    args = ("--allow", rule) if how == "option" else ()
    waiver = {"allow": [rule], "allowed_by": "Dr Roe"} if how == "profile" else {}
    for flag, advice in (("saddle-numbness", EMERGENCY), ("cancer-history", REVIEW)):
        result = plan_cli(tmp_path, *args, red_flags=[flag], **waiver)
        assert result.exit_code == 3, result.output
        assert advice in result.stderr
    result = plan_cli(tmp_path, "--allow", "red-flag-emergency", "--allow", "red-flag-review", red_flags=["fever"])
    assert "is ignored: red flags cannot be waived" in result.stderr


def test_waiving_a_red_flag_rule_without_flags_is_reported_as_having_no_effect(registry, tmp_path):
    routine = load_routine(write(tmp_path, "r.toml", ROUTINE.format(extra="")))
    plan = build_plan(routine, registry, supple.Profile(path="p.toml"), waive=["red-flag-emergency"])
    assert plan.waived == ("red-flag-emergency",)
    warning = next(f for f in plan.safety if f.rule == "red-flag-emergency")
    assert warning.action == "warned" and "no effect" in warning.reason


def test_red_flag_refusals_are_declared_as_rules_no_waiver_lifts(registry):
    red = registry.safety_filters["red-flags"]
    assert {"red-flag-emergency", "red-flag-review"} <= red.fixed_rules


@pytest.mark.parametrize("age,warned", [(50, False), (51, True), (35, False), (20, False), (19, True), (90, True)])
def test_age_is_a_weak_sign_that_only_warns(registry, tmp_path, age, warned):
    routine = load_routine(write(tmp_path, "r.toml", ROUTINE.format(extra="")))
    plan = build_plan(routine, registry, supple.Profile(age=age, path="p.toml"))
    found = [f for f in plan.safety if f.rule == "age-caution"]
    assert bool(found) == warned
    assert all(f.action == "warned" and "IFOMPT" in f.source for f in found)
    assert plan.sessions[0].steps  # never blocks


def test_age_thresholds_are_relaxed_by_the_person_only_and_the_change_is_shown(registry, tmp_path):
    routine = load_routine(write(tmp_path, "r.toml", ROUTINE.format(extra="")))
    settings = {"safety": {"caution_age_over": 55, "caution_age_under": 16}}
    plan = build_plan(routine, registry, supple.Profile(age=53, path="p.toml", plugins=settings))
    reasons = [f.reason for f in plan.safety if f.rule == "age-caution"]
    assert not any("You are over" in r for r in reasons)
    assert any("caution_age_over = 55" in r and "default is 50" in r for r in reasons)
    plan = build_plan(routine, registry, supple.Profile(age=17, path="p.toml", plugins=settings))
    assert not any("You are under" in f.reason for f in plan.safety)
    # in a routine, the same values are errors naming each key; a stricter one is fine
    extra = "[plugins.safety]\ncaution_age_over = 55\ncaution_age_under = 16\n"
    loose = load_routine(write(tmp_path, "loose.toml", ROUTINE.format(extra=extra)))
    with pytest.raises(supple.InputError) as info:
        build_plan(loose, registry, supple.Profile(age=53, path="p.toml"))
    assert sorted(p.key for p in info.value.problems) == [
        "plugins.safety.caution_age_over", "plugins.safety.caution_age_under"]
    strict = load_routine(write(tmp_path, "strict.toml", ROUTINE.format(extra="[plugins.safety]\ncaution_age_over = 45\n")))
    plan = build_plan(strict, registry, supple.Profile(age=47, path="p.toml"))
    assert any("You are over 45" in f.reason for f in plan.safety)


def test_a_suspected_clot_is_a_see_a_clinician_red_flag(tmp_path):
    result = plan_cli(tmp_path, red_flags=["suspected-dvt"])
    assert result.exit_code == 3 and REVIEW in result.stderr and "calf" in result.stderr


@pytest.mark.parametrize("values", [{"age": 15}, {"age": 0}, {"birth_year": 2011}])
def test_children_get_a_clear_decision_with_its_source(tmp_path, values):
    extra = '[schedule]\nstart = 2026-12-07\nweeks = 2\ntimes = ["08:00"]\ntimezone = "UTC"\n'
    result = plan_cli(tmp_path, extra=extra, **values)
    assert result.exit_code == 3, result.output
    assert "[under-16]" in result.stderr and "NICE NG59" in result.stderr


def test_a_pregnancy_past_42_weeks_refuses_with_its_source(tmp_path):
    routine = write(tmp_path, "r.toml", ROUTINE.format(extra="[schedule]\nstart = 2026-12-07\nweeks = 6\n"
                                                            'times = ["08:00"]\ntimezone = "UTC"\n'))
    profile = profile_file(tmp_path, pregnancy_week=40, as_of="2026-12-07")
    profile_text = open(profile, encoding="utf-8").read().replace('"2026-12-07"', "2026-12-07")
    write(tmp_path, "profile.toml", profile_text)
    result = CliRunner().invoke(cli, ["plan", routine, "--profile", profile])
    assert result.exit_code == 3, result.output
    assert "[pregnancy-past-term]" in result.stderr and "week 43" in result.stderr and "ACOG" in result.stderr


@pytest.mark.parametrize("table,key,words", [
    ("caution_age_over = 130", "plugins.safety", "between 0 and 120"),
    ('caution_age_over = "50"', "plugins.safety.caution_age_over", "whole number"),
    ("caution_age_under = 60", "plugins.safety", "must be below caution_age_over"),
    ("fracture_age = 70", "plugins.safety.fracture_age", "did you mean 'fracture_risk_age'"),
])
def test_bad_safety_settings_are_located_errors_in_check_and_plan(tmp_path, table, key, words):
    routine = write(tmp_path, "r.toml", ROUTINE.format(extra=f"[plugins.safety]\n{table}\n"))
    for command in (["check", routine], ["plan", routine]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 2, result.output
        assert f"{routine}: {key}" in result.stderr and words in result.stderr
        assert "Traceback" not in result.output
