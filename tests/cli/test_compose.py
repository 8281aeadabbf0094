"""Composing routines (issue 17): the schedule from the command line, bundled routines as
templates planned from tomorrow, skip days, --no-profile, `routines copy` and `new routine`."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from supple.cli import cli

ROOT = Path(__file__).parents[2]
FIXED = ("--start", "2026-12-07", "--timezone", "Europe/Madrid")


def run(*args, env=None, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env, **kwargs)


@pytest.fixture
def tomorrow_is_fixed(monkeypatch):
    """Today is 2027-03-09 wherever supple asks the clock for a template's start."""
    import supple.io.schedule_parts as parts

    monkeypatch.setattr(parts, "today_in", lambda zone: dt.date(2027, 3, 9))


# --- the schedule from the command line -------------------------------------------------------


def test_the_issue_s_example_plans_at_nine_and_two_new_york_time_from_that_date():
    result = run("plan", "desk-break", "--start", "2027-01-04", "--timezone", "America/New_York",
                 "--times", "09:00,14:00", "--json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # nothing came from the clock
    data = json.loads(result.stdout)
    starts = [s["start"] for s in data["sessions"]]
    assert starts[:2] == ["2027-01-04T09:00:00-05:00", "2027-01-04T14:00:00-05:00"]
    assert {s[11:16] for s in starts} == {"09:00", "14:00"}
    assert data["routine"]["timezone"] == "America/New_York" and len(starts) == 6 * 5 * 2


def test_days_and_length_options_override_the_file_key_by_key():
    data = json.loads(run("plan", "desk-break", *FIXED, "--days", "mon,thu", "--weeks", "2", "--json").stdout)
    days = {dt.date.fromisoformat(s["start"][:10]).weekday() for s in data["sessions"]}
    assert days == {0, 3} and data["routine"]["weeks"] == 2
    assert {s["start"][11:16] for s in data["sessions"]} == {"11:00", "15:30"}  # the file's times
    until = json.loads(run("plan", "desk-break", *FIXED, "--until", "2026-12-09", "--json").stdout)
    assert [s["start"][:10] for s in until["sessions"]][-1] == "2026-12-09"


@pytest.mark.parametrize("option, value, words", [
    ("--start", "2026-02-30", "--start: '2026-02-30' is not a date: day is out of range for month"),
    ("--start", "next monday", "--start: expected a date such as 2027-01-04 (YYYY-MM-DD)"),
    ("--timezone", "Europe/Londn", "--timezone: unknown time zone 'Europe/Londn'; did you mean 'Europe/London'"),
    ("--times", "25:00", "--times: expected times of day from 00:00 to 23:59, such as 07:30 or 09:00,14:00; "
                         "got '25:00'"),
    ("--days", "fryday", "--days: expected daily, weekdays, weekends or days such as mon,wed,fri; got 'fryday'; "
                         "did you mean 'friday'?"),
    ("--weeks", "0", "--weeks: expected a number of weeks from 1 to 156; got '0'"),
])
def test_a_wrong_option_value_is_blamed_on_the_option_and_nothing_is_written(tmp_path, option, value, words):
    out = tmp_path / "plan.ics"
    result = run("export", "desk-break", "--to", "ics", "-o", out, option, value)
    assert result.exit_code == 2
    assert f"supple: error: {words}" in result.stderr and "Traceback" not in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_a_whole_schedule_problem_is_blamed_on_the_option_that_set_the_key():
    result = run("plan", "desk-break", "--start", "2027-01-10", "--until", "2027-01-04")
    assert result.exit_code == 2
    assert "supple: error: --until: 2027-01-04 is before the start, 2027-01-10" in result.stderr
    both = run("plan", "desk-break", "--weeks", "2", "--until", "2027-01-04")
    assert both.exit_code == 2 and "--until: give either --weeks or --until, not both" in both.stderr
    weekend = run("plan", "desk-break", "--start", "2027-01-04", "--days", "sat", "--until", "2027-01-05")
    assert weekend.exit_code == 2 and "--days: no session falls between start and the end" in weekend.stderr


@pytest.mark.parametrize("command", ["plan", "export", "run", "sync", "report", "log add"])
def test_every_planning_command_takes_the_schedule_and_profile_options(command):
    result = run(*command.split(), "--help")
    for option in ("--start", "--timezone", "--times", "--days", "--weeks", "--until", "--no-profile"):
        assert option in result.output, (command, option)


# --- templates: planned from tomorrow in the local zone ---------------------------------------


def test_a_template_plans_from_tomorrow_in_the_local_zone_and_says_so_in_one_line(tomorrow_is_fixed):
    result = run("export", "desk-break", "--to", "ics", env={"TZ": "America/New_York"})
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "supple: note: planning starting tomorrow, 2027-03-10, in this computer's time zone, "
        "America/New_York (the routine does not say; --start DATE and --timezone ZONE to choose)"]
    first = re.search(rb"DTSTART;TZID=America/New_York:(\d{8}T\d{4})", result.stdout_bytes).group(1)
    assert first == b"20270310T1100"


