"""Schedules: session start times in an IANA zone, correct across daylight-saving changes, and
the errors for schedules that cannot work."""

from __future__ import annotations

import datetime as dt
import json
import time
import tomllib
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from supple.cli import cli
from supple.io.routine_file import routine_from_dict
from supple.pipeline.schedule import (
    local_datetime,
    machine_timezone,
    resolve_timezone,
    session_starts,
)

MADRID = ZoneInfo("Europe/Madrid")
NEW_YORK = ZoneInfo("America/New_York")


def schedule_of(table: str):
    text = f'[routine]\ntitle = "t"\n[schedule]\n{table}\n[[steps]]\nexercise = "cat-cow"\n'
    return routine_from_dict(tomllib.loads(text), "r.toml").schedule


def run(tmp_path, *args):
    return CliRunner().invoke(cli, list(args), env={"SUPPLE_CONFIG_DIR": str(tmp_path / "c")})


# --- daylight saving ---------------------------------------------------------------------------


def test_madrid_keeps_0730_across_the_last_sunday_of_march_and_the_offset_changes():
    schedule = schedule_of('start = 2027-03-22\nweeks = 2\ntimes = ["07:30"]\ntimezone = "Europe/Madrid"')
    starts = {start.date(): start for _, start in session_starts(schedule)}
    before, after = starts[dt.date(2027, 3, 27)], starts[dt.date(2027, 3, 28)]
    assert before.isoformat() == "2027-03-27T07:30:00+01:00"
    assert after.isoformat() == "2027-03-28T07:30:00+02:00"
    assert all((s.hour, s.minute) == (7, 30) for s in starts.values())
    # a real day less one hour passes between them
    assert after.astimezone(dt.UTC) - before.astimezone(dt.UTC) == dt.timedelta(hours=23)


def test_new_york_keeps_0730_across_the_first_sunday_of_november():
    schedule = schedule_of('start = 2027-11-01\nweeks = 2\ntimes = ["07:30"]\ntimezone = "America/New_York"')
    starts = {start.date(): start.isoformat() for _, start in session_starts(schedule)}
    assert starts[dt.date(2027, 11, 6)] == "2027-11-06T07:30:00-04:00"
    assert starts[dt.date(2027, 11, 7)] == "2027-11-07T07:30:00-05:00"
    assert len(starts) == 14


def test_a_time_skipped_by_spring_forward_moves_forward_by_the_gap():
    # 02:30 does not exist on 28 March 2027 in Madrid nor on 14 March 2027 in New York
    assert local_datetime(dt.date(2027, 3, 28), dt.time(2, 30), MADRID).isoformat() == "2027-03-28T03:30:00+02:00"
    assert local_datetime(dt.date(2027, 3, 14), dt.time(2, 30), NEW_YORK).isoformat() == "2027-03-14T03:30:00-04:00"
    # the day before and after, 02:30 is 02:30
    assert local_datetime(dt.date(2027, 3, 27), dt.time(2, 30), MADRID).isoformat() == "2027-03-27T02:30:00+01:00"


def test_an_ambiguous_autumn_time_takes_its_first_occurrence():
    assert local_datetime(dt.date(2027, 11, 7), dt.time(1, 30), NEW_YORK).isoformat() == "2027-11-07T01:30:00-04:00"
    assert local_datetime(dt.date(2027, 10, 31), dt.time(2, 30), MADRID).isoformat() == "2027-10-31T02:30:00+02:00"


def test_the_plan_shows_the_clock_change_and_the_moved_session(tmp_path):
    path = tmp_path / "dst.toml"
    path.write_text(
        '[routine]\ntitle = "Spring"\n[schedule]\nstart = 2027-03-22\nweeks = 2\n'
        'days = ["sat", "sun"]\ntimes = ["02:30", "07:30"]\ntimezone = "Europe/Madrid"\n'
        '[[steps]]\nexercise = "cat-cow"\n',
        encoding="utf-8",
    )
    result = run(tmp_path, "plan", str(path))
    assert result.exit_code == 0, result.output
    assert "the UTC offset goes from +01:00 to +02:00" in result.output
    assert "Sun 28 Mar 2027 03:30 CEST (+02:00)" in result.output
    assert "Sun 28 Mar 2027 07:30 CEST (+02:00)" in result.output
    assert "02:30 does not exist on this day because the clocks go forward" in result.output
    data = json.loads(run(tmp_path, "plan", str(path), "--json").output)
    starts = [s["start"] for s in data["sessions"]]
    assert starts[:4] == [
        "2027-03-27T02:30:00+01:00", "2027-03-27T07:30:00+01:00",
        "2027-03-28T03:30:00+02:00", "2027-03-28T07:30:00+02:00",
    ]
    assert data["sessions"][2]["notes"] and not data["sessions"][3]["notes"]


# --- weeks, days and times -----------------------------------------------------------------------


def test_weeks_count_seven_days_from_the_start_date_whatever_its_weekday():
    schedule = schedule_of(
        'start = 2026-12-09\nweeks = 2\ndays = ["mon", "wed"]\ntimes = ["18:00", "08:00"]\n'
        'timezone = "Europe/Madrid"'
    )
    starts = list(session_starts(schedule))
    assert [(w, s.strftime("%Y-%m-%d %H:%M")) for w, s in starts] == [
        (1, "2026-12-09 08:00"), (1, "2026-12-09 18:00"),
        (1, "2026-12-14 08:00"), (1, "2026-12-14 18:00"),
        (2, "2026-12-16 08:00"), (2, "2026-12-16 18:00"),
        (2, "2026-12-21 08:00"), (2, "2026-12-21 18:00"),
    ]
    assert schedule.until == dt.date(2026, 12, 22) and schedule.total_weeks == 2


