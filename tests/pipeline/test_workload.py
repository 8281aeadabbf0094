"""Issue 23 item 7: the limits bound the total work, not just each dimension. The issue's
routine (6,552 sessions x 100 steps with 2,000-character notes, every size within its own
limit) needed over 6 GB to export; it is now refused at once, naming the limit. The memory of
the largest accepted routines is measured by benchmarks/bench_limits.py."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from supple.cli import cli
from supple.model.routine import Schedule
from supple.pipeline.schedule import session_starts

NOTE = ("Knees soft, breathe out — ümlaut 😀 " * 100)[:2000]


def routine(*, weeks=156, times=6, steps=100, note=NOTE, title="Title") -> str:
    clock = ", ".join(f'"{7 + 2 * i:02d}:00"' for i in range(times))
    head = textwrap.dedent(f"""
        [routine]
        title = "{title}"
        [schedule]
        start = 2026-12-07
        weeks = {weeks}
        days = "daily"
        times = [{clock}]
        timezone = "Europe/Madrid"
        """)
    return head + "".join(f'[[steps]]\nexercise = "cat-cow"\nnote = "{note}"\n' for _ in range(steps))


def test_the_issues_routine_is_refused_at_once_in_bounded_memory(tmp_path):
    path = tmp_path / "huge.toml"
    path.write_text(routine())
    assert path.stat().st_size > 200_000
    probe = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
             "sys.argv = ['supple', *sys.argv[1:]]; from supple.cli.console import main; main()")
    env = {k: v for k, v in os.environ.items() if k != "SUPPLE_DEBUG"}
    done = subprocess.run([sys.executable, "-c", probe, "export", str(path), "--to", "json"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 2, done.stderr[-2000:]
    assert done.stdout == ""
    assert done.stderr == (
        f"supple: error: {path}: schedule: 6,552 sessions x 100 steps is 655,200 planned steps; "
        "the limit (MAX_SESSION_STEPS) is 20,000: plan fewer weeks, days or times a day, or "
        "fewer steps\n")


def test_repeated_text_is_bounded(tmp_path):
    path = tmp_path / "wordy.toml"
    path.write_text(routine(times=1, steps=18))
    for command in (["check"], ["plan"], ["export", "--to", "ics"]):
        result = CliRunner().invoke(cli, [command[0], str(path), *command[1:]])
        assert result.exit_code == 2, result.output
        assert "r.toml" not in result.output and "wordy.toml: steps: 1,092 sessions each repeat" in result.output
        assert "the limit (MAX_PLAN_TEXT) is 4,000,000" in result.output


def test_a_routine_at_the_limits_is_accepted(tmp_path):
    path = tmp_path / "big.toml"
    path.write_text(routine(times=1, steps=18, note="n" * 180, title="t" * 300))
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0, result.output


def test_check_reports_the_limit_too(tmp_path):
    path = tmp_path / "huge.toml"
    path.write_text(routine(note="short"))
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2 and "MAX_SESSION_STEPS" in result.output


@settings(max_examples=80, deadline=None, derandomize=True)
@given(start=st.dates(dt.date(2026, 1, 1), dt.date(2027, 1, 1)), length=st.integers(0, 60),
       days=st.sets(st.integers(0, 6), min_size=1),
       times=st.sets(st.sampled_from([dt.time(7), dt.time(12, 30), dt.time(20)]), min_size=1))
def test_the_session_count_is_the_schedules(start, length, days, times):
    from supple.pipeline.workload import session_count

    schedule = Schedule(start=start, until=start + dt.timedelta(days=length), days=tuple(sorted(days)),
                        times=tuple(sorted(times)), timezone="UTC", weeks=None)

    class Routine:
        pass

    routine_ = Routine()
    routine_.schedule = schedule
    assert session_count(routine_) == len(list(session_starts(schedule)))