def test_without_a_readable_local_zone_a_template_plans_in_utc_and_says_so(tomorrow_is_fixed, monkeypatch):
    import supple.pipeline.schedule as schedule

    monkeypatch.setattr(schedule, "machine_zone", lambda: ("UTC", False))
    result = run("plan", "morning-mobility", "--json")
    assert json.loads(result.stdout)["sessions"][0]["start"] == "2027-03-10T07:30:00+00:00"
    assert "in UTC (this computer's time zone could not be read)" in result.stderr


def test_the_start_alone_leaves_the_zone_to_the_computer(tomorrow_is_fixed):
    result = run("plan", "morning-mobility", "--start", "2027-01-04", "--json", env={"TZ": "Asia/Tokyo"})
    assert json.loads(result.stdout)["sessions"][0]["start"] == "2027-01-04T07:30:00+09:00"
    assert "tomorrow" not in result.stderr and "this computer's time zone, Asia/Tokyo" in result.stderr


def test_the_readme_s_first_command_still_works():
    result = run("plan")
    assert result.exit_code == 0 and "Morning back mobility" in result.stdout


# --- skip days --------------------------------------------------------------------------------

SKIPPING = """[routine]
id = "holidays"
title = "Over the holidays"
[schedule]
start = 2026-12-21
weeks = 3
times = ["07:30", "18:00"]
timezone = "Europe/Madrid"
{skip}
[[steps]]
exercise = "backcare/pelvic-tilt"
"""
SKIP = 'skip = [2026-12-25, {from = 2027-01-01, to = 2027-01-03}]'
GONE = ["2026-12-25", "2027-01-01", "2027-01-02", "2027-01-03"]


@pytest.fixture
def skipping(tmp_path):
    with_skip, without = tmp_path / "holidays.toml", tmp_path / "plain" / "holidays.toml"
    without.parent.mkdir()
    with_skip.write_text(SKIPPING.format(skip=SKIP))
    without.write_text(SKIPPING.format(skip=""))
    return with_skip, without


def test_skipped_days_vanish_from_the_plan_and_the_json_and_weeks_stay_calendar_weeks(skipping):
    with_skip, without = skipping
    data = json.loads(run("plan", with_skip, "--json").stdout)
    plain = json.loads(run("plan", without, "--json").stdout)
    days = {s["start"][:10] for s in data["sessions"]}
    assert not days & set(GONE) and len(plain["sessions"]) - len(data["sessions"]) == 8
    assert [(s["start"], s["week"]) for s in data["sessions"]] == [
        (s["start"], s["week"]) for s in plain["sessions"] if s["start"][:10] not in GONE]
    text = run("plan", with_skip).stdout
    assert "none on 2026-12-25, 2027-01-01 to 2027-01-03" in text


