"""Issue 23 items 9 and 10: dates at the ends of the calendar and clock changes.

Dates near year 1 and 9999 are a located input error, never an OverflowError; times that a
spring-forward change moves onto the same instant become one session, and moved times keep
the sessions in time order; a day a zone skipped entirely (Pacific/Apia, 30 December 2011)
has no session (docs/routine-format.md).
"""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli import cli
from supple.testing import make_registry, plan_routine

UTC = dt.UTC

ROUTINE = """
[routine]
title = "Edges"
{revised}
[schedule]
start = {start}
{length}
days = {days}
times = {times}
timezone = "{zone}"
[[steps]]
exercise = "cat-cow"
"""


def _routine(tmp_path, *, start, length="weeks = 1", days='"daily"', times='["07:30"]',
             zone="Europe/Madrid", revised=""):
    path = tmp_path / "r.toml"
    path.write_text(ROUTINE.format(start=start, length=length, days=days, times=times, zone=zone,
                                   revised=revised))
    return str(path)


EDGES = [
    ("0001-01-01", "weeks = 1", "America/New_York", "schedule.start"),
    ("0001-01-01", "weeks = 1", "Pacific/Kiritimati", "schedule.start"),
    ("9999-12-20", "weeks = 2", "Europe/Madrid", "schedule.start"),
    ("9999-12-25", "until = 9999-12-31", "America/New_York", "schedule.start"),
    ("1899-12-31", "weeks = 1", "UTC", "schedule.start"),
    ("2999-12-20", "weeks = 4", "UTC", "schedule.weeks"),
    ("2999-12-20", "until = 3000-01-02", "UTC", "schedule.until"),
]


@pytest.mark.parametrize("start, length, zone, key", EDGES)
@pytest.mark.parametrize("command", [["check"], ["plan"], ["export", "--to", "ics"],
                                     ["export", "--to", "md"]])
def test_dates_out_of_range_are_a_located_error(tmp_path, start, length, zone, key, command):
    path = _routine(tmp_path, start=start, length=length, zone=zone, times='["00:30", "23:30"]')
    result = CliRunner().invoke(cli, [command[0], path, *command[1:]])
    assert result.exit_code == 2, result.output
    assert f"r.toml: {key}: " in result.output and "1900-01-01 to 2999-12-31" in result.output
    assert "internal error" not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("revised", ["0001-01-01", "9999-12-31"])
def test_a_revised_date_out_of_range_is_a_located_error(tmp_path, revised):
    path = _routine(tmp_path, start="2026-12-07", revised=f"revised = {revised}")
    result = CliRunner().invoke(cli, ["export", path, "--to", "ics"])
    assert result.exit_code == 2, result.output
    assert "r.toml: routine.revised: " in result.output


@pytest.mark.parametrize("zone", ["America/New_York", "Pacific/Kiritimati", "Pacific/Apia",
                                  "Europe/Amsterdam", "Asia/Kolkata", "Australia/Lord_Howe"])
@pytest.mark.parametrize("start, length", [("1900-01-01", "weeks = 1"),
                                           ("2999-12-25", "until = 2999-12-31")])
def test_the_ends_of_the_range_plan_and_export(tmp_path, zone, start, length):
    path = _routine(tmp_path, start=start, length=length, zone=zone, times='["00:00", "23:59"]',
                    revised=f"revised = {start}")
    for command in (["plan"], ["export", "--to", "ics"], ["export", "--to", "md"]):
        result = CliRunner().invoke(cli, [command[0], path, *command[1:]])
        assert result.exit_code == 0, (command, result.output)


def _starts(tmp_path, **kwargs):
    plan = plan_routine(_routine(tmp_path, **kwargs), make_registry(builtins=True))
    return [session.start for session in plan.sessions]


def test_two_times_moved_onto_one_instant_are_one_session(tmp_path):
    # Madrid, 29 March 2026: 02:00 becomes 03:00, so 02:30 is 03:30 CEST, as is 03:30
    starts = _starts(tmp_path, start="2026-03-29", length="until = 2026-03-29",
                     times='["02:30", "03:30"]')
    assert [s.astimezone(UTC) for s in starts] == [dt.datetime(2026, 3, 29, 1, 30, tzinfo=UTC)]


def test_a_moved_time_keeps_the_sessions_in_order(tmp_path):
    starts = _starts(tmp_path, start="2026-03-28", length="until = 2026-03-30",
                     times='["02:45", "03:10"]')
    utc = [s.astimezone(UTC) for s in starts]
    assert utc == sorted(utc) and len(set(utc)) == len(utc) == 6
    day = [f"{s:%H:%M}" for s in starts if s.date() == dt.date(2026, 3, 29)]
    assert day == ["03:10", "03:45"]


def test_a_skipped_day_has_no_session(tmp_path):
    # Samoa skipped Friday 30 December 2011, going from UTC-10 to UTC+14
    starts = _starts(tmp_path, start="2011-12-26", length="until = 2012-01-01",
                     zone="Pacific/Apia", times='["00:00", "07:30", "23:59"]')
    days = sorted({s.date() for s in starts})
    assert dt.date(2011, 12, 30) not in days
    assert days == [dt.date(2011, 12, d) for d in (26, 27, 28, 29, 31)] + [dt.date(2012, 1, 1)]
    utc = [s.astimezone(UTC) for s in starts]
    assert utc == sorted(utc) and len(set(utc)) == len(utc) == 18


def test_fridays_only_across_the_skipped_day(tmp_path):
    starts = _starts(tmp_path, start="2011-12-26", length="weeks = 2", days='["fri"]',
                     zone="Pacific/Apia")
    assert [s.date() for s in starts] == [dt.date(2012, 1, 6)]


ZONES = ["Europe/Madrid", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia",
         "America/Santiago", "Asia/Tehran", "America/St_Johns", "Europe/London"]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(zone=st.sampled_from(ZONES), times=st.lists(
    st.times().map(lambda t: t.replace(second=0, microsecond=0)), min_size=1, max_size=6,
    unique=True))
def test_sessions_are_strictly_increasing_in_every_zone(zone, times):
    from supple.model.routine import Schedule
    from supple.pipeline.schedule import session_starts

    schedule = Schedule(start=dt.date(2011, 1, 1), until=dt.date(2012, 12, 31),
                        days=tuple(range(7)), times=tuple(sorted(times)), timezone=zone, weeks=None)
    utc = [start.astimezone(UTC) for _, start in session_starts(schedule)]
    assert all(a < b for a, b in zip(utc, utc[1:]))