def test_until_is_inclusive_and_a_started_week_counts():
    schedule = schedule_of('start = 2026-12-07\nuntil = 2026-12-15\ntimezone = "UTC"')
    starts = list(session_starts(schedule))
    assert len(starts) == 9 and starts[-1][1].date() == dt.date(2026, 12, 15)
    assert starts[-1][0] == 2 and schedule.total_weeks == 2


# --- time zones --------------------------------------------------------------------------------


def test_a_routine_without_a_zone_uses_the_machines(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    assert machine_timezone() == "America/New_York"
    schedule = schedule_of("start = 2026-12-07\nweeks = 1")
    assert schedule.timezone == "America/New_York"
    assert next(session_starts(schedule))[1].isoformat() == "2026-12-07T08:00:00-05:00"


@pytest.mark.parametrize("value", [":Europe/Madrid", "/usr/share/zoneinfo/Europe/Madrid"])
def test_the_machine_zone_understands_tz_forms(monkeypatch, value):
    monkeypatch.setenv("TZ", value)
    assert machine_timezone() == "Europe/Madrid"


def test_an_unusable_tz_falls_back_to_the_system_or_utc(monkeypatch):
    monkeypatch.setenv("TZ", "../../etc/passwd")
    resolve_timezone(machine_timezone())  # always a zone that exists


@pytest.mark.parametrize(
    "zone, words",
    [
        ("Europe/Madird", "unknown time zone 'Europe/Madird'; did you mean 'Europe/Madrid'?"),
        ("Mars/Olympus", "unknown time zone 'Mars/Olympus'"),
        ("../../etc/passwd", "expected an IANA time zone name"),
        ("", "expected an IANA time zone name"),
    ],
)
def test_an_invalid_zone_is_a_located_error_with_exit_2(tmp_path, zone, words):
    path = tmp_path / "zone.toml"
    path.write_text(
        f'[routine]\ntitle = "t"\n[schedule]\nstart = 2026-12-07\nweeks = 1\ntimezone = "{zone}"\n'
        '[[steps]]\nexercise = "cat-cow"\n',
        encoding="utf-8",
    )
    for command in ("check", "plan"):
        result = run(tmp_path, command, str(path))
        assert result.exit_code == 2, result.output
        assert f"{path}: schedule.timezone: {words}" in result.output


# --- schedules that cannot work ------------------------------------------------------------------


@pytest.mark.parametrize(
    "table, key, words",
    [
        ("start = 2027-01-10\nuntil = 2027-01-01", "schedule.until", "2027-01-01 is before the start, 2027-01-10"),
        ("start = 2026-12-07\nweeks = 5200", "schedule.weeks", "must be between 1 and 156 weeks; got 5200"),
        ("start = 2026-12-07\nuntil = 2126-12-07", "schedule.until", "the programme would last more than 156 weeks"),
        ("start = 2026-12-07\nweeks = 0", "schedule.weeks", "must be between 1 and 156 weeks; got 0"),
        ("start = 2026-12-07\nweeks = 2\nuntil = 2027-01-01", "schedule", "give either weeks or until, not both"),
        ("start = 2026-12-07", "schedule.weeks", "give the programme's length"),
        ('start = 2026-12-07\nweeks = 1\ntimes = ["25:00"]', "schedule.times[1]", "expected a local time of day"),
        ('start = 2026-12-07\nweeks = 1\ndays = ["funday"]', "schedule.days[1]", "expected a weekday"),
        ('start = 2026-12-07\nweeks = 1\ntimes = ["06:00", "07:00", "08:00", "09:00", "10:00", "11:00", "12:00"]',
         "schedule.times", "has 7 times a day; the limit is 6"),
    ],
)
def test_schedules_that_cannot_work_are_located_errors_with_exit_2(tmp_path, table, key, words):
    path = tmp_path / "bad.toml"
    path.write_text(
        f'[routine]\ntitle = "t"\n[schedule]\n{table}\ntimezone = "UTC"\n[[steps]]\nexercise = "cat-cow"\n',
        encoding="utf-8",
    )
    for command in ("check", "plan"):
        result = run(tmp_path, command, str(path))
        assert result.exit_code == 2, result.output
        assert f"{path}: {key}: {words}" in result.output
        assert "Traceback" not in result.output


def test_ten_thousand_steps_are_refused_at_once(tmp_path):
    path = tmp_path / "huge.toml"
    path.write_text(
        '[routine]\ntitle = "t"\n[schedule]\nstart = 2026-12-07\nweeks = 156\ntimes = ["07:00"]\n'
        'timezone = "UTC"\n' + '[[steps]]\nexercise = "cat-cow"\n' * 10_000,
        encoding="utf-8",
    )
    started = time.monotonic()
    result = run(tmp_path, "plan", str(path))
    assert result.exit_code == 2
    assert f"{path}: steps: has 10,000 steps; the limit is 100" in result.output
    assert time.monotonic() - started < 60  # never a hang (a generous bound, not a benchmark)


def test_the_largest_schedule_allowed_still_plans(tmp_path):
    path = tmp_path / "big.toml"
    path.write_text(
        '[routine]\ntitle = "t"\n[schedule]\nstart = 2026-12-07\nweeks = 156\n'
        'times = ["06:00", "09:00", "12:00", "15:00", "18:00", "21:00"]\ntimezone = "Europe/Madrid"\n'
        '[progression]\nstrategy = "linear"\nreps = 1\nmax_reps = 400\n'
        + '[[steps]]\nexercise = "cat-cow"\nreps = 2\n' * 3,
        encoding="utf-8",
    )
    result = run(tmp_path, "plan", str(path), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["sessions"]) == 156 * 7 * 6
    assert data["sessions"][-1]["steps"][0]["reps"] == 2 + 155