def test_skipped_days_vanish_from_the_calendar_and_the_other_events_keep_their_uids(skipping):
    with_skip, without = skipping

    def events(path):
        ics = run("export", path, "--to", "ics").stdout_bytes.decode()
        pattern = r"UID:(\S+)\r\nDTSTAMP:\S+\r\nSEQUENCE:\d+\r\nDTSTART;TZID=Europe/Madrid:(\d{8}T\d{4})"
        return dict(re.findall(pattern, ics))

    kept, every = events(with_skip), events(without)
    assert len(every) == 42 and len(kept) == 34
    assert {uid: day for uid, day in every.items() if f"{day[:4]}-{day[4:6]}-{day[6:8]}" not in GONE} == kept


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_skipped_days_vanish_from_the_handouts(skipping, fmt):
    with_skip, without = skipping
    handout = run("export", with_skip, "--to", fmt).stdout
    plain = run("export", without, "--to", fmt).stdout
    for day in ("Fri 25 Dec", "Fri 1 Jan", "Sat 2 Jan", "Sun 3 Jan"):
        assert day in plain and day not in handout
    assert "Thu 24 Dec" in handout and "Sat 26 Dec" in handout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils are installed by .ci/run")
@pytest.mark.slow
def test_skipped_days_vanish_from_the_pdf_handout(skipping, tmp_path):
    with_skip, _ = skipping
    pdf = tmp_path / "h.pdf"
    assert run("export", with_skip, "--to", "pdf", "-o", pdf).exit_code == 0
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          timeout=60).stdout
    assert "Thu 24 Dec" in text and "Fri 25 Dec" not in text and "Sat 2 Jan" not in text


@pytest.mark.parametrize("skip, words", [
    ('skip = ["christmas"]', "schedule.skip[1]: expected a date such as 2026-12-25 or a range"),
    ('skip = [2026-12-25, {from = 2027-01-03, to = 2027-01-01}]',
     "schedule.skip[2].to: 2027-01-01 is before the range's start, 2027-01-03"),
    ('skip = [{from = 2027-01-03}]', "schedule.skip[1]: a range needs both from and to; to is missing"),
    ('skip = [{from = 2027-01-03, to = 2027-01-04, untill = 2027-01-05}]', "schedule.skip[1].untill: unknown key"),
    ('skip = [2026-12-25T10:00:00]', "schedule.skip[1]: expected a date"),
    ('skip = "2026-12-25"', "schedule.skip: expected a list of dates and ranges"),
    ('skip = [{from = 2026-12-01, to = 2027-02-01}]', "schedule.skip: skips every session of the programme"),
])
def test_bad_skip_entries_are_located_errors(tmp_path, skip, words):
    path = tmp_path / "bad.toml"
    path.write_text(SKIPPING.format(skip=skip))
    result = run("check", path)
    assert result.exit_code == 2 and f"{path}: {words}" in result.stderr


# --- --no-profile -----------------------------------------------------------------------------


def test_no_profile_plans_as_for_no_conditions_and_says_so(tmp_path):
    config = tmp_path / "config"
    config.mkdir()
    (config / "profile.toml").write_text('[profile]\nred_flags = ["saddle-numbness"]\n')
    env = {"SUPPLE_CONFIG_DIR": str(config)}
    assert run("plan", "desk-break", *FIXED, env=env).exit_code == 3  # the user's profile refuses
    result = run("plan", "desk-break", *FIXED, "--no-profile", env=env)
    assert result.exit_code == 0
    assert "--no-profile: planning for a person with no stated conditions" in result.stderr
    both = run("plan", "desk-break", "--no-profile", "--profile", config / "profile.toml", env=env)
    assert both.exit_code == 2 and "--no-profile and --profile contradict each other" in both.stderr


# --- routines copy and new routine -----------------------------------------------------------


def test_routines_still_lists_and_its_json_is_unchanged():
    assert "desk-break" in run("routines").stdout
    items = json.loads(run("routines", "--json").stdout)
    assert {"name", "title", "path", "default", "plugin"} == set(items[0])


