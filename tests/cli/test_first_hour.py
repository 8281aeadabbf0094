"""Issue 18, the first hour of three new users: each friction they met, with the input that
showed it (items 2 to 7 and 11; the others are in test_first_hour_more.py)."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from supple.cli import cli
from supple.errors import InputError
from supple.io.convert import structure

ROOT = Path(__file__).parents[2]
PROFILES = ROOT / "tests" / "profiles"


def run(*args: str, **kwargs):
    return CliRunner().invoke(cli, list(args), **kwargs)


def routine_text(schedule: str = "", extra: str = "", steps: str = 'exercise = "cat-cow"\nreps = 10') -> str:
    return f'[routine]\ntitle = "Uni"\n{schedule}\n[[steps]]\n{steps}\n{extra}'


SCHEDULE = '[schedule]\nstart = 2026-11-30\nweeks = 8\ndays = {days}\ntimes = {times}\ntimezone = "Europe/Madrid"\n'


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- 2 and 3: check reports everything, export tables included, in one run, in file order ----

def test_check_reports_bad_and_misspelt_export_tables(tmp_path):
    path = write(tmp_path, "r.toml", routine_text(extra='[export.md]\npapr = "A4"\n[export.ics]\nalarm = "15"\n'
                                                  "[export.icss]\nalarm = 15\n"))
    result = run("check", path)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines == [
        f"supple: error: {path}: export.md.papr: unknown key; did you mean 'paper'?",
        f"supple: error: {path}: export.ics.alarm: expected a whole number, got text '15'",
        f"supple: error: {path}: export.icss: unknown exporter 'icss'; did you mean 'ics'?",
    ]
    # plan and export no longer ignore a misspelt table either
    assert run("plan", path).exit_code == 2


def test_check_reports_every_problem_of_routine_and_profile_in_one_run_in_file_order(tmp_path):
    path = write(tmp_path, "r.toml", routine_text(
        schedule=SCHEDULE.format(days='"monkey"', times='["07:30"]').replace("Madrid", "Madird"),
        steps='exercise = "cat-cw"\nreps = "10"\n\n[[steps]]\nexercise = "childs-pose"\nhold = "30 sec"',
        extra='[export.icss]\nalarm = 15\n'))
    profile = write(tmp_path, "me.toml", '[profile]\nconditions = ["osteoporosiss"]\nage = 200\n')
    result = run("check", path, "--profile", profile)
    assert result.exit_code == 2
    keys = [line.split(": ")[3] for line in result.stderr.splitlines()]
    assert keys == ["schedule.days", "schedule.timezone", "steps[1].exercise", "steps[1].reps",
                    "steps[2].hold", "export.icss", "profile.conditions[1]", "profile.age"]
    assert "did you mean 'cat-cow'?" in result.stderr and "did you mean 'osteoporosis'?" in result.stderr


def test_a_wrong_type_in_the_schedule_does_not_hide_its_other_errors(tmp_path):
    schedule = SCHEDULE.format(days='"monkey"', times='"07:30"').replace("2026-11-30", '"2026-11-30"')
    path = write(tmp_path, "r.toml", routine_text(schedule.replace("Madrid", "Madird"), steps='exercise = "cat-cw"'))
    result = run("check", path)
    keys = [line.split(": ")[3] for line in result.stderr.splitlines()]
    assert keys == ["schedule.start", "schedule.days", "schedule.times", "schedule.timezone", "steps[1].exercise"]


def test_check_says_ok_for_a_good_routine_and_profile(tmp_path):
    profile = str(PROFILES / "osteoporosis.toml")
    result = run("check", "morning-mobility", "--profile", profile)
    assert result.exit_code == 0 and result.stdout.splitlines() == [
        "OK   morning-mobility", f"OK   {profile} (profile)"]


# --- 4: catalogue filters, search and suits ---------------------------------------------------

@pytest.mark.parametrize("option, value, hint", [
    ("--position", "sitting", "'seated'? (valid: kneeling, prone, quadruped, seated, side-lying, standing, supine, unknown)"),
    ("--kind", "stretching", "did you mean 'stretch'"),
    ("--region", "lower-back", "did you mean 'lumbar'?"),
    ("--tag", "rotation", "did you mean 'spinal-rotation'"),
    ("--set", "backcar", "did you mean 'backcare'?"),
])
def test_unknown_filter_values_exit_2_with_did_you_mean_and_the_valid_values(option, value, hint):
    result = run("exercises", option, value)
    assert result.exit_code == 2 and "No exercise matches" not in result.output
    assert f"{option}: unknown value {value!r}" in result.stderr and hint in result.stderr
    assert "valid: " in result.stderr


def test_search_finds_by_name_in_any_case():
    data = json.loads(run("exercises", "--json", "--search", "CAT-COW").stdout)
    assert [item["id"] for item in data] == ["cat-cow"]
    assert run("exercises", "--search", "no such words at all").stdout.startswith("No exercise matches")


def test_suits_lists_only_what_the_filters_keep_and_says_why_the_rest_is_out():
    profile = str(PROFILES / "osteoporosis.toml")
    everything = {item["id"] for item in json.loads(run("exercises", "--json").stdout)}
    suits = {item["id"] for item in json.loads(run("exercises", "--json", "--suits", "-p", profile).stdout)}
    assert suits and suits < everything
    assert "childs-pose" not in suits  # deep spinal flexion: out with osteoporosis
    text = run("exercises", "--suits", "-p", profile).stdout
    assert "Left out for you" in text
    line = next(line for line in text.splitlines() if "backcare/childs-pose:" in line)
    assert "[bone-fragility-flexion] You have osteoporosis" in line  # the rule and the reason
    healthy = {item["id"] for item in json.loads(run("exercises", "--json", "--suits", "-p",
                                                     str(PROFILES / "healthy.toml")).stdout)}
    assert "childs-pose" in healthy and suits < healthy


def test_suits_with_a_red_flag_is_the_refusal_once_not_a_list():
    result = run("exercises", "--suits", "-p", str(PROFILES / "red-flag-emergency.toml"))
    assert result.exit_code == 3 and result.stdout == ""
    assert result.stderr.count("Seek emergency care now") == 1


# --- 5: names and types as the docs promise ---------------------------------------------------

@pytest.mark.parametrize("days, times, key, words", [
    ('"monkey"', '["07:30"]', "schedule.days", "got 'monkey'"),
    ('"weekday"', '["07:30"]', "schedule.days", 'did you mean "weekdays"'),
    ('["tue", "frid", "thurz"]', '["07:30"]', "schedule.days[3]", 'did you mean "thu"'),
    ('"daily"', '"07:30"', "schedule.times", 'expected a list of times such as ["07:30"]'),
])
def test_schedule_days_and_times_are_not_guessed(tmp_path, days, times, key, words):
    path = write(tmp_path, "r.toml", routine_text(SCHEDULE.format(days=days, times=times)))
    result = run("check", path)
    assert result.exit_code == 2 and f"{key}: " in result.stderr and words in result.stderr


def test_tues_and_thurs_are_tuesday_and_thursday(tmp_path):
    path = write(tmp_path, "r.toml", routine_text(SCHEDULE.format(days='["tues", "thurs"]', times='["07:30"]')))
    data = json.loads(run("plan", path, "--json").stdout)
    assert {s["start"][:10] for s in data["sessions"][:2]} == {"2026-12-01", "2026-12-03"}


def test_a_quoted_start_date_is_refused(tmp_path):
    path = write(tmp_path, "r.toml", routine_text(
        SCHEDULE.format(days='"daily"', times='["07:30"]').replace("2026-11-30", '"2026-11-30"')))
    result = run("check", path)
    assert result.exit_code == 2
    assert "schedule.start: expected a TOML date such as 2026-12-07, got text '2026-11-30'" in result.stderr


def test_plan_of_a_routine_name_prefix_suggests_it_and_exercise_ids_ignore_case():
    result = run("plan", "desk")
    assert result.exit_code == 2 and "did you mean 'desk-break'?" in result.stderr
    shown = run("exercise", "Cat-cow")
    assert shown.exit_code == 0 and shown.stdout.startswith("Cat-cow [backcare/cat-cow]")


# --- 6: attrs validators and -O ---------------------------------------------------------------

@attrs.frozen
class PaperOptions:
    paper: str = attrs.field(default="a4", validator=attrs.validators.in_(("a4", "letter")))


def test_in_validator_is_a_readable_message_at_its_key():
    with pytest.raises(InputError) as caught:
        structure({"paper": "A4"}, PaperOptions, file="r.toml", key="export.x")
    (problem,) = caught.value.problems
    assert problem.key == "export.x.paper"
    assert problem.message == "must be one of 'a4', 'letter'; got text 'A4'; did you mean 'a4'?"


def test_an_option_given_with_O_is_blamed_on_the_option(tmp_path, monkeypatch):
    import types

    import supple
    import supple.cli._common
    import supple.cli.export as export_command
    from supple.testing import make_registry

    module = types.ModuleType("papers")
    module.supple_exporters = supple.hookimpl(lambda: [supple.Exporter(  # type: ignore[attr-defined]
        name="paper", summary="s", render=lambda plan, opts: b"x", options=PaperOptions)])
    registry = make_registry(module, builtins=True)
    for target in (supple.cli._common, export_command):
        monkeypatch.setattr(target, "registry", lambda ctx: registry)
    result = run("export", "desk-break", "--to", "paper", "-O", "paper=A5")
    assert result.exit_code == 2
    assert "supple: error: --option paper: must be one of 'a4', 'letter'; got text 'A5'" in result.stderr


# --- 7: -o does not overwrite what it should not; --to from the suffix -----------------------

def test_o_refuses_to_overwrite_a_routine_or_profile_unless_forced(tmp_path):
    office = tmp_path / "office.toml"
    office.write_text((ROOT / "routines" / "desk-break.toml").read_text())
    before = office.read_bytes()
    result = run("export", "desk-break", "--to", "ics", "-o", str(office))
    assert result.exit_code == 2 and "refusing to overwrite it" in result.stderr and "--force" in result.stderr
    assert office.read_bytes() == before
    assert run("export", "desk-break", "--to", "ics", "-o", str(office), "--force").exit_code == 0
    assert office.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_o_refuses_a_name_of_another_format_and_infers_to_from_the_suffix(tmp_path):
    pdf = tmp_path / "handout.pdf"
    result = run("export", "desk-break", "--to", "md", "-o", str(pdf))
    assert result.exit_code == 2 and "the suffix of the 'pdf' exporter" in result.stderr and not pdf.exists()
    ics = tmp_path / "plan.ics"
    assert run("export", "desk-break", "-o", str(ics)).exit_code == 0
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert run("export", "desk-break", "-o", str(ics)).exit_code == 0  # its own output: replaced
    notes = tmp_path / "notes.md"
    notes.write_text("# My notes\n")
    assert run("export", "desk-break", "-o", str(notes)).exit_code == 2
    assert notes.read_text() == "# My notes\n"
    unknown = run("export", "desk-break", "-o", str(tmp_path / "plan.txt"))
    assert unknown.exit_code == 2 and "give --to" in unknown.stderr


# --- 11: errors under --json ------------------------------------------------------------------

@pytest.mark.parametrize("args, key, code", [
    (["plan", "morning-mobility", "--json", "--week", "99"], "--week", 2),
    (["plan", "no-such-routine", "--json"], None, 2),
    (["exercise", "cat-cwo", "--json"], "ID", 2),
    (["exercises", "--json", "--kind", "stretching"], "--kind", 2),
    (["plan", "morning-mobility", "--json", "--profile", str(PROFILES / "red-flag-emergency.toml")], None, 3),
    (["plan", "--json", "--no-such-option"], None, 2),
    (["safety", "--json", "--profile", str(PROFILES / "broken-unknown-key.toml")], None, 2),
    (["log", "--json", "--since", "2026-12-10", "--to", "2026-12-01"], None, 2),
])
def test_errors_under_json_are_a_json_object_on_stdout_with_the_same_exit(args, key, code, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    result = run(*args)
    assert result.exit_code == code, result.output
    errors = json.loads(result.stdout)["error"]
    assert errors and all(set(e) == {"file", "key", "message", "exit"} and e["exit"] == code for e in errors)
    if key is not None:
        assert errors[0]["key"] == key


def test_json_errors_list_every_problem_with_its_file_and_key(tmp_path):
    path = write(tmp_path, "r.toml", routine_text(SCHEDULE.format(days='"monkey"', times='"07:30"')))
    result = run("plan", path, "--json")
    assert result.exit_code == 2
    errors = json.loads(result.stdout)["error"]
    assert [(e["file"], e["key"]) for e in errors] == [(path, "schedule.days"), (path, "schedule.times")]