def test_copy_keeps_the_comments_fills_the_schedule_and_passes_check(tmp_path, tomorrow_is_fixed):
    target = tmp_path / "mine.toml"
    result = run("routines", "copy", "desk-break", target, "--timezone", "America/New_York", "--times", "09:00")
    assert result.exit_code == 0, result.output
    text = target.read_text()
    original = (ROOT / "routines" / "desk-break.toml").read_text()
    assert text.splitlines()[0] == original.splitlines()[0] and text.count("#") >= original.count("#") - 2
    schedule = tomllib.loads(text)["schedule"]
    assert schedule["start"] == dt.date(2027, 3, 10) and schedule["timezone"] == "America/New_York"
    assert schedule["times"] == ["09:00"] and schedule["weeks"] == 6
    assert "starts tomorrow, 2027-03-10" in result.stderr
    assert run("check", target).exit_code == 0
    again = run("routines", "copy", "desk-break", target)
    assert again.exit_code == 2 and "already exists; supple does not overwrite it" in again.stderr
    assert target.read_text() == text


def test_copy_to_the_default_file_name_and_a_bad_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ok = run("routines", "copy", "morning-mobility", *FIXED, "--weeks", "2")
    assert ok.exit_code == 0, ok.output
    data = tomllib.loads((tmp_path / "morning-mobility.toml").read_text())
    assert data["schedule"]["start"] == dt.date(2026, 12, 7) and data["schedule"]["weeks"] == 2
    assert "until" not in data["schedule"] and ok.stderr == ""
    bad = run("routines", "copy", "desk-brake", tmp_path / "x.toml")
    assert bad.exit_code == 2 and "did you mean 'desk-break'" in bad.stderr
    assert not (tmp_path / "x.toml").exists()


def test_new_routine_is_written_with_tomli_w_and_passes_check(tmp_path):
    target = tmp_path / "three-things.toml"
    result = run("new", "routine", target, "--exercise", "backcare/pelvic-tilt", "-e", "cat-cow",
                 "--days", "mon,wed,fri", "--times", "07:00", *FIXED, "--no-profile")
    assert result.exit_code == 0, result.output
    data = tomllib.loads(target.read_text())
    assert data["routine"] == {"id": "three-things", "title": "Three things"}
    assert data["schedule"] == {"start": dt.date(2026, 12, 7), "timezone": "Europe/Madrid",
                                "days": ["mon", "wed", "fri"], "times": ["07:00"], "weeks": 6}
    assert [s["exercise"] for s in data["steps"]] == ["backcare/pelvic-tilt", "cat-cow"]
    assert run("check", target).exit_code == 0
    assert "18 sessions" in result.stdout


def test_new_routine_with_a_wrong_exercise_or_a_red_flag_writes_nothing(tmp_path):
    target = tmp_path / "r.toml"
    wrong = run("new", "routine", target, "-e", "pelvic-tlt", *FIXED)
    assert wrong.exit_code == 2 and "--exercise: unknown exercise 'pelvic-tlt'; did you mean" in wrong.stderr
    profile = tmp_path / "p.toml"
    profile.write_text('[profile]\nred_flags = ["saddle-numbness"]\n')
    refused = run("new", "routine", target, "-e", "cat-cow", *FIXED, "--profile", profile)
    assert refused.exit_code == 3
    assert not target.exists()


def test_new_plugin_works_as_before_and_as_new_plugin():
    assert "Start a new plugin" in run("new-plugin", "--help").output
    assert "Start a new plugin" in run("new", "plugin", "--help").output


def test_sync_refuses_a_start_from_the_clock_before_reaching_the_server():
    # port 9 (discard) on 127.0.0.1 is never contacted: the check comes first
    result = run("sync", "desk-break", "--url", "http://127.0.0.1:9/cal/", "--user", "alice", input="")
    assert result.exit_code == 2
    assert "--start: a calendar kept in step needs a fixed start" in result.stderr
    assert "cannot talk" not in result.stderr
